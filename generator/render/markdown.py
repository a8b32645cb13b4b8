"""Markdown docs: one page per declaration, in Speakeasy's `docs/models` format.

This module turns IR into plain text pieces (paragraphs, table rows, code); the Jinja
template lays out the page and the `table` filter pads the columns exactly as Speakeasy
does (every column to the width of the table's longest cell, measured before escaping, in display
columns: wide characters such as emoji take two).
What differs between Speakeasy versions and gen.yaml options comes from the profile, into DocRules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..casing import lower_camel
from ..ir import Decl, Enum, Example, Field, MapOf, Model, Ref, Stream, TypeExpr, Union, is_constant
from ..profile import Profile
from .doctypes import RAW_RESPONSE_LINKS, DocStyle, doc_type, member_type
from .examples import example_cell
from .mdsafe import block_safe, inert_html
from .model_rules import is_open
from .pyformat import width
from .unions import tag_values

HEADERS = ("Field", "Type", "Required", "Description")
REQUIRED = ":heavy_check_mark:"
OPTIONAL = ":heavy_minus_sign:"
DEFAULT_DEPRECATION = "This will be removed in a future release, please migrate away from it as soon as possible."


@dataclass(frozen=True)
class DocRules:
    """The doc-format choices that depend on the Speakeasy version and gen.yaml (see `Profile` for each)."""

    flavour: str = "python"
    module: str = ""  # the SDK's import name, for Example Usage blocks
    enum_usage: bool = False
    enum_list: bool = False
    open_enums: bool = False
    all_examples: bool = False
    renamed_files: frozenset[str] = frozenset()
    kebab_files: bool = False
    generator_streams: bool = False
    file_type: str = "Union[bytes, IO[bytes], io.BufferedReader]"
    timestamps: frozenset[str] = frozenset()  # example strings written as unquoted YAML timestamps
    null_example: str = "<nil>"  # a null example: Go's `<nil>` (outpost 1.741.7), `null` by 1.791 (outpost)
    compact_examples: bool = False  # object and array examples on one line (`Profile.compact_examples`)
    raw_response: str = RAW_RESPONSE_LINKS["v2"]  # an envelope's `raw_response` type (`Profile.raw_response`)
    bare_union_headings: bool = False  # `### IAMRole` / `authenticationMode: models.IAMRole` (`Profile`)
    union_members: bool = False  # a union's type cell lists its members (`Profile.union_members`)
    dataclass_extras: bool = False  # extra properties are a field `additional_properties` (`Profile.dataclasses`)
    nullable: bool = True  # `Nullable[...]` shows (`Profile.shows_nullable`)

    @classmethod
    def from_profile(cls, profile: Profile) -> DocRules:
        return cls(
            flavour=profile.flavour,
            module=profile.module if profile.python_docs else "",
            enum_usage=profile.enum_usage,
            enum_list=profile.enum_list,
            open_enums=profile.open_enums,
            all_examples=profile.all_examples,
            renamed_files=profile.renamed_files,
            kebab_files=profile.kebab_files,
            null_example=profile.null_example,
            compact_examples=profile.compact_examples,
            generator_streams=profile.generator_streams,
            file_type=profile.file_type,
            raw_response=profile.raw_response,
            bare_union_headings=profile.bare_union_headings,
            union_members=profile.union_members,
            dataclass_extras=profile.dataclasses,
            nullable=profile.shows_nullable,
        )


@dataclass
class DocPage:
    """Everything the Markdown template shows for one declaration."""

    kind: str  # "model", "enum", "enum-list", "union"; TypeScript: "ts-model", "ts-enum", "ts-enum-union", "ts-union"
    title: str
    paragraphs: list[str] = field(default_factory=list)  # description, deprecation notice
    rows: list[list[str]] = field(default_factory=list)  # first row is the header
    members: list[str] = field(default_factory=list)  # union member types, or enum-list values
    usage_language: str = ""
    usage: str = ""  # the code of the Example Usage block
    notes: list[str] = field(default_factory=list)  # paragraphs above an enum's values
    member_examples: list[tuple[str, str]] = field(default_factory=list)  # TypeScript union: (member, example)
    headings: list[str] = field(default_factory=list)  # union: each member's `### ` heading
    variable: str = "value"  # union: what each member's example assigns to


_CELL_SPECIALS = re.compile(r"[|\r\n\x00<]")


def escape_cell(text: str) -> str:
    """Make text safe inside a table cell: HTML inert (see `mdsafe`), pipes escaped, line breaks as <br/>."""
    if not _CELL_SPECIALS.search(text):  # most cells: nothing to escape
        return text
    text = inert_html(text.replace("\x00", ""))  # NUL first: `<\x00script>` would become a tag once it is gone
    return text.replace("|", "\\|").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def table(rows: list[list[str]]) -> str:
    """Lay out rows (header first) with every column padded to the longest raw cell."""
    size = max(width(cell) for row in rows for cell in row)

    def pad(cell: str) -> str:  # by display width: an emoji takes two columns (dingify 1.331 `🎉`)
        text = escape_cell(cell)
        return text + " " * (size - width(text))

    lines = ["| " + " | ".join(pad(c) for c in rows[0]) + " |"]
    lines.append("| " + " | ".join("-" * size for _ in rows[0]) + " |")
    for row in rows[1:]:
        lines.append("| " + " | ".join(pad(c) for c in row) + " |")
    return "\n".join(lines)


def deprecation_text(message: str) -> str:
    """Speakeasy appends a full stop to custom messages (even one that ends in '.')."""
    return message + "." if message else DEFAULT_DEPRECATION


def _member(expr: TypeExpr, style: DocStyle, rules: DocRules) -> str:
    if not isinstance(expr, Stream):
        return member_type(expr, style)
    item = member_type(expr.item, style)
    if rules.generator_streams:
        return f"Union[Generator[{item}, None, None], AsyncGenerator[{item}, None]]"
    return f"Union[eventstreaming.EventStream[{item}], eventstreaming.EventStreamAsync[{item}]]"


def heading(decl: Decl) -> tuple[str, list[str]]:
    """A page's title and the paragraphs under it (description, deprecation notice), in both flavours."""
    title = f"~~{decl.name}~~" if decl.deprecated else decl.name
    paragraphs = [block_safe(decl.description)] if decl.description else []
    if decl.deprecated:
        paragraphs.append(block_safe("> :warning: **DEPRECATED**: " + deprecation_text(decl.deprecation_message)))
    return title, paragraphs


def _listings(union: Union, member: TypeExpr) -> int:
    """How often a union's page lists `member`: once per discriminator value that picks it (cribl-cp 1.784
    `V3User`: `none` one member, `md5`..`sha512` the other, six times; its members are allOf-distributed
    copies of the components the mapping names), else once."""
    if not isinstance(member, Ref):
        return 1
    target = member.decl
    if not union.mapping and not union.discriminator:
        return len(_implied_tags(union).get(id(target), [])) or 1
    copied = target.origin.copy_of
    return max(1, sum(1 for picked in union.mapping.values() if picked is target or (copied and picked.hint == copied)))


def _implied_tags(union: Union) -> dict[int, list[object]]:
    """Without a declared discriminator, a property every member requires with values of its own (a const,
    or an enum's values) implies one: member -> its values (clay 1.789 `CellResult.status`: `CellPending`'s
    five values list it five times); {} when there is none."""
    members = [m.decl for m in union.members if isinstance(m, Ref) and isinstance(m.decl, Model)]
    if len(members) != len(union.members) or len(members) < 2:
        return {}
    for prop in sorted({f.wire_name for f in members[0].fields if f.required}):
        found: dict[int, list[object]] = {}
        for decl in members:
            tags = (
                tag_values(f.type, open_enums=False, alternatives=False)
                for f in decl.fields
                if f.wire_name == prop and f.required
            )
            values = next(tags, None)
            if not values:
                break
            found[id(decl)] = values
        seen = [v for values in found.values() for v in values]
        if len(found) == len(members) and len(seen) == len(set(map(str, seen))):
            return found
    return {}


def page_for(decl: Decl, style: DocStyle, rules: DocRules) -> DocPage:
    title, paragraphs = heading(decl)
    if isinstance(decl, Enum):
        return _enum_page(decl, title, paragraphs, rules)
    if isinstance(decl, Union):
        listed = [m for m in decl.members for _ in range(_listings(decl, m))]
        page = DocPage("union", title, paragraphs, members=[_member(m, style, rules) for m in listed])
        page.headings = [f"`{member}`" for member in page.members]
        if rules.bare_union_headings:
            page.headings = [m.decl.name if isinstance(m, Ref) else "" for m in listed]
            page.variable = lower_camel(decl.name)
        return page
    assert isinstance(decl, Model)
    page = DocPage("model", title, paragraphs)
    examples = [
        (
            example_cell(f.example, rules.all_examples, rules.timestamps, rules.null_example, rules.compact_examples)
            if f.example is not None
            else ""
        )
        for f in decl.fields
    ]
    with_examples = any(f.example is not None for f in decl.fields)
    page.rows.append(list(HEADERS) + (["Example"] if with_examples else []))
    for f, example in zip(decl.fields, examples, strict=True):
        name = f"~~`{f.name}`~~" if f.deprecated else f"`{f.name}`"
        row = [name, doc_type(f, style), required_cell(f), field_description(f)]
        if with_examples:
            row.append(example)
        page.rows.append(row)
    if decl.additional is not None and rules.dataclass_extras:
        # the v1 template's `additional_properties` field, placed by name among the optional fields (airbyte)
        extra = Field(wire_name="additional_properties", type=MapOf(decl.additional), required=False)
        row = [f"`{extra.wire_name}`", doc_type(extra, style), OPTIONAL, "N/A"] + ([""] if with_examples else [])
        # (after the fields without a default: a required const has one, airbyte SourcePostgresAllow `mode`)
        after = [
            i
            for i, f in enumerate(decl.fields, 1)
            if (f.required and not is_constant(f.type)) or f.name < extra.wire_name
        ]
        page.rows.insert(max(after, default=0) + 1, row)
    elif decl.additional is not None:  # the extra properties' field of the pydantic model, last
        extra = Field(wire_name="__pydantic_extra__", type=MapOf(decl.additional), required=False)
        page.rows.append(
            [f"`{extra.wire_name}`", doc_type(extra, style), OPTIONAL, "N/A"] + ([""] if with_examples else [])
        )
    return page


def required_cell(f: Field) -> str:
    return REQUIRED if f.required else OPTIONAL


def field_description(f: Field) -> str:
    if not f.deprecated:
        return f.description or "N/A"
    notice = ": warning: ** DEPRECATED **: " + deprecation_text(f.deprecation_message)
    return notice + "\n\n" + f.description if f.description else notice  # each line break counts one


def _enum_page(enum: Enum, title: str, paragraphs: list[str], rules: DocRules) -> DocPage:
    captured = "UnrecognizedInt" if enum.base == "int" else "UnrecognizedStr"
    comment = f"# Open enum: unrecognized values are captured as {captured}" if is_open(enum, rules.open_enums) else ""
    if rules.enum_list:  # an open one says so above its value and its list (gr4vy 1.758; two unseen SDKs, 1.788/1.789)
        values = [enum_literal(v.value) for v in enum.values]
        lines = [f"from {rules.module}.models import {enum.name}", *(["", comment] if comment else [])]
        usage = "\n".join([*lines, f"value: {enum.name} = {values[0]}"])
        page = DocPage("enum-list", title, paragraphs, members=values, usage_language="python", usage=usage)
        page.notes = ["This is an open enum. Unrecognized values will not fail type checks."] if comment else []
        return page
    page = DocPage("enum", title, paragraphs)
    page.rows = [["Name", "Value"]] + [[f"`{v.name}`", plain_value(v.value)] for v in enum.values]
    if rules.enum_usage:
        lines = [f"from {rules.module}.models import {enum.name}", "", f"value = {enum.name}.{enum.values[0].name}"]
        page.usage_language, page.usage = "python", "\n".join(lines + (["", comment] if comment else []))
    return page


def enum_literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else plain_value(value)


def plain_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


__all__ = ["DocPage", "DocRules", "Example", "heading", "page_for", "table"]
