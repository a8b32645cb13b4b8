"""Python models: the IR as statements the `models.py.j2` template prints.

Each model gets a pydantic class and a `TypedDict` twin. Required fields have no
default; optional ones default to the spec's default or None, optional-nullable ones to
UNSET (so absent and null stay apart). Every statement is laid out by `pyformat` as
black would. Models come before the union aliases that name them; a union that reaches
itself becomes a `TypeAliasType` at run time (a plain alias cannot recurse) and stays a
`TypeAlias` for type checkers. A union with a discriminator whose every member is a
model with a known tag validates as pydantic's tagged union (`Discriminated`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..ir import (
    Const,
    Decl,
    Enum,
    Field,
    ListOf,
    MapOf,
    Model,
    Ref,
    Spec,
    TypeExpr,
    Union,
    inside_error,
    referenced,
)
from .model_rules import DEFAULT_RULES, ModelRules
from .pyerrors import exception_module, other_properties
from .pyformat import docstring, layout
from .pyimports import Module
from .pytypes import (
    SHADOWABLE,
    Spelling,
    default_value,
    exception_name,
    literal,
    literal_enum,
    optionality,
    outside_json,
    py_name,
)
from .unions import is_tagged, known_tags, member_order, tag_property, tags_of, unknown_member

_INDENT = "    "


@dataclass
class ClassView:
    kind: str  # "enum", "literal" (an enum as a Literal alias), "model" or "union"
    name: str
    doc: str = ""
    base: str = ""  # an enum's bases
    lines: list[str] = field(default_factory=list)  # class body statements (or the alias block)
    typed_lines: list[str] = field(default_factory=list)  # TypedDict body statements
    exception: str = ""  # an error's exception class, carrying this model or union as `data`
    twin: bool = True  # a TypedDict twin (not for enums, nor an open union's unknown member)
    exception_doc: str = ""
    exception_base: str = ""  # the SDK's base error class it derives from (`pyerrors`), "" for `Exception`


def _default(f: Field, spell: Spelling, outside_json: bool = False) -> str:
    """The default's source ("" for none). A required parameter keeps the spec's default and its required
    annotation (mammoth `workspace_id: int = 2`), as a field outside JSON does (bar 1.438 `token_url: str = url`);
    a required property never has one. An optional nullable field whose spec says `default: null` defaults to
    None, sent as null, not UNSET (openrouter 1.656 `OutputItemImageGenerationCall.result`: `= None`)."""
    value = f.default.value if f.default is not None else None
    spelled = default_value(f.type, value, spell) if value is not None else None
    if f.sdk_filled:
        return "None"
    if f.required:
        return spelled or "" if f.location or outside_json else ""
    null_default = f.default is not None and value is None
    return spelled or ("UNSET" if f.nullable and not null_default else "None")


def _const_default(f: Field) -> str:
    """A `const` field's value as its default, unless required and nullable: `PROVIDER: Literal["AZURE_OPENAI"] =
    "AZURE_OPENAI"` (agentset, cribl-cp...), optional ones too (openrouter 1.656, syllable 1.519 `TYPE:
    Optional[Literal["function"]] = ...`), whatever gen.yaml's `constFieldCasing` says of the name (`normal`:
    margen 1.788 `object: Literal["attack_data_item"] = "attack_data_item"`, clay 1.789 `is_stale = True`)."""
    if not isinstance(f.type, Const) or f.type.alternatives or f.type.value is None:
        return ""  # (`const: null` is no Literal: an optional one stays absent)
    return "" if f.nullable and f.required else literal(f.type.value) or ""


def _model_view(model: Model, module: Module) -> ClassView:
    view = ClassView("model", py_name(model), docstring(model.description, _INDENT))
    _exception(view, model, module)
    # Pydantic looks annotations up in the class namespace: fields given a value there hide types.
    shadowed = frozenset(
        f.name for f in model.fields if f.name in SHADOWABLE and not (f.required and f.name == f.wire_name)
    )
    spell = module.spelling(shadowed=shadowed)
    typed = module.spelling(typed=True)
    if model.closed:
        module.used.add("pydantic")
        view.lines.append(layout('model_config = pydantic.ConfigDict(extra="forbid")', 1))
    if model.paginated:
        view.lines.append(_next_page(model, module))
    # Fields without a default first, each group in the spec's order, as Speakeasy declares them
    # (every SDK of the corpus with model sources, 1.318 to 1.791: cribl-cp, orq, squadcast...)
    declared = [(f, _const_default(f) or _default(f, spell, outside_json(model, f))) for f in model.fields]
    for f, default in sorted(declared, key=lambda pair: bool(pair[1])):
        annotation = spell.wrap(optionality(f), spell.type(f.type))
        if f.sdk_filled:  # as Speakeasy writes them (bar 1.318, ttddata 1.730-1.788, plexpy 1.684 errors)
            module.used.update(("Annotated", "Optional", "pydantic"))
            annotation = f"Annotated[Optional[{spell.type(f.type)}], pydantic.Field(exclude=True)]"
        if f.final:  # a constant sent as it is, in no TypedDict (bar 1.318 `TOKEN_URL`: `ParseEras.token_url_constant`)
            annotation = f"{spell.name('Final')}[{annotation}]"
        name = f.name.upper() if f.final or (module.rules.const_upper and _const_default(f)) else f.name
        if default == "UNSET":
            module.used.add("UNSET")
        if name != f.wire_name and (f.wire_name or not f.named_by_type) and (f.final or not outside_json(model, f)):
            module.used.add("pydantic")
            args = ([f"default={default}"] if default else []) + [
                f"alias={json.dumps(f.wire_name, ensure_ascii=False)}"
            ]
            default = f"pydantic.Field({', '.join(args)})"
        view.lines.append(layout(f"{name}: {annotation}" + (f" = {default}" if default else ""), 1))
        typed_annotation = typed.wrap("Nullable" if f.nullable else "", typed.type(f.type))
        if not f.required:
            typed_annotation = typed.wrap("NotRequired", typed_annotation)
        if not f.final:
            view.typed_lines.append(layout(f"{f.name}: {typed_annotation}", 1))
    line, used = other_properties(model, spell)
    if line:
        module.used.update(used)
        view.lines.append(layout(line, 1))
    return view


def _next_page(model: Model, module: Module) -> str:
    """A paginated response's first field, set by the SDK and never JSON (not in the TypedDict nor
    the docs): a function returning the next page, or None after the last one; with gen.yaml's
    `asyncPaginationSep2025` also an async one (`ModelRules.async_pages`). Evidence: agentset 1.708 and
    cribl-cp 1.784 set the flag and write the union; novu 1.444, outpost 1.712 (unset) and 1.741 (false)
    write the one `Callable`."""
    page = f"Optional[{py_name(model)}]"
    module.used.update(("Callable", "Optional"))
    if not module.rules.async_pages:
        return layout(f"next: Callable[[], {page}]", 1)
    module.used.update(("Awaitable", "Union"))
    return layout(f"next: Union[Callable[[], {page}], Callable[[], Awaitable[{page}]]]", 1)


def _exception(view: ClassView, decl: Model | Union, module: Module) -> None:
    """An error's exception class beside its data (see `py_name`); its `__init__` takes Speakeasy's
    arguments (the data, the raw response, the body), any object standing for the httpx response."""
    if decl.uses.error:
        module.used.update(("Any", "Optional"))
        name = exception_name(decl) if isinstance(decl, Model) else decl.name
        view.exception, view.exception_doc = name, docstring(decl.description, _INDENT)
        base = module.rules.error_base
        if base:  # the SDK's base error class, in the module beside this one (`pyerrors`)
            module.refs.setdefault(f"{module.here.rpartition('.')[0]}.{exception_module(base)}", set()).add(base)
            view.exception_base = base


def _literal_view(enum: Enum, rules: ModelRules, module: Module) -> ClassView:
    """`enumFormat: union`: the enum as an alias of its values' `Literal`, open ones with
    `UnrecognizedStr` (or `UnrecognizedInt`) beside it, as Speakeasy writes them."""
    view = ClassView("literal", enum.name, docstring(enum.description, ""), twin=False)
    values = [s for s in (literal(_member_value(enum, m.value)) for m in enum.values) if s is not None]
    spelled = f"Literal[{', '.join(values)}]" if values else "str"
    module.used.update(("TypeAlias", "Literal") if values else ("TypeAlias",))
    if rules.is_open(enum):
        unknown = "UnrecognizedInt" if enum.base == "int" else "UnrecognizedStr"
        module.used.update(("Union", unknown))
        spelled = f"Union[{spelled}, {unknown}]"
    view.lines = [layout(f"{enum.name}: TypeAlias = {spelled}")]
    return view


def _member_value(enum: Enum, value: object) -> object:
    return json.dumps(value) if enum.base == "str" and not isinstance(value, str) else value


def _enum_view(enum: Enum, rules: ModelRules, module: Module) -> ClassView:
    if rules.literal_enums:
        return _literal_view(enum, rules, module)
    is_open = rules.is_open(enum)
    module.used.add("OpenEnum" if is_open else "Enum")
    # booleans and mixed values are members of a plain Enum (bool cannot be subclassed)
    base = ", ".join(
        b for b in (enum.base if enum.base in ("str", "int") else "", "OpenEnum" if is_open else "Enum") if b
    )
    view = ClassView("enum", enum.name, docstring(enum.description, _INDENT), base=base)
    for member in enum.values:
        spelled = literal(_member_value(enum, member.value))
        if spelled is not None:
            view.lines.append(layout(f"{member.name} = {spelled}", 1))
    return view


def _literal_enum_view(enum: Enum, module: Module) -> ClassView:
    """An enum of values Python holds equal (see `literal_enum`) as a `Literal` of them."""
    spelled = [literal(v.value) for v in enum.values]
    used = "Any" if None in spelled or any(isinstance(v.value, float) for v in enum.values) else "Literal"
    module.used.update((used, "TypeAlias"))
    value = f"Literal[{', '.join(s for s in spelled if s)}]" if used == "Literal" else "Any"
    return ClassView("union", enum.name, lines=[layout(f"{enum.name}: TypeAlias = {value}")], twin=False)


def _union_view(union: Union, recursive: set[str], module: Module, unknowns: list[ClassView]) -> ClassView:
    view = ClassView("union", py_name(union))
    _exception(view, union, module)
    cyclic = union.name in recursive
    quoted = frozenset(recursive) if cyclic else frozenset()
    unknown = None if cyclic else unknown_member(union, module.rules)
    spelled = {}
    for typed in (False, True):
        spell = module.spelling(typed=typed, quoted=quoted)
        members = _spelled_members(union, spell, module.rules.infer_union_tags)
        members += [unknown[0]] if unknown and not typed else []
        if len(members) != 1:
            module.used.add("Union" if members else "Any")
        spelled[typed] = f"Union[{', '.join(members)}]" if len(members) > 1 else members[0] if members else "Any"
    tags = tags_of(union) if is_tagged(union, module.rules.infer_union_tags) else None
    if unknown:
        unknowns.append(_unknown_view(union, unknown[0], unknown[2], module))
        known = ", ".join(s for s in map(literal, known_tags(union, unknown[1])) if s is not None)
        module.used.update(("Annotated", "OpenUnion"))
        tag, name = json.dumps(unknown[1]), json.dumps(unknown[0])
        spelled[False] = f"Annotated[{spelled[False]}, OpenUnion({tag}, [{known}], {name})]"
    elif tags is not None and not cyclic:
        module.used.update(("Annotated", "Discriminated"))
        mapping = ", ".join(
            f"{literal(value)}: {json.dumps(names[0] if len(names) == 1 else names)}" for value, names in tags.items()
        )
        spelled[False] = f"Annotated[{spelled[False]}, Discriminated({json.dumps(tag_property(union))}, {{{mapping}}})]"
    names = {False: view.name, True: view.name + "TypedDict"}
    if not cyclic:
        module.used.add("TypeAlias")
        view.lines = [layout(f"{names[t]}: TypeAlias = {spelled[t]}") for t in (False, True)]
        return view
    module.used.update(("TYPE_CHECKING", "TypeAlias", "TypeAliasType"))
    checking = [layout(f"{names[t]}: TypeAlias = {spelled[t]}", 1) for t in (False, True)]
    runtime = [layout(f"{names[t]} = TypeAliasType({json.dumps(names[t])}, {spelled[t]})", 1) for t in (False, True)]
    view.lines = ["if TYPE_CHECKING:", *checking, "else:", *runtime]
    return view


def _spelled_members(union: Union, spell: Spelling, infer_tags: bool) -> list[str]:
    """Every member as spelled, the same spelling again too, as Speakeasy lists them: a member the mapping
    names for several values once per value (cribl-cp 1.784 `V3User`: `SnmpTrapSerializeV3UserAuthProtocolNotNone`
    six times), two bodies that are both strings twice (novu 1.444 `SubscribersControllerChatOauthCallbackResponseResult
    = Union[str, str]`). No other union of the corpus's answer keys spells a member twice."""
    return [spell.type(m) for m in member_order(union, infer_tags)]


def _unknown_view(union: Union, name: str, attribute: str, module: Module) -> ClassView:
    """An open union's last member: a payload of a tag no member has, kept whole (`raw`), as
    Speakeasy writes it (`type: Literal["UNKNOWN"] = "UNKNOWN"`, `raw`, `is_unknown`; cribl-cp 1.784)."""
    module.used.update(("Any", "Literal", "pydantic"))
    doc = docstring(f"A {py_name(union)} variant this package does not know: the payload is kept in `raw`.", _INDENT)
    view = ClassView("model", name, doc, twin=False)
    view.lines = [
        layout(f'{attribute}: Literal["UNKNOWN"] = "UNKNOWN"', 1),
        f"{_INDENT}raw: Any",
        f"{_INDENT}is_unknown: Literal[True] = True",
        "",
        f"{_INDENT}model_config = pydantic.ConfigDict(frozen=True)",
    ]
    return view


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


def package_modules(
    decls: list[Decl], errors_beside_models: bool = False, shared_errors: bool = True
) -> dict[str, list[Decl]]:
    """The declarations of each namespace (dotted path under the package), in Speakeasy's layout.

    Without namespaces: `models`, and `errors` for the error classes (Speakeasy keeps them
    apart, so an error class may share its name with a model), unless gen.yaml puts them beside
    the models (`Profile.errors_beside_models`) and no name of theirs is a model's. With namespaces
    (plexpy's components/operations/errors): one each in a `models` package, where
    `components.Hub` and `operations.Hub` are two classes, error classes in `models.errors`.
    """
    namespaced = is_namespaced(decls)
    beside = errors_beside_models and not namespaced and _apart(decls)
    modules: dict[str, list[Decl]] = {} if namespaced else {"models": []}
    for decl in decls:
        home = module_of(decl, namespaced)
        if home == "models" and not shared_errors and inside_error(decl):
            # before sharedErrorComponentsApr2025 (outpost 1.712-1.791 `errors/apierrorresponse.py` Data)
            home = "errors"
        modules.setdefault("models" if beside and home == "errors" else home, []).append(decl)
    return modules


def _apart(decls: list[Decl]) -> bool:
    """No two classes of the models and the error classes share a name."""
    exceptions = [exception_name(d) if isinstance(d, Model) else d.name for d in decls if d.uses.error]
    names = [py_name(d) for d in decls] + exceptions
    return len(set(names)) == len(names)


def is_namespaced(decls: list[Decl]) -> bool:
    """Components/operations folders; `internal` alone (an SDK's globals) keeps the flat layout."""
    return any(d.namespace not in ("", "internal") for d in decls)


def module_of(decl: Decl, namespaced: bool) -> str:
    if not namespaced:  # the SDK's `Globals` in `models/internal` (agentset 1.708, emissary 1.423, outpost 1.712)
        return "models.internal" if decl.namespace == "internal" else "errors" if decl.uses.error else "models"
    return "models." + ("errors" if decl.uses.error else decl.namespace or "components")


def module_views(
    spec: Spec, rules: ModelRules = DEFAULT_RULES, here: str = "models", home: dict[int, str] | None = None
) -> dict[str, list[Any]]:
    """Views grouped by kind, each group sorted by name (for stable output), and the imports.

    `here` is the module written and `home` every declaration's module (`package_modules`):
    classes of other modules are imported from them.
    """
    # errors: the exception and its data
    local = {exception_name(d) for d in spec.decls} | {py_name(d) for d in spec.decls}
    module = Module(here, home or {}, frozenset(local), rules)
    decls = sorted(spec.decls, key=lambda d: d.name)
    unions = [d for d in decls if isinstance(d, Union)]
    recursive = _recursive_unions(unions)
    unknowns: list[ClassView] = []  # open unions' unknown members, models defined before the unions
    views: dict[str, list[Any]] = {
        "enums": [_enum_view(d, rules, module) for d in decls if isinstance(d, Enum) and not literal_enum(d)],
        "models": [_model_view(d, module) for d in decls if isinstance(d, Model)],
        "unions": [_literal_enum_view(d, module) for d in decls if isinstance(d, Enum) and literal_enum(d)]
        + [_union_view(d, recursive, module, unknowns) for d in _union_order(unions)],
    }
    views["models"] += unknowns
    if views["models"]:
        module.used.add("BaseModel")
    if any(view.twin for view in views["models"]):
        module.used.add("TypedDict")
    module.lazy = _annotation_only(decls)
    views["imports"] = module.imports()
    return views


def _annotation_only(decls: list[Decl]) -> frozenset[str]:
    """The model classes (and TypedDict twins) `decls` name in field annotations only: not as a
    union's member, which a module-level alias needs when the module runs."""
    members = {id(d) for u in decls if isinstance(u, Union) for d in referenced(u)}
    return frozenset(
        name
        for decl in decls
        if isinstance(decl, Model)
        for used in referenced(decl)
        if isinstance(used, Model) and id(used) not in members
        for name in (py_name(used), py_name(used) + "TypedDict")
    )


def exported(views: dict[str, list[Any]]) -> list[str]:
    """The names a module's views define: classes and aliases, their TypedDict twins, exceptions."""
    names = []
    for kind in ("enums", "models", "unions"):
        for view in views[kind]:
            names.append(view.name)
            if view.twin and kind != "enums":
                names.append(view.name + "TypedDict")
            if view.exception:
                names.append(view.exception)
    return names
