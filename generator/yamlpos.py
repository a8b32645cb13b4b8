"""PyYAML, used only off the fast path: documents yaml-rs cannot take, and source positions.

Imported lazily (PyYAML's import alone costs more than yaml-rs parsing a small spec). Loading
uses libyaml when present with YAML 1.2 core-schema scalars, so `2023-08-16`, `on` or `=` stay
strings as OpenAPI tooling expects; the node tree it composes gives line and column numbers
for errors, and `duplicate_keys` the positions of repeated keys.

Repeated keys and anchors are accepted as Speakeasy accepts them (Go's yaml.v3 under
libopenapi): an anchor defined again names the later node from there on (YAML 1.2, 7.1),
and of a repeated mapping key the first occurrence wins (libopenapi looks keys up from
the top). Evidence: corpus-ts/vercel-1398 repeats `parameters` in `createSecret`; the
first list holds the path parameter `name`, the second `teamId` and `slug`, and
Speakeasy's `createsecretrequest.md` has `name` alone. Each repeat is a warning.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml
from yaml.composer import Composer

from .errors import SpecError, Warn, join_pointer, unescape_pointer_token

_MAX_EXPANDED_NODES = 5_000_000  # a "billion laughs" document is refused past this


def _construct_mapping(loader: Any, node: Any, deep: bool = False) -> dict[str, Any]:
    """A mapping whose first occurrence of a repeated key wins (see the module docstring)."""
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = mapping_key(loader.construct_object(key_node, deep=deep), key_node.value)
        else:  # a sequence or mapping as a key: frozen, as yaml-rs freezes it
            key = _frozen(loader.construct_object(key_node, deep=True))
        if key in mapping:
            loader.repeated_keys = True
            continue
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


def mapping_key(key: Any, text: str) -> Any:
    """The key a scalar mapping key is, as JSON and Speakeasy read it: a string. Go's yaml.v3
    under libopenapi keeps a key's text, so `null:`, `~:`, `true:` and `1.50:` name the
    property, component or status "null", "~", "true" and "1.50" (not None, True or 1.5, whose
    Python spellings would leak into aliases and names as "None" and "True"). An integer key
    is its decimal digits on both paths: the fast path has only the number (`200:` is "200";
    the rare `0x1F:` reads "31" where yaml.v3 keeps "0x1F")."""
    if isinstance(key, str):
        return key
    return str(key) if type(key) is int else text


# -- one reading of plain scalars on both paths -----------------------------------------------
# yaml-rs resolves numbers as Go's yaml.v3 does (which Speakeasy reads specs with): underscores
# are dropped after the sign and base prefix, `0b`/`0o`/`0x` in either case, signed prefixed
# numbers (`1_000` is 1000, `0b101` is 5, `-0x1` is -1). PyYAML is made to read them the same
# (checked token by token against yaml-rs in tests/test_yaml_input.py), so an unrelated anchor,
# which sends a file down this path, never changes a value. Plain `012` stays decimal on both
# (yaml.v3 alone would read YAML 1.1 octal). Tags beyond the core schema (`!!binary`,
# `!!timestamp`, `!!omap`, local `!tags`...) keep their node as plain data, as yaml-rs does;
# `!!set` becomes a mapping to nulls (what YAML defines a set as), JSON having no sets.
_NUMBER_TAG = "tag:modelgen:number"
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_PREFIXED = re.compile(r"0([xXoObB])([0-9a-fA-F_]*)")
_DIGITS = re.compile(r"[0-9]+")
_FLOAT_BODY = re.compile(r"(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_BASES = {"x": 16, "o": 8, "b": 2}


def _number(text: str) -> int | float | str:
    """A plain scalar that starts like a number, as yaml-rs reads it (the text when not a number)."""
    if _SPECIAL_FLOAT.fullmatch(text):
        return float(text.replace(".", ""))
    sign = text[:1] if text[:1] in ("+", "-") else ""
    rest = text[len(sign) :]
    try:
        prefixed = _PREFIXED.fullmatch(rest)
        if prefixed:
            value = int(prefixed[2].replace("_", ""), _BASES[prefixed[1].lower()])
            return -value if sign == "-" else value
        plain = rest.replace("_", "")
        if _DIGITS.fullmatch(plain):
            return int(sign + plain)
        if _FLOAT_BODY.fullmatch(plain):
            return float(sign + plain)
    except ValueError:  # digits not of the base, or past Python's 4,300-digit limit
        pass
    return text


def _construct_number(loader: Any, node: Any) -> int | float | str:
    return _number(loader.construct_scalar(node))


def _frozen(value: Any) -> Any:
    """A complex key as yaml-rs makes it hashable: a tuple for a sequence, a frozenset of pairs for a mapping."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return frozenset((key, _frozen(item)) for key, item in value.items())
    return value


def _construct_int(loader: Any, node: Any) -> int:
    text = loader.construct_scalar(node)
    return int(text, 0) if text.startswith(("0o", "0x")) else int(text)


def _construct_plain(loader: Any, node: Any) -> Any:
    """A node under a tag beyond the core schema, as the plain data it holds."""
    if isinstance(node, yaml.MappingNode):
        return _construct_mapping(loader, node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


def _yaml12(base: type) -> type:
    """`base` (a SafeLoader) reading scalars as yaml-rs does, first-wins repeated keys."""
    loader: Any = type("Yaml12" + base.__name__, (base,), {"yaml_implicit_resolvers": {}})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    loader.add_constructor(_NUMBER_TAG, _construct_number)
    for tag in ("binary", "timestamp", "omap", "pairs", "set"):
        loader.add_constructor(f"tag:yaml.org,2002:{tag}", _construct_plain)
    loader.add_multi_constructor("", lambda loader, _suffix, node: _construct_plain(loader, node))
    for tag, pattern, first in (
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
        (_NUMBER_TAG, r"^[-+]?[0-9._][-+0-9a-zA-Z._]*$", list("-+0123456789._")),
    ):
        loader.add_implicit_resolver(tag, re.compile(pattern), first)
    return loader


# libyaml recurses on the C stack with no limit: a document nested tens of thousands of levels
# deep crashes the interpreter (SIGSEGV). Text that might nest that deep goes to the pure-Python
# loader instead, which stops at Python's recursion limit with a RecursionError.
_C_SAFE_DEPTH = 2000
_DEEP_BLOCK = re.compile(rf"^[ \t\-?:]{{{_C_SAFE_DEPTH}}}", re.MULTILINE)
_FLOW_BRACKET = re.compile(r"[\[\]{}]")
_PyLoader = _yaml12(yaml.SafeLoader)
_CLoader = _yaml12(yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else _PyLoader


def _may_nest_deeply(text: str) -> bool:
    """An over-estimate: True unless the text surely nests fewer than `_C_SAFE_DEPTH` levels."""
    if _DEEP_BLOCK.search(text):
        return True
    if text.count("[") + text.count("{") < _C_SAFE_DEPTH:
        return False
    depth = deepest = 0
    for match in _FLOW_BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest >= _C_SAFE_DEPTH


def _loader(text: str, yaml12: bool = True) -> Any:
    if _CLoader is not _PyLoader and not _may_nest_deeply(text):
        return _CLoader if yaml12 else yaml.CSafeLoader
    return _PyLoader if yaml12 else yaml.SafeLoader


class _Redefinable(Composer):
    """A composer that lets an anchor be defined again: aliases then name its latest node."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


@cache
def _redefinable(base: Any) -> type:
    """`base` composing with `_Redefinable`; libyaml's own composer (in C) refuses a second
    definition, so there only its event parser is kept (0.5 s on a 10,000-line file, 2.3 s in
    pure Python)."""

    class Loader(_Redefinable, base):
        def __init__(self, stream: str) -> None:
            base.__init__(self, stream)
            Composer.__init__(self)

        get_single_node = Composer.get_single_node

    return Loader


def _compose_and_construct(text: str, loader_class: type, construct: bool = True) -> tuple[Any, Any, bool]:
    """The node tree, the data (when `construct`) and whether a mapping key repeated."""
    try:
        return _run(loader_class(text), construct)
    except yaml.composer.ComposerError as exc:
        if "duplicate anchor" not in str(exc.context):
            raise
    return _run(_redefinable(loader_class)(text), construct)


def _run(loader: Any, construct: bool) -> tuple[Any, Any, bool]:
    loader.repeated_keys = False
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if construct and root is not None else None
        return root, data, loader.repeated_keys
    finally:
        loader.dispose()


def load_yaml(text: str, path: str, warn: Warn | None = None) -> Any:
    """Parse `text` into plain data; YAML errors become positioned SpecErrors, repeated keys warnings."""
    try:
        root, data, repeated = _compose_and_construct(text, _loader(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise SpecError(f"invalid YAML: {exc.problem or exc}", file=path, line=line, col=col) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"cannot parse: {exc}", file=path) from None
    _check_aliases(data)
    if repeated and warn is not None:
        for warning in duplicate_keys(root):
            warning.file = path
            warn(warning)
    return data


def compose(text: str) -> Any:
    """The node tree of `text` (with positions), or None when it does not parse."""
    try:
        return _compose_and_construct(text, _loader(text, yaml12=False), construct=False)[0]
    except (yaml.YAMLError, RecursionError):
        return None


def position(text: str, pointer: str) -> tuple[int, int] | None:
    """1-based line and column of the node at JSON `pointer` (or its deepest existing ancestor)."""
    node = compose(text)
    if node is None:
        return None
    for token in pointer.lstrip("#").split("/")[1:]:
        token = unescape_pointer_token(token)
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == token), None)
        elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
            child = node.value[int(token)]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def _check_aliases(data: Any) -> None:
    """Refuse alias cycles and documents whose aliases expand past `_MAX_EXPANDED_NODES`."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        key = id(node)
        children = list(node.values()) if isinstance(node, dict) else node
        if done:
            active.discard(key)
            sizes[key] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if sizes[key] > _MAX_EXPANDED_NODES:
                raise SpecError(f"YAML aliases expand to more than {_MAX_EXPANDED_NODES:,} nodes")
            continue
        if key in active:
            raise SpecError("a YAML alias refers to a node that contains it (a cycle JSON cannot express)")
        if key in sizes:
            continue
        active.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children)


def duplicate_keys(root: Any) -> list[SpecError]:
    """Every repeated mapping key under the node `root`, in document order, with its position
    and pointer; the message gives the line of the first occurrence, the one kept."""
    found = []
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[object, int] = {}
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)  # as `mapping_key`
                if key in first:
                    mark = key_node.start_mark
                    message = f"duplicate key {key_node.value!r}: the first, on line {first[key]}, is kept"
                    found.append(SpecError(message, pointer=pointer, line=mark.line + 1, col=mark.column + 1))
                else:
                    first[key] = key_node.start_mark.line + 1
            stack.extend((v, join_pointer(pointer, k.value)) for k, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, join_pointer(pointer, i)) for i, v in reversed(list(enumerate(node.value))))
    return sorted(found, key=lambda error: (error.line, error.col))


def json_duplicate_keys(text: str) -> list[SpecError]:
    """`duplicate_keys` of a JSON text (JSON is YAML, but for tabs which PyYAML refuses as
    indentation: those become spaces, which moves no line or column)."""
    return duplicate_keys(compose(text.replace("\t", " ")))
