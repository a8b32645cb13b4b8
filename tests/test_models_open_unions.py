"""Open tagged unions (gen.yaml `forwardCompatibleUnionsByDefault: tagged-only`, cribl-cp 1.784): a
response's tagged union gets an `Unknown<Union>` member that keeps a payload of any other tag whole;
a request body's union stays closed."""

from __future__ import annotations

import pydantic
import pytest
from models_support import assert_clean_for_tools, generated

CAT = {
    "type": "object",
    "required": ["type", "lives"],
    "properties": {"type": {"const": "cat"}, "lives": {"type": "integer"}},
}
DOG = {
    "type": "object",
    "required": ["kind"],
    "properties": {"kind": {"type": "string", "enum": ["dog", "puppy"]}, "good": {"type": "boolean"}},
}
SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Open", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "getPet",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Animal"}}},
                    }
                },
            },
            "post": {
                "operationId": "addPet",
                "requestBody": {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewAnimal"}}}
                },
                "responses": {"204": {"description": "done"}},
            },
        }
    },
    "components": {
        "schemas": {
            "Cat": CAT,
            "Dog": {**DOG, "properties": {**DOG["properties"], "type": {"const": "dog"}}, "required": ["type"]},
            "Animal": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "type"},
            },
            "NewAnimal": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "type"},
            },
        }
    },
}
GEN = {"configVersion": "2.0.0", "python": {"version": "0.1.0", "forwardCompatibleUnionsByDefault": "tagged-only"}}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory):
    root = tmp_path_factory.mktemp("open_unions")
    package, out = generated(root, SPEC, "open_models", GEN)
    return package.models, out


def test_an_unknown_tag_is_kept_whole(pkg):
    m, _ = pkg
    adapter = pydantic.TypeAdapter(m.Animal)
    assert isinstance(adapter.validate_python({"type": "cat", "lives": 9}), m.Cat)
    unknown = adapter.validate_python({"type": "cow", "moo": True})
    assert isinstance(unknown, m.UnknownAnimal) and unknown.is_unknown and unknown.type == "UNKNOWN"
    assert unknown.raw == {"type": "cow", "moo": True}
    assert adapter.dump_python(unknown, mode="json") == {"type": "cow", "moo": True}
    assert adapter.validate_python(unknown) is unknown
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"type": "cat"})  # a known tag must be valid, as in Speakeasy's SDK


def test_a_request_body_union_stays_closed(pkg):
    m, _ = pkg
    assert not hasattr(m, "UnknownNewAnimal")
    with pytest.raises(pydantic.ValidationError):
        pydantic.TypeAdapter(m.NewAnimal).validate_python({"type": "cow"})


def test_package_is_clean_for_tools(pkg):
    _, out = pkg
    assert_clean_for_tools("open_models", out)
