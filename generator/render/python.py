"""Python models: the IR as views the `models.py.j2` template can print line by line.

Each model gets a pydantic class and a `TypedDict` twin. Required fields have no
default; optional ones default to None, optional-nullable ones to UNSET (so absent and
null stay apart). Union aliases are ordered so each is defined after its members.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..ir import Enum, Field, ListOf, MapOf, Model, Ref, Spec, TypeExpr, Union
from .pyformat import assignment, docstring
from .types import field_annotation, literal, python_type, wrap

_INDENT = "    "


@dataclass
class ClassView:
    kind: str  # "enum", "model" or "union"
    name: str
    doc: str = ""
    base: str = ""  # an enum's value type
    lines: list[str] = field(default_factory=list)  # class body (or alias) lines
    typed_lines: list[str] = field(default_factory=list)  # TypedDict body (or alias)
    recursive: bool = False  # a union that reaches itself: a TypeAliasType with quoted names


def _typed(expr: TypeExpr) -> str:
    """The TypedDict-side spelling: references to models point at their TypedDict."""
    if isinstance(expr, Ref):
        return expr.decl.name if isinstance(expr.decl, Enum) else expr.decl.name + "TypedDict"
    if isinstance(expr, ListOf):
        return f"List[{_typed(expr.item)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {_typed(expr.value)}]"
    return python_type(expr)


def _default(f: Field) -> tuple[str, list[str] | None]:
    """(call, args) for the right-hand side of a field; ("", None) when required."""
    args: list[str] = []
    if not f.required:
        args.append("default=UNSET" if f.nullable else "default=None")
    if f.name != f.wire_name:
        args.append(f"alias={json.dumps(f.wire_name, ensure_ascii=False)}")
    if not args:
        return "", None
    if len(args) == 1 and args[0].startswith("default="):
        return args[0].split("=", 1)[1], None
    return "pydantic.Field", args


def _model_view(model: Model) -> ClassView:
    view = ClassView("model", model.name, docstring(model.description, _INDENT))
    for f in model.fields:
        call, args = _default(f)
        view.lines.append(assignment(_INDENT, f.name, field_annotation(f), call, args))
        typed = wrap("Nullable" if f.nullable else "", _typed(f.type))
        if not f.required:
            typed = f"NotRequired[{typed}]"
        view.typed_lines.append(assignment(_INDENT, f.name, typed))
    if model.additional is not None:
        extra = python_type(model.additional)
        view.lines.append(
            assignment(_INDENT, "__pydantic_extra__", f"Dict[str, {extra}]", "pydantic.Field", ["init=False"])
        )
        view.lines.insert(
            0,
            assignment(
                _INDENT,
                "model_config",
                "ClassVar[pydantic.ConfigDict]",
                "pydantic.ConfigDict",
                ["populate_by_name=True", 'extra="allow"'],
            ),
        )
    return view


def _enum_view(enum: Enum) -> ClassView:
    view = ClassView("enum", enum.name, docstring(enum.description, _INDENT), base=enum.base)
    for member in enum.values:
        view.lines.append(f"{_INDENT}{member.name} = {literal(member.value)}")
    return view


def _union_view(union: Union, recursive: set[str]) -> ClassView:
    if union.name not in recursive:
        members = ", ".join(python_type(m) for m in union.members)
        typed_members = ", ".join(_typed(m) for m in union.members)
        view = ClassView("union", union.name, "")
        view.lines.append(assignment("", union.name, "TypeAlias", f"Union[{members}]" if members else "Any"))
        view.typed_lines.append(
            assignment("", union.name + "TypedDict", "TypeAlias", f"Union[{typed_members}]" if members else "Any")
        )
        return view
    # A plain alias cannot name itself (directly or through other unions): pydantic resolves a
    # TypeAliasType lazily, so the unions of the cycle are named in quotes.
    view = ClassView("union", union.name, "", recursive=True)
    for name, typed in ((union.name, False), (union.name + "TypedDict", True)):
        members = ", ".join(_quoting(m, recursive, typed) for m in union.members)
        view_lines = view.typed_lines if typed else view.lines
        view_lines.append(
            assignment("", name, "TypeAliasType", "TypeAliasType", [json.dumps(name), f"Union[{members}]"])
        )
    return view


def _quoting(expr: TypeExpr, quoted: set[str], typed: bool) -> str:
    """`python_type` (or `_typed`) with references to the unions in `quoted` as strings."""
    if isinstance(expr, Ref) and isinstance(expr.decl, Union) and expr.decl.name in quoted:
        return json.dumps(expr.decl.name + ("TypedDict" if typed else ""))
    if isinstance(expr, ListOf):
        return f"List[{_quoting(expr.item, quoted, typed)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {_quoting(expr.value, quoted, typed)}]"
    return _typed(expr) if typed else python_type(expr)


def _recursive_unions(unions: list[Union]) -> set[str]:
    """Names of the unions that reach themselves through their members' union references."""
    deps = {u.name: {d for d in _referenced(u.members) if d != u.name} for u in unions}
    found = {u.name for u in unions if u.name in _referenced(u.members)}
    for union in unions:
        seen: set[str] = set()
        stack = list(deps.get(union.name, ()))
        while stack:
            name = stack.pop()
            if name == union.name:
                found.add(name)
                break
            if name not in seen:
                seen.add(name)
                stack.extend(deps.get(name, ()))
    return found


def _union_order(unions: list[Union]) -> list[Union]:
    """Unions are evaluated at import time, so each must follow the unions it names."""
    names = {u.name: u for u in unions}
    ordered: list[Union] = []
    state: dict[str, int] = {}

    def visit(union: Union) -> None:
        if state.get(union.name):
            return
        state[union.name] = 1
        for dep in _referenced(union.members):
            if dep in names:
                visit(names[dep])
        state[union.name] = 2
        ordered.append(union)

    for union in sorted(unions, key=lambda u: u.name):
        visit(union)
    return ordered


def _referenced(exprs: list[TypeExpr]) -> list[str]:
    found: list[str] = []
    for expr in exprs:
        if isinstance(expr, Ref):
            found.append(expr.decl.name)
        elif isinstance(expr, ListOf):
            found.extend(_referenced([expr.item]))
        elif isinstance(expr, MapOf):
            found.extend(_referenced([expr.value]))
    return found


_INCOMPLETE_CHAIN = 32


def _model_order(models: list[Model]) -> list[Model]:
    """By name, unless that leaves long chains of models pydantic cannot complete at once.

    A class that uses a model defined further down (or one still incomplete) is left
    incomplete, and pydantic rebuilds such chains recursively, one level per link: near a
    hundred links (200-level nesting does it) Python's recursion limit is hit at import.
    Then every model is defined after the models it uses (depth first; cycles are fine).
    """
    position = {m.name: i for i, m in enumerate(models)}
    deps = {
        m.name: [d for d in _referenced([f.type for f in m.fields]) if d in position and d != m.name] for m in models
    }
    chain: dict[str, int] = {}  # 0: complete when defined; else the length of its incomplete chain
    for model in models:
        here = position[model.name]
        links = [1 if position[d] > here else chain[d] + 1 for d in deps[model.name] if position[d] > here or chain[d]]
        chain[model.name] = max(links, default=0)
    if max(chain.values(), default=0) <= _INCOMPLETE_CHAIN:
        return models
    ordered: list[Model] = []
    done: set[str] = set()
    for root in models:
        stack = [(root.name, False)]
        while stack:
            name, expanded = stack.pop()
            if expanded:
                ordered.append(models[position[name]])
                continue
            if name in done:
                continue
            done.add(name)
            stack.append((name, True))
            stack.extend((d, False) for d in reversed(deps[name]) if d not in done)
    return ordered


def module_views(spec: Spec) -> dict[str, list[ClassView]]:
    """Views grouped by kind, each group sorted by name (for stable output)."""
    decls = sorted(spec.decls, key=lambda d: d.name)
    unions = [d for d in decls if isinstance(d, Union)]
    recursive = _recursive_unions(unions)
    return {
        "enums": [_enum_view(d) for d in decls if isinstance(d, Enum)],
        "models": [_model_view(d) for d in _model_order([d for d in decls if isinstance(d, Model)])],
        "unions": [_union_view(d, recursive) for d in _union_order(unions)],
    }
