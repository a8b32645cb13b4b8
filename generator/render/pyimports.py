"""A generated module's imports: the names its statements use, imported exactly, in isort's order
(ruff and black leave the file as it is)."""

from __future__ import annotations

import re
from typing import Any

from .model_rules import ModelRules
from .pyformat import LINE_LENGTH
from .pytypes import Spelling, module_alias

_INDENT = "    "
_TYPING = ("IO", "TYPE_CHECKING", "Any", "ClassVar", "Dict", "List", "Literal", "Optional", "Tuple", "Union")
_EXTENSIONS = ("Annotated", "NotRequired", "TypeAlias", "TypeAliasType", "TypedDict")
_RUNTIME = (
    "UNSET",
    "BaseModel",
    "Decimal",
    "Discriminated",
    "Nullable",
    "OpenEnum",
    "OpenUnion",
    "OptionalNullable",
    "Request",
    "Response",
    "UnrecognizedInt",
    "parse_datetime",
    "UnrecognizedStr",
)


class Module:
    """Collects the names the module uses, to import exactly those."""

    def __init__(self, here: str, home: dict[int, str], local_names: frozenset[str], rules: ModelRules) -> None:
        self.used: set[str] = set()
        self.rules = rules
        self.here = here  # dotted module path under the package ("models", "models.operations")
        self.home = home  # every declaration's module, by id
        self.local_names = local_names
        self.refs: dict[str, set[str]] = {}  # module -> classes imported from it
        self.qualified: set[str] = set()  # modules imported as `_name` (a class name is taken here)

    def spelling(
        self, shadowed: frozenset[str] = frozenset(), typed: bool = False, quoted: frozenset[str] = frozenset()
    ) -> Spelling:
        spell = Spelling(shadowed, typed, quoted)
        spell.used, spell.here, spell.home, spell.local_names = self.used, self.here, self.home, self.local_names
        spell.refs, spell.qualified = self.refs, self.qualified
        spell.literal_enums, spell.file_type = self.rules.literal_enums, self.rules.file_type
        return spell

    def imports(self) -> list[str]:
        used = self.used
        lines = []
        if "_builtins" in used:
            lines.append("import builtins as _builtins")
        if "_datetime" in used:
            lines.append("import datetime as _datetime")
        if "_decimal" in used:
            lines.append("import decimal as _decimal")
        if "io" in used:
            lines.append("import io")
        lines.append(_import("datetime", [n for n in ("date", "datetime") if n in used]))
        lines.append(_import("enum", ["Enum"] if "Enum" in used else []))
        lines.append(_import("typing", [n for n in _TYPING if n in used]))
        third = ["import pydantic"] if "pydantic" in used else []
        third.append(_import("typing_extensions", [n for n in _EXTENSIONS if n in used]))
        up = "." * (self.here.count(".") + 1)  # to the package
        relative = [(up + "_types", _import(up + "_types", [n for n in _RUNTIME if n in used]))]
        relative += [
            (".", f"from . import {m.rpartition('.')[2]} as {module_alias(m)}") for m in sorted(self.qualified)
        ]
        relative += [
            ("." + m.rpartition(".")[2], _import("." + m.rpartition(".")[2], sorted(self.refs[m]))) for m in self.refs
        ]
        # isort's order: the furthest package first, then by module
        local = [line for _, line in sorted(relative, key=lambda r: (-len(r[0]) + len(r[0].lstrip(".")), r[0]))]
        return [
            block
            for block in (
                "\n".join(x for x in lines if x),
                "\n".join(x for x in third if x),
                "\n".join(x for x in local if x),
            )
            if block
        ]


def _import(module: str, names: list[str]) -> str:
    if not names:
        return ""
    names = sorted(names, key=_isort_key)
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return f"from {module} import (\n" + "".join(f"{_INDENT}{n},\n" for n in names) + ")"


def _isort_key(name: str) -> tuple[Any, ...]:
    """isort's (and ruff's) order of imported names: constants, classes, the rest; naturally, ignoring case."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name.lower())], name
