"""A union whose members carry a const of one property is tagged by it only with gen.yaml's
`python.inferUnionDiscriminators: true` (Speakeasy 1.661 on; agentset, cribl-cp); without it Speakeasy
writes a plain union, its model members fewest fields first (openrouter 1.656 `Message`)."""

from __future__ import annotations

import typing

import pydantic
import pytest
from models_support import generated


def _member(tag: str, *extra: str) -> dict[str, object]:
    properties: dict[str, object] = {"kind": {"type": "string", "const": tag}}
    properties.update({name: {"type": "string"} for name in extra})
    return {"type": "object", "required": ["kind"], "properties": properties}


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Tags", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Big": _member("big", "a", "b"),
            "Small": _member("small"),
            "Event": {"oneOf": [{"$ref": "#/components/schemas/Big"}, {"$ref": "#/components/schemas/Small"}]},
        }
    },
}


def _package(root, package: str, infer: bool):
    gen = {"configVersion": "2.0.0", "python": {"version": "0.1.0", "inferUnionDiscriminators": infer}}
    return generated(root, SPEC, package, gen)[0].models


@pytest.fixture(scope="module")
def inferred(tmp_path_factory):
    return _package(tmp_path_factory.mktemp("inferred"), "tags_inferred", True)


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    return _package(tmp_path_factory.mktemp("plain"), "tags_plain", False)


def test_inferred_tag_picks_the_member_in_the_spec_order(inferred) -> None:
    assert typing.get_origin(inferred.Event) is typing.Annotated
    assert typing.get_args(typing.get_args(inferred.Event)[0]) == (inferred.Big, inferred.Small)
    with pytest.raises(pydantic.ValidationError) as error:
        pydantic.TypeAdapter(inferred.Event).validate_python({"kind": "other"})
    assert "union_tag" in str(error.value.errors()[0]["type"])


def test_without_the_option_a_plain_union_fewest_fields_first(plain) -> None:
    assert typing.get_origin(plain.Event) is typing.Union
    assert typing.get_args(plain.Event) == (plain.Small, plain.Big)
    assert isinstance(pydantic.TypeAdapter(plain.Event).validate_python({"kind": "big", "a": "x"}), plain.Big)
