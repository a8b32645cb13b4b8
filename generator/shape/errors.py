"""gen.yaml `generation.deduplicateErrors`: one error class for structurally identical inline error bodies.

Without the option every operation declares its own class for each inline error body
(`<Op>BadRequestError`); with it Speakeasy writes one class for all the bodies of a status that
are alike (squadcast 1.621: the same `{meta: Common.V3.ErrorMeta}` for 400 in 227 operations is one
`BadRequestError`). Alike is by structure: the same fields (wire names, requiredness, nullability,
types, descriptions, defaults), the same members and values in the inline schemas they hold, the
same components referred to; the response's own description is not compared (the first one
describes the class), nor its media type (squadcast `Incidents_incidentExport` lists `*/*` beside
`application/json` and shares `BadRequestError`). Bodies of two statuses stay apart: their names
differ (`BadRequestError`, `UnauthorizedError` for the same schema). The first body keeps its
place and its operation's name (`naming.fixed.deduplicated_error_names` names it); the others, and
the inline schemas inside them, are dropped and every use refers to the first.

Where they are written: every class kept is in the module of the first operation that has one
(squadcast `errors/analytics_getorganalyticsop.py` holds all 14, the CircleCI operation's
`BadRequest` union too; safepay 1.581 `postauthv1companyauthenticate.ts` holds `NotFoundError` of
`POST /order/payments/v3` and six more), except a class with a `message` string field, which stays
in its own first operation's module (safepay `ConflictError` in `postuserv2.ts`,
`GetUserV2ExistsBadRequestError` in `getuserv2exists.ts`; TypeScript only: no Python entry has one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ir import Const, Decl, Enum, ListOf, Model, Prim, Ref, Role, Spec, TupleOf, TypeExpr, Union, replace_refs


def deduplicate_errors(spec: Spec) -> None:
    """Fold each set of alike inline error bodies into its first (see the module docstring)."""
    kept, kept_for = alike(spec.decls, lambda d: () if _inline_error_body(d) else None)
    if kept_for:
        fold_alike(spec, kept_for)
        for operation in spec.operations:
            outputs = [kept_for.get(id(d), d) for d in operation.outputs]
            operation.outputs = list({id(d): d for d in outputs}.values())
    home = next((d.origin.context for d in kept if not _has_message(d)), "")
    for decl in kept:
        if not _has_message(decl) and decl.origin.context != home:
            decl.origin.home = home


def _inline_error_body(decl: Decl) -> bool:
    return decl.origin.role == Role.ERROR_BODY and decl.uses.error and not decl.origin.from_component


def alike(decls: list[Decl], scope: Callable[[Decl], Any]) -> tuple[list[Decl], dict[int, Decl]]:
    """The first of each set of alike declarations among those `scope` places (None: left alone), and
    id(each other one) -> the first alike it: alike is the same scope, kind, hint, override and structure."""
    firsts: dict[tuple[Any, ...], Decl] = {}
    kept_for: dict[int, Decl] = {}
    signatures = Signatures()
    for decl in decls:
        where = scope(decl)
        if where is None:
            continue
        key = (where, type(decl).__name__, decl.hint, decl.name_override, signatures.of_decl(decl))
        first = firsts.setdefault(key, decl)
        if first is not decl:
            kept_for[id(decl)] = first
    return list(firsts.values()), kept_for


def fold_alike(spec: Spec, kept_for: dict[int, Decl]) -> None:
    """Drop each class `kept_for` holds (id -> the alike class kept for it), and what was found inside it;
    every use refers to the class kept."""
    gone = {id(d) for d in spec.decls if _within(d, kept_for)}
    spec.decls = [d for d in spec.decls if id(d) not in gone]
    for decl in spec.decls:
        replace_refs(decl, lambda ref: Ref(kept_for[id(ref.decl)]) if id(ref.decl) in kept_for else ref)


def _within(decl: Decl, dropped: dict[int, Decl]) -> bool:
    """Whether `decl` is a dropped body or was found inside one."""
    node: Decl | None = decl
    while node is not None:
        if id(node) in dropped:
            return True
        parent = node.origin.parent
        node = parent if parent is not node else None
    return False


def _has_message(decl: Decl) -> bool:
    return isinstance(decl, Model) and any(
        f.wire_name == "message" and isinstance(f.type, Prim) and f.type.name == "str" for f in decl.fields
    )


class Signatures:
    """What makes two declarations alike: their structure down to the components they refer to (by
    identity), memoised; a schema met again while its own signature is worked out (an inline cycle)
    reads as its pointer."""

    def __init__(self) -> None:
        self.done: dict[int, tuple[Any, ...]] = {}
        self.open: set[int] = set()

    def of_decl(self, decl: Decl) -> tuple[Any, ...]:
        if id(decl) in self.done:
            return self.done[id(decl)]
        if decl.origin.from_component or id(decl) in self.open:
            return ("decl", decl.pointer) if id(decl) in self.open else ("component", id(decl))
        self.open.add(id(decl))
        found: tuple[Any, ...]
        if isinstance(decl, Model):
            fields = tuple(
                (
                    f.wire_name,
                    f.required,
                    f.nullable,
                    f.description,
                    repr(f.default.value) if f.default else None,
                    f.read_only,
                    f.write_only,
                    self.of(f.type),
                )
                for f in decl.fields
            )
            found = ("model", fields, self.of(decl.additional), decl.closed)
        elif isinstance(decl, Union):
            found = ("union", tuple(self.of(m) for m in decl.members), decl.discriminator)
        elif isinstance(decl, Enum):
            found = ("enum", tuple(repr(v.value) for v in decl.values), decl.base, decl.open, decl.closed)
        else:
            found = ("decl", decl.pointer)
        self.open.discard(id(decl))
        self.done[id(decl)] = found
        return found

    def of(self, expr: TypeExpr | None) -> tuple[Any, ...]:
        if expr is None:
            return ()
        if isinstance(expr, Ref):
            return self.of_decl(expr.decl)
        if isinstance(expr, Prim):
            return ("prim", expr.name, expr.format)
        if isinstance(expr, Const):
            return ("const", repr(expr.value), repr(expr.alternatives))
        if isinstance(expr, TupleOf):
            return ("tuple", tuple(self.of(p) for p in expr.prefix), self.of(expr.item), expr.closed)
        if isinstance(expr, ListOf):
            return (type(expr).__name__, self.of(expr.item), expr.nullable)
        return ("map", self.of(expr.value), expr.nullable)
