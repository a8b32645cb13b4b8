"""PyYAML, used only off the fast path: documents yaml-rs cannot take, and source positions.

Imported lazily (PyYAML's import alone costs more than yaml-rs parsing a small spec). Loading
uses libyaml when present with YAML 1.2 core-schema scalars, so `2023-08-16`, `on` or `=` stay
strings as OpenAPI tooling expects; the node tree it composes gives line and column numbers
for errors, and `find_duplicate` the position of a repeated key.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import SpecError, unescape_pointer_token
from .load import join_pointer

_MAX_EXPANDED_NODES = 5_000_000  # a "billion laughs" document is refused past this


def _construct_mapping(loader: Any, node: Any, deep: bool = False) -> dict:
    """SafeConstructor's mapping, refusing duplicate keys (the second one's position is reported)."""
    seen: set = set()
    for key_node, _ in node.value:
        key = (key_node.tag, key_node.value) if isinstance(key_node, yaml.ScalarNode) else id(key_node)
        if key in seen:
            mark = key_node.start_mark
            raise SpecError(f"duplicate key {key_node.value!r}", line=mark.line + 1, col=mark.column + 1)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_int(loader: Any, node: Any) -> int:
    text = loader.construct_scalar(node)
    return int(text, 0) if text.startswith(("0o", "0x")) else int(text)


def _yaml12(base: type) -> type:
    """`base` (a SafeLoader) with YAML 1.2 core-schema implicit types and duplicate-key errors."""
    loader: Any = type("Yaml12" + base.__name__, (base,), {"yaml_implicit_resolvers": {}})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    for tag, pattern, first in (
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
        ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
        (
            "tag:yaml.org,2002:float",
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            list("-+0123456789."),
        ),
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


def load_yaml(text: str, path: str) -> Any:
    """Parse `text` into plain data; YAML errors become positioned SpecErrors."""
    try:
        data = yaml.load(text, Loader=_loader(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise SpecError(f"invalid YAML: {exc.problem or exc}", file=path, line=line, col=col) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"cannot parse: {exc}", file=path) from None
    _check_aliases(data)
    return data


def compose(text: str) -> Any:
    """The node tree of `text` (with positions), or None when it does not parse."""
    try:
        return yaml.compose(text, Loader=_loader(text, yaml12=False))
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


def find_duplicate(text: str) -> SpecError | None:
    """The first duplicated mapping key in `text` (JSON is YAML), with its position and pointer."""
    root = compose(text)
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key_node, value in node.value:
                key = (key_node.tag, key_node.value) if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                if key in seen:
                    mark = key_node.start_mark
                    return SpecError(
                        f"duplicate key {key_node.value!r}", pointer=pointer, line=mark.line + 1, col=mark.column + 1
                    )
                seen.add(key)
            stack.extend((v, join_pointer(pointer, k.value)) for k, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, join_pointer(pointer, i)) for i, v in reversed(list(enumerate(node.value))))
    return None
