"""Stage 1: read YAML/JSON documents and resolve `$ref`s, across files.

Loading uses libyaml when present (about five times faster than pure Python) with
YAML 1.2 core-schema scalars, so `2023-08-16`, `on` or `=` stay strings as OpenAPI
tooling expects. Source positions are not tracked while loading; `locate` re-reads a
file to find the line of a JSON pointer only when an error is reported.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import yaml

from .errors import SpecError, escape_pointer_token, unescape_pointer_token
from .timestamps import unquoted_timestamps


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


class _DuplicateKey(ValueError):
    """Raised by the JSON hook; the position is found afterwards by `_find_duplicate`."""


def _reject_duplicate_json_keys(pairs: list) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


try:  # a Rust YAML parser, 15-25x faster than libyaml on big specs; PyYAML stays the fallback
    import yaml_rs
except ImportError:  # pragma: no cover - depends on the platform's wheels
    yaml_rs = None

# A YAML anchor (`&name`) where a node may start. Documents with anchors skip yaml-rs, which
# copies every alias (a "billion laughs" document would exhaust memory); PyYAML shares them
# and `_check_aliases` then bounds the expanded size and refuses alias cycles.
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]+")
_MAX_EXPANDED_NODES = 5_000_000
# A \uD800-\uDFFF escape: JSON and YAML may spell lone surrogates, which UTF-8 cannot encode.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]|\\U0000[dD][89abcdefABCDEF]")


def _fast_yaml(text: str) -> Any:
    """YAML 1.2 via yaml-rs when installed; any failure is re-parsed by PyYAML for a positioned error."""
    if yaml_rs is not None and not _ANCHOR.search(text):
        try:
            return yaml_rs.loads(text, parse_datetime=False)
        except Exception:  # noqa: BLE001, S110 - every yaml-rs failure is re-diagnosed below
            pass
    data = yaml.load(text, Loader=_loader(text))
    _check_aliases(data)
    return data


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


def _find_duplicate(text: str) -> SpecError | None:
    """The first duplicated mapping key in `text` (JSON is YAML), with its position and pointer."""
    try:
        root = yaml.compose(text, Loader=_loader(text, yaml12=False))
    except (yaml.YAMLError, RecursionError):
        return None
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


def _without_lone_surrogates(node: Any) -> Any:
    """Replace unpaired surrogates (legal escapes, but not encodable text) with U+FFFD."""
    if isinstance(node, str):
        return node.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(node, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_without_lone_surrogates(v) for v in node]
    return node


def parse_text(text: str, path: str) -> Any:
    """Parse one document's text; JSON by extension or leading brace, YAML otherwise."""
    if not text.strip():
        raise SpecError("the file is empty", file=path)
    try:
        data = _parse(text, path)
    except SpecError as exc:
        if exc.message.startswith("duplicate key") and not exc.pointer:
            exc = _find_duplicate(text) or exc
        exc.file = exc.file or path
        raise exc from None
    except _DuplicateKey as exc:
        found = _find_duplicate(text) or SpecError(f"duplicate key {exc.args[0]!r}")
        found.file = path
        raise found from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise SpecError(f"invalid YAML: {exc.problem or exc}", file=path, line=line, col=col) from None
    except RecursionError:
        raise SpecError("nesting is too deep to parse", file=path) from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise SpecError(f"cannot parse: {exc}", file=path) from None
    if _SURROGATE_ESCAPE.search(text):
        data = _without_lone_surrogates(data)
    return data


def _parse(text: str, path: str) -> Any:
    if path.endswith(".json") or text.lstrip().startswith("{"):
        try:
            return json.loads(text, object_pairs_hook=_reject_duplicate_json_keys)
        except json.JSONDecodeError as exc:
            if path.endswith(".json"):
                raise SpecError(f"invalid JSON: {exc.msg}", line=exc.lineno, col=exc.colno) from None
    return _fast_yaml(text)


@dataclass
class Registry:
    """All documents reachable from the entry spec, keyed by absolute path."""

    root_path: str
    documents: dict[str, Any] = field(default_factory=dict)
    timestamps: set[str] = field(default_factory=set)  # unquoted YAML timestamps in examples (see `timestamps`)

    @classmethod
    def open(cls, path: str) -> Registry:
        absolute = os.path.abspath(path)
        registry = cls(absolute)
        registry.document(absolute)
        return registry

    @property
    def root(self) -> Any:
        return self.documents[self.root_path]

    def document(self, path: str) -> Any:
        if path not in self.documents:
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise SpecError(f"cannot read: {exc}", file=path) from None
            self.documents[path] = parse_text(text, path)
            if not path.endswith(".json") and not text.lstrip().startswith("{"):  # JSON quotes every string
                self.timestamps |= unquoted_timestamps(text)
        return self.documents[path]

    def resolve(self, ref: Any, base_file: str, pointer: str = "") -> tuple[str, str, Any]:
        """Follow one `$ref` from `base_file`; return (file, pointer, target node)."""
        if not isinstance(ref, str):
            raise SpecError("$ref must be a string", file=base_file, pointer=pointer)
        target_file, _, fragment = ref.partition("#")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target_file):
            raise SpecError(f"remote $ref {ref!r} is not supported", file=base_file, pointer=pointer)
        if target_file:
            target_file = os.path.normpath(os.path.join(os.path.dirname(base_file), target_file))
        else:
            target_file = base_file
        try:
            node = self.document(target_file)
        except SpecError as exc:
            if exc.file != target_file or exc.line:  # a positioned error inside the target: report it there
                raise
            raise SpecError(f"$ref {ref!r}: {exc.message}", file=base_file, pointer=pointer) from None
        if fragment and not fragment.startswith("/"):
            raise SpecError(f"unsupported $ref fragment in {ref!r}", file=base_file, pointer=pointer)
        tokens = []
        for raw in fragment.split("/")[1:]:
            token = _step(node, unescape_pointer_token(raw))
            if token is None and "%" in raw:  # refs written as URIs percent-encode their fragment
                token = _step(node, unescape_pointer_token(unquote(raw)))
            if token is None:
                raise SpecError(f"$ref {ref!r} points to nothing", file=base_file, pointer=pointer)
            node = node[token]
            tokens.append(token)
        return target_file, join_pointer("", *tokens) if tokens else "", node

    def locate(self, error: SpecError) -> SpecError:
        """Fill in the line/column of an error's pointer by re-reading its file."""
        if error.line or not error.file or not os.path.isfile(error.file):
            return error
        try:
            with open(error.file, encoding="utf-8") as handle:
                text = handle.read()
            node = yaml.compose(text, Loader=_loader(text, yaml12=False))
        except (yaml.YAMLError, OSError, UnicodeDecodeError, RecursionError):
            return error
        for token in error.pointer.lstrip("#").split("/")[1:]:
            token = unescape_pointer_token(token)
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == token), None)
            elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
                child = node.value[int(token)]
            if child is None:
                break
            node = child
        if node is not None:
            error.line, error.col = node.start_mark.line + 1, node.start_mark.column + 1
        return error


def _step(node: Any, token: str) -> Any:
    """The key or index `token` names in `node`, or None when there is no such child."""
    if isinstance(node, dict):
        if token in node:
            return token
        return next((key for key in node if not isinstance(key, str) and str(key) == token), None)
    if isinstance(node, list) and token.isdigit() and int(token) < len(node):
        return int(token)
    return None


def join_pointer(pointer: str, *tokens: Any) -> str:
    return pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)
