"""IR rewrites of older generators (first come, before `nameResolutionFeb2025`; see `Profile.first_come`).

They change what exists, not what it is called, so they run before naming: enums of booleans
become plain `bool`.
"""

from __future__ import annotations

from typing import Any

from ..ir import Decl, Enum, ListOf, MapOf, Model, Prim, Ref, Union


def plain_bool_enums(decls: list[Decl]) -> list[Decl]:
    """`decls` without enums of booleans, which older generators type as a plain `bool` (orq
    `additional_properties: {type: boolean, enum: [false]}` is `Optional[bool]`; cribl-cp, 1.784, has a class)."""
    gone = {
        id(d) for d in decls if isinstance(d, Enum) and d.values and all(isinstance(v.value, bool) for v in d.values)
    }
    if not gone:
        return decls

    def swap(expr: Any) -> Any:
        if isinstance(expr, Ref) and id(expr.decl) in gone:
            return Prim("bool")
        if isinstance(expr, ListOf):
            expr.item = swap(expr.item)
        elif isinstance(expr, MapOf):
            expr.value = swap(expr.value)
        return expr

    for decl in decls:
        if isinstance(decl, Model):
            for field in decl.fields:
                field.type = swap(field.type)
            decl.additional = swap(decl.additional)
        elif isinstance(decl, Union):
            decl.members = [swap(m) for m in decl.members]
    return [d for d in decls if id(d) not in gone]
