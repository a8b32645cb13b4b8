"""TypeScript-SDK docs pages: what Speakeasy's TypeScript generator writes under `docs/models`.

Same IR as the Python pages, other spellings: camelCase property names, `string`/`number`
types, `components.X` labels, enums as a union of literals (`enumFormat: union`) or a table of
PascalCase members (`enumFormat: enum`), and Example Usage blocks in TypeScript. What depends
on the Speakeasy version or gen.yaml comes from the profile, into `TsRules`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..casing import camel, pascal_words
from ..ir import Decl, Enum, Field, ListOf, MapOf, Model, Prim, Ref, Stream, TypeExpr, Union
from ..profile import Profile
from .examples import example_cell
from .markdown import HEADERS, DocPage, enum_literal, field_description, plain_value, required_cell
from .types import DocStyle, doc_type

NO_EXAMPLES = "// No examples available for this model"


@dataclass(frozen=True)
class TsRules:
    """The TypeScript doc-format choices that depend on the Speakeasy version and gen.yaml."""

    module: str = ""  # the SDK's import name (gen.yaml `typescript.packageName`)
    usage: bool = True  # pages open with an Example Usage block (vercel 1.398 on; not dingify 1.331, vercel 1.293)
    enum_union: bool = True  # `enumFormat: union` (the default): literals, not a table of members
    body_field: str = "requestBody"  # gen.yaml `requestBodyFieldName`

    @classmethod
    def from_profile(cls, profile: Profile) -> TsRules:
        return cls(
            module=profile.sdk_package,
            usage=profile.ts_usage,
            enum_union=profile.ts_enum_union,
            body_field=profile.ts_body_field,
        )


def property_name(field: Field, rules: TsRules) -> str:
    """A field's TypeScript property: camelCase of its override or wire name; a request's body is `requestBody`."""
    if field.is_body:
        return camel(field.name_override) if field.name_override else rules.body_field
    return camel(field.name_override or field.wire_name)


def ts_page(decl: Decl, title: str, paragraphs: list[str], style: DocStyle, rules: TsRules) -> DocPage:
    if isinstance(decl, Enum):
        return _enum_page(decl, title, paragraphs, rules)
    if isinstance(decl, Union):
        page = DocPage("ts-union", title, paragraphs, usage_language="typescript")
        page.member_examples = [(member_label(m, style), _member_example(m, rules)) for m in decl.members]
        return page
    assert isinstance(decl, Model)
    page = DocPage("ts-model", title, paragraphs, usage_language="typescript")
    if rules.usage:
        code = NO_EXAMPLES if decl.error else "let value: " + decl.name + " = " + _example(decl, rules) + ";"
        page.usage = _import(decl, rules) + code
    examples = [example_cell(f.example) if f.example is not None else "" for f in decl.fields]
    with_examples = any(examples)
    page.rows.append(list(HEADERS) + (["Example"] if with_examples else []))
    for f, example in zip(decl.fields, examples):
        name = property_name(f, rules)
        row = [
            f"~~`{name}`~~" if f.deprecated else f"`{name}`",
            doc_type(f, style),
            required_cell(f),
            field_description(f),
        ]
        page.rows.append(row + ([example] if with_examples else []))
    return page


def _import(decl: Decl, rules: TsRules) -> str:
    folder = "/" + decl.namespace if decl.namespace else ""
    return f'import {{ {decl.name} }} from "{rules.module}/models{folder}";\n\n'


def _member_example(expr: TypeExpr, rules: TsRules) -> str:
    if isinstance(expr, Ref) and isinstance(expr.decl, Model):
        return _example(expr.decl, rules)
    if isinstance(expr, ListOf):
        return "[]"
    if isinstance(expr, Prim):
        return {"str": '"<value>"', "bool": "false", "int": "1234", "float": "1234.56"}.get(expr.name, "null")
    return "null"


def _enum_page(enum: Enum, title: str, paragraphs: list[str], rules: TsRules) -> DocPage:
    if rules.enum_union:
        values = [enum_literal(v.value) for v in enum.values]
        page = DocPage("ts-enum-union", title, paragraphs, usage_language="typescript")
        page.members = [" | ".join(values)]
        if rules.usage:
            page.usage = _import(enum, rules) + f"let value: {enum.name} = {values[0]};"
        return page
    page = DocPage("ts-enum", title, paragraphs, usage_language="typescript")
    page.rows = [["Name", "Value"]] + [[f"`{pascal_words(str(v.value))}`", plain_value(v.value)] for v in enum.values]
    if rules.usage:
        page.usage = (
            _import(enum, rules) + f"let value: {enum.name} = {enum.name}.{pascal_words(str(enum.values[0].value))};"
        )
    return page


_TS_PRIMS = {
    "str": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "datetime": "Date",
    "date": "RFCDate",
}


def member_label(expr: TypeExpr, style: DocStyle) -> str:
    """A union member as its `### ` heading shows it: `string`, `components.X`, `components.X[]`."""
    if isinstance(expr, Stream):
        return f"EventStream<{member_label(expr.item, style)}>"
    if isinstance(expr, ListOf):
        return member_label(expr.item, style) + "[]"
    if isinstance(expr, MapOf):
        return "{ [k: string]: " + member_label(expr.value, style) + " }"
    if isinstance(expr, Ref):
        return style.label(expr.decl)
    if isinstance(expr, Prim):
        return _TS_PRIMS.get(expr.name, "any")
    return json.dumps(getattr(expr, "value", None))


def _example(model: Model, rules: TsRules, indent: str = "", seen: tuple[Model, ...] = ()) -> str:
    """A TypeScript object literal for the Example Usage block: the values of the object's own
    example, else of its properties' examples; required properties without one get a placeholder."""
    given = model.example.value if model.example is not None and isinstance(model.example.value, dict) else {}
    lines = []
    for f in model.fields:
        if f.wire_name in given:
            value = _source(given[f.wire_name], indent + "  ")
        elif f.required or f.example is not None:
            value = _value(f, rules, indent + "  ", seen + (model,))
        else:
            continue
        lines.append(f"{indent}  {_key(property_name(f, rules))}: {value},")
    return "\n".join(["{"] + lines + [indent + "}"]) if lines else "{}"


def _key(key: Any) -> str:
    """An object key as TypeScript source: bare when an identifier, else a quoted string."""
    return key if isinstance(key, str) and _IDENTIFIER.match(key) else json.dumps(str(key), ensure_ascii=False)


_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def _value(f: Field, rules: TsRules, indent: str, seen: tuple[Model, ...]) -> str:
    if f.example is not None:
        return _source(f.example.value, indent)
    if isinstance(f.type, Ref) and isinstance(f.type.decl, Model):
        if f.type.decl in seen:  # a required field that recurses: the literal would never end
            return "null"
        return _example(f.type.decl, rules, indent, seen)
    if isinstance(f.type, Prim) and f.type.name == "str":
        return '"<id>"' if f.wire_name == "id" else '"<value>"'
    if isinstance(f.type, ListOf):
        return "[]"
    return "null"


def _source(value: Any, indent: str) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = [f"{indent}  {_key(k)}: {_source(v, indent + '  ')}," for k, v in value.items()]
        return "\n".join(["{"] + inner + [indent + "}"])
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = [f"{indent}  {_source(v, indent + '  ')}," for v in value]
        return "\n".join(["["] + inner + [indent + "]"])
    return json.dumps(value, ensure_ascii=False)


__all__ = ["TsRules", "member_label", "property_name", "ts_page"]
