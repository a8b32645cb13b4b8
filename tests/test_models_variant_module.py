"""Which module a component and its read-only request variant share (`render.pymodules._beside_component`):
the module of whichever of the two the operations reach first."""

from __future__ import annotations

import json

import yaml
from models_support import generate

GEN = {
    "configVersion": "2.0.0",
    "generation": {
        "maintainOpenAPIOrder": True,
        "fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": True, "sharedNestedComponentsJan2026": True},
    },
    "python": {"version": "0.1.0"},
}

ITEM = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "readOnly": True},
        "kind": {"type": "string", "enum": ["a", "b"]},  # an inline class both the component and its variant use
    },
}


def _spec(send_first: bool) -> dict:
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}
    get = {"operationId": "getItem", "responses": {"200": {"description": "ok", **body}}}
    post = {
        "operationId": "setItem",
        "parameters": [{"name": "dry", "in": "query", "schema": {"type": "boolean"}}],  # a request of its own
        "requestBody": body,
        "responses": {"204": {"description": "ok"}},
    }
    paths = {"/a": {"post": post}, "/b": {"get": get}} if send_first else {"/a": {"get": get}, "/b": {"post": post}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Item": ITEM}},
    }


def _modules(tmp_path, send_first: bool) -> dict[str, str]:
    """class name -> the module it is defined in."""
    (tmp_path / "gen.yaml").write_text(yaml.safe_dump(GEN), encoding="utf-8")
    (tmp_path / "openapi.json").write_text(json.dumps(_spec(send_first)), encoding="utf-8")
    generate(str(tmp_path / "openapi.json"), str(tmp_path / "out"), "pkg", str(tmp_path))
    found = {}
    for path in (tmp_path / "out" / "pkg" / "models").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("class ") and not line.split("(")[0].endswith("TypedDict"):
                found[line[len("class ") :].split("(")[0]] = path.stem
    return found


def test_a_component_a_response_returns_first_holds_its_variant(tmp_path):
    # cribl-cp 1.784: the first `/p/{pack}/pipelines` returns CountedPipeline, its post then sends Pipeline:
    # `PipelineInput` is written in `pipeline` beside `PipelineGroups`
    modules = _modules(tmp_path, send_first=False)
    assert {modules["Item"], modules["ItemInput"], modules["Kind"]} == {"item"}


def test_a_component_a_request_sends_first_is_written_in_its_variants_module(tmp_path):
    # cribl-cp 1.784: `/system/inputs` sends `Input` (InputSplunkHecInput) before `/system/inputs/{id}/hectoken`
    # returns CountedInputSplunkHec: `InputSplunkHec` and its classes are in `inputsplunkhec_input`
    modules = _modules(tmp_path, send_first=True)
    assert {modules["Item"], modules["ItemInput"], modules["Kind"]} == {"item_input"}
