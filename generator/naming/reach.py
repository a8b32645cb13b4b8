"""The order in which older generators (first come, before `nameResolutionFeb2025`) meet components.

Speakeasy walks the operations in spec order, each one's request (its parameters and body) before its
responses, and follows their types depth first; a component's inline schemas claim their names when the
walk first reaches the component, not in document order. plexpy: `/:/prefs` (the third path) reaches
`Setting` long before any operation reaches `Image` or `Sort`, which come first in the document, so
`Setting.type` is `Type` and `Image.type` is `ImageType`, `Setting.default` is `Default` and
`Sort.default` is `SortDefault`.

The walk starts from what each operation sends and returns, the components it sends as they are
included: novu 1.444's first operation sends `TriggerEventRequestDto`, whose `to` is `To` while
`ActivityNotificationResponseDto`'s is `ActivityNotificationResponseDtoTo`; petstore 1.445's `addPet`
sends `Pet`, whose `status` is `Status` (`Order.status` is `OrderStatus`); acuvity 1.453-1.570's
`scanrequest` takes `Type` from `principal` and `textualdetection`, which only responses return.
"""

from __future__ import annotations

from ..ir import Decl, Operation, referenced


def reach_ranks(operations: list[Operation]) -> dict[int, int]:
    """id(component) -> its place in the walk from the operations (components no operation reaches: absent)."""
    return component_ranks(meeting_order(operations))


def component_ranks(met: dict[int, Decl]) -> dict[int, int]:
    """`reach_ranks` of a walk already taken (`meeting_order`)."""
    components = (key for key, decl in met.items() if decl.origin.from_component)
    return {key: rank for rank, key in enumerate(components)}


def meeting_order(operations: list[Operation]) -> dict[int, Decl]:
    """id(declaration) -> the declaration, for every one the walk meets, in the order it meets them."""
    met: dict[int, Decl] = {}
    for top in (decl for operation in operations for decl in [*operation.inputs, *operation.outputs]):
        stack = [top]
        while stack:
            decl = stack.pop()
            if id(decl) in met:
                continue
            met[id(decl)] = decl
            stack.extend(reversed(referenced(decl)))
    return met
