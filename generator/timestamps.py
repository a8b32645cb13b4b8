"""Unquoted YAML timestamps in examples, printed the way Speakeasy's Go generator prints them.

YAML 1.1 reads `example: 2024-08-15T12:34:56.000Z` (no quotes) as a timestamp, and Speakeasy's
docs then show Go's `time.Time` text, `2024-08-15 12:34:56 +0000 UTC` (cribl-mgmt); a quoted
`'2019-06-24T11:38:02Z'` stays as written. Our loader keeps every timestamp a string (fast and
lossless), so the unquoted ones are found in the text instead: one regular-expression pass per
YAML document, only over `example:` values and list items.
"""

from __future__ import annotations

import re

_TIMESTAMP = r"(\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::?\d\d)?))?)?)"
# Each pattern starts with a literal, which keeps the scan to a few milliseconds on a 4 MB spec.
_EXAMPLE = re.compile(r"example:[ \t]+" + _TIMESTAMP + r"[ \t]*(?:#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"-[ \t]+" + _TIMESTAMP + r"[ \t]*(?:#.*)?$", re.MULTILINE)
_PARTS = re.compile(
    r"(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|[-+]\d\d?(?::?\d\d)?))?)?$"
)


def unquoted_timestamps(text: str) -> set[str]:
    """Every timestamp written without quotes as an `example:` value or a list item."""
    if "example" not in text:
        return set()
    found = {match.group(1) for match in _EXAMPLE.finditer(text)}
    for match in _ITEM.finditer(text):  # a list item: only indentation (or other dashes) before it
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start : match.start()].strip(" \t-"):
            found.add(match.group(1))
    return found


def go_time(text: str) -> str:
    """Go's `time.Time.String()` of a YAML timestamp: `2024-08-15 12:34:56 +0000 UTC`."""
    match = _PARTS.match(text)
    if match is None:
        return text
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    clock = f"{int(hour or 0):02d}:{int(minute or 0):02d}:{int(second or 0):02d}"
    fraction = (fraction or "")[:9].rstrip("0")
    if fraction:
        clock += "." + fraction
    if not zone or zone == "Z":
        offset, name = "+0000", "UTC"
    else:
        sign, rest = zone[0], zone[1:].replace(":", "")
        hours, minutes = (rest[:-2], rest[-2:]) if len(rest) > 2 else (rest, "00")
        offset = f"{sign}{int(hours):02d}{minutes}"
        name = offset if offset not in ("+0000", "-0000") else "UTC"
    return f"{year}-{int(month):02d}-{int(day):02d} {clock} {offset} {name}"
