"""Naming rules measured on the 1.62x-1.64x corpus entries (bolt, squadcast): per-operation
security classes, annotated `$ref`s, component arrays, non-JSON bodies, enum/union collisions."""

from __future__ import annotations

import yaml
from test_naming import NEW_ERA, doc, names

from generator.config import Options
from generator.ir import Enum, Model, Ref, Union
from generator.pipeline import build


def _op(op_id: str, returns: dict | None = None, **extra) -> dict:
    """An operation answering 200, with `returns` as its JSON body if given."""
    ok: dict = {"description": "ok"}
    if returns is not None:
        ok["content"] = {"application/json": {"schema": returns}}
    return {"operationId": op_id, "responses": {"200": ok}, **extra}


SECURED = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    security:
      - X-API-Key: []
      - OAuth: []
    components:
      securitySchemes:
        OAuth: {type: oauth2, flows: {authorizationCode: {authorizationUrl: "https://a", tokenUrl: "https://t", scopes: {}}}}
        X-API-Key: {type: apiKey, in: header, name: X-API-Key}
    paths: {}
    """)


def test_an_operation_needing_schemes_together_gets_its_own_security_class(tmp_path):
    spec = dict(SECURED)
    spec["paths"] = {
        "/a": {"get": _op("getAccount", security=[{"OAuth": ["x"], "X-API-Key": []}])},
        "/b": {"get": _op("getOne", security=[{"X-API-Key": []}])},  # one of the global alternatives
        "/c": {"get": _op("getNone", security=[])},
    }
    found = names(tmp_path, spec, NEW_ERA)
    assert "GetAccountSecurity" in found
    assert "GetOneSecurity" not in found and "GetNoneSecurity" not in found
    security = found["GetAccountSecurity"]
    assert [(f.name, f.required) for f in security.fields] == [("o_auth", True), ("x_api_key", True)]
    assert [f.name for f in found["Security"].fields] == ["x_api_key", "o_auth"]


def test_an_operation_needing_one_scheme_no_global_requirement_names_gets_its_own_security_class(tmp_path):
    """openrouter 1.656 `ListModelsUserSecurity` of `bearer` beside the global `apiKey`; dwolla 1.759
    `basicAuth`, a scheme the document never defines; `Security` keeps the global schemes alone."""
    spec = dict(SECURED)
    spec["security"] = [{"X-API-Key": []}]
    spec["paths"] = {
        "/a": {"get": _op("listModelsUser", security=[{"OAuth": []}])},
        "/b": {"get": _op("createToken", security=[{"basicAuth": []}])},
        "/c": {"get": _op("getOne", security=[{"X-API-Key": []}])},
    }
    found = names(tmp_path, spec, NEW_ERA)
    assert [(f.name, f.required) for f in found["ListModelsUserSecurity"].fields] == [("o_auth", True)]
    assert [(f.name, f.required) for f in found["CreateTokenSecurity"].fields] == [("basic_auth", True)]
    assert "GetOneSecurity" not in found
    assert [f.name for f in found["Security"].fields] == ["x_api_key"]


def test_without_global_requirements_the_operations_single_schemes_are_security(tmp_path):
    spec = dict(SECURED)
    del spec["security"]
    spec["paths"] = {"/a": {"get": _op("getA", security=[{"OAuth": []}])}, "/b": {"get": _op("getB")}}
    found = names(tmp_path, spec, NEW_ERA)
    assert "GetASecurity" not in found
    assert [f.name for f in found["Security"].fields] == ["o_auth"]


SCHEMAS = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /x:
        get:
          operationId: getX
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Holder"}
      /y/{id}:
        delete:
          operationId: deleteY
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses:
            "204":
              description: no content
              content:
                "*/*":
                  schema: {type: object}
    components:
      schemas:
        Amount:
          type: object
          properties: {value: {type: number}}
        Cause:
          type: string
          enum: [a, b, null]
        emails:
          type: array
          items:
            type: object
            properties: {address: {type: string}}
        Holder:
          type: object
          properties:
            won:
              allOf:
                - $ref: "#/components/schemas/Amount"
                - description: the amount won
            cause: {$ref: "#/components/schemas/Cause"}
            emails: {$ref: "#/components/schemas/emails"}
            meta:
              type: object
              properties:
                status:
                  anyOf: [{type: string}, {type: integer}]
            page:
              type: object
              properties:
                status:
                  type: object
                  properties: {text: {type: string}}
            logs:
              type: object
              properties:
                status: {type: string, enum: [queued, failed]}
    """)


def test_feb2025_rules_measured_on_bolt_and_squadcast(tmp_path):
    found = names(tmp_path, SCHEMAS, NEW_ERA)
    holder = found["Holder"]
    assert isinstance(holder, Model)
    fields = {f.name: f for f in holder.fields}
    # `allOf: [$ref, {description}]` is the component itself (bolt amt_won -> AmountView)
    assert isinstance(fields["won"].type, Ref) and fields["won"].type.decl is found["Amount"]
    # `null` among an enum's values does not make it nullable (bolt credit_card_void_cause)
    assert not fields["cause"].nullable
    # a component array's inline items keep the component's name, not its singular (bolt `Emails`)
    assert "Emails" in found and "Email" not in found
    # a body of any media type is `<Op>ResponseBody` (squadcast delete operations)
    assert "DeleteYResponseBody" in found and "DeleteYResponse" not in found
    # a union keeps a contested name; the enum takes `Enum`, the object its prefix (squadcast `Status`)
    assert isinstance(found["Status"], Union)
    assert isinstance(found["StatusEnum"], Enum)
    assert isinstance(found["HolderStatus"], Model)


TITLED = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /items:
        get:
          operationId: getItems
          parameters:
            - name: status
              in: query
              schema: {type: string, enum: [a, b], title: Filter by status}
          responses:
            "201":
              description: created
              content:
                application/json:
                  schema:
                    oneOf: [{type: object}, {}]
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: object, properties: {resp: {$ref: "#/components/schemas/Resp"}}}
    components:
      schemas:
        Resp:
          type: object
          properties:
            param:
              oneOf: [{type: "null"}, {type: object}]
              title: Params specific to the operation being done
            sources:
              oneOf:
                - type: "null"
                - type: array
                  items:
                    oneOf: [{type: string}, {type: integer}]
    """)


def test_titles_and_bodies_measured_on_mammoth(tmp_path):
    found = names(tmp_path, TITLED, NEW_ERA)
    assert "FilterByStatus" in found  # a parameter's schema is named after its title
    assert "Param" in found  # the title of `oneOf: [null, {...}]` names nothing: the property does
    assert "Sources" in found  # items of a vanishing union's array keep the property's word
    assert isinstance(found["GetItemsResponseBodyUnion"], Union)  # the union body gives way to the object one
    assert "GetItemsResponseBody" in found and "ResponseBody" in found


def test_an_operation_level_name_a_component_took(tmp_path):
    """mammoth 1.606 `PatchRequestRequest` beside the component `PatchRequest`; openrouter 1.656 the inline
    body of `listEndpoints` (tag `Endpoints`) beside the component `ListEndpointsResponse`:
    `EndpointsListEndpointsResponse`."""
    inline = {"type": "object", "properties": {"data": {"$ref": "#/components/schemas/ListEndpointsResponse"}}}
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        components:
          schemas:
            ListEndpointsResponse: {type: object, properties: {id: {type: string}}}
            PatchRequest: {type: object, properties: {name: {type: string}}}
        """)
    spec["paths"] = {
        "/e/{id}": {
            "get": _op(
                "listEndpoints",
                tags=["Endpoints"],
                parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                returns=inline,
            ),
            "patch": _op(
                "patch",
                tags=["Dataviews"],
                parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                requestBody={
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PatchRequest"}}}
                },
            ),
        }
    }
    found = names(tmp_path, spec, NEW_ERA, version=(1, 656, 2))
    assert {"ListEndpointsResponse", "EndpointsListEndpointsResponse", "PatchRequest", "PatchRequestRequest"} <= set(
        found
    )
    assert "ListEndpointsResponse2" not in found


def _input_unions(last: dict | None) -> dict:
    """openrouter's `OpenAIResponsesInput` ([string, array of a union of two messages, `last`]) and
    `OpenResponsesInput` ([string, array of a union of $refs])."""
    message = {"type": "object", "properties": {"role": {"type": "string"}}, "required": ["role"]}
    items = {"anyOf": [message, {**message, "properties": {"id": {"type": "string"}}}]}
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                input: {$ref: "#/components/schemas/OpenAIResponsesInput"}
                other: {$ref: "#/components/schemas/OpenResponsesInput"}
            Item: {type: object, properties: {id: {type: string}}}
            Other: {type: object, properties: {name: {type: string}}}
        """)
    members = [{"type": "string"}, {"type": "array", "items": items}] + ([last] if last is not None else [])
    spec["components"]["schemas"]["OpenAIResponsesInput"] = {"anyOf": members}
    listed = {"anyOf": [{"$ref": "#/components/schemas/Item"}, {"$ref": "#/components/schemas/Other"}]}
    spec["components"]["schemas"]["OpenResponsesInput"] = {
        "anyOf": [{"type": "string"}, {"type": "array", "items": listed}]
    }
    return spec


def test_a_union_listed_in_a_union_component_and_an_untyped_member(tmp_path):
    """openrouter 1.656 (and 1.679 TypeScript): the items are `<Component>1`, their members named after the
    component's key; a `{nullable: true}` member makes the component give way (`...Union`), an empty one does
    not (squadcast 1.621), nor from 1.761 (openrouter TypeScript `PreferredMaxLatency`)."""
    found = names(tmp_path, _input_unions({"nullable": True}), NEW_ERA, version=(1, 656, 2))
    assert {
        "OpenAIResponsesInputUnion",
        "OpenAIResponsesInputUnion1",
        "OpenResponsesInput",
        "OpenResponsesInput1",
    } <= set(found)
    assert {"OpenAIResponsesInput1", "OpenAIResponsesInput2"} <= set(found)  # the messages, by position
    assert "OpenAIResponsesInput" not in found
    for last, version in (({}, (1, 656, 2)), ({"nullable": True}, (1, 761, 0)), (None, (1, 656, 2))):
        found = names(tmp_path, _input_unions(last), NEW_ERA, version=version)
        assert {"OpenAIResponsesInput", "OpenAIResponsesInput1"} <= set(found), (last, version)


def test_the_enum_tagging_an_any_of_member_is_named_as_the_member(tmp_path):
    """openrouter 1.656 `OpenAIResponsesToolChoice` (anyOf): the member `OpenAIResponsesToolChoiceFunction`'s
    `type` is `OpenAIResponsesToolChoiceTypeFunction`, though `OpenAIResponsesToolChoiceType` is free; a `oneOf`
    member's keeps `<Component>Type` (`OpenResponsesRequestType`), as squadcast 1.621's anyOf does."""
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            ToolChoice:
              anyOf:
                - {type: string, enum: [auto]}
                - type: object
                  properties: {type: {type: string, enum: [function]}, name: {type: string}}
                  required: [type, name]
            Request:
              type: object
              properties:
                tool:
                  oneOf:
                    - type: object
                      properties: {type: {type: string, enum: [function]}, name: {type: string}}
                    - type: object
                      properties: {kind: {type: string, enum: [web]}}
        """)
    found = names(tmp_path, spec, NEW_ERA, version=(1, 656, 2))
    assert {"ToolChoiceFunction", "ToolChoiceTypeFunction", "RequestType"} <= set(found)
    found = names(tmp_path, spec, NEW_ERA, version=(1, 621, 0))
    assert {"ToolChoiceFunction", "ToolChoiceType", "RequestType"} <= set(found)


def test_a_one_value_enum_in_a_list_item_skips_the_prefixed_word(tmp_path):
    """openrouter 1.656 createEmbeddings: the body's `object: [list]` is `CreateEmbeddingsObject` (a component's
    `object` holds `Object`), its `data` items' `object: [embedding]` is `ObjectEmbedding`."""
    body = {
        "type": "object",
        "properties": {
            "object": {"type": "string", "enum": ["list"]},
            "data": {
                "type": "array",
                "items": {"type": "object", "properties": {"object": {"type": "string", "enum": ["embedding"]}}},
            },
        },
    }
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        components:
          schemas:
            Response:
              type: object
              properties: {object: {type: string, enum: [response]}}
        """)
    spec["paths"] = {
        "/e": {
            "post": _op(
                "createEmbeddings",
                returns=body,
            )
        },
        "/r": {
            "get": _op(
                "getResponse",
                returns={"$ref": "#/components/schemas/Response"},
            )
        },
    }
    found = names(tmp_path, spec, NEW_ERA, version=(1, 656, 2))
    assert {"Object", "CreateEmbeddingsObject", "ObjectEmbedding"} <= set(found)


def test_a_typescript_sdk_names_an_operations_inline_schemas_apart_from_the_components(tmp_path):
    """TypeScript's `models/operations` keeps its own names (openrouter 1.679: `operations.ListEndpointsResponse`
    beside `models.ListEndpointsResponse`, `operations.ObjectT` beside the components' `object`; dwolla 1.622 and
    1.759, lapyme 1.768, openrouter 1.761 alike); the Python SDK's one `models` module does not
    (`EndpointsListEndpointsResponse`)."""
    inline = {
        "type": "object",
        "properties": {
            "object": {"type": "string", "enum": ["list"]},
            "data": {"$ref": "#/components/schemas/ListEndpointsResponse"},
        },
    }
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        components:
          schemas:
            ListEndpointsResponse:
              type: object
              properties: {object: {type: string, enum: [response]}}
        """)
    spec["paths"] = {
        "/e": {
            "get": _op(
                "listEndpoints",
                tags=["Endpoints"],
                returns=inline,
            )
        }
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    ts, _ = build(str(path), Options(flavour="typescript", gen=NEW_ERA, speakeasy_version=(1, 679, 0)))
    by_space = {(d.namespace, d.name) for d in ts.decls}
    assert {("components", "ListEndpointsResponse"), ("operations", "ListEndpointsResponse")} <= by_space
    assert {("components", "ObjectT"), ("operations", "ObjectT")} <= by_space  # `Object`, a JavaScript global
    found = names(tmp_path, spec, NEW_ERA, version=(1, 656, 2))
    assert {"ListEndpointsResponse", "EndpointsListEndpointsResponse", "Object", "ListEndpointsObject"} <= set(found)
