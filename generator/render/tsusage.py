"""The value of a TypeScript page's Example Usage block: an object literal as Speakeasy builds it.

A model's literal holds its required properties and those optional ones whose value the spec tells
(an example of theirs, or of a property inside them); a value comes from the property's example,
else is made from its type (`"<value>"`, `false`, one element of an array of objects...). Values
Speakeasy draws at random (numbers, most enum members, faker strings) cannot be reproduced: a
placeholder stands in. Example values are printed by their type: a date as `new Date("...")`, a
map's keys quoted, an object's keys as its TypeScript properties.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..casing import camel
from ..ir import Const, Decl, Enum, Field, ListOf, MapOf, Model, Prim, Ref, TypeExpr, Union
from .markdown import enum_literal

if TYPE_CHECKING:
    from .typescript import TsRules

PRINT_WIDTH = 80  # prettier's: a longer `let value: T = ...` or `key: "..."` line breaks after the colon


@dataclass(frozen=True)
class Sample:
    """Source text of a value, and whether it holds something the spec gave (an example)."""

    text: str
    told: bool = False


NULL = Sample("null")


def property_name(field: Field, rules: TsRules) -> str:
    """A field's TypeScript property: camelCase of its override or wire name. A request's body is gen.yaml's
    `requestBodyFieldName`, else a component's own name (orq-node 1.791 `updateBudgetRequest` of the component
    `UpdateBudgetRequest`, openrouter 1.761 `bulkAssignKeysRequest`; no TypeScript SDK of the corpus calls one
    `requestBody`), else `requestBody`."""
    if field.is_body:
        if field.name_override:
            return camel(field.name_override)
        if rules.body_field:
            return rules.body_field
        if isinstance(field.type, Ref) and field.type.decl.origin.from_component:
            return camel(field.type.decl.origin.input_of or field.type.decl.name)
        return "requestBody"
    return camel(field.name_override or field.wire_name)


def lone_member_examples(decls: list[Decl]) -> dict[int, Any]:
    """The object example of a union of one member, for that member when it has none of its own: a
    property's `oneOf: [object]` with the example beside it (orq-node 1.791 `load_balancer`, its two
    `models` shown on the member's page)."""
    lone: dict[int, Any] = {}
    for decl in decls:
        if isinstance(decl, Union) and len(decl.members) == 1 and decl.example is not None:
            member = decl.members[0]
            if isinstance(member, Ref) and isinstance(member.decl, Model) and member.decl.example is None:
                lone.setdefault(id(member.decl), decl.example.value)
    return lone


def model_literal(model: Model, rules: TsRules) -> str:
    return _Literal(rules).model(model, "", ()).text


def member_literal(expr: TypeExpr, rules: TsRules) -> str:
    """A union member's value on the union's page."""
    if isinstance(expr, Ref) and isinstance(expr.decl, Model):
        return model_literal(expr.decl, rules)
    if isinstance(expr, (ListOf, MapOf)):  # up to 1.517 one element (orq-node 1.517 `string[]`: "<value>")
        return _Literal(rules).made(expr, "", "", ()).text
    if isinstance(expr, Prim) and rules.seeded_draws and expr.name in ("bool", "float"):
        return "true" if expr.name == "bool" else "1284.03"
    if isinstance(expr, Prim):
        return {"str": '"<value>"', "bool": "false", "int": "1234", "float": "1234.56"}.get(expr.name, "null")
    return "null"


MAX_OBJECTS = 2000  # objects one literal writes at most: a spec can nest its models to any size


class _Literal:
    """Writes one page's literal. Whether a model's value holds an example is remembered per model, and
    the objects written are counted, so models that each hold others twice cannot take exponential time."""

    def __init__(self, rules: TsRules) -> None:
        self.rules = rules
        self.budget = MAX_OBJECTS
        self.telling: dict[int, bool] = {}

    def model(self, model: Model, indent: str, seen: tuple[Model, ...]) -> Sample:
        """The object's own example's values, else its properties' (see the module's docstring)."""
        self.budget -= 1
        if self.budget < 0:
            return Sample("{}")
        example = model.example.value if model.example is not None else self.rules.lone_examples.get(id(model))
        given = example if isinstance(example, dict) else {}
        lines = []
        told = bool(given)
        inner = indent + "  "
        for f in model.fields:
            if f.wire_name in given and (f.required or not _is_default(f, given[f.wire_name])):
                sample: Sample | None = Sample(_typed(given[f.wire_name], f.type, self.rules, inner), True)
            elif f.wire_name in given:  # an optional property at its default
                continue
            else:
                required = f.required or (id(model), f.wire_name) in self.rules.literal_tags
                sample = self.field(f, required, inner, seen + (model,))
            if sample is None:
                continue
            told = told or sample.told
            lines.append(_property(inner, _key(property_name(f, self.rules)), sample.text))
        return Sample("\n".join(["{"] + lines + [indent + "}"]) if lines else "{}", told)

    def field(self, f: Field, required: bool, indent: str, seen: tuple[Model, ...]) -> Sample | None:
        """A property's value, None when the literal leaves it out: optional and nothing the spec tells."""
        if not required and not self.rules.told_optionals:  # vercel 1.398: required properties only
            return None
        if f.example is not None and (required or not _is_default(f, f.example.value)):
            return Sample(_typed(f.example.value, f.type, self.rules, indent), True)
        if not required and not (self.rules.told_optionals and self.tells(f.type)):
            return None
        sample = self.made(f.type, property_name(f, self.rules), indent, seen)
        return sample if required or sample.told else None

    def tells(self, expr: TypeExpr) -> bool:
        """Whether the value made for `expr` holds an example (a model in a cycle is taken not to)."""
        target = expr.item if isinstance(expr, ListOf) else expr
        if not (isinstance(target, Ref) and isinstance(target.decl, Model)):
            return False
        model = target.decl
        if id(model) not in self.telling:
            self.telling[id(model)] = False
            self.telling[id(model)] = model.example is not None or any(
                f.example is not None or ((f.required or self.rules.told_optionals) and self.tells(f.type))
                for f in model.fields
            )
        return self.telling[id(model)]

    def made(self, expr: TypeExpr, name: str, indent: str, seen: tuple[Model, ...]) -> Sample:
        """A value for a type without an example: placeholders, one element of a list of objects."""
        rules = self.rules
        if isinstance(expr, Ref) and isinstance(expr.decl, Model):
            # a required field that recurses: the literal would never end
            return NULL if expr.decl in seen else self.model(expr.decl, indent, seen)
        if isinstance(expr, ListOf):
            item = expr.item
            if isinstance(item, Ref) and isinstance(item.decl, Model) and item.decl not in seen:
                element = self.model(item.decl, indent + "  ", seen)
                if element.told or not rules.random_lengths:
                    return Sample(f"[\n{indent}  {element.text},\n{indent}]", element.told)
            if isinstance(item, Prim) and item.name == "str" and not rules.random_lengths:
                return Sample(f'[\n{indent}  "<value>",\n{indent}]')
            return Sample("[]")
        if isinstance(expr, MapOf):
            if rules.random_lengths:
                return Sample("{}")
            value = self.made(expr.value, name, indent + "  ", seen)
            if value.text == "{}":  # a map of empty objects shows none (vercel 1.398 `definitions: {}`)
                return Sample("{}")
            return Sample(f'{{\n{indent}  "key": {value.text},\n{indent}}}', value.told)
        return _scalar(expr, name, rules)


def _is_default(f: Field, value: Any) -> bool:
    """Whether `value` is the property's default, which the literal leaves out when optional, be it the
    property's own example or the value the object's example gives it; a list or map never counts (an
    unseen 1.584 SDK shows `sort: ["createdAt", "desc"]`, its default, and leaves out `limit: 10` and
    `environment: "development"` though the object's example holds them)."""
    return f.default is not None and not isinstance(value, (list, dict)) and f.default.value == value


def _scalar(expr: TypeExpr, name: str, rules: TsRules) -> Sample:
    if isinstance(expr, Prim) and expr.name == "str":
        return Sample(_placeholder(name, rules))
    if isinstance(expr, Prim) and expr.name == "bool":
        return Sample("false")
    if isinstance(expr, Ref) and isinstance(expr.decl, Union):
        first = expr.decl.members[0] if expr.decl.members else None
        if isinstance(first, Prim) and first.name == "str":  # a union led by a string: its placeholder
            return Sample(_placeholder(name, rules))  # (openrouter 1.679 `content: "<value>"`)
    if isinstance(expr, Ref) and isinstance(expr.decl, Enum) and expr.decl.values:
        return Sample(enum_literal(expr.decl.values[0].value))
    if isinstance(expr, Const) and expr.value is not None:  # dwolla 1.759 `type: "business"`
        return Sample(json.dumps(expr.value, ensure_ascii=False))
    return NULL


def _typed(value: Any, expr: TypeExpr, rules: TsRules, indent: str) -> str:
    """An example value as the SDK's type holds it: dates as `Date`s, an object's keys as its properties, in
    the model's order, keys it does not declare dropped (vercel 1.398 `creator`: `id` last as declared)."""
    if isinstance(expr, Ref) and isinstance(expr.decl, Model) and isinstance(value, dict):
        inner = indent + "  "
        lines = [
            _property(inner, _key(property_name(f, rules)), _typed(value[f.wire_name], f.type, rules, inner))
            for f in expr.decl.fields
            if f.wire_name in value
        ]
        return "\n".join(["{"] + lines + [indent + "}"]) if lines else "{}"
    if isinstance(expr, ListOf) and isinstance(value, list) and value:
        items = [f"{indent}  {_typed(v, expr.item, rules, indent + '  ')}," for v in value]
        return "\n".join(["["] + items + [indent + "]"])
    if isinstance(expr, MapOf) and isinstance(value, dict) and value:
        inner = indent + "  "
        pairs = [
            _property(inner, json.dumps(str(k), ensure_ascii=False), _typed(v, expr.value, rules, inner))
            for k, v in value.items()
        ]
        return "\n".join(["{"] + pairs + [indent + "}"])
    if isinstance(expr, Prim) and expr.name in ("date", "datetime") and isinstance(value, str):
        return f"new Date({json.dumps(value, ensure_ascii=False)})"
    if (
        isinstance(expr, Prim)
        and expr.name == "str"
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
    ):
        return json.dumps(json.dumps(value))
    if isinstance(expr, Prim) and expr.name in ("int", "float") and isinstance(value, str) and _NUMBER.match(value):
        return value
    return _source(value, indent)


_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")


def _key(key: Any) -> str:
    """An object key as TypeScript source: bare when an identifier, else a quoted string."""
    return key if isinstance(key, str) and _IDENTIFIER.match(key) else json.dumps(str(key), ensure_ascii=False)


_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def _property(indent: str, key: str, value: str) -> str:
    """One `key: value,` line of an object literal; a scalar that makes it too long goes on the next line."""
    line = f"{indent}{key}: {value},"
    if len(line) <= PRINT_WIDTH or "\n" in value or value in ("{}", "[]"):
        return line
    return f"{indent}{key}:\n{indent}  {value},"


def _placeholder(name: str, rules: TsRules) -> str:
    """A required string without an example: `"<id>"` for `id` (and `...Id` from 1.419), `"<key>"` for `key`."""
    if name == "id" or (rules.id_placeholders and name.endswith("Id")):
        return '"<id>"'
    return '"<key>"' if name == "key" else '"<value>"'


def _source(value: Any, indent: str) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = [_property(indent + "  ", _key(k), _source(v, indent + "  ")) for k, v in value.items()]
        return "\n".join(["{"] + inner + [indent + "}"])
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = [f"{indent}  {_source(v, indent + '  ')}," for v in value]
        return "\n".join(["["] + inner + [indent + "]"])
    return json.dumps(value, ensure_ascii=False)


__all__ = ["PRINT_WIDTH", "member_literal", "model_literal", "property_name"]
