"""IR rewrites of older generators (first come, before `nameResolutionFeb2025`; see `Profile.first_come`).

They change what exists, not what it is called, so they run before naming: enums of booleans
become plain `bool`.
"""

from __future__ import annotations

from ..ir import Decl, Enum, Prim, replace_refs


def plain_bool_enums(decls: list[Decl]) -> list[Decl]:
    """`decls` without enums of booleans, which older generators type as a plain `bool` (orq
    `additional_properties: {type: boolean, enum: [false]}` is `Optional[bool]`; cribl-cp, 1.784, has a class)."""
    gone = {
        id(d) for d in decls if isinstance(d, Enum) and d.values and all(isinstance(v.value, bool) for v in d.values)
    }
    if not gone:
        return decls
    for decl in decls:
        replace_refs(decl, lambda ref: Prim("bool") if id(ref.decl) in gone else ref)
    return [d for d in decls if id(d) not in gone]
