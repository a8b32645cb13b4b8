"""The order in which older generators (first come, before `nameResolutionFeb2025`) meet components.

Speakeasy walks the operations in spec order and follows each one's types depth first; a component's
inline schemas claim their names when the walk first reaches the component, not in document order.
plexpy: `/:/prefs` (the third path) reaches `Setting` long before any operation reaches `Image` or
`Sort`, which come first in the document, so `Setting.type` is `Type` and `Image.type` is `ImageType`,
`Setting.default` is `Default` and `Sort.default` is `SortDefault`.

The walk starts from the operations' own models (`<Op>Request`, `<Op>Response`...): in the envelope
format every operation has one; in the flat format an operation that only names components has none,
and what only such operations reach comes after the rest, in document order.
"""

from __future__ import annotations

from ..ir import Decl, referenced


def reach_ranks(decls: list[Decl]) -> dict[int, int]:
    """id(component) -> its place in the walk from the operations (components no operation reaches: absent)."""
    ranks: dict[int, int] = {}
    seen: set[int] = set()
    for top in decls:
        if top.origin.from_component or top.origin.parent is not None or not top.origin.context:
            continue
        stack = [top]
        while stack:
            decl = stack.pop()
            if id(decl) in seen:
                continue
            seen.add(id(decl))
            if decl.origin.from_component:
                ranks.setdefault(id(decl), len(ranks))
            stack.extend(reversed(referenced(decl)))
    return ranks
