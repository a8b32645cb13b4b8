"""Examples: the value a property or parameter shows in the docs.

`example`, else the first of a 3.1 `examples` list (all of them are kept for versions that list
them), else a parameter's `examples` map. Speakeasy drops a property's example that fits no
variant of its union when the variants carry a format it checks:

mammoth: `last_login_from_ip: oneOf [null, string/ipv4, string/ipv6]` shows no example for
`34.234.434.23` (no valid IPv4) nor for `{"value": "127.0.0.1"}` (an object), although its type
reads `OptionalNullable[str]`; but `source_id: oneOf [integer, string]` keeps `{"value": 77}` and
`email: oneOf [null, string]` keeps an object too. So only unions with an `ipv4`/`ipv6` variant
(the only formats in the corpus) are checked, by JSON type and by the format.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from ..ir import Example
from .scalars import SCALARS

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


def parameter_example(param: dict[str, Any]) -> Example | None:
    """A parameter's own example: `example`, else the value of the first of its `examples` map."""
    if "example" in param:
        return Example(param["example"])
    examples = param.get("examples")
    if isinstance(examples, dict):
        for item in examples.values():
            if isinstance(item, dict) and "value" in item:
                return Example(item["value"])
    return None


def property_example(
    documented: dict[str, Any], schema: dict[str, Any], wrapped: list[dict[str, Any]]
) -> Example | None:
    """A property's example, unless its union has no variant it fits (see the module's docstring)
    or is one type written twice. An object example that lacks a property the wrapped schema
    (`wrapped`, the members of `oneOf: [null, $ref]` or `allOf`) requires gives way to that schema's
    own example (mammoth `ItemExportPatch.value`: `{"description": ...}` against `AddExportSpec`,
    which requires four properties, shows AddExportSpec's example; `AutomationTaskSchema.details`,
    whose TaskDetailsSchema requires none, and `DsInfo.display_info` keep their own)."""
    example = schema_example(documented)
    if example is None or _one_type_twice(schema) or _scalar_twice(documented):
        return None
    for target in wrapped:
        if _lacks_required(example.value, target) and (fallback := schema_example(target)) is not None:
            return fallback
    return example if fits_union(example.value, schema) else None


def _lacks_required(value: Any, schema: dict[str, Any]) -> bool:
    """An object value without a property `schema` requires."""
    required = schema.get("required")
    return isinstance(value, dict) and isinstance(required, list) and any(name not in value for name in required)


def _one_type_twice(schema: dict[str, Any]) -> bool:
    """`anyOf: [string, string/uri]` reads `str` and shows no example, in every version (orq-2024-11
    1.441 and orq-2025-08 1.606 `url` with an `examples` list; 1.318-1.438 bar and 1.700+ show
    examples lists elsewhere); a union of different types keeps its example (mammoth `size`), and a string
    enum is a type of its own (log10py 1.296/1.314 `model: anyOf [string, string enum]` shows `gpt-4-turbo`)."""
    variants = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(variants, list):
        return False
    kinds = [v.get("type") if isinstance(v, dict) and "enum" not in v else None for v in variants]
    kinds = [k for k in kinds if k != "null"]
    return len(kinds) > 1 and isinstance(kinds[0], str) and all(k == kinds[0] for k in kinds)


def _scalar_twice(schema: dict[str, Any]) -> bool:
    """A union writing one scalar type twice, the union Speakeasy types `Any` (`parse.unions`), shows no
    example, inline or referenced (openrouter 1.656 `BigNumberUnion`, `[number, string, number]` with
    `example: 1000`: no Example column). An enum is a type of its own (mammoth `WebhookPatchData.value`,
    `[boolean, string enum, string]`, and openrouter 1.761 TypeScript `PDFParserEngine`, two string
    enums, keep theirs)."""
    variants = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(variants, list):
        return False
    scalars = [
        "binary" if v.get("format") == "binary" else v["type"]
        for v in variants
        if isinstance(v, dict) and isinstance(v.get("type"), str) and v["type"] in SCALARS and "enum" not in v
    ]
    return len(scalars) > len(set(scalars))


def schema_example(schema: dict[str, Any]) -> Example | None:
    """A schema's own example: `example`, else the first of its `examples` list."""
    if "example" in schema:
        return Example(schema["example"])
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return Example(examples[0], list(examples) if len(examples) > 1 else None)
    return None


def fits_union(value: Any, schema: dict[str, Any]) -> bool:
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
