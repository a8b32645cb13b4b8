"""Schema shapes real specs use that the models must accept: primitives wrapped in `allOf`,
recursive maps and arrays, OpenAPI 3.1 / JSON Schema keywords. Two small specs in the
manner of openapi-python-client's end-to-end specs (3.0 and 3.1) and Box's payloads; each
generated package must import, validate real payloads and pass `mypy --strict`."""

from __future__ import annotations

import json

import pydantic
import pytest
from models_support import RUFF_ARGS, assert_clean_for_tools, build_ir, dump, generated, tool
from test_naming import doc, names
from test_naming_chains import NEWEST

from benchmarks.bench import chained_all_of_spec
from generator.ir import Model, Prim, Ref, TupleOf
from generator.parse.schemas import spec_default


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
            # openapi-python-client's Extended: an allOf member that is an alias (`allOf` of one $ref)
            "Base": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
            "Aliased": {"allOf": [_ref("Base")]},
            "Extended": {
                "allOf": [_ref("Aliased"), {"type": "object", "properties": {"fromExtended": {"type": "string"}}}]
            },
        }
    },
}


SPEC_31 = {
    "openapi": "3.1.0",
    "info": {"title": "Shapes 3.1", "version": "1"},
    "paths": {},
    "components": {
        "schemas": {
            "Tuples": {
                "type": "object",
                "properties": {
                    "prefix_and_items": {
                        "type": "array",
                        "prefixItems": [{"type": "string", "const": "prefix"}, {"type": "string"}],
                        "items": {"type": "number"},
                    },
                    "prefix_only": {
                        "type": "array",
                        "prefixItems": [{"type": "string"}, {"type": "number"}],
                        "maxItems": 2,
                    },
                    "pair": {"type": "array", "prefixItems": [_ref("Point"), _ref("Point")], "items": False},
                },
            },
            "Point": {"type": "object", "required": ["x"], "properties": {"x": {"type": "integer"}}},
            "Nulls": {
                "type": "object",
                "unevaluatedProperties": False,
                "required": ["null_type", "null_const"],
                "properties": {
                    "null_type": {"type": "null"},
                    "null_const": {"const": None},
                    "optional_null": {"type": "null"},
                    "const_or_null": {"oneOf": [{"type": "null"}, {"const": "this or null"}]},
                },
            },
            "Enums": {
                "type": "object",
                "properties": {
                    "with_null": _ref("AnEnumWithNull"),
                    "only_null": _ref("AnEnumWithOnlyNull"),
                    "flag": {"type": "boolean", "enum": [True, False]},
                    "untyped_flag": {"enum": [False, True]},
                    "mixed": _ref("Mixed"),
                    "distinct": {"enum": [False, "api", 2]},
                    "open_mixed": {"enum": [False, "api"], "x-speakeasy-unknown-values": "allow"},
                    "int_enum": {"type": "integer", "enum": [-1, 1, 2]},
                    "whole_floats": {"type": "integer", "enum": [1, 2.0, 1e3]},  # JSON Schema integers all
                },
            },
            "AnEnumWithNull": {"enum": ["FIRST_VALUE", "SECOND_VALUE", None]},
            "AnEnumWithOnlyNull": {"enum": [None]},
            "Mixed": {"enum": [1, "1", True, None], "default": "1"},
        }
    },
}


@pytest.fixture(scope="module")
def shapes31(tmp_path_factory):
    return generated(tmp_path_factory.mktemp("shapes31"), SPEC_31, "shapes31")


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


def test_an_all_of_of_an_alias_keeps_every_member(shapes30):
    m, _ = shapes30
    payload = {"a": "x", "fromExtended": "y"}
    assert dump(m.Extended.model_validate(payload)) == payload  # before: Extended was Base, fromExtended lost
    with pytest.raises(pydantic.ValidationError):
        m.Extended.model_validate({"fromExtended": "y"})  # Base's required `a` is required still


def test_a_reference_cycle_through_no_schema_is_refused(tmp_path, run_cli):
    spec = tmp_path / "openapi.json"
    schemas = {"A": _ref("B"), "B": _ref("A")}
    spec.write_text(json.dumps({**SPEC_30, "components": {"schemas": schemas}}), encoding="utf-8")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2 and "cycle" in err and "#/components/schemas/" in err


def test_prefix_items_are_tuples(shapes31):
    m, _ = shapes31
    payload = {"prefix_and_items": ["prefix", "x", 1.5, 2.0], "prefix_only": ["a", 1.5], "pair": [{"x": 1}, {"x": 2}]}
    tuples = m.Tuples.model_validate(payload)
    assert dump(tuples) == payload and tuples.pair[1].x == 2
    assert m.Tuples.model_validate({"prefix_and_items": ["prefix", "x"]}).prefix_and_items == ("prefix", "x")
    for bad in ({"prefix_only": ["a", 1.5, 2]}, {"prefix_only": [1.5, "a"]}, {"pair": [{"x": 1}]}):
        with pytest.raises(pydantic.ValidationError):
            m.Tuples.model_validate(bad)


def test_null_type_and_const_null_admit_null_alone(shapes31):
    m, _ = shapes31
    nulls = m.Nulls.model_validate({"null_type": None, "null_const": None, "const_or_null": None})
    assert dump(nulls) == {"null_type": None, "null_const": None, "const_or_null": None}
    # absent stays absent: an optional `type: null` property is not dumped as null
    assert nulls.model_dump(by_alias=True) == {"null_type": None, "null_const": None, "const_or_null": None}
    for bad in ({"null_type": 0}, {"null_const": ""}, {"optional_null": "x"}, {"const_or_null": "other"}):
        with pytest.raises(pydantic.ValidationError):
            m.Nulls.model_validate({"null_type": None, "null_const": None, **bad})
    with pytest.raises(pydantic.ValidationError):  # unevaluatedProperties: false
        m.Nulls.model_validate({"null_type": None, "null_const": None, "extra": 1})


def test_enums_of_nulls_booleans_and_mixed_values(shapes31):
    m, _ = shapes31
    payload = {
        "with_null": None,
        "only_null": None,
        "flag": True,
        "untyped_flag": False,
        "mixed": True,
        "distinct": False,
        "int_enum": -1,
        "whole_floats": 1000,
    }
    enums = m.Enums.model_validate(payload)
    assert dump(enums) == payload
    assert enums.flag is m.Flag.TRUE and enums.distinct is m.Distinct.FALSE
    for value in (1, "1", None):
        assert dump(m.Enums.model_validate({"mixed": value})) == {"mixed": value}
    assert dump(m.Enums.model_validate({"with_null": "FIRST_VALUE", "distinct": "api"})) == {
        "with_null": "FIRST_VALUE",
        "distinct": "api",
    }
    opened = m.Enums.model_validate({"open_mixed": "newer"})
    assert opened.open_mixed.value == "newer" and isinstance(opened.open_mixed, m.OpenMixed)
    assert dump(opened) == {"open_mixed": "newer"}
    assert m.Enums.model_validate({"open_mixed": False}).open_mixed is m.OpenMixed.FALSE
    for bad in ({"flag": "true"}, {"untyped_flag": "false"}, {"mixed": "true"}, {"mixed": 2}, {"only_null": "x"}):
        with pytest.raises(pydantic.ValidationError):
            m.Enums.model_validate(bad)


@pytest.mark.parametrize("fixture", ["shapes30", "shapes31"])
def test_packages_are_clean_for_tools(fixture, request):
    _, out = request.getfixturevalue(fixture)
    package = fixture
    ruff = tool("ruff", "check", *RUFF_ARGS, package, cwd=out)
    assert ruff.returncode == 0, ruff.stdout
    mypy = tool("mypy", "--strict", "--no-incremental", package, cwd=out)
    assert mypy.returncode == 0, mypy.stdout


def test_chained_all_of_keeps_every_level(tmp_path):
    # each schema the allOf of the two before: merged once per schema (exponential before: 16 levels
    # took 54 s; `make bench` times 10/20/40 levels), and every level's property is there, in order
    spec = tmp_path / "chain.json"
    chained_all_of_spec(30, str(spec))
    models = {d.hint: d for d in build_ir(str(spec)).decls if isinstance(d, Model)}
    fields = [f.wire_name for f in models["S29"].fields]
    assert sorted(fields, key=lambda n: int(n[1:])) == [f"p{k}" for k in range(30)]
    assert fields[:3] == ["p1", "p0", "p2"] and fields[-1] == "p29"


def test_a_request_variant_keeps_a_tuple_a_tuple(tmp_path):
    # newest era: a request gets `<Key>Input` variants without read-only fields, tuples' positions too
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /pairs:
            post:
              operationId: addPair
              parameters: [{name: dry, in: query, schema: {type: boolean}}]
              requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Pair"}}}}
              responses: {"204": {description: ok}}
        components:
          schemas:
            Pair:
              type: object
              properties:
                ends: {type: array, prefixItems: [{$ref: "#/components/schemas/Point"}, {type: string}], items: false}
            Point:
              type: object
              properties:
                id: {type: string, readOnly: true}
                x: {type: integer}
        """)
    found = names(tmp_path, spec, NEWEST)
    ends = found["PairInput"].fields[0].type
    assert isinstance(ends, TupleOf) and ends.closed
    assert isinstance(ends.prefix[0], Ref) and ends.prefix[0].decl is found["PointInput"]


@pytest.mark.parametrize(
    ("schema", "documented", "expected"),
    [
        ({"type": "integer", "default": 2}, {}, 2),
        ({"allOf": [{"enum": [0, 1], "default": 0}]}, {"default": 0}, 0),  # plexpy: the wrapped member's
        ({"$ref": "#/x", "default": 30}, {"type": "number"}, None),  # agentset `perPage`: siblings of $ref ignored
        ({"anyOf": [{"type": "integer"}, {"type": "null"}], "default": 0}, {}, None),  # syllable `page`
        ({"oneOf": [{"type": "null"}, {"type": "string", "default": "a"}], "default": "a"}, {}, "a"),  # mammoth
    ],
)
def test_the_default_a_model_keeps(schema, documented, expected):
    found = spec_default(schema, documented)
    assert (found.value if found else None) == expected


def test_a_parameter_typed_by_its_content_takes_that_schema(tmp_path):
    # openapi-python-client's 3.1 end-to-end spec: a path parameter with `content`, not `schema`
    # (before: Any, accepting every value), inline and as a shared parameter component
    item = {"name": "item_id", "in": "path", "required": True}
    content = {"content": {"application/json": {"schema": {"type": "string", "enum": ["a", "b", "c"]}}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Parameter content", "version": "1"},
        "paths": {
            "/content/{item_id}": {
                "get": {
                    "operationId": "getContent",
                    "parameters": [{**item, **content}, {"$ref": "#/components/parameters/Limit"}],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
        "components": {
            "parameters": {
                "Limit": {
                    "name": "limit",
                    "in": "query",
                    "content": {"application/json": {"schema": {"type": "integer"}}},
                }
            }
        },
    }
    m, _ = generated(tmp_path, spec, "paramcontent")
    request = m.GetContentRequest.model_validate({"item_id": "b", "limit": 5})
    assert dump(request) == {"item_id": "b", "limit": 5}
    for bad in ({"item_id": "z"}, {"item_id": "a", "limit": "many"}):
        with pytest.raises(pydantic.ValidationError):
            m.GetContentRequest.model_validate(bad)


def test_a_spec_without_models_gives_a_package_clean_for_tools(tmp_path):
    """Only paths without bodies, or no paths at all: the models package is empty, and still typed for
    `mypy --strict` (`_MODULES = {}` is not) and without unused imports."""
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    _, out = generated(tmp_path, spec, "empty_pkg")
    assert_clean_for_tools("empty_pkg", out)


REPEATED_SCALARS = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /price:
        get:
          operationId: getPrice
          responses:
            "200":
              description: OK
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Price"}
    components:
      schemas:
        Price:
          type: object
          properties:
            amount: {$ref: "#/components/schemas/BigNumber"}
            choice: {$ref: "#/components/schemas/ChoiceOption"}
            either: {anyOf: [{type: string}, {type: integer}]}
            note: {anyOf: [{type: string, enum: [a]}, {type: string}, {type: boolean}]}
        BigNumber:
          anyOf: [{type: number}, {type: string}, {type: number}]
          example: 1000
        ChoiceOption:
          anyOf: [{type: string, const: none}, {type: string, const: auto}, {$ref: "#/components/schemas/Named"}]
        Named:
          type: object
          properties: {name: {type: string}}
""")


def test_a_union_repeating_a_scalar_is_any(tmp_path):
    # openrouter 1.656 `BigNumberUnion` and `ToolChoiceOption`: `Any`, no class of their own, no example;
    # the components among the members are still generated (`NamedToolChoice`); an enum is a type of its own
    found = names(tmp_path, REPEATED_SCALARS, version=(1, 656, 2))
    assert "BigNumber" not in found and "ChoiceOption" not in found and "Named" in found
    price = found["Price"]
    assert isinstance(price, Model)
    fields = {f.wire_name: f for f in price.fields}
    assert fields["amount"].type == Prim("Any") and fields["amount"].example is None
    assert fields["choice"].type == Prim("Any")
    assert isinstance(fields["either"].type, Ref) and isinstance(fields["note"].type, Ref)


NULLABLE_WRAPPERS = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths: {}
    components:
      schemas:
        Choice:
          type: object
          properties:
            finish_reason: {$ref: "#/components/schemas/__schema0"}
            reason: {$ref: "#/components/schemas/Reason"}
          required: [finish_reason, reason]
        __schema0:
          anyOf: [{$ref: "#/components/schemas/FinishReason"}, {type: "null"}]
        Reason:
          anyOf: [{type: string, enum: [stop, length]}, {type: "null"}]
        FinishReason:
          type: string
          enum: [stop, error]
""")


def test_a_component_of_one_member_beside_null_is_that_member_nullable(tmp_path):
    # openrouter 1.656 `__schema0` (a `$ref`): no `Schema0`, `Nullable[ChatCompletionFinishReason]`;
    # `CompletionFinishReason` (an inline enum) is the enum, named after the component
    found = names(tmp_path, NULLABLE_WRAPPERS, version=(1, 656, 2))
    assert "Schema0" not in found and "FinishReason" in found and "Reason" in found
    choice = found["Choice"]
    assert isinstance(choice, Model)
    fields = {f.wire_name: f for f in choice.fields}
    for wire, target in (("finish_reason", "FinishReason"), ("reason", "Reason")):
        expr = fields[wire].type
        assert isinstance(expr, Ref) and expr.decl.name == target and fields[wire].nullable
