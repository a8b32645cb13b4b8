"""Type expressions as text: Python annotations, and the Type cell of the Markdown docs.

Docs follow Speakeasy: a top-level scalar is italic (`*Optional[str]*`), a top-level
reference is a link wrapped in its optionality (`[Optional[models.X]](../models/x.md)`),
and containers drop the optionality wrapper (`List[[models.X](...)]`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..casing import kebab as kebab_case
from ..ir import Decl, Field, ListOf, MapOf, Prim, Ref, TypeExpr, Union

_PY_PRIMS = {
    "datetime": "datetime",
    "date": "date",
    "bytes": "bytes",
    "Decimal": "Decimal",
    "httpx.ResponseStream": "httpx.Response",
}
# Speakeasy's Python docs swap the two labels: a date-time field links to `date`, a date field to `datetime`.
_DOC_LINKS = {
    "datetime": "[date](https://docs.python.org/3/library/datetime.html#date-objects)",
    "date": "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)",
}
# an envelope's raw response: the v2 (pydantic) template's httpx, the v1 (dataclass) template's requests
RAW_RESPONSE_LINKS = {
    "v1": "[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)",
    "v2": "[httpx.Response](https://www.python-httpx.org/api/#response)",
}
# an envelope's binary body left unread: the v1 template's `requests_http.Response` (testpan 1.207), else httpx
STREAM_LABELS = {RAW_RESPONSE_LINKS["v1"]: "requests_http.Response", RAW_RESPONSE_LINKS["v2"]: "httpx.Response"}
# `HTTPMetadata.request`, from the same library (log10py 1.296/1.314 and traintravel 1.220, v1: requests; bar, v2: httpx)
RAW_REQUEST_LINKS = {
    RAW_RESPONSE_LINKS["v1"]: "[requests.Request](https://requests.readthedocs.io/en/latest/api/#requests.Request)",
    RAW_RESPONSE_LINKS["v2"]: "[httpx.Request](https://www.python-httpx.org/api/#request)",
}


def literal(value: object) -> str:
    """A Python literal for a const value (strings JSON-quoted, so always safe)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def python_type(expr: TypeExpr) -> str:
    if isinstance(expr, Prim):
        return _PY_PRIMS.get(expr.name, expr.name)
    if isinstance(expr, Ref):
        return expr.decl.name
    if isinstance(expr, ListOf):
        return f"List[{python_type(expr.item)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {python_type(expr.value)}]"
    return f"Literal[{literal(expr.value)}]"


def wrapper(field: Field, nullable: bool = True) -> str:
    """The optionality wrapper Speakeasy puts around a field's type, or "". Without `nullable` (the v1
    template, see `Profile.shows_nullable`) a field that may be null is `Optional`, required or not."""
    if not nullable:
        return "Optional" if field.nullable or not field.required else ""
    if not field.required:
        return "OptionalNullable" if field.nullable else "Optional"
    return "Nullable" if field.nullable else ""


def wrap(name: str, inner: str) -> str:
    return f"{name}[{inner}]" if name else inner


@dataclass(frozen=True)
class DocStyle:
    """How one docs flavour spells types and links."""

    flavour: str  # "python" or "typescript"
    doc_dir: str  # the folder holding this doc, relative to docs/ (e.g. "models")
    renames: frozenset[str] = frozenset()  # page names that get a `_` (`Profile.renamed_files`)
    file_type: str = "Union[bytes, IO[bytes], io.BufferedReader]"  # file content (see `parse.files`, `DocRules`)
    kebab: bool = False  # kebab-case page names (TypeScript `legacyFileNaming: false`)
    raw_response: str = RAW_RESPONSE_LINKS["v2"]
    # before 1.296 a union's type reads as its members, `Union[models.IAMRole, models.IAMUser]`, still
    # linking to its page (airbyte 1.244, traintravel 1.220; log10py 1.296 `components.Stop`, airbyte 1.300)
    union_members: bool = False
    nullable: bool = True  # `Nullable[...]` shows (`Profile.shows_nullable`)

    def link(self, decl: Decl) -> str:
        """Relative link from this doc to `decl`'s doc."""
        depth = self.doc_dir.count("/") + 1
        target = "models/" + (decl.namespace + "/" if decl.namespace else "") + doc_file(decl, self.renames, self.kebab)
        return "../" * depth + target

    def label(self, decl: Decl) -> str:
        if self.union_members and isinstance(decl, Union):
            return "Union[" + ", ".join(member_type(m, self) for m in decl.members) + "]"
        return f"{decl.namespace or 'models'}.{decl.name}"


# Device names Windows reserves whatever the extension (`con.md` cannot be created there).
_WINDOWS_DEVICES = frozenset(["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in range(10)])


def doc_file(decl: Decl, renames: frozenset[str] = frozenset(), kebab: bool = False) -> str:
    """The file name of `decl`'s page: its lower-case name (class `And` -> `and_.md` in Python docs),
    or its words in kebab case (`ApiSharedEnum07ee` -> `api-shared-enum07ee.md`); a Windows device
    name gets a `_` in every flavour (`Con` -> `con_.md`)."""
    if kebab:
        name = kebab_case(decl.name)
        return name + ("_.md" if name in _WINDOWS_DEVICES else ".md")
    name = decl.name.lower()
    return name + ("_.md" if name in renames or name in _WINDOWS_DEVICES else ".md")


def doc_type(field: Field, style: DocStyle) -> str:
    """The Type cell for a field."""
    expr = field.type
    if isinstance(expr, (ListOf, MapOf)):
        return _doc_inner(expr, style)
    if isinstance(expr, Ref) and expr.decl.error:  # an error class has no page among the models (testpan)
        return f"*{wrap(wrapper(field, style.nullable), style.label(expr.decl))}*"
    if isinstance(expr, Ref):
        return f"[{wrap(wrapper(field, style.nullable), style.label(expr.decl))}]({style.link(expr.decl)})"
    if isinstance(expr, Prim) and expr.name in _DOC_LINKS:
        return _DOC_LINKS[expr.name]
    if isinstance(expr, Prim) and expr.name == "httpx.Response":
        return style.raw_response
    if isinstance(expr, Prim) and expr.name == "httpx.Request":
        return RAW_REQUEST_LINKS[style.raw_response]
    if isinstance(expr, Prim) and expr.name == "file":
        return f"*{wrap(wrapper(field, style.nullable), style.file_type)}*"
    if isinstance(expr, Prim) and expr.name == "httpx.ResponseStream":
        return f"*{wrap(wrapper(field, style.nullable), STREAM_LABELS[style.raw_response])}*"
    return f"*{wrap(wrapper(field, style.nullable), python_type(expr))}*"


def member_type(expr: TypeExpr, style: DocStyle) -> str:
    """A union member as its `### ` heading shows it: plain text, `models.X`, `List[models.X]`."""
    if isinstance(expr, Ref):
        return style.label(expr.decl)
    if isinstance(expr, ListOf):
        return f"List[{member_type(expr.item, style)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {member_type(expr.value, style)}]"
    return python_type(expr)


def _doc_inner(expr: TypeExpr, style: DocStyle, nullable: bool = False) -> str:
    """A list's or map's type cell; items that may be null read `Nullable[...]` inside the link or
    the italics (orq `List[*Nullable[str]*]`, mammoth `Dict[str, [Nullable[models.Format]](...)]`)."""
    wrapper = "Nullable" if nullable else ""
    if isinstance(expr, ListOf):
        return wrap(wrapper, f"List[{_doc_inner(expr.item, style, expr.nullable and style.nullable)}]")
    if isinstance(expr, MapOf):
        return wrap(wrapper, f"Dict[str, {_doc_inner(expr.value, style, expr.nullable and style.nullable)}]")
    if isinstance(expr, Ref):
        return f"[{wrap(wrapper, style.label(expr.decl))}]({style.link(expr.decl)})"
    if isinstance(expr, Prim) and expr.name in _DOC_LINKS:
        return _DOC_LINKS[expr.name]
    return f"*{wrap(wrapper, python_type(expr))}*"
