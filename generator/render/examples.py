"""The Example cell of a Fields table, printed the way Speakeasy's Go generator prints values.

Scalars follow Go's `%v` (`<nil>` for null, `1.6330368e+09` for large floats); objects and
arrays are Go `json.MarshalIndent(v, "", "")`: one element per line, no indentation,
`<`, `>` and `&` escaped as `\\u003c`..., keys in spec order (the oldest generators: `json.Marshal` of a
Go map, all on one line with keys sorted, see `Profile.compact_examples`). The table filter turns the
newlines into `<br/>` later, so the text here is the raw cell.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..ir import Example
from ..timestamps import go_time

_HTML_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def example_cell(
    example: Example,
    all_examples: bool = True,
    timestamps: frozenset[str] = frozenset(),
    null: str = "<nil>",
    compact: bool = False,
) -> str:
    """Raw cell text; several OpenAPI 3.1 examples are numbered and joined by a literal `<br/>`
    (older generators show only the first). `timestamps`: strings that were unquoted YAML timestamps;
    `null`: how a null example reads (`<nil>`, newer generators `null`); `compact`: objects and arrays on
    one line."""
    if example.alternatives and all_examples:
        return "<br/>".join(
            f"**Example {i}:** {_scalar(v, timestamps, null, compact)}" for i, v in enumerate(example.alternatives, 1)
        )
    return _scalar(example.value, timestamps, null, compact)


def _scalar(value: Any, timestamps: frozenset[str], null: str, compact: bool) -> str:
    return go_time(value) if isinstance(value, str) and value in timestamps else go_value(value, null, compact)


def go_value(value: Any, null: str = "<nil>", compact: bool = False) -> str:
    """Go's `%v` for scalars; JSON (as above) for objects and arrays."""
    if isinstance(value, str):
        return value
    if value is None:
        return null
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _go_float(value, exponent_from=6)
    if isinstance(value, (dict, list)):
        return _json(value, compact)
    return str(value)


def _json(value: Any, compact: bool = False) -> str:
    colon, comma, open_, close = (":", ",", "", "") if compact else (": ", ",\n", "\n", "\n")
    if isinstance(value, dict):
        if not value:
            return "{}"
        pairs = sorted(value.items(), key=lambda kv: str(kv[0])) if compact else value.items()  # a Go map
        items = [_json_string(str(k)) + colon + _json(v, compact) for k, v in pairs]
        return "{" + open_ + comma.join(items) + close + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + open_ + comma.join(_json(v, compact) for v in value) + close + "]"
    if isinstance(value, str):
        return _json_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _go_float(value, exponent_from=21, json_style=True)
    return _json_string(str(value))


def _json_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).translate(_HTML_ESCAPES)


def _go_float(value: float, exponent_from: int, json_style: bool = False) -> str:
    """Shortest round-trip digits; exponent form outside [1e-4, 1e`exponent_from`) (JSON: 1e-6)."""
    if math.isnan(value) or math.isinf(value):
        return "NaN" if math.isnan(value) else ("+Inf" if value > 0 else "-Inf")
    if value == 0:
        return "0"
    digits, exponent = _shortest(value)
    low = -6 if json_style else -4
    if exponent < low or exponent >= exponent_from:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        sign = "-" if exponent < 0 else "+"
        exp = f"{abs(exponent):02d}" if not json_style else str(abs(exponent))
        return ("-" if value < 0 else "") + f"{mantissa}e{sign}{exp}"
    return ("-" if value < 0 else "") + _plain(digits, exponent)


def _shortest(value: float) -> tuple[str, int]:
    """(significant digits, decimal exponent of the first digit) of repr(abs(value))."""
    text = repr(abs(value))
    if "e" in text:
        mantissa, _, exp = text.partition("e")
        digits = mantissa.replace(".", "").rstrip("0") or "0"
        return digits, int(exp)
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    if whole != "0":
        digits = (whole + frac).rstrip("0")
        return digits, len(whole) - 1
    stripped = frac.lstrip("0")
    return stripped.rstrip("0"), -(len(frac) - len(stripped)) - 1


def _plain(digits: str, exponent: int) -> str:
    if exponent < 0:
        return "0." + "0" * (-exponent - 1) + digits
    if len(digits) <= exponent + 1:
        return digits + "0" * (exponent + 1 - len(digits))
    return digits[: exponent + 1] + "." + digits[exponent + 1 :]
