"""Older-era inline names (nameResolutionDec2023 without nameResolutionFeb2025): `generator.naming.legacy`.

The expected names are those Speakeasy 1.441 gave the same shapes in orq-2024-11 (`Deployments`,
`DeploymentGetConfig`)."""

from __future__ import annotations

import textwrap

import yaml
from eras import OLD_ERA

from generator.config import Options
from generator.ir import Prim
from generator.pipeline import build

MESSAGE = """
type: object
properties:
  role: {type: string, enum: [system, user]}
  content:
    anyOf:
      - type: string
      - type: array
        items:
          oneOf:
            - type: object
              properties: {type: {type: string, enum: [text]}, text: {type: string}}
            - type: object
              properties:
                type: {type: string, enum: [image_url]}
                image_url:
                  type: object
                  properties:
                    url: {anyOf: [{type: string}, {type: string, format: uri}]}
                    created: {anyOf: [{type: string, format: date-time}, {type: string}], format: date-time}
  tool_calls:
    type: array
    items:
      type: object
      properties: {type: {type: string, enum: [function]}}
"""


def names(tmp_path) -> dict:
    message = yaml.safe_load(MESSAGE)
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/config": {
                "post": {
                    "operationId": "GetConfig",
                    "x-speakeasy-group": "deployments",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"messages": {"type": "array", "items": message}},
                                }
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deployment"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Deployment": {"type": "object", "properties": {"messages": {"type": "array", "items": message}}}
            }
        },
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(textwrap.dedent(yaml.safe_dump(spec, sort_keys=False)), encoding="utf-8")
    ir, _ = build(str(path), Options(gen=OLD_ERA))
    return {d.pointer.split("#", 1)[1]: d for d in ir.decls}


def test_union_members_and_their_children_take_the_union_segment(tmp_path):
    found = names(tmp_path)
    content = "/components/schemas/Deployment/properties/messages/items/properties/content/anyOf/1/items"
    # the array member (2nd) of `content` is `Two`; its members `One`, then `2`+`2` (Two was taken)
    assert found[content].name == "Two"
    assert [found[f"{content}/oneOf/{i}"].name for i in (0, 1)] == ["One", "Two2"]
    # the shallower `tool_calls[].type` takes `Type` back from the text part's, which claimed it first (depth
    # first) and moves on after the image part's took `TwoType`: inside a member the union's segment comes
    # first, then <root><union segment><own> (orq-2024-11 `Deployments`: `TwoType` the image part's)
    tool_calls = "/components/schemas/Deployment/properties/messages/items/properties/tool_calls/items"
    assert found[f"{tool_calls}/properties/type"].name == "Type"
    assert found[f"{content}/oneOf/1/properties/type"].name == "TwoType"
    assert found[f"{content}/oneOf/0/properties/type"].name == "Deployment2Type"
    assert found[f"{content}/oneOf/1/properties/image_url"].name == "ImageURL"


def test_operation_paths_grow_root_union_segment_group_and_request(tmp_path):
    found = names(tmp_path)
    body = "/paths/~1config/post/requestBody/content/application~1json/schema/properties/messages/items"
    content = body + "/properties/content/anyOf/1/items"
    assert found[body].name == "GetConfigMessages"
    assert found[content].name == "Content2"  # `Two` taken: <union><position>
    # `One` taken: `2` + `1`; `Two`, `Two2` taken: <root><union><position>
    assert [found[f"{content}/oneOf/{i}"].name for i in (0, 1)] == ["Two1", "GetConfig22"]
    # `Type`, `TwoType`, `GetConfigType` taken: <root><2><path...><Type> grows a segment at a time
    assert found[f"{content}/oneOf/0/properties/type"].name == "GetConfig2Type"
    assert found[f"{content}/oneOf/1/properties/type"].name == "GetConfig2DeploymentsType"


def test_a_union_of_strings_is_one_string_typed_by_its_own_format(tmp_path):
    found = names(tmp_path)
    image = found[
        "/components/schemas/Deployment/properties/messages/items/properties/content/anyOf/1/items/oneOf/1/properties/image_url"
    ]
    assert [(f.wire_name, f.type) for f in image.fields] == [("url", Prim("str")), ("created", Prim("datetime"))]


def _build(tmp_path, spec: dict, version=(1, 441, 1)) -> dict:
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    ir, _ = build(str(path), Options(gen=OLD_ERA, speakeasy_version=version))
    return {d.name: d for d in ir.decls}


def _op(group: str, body: dict, responses: dict | None = None) -> dict:
    return {
        "operationId": "Create",
        "x-speakeasy-group": group,
        "parameters": [
            {"name": "project_id", "in": "query", "schema": {"type": "string"}},
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
        ],
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": responses or {"204": {"description": "ok"}},
    }


def test_sdk_group_classes_are_not_inline_names(tmp_path):
    """emissary: group `deployments.embeddings` makes an SDK class `Embeddings`, so the inline
    `embeddings` object is `<Op>Embeddings`; `item` (no group of that name) keeps its name."""
    inner = {"type": "object", "properties": {"a": {"type": "string"}}}
    body = {"type": "object", "properties": {"embeddings": inner, "item": inner}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/x/{id}": {"post": _op("deployments.embeddings", body)}},
    }
    names = _build(tmp_path, spec)
    assert "CreateEmbeddings" in names and "Embeddings" not in names
    assert "Item" in names


def test_error_class_takes_its_response_components_description(tmp_path):
    """emissary `ApiErrorNotFound`: no description of its own, shown with its response component's."""
    error = {"type": "object", "properties": {"message": {"type": "string"}}}
    responses = {
        "204": {"description": "ok"},
        "404": {"$ref": "#/components/responses/NotFound"},
        "500": {
            "description": "Server",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Other"}}},
        },
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x/{id}": {"post": _op("things", {"type": "object", "properties": {"a": {"type": "string"}}}, responses)}
        },
        "components": {
            "schemas": {"NotFoundError": error, "Other": error},
            "responses": {
                "NotFound": {
                    "description": "Not Found error",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotFoundError"}}},
                }
            },
        },
    }
    names = _build(tmp_path, spec)
    assert names["NotFoundError"].uses.error and names["NotFoundError"].description == "Not Found error"
    assert (
        names["Other"].uses.error and names["Other"].description == ""
    )  # an inline response's is not shown (orq `HonoApiError`)


def test_multipart_binary_properties_are_file_models(tmp_path):
    """emissary `CreateDatasetRequestBody.file` -> `File`; orq-2024-11 `files` (a list) -> `BulkFileUploadFiles`."""
    body = {
        "type": "object",
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "name": {"type": "string"},
        },
    }
    op = {
        "operationId": "Upload",
        "requestBody": {"content": {"multipart/form-data": {"schema": body}}},
        "responses": {"204": {"description": "ok"}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": op}}}
    names = _build(tmp_path, spec)
    fields = {f.name: f.type for f in names["UploadRequestBody"].fields}
    assert fields["file"].decl is names["File"] and fields["files"].item.decl is names["Files"]
    assert [(f.name, f.required) for f in names["File"].fields] == [
        ("file_name", True),
        ("content", True),
        ("content_type", False),
    ]


def test_json_and_event_stream_bodies_make_a_response_union(tmp_path):
    """orq-2024-11 (1.441) `DeploymentInvokeResponse`: the JSON body `<Op>ResponseBody` or a stream of
    `<Op><Group>ResponseBody` events; orq-2025-08 (1.606) spells the stream with `eventstreaming`."""
    body = {"type": "object", "properties": {"id": {"type": "string"}}}
    event = {"type": "object", "properties": {"data": {"type": "string"}}}
    content = {"application/json": {"schema": body}, "text/event-stream": {"schema": event}}
    op = {
        "operationId": "Invoke",
        "x-speakeasy-group": "deployments",
        "responses": {"200": {"description": "ok", "content": content}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": op}}}
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    for version, stream in [
        (
            (1, 441, 1),
            "Union[Generator[models.InvokeDeploymentsResponseBody, None, None], AsyncGenerator[models.InvokeDeploymentsResponseBody, None]]",
        ),
        (
            (1, 606, 5),
            "Union[eventstreaming.EventStream[models.InvokeDeploymentsResponseBody], eventstreaming.EventStreamAsync[models.InvokeDeploymentsResponseBody]]",
        ),
    ]:
        _, files = build(str(path), Options(gen=OLD_ERA, speakeasy_version=version))
        union = files["docs/models/invokeresponse.md"]
        assert "### `models.InvokeResponseBody`" in union and f"### `{stream}`" in union
        assert "docs/models/invokedeploymentsresponsebody.md" in files


def test_older_generators_do_not_reserve_format_and_bytes(tmp_path):
    """orq-2024-11 (1.441): fields `bytes`, `format` but `schema_`; orq-2025-08 (1.606): `bytes_`."""
    props = {"bytes": {"type": "number"}, "format": {"type": "string"}, "schema": {"type": "string"}}
    op = {
        "operationId": "Get",
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "object", "properties": props}}},
            }
        },
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": op}}}
    assert [f.name for f in _build(tmp_path, spec)["GetResponseBody"].fields] == ["bytes", "format", "schema_"]
    assert [f.name for f in _build(tmp_path, spec, version=(1, 606, 5))["GetResponseBody"].fields] == [
        "bytes_",
        "format_",
        "schema_",
    ]


def test_request_only_models_lose_read_only_fields_and_one_type_unions_show_no_example(tmp_path):
    """orq-2024-11 `ImageURL` (request side): no read-only `id`; its `url` (`anyOf: [string, string/uri]`
    with an `examples` list) has no example, in 1.441 as in 1.606, while a plain `examples` list is
    shown (bar 1.318); the response's copy keeps `id`."""
    url = {"anyOf": [{"type": "string"}, {"type": "string", "format": "uri"}], "examples": ["a", "b"]}
    image = {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}, "url": url}}
    op = {
        "operationId": "Get",
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/In"}}}},
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "object", "properties": {"image": image}}}},
            }
        },
    }
    label = {"type": "string", "examples": ["Negroni", "Manhattan"]}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": op}},
            "components": {"schemas": {"In": {"type": "object", "properties": {"picture": image, "label": label}}}}}  # fmt: skip
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    for version in ((1, 318, 0), (1, 441, 1), (1, 606, 5)):
        ir, files = build(str(path), Options(gen=OLD_ERA, speakeasy_version=version))
        names = {d.name: d for d in ir.decls}
        assert [f.name for f in names["Picture"].fields] == ["url"]
        assert [f.name for f in names["Image"].fields] == ["id", "url"]
        assert "Example" not in files["docs/models/picture.md"]
        assert "| Negroni" in files["docs/models/in_.md"]  # a keyword's page in every version (airbyte 1.244 `in_.md`)


def test_read_only_components_requests_send_are_input_variants_unless_only_requests_use_them(tmp_path):
    """bar 1.318: `Order` (also returned) is sent as `OrderInput` without its read-only `status`;
    pazy 1.352: `PatchedDataset`, only ever sent, keeps its name and loses its read-only `id`."""
    order = {
        "type": "object",
        "properties": {"status": {"type": "string", "readOnly": True}, "code": {"type": "string"}},
    }
    patched = {
        "type": "object",
        "properties": {"id": {"type": "integer", "readOnly": True}, "name": {"type": "string"}},
    }

    def send(op_id: str, key: str, returned: bool) -> dict:
        ok = {"description": "ok"}
        if returned:
            ok["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}
        return {"operationId": op_id, "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{key}"}}}},
                "responses": {"200": ok}}  # fmt: skip

    paths = {
        "/o/{id}": {"post": send("CreateOrder", "Order", True)},
        "/d/{id}": {"patch": send("Patch", "PatchedDataset", False)},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths,
            "components": {"schemas": {"Order": order, "PatchedDataset": patched}}}  # fmt: skip
    names = _build(tmp_path, spec, version=(1, 352, 2))
    assert [f.name for f in names["Order"].fields] == ["status", "code"]
    assert [f.name for f in names["OrderInput"].fields] == ["code"]
    assert [f.name for f in names["PatchedDataset"].fields] == ["name"] and "PatchedDatasetInput" not in names


def test_a_component_sent_as_a_whole_request_and_returned_is_sent_as_its_input_variant(tmp_path):
    """testpan 1.207 POST /users (no parameters) sends `User`, which it also returns: the request is
    `UserInput`, without the read-only `accountId`, a page of its own that no other page links to."""
    user = {
        "type": "object",
        "properties": {"accountId": {"type": "string", "readOnly": True}, "name": {"type": "string"}},
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}
    paths = {"/users": {"post": {"operationId": "PostUsers", "requestBody": body, "responses": {"201": ok}}}}
    spec = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths,
            "components": {"schemas": {"User": user}}}  # fmt: skip
    names = _build(tmp_path, spec, version=(1, 207, 1))
    assert [f.name for f in names["User"].fields] == ["account_id", "name"]
    assert [f.name for f in names["UserInput"].fields] == ["name"]


def test_schemas_are_named_root_by_root_breadth_first_with_methods_in_spec_order(tmp_path):
    """orq-2025-08 /v2/proxy/batch: `post` (listed first) takes `Errors` before `get` does; orq-2024-11
    DeploymentGetConfig response: `tools[].type` (shallower) takes `Type` before the `type` inside
    `messages[].tool_calls[]`, though `messages` comes first."""
    errors = {"type": "object", "properties": {"code": {"type": "string"}}}
    call = {"type": "object", "properties": {"type": {"type": "string", "enum": ["function"]}}}
    tool = {
        "type": "object",
        "properties": {"type": {"type": "string", "enum": ["function"]}, "name": {"type": "string"}},
    }
    listed = {
        "type": "object",
        "properties": {"data": {"type": "array", "items": {"type": "object", "properties": {"errors": errors}}}},
    }
    created = {
        "type": "object",
        "properties": {
            "errors": errors,
            "messages": {
                "type": "array",
                "items": {"type": "object", "properties": {"calls": {"type": "array", "items": call}}},
            },
            "tools": {"type": "array", "items": tool},
        },
    }

    def op(name: str, body: dict) -> dict:
        return {
            "operationId": name,
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": body}}}},
        }

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/batch": {"post": op("Create", created), "get": op("List", listed)}},
    }
    names = _build(tmp_path, spec)
    assert names["Errors"].pointer.endswith("/post/responses/200/content/application~1json/schema/properties/errors")
    assert names["ListErrors"].pointer.endswith(
        "/get/responses/200/content/application~1json/schema/properties/data/items/properties/errors"
    )
    assert names["Type"].pointer.endswith("/properties/tools/items/properties/type")
    assert names["CreateType"].pointer.endswith("/properties/calls/items/properties/type")


def test_older_generators_type_an_enum_of_booleans_as_bool(tmp_path):
    """orq (1.441, 1.606): `additionalProperties: {type: boolean, enum: [false]}` is `Optional[bool]`, no class."""
    params = {
        "type": "object",
        "properties": {
            "additionalProperties": {"type": "boolean", "enum": [False]},
            "kind": {"type": "string", "enum": ["a"]},
        },
    }
    op = {
        "operationId": "Get",
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "object", "properties": {"parameters": params}}}},
            }
        },
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": op}}}
    names = _build(tmp_path, spec)
    assert "AdditionalProperties" not in names and "Kind" in names
    fields = {f.name: f.type for f in names["Parameters"].fields}
    assert fields["additional_properties"] == Prim("bool")


def test_parameters_are_named_after_every_request_body(tmp_path):
    """orq-2025-08: ListContacts' query parameter `filter_by` comes first in the document, yet the body of
    SearchKnowledge (a later operation) is `FilterBy` and the parameter `QueryParamFilterBy`; responses
    come after both (the response's `filter_by` is `SearchFilterBy`)."""
    filter_by = {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}}
    listed = {
        "operationId": "List",
        "parameters": [{"name": "filter_by", "in": "query", "schema": filter_by}],
        "responses": {"204": {"description": "ok"}},
    }
    body = {"type": "object", "properties": {"filter_by": filter_by}}
    search = {
        "operationId": "Search",
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": body}}}},
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/contacts": {"get": listed}, "/search": {"post": search}},
    }
    names = _build(tmp_path, spec)
    assert names["FilterBy"].pointer.endswith("/post/requestBody/content/application~1json/schema/properties/filter_by")
    assert names["QueryParamFilterBy"].pointer.endswith("/get/parameters/0/schema")
    assert names["SearchFilterBy"].pointer.endswith(
        "/responses/200/content/application~1json/schema/properties/filter_by"
    )


def test_inline_error_bodies_are_named_like_response_bodies(tmp_path):
    """orq-2025-08 (errors in the models module): EvalsAgeAppropriate's 404 body is
    `EvalsAgeAppropriateEvalsResponseBody` and its 500 body `EvalsAgeAppropriateEvalsResponseResponseBody`
    (the 200 body took `<Op>ResponseBody`); DeleteContact's lone 404 body is `DeleteContactResponseBody`."""
    message = {"type": "object", "properties": {"message": {"type": "string"}}}

    def body(description: str) -> dict:
        return {"description": description, "content": {"application/json": {"schema": message}}}

    evals = {
        "operationId": "EvalsAgeAppropriate",
        "x-speakeasy-group": "evals",
        "responses": {"200": body("ok"), "404": body("Evaluator not found"), "500": body("Internal server error")},
    }
    delete = {"operationId": "DeleteContact", "responses": {"204": {"description": "ok"}, "404": body("Not found")}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/evals": {"post": evals}, "/contacts": {"delete": delete}},
    }
    names = _build(tmp_path, spec, version=(1, 606, 5))
    assert names["EvalsAgeAppropriateResponseBody"].pointer.endswith("/responses/200/content/application~1json/schema")
    assert names["EvalsAgeAppropriateEvalsResponseBody"].uses.error
    assert names["EvalsAgeAppropriateEvalsResponseBody"].pointer.endswith("/404/content/application~1json/schema")
    assert names["EvalsAgeAppropriateEvalsResponseResponseBody"].pointer.endswith(
        "/500/content/application~1json/schema"
    )
    assert names["DeleteContactResponseBody"].uses.error


def test_a_titled_request_body_names_itself_and_its_members_children(tmp_path):
    """orq-2025-08 `parse` (group chunking, no parameters): the body `title: Chunking Request` is
    `ParseChunkingRequest`; inside its titled members `return_type` tries `ReturnType`,
    `ChunkingRequestReturnType`, `ParseChunkingRequestReturnType`, `ParseChunkingRequestChunkingReturnType`..."""
    ret = {"type": "string", "enum": ["chunks", "texts"]}
    members = [
        {"title": f"{kind} Strategy", "type": "object", "properties": {"kind": {"type": "string", "enum": [kind]}, "return_type": ret}}
        for kind in ("token", "sentence", "recursive", "semantic")
    ]  # fmt: skip
    op = {
        "operationId": "parse",
        "x-speakeasy-group": "chunking",
        "requestBody": {"content": {"application/json": {"schema": {"title": "Chunking Request", "oneOf": members}}}},
        "responses": {"204": {"description": "ok"}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/v2/chunking": {"post": op}}}
    names = _build(tmp_path, spec, version=(1, 606, 5))
    assert names["ParseChunkingRequest"].pointer.endswith("/requestBody/content/application~1json/schema")
    returns = [n for n, d in names.items() if d.pointer.endswith("/properties/return_type")]
    assert returns == [
        "ReturnType",
        "ChunkingRequestReturnType",
        "ParseChunkingRequestReturnType",
        "ParseChunkingRequestChunkingReturnType",
    ]


def test_error_bodies_are_named_after_every_other_response(tmp_path):
    """orq-2025-08: the `error` object in the 422 body of /v2/proxy/moderations (an earlier operation) is
    `PostV2ProxyModerationsError`; CreateResponse's 200 body took `Error`."""
    error = {"type": "object", "properties": {"code": {"type": "string"}}}
    body = {"type": "object", "properties": {"error": error}}
    content = {"application/json": {"schema": body}}
    moderate = {
        "operationId": "Moderate",
        "responses": {"204": {"description": "ok"}, "422": {"description": "bad", "content": content}},
    }
    create = {"operationId": "CreateResponse", "responses": {"200": {"description": "ok", "content": content}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "paths": {"/moderations": {"post": moderate}, "/responses": {"post": create}}}  # fmt: skip
    names = _build(tmp_path, spec, version=(1, 606, 5))
    assert names["Error"].pointer.endswith("/responses/200/content/application~1json/schema/properties/error")
    assert names["ModerateError"].pointer.endswith("/422/content/application~1json/schema/properties/error")


def test_dataclass_era_envelope_body_names(tmp_path):
    """testpan 1.207 (v1 template, no useClassNamesForArrayFields): a list of a component is `classes`, a
    JSON string `string` (pydataverse 1.201 `res`), a list of strings `strings`, a binary body `stream`."""

    def op(name: str, media: str, schema: dict) -> dict:
        ok = {"description": "ok", "content": {media: {"schema": schema}}}
        return {"get": {"operationId": name, "responses": {"200": ok}}}

    spec = {
        "openapi": "3.0.1",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": op("list", "application/json", {"type": "array", "items": {"$ref": "#/components/schemas/A"}}),
            "/s": op("text", "application/json", {"type": "string"}),
            "/t": op("texts", "application/json", {"type": "array", "items": {"type": "string"}}),
            "/f": op("file", "application/octet-stream", {"type": "string", "format": "binary"}),
            "/n": op("untyped", "application/json", {"type": "object", "x-speakeasy-type-override": "any"}),
        },
        "components": {"schemas": {"A": {"type": "object", "properties": {"a": {"type": "string"}}}}},
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    gen = {"generation": {"fixes": {"nameResolutionDec2023": False}}, "python": {"responseFormat": "envelope"}}
    # log10py 1.296/1.314 create's 200 (`x-speakeasy-type-override: any`): `any`
    for version, text, texts, untyped in (
        ((1, 207, 1), "string", "strings", "any"),
        ((1, 201, 2), "res", "res", "res"),
    ):
        ir, _ = build(str(path), Options(gen=gen, speakeasy_version=version))
        bodies = {d.name: d.fields[3].name for d in ir.decls if d.origin.role == "response"}
        assert bodies == {
            "ListResponse": "classes",
            "TextResponse": text,
            "TextsResponse": texts,
            "FileResponse": "stream",
            "UntypedResponse": untyped,
        }


def test_a_sent_only_components_children_are_named_below_it_once_it_drops_read_only_fields(tmp_path):
    """testpan 1.207 `EditUser`, only sent (PUT /users/{userId}), keeps its name without its read-only fields; its
    `status` enum, `Status` being taken, is `EditUserStatus`, not a rootless `SchemasStatus`."""
    status = {"type": "string", "enum": ["ENABLED", "DISABLED"]}
    edit = {"type": "object", "properties": {"accountId": {"type": "string", "readOnly": True}, "status": status}}
    alpha = {"type": "object", "properties": {"status": {"type": "string", "enum": ["on"]}}}
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/EditUser"}}}}
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alpha"}}}}
    param = {"name": "userId", "in": "path", "required": True, "schema": {"type": "string"}}
    put = {"operationId": "putUser", "parameters": [param], "requestBody": body, "responses": {"200": ok}}
    spec = {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/users/{userId}": {"put": put}},
            "components": {"schemas": {"Alpha": alpha, "EditUser": edit}}}  # fmt: skip
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    gen = {"generation": {"fixes": {"nameResolutionDec2023": False}}}
    ir, _ = build(str(path), Options(gen=gen, speakeasy_version=(1, 207, 1)))
    names = {d.name: d for d in ir.decls}
    assert [f.name for f in names["EditUser"].fields] == ["status"]
    assert [v.value for v in names["EditUserStatus"].values] == ["ENABLED", "DISABLED"]


def test_before_dec2023_operations_claim_in_byte_order_of_their_response_class(tmp_path):
    """testpan 1.207, tag CD: `/cd/{resourceId}` (GetCDResourceID) takes `SortKey` from `/cd` (GetCD) above it,
    as `GetCDResourceIDResponse` sorts before `GetCDResponse`; likewise GetRiskAssessmentPermissionsClusterID's
    `PermissionRisk`, while GetDashboardApisecRiskFindings keeps `QueryParamAPISecSource` from its `...Trend`."""

    def op(name: str, values: list[str]) -> dict:
        key = {"name": "sortKey", "in": "query", "schema": {"type": "string", "enum": values}}
        return {"operationId": name, "tags": ["CD"], "parameters": [key], "responses": {"204": {"description": "ok"}}}

    spec = {
        "openapi": "3.0.1",
        "info": {"title": "t", "version": "1"},
        "paths": {"/cd": {"get": op("getCD", ["time"])}, "/cd/{id}": {"get": op("getCDResourceID", ["risk"])}},
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    gen = {"generation": {"fixes": {"nameResolutionDec2023": False}}}
    ir, _ = build(str(path), Options(gen=gen, speakeasy_version=(1, 207, 1)))
    values = {d.name: [v.value for v in d.values] for d in ir.decls if d.name.endswith("SortKey")}
    assert values == {"SortKey": ["risk"], "QueryParamSortKey": ["time"]}


def test_a_request_is_named_depth_first_a_response_breadth_first(tmp_path):
    """orq-2025-08 (1.606.5) CreateChatCompletion's request: `tools[].function.parameters.type`, met first,
    takes its name before the shallower `orq.cache.type` (`...ProxyRequestType`, `...RequestRequestBodyType`);
    CreateResponse's `input[]` [message, function_call_output]: the message's content parts take
    `CreateResponse22` before the second member does. The same body as a response claims breadth first."""
    call = {"type": "object", "properties": {"type": {"type": "string", "enum": ["function"]}}}
    tool = {"type": "object", "properties": {"type": {"type": "string", "enum": ["function"]}}}
    body = {
        "type": "object",
        "properties": {
            "messages": {
                "type": "array",
                "items": {"type": "object", "properties": {"calls": {"type": "array", "items": call}}},
            },
            "tools": {"type": "array", "items": tool},
        },
    }
    op = {
        "operationId": "Create",
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": body}}}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": op}}}
    names = _build(tmp_path, spec)
    request, response = (
        "/post/requestBody/content/application~1json/schema",
        "/responses/200/content/application~1json/schema",
    )
    calls, tools = (
        "/properties/messages/items/properties/calls/items/properties/type",
        "/properties/tools/items/properties/type",
    )
    assert names["Type"].pointer.endswith(request + calls)
    assert names["CreateType"].pointer.endswith(request + tools)
    assert names["CreateResponseType"].pointer.endswith(response + tools)
    assert names["CreateResponse200Type"].pointer.endswith(response + calls)


def test_a_component_reached_later_takes_its_names_back_and_the_holders_claim_after_their_siblings(tmp_path):
    """orq 1.441/1.606 (`naming.visits.arrival_order`): an operation claims as the walk arrives at it, before
    the component a later operation sends; the component takes `Role` and `MessagesRole` back, and the
    operation's developer and system roles move on to the first names still free, after the user's."""

    def message(role: str) -> dict:
        return {"type": "object", "properties": {"role": {"type": "string", "enum": [role]}}}

    body = {
        "type": "object",
        "properties": {
            "messages": {"type": "array", "items": {"oneOf": [message(r) for r in ("developer", "system", "user")]}}
        },
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/config": {"post": _operation("GetConfig", body)},
            "/invoke": {"post": _operation("Invoke", {"$ref": "#/components/schemas/Deployments"})},
        },
        "components": {"schemas": {"Deployments": body}},
    }
    names = _build(tmp_path, spec)
    role = "properties/messages/items/oneOf/{}/properties/role"
    expected = {
        "Role": "/components/schemas/Deployments/" + role.format(0),
        "MessagesRole": "/components/schemas/Deployments/" + role.format(1),
        "DeploymentsMessagesRole": "/components/schemas/Deployments/" + role.format(2),
        "GetConfigMessagesRole": "/requestBody/content/application~1json/schema/" + role.format(2),
        "GetConfigMessagesDeploymentsRole": "/requestBody/content/application~1json/schema/" + role.format(0),
        "GetConfigMessagesDeploymentsRequestRole": "/requestBody/content/application~1json/schema/" + role.format(1),
    }
    assert {name: names[name].pointer.split("#", 1)[1][-len(tail) :] for name, tail in expected.items()} == expected


def _operation(operation_id: str, body: dict) -> dict:
    return {
        "operationId": operation_id,
        "x-speakeasy-group": "deployments",
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"204": {"description": "ok"}},
    }


def test_a_titled_union_leads_with_its_title_and_its_property_keeps_its_place(tmp_path):
    """orq-node 1.791 RunAgent `settings.tools[]`, titled "Agent Tool Input (Run)": a member's `type` deep in
    the path is `RunAgentAgentToolInputRunAgentsRequestRequestBodySettingsTools13HttpType`, the title in front
    and `Tools` still in the path."""

    def member(value: str) -> dict:
        return {"type": "object", "properties": {"type": {"type": "string", "enum": [value]}}}

    tools = {"type": "array", "items": {"title": "Agent Tool", "oneOf": [member(c) for c in "abcdefgh"]}}
    body = {"type": "object", "properties": {"settings": {"type": "object", "properties": {"tools": tools}}}}
    op = {
        "operationId": "Run",
        "parameters": [{"name": "k", "in": "path", "required": True, "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"204": {"description": "ok"}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x/{k}": {"post": op}}}
    names = _build(tmp_path, spec)
    assert names["AgentToolType"].pointer.endswith("/tools/items/oneOf/1/properties/type")
    assert names["RunAgentToolRequestRequestBodySettingsToolsType"].pointer.endswith("/oneOf/6/properties/type")
    assert names["RunAgentToolRequestRequestBodySettingsTools8Type"].pointer.endswith("/oneOf/7/properties/type")


def test_below_components_a_property_takes_its_name_from_a_member_named_by_its_title(tmp_path):
    """orq-2025-08 `Deployments.knowledge_filter` (and orq-node 1.791's): a member titled `eq` holds a property
    `eq`; in the component the property is `Eq` and the member `OneEq`, in an operation's inline copy the member
    keeps the shorter name."""

    def filters() -> dict:
        scalar = {"anyOf": [{"type": "string"}, {"type": "number"}]}
        members = [{"title": op, "type": "object", "properties": {op: scalar}} for op in ("eq", "ne")]
        return {"type": "object", "properties": {"filter": {"anyOf": members}}}

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/search": {"post": _operation("Search", {"$ref": "#/components/schemas/Filters"})},
            "/find": {"post": _operation("Find", filters())},
        },
        "components": {"schemas": {"Filters": filters()}},
    }
    names = _build(tmp_path, spec)
    member = "properties/filter/anyOf/{}"
    expected = {
        "Eq": "/components/schemas/Filters/" + member.format(0) + "/properties/eq",
        "FilterEq": "/components/schemas/Filters/" + member.format(0),
        "Ne": "/components/schemas/Filters/" + member.format(1) + "/properties/ne",
        "FilterNe": "/components/schemas/Filters/" + member.format(1),
        "FindFilterEq": "/requestBody/content/application~1json/schema/" + member.format(0),
        "FindFilterDeploymentsEq": "/requestBody/content/application~1json/schema/"
        + member.format(0)
        + "/properties/eq",
    }
    assert {name: names[name].pointer.split("#", 1)[1][-len(tail) :] for name, tail in expected.items()} == expected


def test_a_parameter_union_s_members_take_the_parameter_word(tmp_path):
    """orq-node 1.791 ListChunks' `status` query parameter, [array of an enum, the enum]: its members are
    `QueryParam1`, `QueryParam2` once `One` and `Two` are taken (not `Status1`, `Status2`)."""
    enum = {"type": "string", "enum": ["pending", "done"]}
    body = {
        "type": "object",
        "properties": {"x": {"anyOf": [{"type": "object", "properties": {p: {"type": "string"}}} for p in "ab"]}},
    }
    op = {
        "operationId": "ListChunks",
        "parameters": [
            {"name": "status", "in": "query", "schema": {"anyOf": [{"type": "array", "items": enum}, enum]}}
        ],
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"204": {"description": "ok"}},
    }
    names = _build(
        tmp_path, {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": op}}}
    )
    assert names["QueryParam1"].pointer.endswith("/parameters/0/schema/anyOf/0/items")
    assert names["QueryParam2"].pointer.endswith("/parameters/0/schema/anyOf/1")
    assert {"One", "Two"} <= set(names)


def test_a_holder_a_later_schema_takes_its_name_from_claims_again_once_the_walk_leaves_that_schema(tmp_path):
    """orq-2025-08 (1.606.5) InvokeEval's response, oneOf [..., LLM, HTTP], each `value` an object holding a `value`
    union: LLM's union, met first, holds the name HTTP's shallower object takes back; it claims again only once the
    walk has left that object, after HTTP's own union took `...ApplicationJSONValue`: LLM's is
    `...ApplicationJSON7Value` (Speakeasy's names; claiming again at once gave the two unions each other's)."""

    def member(title: str, values: list[dict]) -> dict:
        inner = {"type": "object", "properties": {"value": {"anyOf": values}}}
        return {"type": "object", "title": title, "properties": {"value": inner}}

    number, boolean, string = ({"type": t} for t in ("number", "boolean", "string"))
    body = {"oneOf": [member("LLM", [number, boolean, string]), member("HTTP", [number, boolean])]}
    op = {
        "operationId": "Invoke",
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": body}}}},
    }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"post": op}}}
    names = _build(tmp_path, spec, (1, 606, 5))
    union = "/post/responses/200/content/application~1json/schema/oneOf/{}/properties/value/properties/value"
    assert names["ResponseBodyValue"].pointer.endswith(union.format(1).rsplit("/properties", 1)[0])
    assert names["InvokeResponseBodyValue"].pointer.endswith(union.format(1))
    assert names["InvokeResponseBodyResponseValue"].pointer.endswith(union.format(0))


def test_a_component_met_inside_another_claims_there_before_the_rest_of_it(tmp_path):
    """novu 1.444: `ActivityNotificationResponseDto` lists `jobs[]` (`ActivityNotificationJobResponseDto`) before
    its own `payload`; the walk claims the job's inline `payload` when it reaches `jobs`, so that one is `Payload`
    and the outer one `ActivityNotificationResponseDtoPayload`."""
    payload = {"type": "object", "properties": {"data": {"type": "string"}}}
    job = {"type": "object", "properties": {"id": {"type": "string"}, "payload": payload}}
    outer = {
        "type": "object",
        "properties": {"jobs": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}}, "payload": payload},
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outer"}}}}
    op = {"operationId": "get", "responses": {"200": {"description": "ok", **body}}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/x": {"get": op}},
        "components": {"schemas": {"Outer": outer, "Job": job}},
    }
    names = _build(tmp_path, spec, (1, 444, 1))
    assert names["Payload"].pointer.endswith("/components/schemas/Job/properties/payload")
    assert names["OuterPayload"].pointer.endswith("/components/schemas/Outer/properties/payload")
