"""Responses: the `<Op>Response` shapes Speakeasy's flat response format produces.

- any response declaring headers -> a wrapper model `{headers, result}`;
- several possible bodies (2xx and a `default`) -> a union of them;
- otherwise the one inline success body is the response model itself.
Error responses (4xx/5xx) are returned as error roots: their schema becomes an error
class (outside docs/models) unless something else reaches it, see `reach`.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from ..errors import SpecError
from ..ir import Decl, Field, ListOf, MapOf, Model, Prim, Ref, TypeExpr, Union
from ..load import Registry, join_pointer
from .schemas import SchemaBuilder, describe


def build_responses(builder: SchemaBuilder, registry: Registry, file: str, op_pointer: str, operation: dict, context: str, roots: list[Decl]) -> list[Decl]:
    """Declare an operation's response models; add what they use to `roots`; return the error bodies."""
    responses = operation.get("responses") or {}
    if not isinstance(responses, dict):
        raise SpecError("responses must be a mapping", file=file, pointer=join_pointer(op_pointer, "responses"))
    bodies: list[tuple[TypeExpr, Decl | None]] = []
    errors: list[Decl] = []
    has_headers = False
    for status, response in responses.items():
        status = str(status)
        response_file, response_pointer, response = deref(registry, response, file, join_pointer(op_pointer, "responses", status))
        if not isinstance(response, dict):
            continue
        has_headers = has_headers or bool(response.get("headers"))
        found = media_schema(response.get("content"))
        if found is None:
            continue
        media_type, schema = found
        schema_pointer = join_pointer(response_pointer, "content", media_type, "schema")
        mark = len(builder.decls)
        success = status.startswith("2") or status == "default"
        hint = "ResponseBody" if success else status_name(status)
        shared = (response_file, schema_pointer) if not schema_pointer.startswith("/paths/") else None
        if shared in builder.shared:  # a response component's inline schema: one class for every use
            expr = builder.shared[shared][0]
        else:
            expr, nullable = builder.type_of(schema, response_file, schema_pointer, hint, None, context)
            if shared is not None:
                builder.shared[shared] = (expr, nullable)
        describe(expr, response.get("description"))
        inline = own_decl(builder, expr, mark)
        if success:
            collect_root(expr, roots)
            if not any(_same(expr, seen) for seen, _ in bodies):
                bodies.append((expr, inline))
        elif isinstance(expr, Ref):
            if inline is not None:
                inline.role = "error_body"
            errors.append(expr.decl)
    _response_shape(builder, op_pointer, context, bodies, has_headers)
    return errors


def _response_shape(builder: SchemaBuilder, op_pointer: str, context: str, bodies: list, has_headers: bool) -> None:
    inline = [decl for _, decl in bodies if decl is not None]
    if has_headers:
        wrapper = Model(hint="Response", pointer=op_pointer, context=context, role="response")
        wrapper.fields.append(Field(wire_name="Headers", type=MapOf(ListOf(Prim("str"))), required=True))
        if bodies:
            wrapper.fields.append(Field(wire_name="Result", type=bodies[0][0], required=True))
    elif len(bodies) > 1:
        wrapper = Union(hint="Response", pointer=op_pointer, context=context, role="response", members=[expr for expr, _ in bodies])
    else:
        for decl in inline:
            decl.role = "response_single"
        return
    for index, decl in enumerate(inline, 1):
        decl.role = "response_body"
        decl.index = index if len(inline) > 1 else 0
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
    if isinstance(expr, Ref) and not expr.decl.from_component and expr.decl in builder.decls[mark:]:
        return expr.decl
    return None


def collect_root(expr: Any, roots: list[Decl]) -> None:
    while isinstance(expr, (ListOf, MapOf)):
        expr = expr.item if isinstance(expr, ListOf) else expr.value
    if isinstance(expr, Ref):
        roots.append(expr.decl)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.decl is b.decl
    return a == b


def status_name(status: str) -> str:
    """`404` -> `NotFound` (the word Speakeasy uses to name inline error bodies)."""
    try:
        return "".join(word.capitalize() for word in HTTPStatus(int(status)).phrase.replace("-", " ").split())
    except ValueError:
        return "Error" + status
