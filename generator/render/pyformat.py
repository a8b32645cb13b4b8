"""Black-stable layout of generated Python statements, without running black.

Running black on every generation would dominate the run time, so the statements the
templates print are laid out here by a small port of black's line splitting (88
columns): a statement that does not fit is split at its last bracket pair whose head
fits ("right-hand split", omitting trailers that fit), the right-hand side of `=` sits
in optional parentheses that are used only when nothing better exists, and a body that
still does not fit is split at its commas, one item a line with a trailing comma
(collection literals always explode). Only what the generator emits is handled: names,
dotted names, strings, numbers, brackets, commas, `:` and `=`; no comments, operators
or multi-line strings. tests/test_black_stable.py compares the result with black.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

LINE_LENGTH = 88
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_TOKEN = re.compile(r'\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.+-]+|[\[\](){},:=])')
_OPEN = {"[": "]", "(": ")", "{": "}"}


class CannotSplit(Exception):
    """This transform does not apply; black then tries the next one or keeps the line."""


class Leaf:
    __slots__ = ("kind", "literal", "match", "optional", "space", "text")

    def __init__(self, text: str, kind: str, space: bool) -> None:
        self.text = text
        self.kind = kind  # "open", "close", "comma", "eq" (statement `=`) or "atom"
        self.space = space  # a space separates it from the previous leaf
        self.match: Leaf | None = None  # the other bracket of a pair
        self.literal = False  # an opening bracket of a collection literal (or `(`...`)`)
        self.optional = not text  # black's invisible parentheses (made visible when used)


class Line:
    __slots__ = ("depth", "explode", "inside", "leaves")

    def __init__(self, leaves: list[Leaf], depth: int, inside: bool = False, explode: bool = False) -> None:
        self.leaves = leaves
        self.depth = depth
        self.inside = inside  # a bracket's body: may be split at its commas
        self.explode = explode  # black's `should_split_rhs`: a literal's items, one a line

    def __str__(self) -> str:
        # An invisible bracket keeps its leading space, as in black (it counts in widths).
        parts = ["    " * self.depth]
        for index, leaf in enumerate(self.leaves):
            parts.append((" " if leaf.space and index else "") + leaf.text)
        return "".join(parts)


def width(text: str) -> int:
    """Columns as black counts them: wide East Asian characters take two, combining ones none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _short(line: Line | str, limit: int = LINE_LENGTH) -> bool:
    return width(str(line)) <= limit


def layout(text: str, depth: int = 0) -> str:
    """`text`, one logical statement, laid out as black would at `depth` indentation levels."""
    plain = "    " * depth + text
    if width(plain) <= LINE_LENGTH:
        return plain
    return "\n".join(_transform(Line(_leaves(text), depth)))


def _leaves(text: str) -> list[Leaf]:
    """Tokens with their spacing; an annotation and a right-hand side get invisible parentheses."""
    leaves: list[Leaf] = []
    stack: list[Leaf] = []
    position = 0
    for found in _TOKEN.finditer(text):
        token = found.group(1)
        space = found.start(1) > position
        position = found.end()
        kind = "open" if token in _OPEN else "close" if token in ")]}" else "comma" if token == "," else "atom"
        leaf = Leaf(token, kind, space)
        if kind == "open":
            previous = leaves[-1] if leaves else None
            leaf.literal = token == "{" or space or previous is None or previous.kind != "atom" or previous.text in "=:"
            stack.append(leaf)
        elif kind == "close":
            opening = stack.pop()
            opening.match, leaf.match = leaf, opening
        elif token == "=" and not stack and space:
            leaf.kind = "eq"
        leaves.append(leaf)
    eq = next((i for i, leaf in enumerate(leaves) if leaf.kind == "eq"), len(leaves))
    if eq < len(leaves) - 1:
        _wrap(leaves, eq + 1, len(leaves))
    if len(leaves) > 2 and leaves[1].text == ":":
        _wrap(leaves, 2, eq)
    return leaves


def _wrap(leaves: list[Leaf], start: int, end: int) -> None:
    """Invisible parentheses around leaves[start:end] (black's optional parentheses)."""
    opening, closing = Leaf("", "open", True), Leaf("", "close", False)
    opening.match, closing.match, opening.literal = closing, opening, True
    leaves[start].space = False
    leaves[end:end] = [closing]
    leaves[start:start] = [opening]


def _transform(line: Line, force: bool = False) -> list[str]:
    """black's `transform_line`: keep a line that fits, else split it and lay out the pieces."""
    text = str(line)
    if _short(text) and not line.explode:
        return [text]
    transforms = [_delimiter_split, _rhs] if line.inside else [_rhs]
    for transform in transforms:
        try:
            parts = list(transform(line, force))
        except CannotSplit:
            continue
        if any(str(part).strip() == text.strip() for part in parts):
            continue
        result = [piece for part in parts for piece in _transform(part, force)]
        optional = [leaf for leaf in _depth0(line.leaves) if leaf.optional]
        if (
            transform is _rhs
            and not force
            and optional
            and not any(leaf.text for leaf in optional)
            and not _short(result[0])
        ):
            try:
                second = [piece for part in _rhs(line, True) for piece in _transform(part, True)]
            except CannotSplit:
                second = []
            if second and all(_short(piece) for piece in second):
                return second
        return result
    return [text]


def _depth0(leaves: list[Leaf]) -> list[Leaf]:
    depth, found = 0, []
    for leaf in leaves:
        if leaf.kind == "close":
            depth -= 1
        if depth == 0:
            found.append(leaf)
        if leaf.kind == "open":
            depth += 1
    return found


def _top_level_commas(leaves: list[Leaf]) -> list[int]:
    depth, found = 0, []
    for index, leaf in enumerate(leaves):
        if leaf.kind == "open":
            depth += 1
        elif leaf.kind == "close":
            depth -= 1
        elif leaf.kind == "comma" and depth == 0:
            found.append(index)
    return found


def _delimiter_split(line: Line, _force: bool) -> Iterator[Line]:
    """One item a line at the commas, with a trailing comma after the last."""
    commas = _top_level_commas(line.leaves)
    if not commas:
        raise CannotSplit("no delimiters")
    current: list[Leaf] = []
    for index, leaf in enumerate(line.leaves):
        current.append(leaf)
        if index in commas:
            yield Line(current, line.depth, inside=True)
            current = []
    if current:
        current.append(Leaf(",", "comma", False))
        yield Line(current, line.depth, inside=True)


class _Split:
    __slots__ = ("body", "closing", "head", "opening", "tail")

    def __init__(self, head: Line, body: Line, tail: Line, opening: Leaf, closing: Leaf) -> None:
        self.head, self.body, self.tail, self.opening, self.closing = head, body, tail, opening, closing


def _rhs(line: Line, force: bool) -> Iterator[Line]:
    """black's `right_hand_split_with_omits`: prefer a split whose first line fits."""
    first: list[Line] | None = None
    prefix: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        prefix[id(leaf)] = length
        length += len(leaf.text) + (1 if leaf.space else 0)
    for omit in _trailers_to_omit(line):
        if omit:
            target = next(
                (leaf.match for leaf in reversed(line.leaves) if leaf.kind == "close" and id(leaf) not in omit), None
            )
            if target is not None and target.text and prefix.get(id(target), 0) > LINE_LENGTH:
                continue
        lines = list(_right_hand_split(line, omit, force))
        if first is None and not omit:
            first = lines
        if _short(lines[0]):
            yield from lines
            return
    yield from first if first is not None else _right_hand_split(line, set(), force)


def _trailers_to_omit(line: Line) -> Iterator[set[int]]:
    """Growing sets of trailing bracket pairs that still fit on one line (black's generator)."""
    omit: set[int] = set()
    yield set(omit)
    length = 4 * line.depth
    opening: Leaf | None = None
    closing: Leaf | None = None
    inner: set[int] = set()
    leaves = line.leaves
    for index in range(len(leaves) - 1, -1, -1):
        leaf = leaves[index]
        length += len(leaf.text) + (1 if leaf.space else 0)
        if length > LINE_LENGTH:
            break
        previous = leaves[index - 1] if index > 0 else None
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.kind == "close":
                inner.add(id(leaf))
        elif leaf.kind == "close":
            if previous is not None and previous.kind == "open":
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield set(omit)
            if previous is not None and previous.kind == "comma":
                break
            if leaf.text:
                opening, closing = leaf.match, leaf


def _first_split(line: Line, omit: set[int]) -> _Split:
    """Head (through the opening bracket), body and tail of the last bracket pair not omitted
    whose body is not empty (an empty pair stays in the tail)."""
    leaves = line.leaves
    end = len(leaves) - 1
    while True:
        end = next((i for i in range(end, -1, -1) if leaves[i].kind == "close" and id(leaves[i]) not in omit), -1)
        closing = leaves[end] if end >= 0 else None
        opening = closing.match if closing is not None else None
        start = next((i for i in range(end - 1, -1, -1) if leaves[i] is opening), -1)
        if start < 0 or opening is None or closing is None:  # no pair, or its opening is in another line
            raise CannotSplit("no brackets")
        if start < end - 1:
            break
        end = start - 1  # an empty pair: look further left
    head, body, tail = leaves[: start + 1], leaves[start + 1 : end], leaves[end:]
    explode = opening.literal and bool(_top_level_commas(body[:-1]))
    split = _Split(
        Line(head, line.depth), Line(body, line.depth + 1, True, explode), Line(tail, line.depth), opening, closing
    )
    if not body and len(str(split.tail).strip()) < 3:
        raise CannotSplit("empty body")
    return split


def _right_hand_split(line: Line, omit: set[int], force: bool) -> Iterator[Line]:
    yield from _omitting_optional_parens(_first_split(line, omit), line, omit, force)


def _omitting_optional_parens(split: _Split, line: Line, omit: set[int], force: bool) -> Iterator[Line]:
    """Use the optional parentheses around a right-hand side only when nothing better exists."""
    if not force and not split.opening.text and not split.closing.text and _can_omit(split):
        omit = omit | {id(split.closing)}
        try:
            alternative = _first_split(line, omit)
            if _prefer_alternative(alternative, split):
                yield from _omitting_optional_parens(alternative, line, omit, force)
                return
        except CannotSplit:
            if not _can_be_split(split.body) and not _short(split.body):
                raise
    if not split.opening.text:
        split.opening.text, split.closing.text = "(", ")"
    for part in (split.head, split.body, split.tail):
        if part.leaves:
            yield part


def _can_be_split(line: Line) -> bool:
    """black's `can_be_split`: False for one leaf of black's (a dotted name is several: `Enum.MEMBER`)."""
    if len(line.leaves) != 1:
        return bool(line.leaves)
    text = line.leaves[0].text
    return not text.startswith('"') and ("." in text and (text[:1].isalpha() or text[:1] == "_") or text[:1] in "+-")


def _can_omit(split: _Split) -> bool:
    return len(_top_level_commas(split.body.leaves)) == 0


def _prefer_alternative(alternative: _Split, split: _Split) -> bool:
    """black's `_prefer_split_rhs_oop_over_rhs` for a plain assignment."""
    head = split.head.leaves
    if not (len(head) >= 2 and head[-2].kind == "eq"):
        return True
    if not any(leaf.kind in ("open", "close") for leaf in head[:-1]):
        return True
    if not _short(split.head, LINE_LENGTH - 1):
        return True
    for leaf in reversed(alternative.head.leaves):
        if leaf.kind == "eq":
            break
        if leaf.kind == "close":
            return True
    return any(leaf.kind == "eq" for leaf in alternative.head.leaves) and _short(alternative.head)


def docstring(text: str, indent: str) -> str:
    """A docstring for `text` that cannot be broken out of, laid out as black would."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.strip() for line in text.strip().split("\n")]
    if not lines or not lines[0]:
        return ""
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]
    if lines[-1].endswith('"'):  # escaped, not spaced: black's space would trail a line
        lines[-1] = lines[-1][:-1] + "\\x22"
    body = "\n".join([lines[0]] + [(indent + line) if line else "" for line in lines[1:]])
    # black moves the closing quotes down only in a multi-line docstring (one line keeps them)
    closing = f"\n{indent}" if len(lines) > 1 and len(indent) + len(lines[-1]) + 3 > LINE_LENGTH else ""
    return f'{indent}"""{body}{closing}"""'


def comment_safe(text: str) -> str:
    """One line of text that can sit in a `#` comment or inside a triple-quoted docstring.

    Backslashes and double quotes are escaped, so the text can neither close the
    docstring nor start an escape sequence (`\\N{...}`, a trailing `\\`).
    """
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text.replace("\\", "\\\\").replace('"', '\\"')
