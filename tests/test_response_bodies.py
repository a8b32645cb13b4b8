"""Response bodies: an empty `<Op>Response` before 1.398 (TypeScript); every JSON body of a success response."""

from __future__ import annotations

from generator.config import Options, speakeasy_options
from generator.pipeline import build

GEN_YAML = (
    "configVersion: 2.0.0\ntypescript:\n  packageName: sdk\n  imports: {paths: {shared: models, operations: models}}\n"
)


def test_an_operation_without_a_body_has_an_empty_response_page_before_1_398(tmp_path):
    """vercel 1.293 writes `DeleteProjectResponse` (204, no body) as a table of no rows, for all 16 such
    operations; vercel 1.398 for none of its 15."""
    spec = (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /things/{id}:\n    delete:\n"
        "      operationId: deleteThing\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n"
        "      responses:\n        '204': {description: gone}\n        '404': {description: ''}\n"
    )
    (tmp_path / "openapi.yaml").write_text(spec, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text(GEN_YAML, encoding="utf-8")
    pages = {}
    for version in ("1.293.0", "1.398.0"):
        (tmp_path / "gen.lock").write_text(f"management:\n  speakeasyVersion: {version}\n", encoding="utf-8")
        _, pages[version] = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    assert pages["1.293.0"]["docs/models/deletethingresponse.md"] == (
        "# DeleteThingResponse\n\n\n## Fields\n\n| Field       | Type        | Required    | Description |\n"
        "| ----------- | ----------- | ----------- | ----------- |"
    )
    assert "docs/models/deletethingresponse.md" not in pages["1.398.0"]
    assert "docs/models/deletethingrequest.md" in pages["1.398.0"]


def test_every_json_body_of_a_success_response_is_one_member_of_its_union(tmp_path):
    """vercel 1.293/1.398 `getDeploymentEvents` answers `application/json` (an array) and
    `application/stream+json` (an object): `GetDeploymentEventsResponse` is the union of the two bodies."""
    spec = (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /events:\n    get:\n"
        "      operationId: getEvents\n      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n              schema:\n                type: array\n"
        "                items: {type: object, properties: {a: {type: string}}}\n"
        "            application/stream+json:\n              schema: {type: object, properties: {b: {type: string}}}\n"
    )
    (tmp_path / "openapi.yaml").write_text(spec, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text(GEN_YAML, encoding="utf-8")
    (tmp_path / "gen.lock").write_text("management:\n  speakeasyVersion: 1.398.0\n", encoding="utf-8")
    _, files = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    union = files["docs/models/geteventsresponse.md"]
    members = [line for line in union.split("\n") if line.startswith("### `models.")]
    assert len(members) == 2 and members[0].endswith("[]`") and members[1] == "### `models.GetEventsResponseBody`"
