"""A model's validator is built when the model is first used, not when its module is imported
(importing a Stripe model that reaches hundreds of others took seconds), and a chain of models
of any depth builds without passing Python's recursion limit."""

from __future__ import annotations

import sys

import pydantic
from models_support import assert_clean_for_tools, dump, generated

_LEVELS = 120  # pydantic recurses some twelve frames a level: a hundred levels at once pass the limit


def _nested(levels: int) -> dict:
    schema: dict = {"type": "object", "properties": {"id": {"type": "string"}}}
    for level in range(levels, 0, -1):
        schema = {"type": "object", "properties": {"id": {"type": "string"}, f"level{level}": schema}}
    return schema


def _payload(levels: int) -> dict:
    payload: dict = {"id": "leaf"}
    for level in range(levels, 0, -1):
        payload = {"id": str(level), f"level{level}": payload}
    return payload


def test_import_builds_nothing_and_first_use_builds_a_deep_chain(tmp_path):
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "deep", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Deep": _nested(_LEVELS),
                "Holder": {"type": "object", "properties": {"deep": {"$ref": "#/components/schemas/Deep"}}},
            }
        },
    }
    pkg, _ = generated(tmp_path, spec, "deep_pkg")
    holder, deep = pkg.models.Holder, pkg.models.Deep
    assert not holder.__pydantic_complete__ and not deep.__pydantic_complete__
    payload = {"deep": _payload(_LEVELS)}
    model = holder.model_validate(payload)
    assert holder.__pydantic_complete__
    assert dump(model) == payload
    assert dump(deep.model_validate(payload["deep"])) == payload["deep"]
    inner = model.deep
    for level in range(1, _LEVELS + 1):
        inner = getattr(inner, f"level{level}")
    assert inner.id == "leaf"


def test_a_chain_of_schemas_imports_one_module_and_validates(tmp_path):
    # each schema's module imports the next for type checkers only: importing the first imports no
    # other (eagerly, 120 modules importing each other in turn passed Python's recursion limit)
    schemas: dict = {
        f"Node{i}": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "next": {"$ref": f"#/components/schemas/Node{i + 1}"}},
        }
        for i in range(_LEVELS)
    }
    schemas[f"Node{_LEVELS}"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "chain", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    pkg, _ = generated(tmp_path, spec, "chain_pkg")
    first = pkg.models.Node0
    assert [n for n in sys.modules if n.startswith("chain_pkg.models.")] == ["chain_pkg.models.node0"]
    payload: dict = {"id": "end"}
    for i in range(_LEVELS, 0, -1):
        payload = {"id": str(i), "next": payload}
    model = first.model_validate(payload)
    assert dump(model) == payload
    assert pydantic.TypeAdapter(pkg.models.Node1).validate_python(payload["next"]).next.id == "3"


def test_modules_named_with_numbers_are_imported_in_ruffs_order(tmp_path):
    # ruff (isort) orders module names naturally: item52 before item499 (digests end long module names)
    item = {"type": "object", "properties": {"id": {"type": "string"}}}
    refs = [{"$ref": "#/components/schemas/Item52"}, {"$ref": "#/components/schemas/Item499"}]
    schemas = {
        "Item52": item,
        "Item499": item,
        "Holder": {"type": "object", "properties": {"a": refs[0], "b": refs[1]}},
        "Either": {"oneOf": refs},
    }
    spec = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}
    pkg, out = generated(tmp_path, spec, "numbered_pkg")
    assert_clean_for_tools("numbered_pkg", out)
    assert dump(pkg.models.Holder.model_validate({"a": {"id": "x"}})) == {"a": {"id": "x"}}
