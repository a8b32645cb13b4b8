"""Components that reach themselves before they have a class of their own.

A model or union publishes its declaration before building its fields, so a reference back
to it is a plain `Ref`. A map or an array component has no declaration: while it is built, a
reference back to it gets a stand-in (`placeholder`), settled once the component's type is
known (`settle`). An array of inline objects that refer back to the array
(`Items: {type: array, items: {properties: {children: {$ref: Items}}}}`) is then spelled
`List[Item]` at every use, as any array component is. A map or array that holds itself
directly (`Tree: {additionalProperties: {$ref: Tree}}`, `Dict[str, Tree]`) cannot be spelled
without a name, so it keeps the stand-in as a type alias declaration of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from ..errors import SpecError
from ..ir import Decl, ListOf, MapOf, Model, Ref, TypeExpr, Union, ref_target


def placeholder(hint: str) -> Union:
    """The stand-in a reference back to a component under construction points at."""
    return Union(hint=hint, pointer="")


def is_self_contained(stand_in: Union, expr: TypeExpr, file: str, pointer: str) -> bool:
    """True when `expr` reaches `stand_in` through lists and maps only (no class in between);
    an error when it is `stand_in` itself (`A: {$ref: B}`, `B: {$ref: A}` is no type at all)."""
    if isinstance(expr, Ref) and expr.decl is stand_in:
        raise SpecError("$ref cycle that passes through no schema", file=file, pointer=pointer)
    return ref_target(expr) is stand_in


def settle(
    stand_in: Union,
    expr: TypeExpr,
    built: Iterable[Decl],
    memo: MutableMapping[tuple[str, str], Any],
    orphans: list[Any],
) -> None:
    """Point every reference to `stand_in` at `expr`: in the declarations `built` meanwhile, in the
    types memoised (`memo`, location -> type) and in the (owner, orphan) pairs noted meanwhile.
    `expr` must not be `stand_in` (see `is_self_contained`)."""
    for decl in built:
        if isinstance(decl, Model):
            for f in decl.fields:
                f.type = _substitute(f.type, stand_in, expr)
            if decl.additional is not None:
                decl.additional = _substitute(decl.additional, stand_in, expr)
        elif isinstance(decl, Union):
            decl.members = [_substitute(m, stand_in, expr) for m in decl.members]
    for key, value in memo.items():
        if isinstance(value, (Ref, ListOf, MapOf)):
            memo[key] = _substitute(value, stand_in, expr)
    orphans[:] = [(_substitute(owner, stand_in, expr), orphan) for owner, orphan in orphans]


def _substitute(node: TypeExpr, stand_in: Union, expr: TypeExpr) -> TypeExpr:
    if isinstance(node, Ref):
        return expr if node.decl is stand_in else node
    if isinstance(node, ListOf):
        node.item = _substitute(node.item, stand_in, expr)
    elif isinstance(node, MapOf):
        node.value = _substitute(node.value, stand_in, expr)
    return node
