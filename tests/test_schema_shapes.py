"""Schema shapes real specs use that the models must accept: primitives wrapped in `allOf`,
recursive maps and arrays, OpenAPI 3.1 / JSON Schema keywords. Two small specs in the
manner of openapi-python-client's end-to-end specs (3.0 and 3.1) and Box's payloads; each
generated package must import, validate real payloads and pass `mypy --strict`."""

from __future__ import annotations

import json

import pydantic
import pytest
from models_support import RUFF_ARGS, dump, generated, tool


def _ref(name: str) -> dict:
    return {"$ref": "#/components/schemas/" + name}


def _items_object(prop: str, keyword: str, target: str) -> dict:
    """`{type: array, items: {type: object, <keyword>: ...$ref target}}`"""
    inner = {"properties": {prop: _ref(target)}} if keyword == "properties" else {keyword: _ref(target)}
    return {"type": "array", "items": {"type": "object", **inner}}


SPEC_30 = {
    "openapi": "3.0.3",
    "info": {"title": "Shapes 3.0", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            # Box's File: primitives in an allOf with members that carry no type
            "File": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"allOf": [{"type": "string"}, {"nullable": False}], "description": "The id"},
                    "sequence_id": {"allOf": [{"type": "string", "nullable": True}, {"description": "A sequence"}]},
                    "description": {"allOf": [{"type": "string", "maxLength": 256}, {"description": "Text"}]},
                    "size": {"allOf": [{"type": "integer", "format": "int64"}, {"minimum": 1}]},
                    "ratio": {"allOf": [_ref("Ratio"), {"minimum": 0}]},
                    "tags": {"allOf": [{"type": "array", "items": {"type": "string"}}, {"nullable": True}]},
                },
            },
            "Ratio": {"type": "number"},
            "ModelWithRecursiveRef": {"type": "object", "properties": {"recursive": _ref("ModelWithRecursiveRef")}},
            "MapOfItself": {"type": "object", "additionalProperties": _ref("MapOfItself")},
            "MapA": {"type": "object", "additionalProperties": _ref("MapB")},
            "MapB": {"type": "object", "additionalProperties": _ref("MapA")},
            "ArrayOfItself": _items_object("recursive", "properties", "ArrayOfItself"),
            "ArrayA": _items_object("circular", "properties", "ArrayB"),
            "ArrayB": _items_object("circular", "properties", "ArrayA"),
            "ArrayOfMaps": _items_object("", "additionalProperties", "ArrayOfMaps"),
            "ArrayOfMapsA": _items_object("", "additionalProperties", "ArrayOfMapsB"),
            "ArrayOfMapsB": _items_object("", "additionalProperties", "ArrayOfMapsA"),
            "Holder": {
                "type": "object",
                "properties": {
                    name: _ref(name)
                    for name in ("MapOfItself", "MapA", "ArrayOfItself", "ArrayA", "ArrayOfMaps", "ArrayOfMapsA")
                },
            },
        }
    },
}


@pytest.fixture(scope="module")
def shapes30(tmp_path_factory):
    return generated(tmp_path_factory.mktemp("shapes30"), SPEC_30, "shapes30")


def test_primitives_wrapped_in_all_of_stay_primitives(shapes30):
    m, _ = shapes30
    payload = {"id": "12345", "sequence_id": "3", "description": "A file", "size": 629644, "ratio": 0.5, "tags": None}
    assert dump(m.File.model_validate(payload)) == payload
    assert m.File.model_validate({"id": "1", "sequence_id": None}).sequence_id is None
    with pytest.raises(pydantic.ValidationError):
        m.File.model_validate({"id": "1", "size": "large"})


def test_recursive_maps_and_arrays(shapes30):
    m, _ = shapes30
    payload = {
        "MapOfItself": {"a": {"b": {}}},
        "MapA": {"a": {"b": {"c": {}}}},
        "ArrayOfItself": [{"recursive": [{"recursive": []}, {}]}],
        "ArrayA": [{"circular": [{"circular": [{}]}]}],
        "ArrayOfMaps": [{"x": [{"y": []}]}],
        "ArrayOfMapsA": [{"x": [{"y": [{}]}]}],
    }
    assert dump(m.Holder.model_validate(payload)) == payload
    with pytest.raises(pydantic.ValidationError):
        m.Holder.model_validate({"MapOfItself": {"a": {"b": 1}}})
    with pytest.raises(pydantic.ValidationError):
        m.Holder.model_validate({"ArrayOfItself": [{"recursive": [{"recursive": "no"}]}]})


def test_a_reference_cycle_through_no_schema_is_refused(tmp_path, run_cli):
    spec = tmp_path / "openapi.json"
    schemas = {"A": _ref("B"), "B": _ref("A")}
    spec.write_text(json.dumps({**SPEC_30, "components": {"schemas": schemas}}), encoding="utf-8")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2 and "cycle" in err and "#/components/schemas/" in err


@pytest.mark.parametrize("fixture", ["shapes30"])
def test_packages_are_clean_for_tools(fixture, request):
    _, out = request.getfixturevalue(fixture)
    package = fixture
    ruff = tool("ruff", "check", *RUFF_ARGS, package, cwd=out)
    assert ruff.returncode == 0, ruff.stdout
    mypy = tool("mypy", "--strict", "--no-incremental", package, cwd=out)
    assert mypy.returncode == 0, mypy.stdout
