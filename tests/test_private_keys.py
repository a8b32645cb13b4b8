"""A spec cannot steer parse's own bookkeeping: keys shaped like the private notes parse once kept in
schemas (`x-modelgen-copy`, `-orphans`, `-spread`) are ordinary unknown extensions, and the output
is the same with them as without."""

from __future__ import annotations

import copy

import yaml

from generator.config import Options
from generator.pipeline import build

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Cat": {"type": "object", "properties": {"meow": {"type": "string"}}},
            "Dog": {"type": "object", "properties": {"bark": {"type": "string"}}},
            "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]},
            "Owned": {  # distributed over Pet's members
                "allOf": [{"$ref": "#/components/schemas/Pet"}, {"properties": {"owner": {"type": "string"}}}],
            },
            "Single": {  # a one-member union
                "type": "object",
                "properties": {"choice": {"oneOf": [{"type": "object", "properties": {"a": {"type": "string"}}}]}},
            },
            "Plain": {"type": "object", "properties": {"inner": {"type": "object", "properties": {}}}},
        }
    },
}

NOTES = {
    "x-modelgen-copy": "Forged",
    "x-modelgen-spread": True,
    "x-modelgen-orphans": [{"type": "object", "title": "Orphan", "properties": {"x": {"type": "string"}}}],
}


def _with_notes(node: object) -> object:
    """Every schema-like mapping of the spec with the note keys added."""
    if isinstance(node, dict):
        out = {k: _with_notes(v) for k, v in node.items()}
        if any(k in node for k in ("type", "properties", "oneOf", "allOf")):
            out.update(copy.deepcopy(NOTES))
        return out
    if isinstance(node, list):
        return [_with_notes(v) for v in node]
    return node


def test_private_looking_keys_change_nothing(tmp_path):
    plain, noted = tmp_path / "plain.yaml", tmp_path / "noted.yaml"
    plain.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    noted.write_text(yaml.safe_dump({**SPEC, "components": _with_notes(SPEC["components"])}), encoding="utf-8")
    new_era = {"generation": {"fixes": {"nameResolutionFeb2025": True, "sharedNestedComponentsJan2026": True}}}
    for gen in ({}, new_era):
        _, expected = build(str(plain), Options(gen=gen))
        _, found = build(str(noted), Options(gen=gen))
        assert found == expected
        assert any("owned" in path.lower() for path in expected)  # the distribution did happen
