"""Names that are unique and usable: one per class (case-insensitively, with its `TypedDict` twin),
never a keyword or a name the generated modules import; and the singular Speakeasy names array items with."""

from __future__ import annotations

import keyword


def singular(word: str) -> str:
    """English singular of a (last) word, as Speakeasy names array items: `infos` -> `info`."""
    lower = word.lower()
    if lower.endswith("metadata"):  # `metadata` -> `metadatum` (cribl-cp); but `data` stays (agentset, squadcast)
        return word[:-1] + ("UM" if word[-1].isupper() else "um")
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "shes", "ches", "xes", "zzes", "uses")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 1:
        return word[:-1]
    return word


def unique(name: str, taken: set[str], first: int = 2) -> str:
    """Take `name`, or `name2`, `name3`... (from `name<first>`); compared case-insensitively (file names).

    The name is first made usable as a Python class (see `python_safe`), and its
    `TypedDict` twin is taken with it, so `Foo` and a schema called `FooTypedDict` cannot clash.
    """
    name = python_safe(name)
    candidate, counter = name, first - 1
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
    "str", "int", "float", "bool", "bytes", "object", "type", "Annotated", "Discriminated", "OpenEnum",
    "TypeAliasType",
}  # fmt: skip


_MAX_NAME = 160


def python_safe(name: str) -> str:
    """`123` -> `Model123`, `None` -> `NoneT`, `List` -> `List_`: never a syntax error or a shadowed import."""
    if not name or not name[0].isalpha():
        name = "Model" + name
    name = name[:_MAX_NAME]  # it names a file too: most file systems stop at 255 bytes
    if keyword.iskeyword(name):  # `None`, `True`, `False`: airbyte 1.244-1.402 `NoneT`
        return name + "T"
    return name + "_" if name in _NOT_CLASSES else name
