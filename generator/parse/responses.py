"""Responses: the `<Op>Response` shapes Speakeasy's flat response format produces.

- any response declaring headers -> a wrapper model `{headers, result}`, a paginated
  operation's (`x-speakeasy-pagination`) -> `{result}`;
- several possible bodies (2xx, 3xx and a `default`) -> a union of them (with headers: `result` is that
  union, `<Op>ResponseResult`);
- otherwise the one inline success body is the response model itself.
Error responses (4xx/5xx) are returned as error roots: their schema becomes an error
class (outside docs/models) unless something else reaches it, see `reach`.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from ..casing import pascal
from ..errors import SpecError, join_pointer
from ..ir import Decl, Field, ListOf, MapOf, Model, Origin, Prim, Ref, Role, Stream, TypeExpr, Union
from ..load import Registry
from .envelope import STREAM, Body, is_binary, json_lines, unread
from .envelope import envelope as build_envelope
from .guards import text
from .schemas import SchemaBuilder, describe
from .site import OperationSite, Site


def build_responses(builder: SchemaBuilder, op: OperationSite, roots: list[Decl], envelope: bool = False) -> list[Decl]:
    """Declare an operation's response models; add what they use to `roots`; return the error bodies.

    With `envelope` (see `parse.envelope`) every content of every success response is a body."""
    responses = op.operation.get("responses") or {}
    if not isinstance(responses, dict):
        raise op.error("responses must be a mapping", "responses")
    context = op.context
    bodies: list[tuple[TypeExpr, Decl | None]] = []
    envelope_bodies: list[Body] = []
    errors: list[Decl] = []
    has_headers = False
    described: dict[int, str] = {}  # id(decl) -> the description of the first response returning it
    for status, response in responses.items():
        status = str(status)
        response_file, response_pointer, response = deref(
            builder.registry, response, op.file, op.at("responses", status)
        )
        if not isinstance(response, dict):
            continue
        has_headers = has_headers or bool(response.get("headers"))
        success = status[:1] in ("2", "3") or status == "default"  # a redirect's body too (novu `chatOauthCallback`)
        if envelope and success:
            for media_type, schema in _contents(response.get("content")):
                schema_pointer = join_pointer(response_pointer, "content", media_type, "schema")
                mark = len(builder.decls)
                if is_binary(media_type, schema):
                    expr: TypeExpr = STREAM
                else:
                    site = Site(response_file, schema_pointer, "ResponseBody", context=context)
                    expr = _body_type(builder, schema, site, response, envelope)
                    collect_root(expr, roots)
                    _mark_response(expr)
                _chain(builder, mark, ("Response", status, media_type))
                inline, description = own_decl(builder, expr, mark), text(response.get("description"))
                if isinstance(expr, Ref):  # the first response to return the class describes its field
                    description = described.setdefault(id(expr.decl), description)
                if isinstance(expr, Ref) and unread(media_type):  # its class is generated, though no field holds it
                    envelope_bodies.append(Body(status, media_type, Prim("bytes"), inline, "", raw=True))
                else:
                    alias = _array_component(builder, schema, response_file, schema_pointer)
                    envelope_bodies.append(Body(status, media_type, expr, inline, description, alias=alias))
            continue
        for media_type, schema in _read_contents(response.get("content"), success):
            schema_pointer = join_pointer(response_pointer, "content", media_type, "schema")
            mark = len(builder.decls)
            hint = "ResponseBody" if success else status_name(status)
            expr = _body_type(builder, schema, Site(response_file, schema_pointer, hint, context=context), response)
            _mark_response(expr)
            _chain(builder, mark, ("Response", status, media_type))
            inline = own_decl(builder, expr, mark)
            if success:
                collect_root(expr, roots)
                if not any(_same(expr, seen) for seen, _ in bodies):
                    bodies.append((expr, inline))
                at = Site(response_file, response_pointer, "ResponseBody", context=context)
                bodies.extend(_event_stream(builder, response, at, (status, media_type), roots))
            elif isinstance(expr, Ref):
                described.setdefault(id(expr.decl), text(response.get("description")))
                if inline is not None:
                    inline.origin.role = Role.ERROR_BODY
                if builder.rules.inline_error_descriptions or component_key(response_pointer, "responses") is not None:
                    # an error class without a description shows its response component's (emissary `ApiErrorNotFound`)
                    builder.error_descriptions.setdefault(id(expr.decl), text(response.get("description")))
                errors.append(expr.decl)
    # a schema the operation returns on success stays a model, though an error status returns it too (cribl-cp
    # health: HealthServerStatus for 200 and 420); its error class is a copy (`reach.error_twins`)
    successes = {id(expr.decl) for expr, _ in bodies if isinstance(expr, Ref)}
    builder.raised.extend(decl for decl in errors if id(decl) in successes)  # raised too: see `reach.error_twins`
    errors = [decl for decl in errors if id(decl) not in successes]
    if envelope:
        builder.decls.append(build_envelope(op.pointer, context, envelope_bodies, has_headers, builder.http_meta))
    else:
        paginated = isinstance(op.operation.get("x-speakeasy-pagination"), dict)
        _response_shape(builder, op, bodies, has_headers, paginated)
    return errors


def _read_contents(content: Any, success: bool) -> list[tuple[str, Any]]:
    """The bodies of a flat-format response: of a success response every JSON one (vercel 1.293/1.398
    `getDeploymentEvents` `application/json` and `application/stream+json`: `GetDeploymentEventsResponse`
    is their union), else the one Speakeasy picks (`media_schema`); JSON lines are returned as they come
    (see `is_binary`)."""
    picked = media_schema(content)
    if picked is None or (success and json_lines(picked[0])):
        return []
    if not success:
        return [picked]
    found = [(m, schema) for m, schema in _contents(content) if "json" in m and not json_lines(m)]
    return found if len(found) > 1 else [picked]


def _body_type(
    builder: SchemaBuilder,
    schema: Any,
    site: Site,
    response: dict[str, Any],
    envelope: bool = False,
) -> TypeExpr:
    """The type of a response body; a response component's inline schema is one class for every use.

    A success response component's is a shared class named after its key (bolt
    `transaction_details` -> `TransactionDetails`, plexpy `LibrarySections`), plus `Response` in the
    flat format when a schema or request body component has that key (bolt `statements_view` ->
    `StatementsViewResponse`).
    """
    file, pointer = site.file, site.pointer
    shared_components = not builder.rules.per_operation_response_components
    key = component_key(pointer, "responses") if site.hint == "ResponseBody" and shared_components else None
    if key is not None:
        taken = not envelope and pascal(key).lower() in _component_names(builder, file)
        expr, _ = builder.ref_type(file, pointer, key + ("Response" if taken else ""))
        first = not (isinstance(expr, Ref) and expr.decl.uses.response_root)  # the first use as a response decides:
        if first and builder.rules.response_component_descriptions:
            describe_component(expr, response.get("description"))  # plexpy MediaContainerWithHubs `OK`, but
            # not MediaContainerWithPlaylistMetadata, returned directly by an earlier operation
        return expr
    shared = (file, pointer) if not pointer.startswith("/paths/") and shared_components else None
    if shared in builder.shared:
        expr = builder.shared[shared][0]
    else:
        expr, nullable = builder.type_of(schema, site)
        if shared is not None:
            builder.shared[shared] = (expr, nullable)
    describe(expr, response.get("description"))
    return expr


def _event_stream(
    builder: SchemaBuilder,
    response: dict[str, Any],
    at: Site,
    chosen: tuple[str, str],
    roots: list[Decl],
) -> list[tuple[TypeExpr, Decl | None]]:
    """A JSON body that can also be streamed (`text/event-stream` beside it) makes the response a union of
    the body and the stream of events (orq `DeploymentInvokeResponse`)."""
    status, media_type = chosen
    for stream_type, schema in _contents(response.get("content")):
        if stream_type.startswith("text/event-stream") and stream_type != media_type:
            mark = len(builder.decls)
            expr = _body_type(builder, schema, at.at("content", stream_type, "schema"), response)
            _chain(builder, mark, ("Response", status, stream_type))
            collect_root(expr, roots)
            return [(stream_events(expr, builder.rules.flat_streams), own_decl(builder, expr, mark))]
    return []


def stream_events(event: TypeExpr, flat: bool) -> TypeExpr:
    """What a `text/event-stream` body whose events read as `event` gives: a stream of them, or of their
    `data` with gen.yaml's `sseFlatResponse` (openrouter 1.656: `EventStream[ChatStreamingResponseChunkData]`,
    `EventStream[OpenResponsesStreamEvent]`; orq-2025-08 1.606, without it, streams `{data}` models whole).
    A scalar is no stream of events: the body itself (openrouter `createEmbeddings`' `str`, in the Python
    and the TypeScript SDKs, 1.656-1.761). Python only: TypeScript SDKs name the event model either way."""
    if isinstance(event, Prim):
        return event
    if flat and isinstance(event, Ref) and isinstance(event.decl, Model):
        data = next((f.type for f in event.decl.fields if f.wire_name == "data"), None)
        return Stream(data if data is not None else event)
    return Stream(event)


def _mark_response(expr: TypeExpr) -> None:
    """What a response returns keeps its read-only fields (see `readonly`), even when no model refers to it."""
    found: list[Decl] = []
    collect_root(expr, found)
    for decl in found:
        decl.uses.response_root = True


def _chain(builder: SchemaBuilder, mark: int, chain: tuple[str, ...]) -> None:
    for decl in builder.decls[mark:]:
        decl.origin.chain = decl.origin.chain or chain


def _component_names(builder: SchemaBuilder, file: str) -> set[str]:
    """The class names (lower-cased) `file`'s schema and request body components take, worked out
    once per file however many response components ask."""
    if file not in builder.component_names:
        document = builder.registry.document(file)
        components = document.get("components") if isinstance(document, dict) else None
        names: set[str] = set()
        for section in ("schemas", "requestBodies"):
            found = components.get(section) if isinstance(components, dict) else None
            names.update(pascal(str(name)).lower() for name in (found if isinstance(found, dict) else ()))
        builder.component_names[file] = names
    return builder.component_names[file]


def _array_component(builder: SchemaBuilder, schema: Any, file: str, pointer: str) -> str:
    """The key of the array component `schema` refers to, else ""."""
    if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
        return ""
    _, target_pointer, target = builder.registry.resolve(schema["$ref"], file, pointer)
    key = component_key(target_pointer or "", "schemas")
    return key if key and isinstance(target, dict) and target.get("type") == "array" else ""


def component_key(pointer: str, section: str) -> str | None:
    """The key of the `components/<section>` entry `pointer` lies in, else None."""
    parts = pointer.split("/")
    if len(parts) > 3 and parts[1] == "components" and parts[2] == section:
        return parts[3].replace("~1", "/").replace("~0", "~")
    return None


def describe_component(expr: TypeExpr, description: Any) -> None:
    """A class made from a response or request body component takes that component's description."""
    if isinstance(expr, Ref) and not expr.decl.description:
        expr.decl.description = text(description)


def _contents(content: Any) -> list[tuple[str, Any]]:
    """(media type, schema) of every content entry that has a schema."""
    if not isinstance(content, dict):
        return []
    return [(str(m), media["schema"]) for m, media in content.items() if isinstance(media, dict) and "schema" in media]


def _response_shape(
    builder: SchemaBuilder, op: OperationSite, bodies: list[Any], has_headers: bool, paginated: bool
) -> None:
    op_pointer, context = op.pointer, op.context
    inline = [decl for _, decl in bodies if decl is not None]
    wrapper: Model | Union
    empty = not bodies and builder.rules.empty_responses  # an empty `<Op>Response` (`Profile.ts_empty_responses`)
    if has_headers or (paginated and bodies) or empty:  # a paginated response is `{result}` (agentset, cribl-cp)
        wrapper = Model(
            hint="Response", pointer=op_pointer, origin=Origin(context=context, role=Role.RESPONSE), paginated=paginated
        )
        if has_headers:
            wrapper.fields.append(Field(wire_name="Headers", type=MapOf(ListOf(Prim("str"))), required=True))
        if len(bodies) > 1:  # several bodies: `result` is their union (novu 1.444 `chatOauthCallback`)
            union = Union(hint="Result", pointer=op_pointer, origin=Origin(context=context, role=Role.RESPONSE_RESULT))
            union.members = [expr for expr, _ in bodies]
            builder.decls.append(union)
            wrapper.fields.append(Field(wire_name="Result", type=Ref(union), required=True))
        elif bodies:
            body = bodies[0][0]  # a component shows its own example (que `result`: TrustListResponse's)
            example = body.decl.example if isinstance(body, Ref) and body.decl.origin.from_component else None
            wrapper.fields.append(Field(wire_name="Result", type=body, required=True, example=example))
    elif len(bodies) > 1:
        wrapper = Union(
            hint="Response",
            pointer=op_pointer,
            origin=Origin(context=context, role=Role.RESPONSE),
            members=[expr for expr, _ in bodies],
        )
    else:
        for decl in inline:
            decl.origin.role = Role.RESPONSE_SINGLE
        return
    for index, decl in enumerate(inline, 1):
        decl.origin.role = Role.RESPONSE_BODY
        decl.origin.index = index if len(inline) > 1 else 0
    builder.decls.append(wrapper)


def media_schema(content: Any) -> tuple[str, Any] | None:
    """(media type, schema) of the content Speakeasy picks: the first JSON one, else the first."""
    if not isinstance(content, dict) or not content:
        return None
    for media_type, media in content.items():
        if "json" in str(media_type) and isinstance(media, dict) and "schema" in media:
            return str(media_type), media["schema"]
    media_type, media = next(iter(content.items()))
    if isinstance(media, dict) and "schema" in media:
        return str(media_type), media["schema"]
    return None


def deref(registry: Registry, node: Any, file: str, pointer: str) -> tuple[str, str, Any]:
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        file, pointer, node = registry.resolve(node["$ref"], file, pointer)
        seen += 1
        if seen > 32:
            raise SpecError("$ref chain too long (cycle?)", file=file, pointer=pointer)
    return file, pointer, node


def own_decl(builder: SchemaBuilder, expr: Any, mark: int) -> Decl | None:
    """The declaration `expr` names when it was created just now (inline), else None."""
    if isinstance(expr, Ref) and not expr.decl.origin.from_component and expr.decl in builder.decls[mark:]:
        return expr.decl
    return None


def collect_root(expr: Any, roots: list[Decl]) -> None:
    while isinstance(expr, (ListOf, MapOf)):
        expr = expr.item if isinstance(expr, ListOf) else expr.value
    if isinstance(expr, Ref):
        roots.append(expr.decl)


def _same(a: Any, b: Any) -> bool:
    """One class returned by two statuses is one body (novu 1.444 `broadcastEventToAll` 200/201, outpost
    `upsertTenant`); two scalars stay two (novu `chatOauthCallback` 200 text/html and 302 json strings:
    `Union[str, str]`)."""
    return isinstance(a, Ref) and isinstance(b, Ref) and a.decl is b.decl


def status_name(status: str) -> str:
    """`404` -> `NotFound` (the word Speakeasy uses to name inline error bodies)."""
    try:
        return "".join(word.capitalize() for word in HTTPStatus(int(status)).phrase.replace("-", " ").split())
    except ValueError:
        return "Error" + status
