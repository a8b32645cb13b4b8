"""`modelgen diff`: what changed between two versions of a spec, for the people using the SDK.

Both versions go through load -> validate -> IR -> naming (no rendering, so it is quick)
and are compared by what SDK users touch: class names, fields by wire name, enum values
and union members. A change is **Breaking** when code written against the old models can
stop working; that depends on which way a model travels, so every model is classified as
input (reachable from a request body or parameters), output (from a response) or both.
A model built for one operation is reported under that operation; a shared component is
reported once, with the operations that use it.
"""

from __future__ import annotations

import os
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field

from .config import Options
from .errors import SpecError
from .ir import Decl, Enum, ListOf, MapOf, Model, Operation, Ref, Spec, TypeExpr, Union
from .pipeline import build_named
from .render.pytypes import plain_type

INPUT, OUTPUT = "input", "output"


def _title(op: Operation) -> str:
    label = f"`{op.method} {op.path}`"
    return label + (f" (`{op.operation_id}`)" if op.operation_id else "")


@dataclass
class Side:
    """One version of the spec, analysed: declarations by name, operations, directions."""

    spec: Spec
    decls: dict[str, Decl]
    operations: dict[tuple[str, str], Operation]
    by_context: dict[str, Operation]
    directions: dict[int, set[str]]  # id(decl) -> {"input", "output"}
    parents: dict[int, list[Decl]]
    root_ops: dict[int, list[Operation]] = field(default_factory=dict)  # filled on first use


@dataclass
class Change:
    text: str
    breaking: bool


@dataclass
class Group:
    """The changes reported under one heading: an operation, or a shared model."""

    title: str
    kind: str  # "operation" or "model"
    status: str = "changed"  # "added", "removed" or "changed"
    changes: list[Change] = field(default_factory=list)
    used_by: list[str] = field(default_factory=list)
    new_classes: list[str] = field(default_factory=list)  # listed together: one line each is noise
    gone_classes: list[str] = field(default_factory=list)  # the classes a removed operation takes with it

    @property
    def breaking(self) -> int:
        return sum(change.breaking for change in self.changes) + (self.status == "removed")


@dataclass
class Report:
    old_label: str
    new_label: str
    groups: list[Group] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def breaking(self) -> int:
        return sum(group.breaking for group in self.groups)


# -- analysis of one side -----------------------------------------------------------


def analyse(spec_path: str, options: Options) -> Side:
    spec = build_named(spec_path, options)
    decls = {decl.name: decl for decl in spec.decls}
    operations = {op.key: op for op in spec.operations}
    by_context = {op.context: op for op in spec.operations}
    parents: dict[int, list[Decl]] = defaultdict(list)
    for decl in spec.decls:
        for child in _children(decl):
            parents[id(child)].append(decl)
    directions: dict[int, set[str]] = defaultdict(set)
    for direction in (INPUT, OUTPUT):
        stack = [decl for op in spec.operations for decl in _roots(op, direction)]
        while stack:
            decl = stack.pop()
            if direction not in directions[id(decl)]:
                directions[id(decl)].add(direction)
                stack.extend(_children(decl))
    return Side(spec, decls, operations, by_context, directions, parents)


def _roots(op: Operation, direction: str) -> list[Decl]:
    return op.inputs if direction == INPUT else op.outputs


def _children(decl: Decl) -> list[Decl]:
    exprs: list[TypeExpr] = []
    if isinstance(decl, Model):
        exprs = [f.type for f in decl.fields] + ([decl.additional] if decl.additional is not None else [])
    elif isinstance(decl, Union):
        exprs = list(decl.members)
    out: list[Decl] = []
    while exprs:
        expr = exprs.pop()
        if isinstance(expr, Ref):
            out.append(expr.decl)
        elif isinstance(expr, ListOf):
            exprs.append(expr.item)
        elif isinstance(expr, MapOf):
            exprs.append(expr.value)
    return out


def _users(side: Side, decl: Decl) -> list[Operation]:
    """The operations whose requests or responses reach `decl`."""
    if not side.root_ops:
        for op in side.operations.values():
            for root in op.inputs + op.outputs:
                side.root_ops.setdefault(id(root), []).append(op)
    users: dict[tuple[str, str], Operation] = {}
    seen: set[int] = set()
    stack = [decl]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        users.update((op.key, op) for op in side.root_ops.get(id(current), []))
        stack.extend(side.parents.get(id(current), []))
    return sorted(users.values(), key=lambda op: op.key)


def _home(side: Side, decl: Decl) -> tuple[Operation | None, list[Operation]]:
    """The one operation a declaration belongs to (built for it, or used by it alone), and its users."""
    if decl.origin.context and decl.origin.context in side.by_context:
        return side.by_context[decl.origin.context], []
    users = _users(side, decl)
    return (users[0] if len(users) == 1 else None), users


# -- comparison -----------------------------------------------------------------------


def compare(old: Side, new: Side, old_label: str, new_label: str) -> Report:
    report = Report(old_label, new_label)
    counts = report.counts
    op_groups: dict[tuple[str, str], Group] = {}
    model_groups: list[Group] = []

    def op_group(op: Operation, status: str = "changed") -> Group:
        if op.key not in op_groups:
            op_groups[op.key] = Group(_title(op), "operation", status)
        return op_groups[op.key]

    def place(side: Side, decl: Decl, changes: list[Change], status: str = "changed") -> Group | None:
        """File changes under the declaration's operation, else under the model itself."""
        op, users = _home(side, decl)
        if op is not None:
            group = op_group(op)
            if group.status == "removed" and status == "removed":  # named with the operation
                group.gone_classes.append(decl.name)
            if group.status != "changed":  # what added/removed operations bring or take goes with them
                return None
            group.changes.extend(changes)
            return group
        group = Group(f"`{decl.name}`", "model", status, changes, [_title(user) for user in users])
        model_groups.append(group)
        return group

    for key in sorted(set(old.operations) | set(new.operations)):
        if key not in new.operations:
            op_group(old.operations[key], "removed")
            counts["operations removed"] += 1
        elif key not in old.operations:
            op_group(new.operations[key], "added")
            counts["operations added"] += 1
    renamed = _renames(old, new)
    renamed_to = {id(decl) for decl in renamed.values()}
    for name in sorted(set(old.decls) | set(new.decls), key=str.lower):
        before, after = old.decls.get(name), new.decls.get(name)
        if after is None and name in renamed:
            continue
        if before is None and after is not None and id(after) in renamed_to:
            continue
        if before is None and after is not None:
            counts["models added"] += 1
            op, _ = _home(new, after)
            if op is None:
                place(new, after, [], "added")
            elif op_group(op).status == "changed":
                op_group(op).new_classes.append(name)
        elif after is None and before is not None:
            counts["models removed"] += 1
            group = place(old, before, [Change(f"{_kind(before)} `{name}` removed", True)], "removed")
            if group is not None and group.kind == "model":
                group.changes = []
        elif before is not None and after is not None:
            directions = old.directions.get(id(before), set()) | new.directions.get(id(after), set())
            changes = _compare_decl(before, after, directions, counts, renamed)
            if changes:
                counts["models changed"] += 1
                place(new, after, changes)
    for old_name, decl in sorted(renamed.items()):
        counts["models renamed"] += 1
        place(new, decl, [Change(f"`{old_name}` renamed to `{decl.name}`", True)])
    report.groups = sorted(op_groups.values(), key=lambda g: g.title) + model_groups
    for group in report.groups:
        group.changes.sort(key=lambda c: not c.breaking)
    return report


def _renames(old: Side, new: Side) -> dict[str, Decl]:
    """Old name -> new declaration, for a declaration from the same place that got a new name."""

    def place(decl: Decl) -> tuple[str, str, str]:
        return type(decl).__name__, decl.pointer.split("#", 1)[-1], decl.origin.context

    gone = {place(d): d for name, d in old.decls.items() if name not in new.decls}
    renamed = {}
    for name, decl in new.decls.items():
        if name not in old.decls and place(decl) in gone:
            renamed[gone.pop(place(decl)).name] = decl
    return renamed


def _kind(decl: Decl) -> str:
    return {"Model": "model", "Enum": "enum", "Union": "union"}[type(decl).__name__]


def _type(expr: TypeExpr | None) -> str:
    return "None" if expr is None else plain_type(expr)


def _same_type(old: TypeExpr | None, new: TypeExpr | None, renamed: dict[str, Decl]) -> bool:
    """Equal types, counting a renamed class as the same class (its rename is reported once)."""
    if isinstance(old, Ref) and isinstance(new, Ref):
        return old.decl.name == new.decl.name or renamed.get(old.decl.name) is new.decl
    if isinstance(old, ListOf) and isinstance(new, ListOf):
        return _same_type(old.item, new.item, renamed)
    if isinstance(old, MapOf) and isinstance(new, MapOf):
        return _same_type(old.value, new.value, renamed)
    return _type(old) == _type(new)


def quoted(values: list[str]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def _compare_decl(
    before: Decl, after: Decl, directions: set[str], counts: dict[str, int], renamed: dict[str, Decl]
) -> list[Change]:
    name = after.name
    if type(before) is not type(after):
        return [Change(f"`{name}` is now a {_kind(after)} (was a {_kind(before)})", True)]
    directions = directions or {INPUT, OUTPUT}  # used by no operation: assume both ways
    changes: list[Change] = []
    if isinstance(before, Model) and isinstance(after, Model):
        changes = _compare_fields(before, after, directions, counts, renamed)
        if not _same_type(before.additional, after.additional, renamed):
            changes.append(
                Change(f"`{name}` extra properties: `{_type(before.additional)}` → `{_type(after.additional)}`", True)
            )
    elif isinstance(before, Enum) and isinstance(after, Enum):
        old_values = {repr(v.value): v for v in before.values}
        new_values = {repr(v.value): v for v in after.values}
        removed = [key for key in old_values if key not in new_values]
        if removed:
            counts["enum values removed"] += len(removed)
            changes.append(Change(f"`{name}`: {_plural_word(len(removed), 'value')} {quoted(removed)} removed", True))
        for key, value in old_values.items():
            if key in new_values and new_values[key].name != value.name:
                changes.append(Change(f"`{name}.{value.name}` renamed to `{name}.{new_values[key].name}`", True))
        added = [key for key in new_values if key not in old_values]
        if added:
            counts["enum values added"] += len(added)
            changes.append(Change(f"`{name}`: {_plural_word(len(added), 'value')} {quoted(added)} added", False))
        if before.open and not after.open:
            changes.append(Change(f"`{name}` no longer accepts unknown values", OUTPUT in directions))
    elif isinstance(before, Union) and isinstance(after, Union):
        gone = [_type(m) for m in before.members if not any(_same_type(m, n, renamed) for n in after.members)]
        came = [_type(n) for n in after.members if not any(_same_type(m, n, renamed) for m in before.members)]
        if gone:
            changes.append(Change(f"`{name}`: {_plural_word(len(gone), 'variant')} {quoted(gone)} removed", True))
        if came:
            changes.append(Change(f"`{name}`: {_plural_word(len(came), 'variant')} {quoted(came)} added", False))
    return changes


def _plural_word(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


def _compare_fields(
    before: Model, after: Model, directions: set[str], counts: dict[str, int], renamed: dict[str, Decl]
) -> list[Change]:
    name = after.name
    old_fields = {f.wire_name: f for f in before.fields}
    new_fields = {f.wire_name: f for f in after.fields}
    changes: list[Change] = []
    for wire, old in old_fields.items():
        new = new_fields.get(wire)
        where = f"`{name}.{old.name}`" + (f" (`{wire}`)" if wire != old.name else "")
        if new is None:
            counts["fields removed"] += 1
            changes.append(Change(f"{where} removed", True))
            continue
        if new.name != old.name:
            changes.append(Change(f"{where} renamed to `{new.name}` (wire name `{wire}`)", True))
        if not _same_type(old.type, new.type, renamed):
            counts["field type changes"] += 1
            changes.append(Change(f"{where}: type `{_type(old.type)}` → `{_type(new.type)}`", True))
        if not old.required and new.required:
            counts["fields now required"] += 1
            changes.append(Change(f"{where}: optional → required", INPUT in directions and not new.read_only))
        elif old.required and not new.required:
            changes.append(Change(f"{where}: required → optional", OUTPUT in directions and not new.write_only))
        if not old.nullable and new.nullable:
            changes.append(Change(f"{where}: can now be null", OUTPUT in directions))
        elif old.nullable and not new.nullable:
            changes.append(Change(f"{where}: can no longer be null", INPUT in directions))
        if new.deprecated and not old.deprecated:
            changes.append(Change(f"{where}: deprecated", False))
    for wire, new in new_fields.items():
        if wire not in old_fields:
            counts["fields added"] += 1
            needed = new.required and INPUT in directions and not new.read_only
            where = f"`{name}.{new.name}`" + (f" (`{wire}`)" if wire != new.name else "")
            changes.append(Change(f"{where} added ({'required' if new.required else 'optional'})", needed))
    return changes


def diff_specs(
    old_path: str, new_path: str, old_options: Options, new_options: Options, labels: tuple[str, str] | None = None
) -> Report:
    old = analyse(old_path, old_options)
    new = analyse(new_path, new_options)
    return compare(old, new, *(labels or (old_path, new_path)))


def checkout_spec(revision: str, spec_path: str, into: str) -> str:
    """Write the spec (and the YAML/JSON files beside it, for multi-file specs) as of `revision`
    under `into`; return the root's path there. Everything is read with two git processes."""
    folder = os.path.dirname(os.path.abspath(spec_path))
    top = os.path.realpath(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    rel = os.path.relpath(os.path.realpath(spec_path), top).replace(os.sep, "/")
    scope = ["--", os.path.dirname(rel)] if os.path.dirname(rel) else []
    listed = _git(top, "ls-tree", "-r", "-z", "--name-only", revision, *scope).decode().split("\0")
    names = [n for n in listed if n == rel or n.endswith((".yaml", ".yml", ".json"))]
    if rel not in names:
        raise SpecError(f"{rel} does not exist at git revision {revision!r}", file=spec_path)
    batch = _git(top, "cat-file", "--batch", stdin="".join(f"{revision}:{n}\n" for n in names).encode())
    offset = 0
    for name in names:
        end = batch.index(b"\n", offset)
        size = int(batch[offset:end].split()[2])
        target = os.path.join(into, *name.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(batch[end + 1 : end + 1 + size])
        offset = end + 1 + size + 1
    return os.path.join(into, *rel.split("/"))


def _git(cwd: str, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except OSError as exc:
        raise SpecError(f"cannot run git: {exc}") from None
    if done.returncode:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise SpecError(f"git {args[0]} failed: {message[-1] if message else done.returncode}", file=cwd)
    return done.stdout
