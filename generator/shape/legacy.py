"""IR rewrites of older generators (first come, before `nameResolutionFeb2025`; see `Profile.first_come`).

They change what exists, not what it is called, so they run before naming: enums of booleans
become plain `bool`, and models only requests use lose their read-only fields.
"""

from __future__ import annotations

from typing import Any

from ..ir import Decl, Enum, ListOf, MapOf, Model, Prim, Ref, Union, closure, referenced


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


_REQUEST_ROLES = ("request", "request_body", "request_single", "op_globals")


def drop_read_only(decls: list[Decl]) -> None:
    """Models only requests use lose their read-only fields (orq `ImageURL` without `id`); a model
    responses use too keeps them (what older generators then name `...Input` is not reproduced)."""
    used = {id(t) for d in decls for t in referenced(d, with_additional=False)}
    request_side = closure(
        [d for d in decls if d.role in _REQUEST_ROLES or d.chain[:1] == ("Request",) or d.request_root],
        with_additional=False,
    )
    other = [d for d in decls if id(d) not in used and id(d) not in request_side]
    other_side = closure(other, with_additional=False)
    for decl in decls:
        if isinstance(decl, Model) and id(decl) in request_side and id(decl) not in other_side:
            decl.fields = [f for f in decl.fields if not f.read_only]
