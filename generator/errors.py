"""The one error type the pipeline raises for bad input.

Every stage reports problems as a SpecError carrying the file and JSON pointer; the
line and column are looked up lazily (only when an error is actually shown), so the
fast loading path never pays for position tracking.
"""

from __future__ import annotations


class SpecError(Exception):
    """A problem in the user's spec, shown as `FILE:LINE:COL: POINTER: message`."""

    def __init__(self, message: str, file: str = "", pointer: str = "", line: int = 0, col: int = 0):
        super().__init__(message)
        self.message = message
        self.file = file
        self.pointer = pointer
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.file or "<spec>"
        if self.line:
            where += f":{self.line}:{self.col}"
        pointer = self.pointer or "#"
        text = " ".join(self.message.split())
        return f"{where}: {pointer}: {text}"


def escape_pointer_token(token: str) -> str:
    """Escape one JSON pointer segment (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")
