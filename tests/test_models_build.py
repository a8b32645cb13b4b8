"""A model's validator is built when the model is first used, not when its module is imported
(importing a Stripe model that reaches hundreds of others took seconds), and a chain of models
of any depth builds without passing Python's recursion limit."""

from __future__ import annotations

from models_support import dump, generated

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
