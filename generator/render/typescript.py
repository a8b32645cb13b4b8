"""TypeScript-SDK docs pages: what Speakeasy's TypeScript generator writes under `docs/models`.

Same IR as the Python pages, other spellings: camelCase property names, `string`/`number`
types, `components.X` labels, enums as a union of literals (`enumFormat: union`) or a table of
PascalCase members (`enumFormat: enum`), and Example Usage blocks in TypeScript. What depends
on the Speakeasy version or gen.yaml is read once into `TsRules`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..casing import pascal_words
from ..ir import (
    Decl,
    Enum,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    Model,
    Prim,
    Ref,
    Stream,
    TypeExpr,
    Union,
    ref_target,
    referenced,
)
from ..profile import Profile
from .doctypes import DocStyle
from .examples import example_cell
from .markdown import HEADERS, OPTIONAL, REQUIRED, DocPage, enum_literal, field_description, plain_value, required_cell
from .model_rules import is_open
from .tsusage import PRINT_WIDTH, member_literal, model_literal, property_name

NO_EXAMPLES = "// No examples available for this model"


@dataclass(frozen=True)
class TsRules:
    """The TypeScript doc-format choices that depend on the Speakeasy version and gen.yaml."""

    module: str = ""  # the SDK's import name (gen.yaml `typescript.packageName`)
    usage: bool = True
    enum_union: bool = True
    body_field: str = ""  # gen.yaml `requestBodyFieldName`, camelCase (see `tsusage.property_name`)
    date_label: str = "RFCDate"
    index_modules: bool = True
    module_suffix: str = ".js"
    union_usage: bool = False
    union_sections: bool = True
    open_enum_comment: bool = True
    tags_as_literals: bool = True
    const_literals: bool = True
    stream_examples: bool = True
    id_placeholders: bool = True
    random_lengths: bool = True
    told_optionals: bool = True
    seeded_draws: bool = True
    open_enums: bool = False  # gen.yaml `forwardCompatibleEnumsByDefault` (see `model_rules.is_open`)
    literal_tags: frozenset[tuple[int, str]] = frozenset()  # (model, property) pairs: see `literal_tags`
    timestamps: frozenset[str] = frozenset()  # example strings written as unquoted YAML timestamps
    file_senders: frozenset[int] = frozenset()  # models reaching a file upload: see `file_senders`
    lone_examples: dict[int, Any] = field(default_factory=dict)  # see `tsusage.lone_member_examples`

    @classmethod
    def from_profile(cls, profile: Profile) -> TsRules:
        """Each field is the Profile's rule of the same name (`ts_...`), where its evidence is."""
        return cls(
            module=profile.sdk_package,
            usage=profile.ts_usage,
            enum_union=profile.ts_enum_union,
            body_field=profile.ts_body_field,
            date_label=profile.ts_date_label,
            index_modules=profile.ts_index_modules,
            module_suffix=profile.ts_module_suffix,
            union_usage=profile.ts_union_usage,
            union_sections=profile.ts_union_sections,
            open_enum_comment=profile.ts_open_enum_comment,
            tags_as_literals=profile.ts_tags_as_literals,
            const_literals=profile.ts_const_literals,
            stream_examples=profile.ts_stream_examples,
            id_placeholders=profile.ts_id_placeholders,
            random_lengths=profile.ts_random_lengths,
            told_optionals=profile.ts_told_optionals,
            seeded_draws=profile.ts_seeded_draws,
            open_enums=profile.open_enums,
        )


def literal_tags(decls: list[Decl]) -> frozenset[tuple[int, str]]:
    """Properties a union's members tell themselves apart by: required, and in every member of every
    union holding the model an enum of one value, the values all different, the union of two members
    or more. From 1.679 such a property's type reads as its value (`*"text"*`), not a link to the enum
    (orq-node-1791, openrouter 1.679, lapyme 1.768; openrouter 1.606 and orq 1.517 still link). A
    one-member union tells nothing apart (orq-node-1791 `CreateImageLoadBalancer1.type` links
    `CreateImageLoadBalancerType`), nor does an optional tag (orq-node-1791 `Data2.type`, defaulted,
    links `ListKnowledgeBasesDataKnowledgeType`). A member's property a declared discriminator names, one value
    and defaulted, reads as its value too and is required, optional as declared (orq-node-1791 `CodeToolInput.type`;
    a defaulted one outside a discriminated union links: `Jury.tieValue`). A model some field holds as well (its
    type, list items or map values) is no mere member: its tag links (openrouter 1.679/1.761
    `ReasoningTextContent.type`, a member of the `part` unions and the items of `ReasoningItem.content`)."""
    unions: dict[int, list[Union]] = {}
    held: set[int] = set()  # models a field holds
    for decl in decls:
        if isinstance(decl, Union):
            for member in decl.members:
                if isinstance(member, Ref):
                    unions.setdefault(id(member.decl), []).append(decl)
        elif isinstance(decl, Model):
            held.update(id(t) for t in referenced(decl, with_additional=False))
    tags = set()
    for decl in decls:
        if isinstance(decl, Union) and decl.discriminator:
            for member in decl.members:
                if isinstance(member, Ref) and isinstance(member.decl, Model):
                    for f in member.decl.fields:
                        if f.wire_name == decl.discriminator and _one_value(f) is not None and f.default is not None:
                            tags.add((id(member.decl), f.wire_name))
    for decl in decls:
        if not isinstance(decl, Model) or id(decl) not in unions or id(decl) in held:
            continue
        for f in decl.fields:
            if f.required and _one_value(f) is not None and all(_tells_apart(u, f.wire_name) for u in unions[id(decl)]):
                tags.add((id(decl), f.wire_name))
    return frozenset(tags)


def literal_only(decls: list[Decl], tags: frozenset[tuple[int, str]]) -> frozenset[int]:
    """The enums every use of which is a tag read as its literal (see `literal_tags`): from 1.679 they get
    no page, though they still take their names (orq-node 1.791 `ActionReviewedStreamingEventType` and the
    other streaming events' types, 484 pages; openrouter 1.679 48, 1.761 133: `ResponseInputTextType`...;
    lapyme 1.768 4). A use that links it (a union member, map values, a field no tag) keeps the page."""
    uses: dict[int, list[bool]] = {}  # enum -> whether each use is a literal tag
    for decl in decls:
        if isinstance(decl, Model):
            uses_here = [(f.type, (id(decl), f.wire_name) in tags) for f in decl.fields]
            uses_here += [(decl.additional, False)] if decl.additional is not None else []
        else:
            uses_here = [(member, False) for member in decl.members] if isinstance(decl, Union) else []
        for expr, tag in uses_here:
            target = ref_target(expr)
            if isinstance(target, Enum):
                uses.setdefault(id(target), []).append(tag)
    return frozenset(key for key, tagged in uses.items() if all(tagged))


def _one_value(f: Field) -> Any:
    if isinstance(f.type, Ref) and isinstance(f.type.decl, Enum) and len(f.type.decl.values) == 1:
        return f.type.decl.values[0].value
    return None


def _tells_apart(union: Union, name: str) -> bool:
    values = []
    for member in union.members:
        field = (
            next((f for f in member.decl.fields if f.wire_name == name), None)
            if isinstance(member, Ref) and isinstance(member.decl, Model)
            else None
        )
        value = _one_value(field) if field is not None else None
        if value is None:
            return False
        values.append(json.dumps(value))
    return len(values) > 1 and len(set(values)) == len(values)


def ts_page(decl: Decl, title: str, paragraphs: list[str], style: DocStyle, rules: TsRules) -> DocPage:
    if isinstance(decl, Enum):
        return _enum_page(decl, title, paragraphs, rules)
    if isinstance(decl, Union):
        page = DocPage("ts-union" if rules.union_sections else "ts-title", title, paragraphs)
        if rules.union_usage:
            page.usage = _import(decl, rules) + _let(decl.name, member_literal(decl.members[0], rules))
        examples = [
            (
                ""  # a stream's section has no example from 1.679 (`Profile.ts_stream_examples`)
                if isinstance(m, Stream) and not rules.stream_examples
                else "/* values here */" if rules.union_usage else member_literal(m, rules) + ";"
            )
            for m in decl.members
        ]
        page.member_examples = [
            (member_label(m, style), example) for m, example in zip(decl.members, examples, strict=True)
        ]
        return page
    assert isinstance(decl, Model)
    page = DocPage("ts-model", title, paragraphs, usage_language="typescript")
    upload = _is_file(decl)
    if rules.usage:
        # an error class's page shows none, nor does a component only error unions use, documented with the
        # errors (dwolla 1.622/1.759 `errors.InvalidExchangeTokenError`); nor a model that sends a file, itself
        # or through a property (orq `FileUploadRequestBody`, dwolla `CreateCustomerDocumentRequest`)
        error = decl.uses.error or decl.uses.error_member
        code = (
            NO_EXAMPLES
            if error or upload or id(decl) in rules.file_senders
            else _let(decl.name, model_literal(decl, rules))
        )
        page.usage = _import(decl, rules) + code
    # a file upload's model is `fileName` and a stream of bytes (orq-node 1.455-1.791, dwolla 1.622/1.759)
    fields = [f for f in decl.fields if f.required] if upload else decl.fields  # no content type
    # an unquoted YAML timestamp reads as Go prints it (dingify 1.331 `2024-05-23 11:14:27.682 +0000 UTC`)
    examples = [example_cell(f.example, timestamps=rules.timestamps) if f.example is not None else "" for f in fields]
    with_examples = any(examples)
    page.rows.append(list(HEADERS) + (["Example"] if with_examples else []))
    for f, example in zip(fields, examples, strict=True):
        name = property_name(f, rules)
        tag = (id(decl), f.wire_name) in rules.literal_tags  # a tag is required, defaulted or not
        row = [
            f"~~`{name}`~~" if f.deprecated else f"`{name}`",
            _literal_cell(f) if tag else type_cell(f.type, style, rules),
            REQUIRED if tag else required_cell(f),
            field_description(f),
        ]
        page.rows.append(row + ([example] if with_examples else []))
    if decl.additional is not None:  # the extra properties, last (orq-node-1791)
        extra = [
            "`additionalProperties`",
            f"Record<string, {type_cell(decl.additional, style, rules)}>",
            OPTIONAL,
            "N/A",
        ]
        page.rows.append(extra + ([""] if with_examples else []))
    return page


def _let(name: str, expr: str) -> str:
    """`let value: Name = expr;` as prettier breaks it when its first line is too long: a scalar after `=`
    when `let value: Name =` fits (dwolla 1.622 `...BankAccountType =` / `  "checking";`); else after
    `value:`, the rest indented, and after `=` as well when `  Name = ` and the value's first line are still
    too long (orq-client 1.419 `...MessagesType =` / `    "image_url";`, vercel 1.398 `...Matrix =` / `    {`)."""
    code = f"let value: {name} = {expr};"
    if len(code.split("\n", 1)[0]) <= PRINT_WIDTH:
        return code
    scalar = "\n" not in expr and not expr.startswith(("{", "["))
    if scalar and len(f"let value: {name} =") <= PRINT_WIDTH:
        return f"let value: {name} =\n  {expr};"
    if len(f"  {name} = {expr};".split("\n", 1)[0]) > PRINT_WIDTH:
        return f"let value:\n  {name} =\n" + "\n".join("    " + line for line in f"{expr};".split("\n"))
    return "let value:\n" + "\n".join("  " + line for line in f"{name} = {expr};".split("\n"))


def _import(decl: Decl, rules: TsRules) -> str:
    folder = "/" + decl.namespace if decl.namespace else ""
    if not rules.index_modules:
        folder += "/" + _module_file(decl) + rules.module_suffix
    line = f'import {{ {decl.name} }} from "{rules.module}/models{folder}";'
    if len(decl.name) > PRINT_WIDTH:  # prettier breaks a single name only when it is itself too long (vercel 1.398)
        line = f'import {{\n  {decl.name},\n}} from "{rules.module}/models{folder}";'
    return line + "\n\n"


def _module_file(decl: Decl) -> str:
    """The source file a model lives in without index modules: its component's, or `<operation>op`."""
    root = decl
    while root.origin.parent is not None:
        root = root.origin.parent
    if root.origin.from_component or not (root.origin.context or decl.origin.context):
        return root.name.lower()
    return pascal_words(root.origin.context or decl.origin.context).lower() + "op"


def _enum_page(enum: Enum, title: str, paragraphs: list[str], rules: TsRules) -> DocPage:
    if rules.enum_union:
        values = [enum_literal(v.value) for v in enum.values]
        page = DocPage("ts-enum-union", title, paragraphs, usage_language="typescript")
        open_enum = is_open(enum, rules.open_enums)
        if open_enum:
            captured = "Unrecognized<number>" if enum.base == "int" else "Unrecognized<string>"
            values.append(captured)
        page.members = [" | ".join(values)]
        if rules.usage:
            page.usage = _import(enum, rules) + _let(enum.name, values[0])
        if open_enum and rules.open_enum_comment:
            page.usage += f"\n\n// Open enum: unrecognized values are captured as {captured}"
        elif open_enum:
            page.notes = [
                f"This is an open enum. Unrecognized values will be captured as the `{captured}` branded type."
            ]
        return page
    page = DocPage("ts-enum", title, paragraphs, usage_language="typescript")
    page.rows = [["Name", "Value"]] + [[f"`{_member(v)}`", plain_value(v.value)] for v in enum.values]
    if rules.usage:
        page.usage = _import(enum, rules) + f"let value: {enum.name} = {enum.name}.{_member(enum.values[0])};"
    return page


def _member(value: EnumValue) -> str:
    """An enum member's name: its `x-speakeasy-enums` name, else its value, in PascalCase (vercel 1.293
    `CreateWebhookEvents`: `DEPLOYMENT_DASH_READY` -> `DeploymentDashReady` for `deployment-ready`)."""
    return pascal_words(value.label or str(value.value))


def _literal_cell(f: Field) -> str:
    return f"*{json.dumps(_one_value(f), ensure_ascii=False)}*"


_DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
_FILE = "[File](https://developer.mozilla.org/en-US/docs/Web/API/File)"
_BLOB = "[Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob)"


def _item(expr: TypeExpr) -> TypeExpr:
    return expr.item if isinstance(expr, ListOf) else expr


def _is_file(decl: Decl) -> bool:
    """A file upload's model (`parse.files`): its content is the file's bytes."""
    return isinstance(decl, Model) and any(isinstance(f.type, Prim) and f.type.name == "file" for f in decl.fields)


def file_senders(decls: list[Decl]) -> frozenset[int]:
    """The models a property of which is a file upload, or holds (through lists too) a model that is one
    of these: their pages show no example (see `ts_page`). Found backwards from the uploads, once."""
    holders: dict[int, list[Model]] = {}
    for decl in decls:
        if isinstance(decl, Model):
            for f in decl.fields:
                target = _item(f.type)
                if isinstance(target, Ref) and isinstance(target.decl, Model):
                    holders.setdefault(id(target.decl), []).append(decl)
    senders: set[int] = set()
    todo = [d for d in decls if _is_file(d)]
    while todo:
        for holder in holders.get(id(todo.pop()), []):
            if id(holder) not in senders:
                senders.add(id(holder))
                todo.append(holder)
    return frozenset(senders)


def type_cell(expr: TypeExpr, style: DocStyle, rules: TsRules) -> str:
    """The Type cell: scalars italic, models and enums linked, unions italic (`*components.X*`),
    lists `X[]`, maps `Record<string, X>`, dates linked to MDN or the SDK's RFCDate page."""
    if isinstance(expr, ListOf):
        return type_cell(expr.item, style, rules) + "[]"
    if isinstance(expr, MapOf):
        return f"Record<string, {type_cell(expr.value, style, rules)}>"
    if isinstance(expr, Ref):
        if isinstance(expr.decl, Union):
            return f"*{style.label(expr.decl)}*"
        link = f"[{style.label(expr.decl)}]({style.link(expr.decl)})"
        return f"{_FILE} | {_BLOB} | {link}" if _is_file(expr.decl) else link  # a file is also a File or Blob
    if isinstance(expr, Prim):
        if expr.name == "file":  # a file model's content
            return "*ReadableStream<Uint8Array>*"
        if expr.name == "datetime":
            return _DATE
        if expr.name == "date":
            return f"[{rules.date_label}]({'../' * (style.doc_dir.count('/') + 1)}types/rfcdate.md)"
        return f"*{_TS_PRIMS.get(expr.name, 'any')}*"
    value = getattr(expr, "value", None)
    if not rules.const_literals:  # the value's JSON type (`Profile.ts_const_literals`)
        return "*boolean*" if isinstance(value, bool) else "*number*" if isinstance(value, (int, float)) else "*string*"
    return f"*{json.dumps(value, ensure_ascii=False)}*"


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


__all__ = ["TsRules", "member_label", "property_name", "ts_page"]
