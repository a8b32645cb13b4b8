"""Black-stable layout for the few statement shapes the Python template emits.

Generation must not run black (it would dominate the run time), so the lines are laid
out here the way black lays them out (88 columns): a too-long `name: T = f(args)`
breaks after `f(`, then one argument per line with a trailing comma; a too-long
annotation breaks inside its outermost brackets. tests/test_black_stable.py checks it.
"""

from __future__ import annotations

import re

LINE_LENGTH = 88
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def assignment(indent: str, target: str, annotation: str, call: str = "", args: list[str] | None = None) -> str:
    """`target: annotation` or `target: annotation = call(args)` (or `= call` with no args)."""
    head = f"{indent}{target}: {annotation}"
    if not call:
        return head if len(head) <= LINE_LENGTH else _split_brackets(indent, f"{target}: ", annotation, "")
    if args is None:
        line = f"{head} = {call}"
        if len(line) <= LINE_LENGTH:
            return line
        return _split_brackets(indent, f"{target}: ", annotation, f" = {call}")
    joined = ", ".join(args)
    line = f"{head} = {call}({joined})"
    if len(line) <= LINE_LENGTH:
        return line
    opener = f"{head} = {call}("
    if len(opener) > LINE_LENGTH:
        return _split_brackets(indent, f"{target}: ", annotation, f" = {call}({joined})")
    inner = indent + "    "
    if len(inner + joined) <= LINE_LENGTH:
        return f"{opener}\n{inner}{joined}\n{indent})"
    body = "\n".join(f"{inner}{a}," for a in args)
    return f"{opener}\n{body}\n{indent})"


def _split_brackets(indent: str, prefix: str, annotation: str, suffix: str) -> str:
    """Break an over-long annotation inside its outermost `[...]` (black's right-hand split)."""
    if "[" not in annotation or not annotation.endswith("]"):
        return f"{indent}{prefix}{annotation}{suffix}"
    outer, _, rest = annotation.partition("[")
    body = rest[:-1]
    inner = indent + "    "
    if len(inner + body) <= LINE_LENGTH or "[" not in body:
        return f"{indent}{prefix}{outer}[\n{inner}{body}\n{indent}]{suffix}"
    return f"{indent}{prefix}{outer}[\n{_split_brackets(inner, '', body, '')}\n{indent}]{suffix}"


def docstring(text: str, indent: str) -> str:
    """A docstring for `text` that cannot be broken out of, laid out as black would."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.strip() for line in text.strip().split("\n")]
    if not lines or not lines[0]:
        return ""
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]
    if lines[-1].endswith('"'):
        lines[-1] += " "
    body = "\n".join([lines[0]] + [(indent + line) if line else "" for line in lines[1:]])
    last = len(lines[-1]) + (len(indent) + 3 if len(lines) == 1 else len(indent))
    closing = f"\n{indent}" if last + 3 > LINE_LENGTH else ""
    return f'{indent}"""{body}{closing}"""'


def comment_safe(text: str) -> str:
    """One line of text that can sit in a `#` comment or inside a triple-quoted docstring.

    Backslashes and double quotes are escaped, so the text can neither close the
    docstring nor start an escape sequence (`\\N{...}`, a trailing `\\`).
    """
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text.replace("\\", "\\\\").replace('"', '\\"')
