"""Inline schemas found in operations: request bodies, response bodies and parameters.

Each operation gives its inline schemas a naming context (the operationId, or the
method and path when there is none), so that the naming stage can produce Speakeasy's
`<Operation>RequestBody` / `<Operation>ResponseBody` / `<Operation>Request` names.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import SpecError
from ..ir import Field, Model
from ..load import Registry, join_pointer
from .schemas import SchemaBuilder, _example, _text

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAM_LOCATIONS = ("path", "query", "header")


def operation_context(method: str, path: str, operation: dict) -> str:
    """The name prefix for an operation's inline schemas."""
    override = operation.get("x-speakeasy-name-override")
    name = override if isinstance(override, str) and override else operation.get("operationId")
    if isinstance(name, str) and name:
        return name
    segments = [s for s in re.split(r"[/{}]+", path) if s]
    return " ".join([method] + segments)


def build_operations(builder: SchemaBuilder, registry: Registry) -> None:
    """Declare every inline schema reachable from the root document's paths."""
    file = registry.root_path
    paths = registry.root.get("paths") or {}
    if not isinstance(paths, dict):
        raise SpecError("paths must be a mapping", file=file, pointer="/paths")
    for path, item in paths.items():
        item_pointer = join_pointer("", "paths", path)
        item_file = file
        if isinstance(item, dict) and "$ref" in item:
            item_file, item_pointer, item = registry.resolve(item["$ref"], file, item_pointer)
        if not isinstance(item, dict):
            raise SpecError("a path item must be a mapping", file=file, pointer=item_pointer)
        shared_params = item.get("parameters") or []
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            op_pointer = join_pointer(item_pointer, method)
            if not isinstance(operation, dict):
                raise SpecError("an operation must be a mapping", file=item_file, pointer=op_pointer)
            context = operation_context(method, str(path), operation)
            _parameters(builder, registry, item_file, op_pointer, operation, shared_params, context)
            _request_body(builder, registry, item_file, op_pointer, operation, context)
            _responses(builder, registry, item_file, op_pointer, operation, context)


def _media_schema(content: Any) -> tuple[str, Any] | None:
    if not isinstance(content, dict) or not content:
        return None
    for media_type, media in content.items():
        if "json" in str(media_type) and isinstance(media, dict) and "schema" in media:
            return str(media_type), media["schema"]
    media_type, media = next(iter(content.items()))
    if isinstance(media, dict) and "schema" in media:
        return str(media_type), media["schema"]
    return None


def _deref(registry: Registry, node: Any, file: str, pointer: str) -> tuple[str, str, Any]:
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        file, pointer, node = registry.resolve(node["$ref"], file, pointer)
        seen += 1
        if seen > 32:
            raise SpecError("$ref chain too long (cycle?)", file=file, pointer=pointer)
    return file, pointer, node


def _request_body(builder: SchemaBuilder, registry: Registry, file: str, op_pointer: str, operation: dict, context: str) -> None:
    if "requestBody" not in operation:
        return
    body_file, body_pointer, body = _deref(registry, operation["requestBody"], file, join_pointer(op_pointer, "requestBody"))
    found = _media_schema(body.get("content") if isinstance(body, dict) else None)
    if found is None:
        return
    media_type, schema = found
    schema_pointer = join_pointer(body_pointer, "content", media_type, "schema")
    builder.type_of(schema, body_file, schema_pointer, "RequestBody", None, context)


def _responses(builder: SchemaBuilder, registry: Registry, file: str, op_pointer: str, operation: dict, context: str) -> None:
    responses = operation.get("responses") or {}
    if not isinstance(responses, dict):
        raise SpecError("responses must be a mapping", file=file, pointer=join_pointer(op_pointer, "responses"))
    for status, response in responses.items():
        status = str(status)
        response_file, response_pointer, response = _deref(registry, response, file, join_pointer(op_pointer, "responses", status))
        found = _media_schema(response.get("content") if isinstance(response, dict) else None)
        if found is None:
            continue
        media_type, schema = found
        schema_pointer = join_pointer(response_pointer, "content", media_type, "schema")
        hint = "ResponseBody" if status.startswith("2") else f"{status}ResponseBody"
        builder.type_of(schema, response_file, schema_pointer, hint, None, context)


def _parameters(builder: SchemaBuilder, registry: Registry, file: str, op_pointer: str, operation: dict, shared: list, context: str) -> None:
    own = operation.get("parameters") or []
    if not isinstance(own, list) or not isinstance(shared, list):
        raise SpecError("parameters must be a list", file=file, pointer=join_pointer(op_pointer, "parameters"))
    merged: dict[tuple[str, str], tuple[str, str, dict]] = {}
    for index, param in enumerate(list(shared) + list(own)):
        param_file, param_pointer, param = _deref(registry, param, file, join_pointer(op_pointer, "parameters", index))
        if not isinstance(param, dict) or param.get("in") not in _PARAM_LOCATIONS:
            continue
        merged[(str(param.get("name")), str(param["in"]))] = (param_file, param_pointer, param)
    if not merged:
        return
    model = Model(hint="Request", pointer=file + "#" + op_pointer, context=context)
    for param_file, param_pointer, param in merged.values():
        expr, nullable = builder.type_of(param.get("schema", {}), param_file, join_pointer(param_pointer, "schema"), str(param["name"]), model, context)
        schema = param.get("schema") if isinstance(param.get("schema"), dict) else {}
        model.fields.append(
            Field(
                wire_name=str(param["name"]),
                type=expr,
                required=bool(param.get("required")),
                nullable=nullable,
                description=_text(param.get("description")),
                example=_example(param) or _example(schema),
                deprecated=bool(param.get("deprecated")),
            )
        )
    builder.decls.append(model)
