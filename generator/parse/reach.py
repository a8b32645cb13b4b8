"""Which declarations get generated: those reachable from operations and security.

Speakeasy emits no class for a component nothing uses. A schema used only as an error
response body becomes an error class (its own module, outside docs/models) while the
schemas inside it stay ordinary models.
"""

from __future__ import annotations

from dataclasses import replace

from ..ir import Decl, Field, Model, Ref, Role, Union, Uses, closure, inline_members, referenced


def reachable(
    decls: list[Decl], roots: list[Decl], error_roots: list[Decl], envelope_errors: bool = False
) -> list[Decl]:
    """`decls` (in order) reachable from `roots`; error roots reached from nothing else get `error`, and
    with `envelope_errors` (`Profile.envelope_errors`) those only envelopes return besides."""
    errors = {id(d) for d in error_roots}
    seen = closure([d for d in roots if id(d) not in errors])
    in_envelopes = _envelope_bodies([d for d in decls if id(d) in seen]) if envelope_errors else set()
    for decl in error_roots:
        if id(decl) not in seen or id(decl) in in_envelopes:
            decl.uses.error = True
            for member in inline_members(decl):  # an error union's inline members are error classes too
                member.uses.error = True
            for expr in decl.members if isinstance(decl, Union) else []:  # its components used nowhere else
                if isinstance(expr, Ref) and expr.decl.origin.from_component and id(expr.decl) not in seen:
                    expr.decl.uses.error_member = True
    seen.update(closure(error_roots))
    return [d for d in decls if id(d) in seen]


def _envelope_bodies(decls: list[Decl]) -> set[int]:
    """The declarations only envelopes (`<Op>Response` models) refer to."""
    users: dict[int, list[Decl]] = {}
    for decl in decls:
        for target in referenced(decl):
            users.setdefault(id(target), []).append(decl)
    return {
        key
        for key, found in users.items()
        if all(isinstance(u, Model) and u.origin.role == Role.RESPONSE for u in found)
    }


def error_twins(raised: list[Decl], kept: list[Decl], http_meta: Model | None) -> list[Decl]:
    """The error classes of the models in `raised` that are kept (see `Profile.error_twins`): a copy of each,
    used as an error, its fields copied (each class names its own), after an `envelope-http` SDK's
    `http_meta` (ttddata 1.730-1.788 `AdvertiserDataServerResponseErrorData`)."""
    found = {id(d) for d in kept}
    twins: dict[int, Decl] = {}
    head = [Field(wire_name="http_meta", type=Ref(http_meta), required=True, sdk_filled=True)] if http_meta else []
    for decl in raised:
        if isinstance(decl, Model) and id(decl) in found and id(decl) not in twins:
            fields = [replace(f) for f in head + decl.fields]
            twins[id(decl)] = replace(
                decl, origin=replace(decl.origin), uses=Uses(error=True, output=True), fields=fields
            )
    return list(twins.values())
