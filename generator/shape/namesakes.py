"""Components that take one name: the alike inline classes of their properties are one class.

conductorone 1.352: `c1.api.app.v1.AppAccessRequestDefaults` and `c1.api.app.v1.AppAccessRequestDefaultsInput`,
both overridden `AppAccessRequestDefaults` (the second written `AppAccessRequestDefaults1`), each have an inline
`durationUnset: {type: object, nullable: true}`; Speakeasy writes one `DurationUnset` that both use, naming an
inline class after its component's name, not its key. `AppEntitlement`'s alike `durationUnset`, under another
name, stays a class of its own (`AppEntitlementDurationUnset`). Alike is `shape.errors`' structure; the two are
the only components of the corpus (and corpus-ts) that share a name.
"""

from __future__ import annotations

from ..casing import pascal
from ..ir import Decl, Spec
from .errors import alike, fold_alike


def share_namesakes_children(spec: Spec) -> None:
    """Fold each property's inline class into the alike one of an earlier component of the same name."""
    names = [pascal(d.name_override or d.hint).lower() for d in spec.decls if d.origin.from_component]
    if len(names) == len(set(names)):
        return
    _, kept_for = alike(spec.decls, _owner)
    if kept_for:
        fold_alike(spec, kept_for)


def _owner(decl: Decl) -> str | None:
    """The name of the component whose property `decl` is (None for any other declaration)."""
    parent = decl.origin.parent
    if decl.origin.from_component or parent is None or not parent.origin.from_component:
        return None
    return pascal(parent.name_override or parent.hint).lower()
