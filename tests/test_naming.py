"""Which classes a spec produces and what they are called (Speakeasy's naming rules)."""

from __future__ import annotations

import ast
import json
import textwrap

import yaml
from eras import JAN2026, NEW_ERA, OLD_ERA

from generator.config import Options
from generator.naming import singular
from generator.pipeline import build


def names(tmp_path, spec: dict, gen: dict | None = None, version: tuple[int, ...] = (1, 606, 0)) -> dict[str, object]:
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    ir, _ = build(str(path), Options(gen=gen or {}, speakeasy_version=version))
    return {d.name: d for d in ir.decls}


def doc(body: str) -> dict:
    return yaml.safe_load(textwrap.dedent(body))


PETS = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /pets/{id}:
        get:
          operationId: getPet
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Pet"}
            "404":
              description: missing
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Problem"}
      /token:
        post:
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties: {user: {type: string}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      data: {type: object, properties: {token: {type: string}}}
    components:
      schemas:
        Pet:
          type: object
          properties:
            data: {type: object, properties: {x: {type: string}}}
            tags: {type: array, items: {type: object, properties: {n: {type: string}}}}
        Problem: {type: object, properties: {detail: {type: string}}}
        Unused: {type: object, properties: {a: {type: string}}}
        Alias: {type: string}
    """)


def test_error_only_schemas_are_error_classes_outside_docs_models(tmp_path):
    found = names(tmp_path, PETS, {**NEW_ERA, "python": {"imports": {"paths": {"errors": "errors"}}}})
    problem = found["Problem"]
    assert problem.uses.error and problem.doc_dir == "errors"
    assert not found["Pet"].uses.error


def test_request_body_field_names(tmp_path):
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a/{id}:
            put:
              operationId: putA
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                content: {application/json: {schema: {$ref: "#/components/schemas/ThingDTO"}}}
              responses: {"204": {description: done}}
            post:
              operationId: postA
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}
              responses: {"204": {description: done}}
        components:
          schemas:
            ThingDTO: {type: object, properties: {a: {type: string}}}
        """)
    # gen.yaml's name is every body's, a component's too (outpost 1.712 `params`, ttddata `body`)
    found = names(tmp_path, spec, {"generation": {**NEW_ERA["generation"], "requestBodyFieldName": "body"}})
    assert [f.name for f in found["PutARequest"].fields] == ["id", "body"]
    assert [f.name for f in found["PostARequest"].fields] == ["id", "body"]
    assert "PostARequestBody" in found
    # left empty: a component's body is named after it, an inline one `request_body` (agentset, cribl-cp)
    found = names(tmp_path, spec, {"generation": {**NEW_ERA["generation"], "requestBodyFieldName": ""}})
    assert [f.name for f in found["PutARequest"].fields] == ["id", "thing_dto"]
    assert [f.name for f in found["PostARequest"].fields] == ["id", "request_body"]


def test_union_members_named_by_discriminating_value_or_position(tmp_path):
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /s:
            get:
              operationId: getS
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Holder"}}}
        components:
          schemas:
            Holder:
              type: object
              properties:
                signer:
                  oneOf:
                    - {type: object, properties: {type: {type: string, enum: [use_main]}}}
                    - {type: object, properties: {type: {type: string, enum: [separate]}, x: {type: string}}}
                shape:
                  oneOf:
                    - {type: object, properties: {a: {type: string}}}
                    - {type: object, properties: {b: {type: string}}}
        """)
    found = names(tmp_path, spec, NEW_ERA)
    assert {"Signer", "SignerUseMain", "SignerSeparate", "Shape1", "Shape2"} <= set(found)
    assert {"TypeUseMain", "TypeSeparate"} <= set(found)  # one-value enums fall back to their value


def test_security_model(tmp_path):
    spec = dict(PETS)
    spec["components"] = dict(
        PETS["components"], securitySchemes={"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "k"}}
    )
    spec["security"] = [{"ApiKeyAuth": []}]
    found = names(tmp_path, spec, NEW_ERA)
    # one global requirement of one scheme, no operation overrides it: required (squadcast)
    assert [(f.name, f.required) for f in found["Security"].fields] == [("api_key_auth", True)]
    spec["paths"]["/token"]["post"]["security"] = []
    found = names(tmp_path, spec, NEW_ERA)
    assert [(f.name, f.required) for f in found["Security"].fields] == [("api_key_auth", False)]


def test_singular():
    assert [singular(w) for w in ("infos", "items", "entries", "addresses", "status", "data", "analysis")] == [
        "info",
        "item",
        "entry",
        "address",
        "status",
        "data",
        "analysis",
    ]


def test_all_of_over_a_union_copies_each_variant_under_the_root(tmp_path):
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /inputs:
            post:
              operationId: createInput
              requestBody:
                content:
                  application/json:
                    schema:
                      allOf:
                        - $ref: "#/components/schemas/Input"
                        - {type: object, required: [id]}
              responses: {"204": {description: done}}
            get:
              operationId: getInput
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Input"}}}
        components:
          schemas:
            Input:
              oneOf:
                - $ref: "#/components/schemas/InputKafka"
                - $ref: "#/components/schemas/InputHttp"
            InputKafka: {type: object, properties: {id: {type: string}, type: {type: string, enum: [kafka]}}}
            InputHttp: {type: object, properties: {id: {type: string}, mode: {type: string, enum: [a, b]}}}
        """)
    found = names(tmp_path, spec, JAN2026, (1, 784))  # as cribl-cp, where these rules come from
    assert {"Input", "InputKafka", "InputHTTP", "CreateInputInputKafka", "CreateInputInputHTTP"} <= set(found)
    request = found["CreateInputRequest"]
    assert [m.decl.name for m in request.members] == ["CreateInputInputKafka", "CreateInputInputHTTP"]
    assert [f.required for f in found["CreateInputInputKafka"].fields] == [True, False]
    assert {"Mode", "CreateInputMode"} & set(found) == {"CreateInputMode"}  # the copy's enum contests `Mode` too


GLOBALS = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    x-speakeasy-globals:
      parameters:
        - $ref: "#/components/parameters/accepts"
        - $ref: "#/components/parameters/tenant"
    paths:
      /a/{id}:
        get:
          operationId: getA
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            - $ref: "#/components/parameters/tenant"
            - $ref: "#/components/parameters/accepts"
          responses: {"204": {description: done}}
      /b:
        get:
          operationId: getB
          parameters: [{name: q, in: query, schema: {type: string}}]
          responses: {"204": {description: done}}
    components:
      parameters:
        accepts: {name: accepts, in: header, schema: {type: string, enum: [application/json, application/xml]}}
        tenant: {name: X-Tenant, in: header, required: true, schema: {type: string}}
    """)


def test_globals_models_and_shared_parameter_schemas(tmp_path):
    found = names(tmp_path, GLOBALS, OLD_ERA)
    # the SDK-wide `Globals` lives in models/internal; each operation using globals gets `<Op>Globals`
    assert found["Globals"].namespace == "internal"
    assert [f.name for f in found["Globals"].fields] == ["accepts", "x_tenant"]
    assert [(f.name, f.required) for f in found["GetAGlobals"].fields] == [("x_tenant", False), ("accepts", False)]
    assert "GetBGlobals" not in found
    # a shared parameter's inline enum is one shared class named after the parameter, not `GetAAccepts`
    accepts = found["Accepts"]
    assert not accepts.origin.context and {d.name for d in found.values()} & {"GetAAccepts"} == set()
    assert found["GetARequest"].fields[2].type.decl is accepts


ENVELOPE = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        get:
          operationId: getA
          responses:
            "200":
              description: OK
              headers: {X-Total: {schema: {type: integer}}}
              content: {application/json: {schema: {$ref: "#/components/schemas/MediaContainer"}}}
            "400":
              description: bad
              content:
                application/json:
                  schema: {type: object, x-speakeasy-name-override: BadRequest, properties: {code: {type: integer}}}
      /b:
        get:
          operationId: getB
          responses:
            "200":
              description: image
              content:
                image/jpeg: {schema: {type: string, format: binary}}
                image/png: {schema: {type: string, format: binary}}
      /c:
        get:
          operationId: getC
          responses:
            "200": {$ref: "#/components/responses/LibrarySections"}
            "204": {description: nothing}
    components:
      responses:
        LibrarySections:
          description: OK
          content: {application/json: {schema: {type: object, properties: {n: {type: string}}}}}
      schemas:
        MediaContainer: {type: object, properties: {size: {type: integer}}}
    """)


def test_required_globals_stay_required_before_1_314(tmp_path):
    # log10py 1.296 `x_log10_organization` (declared required): `*str*` on Globals and <Op>Globals; 1.314,
    # the same spec, optional, as every later entry; the <Op>Request field is optional in both
    for version, required in (((1, 296, 1), True), ((1, 314, 2), False)):
        found = names(tmp_path, GLOBALS, OLD_ERA, version=version)
        for model in ("Globals", "GetAGlobals"):
            assert {f.name: f.required for f in found[model].fields} == {"accepts": False, "x_tenant": required}
        assert not any(f.required for f in found["GetARequest"].fields if f.name == "x_tenant")


def test_envelope_responses(tmp_path):
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(ENVELOPE, sort_keys=False), encoding="utf-8")
    ir, files = build(str(path), Options(gen={**OLD_ERA, "python": {"responseFormat": "envelope"}}))
    found = {d.name: d for d in ir.decls}
    base = ["content_type", "status_code", "raw_response"]
    assert [f.name for f in found["GetAResponse"].fields] == base + ["media_container", "headers"]
    assert [f.name for f in found["GetBResponse"].fields] == base + [
        "two_hundred_image_jpeg_response_stream",
        "two_hundred_image_png_response_stream",
    ]
    # a response component's inline schema is a shared class named after its key
    library = found["LibrarySections"]
    assert not library.origin.context and library.description == "OK"
    assert [f.name for f in found["GetCResponse"].fields] == base + ["library_sections"]
    # error classes end with the raw response, optional
    error = next(d for d in ir.decls if d.uses.error)
    assert [(f.name, f.required) for f in error.fields] == [("code", False), ("raw_response", False)]
    assert "[httpx.Response](https://www.python-httpx.org/api/#response)" in files["docs/models/getaresponse.md"]


def test_envelope_http_responses_hold_http_metadata(tmp_path):
    # `responseFormat: envelope-http` (bar, ttddata): one `http_meta` field stands for the status fields
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(ENVELOPE, sort_keys=False), encoding="utf-8")
    ir, files = build(str(path), Options(gen={**NEW_ERA, "python": {"responseFormat": "envelope-http"}}))
    found = {d.name: d for d in ir.decls}
    assert [f.name for f in found["GetAResponse"].fields] == ["http_meta", "media_container", "headers"]
    assert [f.name for f in found["HTTPMetadata"].fields] == ["response", "request"]
    page = files["docs/models/httpmetadata.md"]
    assert "[httpx.Request](https://www.python-httpx.org/api/#request)" in page
    assert "[models.HTTPMetadata](../models/httpmetadata.md)" in files["docs/models/getaresponse.md"]


def test_dataclass_era_envelopes(tmp_path):
    """pydataverse 1.201 (no `responseFormat`, no `templateVersion`): envelopes all the same, around a
    `requests` response (the v1 template's); 1.337 writes both out (`envelope`, `v1`)."""
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(ENVELOPE, sort_keys=False), encoding="utf-8")
    requests = "[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)"
    for python, version in (({}, (1, 201, 2)), ({"responseFormat": "envelope", "templateVersion": "v1"}, (1, 337, 1))):
        _, files = build(str(path), Options(gen={**OLD_ERA, "python": python}, speakeasy_version=version))
        assert requests in files["docs/models/getaresponse.md"]
    _, files = build(str(path), Options(gen={**OLD_ERA, "python": {}}, speakeasy_version=(1, 244, 0)))
    assert "raw_response" not in files.get("docs/models/getaresponse.md", "")


def test_operation_ref_and_properties_ref_are_read_in_their_files(tmp_path):
    # DigitalOcean: `get: {$ref: resources/get.yml}`, and `properties: {$ref: attributes.yml#/x}`
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "get.yml").write_text(
        textwrap.dedent("""
            operationId: account_get
            parameters: [{name: id, in: query, schema: {type: string}}]
            responses:
              "200":
                description: ok
                content: {application/json: {schema: {$ref: "models/account.yml"}}}
            """),
        encoding="utf-8",
    )
    (tmp_path / "resources" / "models").mkdir()
    (tmp_path / "resources" / "models" / "account.yml").write_text(
        "allOf:\n- {type: object, properties: {a: {type: string}}}\n- {type: object, properties: {$ref: 'attributes.yml#/extra'}}\n",
        encoding="utf-8",
    )
    (tmp_path / "resources" / "models" / "attributes.yml").write_text(
        "extra: {status: {type: string, enum: [active, locked]}}\n", encoding="utf-8"
    )
    spec = doc("""
        openapi: 3.0.0
        info: {title: t, version: "1"}
        paths:
          /v2/account:
            get: {$ref: "resources/get.yml"}
        """)
    found = names(tmp_path, spec, NEW_ERA)
    assert [f.name for f in found["Account"].fields] == ["a", "status"]
    assert {"AccountGetRequest", "Status"} <= set(found)


def test_old_era_context_chain_and_requests_named_before_responses(tmp_path):
    # orq-2024-11: a contested name grows op, group, Request/Response, status, media type in turn,
    # and what requests use is named before what responses use (a later operation's request wins)
    enum = {"type": "string", "enum": ["a", "b"]}
    body = {"type": "object", "properties": {"kind": enum}}
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        """)
    spec["paths"] = {
        "/a": {
            "post": {
                "operationId": "getConfig",
                "x-speakeasy-group": "deployments",
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"kind": enum, "x": body, "y": body}}
                            }
                        },
                    }
                },
            }
        },
        "/b": {
            "post": {
                "operationId": "later",
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": {"204": {"description": "done"}},
            }
        },
    }
    found = names(tmp_path, spec, OLD_ERA)
    kinds = {
        d.pointer.split("#")[1].replace("/content/application~1json/schema", ""): d.name
        for d in found.values()
        if d.hint == "kind"
    }
    assert kinds == {
        "/paths/~1a/post/requestBody/properties/kind": "Kind",
        "/paths/~1b/post/requestBody/properties/kind": "LaterKind",  # before any response's
        "/paths/~1a/post/responses/200/properties/kind": "GetConfigKind",
        "/paths/~1a/post/responses/200/properties/x/properties/kind": "GetConfigDeploymentsKind",
        "/paths/~1a/post/responses/200/properties/y/properties/kind": "GetConfigDeploymentsResponseKind",
    }


def test_old_era_union_members_numbered_spelled_first(tmp_path):
    member = {"type": "object", "properties": {"type": {"type": "string", "enum": ["text"]}}}
    other = {"type": "object", "properties": {"n": {"type": "integer"}}}
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Holder"}}}}
        components: {schemas: {}}
        """)
    spec["components"]["schemas"]["Holder"] = {
        "type": "object",
        "properties": {"message": {"oneOf": [member, other]}, "content": {"oneOf": [member, other]}},
    }
    found = names(tmp_path, spec, OLD_ERA)
    assert [m.decl.name for m in found["Message"].members] == ["One", "Two"]
    assert [m.decl.name for m in found["Content"].members] == ["Content1", "Content2"]


def _error_body(status: int, *descriptions: str) -> dict:
    member = {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}, "extra": {"type": ["null", "object", "array"]}},
    }
    schema = {"oneOf": [dict(member, description=d) for d in descriptions]} if len(descriptions) > 1 else member
    return {"description": str(status), "content": {"application/json": {"schema": schema}}}


def test_inline_error_bodies_and_their_children(tmp_path):
    """mammoth: an error union `<Op>BadRequest` of `<Op>ResponseBodyError<n>` classes; their inline
    children are prefixed by the operation, then by the status, and numbered where nothing else
    tells them apart. An operation-level name a component already has takes its suffix twice."""
    ok = {"200": {"description": "ok"}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a/{id}": {
                "post": {
                    "operationId": "AddTask",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AddTaskRequest"}}}
                    },
                    "responses": {**ok, "400": _error_body(400, "Client", "Validation")},
                },
                "delete": {
                    "operationId": "DeleteTask",
                    "responses": {**ok, "400": _error_body(400, "a", "b"), "404": _error_body(404, "c")},
                },
                "put": {"operationId": "CreatePlan", "responses": {**ok, "400": _error_body(400, "d")}},
            }
        },
        "components": {"schemas": {"AddTaskRequest": {"type": "object", "properties": {"x": {"type": "string"}}}}},
    }
    found = names(tmp_path, spec, {**NEW_ERA, "python": {"imports": {"paths": {"errors": "errors"}}}})
    assert found["AddTaskBadRequest"].uses.error and found["AddTaskResponseBodyError2"].uses.error
    assert found["AddTaskResponseBodyError1"].doc_dir == "errors" and found["CreatePlanBadRequestError"].uses.error
    assert {"AddTaskExtra1", "AddTaskExtra2", "CreatePlanExtra"} <= set(found)
    assert {"DeleteTaskBadRequestExtra1", "DeleteTaskBadRequestExtra2", "DeleteTaskNotFoundExtra"} <= set(found)
    assert not found["AddTaskExtra1"].uses.error  # children of error classes are ordinary models
    assert "AddTaskRequestRequest" in found and found["AddTaskRequest"].origin.from_component


AGENTSET_LIKE = doc("""
    openapi: 3.1.0
    info: {title: t, version: "1"}
    x-speakeasy-globals: {parameters: [{$ref: "#/components/parameters/Ns"}]}
    paths:
      /ns/{namespaceId}:
        get:
          operationId: getHosting
          parameters:
            - {$ref: "#/components/parameters/Ns"}
            - {name: orderBy, in: query, schema: {type: string, enum: [createdAt], description: The field to order by.}}
            - {name: limit, in: query, schema: {type: integer, description: not shown}}
          responses: {"204": {description: ok}}
        patch:
          operationId: updateNamespace
          parameters: [{$ref: "#/components/parameters/Ns"}]
          requestBody:
            content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Hosting"}}}
    components:
      parameters:
        Ns: {name: namespaceId, in: path, required: true, x-speakeasy-globals-hidden: true, schema: {type: string}}
      schemas:
        Hosting:
          type: object
          required: [enabled, tags, title, event, config]
          properties:
            enabled: {type: boolean, default: true}
            tags: {type: array, items: {type: string}, default: []}
            title: {anyOf: [{type: string}, {type: "null"}], default: null}
            event: {anyOf: [{type: string, const: a.queued}, {type: string, const: a.ready}]}
            config:
              oneOf:
                - {$ref: "#/components/schemas/OpenAI"}
                - type: object
                  required: [provider, model]
                  properties: {provider: {type: string, const: MANAGED}, model: {type: string, enum: [large-3]}}
            source:
              oneOf:
                - {type: object, properties: {type: {type: string, const: TEXT}, text: {type: string}}}
                - {type: object, properties: {type: {type: string, const: MANAGED_FILE}, key: {type: string}}}
            value:
              oneOf: [{type: string}, {type: string, enum: [pause, resume]}]
            patch:
              oneOf: [{type: string}, {type: object}]
        OpenAI: {type: object, properties: {provider: {type: string, const: OPENAI}, model: {type: string}}}
    """)


def test_hidden_globals_defaults_consts_and_union_suffixes(tmp_path):
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(AGENTSET_LIKE, sort_keys=False), encoding="utf-8")
    ir, _ = build(str(path), Options(gen=NEW_ERA, speakeasy_version=(1, 708, 0)))
    found = {d.name: d for d in ir.decls}
    # a hidden global is not a request field; with nothing else the inline body is the request
    request = found["GetHostingRequest"]
    assert [f.name for f in request.fields] == ["order_by", "limit"]
    assert [f.name for f in found["GetHostingGlobals"].fields] == ["namespace_id"]
    assert "UpdateNamespaceRequestBody" not in found and [f.name for f in found["UpdateNamespaceRequest"].fields] == [
        "name"
    ]
    # a parameter without a description shows its class's, never a scalar's
    assert [f.description for f in request.fields] == ["The field to order by.", ""]
    hosting = {f.name: f for f in found["Hosting"].fields}
    assert not hosting["enabled"].required and hosting["tags"].required and hosting["title"].required
    assert hosting["event"].type.value == "a.queued"  # several consts: the first one
    # the last single-valued property names a tagged member; tagged unions give way (>= 1.700)
    assert "ConfigLarge3" in found
    assert {"SourceUnion", "SourceText", "SourceManagedFile"} <= set(found) and "Source" not in found
    # one untagged inline member takes the union's name (an enum: `...Enum`), the union `...Union`
    assert {"ValueUnion", "ValueEnum", "PatchUnion", "Patch"} <= set(found)


def test_old_era_parameter_schemas_take_their_location_word(tmp_path):
    """plexpy: a contested parameter enum becomes `PathParamElement`, then `<Op>PathParamElement`."""
    spec = {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    for op in ("getA", "getB", "getC"):
        spec["paths"][f"/{op}/{{element}}"] = {
            "get": {
                "operationId": op,
                "parameters": [
                    {"name": "element", "in": "path", "required": True, "schema": {"type": "string", "enum": [op, "x"]}}
                ],
                "responses": {"200": {"description": "ok"}},
            }
        }
    found = names(tmp_path, spec, {"generation": {"fixes": {"nameResolutionDec2023": True}}})
    assert {"Element", "PathParamElement", "GetCPathParamElement"} <= set(found)


def test_a_vanishing_union_hands_its_array_items_to_the_property(tmp_path):
    """mammoth `by_week_day: {oneOf: [null, {type: array, items: {enum}}]}` -> `...ByWeekDay`, not `Model11`."""
    schema = {
        "type": "object",
        "properties": {
            "by_week_day": {
                "oneOf": [{"type": "null"}, {"type": "array", "items": {"type": "string", "enum": ["MO", "TU"]}}]
            }
        },
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "getA",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Cond"}}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Cond": schema}},
    }
    found = names(tmp_path, spec, NEW_ERA)
    assert "ByWeekDay" in found and found["ByWeekDay"].origin.parent is found["Cond"]


def test_x_speakeasy_ignore_drops_operations_and_properties(tmp_path):
    # syllable, acuvity: an ignored operation has no models; orq: an ignored property is no field
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /a:
            post:
              operationId: kept
              parameters: [{name: q, in: query, schema: {type: string}}]
              requestBody:
                content: {application/json: {schema: {$ref: "#/components/schemas/Invoke"}}}
              responses: {"204": {description: done}}
          /b:
            get:
              operationId: dropped
              x-speakeasy-ignore: true
              parameters: [{name: q, in: query, schema: {type: string}}]
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Only"}}}}
        components:
          schemas:
            Invoke: {type: object, properties: {key: {type: string}, stream: {type: boolean, x-speakeasy-ignore: true}}}
            Only: {type: object, properties: {a: {type: string}}}
        """)
    found = names(tmp_path, spec, NEW_ERA)
    assert "DroppedRequest" not in found and "Only" not in found
    assert [f.wire_name for f in found["Invoke"].fields] == ["key"]


def test_one_value_enum_members_named_by_value_and_prefixed_unions_suffixed(tmp_path):
    # openrouter 1.656: anyOf of one-value enums; `status` contested, so `<Root>StatusUnion` and its
    # members `<Root>Status<Value>`; an uncontested union keeps its name (`EncodingFormat`)
    spec = doc("""
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /a:
            post:
              operationId: embed
              parameters: [{name: q, in: query, schema: {type: string}}]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        encoding_format: {anyOf: [{type: string, enum: [float]}, {type: string, enum: [base64]}]}
                        item: {$ref: "#/components/schemas/Message"}
              responses: {"204": {description: done}}
        components:
          schemas:
            Message:
              type: object
              properties:
                status: {anyOf: [{type: string, enum: [completed]}, {type: string, enum: [in_progress]}]}
            Reply:
              type: object
              properties:
                status: {anyOf: [{type: string, enum: [completed]}, {type: string, enum: [in_progress]}]}
            Wrap: {type: object, properties: {m: {$ref: "#/components/schemas/Message"}, o: {$ref: "#/components/schemas/Reply"}}}
        """)
    spec["paths"]["/a"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["w"] = {
        "$ref": "#/components/schemas/Wrap"
    }
    found = names(tmp_path, spec, NEW_ERA, (1, 656))
    assert {"EncodingFormat", "EncodingFormatFloat", "EncodingFormatBase64"} <= set(found)
    assert {"MessageStatusUnion", "MessageStatusCompleted", "MessageStatusInProgress", "ReplyStatusUnion"} <= set(found)


def test_map_of_nullable_any_values(tmp_path):
    # openrouter: `additionalProperties: {nullable: true}` is `Dict[str, Nullable[Any]]`, in docs and models
    path = tmp_path / "openapi.yaml"
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    E: {type: object, properties: {metadata: {type: object, additionalProperties: {nullable: true}}}}\n",
        encoding="utf-8",
    )
    _, files = build(str(path), Options(gen=NEW_ERA))
    assert "Dict[str, *Nullable[Any]*]" in files["docs/models/e.md"]


ORDERED = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /a/{zoneId}:
        post:
          operationId: postA
          parameters:
            - {name: zoneId, in: path, required: true, schema: {type: string}}
            - {name: after, in: query, schema: {type: string}}
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
          responses: {"204": {description: done}}
    components:
      schemas:
        Thing:
          type: object
          required: [kind, name, age]
          properties:
            name: {type: string}
            kind: {type: string, const: thing, enum: [thing]}
            zone: {type: string}
            age: {type: integer}
    """)


def test_fields_follow_the_spec_unless_gen_yaml_lacks_maintain_openapi_order(tmp_path):
    """airbyte, testpan, leonardo (no `maintainOpenAPIOrder`): by wire name, required first; a request's
    parameters too, its body by its wire name (testpan `UuidList` before `actionType`). v1 (dataclass)
    template (airbyte): a const has a default, so it follows the other required fields."""
    spec = ORDERED
    kept = names(tmp_path, spec, {**OLD_ERA, "python": {"templateVersion": "v2"}}, (1, 396, 2))
    assert [f.name for f in kept["Thing"].fields] == ["name", "kind", "age", "zone"]
    assert [f.name for f in kept["PostARequest"].fields] == ["zone_id", "thing", "after"]
    bare = {"generation": {"fixes": OLD_ERA["generation"]["fixes"]}}
    v2 = names(tmp_path, spec, {**bare, "python": {"templateVersion": "v2"}}, (1, 396, 2))
    assert [f.name for f in v2["Thing"].fields] == ["age", "kind", "name", "zone"]
    assert [f.name for f in v2["PostARequest"].fields] == ["thing", "zone_id", "after"]
    v1 = names(tmp_path, spec, {**bare, "python": {}}, (1, 244, 0))
    assert [f.name for f in v1["Thing"].fields] == ["age", "name", "kind", "zone"]
    # the v1 template declares a const as a one-value enum class, which has a page (airbyte `SourcePostgresPostgres`)
    assert [v.value for v in v1["Kind"].values] == ["thing"] and "Kind" not in v2


def test_an_inline_enum_is_named_after_its_title(tmp_path):
    """airbyte `campaign_statuses: {type: array, items: {title: ValidCampaignStatuses, enum: [...]}}`."""
    items = {"title": "ValidCampaignStatuses", "type": "string", "enum": ["ACTIVE", "PAUSED"]}
    spec = doc("""
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        """)
    spec["components"] = {"schemas": {"Source": {"type": "object", "properties": {
        "campaign_statuses": {"type": "array", "items": items}}}}}  # fmt: skip
    assert "ValidCampaignStatuses" in names(tmp_path, spec, OLD_ERA)


TWINS = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /things:
        post:
          operationId: createThing
          parameters:
            - {name: id, in: query, schema: {type: string}}
          requestBody:
            content: {application/json: {schema: {$ref: "#/components/schemas/ThingInput"}}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
    components:
      schemas:
        Thing:
          x-speakeasy-name-override: Thing
          type: object
          properties: {id: {type: string}, name: {type: string}}
        ThingInput:
          x-speakeasy-name-override: Thing
          type: object
          properties: {name: {type: string}}
    """)


def test_a_component_named_like_an_earlier_one_is_numbered_from_one(tmp_path):
    # conductorone 1.352: `...AppAccessRequestDefaultsInput` overridden `AppAccessRequestDefaults` is
    # `AppAccessRequestDefaults1`, and the request body field that holds it `app_access_request_defaults`
    found = names(tmp_path, TWINS, OLD_ERA, version=(1, 352, 2))
    assert found["Thing1"].pointer.endswith("ThingInput") and "Thing2" not in found
    body = next(f for f in found["CreateThingRequest"].fields if f.is_body)
    assert body.type.decl is found["Thing1"] and body.name == "thing"


NULLABLE_ITEMS = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /prompts:
        post:
          operationId: createPrompts
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    prompts: {type: array, items: {type: string, nullable: true}}
          responses:
            "204": {description: done}
    """)


def test_nullable_items_are_nullable_from_1_606(tmp_path):
    # leonardo 1.396 `imagePrompts`: `List[str]`; orq-2025-08 1.606.5 `values`, mammoth 1.606.8 `invoices`: Nullable
    for version, nullable in (((1, 396, 2), False), ((1, 606, 5), True)):
        found = names(tmp_path, NULLABLE_ITEMS, OLD_ERA, version=version)
        prompts = next(f for f in found["CreatePromptsRequestBody"].fields if f.wire_name == "prompts")
        assert prompts.type.nullable is nullable


TITLED_OBJECTS = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /things:
        post:
          operationId: createThing
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    params:
                      title: Object
                      type: object
                      properties:
                        ZED: {title: Object, type: object, properties: {z: {type: string}}}
                        ALPHA: {title: Object, type: object, properties: {a: {type: string}}}
          responses:
            "204": {description: done}
    """)


def test_without_maintain_openapi_order_properties_claim_names_by_wire_name(tmp_path):
    # leonardo 1.396 pricingCalculator: FANTASY_AVATAR_GENERATION takes `PricingCalculatorObject`, IMAGE_GENERATION
    # (written before it) `PricingCalculatorPricingCalculatorObject`
    sorted_era = {"generation": {"fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": False}}}
    found = names(tmp_path, TITLED_OBJECTS, sorted_era, version=(1, 396, 2))
    params = found["Object"]
    alpha, zed = (next(f.type.decl for f in params.fields if f.wire_name == key) for key in ("ALPHA", "ZED"))
    assert alpha.name == "CreateThingObject" and zed.name != "CreateThingObject"


def test_a_titled_property_whose_path_is_taken_adds_its_own_name(tmp_path):
    # leonardo 1.396 pricingCalculator: with `Object`, `PricingCalculatorObject` ... `PricingCalculatorPricingCalculator
    # RequestRequestBodyServiceParamsObject` taken, TEXTURE_GENERATION is `...ServiceParamsTEXTUREGENERATIONObject`
    spec = json.loads(json.dumps(TITLED_OBJECTS))
    params = spec["paths"]["/things"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]
    for key in ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"):
        params["params"]["properties"][key] = {
            "title": "Object",
            "type": "object",
            "properties": {"x": {"type": "string"}},
        }
    sorted_era = {"generation": {"fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": False}}}
    found = names(tmp_path, spec, sorted_era, version=(1, 396, 2))
    zed = next(f.type.decl for f in found["Object"].fields if f.wire_name == "ZED")
    assert zed.name.endswith("ParamsZEDObject") and not any(
        name.startswith("Object") and name[6:].isdigit() for name in found
    )


CLIENT_CREDENTIALS = doc("""
    openapi: 3.0.3
    info: {title: t, version: "1"}
    security: [{clientCredentials: []}]
    paths:
      /ping:
        get:
          operationId: ping
          responses:
            "204": {description: done}
    components:
      securitySchemes:
        clientCredentials:
          type: oauth2
          flows: {clientCredentials: {tokenUrl: "https://example.com/token", scopes: {}}}
    """)


def test_the_token_url_is_a_constant_before_1_438(tmp_path):
    # bar 1.318 `TOKEN_URL: Annotated[Final[str], pydantic.Field(alias="TokenURL")] = url`, not in the TypedDict;
    # bar 1.438 `token_url: str = url` in both
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(CLIENT_CREDENTIALS, sort_keys=False), encoding="utf-8")
    for version, attribute, annotation, typed in (
        ((1, 318, 0), "TOKEN_URL", "Final[str]", False),
        ((1, 438, 1), "token_url", "str", True),
    ):
        _, files = build(str(path), Options(gen=OLD_ERA, speakeasy_version=version, package="pkg"))
        classes = {n.name: n for n in ast.parse(files["pkg/models/security.py"]).body if isinstance(n, ast.ClassDef)}
        fields = {
            f.target.id: f
            for f in classes["Security"].body
            if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)
        }
        assert ast.unparse(fields[attribute].annotation) == annotation
        assert "https://example.com/token" in ast.unparse(fields[attribute].value)
        assert ("TokenURL" in ast.unparse(fields[attribute].value)) is not typed  # its wire alias
        typed_fields = [f.target.id for f in classes["SecurityTypedDict"].body if isinstance(f, ast.AnnAssign)]
        assert ("token_url" in typed_fields) is typed


def test_components_of_one_name_share_their_alike_inline_classes(tmp_path):
    # conductorone 1.352: `AppAccessRequestDefaults` and `AppAccessRequestDefaults1` (keys `...Defaults`,
    # `...DefaultsInput`) both use `DurationUnset`; `AppEntitlement`'s alike one is `AppEntitlementDurationUnset`
    spec = json.loads(json.dumps(TWINS))
    schemas = spec["components"]["schemas"]
    unset = {"type": "object", "nullable": True}
    for key in ("Thing", "ThingInput"):
        schemas[key]["properties"]["lapse"] = dict(unset)
    schemas["Other"] = {"type": "object", "properties": {"lapse": dict(unset)}}
    schemas["Thing"]["properties"]["other"] = {"$ref": "#/components/schemas/Other"}
    found = names(tmp_path, spec, OLD_ERA, version=(1, 352, 2))
    held = [next(f.type.decl for f in found[k].fields if f.wire_name == "lapse") for k in ("Thing", "Thing1", "Other")]
    assert held[0] is held[1] and held[2] is not held[0]
    assert held[0].name != held[2].name and "Lapse1" not in found
