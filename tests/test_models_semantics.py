"""What the generated models promise, on a spec written to exercise each rule."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pydantic
import pytest
from models_support import assert_clean_for_tools, dump, generated


def _event_model(*events: str) -> dict[str, object]:
    """An object whose `event` is one of several consts (agentset 1.708 `IngestJobWebhookEvent`)."""
    return {
        "type": "object",
        "required": ["event"],
        "properties": {"event": {"anyOf": [{"type": "string", "const": e} for e in events]}},
    }


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Semantics", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["name", "owner", "kind"],
                "properties": {
                    "name": {"type": "string"},
                    "owner": {"type": ["string", "null"]},
                    "nickname": {"type": ["string", "null"]},
                    "result": {"type": ["string", "null"], "default": None},
                    "age": {"type": "integer", "default": 3},
                    "kind": {"const": "pet"},
                    "first-seen": {"type": "string", "format": "date"},
                    "updated": {"type": "string", "format": "date-time"},
                    "date": {"type": "string", "format": "date"},
                    "str": {"type": "string"},
                    "photo": {"type": "string", "format": "binary"},
                    "colour": {"$ref": "#/components/schemas/Colour"},
                    "mood": {"$ref": "#/components/schemas/Mood"},
                    "price": {"type": "string", "format": "decimal"},
                    "rate": {"type": ["string", "null"], "format": "decimal", "default": "0.25"},
                    "tag": {"type": "string", "format": "uuid"},
                },
            },
            "Extras": {
                "type": "object",
                "properties": {
                    "json": {"type": "string"},
                    "copy": {"type": "integer"},
                    "tags": {"type": "array", "items": {"type": "string"}, "default": ["a", "b"]},
                    "labels": {"type": "object", "additionalProperties": {"type": "integer"}, "default": {"k": 1}},
                    "colours": {"type": "array", "items": {"$ref": "#/components/schemas/Colour"}, "default": ["red"]},
                    "nothing": {"const": None},
                    "gaps": {"type": "array", "items": {"type": ["string", "null"]}},
                    "slots": {
                        "type": "object",
                        # (a `$ref`'s siblings are ignored: nullable is said around it)
                        "additionalProperties": {"allOf": [{"$ref": "#/components/schemas/Cat"}], "nullable": True},
                    },
                },
            },
            "Colour": {"type": "string", "enum": ["red", "green"]},
            "Mood": {"type": "string", "enum": ["happy", "sad"], "x-speakeasy-unknown-values": "allow"},
            "Cat": {
                "type": "object",
                "required": ["type", "lives"],
                "properties": {"type": {"const": "cat"}, "lives": {"type": "integer"}},
            },
            "Dog": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["dog", "puppy"]}, "good": {"type": "boolean"}},
            },
            "Animal": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "type"},
            },
            "Bird": {
                "oneOf": [
                    {
                        "type": "object",
                        "required": ["type", "wings"],
                        "properties": {"type": {"const": "bird"}, "wings": {"type": "integer"}},
                    },
                    {
                        "type": "object",
                        "required": ["type", "song"],
                        "properties": {"type": {"const": "bird"}, "song": {"type": "string"}},
                    },
                ]
            },
            "Zoo": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Bird"}],
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {"cat": "#/components/schemas/Cat", "bird": "#/components/schemas/Bird"},
                },
            },
            "Plain": {"anyOf": [{"$ref": "#/components/schemas/Cat"}, {"type": "string"}]},
            "Job": _event_model("job.queued", "job.failed"),
            "Doc": _event_model("doc.queued", "doc.ready"),
            "Event": {"anyOf": [{"$ref": "#/components/schemas/Job"}, {"$ref": "#/components/schemas/Doc"}]},
            "Named": {
                "allOf": [
                    {"$ref": "#/components/schemas/Cat"},
                    {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
                ]
            },
            "Labels": {
                "type": "object",
                "properties": {"id": {"type": "string"}},
                "additionalProperties": {"type": "integer"},
            },
            "Closed": {"type": "object", "properties": {"id": {"type": "string"}}, "additionalProperties": False},
            "Node": {
                "type": "object",
                "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}},
            },
            "Json": {
                "anyOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Json"}},
                    {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Json"}},
                ]
            },
        }
    },
}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory):
    return generated(tmp_path_factory.mktemp("semantics"), SPEC, "sem_models")


def test_required_optional_nullable(pkg):
    m, _ = pkg
    with pytest.raises(pydantic.ValidationError):
        m.Pet.model_validate({"name": "x", "kind": "pet"})  # owner is required (though nullable)
    pet = m.Pet.model_validate({"name": "x", "owner": None, "kind": "pet"})
    assert pet.owner is None and pet.nickname is m.UNSET
    assert dump(pet) == {"name": "x", "owner": None, "kind": "pet"}
    # absent stays absent and null stays null, even when unset fields are not excluded
    full = pet.model_dump(by_alias=True)
    assert "nickname" not in full and full["owner"] is None and "first-seen" not in full
    # `default: null` is a default like any other: None, sent as null (openrouter 1.656 `result`)
    assert pet.result is None and full["result"] is None
    # a default is sent, as Speakeasy's models send it (agentset `topK = 10`), unless unset fields are excluded
    assert full["age"] == 3 and "age" not in dump(pet)
    pet2 = m.Pet.model_validate({"name": "x", "owner": "o", "nickname": None, "kind": "pet"})
    assert pet2.model_dump(by_alias=True)["nickname"] is None


def test_alias_default_const_and_shadowed_names(pkg):
    m, _ = pkg
    pet = m.Pet.model_validate(
        {"name": "x", "owner": "o", "kind": "pet", "first-seen": "2024-02-29", "date": "2024-01-01", "str": "s"}
    )
    assert pet.first_seen == dt.date(2024, 2, 29) and pet.age == 3
    assert pet.str == "s" and dump(pet)["date"] == "2024-01-01"  # fields named like their types
    assert m.Pet(name="y", owner=None, kind="pet").age == 3  # python names work too
    with pytest.raises(pydantic.ValidationError):
        m.Pet.model_validate({"name": "x", "owner": "o", "kind": "dog"})  # const
    updated = m.Pet.model_validate({"name": "x", "owner": "o", "kind": "pet", "updated": "2024-01-01T10:00:00Z"})
    assert updated.updated == dt.datetime(2024, 1, 1, 10, tzinfo=dt.timezone.utc)
    assert dump(updated)["updated"] == "2024-01-01T10:00:00Z"


def test_closed_and_open_enums(pkg):
    m, _ = pkg
    base = {"name": "x", "owner": "o", "kind": "pet"}
    assert m.Pet.model_validate({**base, "colour": "red"}).colour is m.Colour.RED
    with pytest.raises(pydantic.ValidationError):
        m.Pet.model_validate({**base, "colour": "blue"})
    pet = m.Pet.model_validate({**base, "mood": "bored"})
    assert pet.mood == "bored" and isinstance(pet.mood, m.Mood)
    assert dump(pet)["mood"] == "bored"
    assert m.Pet.model_validate({**base, "mood": "sad"}).mood is m.Mood.SAD


def test_discriminated_union_is_tagged(pkg):
    m, _ = pkg
    adapter = pydantic.TypeAdapter(m.Animal)
    assert isinstance(adapter.validate_python({"type": "cat", "lives": 9}), m.Cat)
    assert isinstance(adapter.validate_python({"type": "puppy"}), m.Dog)
    with pytest.raises(pydantic.ValidationError) as error:
        adapter.validate_python({"type": "cow"})
    assert "union_tag" in str(error.value.errors()[0]["type"])
    dog = adapter.validate_json('{"type": "dog", "good": true}')
    assert adapter.dump_python(dog, mode="json", by_alias=True, exclude_unset=True) == {"type": "dog", "good": True}


def test_a_tag_may_pick_a_union_member(pkg):
    """cribl-cp 1.784 `Input`: `grafana` names `InputGrafana`, itself a union; Speakeasy tags it whole."""
    m, _ = pkg
    adapter = pydantic.TypeAdapter(m.Zoo)
    # both members are `type: bird`: the second is <Union><Value><position>
    assert isinstance(adapter.validate_python({"type": "cat", "lives": 9}), m.Cat)
    assert isinstance(adapter.validate_python({"type": "bird", "song": "la"}), m.BirdBird2)
    with pytest.raises(pydantic.ValidationError) as error:
        adapter.validate_python({"type": "cow"})
    assert "union_tag" in str(error.value.errors()[0]["type"])


def test_a_union_tagged_by_consts_accepts_every_const(pkg):
    """A union tagged by a property whose members each allow several consts picks a member by any of
    them, not only the first (agentset `WebhookEvent`: `ingest_job.error` was rejected as an unknown tag)."""
    m, _ = pkg
    adapter = pydantic.TypeAdapter(m.Event)
    assert isinstance(adapter.validate_python({"event": "job.failed"}), m.Job)
    assert isinstance(adapter.validate_python({"event": "doc.ready"}), m.Doc)
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"event": "other"})


def test_plain_union_all_of_and_additional_properties(pkg):
    m, _ = pkg
    plain = pydantic.TypeAdapter(m.Plain)
    assert plain.validate_python("s") == "s" and isinstance(plain.validate_python({"type": "cat", "lives": 1}), m.Cat)
    named = m.Named.model_validate({"type": "cat", "lives": 1, "name": "Tom"})
    assert (named.lives, named.name) == (1, "Tom")
    with pytest.raises(pydantic.ValidationError):
        m.Named.model_validate({"type": "cat", "lives": 1})
    labels = m.Labels.model_validate({"id": "a", "x": 1})
    assert dump(labels) == {"id": "a", "x": 1}
    with pytest.raises(pydantic.ValidationError):
        m.Labels.model_validate({"id": "a", "x": "not an integer"})
    with pytest.raises(pydantic.ValidationError):
        m.Closed.model_validate({"id": "a", "extra": 1})
    # undeclared properties of an open object are kept, not dropped
    assert dump(m.Cat.model_validate({"type": "cat", "lives": 1, "new": [1]})) == {
        "type": "cat",
        "lives": 1,
        "new": [1],
    }


def test_recursive_model_and_union(pkg):
    m, _ = pkg
    tree = {"children": [{"children": []}, {}]}
    assert dump(m.Node.model_validate(tree)) == tree
    value = ["a", {"b": ["c", {}]}]
    assert pydantic.TypeAdapter(m.JSON).validate_python(value) == value


def test_package_is_clean_for_tools(pkg):
    _, out = pkg
    assert_clean_for_tools("sem_models", out)


def test_decimal_strings_are_decimals_written_back_plain(pkg):
    m, _ = pkg
    base = {"name": "x", "owner": "o", "kind": "pet"}
    pet = m.Pet.model_validate({**base, "price": "0.000000000001", "rate": None})
    assert pet.price == Decimal("1E-12") and pet.rate is None
    assert dump(pet) == {**base, "price": "0.000000000001", "rate": None}
    assert m.Pet.model_validate(base).rate == Decimal("0.25")  # the spec's default, as a Decimal
    assert dump(m.Pet.model_validate({**base, "price": "12.50"}))["price"] == "12.50"
    for bad in ("abc", "NaN", "Infinity", [1]):
        with pytest.raises(pydantic.ValidationError):
            m.Pet.model_validate({**base, "price": bad})
    # a uuid stays the string it was (pydantic's UUID would rewrite upper case and braces)
    tag = "{6F9619FF-8B86-D011-B42D-00C04FC964FF}"
    assert dump(m.Pet.model_validate({**base, "tag": tag}))["tag"] == tag


def test_docs_keep_speakeasys_type_for_decimal(pkg):
    _, out = pkg
    with open(os.path.join(out, "docs", "models", "pet.md"), encoding="utf-8") as handle:
        page = handle.read()
    price = next(line for line in page.splitlines() if line.startswith("| `price`"))
    assert "*Optional[str]*" in price


def test_pydantic_names_no_list_and_map_defaults_and_const_null(pkg):
    m, _ = pkg
    extras = m.Extras.model_validate({"json": "j", "copy": 1, "nothing": None})
    assert (extras.json_, extras.copy_) == ("j", 1) and callable(m.Extras.model_validate)
    assert dump(extras) == {"json": "j", "copy": 1, "nothing": None}  # a const null stays
    # list and map defaults are not written, as in Speakeasy's models: absent stays absent
    assert (extras.tags, extras.labels, extras.colours) == (None, None, None)


def test_items_and_map_values_that_may_be_null(pkg):
    m, _ = pkg
    extras = m.Extras.model_validate({"gaps": ["a", None], "slots": {"x": None, "y": {"type": "cat", "lives": 9}}})
    assert extras.gaps == ["a", None] and extras.slots["x"] is None and extras.slots["y"].lives == 9
    assert dump(extras) == {"gaps": ["a", None], "slots": {"x": None, "y": {"type": "cat", "lives": 9}}}
    with pytest.raises(pydantic.ValidationError):
        m.Extras.model_validate({"tags": ["a", None]})  # items that may not be null
