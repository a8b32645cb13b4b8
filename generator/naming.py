"""Stage 4: Speakeasy-compatible names for classes, fields and enum members.

Component schemas keep their key (PascalCased); inline schemas are named after the
property, body or parameter set they come from, and take their operation's (then
their parent's) name as a prefix when the short name is already taken.
"""

from __future__ import annotations

import keyword

from .casing import enum_member, pascal, snake
from .config import Options
from .ir import Decl, Enum, Model, Spec

_BODY_HINTS = ("RequestBody", "ResponseBody", "Request")


def assign_names(spec: Spec, options: Options | None = None) -> None:
    """Give every declaration a unique class name and every field a Python name."""
    taken: set[str] = set()
    components = [d for d in spec.decls if d.from_component]
    inline = [d for d in spec.decls if not d.from_component]
    for decl in components:
        decl.name = _unique(pascal(decl.name_override or decl.hint), taken)
    wanted: dict[str, int] = {}
    for decl in inline:
        short = pascal(decl.name_override or decl.hint).lower()
        wanted[short] = wanted.get(short, 0) + 1
    for decl in inline:
        decl.name = _unique_inline(decl, taken, wanted)
    folders = namespaces(options or Options())
    for decl in spec.decls:
        decl.namespace = folders["operations" if decl.context else "shared"]
        if isinstance(decl, Model):
            _name_fields(decl)
        elif isinstance(decl, Enum):
            _name_members(decl)


def namespaces(options: Options) -> dict[str, str]:
    """Doc sub-folders per kind: TypeScript docs always split; Python per gen.yaml `imports.paths`."""
    if options.flavour == "typescript":
        return {"shared": "components", "operations": "operations", "errors": "errors"}
    imports = options.python_option("imports") or {}
    paths = imports.get("paths") if isinstance(imports, dict) else None
    paths = paths if isinstance(paths, dict) else {}
    folders = {}
    for kind in ("shared", "operations", "errors"):
        folder = str(paths.get(kind) or "")
        folders[kind] = folder[len("models/"):] if folder.startswith("models/") else ""
    return folders


def _unique_inline(decl: Decl, taken: set[str], wanted: dict[str, int]) -> str:
    """The short name when only one schema wants it; otherwise every claimant is prefixed."""
    base = pascal(decl.name_override or decl.hint)
    context = pascal(decl.context) if decl.context else ""
    if decl.hint in _BODY_HINTS or decl.hint.endswith("ResponseBody"):
        return _unique(context + base, taken)
    candidates = [] if wanted.get(base.lower(), 0) > 1 else [base]
    if context:
        candidates.append(context + base)
    if decl.parent is not None and decl.parent.name:
        candidates.append(decl.parent.name + base)
    candidates.append(base)
    for candidate in candidates:
        if candidate.lower() not in taken:
            taken.add(candidate.lower())
            return candidate
    return _unique(candidates[0], taken)


def _unique(name: str, taken: set[str]) -> str:
    """Take `name`, or `name2`, `name3`...; compared case-insensitively (file names).

    The name is first made usable as a Python class (see `_python_safe`), and its
    `TypedDict` twin is taken with it, so `Foo` and a schema called `FooTypedDict` cannot clash.
    """
    name = _python_safe(name)
    candidate, counter = name, 1
    while candidate.lower() in taken or (candidate + "TypedDict").lower() in taken:
        counter += 1
        candidate = f"{name}{counter}"
    taken.add(candidate.lower())
    taken.add((candidate + "TypedDict").lower())
    return candidate


# Names a generated class must not take: keywords, and what models.py imports or uses.
_NOT_CLASSES = frozenset(keyword.kwlist) | {
    "Any", "ClassVar", "Dict", "List", "Literal", "Optional", "Union", "Enum", "Decimal", "BaseModel", "Nullable",
    "OptionalNullable", "UNSET", "Unset", "NotRequired", "TypeAlias", "TypedDict", "date", "datetime", "pydantic",
    "str", "int", "float", "bool", "bytes", "object", "type",
}  # fmt: skip


def _python_safe(name: str) -> str:
    """`123` -> `Model123`, `None` -> `None_`, `List` -> `List_`: never a syntax error or a shadowed import."""
    if not name or not name[0].isalpha():
        name = "Model" + name
    return name + "_" if name in _NOT_CLASSES else name


def _name_fields(model: Model) -> None:
    used: set[str] = set()
    for field in model.fields:
        name = snake(field.wire_name)
        while name in used:
            name += "_"
        used.add(name)
        field.name = name


def _name_members(enum: Enum) -> None:
    used: set[str] = set()
    for member in enum.values:
        name = enum_member(member.label or member.value)
        while name in used:
            name += "_"
        used.add(name)
        member.name = name
