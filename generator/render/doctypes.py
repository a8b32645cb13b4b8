"""The Type cell of the Markdown docs (the Python spelling itself is `pytypes`'s plain one).

Docs follow Speakeasy: a top-level scalar is italic (`*Optional[str]*`), a top-level
reference is a link wrapped in its optionality (`[Optional[models.X]](../models/x.md)`),
and containers drop the optionality wrapper (`List[[models.X](...)]`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..casing import kebab as kebab_case
from ..ir import Decl, Field, ListOf, MapOf, Prim, Ref, TypeExpr, Union
from .pytypes import optionality, plain_type, wrap

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
    if isinstance(expr, Ref) and expr.decl.uses.error:  # an error class has no page among the models (testpan)
        return f"*{wrap(optionality(field, style.nullable), style.label(expr.decl))}*"
    if isinstance(expr, Ref):
        return f"[{wrap(optionality(field, style.nullable), style.label(expr.decl))}]({style.link(expr.decl)})"
    if isinstance(expr, Prim) and expr.name in _DOC_LINKS:
        return _DOC_LINKS[expr.name]
    if isinstance(expr, Prim) and expr.name == "httpx.Response":
        return style.raw_response
    if isinstance(expr, Prim) and expr.name == "httpx.Request":
        return RAW_REQUEST_LINKS[style.raw_response]
    if isinstance(expr, Prim) and expr.name == "file":
        return f"*{wrap(optionality(field, style.nullable), style.file_type)}*"
    if isinstance(expr, Prim) and expr.name == "httpx.ResponseStream":
        return f"*{wrap(optionality(field, style.nullable), STREAM_LABELS[style.raw_response])}*"
    return f"*{wrap(optionality(field, style.nullable), plain_type(expr))}*"


def member_type(expr: TypeExpr, style: DocStyle) -> str:
    """A union member as its `### ` heading shows it: plain text, `models.X`, `List[models.X]`."""
    if isinstance(expr, Ref):
        return style.label(expr.decl)
    if isinstance(expr, ListOf):
        return f"List[{member_type(expr.item, style)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {member_type(expr.value, style)}]"
    return plain_type(expr)


def _doc_inner(expr: TypeExpr, style: DocStyle, nullable: bool = False) -> str:
    """A list's or map's type cell; items that may be null read `Nullable[...]` inside the link or
    the italics (orq `List[*Nullable[str]*]`, mammoth `Dict[str, [Nullable[models.Format]](...)]`). A
    list or map has neither, so one that may be null reads bare (`Dict[str, List[*str*]]` for map values
    `type: [array, null]`, an SDK we have not seen, Speakeasy 1.788, by its gen.lock's blob)."""
    wrapper = "Nullable" if nullable else ""
    if isinstance(expr, ListOf):
        return f"List[{_doc_inner(expr.item, style, expr.nullable and style.nullable)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {_doc_inner(expr.value, style, expr.nullable and style.nullable)}]"
    if isinstance(expr, Ref):
        return f"[{wrap(wrapper, style.label(expr.decl))}]({style.link(expr.decl)})"
    if isinstance(expr, Prim) and expr.name in _DOC_LINKS:
        return _DOC_LINKS[expr.name]
    return f"*{wrap(wrapper, plain_type(expr))}*"
