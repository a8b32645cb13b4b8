"""Where contested claimants lie relative to one another: nested claimants are numbered where they meet,
inner first (see `naming.classes`)."""

from __future__ import annotations

import itertools

from ..ir import Decl


def nested(group: list[Decl]) -> bool:
    """Whether every claimant of a group lies inside the next one (one line of ancestors)."""

    def ancestors(decl: Decl) -> set[int]:
        found, node = set(), decl.origin.parent
        while node is not None:
            found.add(id(node))
            node = node.origin.parent
        return found

    ordered = sorted(group, key=lambda d: -len(ancestors(d)))
    return len(group) > 1 and all(id(outer) in ancestors(inner) for inner, outer in itertools.pairwise(ordered))


def top(decl: Decl) -> Decl:
    """The outermost schema `decl` lies in (a component, an operation's own schema), or `decl` itself."""
    while decl.origin.parent is not None:
        decl = decl.origin.parent
    return decl


def post_order(decl: Decl, order: dict[int, int]) -> tuple[int, ...]:
    """Children before their parents, siblings in spec order: the order Speakeasy numbers them in
    (squadcast: the inner `...Component1` inside the outer `...Component2`)."""
    path = []
    node: Decl | None = decl
    while node is not None:
        path.append(order.get(id(node), -1))
        node = node.origin.parent
    return tuple(reversed(path)) + (len(order),)
