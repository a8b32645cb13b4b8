"""Operations: their parameters and request bodies become Speakeasy's request models.

Every operation has a base name (its operationId, else its method and path) that the
naming stage turns into `<Op>Request`, `<Op>RequestBody`, `<Op>Response`... Parsing only
records which of those shapes exist (`Decl.origin.role`); the names depend on the generator era
and are chosen in `generator.naming`. Responses are handled in `responses`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..errors import SpecError, join_pointer
from ..ir import ANY, Decl, Field, Model, Operation, Origin, Prim, Ref, Role
from ..load import Registry
from .examples import parameter_example, schema_example
from .files import CONTENT, file_models
from .guards import text
from .responses import build_responses, collect_root, component_key, deref, describe_component, media_schema, own_decl
from .schemas import SchemaBuilder, describe, pascal_hint, spec_default
from .site import OperationSite, Site

# (wire name, location) -> (file, pointer, parameter): the spec's x-speakeasy-globals parameters
_Globals = dict[tuple[str, str], tuple[str, str, dict[str, Any]]]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAM_LOCATIONS = ("path", "query", "header")
_PARAM_WORDS = {"path": "PathParam", "query": "QueryParam", "header": "Header"}
# OpenAPI: header parameters of these names "SHALL be ignored" (squadcast's `authorization` is no field)
_IGNORED_HEADERS = ("accept", "content-type", "authorization")
_FORMS = ("multipart/", "application/x-www-form-urlencoded")


def operation_context(method: str, path: str, operation: dict[str, Any]) -> str:
    """The raw base name of an operation (`x-speakeasy-name-override` names the method only). Without an
    operationId, Speakeasy's is `<method>_<path>`, words split at `/`, `{` and `}`; a closing brace at the
    end leaves a separator that its module's name keeps (orq-2024-11 DELETE `/v2/deployments/invalidate/
    {deployment_id}`: `delete_v2_deployments_invalidate_deployment_id_op.py`, beside orq-2025-08
    `post_v2_proxy_moderationsop.py`, sunsynk `get_api_v1_invertersop.py`), so it ends with a space there."""
    name = operation.get("operationId")
    if isinstance(name, str) and name:
        return name
    segments = [s for s in re.split(r"[/{}]+", path) if s]
    return " ".join([method] + segments) + (" " if path.endswith("}") else "")


def build_operation(
    builder: SchemaBuilder,
    op: OperationSite,
    shared: list[Any],
    global_params: _Globals,
    roots: list[Decl],
    envelope: bool,
) -> tuple[list[Decl], Operation]:
    """Declare one operation's models (its `<Op>Request`, body, globals and responses); add what they use
    to `roots`; return its error bodies and the `Operation`. `shared`: the path item's parameters,
    already located (file, pointer, parameter)."""
    operation = op.operation
    mark = len(builder.decls)
    request, global_fields = _parameters(builder, op, shared, global_params)
    required = builder.rules.required_globals
    globals_model = _op_globals(request, global_fields, global_params, required) if request is not None else None
    if request is not None and not request.fields and "requestBody" in operation:
        request = None  # only hidden globals: the body is the request (agentset updateNamespace)
    first_input = len(roots)
    _request_body(builder, op, request, roots)
    for model in (request, globals_model):
        if model is not None:
            builder.decls.append(model)
            roots.append(model)
    first_output = len(roots)
    errors = build_responses(builder, op, roots, envelope)
    op_id = operation.get("operationId")
    found = Operation(
        op.method.upper(),
        op.path,
        op_id if isinstance(op_id, str) else "",
        op.context,
        inputs=roots[first_input:first_output],
        outputs=roots[first_output:] + errors,
    )
    group, more_tags = _group(operation), _more_tags(operation)
    for decl in builder.decls[mark:]:
        if decl.origin.context == op.context:
            decl.origin.group, decl.origin.more_tags = group, more_tags
            decl.origin.hook = op.hook
    return errors, found


def add_globals(builder: SchemaBuilder, global_params: _Globals, roots: list[Decl]) -> None:
    """The SDK's `Globals`, when the document declares global parameters."""
    if global_params:
        all_globals = _all_globals(builder, global_params)
        builder.decls.append(all_globals)
        roots.append(all_globals)


def _group(operation: dict[str, Any]) -> str:
    """`x-speakeasy-group`, else the first tag: the context older generators add after the operation."""
    group = operation.get("x-speakeasy-group")
    if isinstance(group, str) and group:
        return group
    tags = operation.get("tags")
    return str(tags[0]) if isinstance(tags, list) and tags and isinstance(tags[0], (str, int)) else ""


def _more_tags(operation: dict[str, Any]) -> tuple[str, ...]:
    """The tags after the first of an operation without `x-speakeasy-group`: older generators add them to
    a contested inline name one at a time after the first (orq-client 1.419 `tags: [Deployments, public]`:
    `PostV2DeploymentsGetConfig2DeploymentsType`, then `...2DeploymentsPublicType`, then
    `...2DeploymentsPublicResponseType`; 22 such operations, 24 pages)."""
    tags = operation.get("tags")
    if "x-speakeasy-group" in operation or not isinstance(tags, list):
        return ()
    return tuple(str(tag) for tag in tags[1:] if isinstance(tag, (str, int)))


def _request_body(builder: SchemaBuilder, op: OperationSite, request: Model | None, roots: list[Decl]) -> None:
    if "requestBody" not in op.operation:
        return
    body_file, body_pointer, body = deref(builder.registry, op.operation["requestBody"], op.file, op.at("requestBody"))
    found = media_schema(body.get("content") if isinstance(body, dict) else None)
    if found is None:
        return
    media_type, schema = found
    schema_pointer = join_pointer(body_pointer, "content", media_type, "schema")
    if request is not None and _raw(media_type):
        request.fields.append(_raw_body(body, schema, builder.rules.const_enums))
        return
    mark = len(builder.decls)
    key = component_key(body_pointer, "requestBodies")
    if key is not None:  # a request body component's schema: shared, named after the key (bolt)
        expr, nullable = builder.ref_type(body_file, schema_pointer, key + "RequestBody")
        describe_component(expr, body.get("description"))
    else:
        hint = pascal_hint("RequestBody", schema) if isinstance(schema, dict) else "RequestBody"
        expr, nullable = builder.type_of(schema, Site(body_file, schema_pointer, hint, request, op.context))
        describe(expr, body.get("description"))
    if media_type.startswith("multipart/form-data"):
        file_models(expr, builder.decls, builder.rules.file_part_alias)
    for decl in builder.decls[mark:]:
        decl.origin.chain = decl.origin.chain or ("Request", "RequestBody", media_type)
    inline = own_decl(builder, expr, mark)
    collect_root(expr, roots)
    if isinstance(expr, Ref):
        expr.decl.uses.request_root = True
    if inline is not None:
        inline.origin.role = Role.REQUEST_BODY if request is not None else Role.REQUEST_SINGLE
    if request is not None:
        body_field = Field(
            wire_name="RequestBody" if inline is not None or not isinstance(expr, Ref) else expr.decl.hint,
            type=expr,
            required=bool(body.get("required")),
            nullable=nullable,
            description=text(body.get("description")),
            example=schema_example(
                builder.ref_target(schema if isinstance(schema, dict) else {}, body_file, schema_pointer)
            ),
            is_body=True,
        )
        request.fields.append(body_field)


def _raw(media_type: str) -> bool:
    """A body sent as it is (`text/plain`, `application/octet-stream`...): neither JSON nor a form."""
    media_type = media_type.lower()
    return "json" not in media_type and not media_type.startswith(_FORMS)


def _raw_body(body: dict[str, Any], schema: object, dataclasses: bool = False) -> Field:
    """A raw body is the SDK's bytes or file-like argument whatever its schema says, and that schema
    gets no class (squadcast's `text/plain` body `$ref: V3.EscalationPolicies.UpdateEscalationPolicyRequest`
    is the field `v3_escalation_policies_update_escalation_policy_request` of type bytes). The v1
    (dataclass) template (`dataclasses`) takes a plain `type: string` body as a `str` (pydataverse
    `application/xml` bodies, 1.201-1.469)."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    plain = isinstance(schema, dict) and schema.get("type") == "string" and "format" not in schema
    return Field(
        wire_name="RequestBody",
        type=Prim("str") if dataclasses and plain else CONTENT,
        required=bool(body.get("required")),
        description=text(body.get("description")),
        name_override=ref.rsplit("/", 1)[-1] if isinstance(ref, str) else "",
        is_body=True,
    )


def global_parameters(registry: Registry) -> dict[tuple[str, str], tuple[str, str, dict[str, Any]]]:
    """The parameters declared in `x-speakeasy-globals` by (name, in): optional in every operation."""
    globals_ = registry.root.get("x-speakeasy-globals")
    params = globals_.get("parameters") if isinstance(globals_, dict) else None
    found = {}
    for index, param in enumerate(params if isinstance(params, list) else []):
        located = deref(
            registry, param, registry.root_path, join_pointer("", "x-speakeasy-globals", "parameters", index)
        )
        if isinstance(located[2], dict) and located[2].get("in") in _PARAM_LOCATIONS:
            found[(str(located[2].get("name")), str(located[2]["in"]))] = located
    return found


def _all_globals(builder: SchemaBuilder, global_params: _Globals) -> Model:
    """`Globals` (docs/models/internal): every global parameter, as the SDK constructor takes them."""
    model = Model(
        hint="Globals", pointer=builder.registry.root_path + "#/x-speakeasy-globals", origin=Origin(role=Role.GLOBALS)
    )
    optional = not builder.rules.required_globals  # (`ParseEras.required_globals`)
    for param_file, param_pointer, param in global_params.values():
        model.fields.append(_parameter_field(builder, Site(param_file, param_pointer, "", model), param, optional))
    return model


def _op_globals(request: Model, global_fields: list[Field], global_params: _Globals, required: bool) -> Model | None:
    """`<Op>Globals`: the operation's parameters that are also global ones, in the operation's order,
    described as `x-speakeasy-globals` describes them (outpost 1.712: the path's `tenant_id` has a
    description, the global one none: N/A); `required`: required where it declares them so
    (`ParseEras.required_globals`)."""
    if not global_fields:
        return None
    model = Model(
        hint="Globals", pointer=request.pointer, origin=Origin(context=request.origin.context, role=Role.OP_GLOBALS)
    )
    model.fields = [
        replace(
            f,
            description=text(global_params[(f.wire_name, f.location)][2].get("description")),
            required=required and bool(global_params[(f.wire_name, f.location)][2].get("required")),
        )
        for f in global_fields
    ]
    return model


def _parameters(
    builder: SchemaBuilder, op: OperationSite, shared: list[Any], global_params: _Globals
) -> tuple[Model | None, list[Field]]:
    """The `<Op>Request` model of the operation's parameters (None without any), and its global ones.

    `shared` holds the path item's parameters, already located: (file, pointer, parameter)."""
    own = op.operation.get("parameters") or []
    if not isinstance(own, list) or not isinstance(shared, list):
        raise op.error("parameters must be a list", "parameters")
    merged: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {}
    from_path: set[tuple[str, str]] = set()  # declared by the path item (and not overridden by the operation)
    own_located = [deref(builder.registry, param, op.file, op.at("parameters", i)) for i, param in enumerate(own)]
    for level in (shared, own_located):
        seen: set[tuple[str, str]] = set()  # a parameter listed twice: the first counts (plexpy makeDecision)
        for param_file, param_pointer, param in level:
            if not isinstance(param, dict) or param.get("in") not in _PARAM_LOCATIONS:
                continue
            if not isinstance(param.get("name"), str):
                raise SpecError("a parameter needs a name (a string)", file=param_file, pointer=param_pointer)
            if param["in"] == "header" and param["name"].lower() in _IGNORED_HEADERS:
                continue
            key = (str(param.get("name")), str(param["in"]))
            if key not in seen:
                seen.add(key)
                merged[key] = (param_file, param_pointer, param)
                if level is shared:
                    from_path.add(key)
                else:  # the operation's own overrides the path's
                    from_path.discard(key)
    if not merged:
        return None, []
    model = Model(
        hint="Request", pointer=op.file + "#" + op.pointer, origin=Origin(context=op.context, role=Role.REQUEST)
    )
    global_fields = []
    for key, (param_file, param_pointer, param) in merged.items():
        at = Site(param_file, param_pointer, "", model, op.context)
        field = _parameter_field(builder, at, param, key in global_params, key in from_path)
        if key not in global_params or not _hidden(global_params[key][2], param):  # hidden globals: SDK-level only
            model.fields.append(field)
        if key in global_params:
            global_fields.append(field)
    return model, global_fields


def _component_key(pointer: str) -> str:
    """A shared parameter's inline class is named after its key (squadcast
    `V3.Incidents.IncidentExportRequest.is_starred` -> `V3IncidentsIncidentExportRequestIsStarred`; plexpy `accepts`).
    """
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


def _class_description(expr: object, schema: dict[str, Any]) -> str:
    """A parameter without a description of its own shows its schema's when that is a class
    (agentset `orderBy` enum); a scalar schema's is not shown (sunsynk `sn`)."""
    return text(schema.get("description")) if isinstance(expr, Ref) else ""


def _wrapped_ref(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The `{$ref}` member of a schema `anyOf` (or `oneOf`) `[{$ref}, {type: null}]`, else None."""
    variants = schema.get("anyOf") or schema.get("oneOf")
    if not isinstance(variants, list) or len(variants) != 2:
        return None
    refs = [v for v in variants if isinstance(v, dict) and "$ref" in v]
    nulls = [v for v in variants if isinstance(v, dict) and v.get("type") == "null"]
    return refs[0] if len(refs) == 1 and len(nulls) == 1 else None


def _hidden(*params: dict[str, Any]) -> bool:
    """`x-speakeasy-globals-hidden`: the global parameter is set on the SDK, not in each request (agentset)."""
    return any(p.get("x-speakeasy-globals-hidden") is True for p in params)


def _parameter_schema(param: dict[str, Any]) -> tuple[tuple[str, ...], Any]:
    """(pointer tokens, schema) of a parameter: its `schema`, else the schema of its `content` (a value
    sent serialized, OpenAPI's other way to type a parameter: openapi-python-client's 3.1 end-to-end
    spec `item_id: {content: {application/json: {schema: {enum: [a, b, c]}}}}`, an enum, not Any);
    None for neither."""
    if "schema" in param:
        return ("schema",), param["schema"]
    picked = media_schema(param.get("content"))
    if picked is None:
        return ("schema",), None
    return ("content", picked[0], "schema"), picked[1]


def _parameter_field(
    builder: SchemaBuilder, at: Site, param: dict[str, Any], optional: bool, path_level: bool = False
) -> Field:
    """One parameter (read at `at`, inside its `<Op>Request`) as a field. The inline schema of a shared
    parameter component is built once, in the shared namespace and named after its key (see `_component_key`).
    A parameter the path item declares shows no `example` of its own (traintravel 1.220 `bookingId` of
    `/bookings/{bookingId}`: no Example column on 3 pages; no other entry has such a parameter example)."""
    file, pointer = at.file, at.pointer
    tokens, found = _parameter_schema(param)
    schema_pointer = join_pointer(pointer, *tokens)
    schema = found if isinstance(found, dict) else {}
    if pointer.startswith("/paths/") or not pointer:
        mark = len(builder.decls)
        # named like a property: after its title (mammoth `Filter by status` -> `GetPipelineItemsFilterByStatus`)
        expr, nullable = builder.type_of(
            {} if found is None else found, at.at(*tokens, hint=pascal_hint(param["name"], schema))
        )
        describe(expr, param.get("description"))
        for decl in builder.decls[mark:]:  # older generators' next word for a contested name: `PathParamElement`
            decl.origin.chain = ("Request", _PARAM_WORDS.get(str(param.get("in")), ""))
    else:
        expr, nullable = (
            builder.ref_type(file, schema_pointer, _component_key(pointer)) if found is not None else (ANY, False)
        )
    # `anyOf: [{$ref}, {type: null}]` documents itself with the referenced schema: not its own `examples`
    # (syllable 1.519 `order_by`, 17 pages; a property written so keeps them: syllable `stt_provider`,
    # mammoth 1.606 `details`; no other entry has such a parameter)
    documented = builder.ref_target(_wrapped_ref(schema) or schema, file, schema_pointer)
    own_example = builder.rules.parameter_examples and not path_level  # (`ParseEras.parameter_examples`)
    return Field(
        wire_name=str(param["name"]),
        type=expr,
        required=bool(param.get("required")) and not optional,
        nullable=nullable,
        description=text(param.get("description")) or _class_description(expr, documented),
        name_override=text(param.get("x-speakeasy-name-override")),
        example=(parameter_example(param) if own_example else None) or schema_example(documented),
        deprecated=bool(param.get("deprecated")),
        location=str(param.get("in")),
        default=spec_default(schema, documented) if isinstance(schema, dict) else None,
    )
