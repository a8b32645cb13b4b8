"""A generated module's imports: the names its statements use, imported exactly, in isort's order
(ruff and black leave the file as it is)."""

from __future__ import annotations

import re
from typing import Any

from .model_rules import ModelRules
from .pyformat import LINE_LENGTH
from .pytypes import Spelling, module_alias

_INDENT = "    "
_TYPING = (
    "IO",
    "TYPE_CHECKING",
    "Any",
    "AsyncGenerator",
    "Awaitable",
    "Callable",
    "ClassVar",
    "Dict",
    "Final",
    "Generator",
    "List",
    "Literal",
    "Optional",
    "Tuple",
    "Union",
)
_EXTENSIONS = ("Annotated", "NotRequired", "TypeAlias", "TypeAliasType", "TypedDict")
_RUNTIME = (
    "UNSET",
    "BaseModel",
    "Decimal",
    "Discriminated",
    "EventStream",
    "EventStreamAsync",
    "Nullable",
    "OpenEnum",
    "OpenUnion",
    "OptionalNullable",
    "Request",
    "Response",
    "UnrecognizedInt",
    "dateutil",
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
        self.origins: dict[str, str] = {}  # imported class -> its module (a second module's is qualified)
        self.lazy: frozenset[str] = frozenset()  # imported for type checkers only (see `imports`)

    def spelling(
        self, shadowed: frozenset[str] = frozenset(), typed: bool = False, quoted: frozenset[str] = frozenset()
    ) -> Spelling:
        spell = Spelling(shadowed, typed, quoted)
        spell.used, spell.here, spell.home, spell.local_names = self.used, self.here, self.home, self.local_names
        spell.refs, spell.qualified, spell.origins = self.refs, self.qualified, self.origins
        spell.literal_enums, spell.file_type = self.rules.literal_enums, self.rules.file_type
        spell.generator_streams = self.rules.generator_streams
        spell.dateutil_defaults = self.rules.dateutil_defaults
        return spell

    def imports(self) -> list[str]:
        """The import blocks. A model class of the same models package that this module names in
        annotations only (`lazy`) is imported `if TYPE_CHECKING:`: at run time the package's lazy
        `__init__` finds it when a model using it is first built (see `_types.BaseModel`), so
        importing one model does not import every model it reaches (Stripe's `Account`: 440 modules)."""
        package = self.here.rpartition(".")[0]
        later = {
            m: sorted(n for n in names if n in self.lazy)
            for m, names in self.refs.items()
            if m.rpartition(".")[0] == package
        }
        if any(later.values()):
            self.used.add("TYPE_CHECKING")
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
        lines.append(import_line("datetime", [n for n in ("date", "datetime") if n in used]))
        lines.append(import_line("enum", ["Enum"] if "Enum" in used else []))
        lines.append(import_line("typing", [n for n in _TYPING if n in used]))
        third = ["import pydantic"] if "pydantic" in used else []
        third.append(import_line("typing_extensions", [n for n in _EXTENSIONS if n in used]))
        types = relative(self.here, "_types")
        local = [(types, import_line(types, [n for n in _RUNTIME if n in used]))]
        for m in sorted(self.qualified):
            parent, _, last = m.rpartition(".")
            local.append(
                (
                    relative(self.here, parent),
                    import_line(relative(self.here, parent), [f"{last} as {module_alias(m)}"]),
                )
            )
        now = {m: sorted(set(names) - set(later.get(m, ()))) for m, names in self.refs.items()}
        local += [(relative(self.here, m), import_line(relative(self.here, m), now[m])) for m in self.refs]
        checking = "\n".join(
            x
            for x in _isort(
                [(relative(self.here, m), import_line(relative(self.here, m), later[m], _INDENT)) for m in later]
            )
            if x
        )
        return [
            block
            for block in (
                "\n".join(x for x in lines if x),
                "\n".join(x for x in third if x),
                "\n".join(x for x in _isort(local) if x),
                "if TYPE_CHECKING:\n" + checking if checking else "",
            )
            if block
        ]


def _isort(lines: list[tuple[str, str]]) -> list[str]:
    """Relative imports (module, line) in isort's order: the furthest package first, then by module."""
    return [line for _, line in sorted(lines, key=lambda r: (-len(r[0]) + len(r[0].lstrip(".")), module_key(r[0])))]


def module_key(module: str) -> list[Any]:
    """isort's (and ruff's) order of module names: natural, ignoring case (`..._52a5a3c4` before
    `..._499dc4e4`, as digests end long module names)."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", module.lower())]


def relative(here: str, target: str) -> str:
    """`target` (a dotted module under the package, "" for the package itself) as `here` imports it:
    `.tenant` beside it, `..components.hub` from another sub-package, `.._types`."""
    base = here.split(".")[:-1]
    parts = target.split(".") if target else []
    common = 0
    while common < min(len(base), len(parts)) and base[common] == parts[common]:
        common += 1
    return "." * (1 + len(base) - common) + ".".join(parts[common:])


def import_line(module: str, names: list[str], indent: str = "") -> str:
    """`from module import names` as black lays it out at `indent` ("" when nothing is imported)."""
    if not names:
        return ""
    names = sorted(names, key=isort_key)
    line = f"{indent}from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return f"{indent}from {module} import (\n" + "".join(f"{indent}{_INDENT}{n},\n" for n in names) + f"{indent})"


def isort_key(name: str) -> tuple[Any, ...]:
    """isort's (and ruff's) order of imported names: constants, classes, the rest; naturally, ignoring case."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name.lower())], name
