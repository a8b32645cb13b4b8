"""Request-side variants without read-only fields (Speakeasy's `inputModelSuffix`), response-only models
without write-only ones.

A read-only field (`readOnly: true` on the property or on the schema it refers to) is left
out of what requests send. cribl-cp (1.784):
- inline request schemas simply lose such fields (`CreateInputInputSplunk` has no
  `criblSourceProvenance`);
- a component that reaches one and is used by a request gets a copy named `<Key>Input`
  (`InputSplunkInput`, `PipelineInput`, `PipelineFunctionConfInput`; `Input` stays `Input`),
  its inline children are copied too; the plain component stays only if something else
  (a response) still uses it;
- an inline child copied beside a plain original that is still generated is `<Base>Input`
  (`ConfInput` beside `PipelineConf`, `HeaderInput` beside `Header`); one without is
  named as usual (`InputOpenaiContentConfig`).
The same holds in the nameResolutionDec2023 era (bar 1.318 `OrderInput`, pazy 1.352, easyreview
1.204), but for components only requests use (see `split_read_only`); a component sent as a
whole request body and used nowhere else loses its read-only fields in place (orq-2024-11
`Deployments`: its `ImageURL` has no `id`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..ir import (
    Decl,
    ListOf,
    MapOf,
    Model,
    Ref,
    Role,
    Spec,
    TupleOf,
    TypeExpr,
    Union,
    closure,
    named_by_union,
    ref_target,
    referenced,
)

_REQUEST_ROLES = (Role.REQUEST, Role.REQUEST_BODY, Role.REQUEST_SINGLE, Role.OP_GLOBALS)
_SUFFIX = "Input"


def split_read_only(spec: Spec, request_only_plain: bool = False, children_input: bool = False) -> None:
    """Give request-side uses their read-only-free variants; drop what nothing uses any more.

    `request_only_plain`: a component only requests use keeps its name (`Profile.request_only_keeps_name`);
    `children_input`: a request's inline child that loses read-only fields is `<Base>Input`
    (`Profile.stripped_children_input`)."""
    decls = spec.decls
    if not any(f.read_only for d in decls if isinstance(d, Model) for f in d.fields):
        return
    used = {id(t) for d in decls for t in referenced(d)}
    roots = [d for d in decls if id(d) not in used or d.uses.response_root]
    splitter = _Splitter(decls)
    sent = [d for d in decls if _requested(d) or _sent_as_is(d, used)]
    for decl in sent:
        decl.origin.lost_read_only = splitter.needs(decl) and not decl.origin.from_component
        if (
            children_input
            and decl.origin.lost_read_only
            and not (decl.origin.role or decl.origin.copy_of or named_by_union(decl))
        ):
            decl.hint = decl.hint + " " + _SUFFIX
    for decl in sent:
        splitter.strip(decl)
    lone = _lone_bodies(decls, used)
    for decl in lone:
        if splitter.needs(decl):
            roots.append(splitter.variant(decl))
    if not splitter.copies:
        return
    after: dict[int, list[Decl]] = {}
    for original, copy in splitter.copies:
        after.setdefault(id(original), []).append(copy)
    ordered = []
    for decl in decls:
        ordered.append(decl)
        ordered.extend(after.get(id(decl), []))
    kept = closure(roots)
    for original, copy in splitter.copies:
        if not copy.origin.from_component and id(original) in kept and not named_by_union(copy):
            copy.hint = copy.hint + " " + _SUFFIX  # a copied child beside its surviving original
        elif request_only_plain and copy.origin.from_component and id(original) not in kept:
            copy.hint, copy.origin.input_of = original.hint, ""  # only requests use it
    spec.decls = [d for d in ordered if id(d) in kept]
    _adopt_orphans(spec.decls, splitter.copies, kept)
    # what an operation sends is the variant of a component it listed as it was (cribl-cp `/system/inputs/{id}`
    # sends `Input`'s variant): the walk from its inputs (`naming.reach`) meets what requests use
    variants = {id(original): copy for original, copy in splitter.copies}
    for operation in spec.operations:
        operation.inputs = [variants.get(id(d), d) for d in operation.inputs]


def drop_write_only(spec: Spec) -> None:
    """A model no request reaches loses its write-only fields: responses never carry them (traintravel 1.220
    `operations.Card`, the copy in a response, has no `cvc` nor `address_line1`; held-out fstop 1.791 `Booking`,
    returned only, no `project_id`, which its request twin `BookingCreate` sends). A model requests reach keeps
    them (traintravel `components.Card` keeps `cvc`: `BookingPayment` is both sent and returned); no SDK seen
    splits one that both directions use."""
    written = [d for d in spec.decls if isinstance(d, Model) and any(f.write_only for f in d.fields)]
    if not written:
        return
    sent = closure(
        [d for d in spec.decls if _requested(d) or d.uses.request_root]
        + [d for operation in spec.operations for d in operation.inputs]
    )
    for decl in written:
        if id(decl) not in sent:
            decl.fields = [f for f in decl.fields if not f.write_only]


class _Splitter:
    def __init__(self, decls: list[Decl]):
        self.decls = decls
        self._needs: dict[int, bool] = {}
        self._variant: dict[int, Decl] = {}
        self.copies: list[tuple[Decl, Decl]] = []

    def needs(self, decl: Decl) -> bool:
        """Does `decl` reach a read-only field (so requests need their own variant of it)?"""
        key = id(decl)
        if key not in self._needs:
            self._needs[key] = False  # in progress: a cycle adds nothing
            if isinstance(decl, Model):
                found = any(f.read_only or any(self.needs(t) for t in _refs(f.type)) for f in decl.fields)
            elif isinstance(decl, Union):
                found = any(self.needs(t) for m in decl.members for t in _refs(m))
            else:
                found = False
            self._needs[key] = found
        return self._needs[key]

    def strip(self, decl: Decl) -> None:
        """A request-only declaration: drop its read-only fields, point at variants."""
        if isinstance(decl, Model):
            decl.fields = [replace(f, type=self._rewrite(f.type)) for f in decl.fields if not f.read_only]
        elif isinstance(decl, Union):
            decl.members = [self._rewrite(m) for m in decl.members]

    def _rewrite(self, expr: TypeExpr) -> TypeExpr:
        if isinstance(expr, ListOf):
            return _relist(expr, self._rewrite)
        if isinstance(expr, MapOf):
            return MapOf(self._rewrite(expr.value), expr.nullable)
        if isinstance(expr, Ref) and _shared(expr.decl) and self.needs(expr.decl):
            return Ref(self.variant(expr.decl))
        return expr

    def variant(self, decl: Decl) -> Decl:
        found = self._variant.get(id(decl))
        if found is not None:
            return found
        copy = replace(
            decl, origin=replace(decl.origin), uses=replace(decl.uses)
        )  # its own records: its parent differs
        copy.pointer = decl.pointer + "#input"
        if decl.origin.from_component:
            copy.origin.input_of = decl.hint
            if not pascal_ends(decl.hint):
                copy.hint = decl.hint + _SUFFIX
        self._variant[id(decl)] = copy
        self.copies.append((decl, copy))
        if isinstance(copy, Model):
            copy.fields = []
            for f in decl.fields:  # type: ignore[attr-defined]
                if not f.read_only:
                    copy.fields.append(replace(f, type=self._child(f.type, decl, copy)))
        elif isinstance(copy, Union):
            copy.members = [self._child(m, decl, copy) for m in decl.members]  # type: ignore[attr-defined]
        return copy

    def _child(self, expr: TypeExpr, original: Decl, copy: Decl) -> TypeExpr:
        """A copy's reference: inline children needing variants are copied under it."""
        if isinstance(expr, ListOf):
            return _relist(expr, lambda item: self._child(item, original, copy))
        if isinstance(expr, MapOf):
            return MapOf(self._child(expr.value, original, copy), expr.nullable)
        if isinstance(expr, Ref) and self.needs(expr.decl):
            child = expr.decl
            if child.origin.parent is original and not child.origin.from_component:
                made = self.variant(child)
                made.origin.parent = copy
                if named_by_union(child):
                    made.hint = copy.hint
                return Ref(made)
            return Ref(self.variant(child))
        return expr


def _adopt_orphans(decls: list[Decl], copies: list[tuple[Decl, Decl]], kept: set[int]) -> None:
    """An inline child a component's copy shares with its original (it lost nothing) belongs to the copy when
    the copy took the dropped original's name (`request_only_plain`): it is named below the copy (testpan 1.207 `EditUser`, sent only, keeps its name without its
    read-only fields; its `status` enum is `EditUserStatus`, not rootless `SchemasStatus`)."""
    adopted = {
        id(o): copy for o, copy in copies if id(o) not in kept and copy.hint == o.hint and o.origin.from_component
    }
    for decl in decls:
        parent = decl.origin.parent
        if parent is not None and id(parent) in adopted:
            decl.origin.parent = adopted[id(parent)]


def _lone_bodies(decls: list[Decl], used: set[int]) -> list[Decl]:
    """Components an operation sends as its whole request (no `<Op>Request` holds them: it has no
    parameters) that something else uses too: the operation sends their variant (testpan 1.207 `UserInput`,
    `AgentsUpdateSettingsInput`, `ExpansionInput`, `EventsForwardingDetailsInput`: POST /users sends `User`,
    which it also returns; the SDK method takes `shared.UserInput`, a page no other page links to)."""
    held = {id(t) for d in decls if d.origin.role == Role.REQUEST for t in referenced(d)}
    return [
        d
        for d in decls
        if d.uses.request_root and d.origin.from_component and id(d) not in held and not _sent_as_is(d, used)
    ]


def _requested(decl: Decl) -> bool:
    """A request's own declaration: its model, body, globals, or an inline schema of its body."""
    return decl.origin.role in _REQUEST_ROLES or decl.origin.chain[:1] == ("Request",)


def _sent_as_is(decl: Decl, used: set[int]) -> bool:
    """A component only requests send, as their whole body (orq-2024-11 `Deployments`)."""
    return decl.uses.request_root and not decl.uses.response_root and id(decl) not in used


def pascal_ends(hint: str) -> bool:
    """`Input` stays `Input` (Speakeasy does not double the suffix)."""
    return hint.lower().endswith(_SUFFIX.lower())


def _shared(decl: Decl) -> bool:
    """A declaration requests share with other uses (a component), not a request-only inline one."""
    return decl.origin.from_component or not (
        decl.origin.role in _REQUEST_ROLES or decl.origin.chain[:1] == ("Request",)
    )


def _refs(expr: TypeExpr) -> list[Decl]:
    target = ref_target(expr)
    return [target] if target is not None else []


def _relist(expr: ListOf, rewrite: Callable[[TypeExpr], TypeExpr]) -> ListOf:
    """A list of rewritten items; a tuple stays a tuple, its positions rewritten too."""
    if isinstance(expr, TupleOf):
        return replace(expr, item=rewrite(expr.item), prefix=[rewrite(p) for p in expr.prefix])
    return ListOf(rewrite(expr.item), expr.nullable)
