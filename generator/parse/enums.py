"""Enums: their values, Python base type, `x-speakeasy-enums` labels and open/closed flags."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..ir import Const, Enum, EnumValue, Prim, Ref, TypeExpr
from .guards import text
from .site import Site

if TYPE_CHECKING:  # the builder calls this with itself
    from .schemas import SchemaBuilder


def build_enum(
    builder: SchemaBuilder,
    schema: dict[str, Any],
    site: Site,
    nullable: bool,
) -> tuple[TypeExpr, bool]:
    raw = schema["enum"]
    typed = schema.get("type")
    # `2.0` and `1e3` are integers to JSON Schema (and YAML reads `1e3` as a float): an integer enum keeps them
    # as ints, not a string enum of "2.0" that rejects the 2 the API sends
    whole = typed == "integer"
    values = [int(v) if whole and isinstance(v, float) and v.is_integer() else v for v in raw if v is not None]
    # a value listed twice is one member, where it first stands (novu 1.444 `ProvidersIdEnum`: `clickatell`
    # for email and again for SMS is one `CLICKATELL`)
    seen: set[str] = set()
    values = [v for v in values if not _seen(v, seen)]
    # a `null` among the values of a typed enum does not make it nullable: the type has no null
    # (bolt `credit_card_void_cause`, `type: string`); without a type the values are the type
    nullable = nullable or (typed is None and None in raw)
    if not values:
        return Const(None), True
    # no enum class for floats: plain `float` (squadcast `rolling_window_in_mins`)
    if typed == "number":
        return Prim("float"), nullable
    # an inline enum is named after its title, as an object is (airbyte `ValidCampaignStatuses` items)
    named = site.hint if site.component else str(schema.get("title") or site.hint)
    labels = [_enum_label(schema.get("x-speakeasy-enums"), v, raw) for v in values]
    if typed is None and builder.rules.untyped_bool_strings:
        values = [str(v).lower() if isinstance(v, bool) else v for v in values]
    decl = Enum(hint=named, pointer="", origin=site.origin(), base=_enum_base(values, typed))
    decl.values = [EnumValue(v, label=label) for v, label in zip(values, labels, strict=True)]
    decl.open = schema.get("x-speakeasy-unknown-values") == "allow"
    decl.closed = schema.get("x-speakeasy-unknown-values") == "disallow"
    decl.untyped = "type" not in schema
    return Ref(builder.register(decl, schema, site)), nullable


def _enum_base(values: list[Any], typed: Any) -> str:
    """The type of an enum's values (see `Enum.base`): a typed enum other than integer or boolean is
    a string enum (Speakeasy's), an untyped one keeps its values' JSON types."""
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    if all(isinstance(v, bool) for v in values) and typed in (None, "boolean"):
        return "bool"
    return "str" if typed is not None or all(isinstance(v, str) for v in values) else ""


def _enum_label(names: Any, value: Any, raw: list[Any]) -> str:
    """The `x-speakeasy-enums` member name for `value`: a list parallel to `enum`, or a value -> name map.
    A list of another length is still read by position (vercel 1.293 `CreateWebhookEvents`: one name too
    many, so `domain.created` is `BudgetCreated`); values past its end have none."""
    if isinstance(names, dict):
        return text(names.get(value, names.get(str(value))))
    if isinstance(names, list) and len(names) > raw.index(value):
        return _label(names[raw.index(value)])
    return ""


def _label(value: Any) -> str:
    """An `x-speakeasy-enums` name; YAML reads an unquoted `TRUE`/`FALSE` as a boolean (plexpy `BoolInt`)."""
    return str(value).upper() if isinstance(value, bool) else text(value)


def _seen(value: Any, seen: set[str]) -> bool:
    """Whether `value` (any JSON value) is in `seen`, adding it if not; `1`, `1.0` and `true` stay apart."""
    key = type(value).__name__ + ":" + json.dumps(value, sort_keys=True, default=str)
    if key in seen:
        return True
    seen.add(key)
    return False
