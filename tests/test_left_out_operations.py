"""Operations Speakeasy leaves out of the SDK (parse.paths._unsupported): their schemas take names, no page."""

from __future__ import annotations

import os

from conftest import shared_path

from generator.config import Options, speakeasy_options
from generator.pipeline import build, build_named

GEN_YAML = (
    "configVersion: 2.0.0\ngeneration:\n  fixes: {nameResolutionDec2023: true}\n"
    "typescript:\n  packageName: sdk\n  imports: {paths: {shared: models, operations: models}}\n"
)


def _spec(first_parameters: str) -> str:
    body = (
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema:\n                type: object\n"
        "                properties:\n                  value: {type: object, properties: {%s: {type: string}}}\n"
    )
    return (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n"
        "  /things/{idOrName}:\n    get:\n      operationId: getThing\n      parameters:\n"
        + first_parameters
        + body % "a"
        + "  /things:\n    post:\n      operationId: createThing\n"
        + body % "b"
    )


def _pages(tmp_path, spec: str, version: str = "1.398.0") -> set[str]:
    (tmp_path / "openapi.yaml").write_text(spec, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text(GEN_YAML, encoding="utf-8")
    (tmp_path / "gen.lock").write_text(f"management:\n  speakeasyVersion: {version}\n", encoding="utf-8")
    _, files = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    return {path.removeprefix("docs/models/") for path in files}


MIXED = "        - {name: idOrName, in: path, required: true, schema: {oneOf: [{type: string}, {type: boolean}]}}\n"
ONE_TYPE = "        - {name: idOrName, in: path, required: true, schema: {oneOf: [{type: string}]}}\n"
NAMESAKES = (
    "        - {name: idOrName, in: path, required: true, schema: {type: string}}\n"
    "        - {name: idOrName, in: query, schema: {type: string}}\n"
)


def test_a_path_parameter_of_mixed_types_leaves_the_operation_out_its_names_taken(tmp_path):
    """vercel 1.293/1.398 `getProject` (`idOrName: oneOf [string, boolean]`): no file of it in gen.lock, while
    its schemas still claimed their names (1.398 `createSecret`'s value is `CreateSecretValue`)."""
    assert _pages(tmp_path, _spec(MIXED)) == {"createthingresponsebody.md", "createthingvalue.md"}
    kept = _pages(tmp_path, _spec(ONE_TYPE))
    assert {"getthingrequest.md", "getthingresponsebody.md", "value.md", "createthingvalue.md"} <= kept


def test_what_modelgen_diff_compares_holds_no_left_out_declaration(tmp_path):
    """`modelgen diff` reads `build_named`: a class never written is no change to report."""
    _pages(tmp_path, _spec(MIXED))  # writes the spec and the Speakeasy folder
    named = build_named(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    assert sorted(d.name for d in named.decls) == ["CreateThingResponseBody", "CreateThingValue"]


def test_namesake_parameters_leave_the_operation_out_before_1_684(tmp_path):
    """vercel 1.293/1.398 `patchEdgeConfigItems` (`edgeConfigId` in path and query) is left out; plexpy
    1.684 writes `mergeItems` with `ids_path_parameter` and `ids_query_parameter`."""
    assert "getthingrequest.md" not in _pages(tmp_path, _spec(NAMESAKES))
    assert "getthingrequest.md" in _pages(tmp_path, _spec(NAMESAKES), "1.684.0")


def test_vercel_writes_no_page_of_the_operations_its_lock_lists_no_file_of():
    entry = shared_path("corpus-ts", "vercel-1398")
    _, files = build(os.path.join(entry, "openapi.yaml"), speakeasy_options(entry, Options()))
    with open(os.path.join(entry, "gen.lock"), encoding="utf-8") as handle:
        lock = handle.read()
    for page in ("getprojectrequest.md", "getprojectresponsebody.md", "patchedgeconfigitemsrequest.md"):
        assert "docs/models/" + page not in lock and "docs/models/" + page not in files
    assert "docs/models/createsecretvalue.md" in files  # `getProject` still took `Value`
