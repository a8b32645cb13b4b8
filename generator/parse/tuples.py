"""`prefixItems` (JSON Schema 2020-12, OpenAPI 3.1): an array typed position by position.

It is a tuple: `Tuple[str, float]` when nothing may follow the prefix (`items: false`, or a
`maxItems` within it), else `Tuple[X, ...]` of the types every position may have (what
`items` allows after the prefix, anything when it says nothing). The docs, and everything
that walks types, see a list of those types joined: one type, or an inline union of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ir import ANY, Const, ListOf, MapOf, Prim, Ref, TupleOf, TypeExpr, Union
from .site import Site

# (schema, site) -> (type, nullable): the schema builder's `type_of` for one member
Build = Callable[[Any, Site], tuple[TypeExpr, bool]]


def tuple_type(schema: dict[str, Any], site: Site, build: Build) -> TupleOf:
    """The tuple a `prefixItems` array schema stands for; a union joining its positions' types is
    returned in `TupleOf.item` and must be registered by the caller when it is new."""
    prefix = schema["prefixItems"]
    if not isinstance(prefix, list) or not prefix:
        raise site.error("prefixItems must be a non-empty list", "prefixItems")
    positions = [build(member, site.at("prefixItems", i))[0] for i, member in enumerate(prefix)]
    items, limit = schema.get("items"), schema.get("maxItems")
    closed = items is False or (isinstance(limit, int) and not isinstance(limit, bool) and limit <= len(prefix))
    if closed and isinstance(limit, int) and 0 < limit < len(positions):
        positions = positions[:limit]
    rest = [] if closed else [build(items, site.at("items"))[0] if isinstance(items, dict) else ANY]
    joined = _distinct(positions + rest)
    if len(joined) == 1:
        return TupleOf(joined[0], prefix=positions, closed=closed)
    union = Union(hint=site.hint, pointer="", origin=site.origin(), members=joined)
    return TupleOf(Ref(union), prefix=positions, closed=closed)


def _distinct(types: list[TypeExpr]) -> list[TypeExpr]:
    """The types, each once (Any swallowing the rest)."""
    seen: dict[Any, TypeExpr] = {}
    for expr in types:
        seen.setdefault(_key(expr), expr)
    return [ANY] if ("Any", "") in seen else list(seen.values())


def _key(expr: TypeExpr) -> Any:
    if isinstance(expr, Prim):
        return (expr.name, expr.format)
    if isinstance(expr, Ref):
        return id(expr.decl)
    if isinstance(expr, Const):
        return ("const", repr(expr.value), repr(expr.alternatives))
    if isinstance(expr, ListOf):
        return ("list", _key(expr.item), expr.nullable)
    if isinstance(expr, MapOf):
        return ("map", _key(expr.value), expr.nullable)
    return id(expr)
