"""Whatever a description says, a GitHub-flavoured parser sees the page's tables as written, and no
active HTML from the spec: each text below is a model's description (page body) and a field's
(table cell), and every page is parsed by markdown-it (CommonMark + GFM tables)."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from generator.render.mdsafe import block_safe, inert_html

TEXTS = [
    "<div>\n```",  # an HTML block holding a fence that never closes (the Fields table became code)
    "<div>\n```\n",
    "<details>\n~~~",
    "```\nfence",
    "text\n\n```python\nunclosed",
    "<script>alert(1)</script>",
    "a <script>alert(1)</script> b",
    "\n<script>\n",
    "<SCRIPT SRC=//e></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<!-- unclosed comment",
    "x <!-- closed --> y",
    "<pre>\nunclosed pre",
    "<textarea>",
    "<style>p {}</style>",
    "<?php echo 1 ?>",
    "<![CDATA[x]]>",
    "<!DOCTYPE html>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=//e></iframe>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='java&#x9;script&#58;alert(1)'>x</a>",
    '<b onclick="alert(1)">x</b>',
    '<span style="position:fixed">x</span>',
    "<form action=//e><input name=p></form>",
    "line\n<div>\n\n## Fields\n\n| a | b |\n| - | - |",
    "<table><tr><td>x</td></tr></table>",
    "`<script>` in code",
    "<\x00script>alert(1)</script>",  # a cell drops NUL: the tag it hid must not appear
    "a</td></tr></table>b",  # rendered, it would end the page's table
    "<table>\n<tr><td>x",
]
# what Speakeasy's docs keep as written (seen in the corpus): links, simple formatting, placeholders
KEPT = [
    '<a href="https://example.com/x#y">docs</a>',
    '<a href="https://e.com" target="_blank">e</a> and <a href=\'/relative\'>r</a>',
    "<b>bold</b>, <i>it</i>, <strong>s</strong>, <code>c</code>, <br>, <br/>, <li>item",
    "placeholders: <worker-id>, <nil>, <API version>, <svg />, <Inbox />, <https://myHost/nextPage>",
    "a < b > c, <=>, <value 1>",
]
ACTIVE = re.compile(
    r"<(?:[!?]|/?(?:script|style|pre|textarea|iframe|img|svg\s+on|form|input|table|tr|td)\b)|\son\w+=|javascript",
    re.IGNORECASE,
)
PARSER = MarkdownIt("commonmark").enable("table")


def _spec() -> dict:
    schemas = {
        f"M{i}": {
            "type": "object",
            "description": text,
            "properties": {"a": {"type": "string", "description": text}, "b": {"type": "integer"}},
        }
        for i, text in enumerate(TEXTS + KEPT)
    }
    schemas["Values"] = {"type": "string", "enum": TEXTS}
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from generator.cli import main

    root = tmp_path_factory.mktemp("markdown")
    (root / "spec.json").write_text(json.dumps(_spec()), encoding="utf-8")
    assert main(["generate", str(root / "spec.json"), "--out", str(root / "out"), "--package", "md_pkg"]) == 0
    docs = root / "out" / "docs" / "models"
    return {path.stem: path.read_text(encoding="utf-8") for path in docs.glob("*.md")}


def _html(tokens: list) -> list[str]:
    """Raw HTML the parser found: blocks, and inline HTML in paragraphs and cells."""
    found = [t.content for t in tokens if t.type == "html_block"]
    for token in tokens:
        found += [c.content for c in token.children or [] if c.type == "html_inline"]
    return found


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_the_fields_table_holds_and_nothing_active_is_raw_html(pages, index):
    tokens = PARSER.parse(pages[f"m{index}"])
    rows = [t for t in tokens if t.type == "tr_open"]
    fields = [t for t in tokens if t.type == "inline" and t.content in ("`a`", "`b`")]
    assert len(rows) >= 3 and len(fields) == 2, pages[f"m{index}"]
    assert not any(t.type in ("fence", "code_block") and "`b`" in t.content for t in tokens)
    active = [html for html in _html(tokens) if ACTIVE.search(html)]
    assert not active, active


def test_enum_values_stay_in_their_cells(pages):
    tokens = PARSER.parse(pages["values"])
    assert sum(1 for t in tokens if t.type == "tr_open") == 1 + len(TEXTS)
    assert not [html for html in _html(tokens) if ACTIVE.search(html)]


@pytest.mark.parametrize("text", KEPT)
def test_html_speakeasys_docs_keep_is_left_as_written(text):
    assert inert_html(text) == text and block_safe(text) == text


def test_active_html_reads_as_written():
    assert inert_html("<script>x</script>") == "&lt;script>x&lt;/script>"
    assert inert_html("`<script>` and <!--") == "`<script>` and &lt;!--"  # code spans are literal already
    assert block_safe("<div>\n```") == "<div>\n\\```"  # an unclosed fence is no fence
    assert block_safe("```\ncode\n```") == "```\ncode\n```"
