"""Spec text made safe for Markdown pages: it stays inside its paragraph or table cell.

Speakeasy prints descriptions as they are, and the corpus holds HTML that its docs keep:
links (`<a href="https://...">`, `target`), `<b>`, `<code>`, `<br>`, `<li>`, `<svg />`, and
placeholders that parse as tags (`<worker-id>`, `<API version>`). That stays. What a
GitHub-flavoured parser would read as active or page-swallowing HTML never appears in the
corpus, and its `<` becomes `&lt;` (shown as written, inert): comments, processing
instructions, declarations and CDATA; the tags that run to their end tag (`script`, `pre`,
`style`, `textarea`) and those that embed, load or take input (`iframe`, `img`, `form`...) or
break the page's table (`<table>`, `</td>`...);
and any tag with an attribute other than a plain one (event handlers, `style`, `src`, an
`href` that is not a web or mail link). Code spans are left alone (their text is literal).
"""

from __future__ import annotations

import html
import re

_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
# a tag as CommonMark reads raw HTML (open with attributes, or closing); `<!`, `<?` always
_TAG = re.compile(rf"<(/?)({_NAME})((?:{_ATTRIBUTE})*)\s*/?>")
_ONE_ATTRIBUTE = re.compile(r"""([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*([^\s"'=<>`]+|'[^']*'|"[^"]*"))?""")
_MARKUP = re.compile(r"<[!?]|<(/?)(script|pre|style|textarea)(?=[\s/>]|$)", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)

# elements that run scripts, load or embed content, take input, or change how the page parses
_ACTIVE = frozenset(
    [
        "script",
        "style",
        "pre",
        "textarea",
        "title",
        "xmp",
        "plaintext",
        "noscript",
        "noembed",
        "noframes",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "param",
        "img",
        "image",
        "video",
        "audio",
        "source",
        "track",
        "picture",
        "canvas",
        "portal",
        "form",
        "input",
        "button",
        "select",
        "option",
        "optgroup",
        "fieldset",
        "label",
        "output",
        "meta",
        "link",
        "base",
        "html",
        "head",
        "body",
        "template",
        "slot",
        "dialog",
        "marquee",
        "math",
        # a table's own tags: a `</td></tr></table>` in a cell, or a `<table>` above the Fields table, would
        # end or swallow the page's table once rendered (no corpus description holds one)
        "table",
        "caption",
        "colgroup",
        "col",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    ]
)
_PLAIN_ATTRIBUTES = frozenset(("href", "title", "target", "rel", "name", "id", "class", "alt", "lang", "dir"))
_SAFE_LINK = re.compile(r"^(?:https?:|mailto:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def inert_html(text: str) -> str:
    """`text` with the `<` of every active or unknown-risk HTML construct written `&lt;`."""
    if "<" not in text:
        return text
    out, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        out.append(_inert(text[last : span.start()]))
        out.append(span.group(0))
        last = span.end()
    out.append(_inert(text[last:]))
    return "".join(out)


def _inert(text: str) -> str:
    if "<" not in text:
        return text
    text = _TAG.sub(lambda m: m.group(0) if _harmless(m) else "&lt;" + m.group(0)[1:], text)
    return _MARKUP.sub(lambda m: "&lt;" + m.group(0)[1:], text)


def _harmless(tag: re.Match[str]) -> bool:
    if tag.group(2).lower() in _ACTIVE:
        return False
    for attribute in _ONE_ATTRIBUTE.finditer(tag.group(3)):
        name, value = attribute.group(1).lower(), attribute.group(2)
        if value is None:
            continue  # a bare word (`<API version>`): no value, no effect
        if name not in _PLAIN_ATTRIBUTES:
            return False
        if name == "href" and not _SAFE_LINK.match(_CONTROL.sub("", html.unescape(value.strip("'\"")))):
            return False  # `javascript:` however written (`java&#x9;script&#58;`)
    return True


_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$", re.MULTILINE)


def block_safe(text: str) -> str:
    """Text shown as Markdown blocks (a page's description), kept from running past its own end:
    HTML made inert (see above; what would run to its end marker, or to the end of the page, is),
    and a code fence the text opens and never closes is not a fence (its first mark escaped), so
    it cannot swallow the tables that follow, whether or not an HTML block holds it."""
    text = inert_html(text)
    fence, opener = "", 0
    for match in _FENCE_LINE.finditer(text):
        marker, rest = match.group(1), match.group(2)
        if not fence:
            if not (marker[0] == "`" and "`" in rest):
                fence, opener = marker, match.start(1)
        elif marker[0] == fence[0] and len(marker) >= len(fence) and not rest.strip():
            fence = ""
    return text[:opener] + "\\" + text[opener:] if fence else text
