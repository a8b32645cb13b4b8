"""Stage 1: read YAML/JSON documents and resolve `$ref`s, across files.

YAML is read by yaml-rs (Rust, YAML 1.2: `2023-08-16`, `on` or `=` stay strings as OpenAPI
tooling expects); PyYAML (`yamlpos`) is imported only for what yaml-rs cannot take and
for positions. Source positions are not tracked while loading; `locate` re-reads a file
to find the line of a JSON pointer only when an error is reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from .errors import SpecError, Warn, invalid_utf8, join_pointer, unescape_pointer_token
from .safe_open import NotRegularFile, TooLarge, read_regular
from .timestamps import unquoted_timestamps


def _first_key_wins(pairs: list[Any]) -> dict[str, Any]:
    """A JSON object whose first occurrence of a repeated key wins, as in YAML (see `yamlpos`)."""
    result = dict(pairs)
    if len(result) < len(pairs):
        result = {}
        for key, value in pairs:
            result.setdefault(key, value)
        _repeated_json_keys.append(True)
    return result


_repeated_json_keys: list[bool] = []  # set by `_first_key_wins` during one `json.loads`


@lru_cache(maxsize=1)
def _yaml_rs() -> Any:
    """yaml-rs, a Rust YAML parser 15-25x faster than libyaml on big specs (PyYAML stays the
    fallback); imported on first use, which an up-to-date run never reaches (it costs 10 ms)."""
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - depends on the platform's wheels
        return None
    return yaml_rs


# A YAML anchor (`&name`) where a node may start. Documents with anchors skip yaml-rs, which
# copies every alias (a "billion laughs" document would exhaust memory); PyYAML shares them
# and `yamlpos` then bounds the expanded size and refuses alias cycles.
_ANCHOR = re.compile(r"&[^\s\[\]{},]")  # starts with a literal: scanned fast (36 ms less on orq)


def _has_anchor(text: str) -> bool:
    """An `&` that may start a node: at the start, or after white space, a BOM, `[`, `{`, `,`, `:` or `-`."""
    for match in _ANCHOR.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isspace() or before in "[{,:-\ufeff":
            return True
    return False


# A \uD800-\uDFFF escape: JSON and YAML may spell lone surrogates, which UTF-8 cannot encode.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]|\\U0000[dD][89abcdefABCDEF]")


def _fast_yaml(text: str, path: str, warn: Warn | None) -> Any:
    """YAML 1.2 via yaml-rs when installed; any failure (a repeated key too) is re-parsed by PyYAML."""
    yaml_rs = _yaml_rs()
    if yaml_rs is not None and not _has_anchor(text) and "!!set" not in text:  # yaml-rs: a Python set
        try:
            data = yaml_rs.loads(text, parse_datetime=False)
        except Exception:  # noqa: BLE001, S110 - every yaml-rs failure is re-diagnosed below
            pass
        else:
            if _keys_as_text(data):
                return data
    from .yamlpos import load_yaml

    return load_yaml(text, path, warn)


def _keys_as_text(data: Any) -> bool:
    """Turn yaml-rs's integer mapping keys (`200:`) into their digits, in place, as
    `yamlpos.mapping_key` does; False when a key needs its text, which only PyYAML keeps
    (`null:`, `true:`, `1.50:`), or two keys become one. One pass over the containers
    (4-8 ms on orq-2025-08's 2 MB; searching the text for such keys costs more)."""
    stack = [data] if type(data) is dict or type(data) is list else []
    pop, push, join = stack.pop, stack.append, "".join
    while stack:
        node = pop()
        values: Iterable[Any] = node
        if type(node) is dict:
            try:
                join(node)  # C-speed check that every key is a str
            except TypeError:
                if not _int_keys_as_text(node):
                    return False
            values = node.values()
        for value in values:
            if type(value) is dict or type(value) is list:
                push(value)
    return True


def _int_keys_as_text(node: dict[Any, Any]) -> bool:
    """Re-key `node` with its integer keys' digits; False if another kind of key is there or two keys meet."""
    if any(type(key) is not str and type(key) is not int for key in node):
        return False
    items = list(node.items())
    node.clear()
    node.update((str(key), value) for key, value in items)
    return len(node) == len(items)


def _without_lone_surrogates(node: Any) -> Any:
    """Replace unpaired surrogates (legal escapes, but not encodable text) with U+FFFD."""
    if isinstance(node, str):
        return node.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(node, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_without_lone_surrogates(v) for v in node]
    return node


def parse_text(text: str, path: str, warn: Warn | None = None) -> Any:
    """Parse one document's text; JSON by extension or leading brace, YAML otherwise.
    Each repeated mapping key is passed to `warn` (the first occurrence is kept)."""
    if not text.strip():
        raise SpecError("the file is empty", file=path)
    try:
        data = _parse(text, path, warn)
    except SpecError as exc:
        exc.file = exc.file or path
        raise exc from None
    except RecursionError:
        raise SpecError("nesting is too deep to parse", file=path) from None
    except (ValueError, TypeError) as exc:
        raise SpecError(f"cannot parse: {exc}", file=path) from None
    if _SURROGATE_ESCAPE.search(text):
        data = _without_lone_surrogates(data)
    return data


def _parse(text: str, path: str, warn: Warn | None) -> Any:
    if path.endswith(".json") or text.lstrip().startswith("{"):
        del _repeated_json_keys[:]
        try:
            data = json.loads(text, object_pairs_hook=_first_key_wins)
        except json.JSONDecodeError as exc:
            if path.endswith(".json"):
                raise SpecError(f"invalid JSON: {exc.msg}", line=exc.lineno, col=exc.colno) from None
        else:
            if _repeated_json_keys and warn is not None:
                from .yamlpos import json_duplicate_keys

                for warning in json_duplicate_keys(text):
                    warning.file = path
                    warn(warning)
            return data
    return _fast_yaml(text, path, warn)


MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # the largest public specs are under 10 MB; /dev/zero is endless


def read_document(path: str) -> tuple[str, str]:
    """A document's text (line ends as text-mode reading gives them, no byte-order mark) and the
    sha256 of its bytes: the digest of exactly what the output is built from, for the no-change
    shortcut. Only a regular file of at most `MAX_DOCUMENT_BYTES` is read (a FIFO would block,
    a device never end); opening does not block, so a FIFO is refused, not waited on."""
    try:
        data = read_regular(path, MAX_DOCUMENT_BYTES)
    except NotRegularFile:
        raise SpecError("cannot read: not a regular file", file=path) from None
    except TooLarge:
        raise SpecError(f"cannot read: larger than {MAX_DOCUMENT_BYTES:,} bytes", file=path) from None
    except OSError as exc:
        raise SpecError(f"cannot read: {exc.strerror or exc}", file=path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise invalid_utf8(data, exc, path) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff"), hashlib.sha256(data).hexdigest()


@dataclass
class Registry:
    """All documents reachable from the entry spec, keyed by absolute path."""

    root_path: str
    ref_root: str = ""  # a real path: `$ref`s read files under it only (see `reference_root`)
    documents: dict[str, Any] = field(default_factory=dict)
    timestamps: set[str] = field(default_factory=set)  # unquoted YAML timestamps in examples (see `timestamps`)
    digests: dict[str, str] = field(default_factory=dict)  # sha256 of each document's bytes, by path
    warnings: list[SpecError] = field(default_factory=list)  # accepted oddities (repeated keys), positioned
    converted: set[str] = field(default_factory=set)  # the Swagger 2.0 documents read as OpenAPI 3 (`swagger`)

    @classmethod
    def open(cls, path: str, ref_root: str = "") -> Registry:
        """The registry of the spec at `path`, its `$ref`s confined to `ref_root` (by default
        the repository holding the spec, or its folder outside any repository)."""
        absolute = os.path.abspath(path)
        registry = cls(absolute, os.path.realpath(ref_root or reference_root(absolute)))
        registry.document(absolute)
        return registry

    @property
    def root(self) -> Any:
        return self.documents[self.root_path]

    def document(self, path: str) -> Any:
        if path not in self.documents:
            text, self.digests[path] = read_document(path)
            document = parse_text(text, path, self.warnings.append)
            if isinstance(document, dict) and "swagger" in document:
                from .swagger import convert, is_swagger2

                if is_swagger2(document):
                    document = convert(document, path)
                    self.converted.add(path)
            elif self.root_path in self.converted and isinstance(document, dict) and "openapi" not in document:
                from .swagger import convert_fragment  # a file of a Swagger spec split into several

                document = convert_fragment(document, path)
                self.converted.add(path)
            self.documents[path] = document
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
        if "\x00" in target_file:  # no file name holds one (os calls raise ValueError)
            raise SpecError(
                f"$ref {ref!r}: cannot read: a NUL character in a file name", file=base_file, pointer=pointer
            )
        if target_file:
            target_file = os.path.normpath(os.path.join(os.path.dirname(base_file), target_file))
            if target_file not in self.documents:
                self._check_under_root(target_file, ref, base_file, pointer)
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
        if target_file in self.converted and target_file != base_file:  # written against the Swagger original
            from .swagger import converted_pointer

            fragment = converted_pointer(target_file, fragment)
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

    def _check_under_root(self, target_file: str, ref: str, base_file: str, pointer: str) -> None:
        """Refuse a `$ref` to a file outside the reference root, symbolic links resolved."""
        real = os.path.realpath(target_file)
        if self.ref_root and os.path.commonpath([real, self.ref_root]) != self.ref_root:
            raise SpecError(
                f"$ref {ref!r} reads {real}, outside the reference root {self.ref_root} "
                "(widen it with --ref-root or `ref-root` in [tool.modelgen])",
                file=base_file,
                pointer=pointer,
            )

    def locate(self, error: SpecError) -> SpecError:
        """Fill in the line/column of an error's pointer by re-reading its file."""
        if error.line or not error.file or not os.path.isfile(error.file):
            return error
        try:
            with open(error.file, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return error
        from .swagger import original_pointer  # a converted Swagger 2.0 file: back to its own pointers
        from .yamlpos import position

        error.pointer = original_pointer(error.file, error.pointer)
        found = position(text, error.pointer)
        if found is not None:
            error.line, error.col = found
        return error


def reference_root(spec_path: str) -> str:
    """The default reference root: the nearest folder above the spec holding `.git` (its
    repository), else the spec's own folder."""
    folder = start = os.path.dirname(os.path.realpath(spec_path))
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return start
        folder = parent


def _step(node: Any, token: str) -> Any:
    """The key or index `token` names in `node`, or None when there is no such child."""
    if isinstance(node, dict):
        return token if token in node else None
    if isinstance(node, list) and token.isdigit() and int(token) < len(node):
        return int(token)
    return None
