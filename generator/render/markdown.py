"""Markdown docs: one page per declaration, in Speakeasy's `docs/models` format.

This module turns IR into rows of plain cell text; the Jinja template lays out the page
and the `table` filter pads the columns exactly as Speakeasy does (every column to the
width of the table's longest cell, measured before escaping).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..ir import Decl, Enum, Example, Model, Prim, Ref, Union
from .types import DocStyle, doc_type, python_type

HEADERS = ("Field", "Type", "Required", "Description")
REQUIRED = ":heavy_check_mark:"
OPTIONAL = ":heavy_minus_sign:"


@dataclass
class DocPage:
    """Everything the Markdown template shows for one declaration."""

    kind: str  # "model", "enum" or "union"
    title: str
    description: str
    rows: list[list[str]] = field(default_factory=list)  # first row is the header
    members: list[str] = field(default_factory=list)  # union member labels
    example_usage: str = ""


def escape_cell(text: str) -> str:
    """Make text safe inside a table cell: pipes escaped, line breaks as <br/>."""
    text = text.replace("|", "\\|").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")
    return text.replace("\x00", "")


def table(rows: list[list[str]]) -> str:
    """Lay out rows (header first) with every column padded to the longest raw cell."""
    width = max(len(cell) for row in rows for cell in row)
    lines = ["| " + " | ".join(escape_cell(c).ljust(width) for c in rows[0]) + " |"]
    lines.append("| " + " | ".join("-" * width for _ in rows[0]) + " |")
    for row in rows[1:]:
        lines.append("| " + " | ".join(escape_cell(c).ljust(width) for c in row) + " |")
    return "\n".join(lines)


def example_text(example: Example) -> str:
    value = example.value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) or value is None:
        return json.dumps(value)
    dumped = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    return "\n".join(line.lstrip() for line in dumped.splitlines())


def page_for(decl: Decl, style: DocStyle) -> DocPage:
    if isinstance(decl, Enum):
        rows = [["Name", "Value"]] + [[f"`{v.name}`", str(v.value)] for v in decl.values]
        return DocPage("enum", decl.name, decl.description, rows)
    if isinstance(decl, Union):
        members = [_member_label(m, style) for m in decl.members]
        return DocPage("union", decl.name, decl.description, members=members)
    assert isinstance(decl, Model)
    page = DocPage("model", decl.name, decl.description)
    with_examples = any(f.example is not None for f in decl.fields) and style.flavour == "python"
    header = list(HEADERS) + (["Example"] if with_examples else [])
    page.rows.append(header)
    for f in decl.fields:
        row = [f"`{f.name if style.flavour == 'python' else f.wire_name}`", doc_type(f, style), REQUIRED if f.required else OPTIONAL, f.description or "N/A"]
        if with_examples:
            row.append(example_text(f.example) if f.example is not None else "")
        page.rows.append(row)
    if style.flavour == "typescript":
        page.example_usage = _ts_example(decl)
    return page


def _member_label(expr: Any, style: DocStyle) -> str:
    if isinstance(expr, Ref):
        return style.label(expr.decl)
    return python_type(expr)


def _ts_example(model: Model, indent: str = "") -> str:
    """A TypeScript object literal for the Example Usage block, from spec examples."""
    lines = ["{"]
    for f in model.fields:
        if not f.required and f.example is None:
            continue
        lines.append(f"{indent}  {f.wire_name}: {_ts_value(f, indent + '  ')},")
    lines.append(indent + "}")
    return "\n".join(lines)


def _ts_value(f: Any, indent: str) -> str:
    if f.example is not None:
        return _ts_literal(f.example.value, indent)
    if isinstance(f.type, Ref) and isinstance(f.type.decl, Model):
        return _ts_example(f.type.decl, indent)
    if isinstance(f.type, Prim) and f.type.name == "str":
        return '"<id>"' if f.wire_name == "id" else '"<value>"'
    return "null"


def _ts_literal(value: Any, indent: str) -> str:
    if isinstance(value, dict):
        inner = [f"{indent}  {k}: {_ts_literal(v, indent + '  ')}," for k, v in value.items()]
        return "\n".join(["{"] + inner + [indent + "}"])
    if isinstance(value, list):
        inner = [f"{indent}  {_ts_literal(v, indent + '  ')}," for v in value]
        return "\n".join(["["] + inner + [indent + "]"])
    return json.dumps(value, ensure_ascii=False)
