"""Guards against hostile schemas: keywords of the wrong JSON type, and unbounded nesting."""

from __future__ import annotations

from typing import Any

from ..errors import SpecError, join_pointer
from ..ir import ANY, ListOf, MapOf, TypeExpr


def check_shape(schema: dict[str, Any], file: str, pointer: str) -> None:
    """Keywords whose value has the wrong JSON type would be misread silently (or crash): refuse them."""
    for key in ("oneOf", "anyOf", "enum"):
        if schema.get(key) is not None and not isinstance(schema[key], list):
            raise SpecError(f"{key} must be a list", file=file, pointer=join_pointer(pointer, key))
    required = schema.get("required")
    if required is not None and not isinstance(required, (list, bool)):  # `required: true` (Swagger habit) is ignored
        raise SpecError(
            "required must be a list of property names", file=file, pointer=join_pointer(pointer, "required")
        )
    types = schema.get("type")
    if types is not None and not (
        isinstance(types, str) or (isinstance(types, list) and all(t is None or isinstance(t, str) for t in types))
    ):
        raise SpecError("type must be a string or a list of strings", file=file, pointer=join_pointer(pointer, "type"))


_MAX_CONTAINERS = 64  # Python's parser allows 200 nested brackets in one annotation


def capped(expr: TypeExpr) -> TypeExpr:
    """`List[List[...]]` nested deeper than `_MAX_CONTAINERS` ends in `Any` there."""
    node, depth = expr, 0
    while isinstance(node, (ListOf, MapOf)):
        depth += 1
        if depth == _MAX_CONTAINERS:
            if isinstance(node, ListOf):
                node.item = ANY
            else:
                node.value = ANY
            break
        node = node.item if isinstance(node, ListOf) else node.value
    return expr


def text(value: Any) -> str:
    """A string keyword's value, or "" when the spec gives anything else there."""
    return value if isinstance(value, str) else ""
