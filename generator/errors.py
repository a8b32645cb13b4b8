"""The one error type the pipeline raises for bad input, and how it is shown.

Every stage reports problems as a SpecError carrying the file and JSON pointer; the
line and column are looked up lazily (only when an error is actually shown), so the
fast loading path never pays for position tracking.

The shown line is `FILE:LINE:COL: #POINTER: message`, always one line: the pointer is
written as a URI fragment (RFC 6901 section 6), so spaces, colons-with-spaces, newlines
or control characters in a spec's keys cannot split it or make it ambiguous, and the
message has its whitespace collapsed and control characters replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Characters kept as they are in the shown pointer; everything else printable that is
# not ASCII punctuation with a meaning in URIs or Markdown is kept too (see _show_pointer).
_POINTER_UNSAFE = set(' %"<>\\^`{|}#')


class SpecError(Exception):
    """A problem in the user's spec, shown as `FILE:LINE:COL: #POINTER: message`."""

    def __init__(self, message: str, file: str = "", pointer: str = "", line: int = 0, col: int = 0):
        super().__init__(message)
        self.message = message
        self.file = file
        self.pointer = pointer
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.file or "<spec>"
        if self.file:  # a position is always shown for a file; 1:1 when no better one is known
            where += f":{self.line or 1}:{self.col or 1}"
        return f"{_one_line(where)}: {_show_pointer(self.pointer)}: {_one_line(self.message)}"


def _one_line(text: str) -> str:
    text = "".join(ch if ch.isprintable() or ch.isspace() else f"\\x{ord(ch):02x}" for ch in str(text))
    return " ".join(text.split())


def _show_pointer(pointer: str) -> str:
    """A JSON pointer as a URI fragment: `#/paths/~1a%20b`; unsafe characters percent-encoded."""
    body = pointer.removeprefix("#")
    out = []
    for ch in body:
        if ch in _POINTER_UNSAFE or not ch.isprintable():
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        else:
            out.append(ch)
    return "#" + "".join(out)


def escape_pointer_token(token: str) -> str:
    """Escape one JSON pointer segment (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: Any) -> str:
    """`pointer` extended by `tokens`, each escaped (RFC 6901)."""
    for token in tokens:  # called for every schema node: plain tokens skip the escaping
        text = str(token)
        pointer += "/" + (escape_pointer_token(text) if "~" in text or "/" in text else text)
    return pointer


# receives each warning (a SpecError that does not stop the run)
Warn = Callable[[SpecError], None]


def invalid_utf8(data: bytes, exc: UnicodeDecodeError, path: str) -> SpecError:
    """The error at the line and column (in characters) of the first byte that is not UTF-8."""
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
    byte = data[exc.start : exc.start + 1].hex()
    return SpecError(f"invalid UTF-8 (byte 0x{byte})", file=path, line=data.count(b"\n", 0, exc.start) + 1, col=col)
