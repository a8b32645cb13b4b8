"""Where operations are declared: the document's `paths`, its `webhooks` (OpenAPI 3.1) and each
operation's `callbacks`. Each operation is built by `operations.build_operation`.

The API calls the operations of webhooks and callbacks itself; Speakeasy still generates their
models, named after the webhook (its `operationId`, else its key: bar `stockUpdate` ->
`StockUpdateRequestBody`, traintravel `new-booking` -> `NewBookingRequestBody`) or after the
operation and the callback's key (bar `createOrder` + `orderUpdate` -> `CreateOrderOrderUpdateResponse`),
in the `webhooks` and `callbacks` folders gen.yaml names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import SpecError, join_pointer
from ..ir import Decl, Operation
from ..load import Registry
from .operations import METHODS, add_globals, build_operation, global_parameters, operation_context
from .responses import deref
from .schemas import SchemaBuilder
from .site import OperationSite


@dataclass
class LeftOut:
    """What the operations Speakeasy leaves out (`_unsupported`) added, by position: to `builder.decls` (their
    inline schemas), to the roots and to the error roots. Their schemas are named like any other (vercel
    1.398 `createSecret`'s value is `CreateSecretValue`, `getProject`'s claimed `Value` first) but written
    only when another operation reaches them."""

    decls: set[int] = field(default_factory=set)
    roots: set[int] = field(default_factory=set)
    errors: set[int] = field(default_factory=set)


class _Walk:
    """Every operation of the document in spec order, with what they build."""

    def __init__(self, builder: SchemaBuilder, roots: list[Decl], envelope: bool) -> None:
        self.builder, self.roots, self.envelope = builder, roots, envelope
        self.registry: Registry = builder.registry
        self.global_params = global_parameters(self.registry)
        self.errors: list[Decl] = []
        self.operations: list[Operation] = []
        self.left_out = LeftOut()

    def path_item(self, item: Any, file: str, pointer: str, path: str, name: str = "", hook: str = "") -> None:
        """The operations of one path item; `name` (webhooks, callbacks) names them when they have no
        operationId of their own (callbacks: always)."""
        if isinstance(item, dict) and "$ref" in item:
            file, pointer, item = self.registry.resolve(item["$ref"], file, pointer)
        if not isinstance(item, dict):
            raise SpecError("a path item must be a mapping", file=file, pointer=pointer)
        params = item.get("parameters") or []
        shared = (
            [deref(self.registry, p, file, join_pointer(pointer, "parameters", i)) for i, p in enumerate(params)]
            if isinstance(params, list)
            else params
        )
        # methods in spec order: older generators name inline schemas in the order they meet them
        # (orq-2025-08 /v2/proxy/batch: `post` before `get`)
        for method in [m for m in item if m in METHODS]:
            if item.get(method) is None:
                continue
            # an operation may itself be a `$ref` (DigitalOcean): its contents are read in its file
            op_file, op_pointer, operation = deref(self.registry, item[method], file, join_pointer(pointer, method))
            if not isinstance(operation, dict):
                raise SpecError("an operation must be a mapping", file=op_file, pointer=op_pointer)
            if operation.get("x-speakeasy-ignore") is True:  # not in the SDK, nor its models (syllable, acuvity)
                continue
            marks = len(self.builder.decls), len(self.roots), len(self.errors)
            context = operation_context(method, path, operation) if not name else _hook_name(name, operation, hook)
            op = OperationSite(op_file, op_pointer, operation, context, method, path, hook)
            errors, found = build_operation(self.builder, op, shared, self.global_params, self.roots, self.envelope)
            self.errors.extend(errors)
            if not hook:
                self.operations.append(found)
            self.callbacks(op)
            if _unsupported(self.registry, op, shared, self.builder.rules.namesakes_leave_out):
                self.left_out.decls.update(range(marks[0], len(self.builder.decls)))
                self.left_out.roots.update(range(marks[1], len(self.roots)))
                self.left_out.errors.update(range(marks[2], len(self.errors)))

    def callbacks(self, op: OperationSite) -> None:
        found = op.operation.get("callbacks")
        for key, callback in (found.items() if isinstance(found, dict) else ()):
            file, pointer, callback = deref(self.registry, callback, op.file, op.at("callbacks", key))
            for expression, item in (callback.items() if isinstance(callback, dict) else ()):
                item_pointer = join_pointer(pointer, expression)
                self.path_item(item, file, item_pointer, str(expression), f"{op.context} {key}", "callbacks")


def _unsupported(registry: Registry, op: OperationSite, shared: list[Any], namesakes: bool) -> bool:
    """An operation Speakeasy leaves out of the SDK: one whose path parameter is a union of different
    types (vercel 1.293 and 1.398 `getProject` `idOrName` `oneOf: [string, boolean]`; 1.293
    `getProjectDomains` `oneOf: [string, integer]`, generated by 1.398 whose spec makes it `type: string`).
    A union of one type is a path parameter like any other (vercel `deleteAlias` `oneOf: [string]`, orq-node
    1.791 `RetrieveDataset` `anyOf` of two strings). With `namesakes` (`Profile.namesake_parameters_leave_out`)
    also one with two parameters of one name (vercel `patchEdgeConfigItems`, `edgeConfigId` in its path and
    its query). gen.lock lists no file of these operations (no `src/models/getprojectop.ts`, no page of
    theirs); every other operation of the corpus is generated. Their schemas still take names (`LeftOut`).
    Both parameter lists are lists: `build_operation` refused the operation otherwise."""
    own = op.operation.get("parameters") or []
    located = [deref(registry, p, op.file, op.at("parameters", i)) for i, p in enumerate(own)]
    places: dict[str, set[str]] = {}
    for param_file, param_pointer, param in [*shared, *located]:
        if not isinstance(param, dict) or not isinstance(param.get("name"), str):
            continue
        places.setdefault(param["name"], set()).add(str(param.get("in")))
        if param.get("in") == "path" and _mixed_union(registry, param_file, param_pointer, param.get("schema")):
            return True
    return namesakes and any(len(found) > 1 for found in places.values())


def _mixed_union(registry: Registry, file: str, pointer: str, schema: Any) -> bool:
    """A `oneOf` or `anyOf` whose members have more than one `type`."""
    file, pointer, schema = deref(registry, schema, file, join_pointer(pointer, "schema"))
    variants = schema.get("oneOf") or schema.get("anyOf") if isinstance(schema, dict) else None
    if not isinstance(variants, list):
        return False
    types = {str(deref(registry, v, file, pointer)[2].get("type")) for v in variants if isinstance(v, dict)}
    return len(types) > 1


def _hook_name(name: str, operation: dict[str, Any], hook: str) -> str:
    """A webhook's operation is named by its operationId, else the webhook's key; a callback's by its
    operation and key."""
    op_id = operation.get("operationId")
    return op_id if hook == "webhooks" and isinstance(op_id, str) and op_id else name


def build_operations(
    builder: SchemaBuilder, registry: Registry, roots: list[Decl], envelope: bool = False
) -> tuple[list[Decl], list[Operation], LeftOut]:
    """Declare every operation's models (paths, then webhooks); add what they use to `roots`; return the
    error bodies (see `reach`), the operations of `paths` (what the SDK calls, and `diff` reports) and what
    the operations Speakeasy leaves out added (`LeftOut`)."""
    file = registry.root_path
    paths = registry.root.get("paths") or {}
    if not isinstance(paths, dict):
        raise SpecError("paths must be a mapping", file=file, pointer="/paths")
    walk = _Walk(builder, roots, envelope)
    for path, item in paths.items():
        walk.path_item(item, file, join_pointer("", "paths", path), str(path))
    webhooks = registry.root.get("webhooks")
    for key, item in (webhooks.items() if isinstance(webhooks, dict) else ()):
        walk.path_item(item, file, join_pointer("", "webhooks", key), str(key), str(key), "webhooks")
    add_globals(builder, walk.global_params, roots)
    return walk.errors, walk.operations, walk.left_out
