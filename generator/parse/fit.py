"""Whether a property's example fits its union: Speakeasy drops one that fits no variant, when the
union's variants carry a format it checks.

mammoth: `last_login_from_ip: oneOf [null, string/ipv4, string/ipv6]` shows no example for
`34.234.434.23` (no valid IPv4) nor for `{"value": "127.0.0.1"}` (an object), although its type
reads `OptionalNullable[str]`; but `source_id: oneOf [integer, string]` keeps `{"value": 77}` and
`email: oneOf [null, string]` keeps an object too. So only unions with an `ipv4`/`ipv6` variant
(the only formats in the corpus) are checked, by JSON type and by the format.
"""

from __future__ import annotations

import ipaddress
from typing import Any

_FORMATS = {"ipv4": 4, "ipv6": 6}  # the IP version each format asks for
_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def fits_union(value: Any, schema: dict) -> bool:
    """False only when `schema` is a union with a format-checked variant and `value` fits no variant."""
    variants = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(variants, list) or not any(_format(v) in _FORMATS for v in variants):
        return True
    return any(_fits(value, variant) for variant in variants)


def _fits(value: Any, variant: Any) -> bool:
    if not isinstance(variant, dict) or not isinstance(variant.get("type"), str) or variant["type"] not in _TYPES:
        return True  # a $ref, a nested union, a type list...: not judged here
    kind = variant["type"]
    if isinstance(value, bool) and kind != "boolean":
        return False
    if not isinstance(value, _TYPES[kind]):
        return False
    if kind == "string" and _format(variant) in _FORMATS:
        try:
            address = ipaddress.ip_address(str(value))
        except ValueError:
            return False
        return address.version == _FORMATS[variant["format"]]
    return True


def _format(variant: Any) -> str:
    """The variant's `format`, "" when there is none (or it is not a string, as hostile specs have)."""
    found = variant.get("format") if isinstance(variant, dict) else None
    return found if isinstance(found, str) else ""
