"""File uploads: a binary property of a multipart request body is a `File` class.

Speakeasy turns `{type: string, format: binary}` inside a `multipart/form-data` body into a
model of its own, named after the property like any inline object (emissary `File`, orq
`FileUploadFile`, mammoth `CreateFileDatasetFile` for the items of `files`), with the fields
`file_name`, `content` and `content_type`, the last sent as the part's `Content-Type` (its alias in
every SDK of the corpus with model sources: circlemind 1.455, emissary 1.423, mammoth, orq).
"""

from __future__ import annotations

from ..ir import Decl, Field, ListOf, Model, Origin, Prim, Ref, TypeExpr

# What the SDK accepts as a file's content (or a raw request body): bytes or a file-like object,
# spelled per Speakeasy version (`Profile.file_type`) by the docs and the models alike.
CONTENT = Prim("file")


def file_models(body: TypeExpr, decls: list[Decl], part_alias: bool = False) -> None:
    """Give `body`'s binary properties (and lists of them) a `File` model each, appended to `decls`;
    `part_alias`: its `file_name` is sent under the part's name (`Profile.file_part_alias`)."""
    if not (isinstance(body, Ref) and isinstance(body.decl, Model)):
        return
    model = body.decl
    for field in model.fields:
        if _binary(field.type):
            field.type = Ref(_file(model, field.wire_name, decls, item=False, part_alias=part_alias))
        elif isinstance(field.type, ListOf) and _binary(field.type.item):
            field.type = ListOf(Ref(_file(model, field.wire_name, decls, item=True, part_alias=part_alias)))


def _binary(expr: TypeExpr) -> bool:
    return isinstance(expr, Prim) and expr.name == "bytes"


def _file(parent: Model, name: str, decls: list[Decl], item: bool, part_alias: bool) -> Model:
    decl = Model(
        hint=name,
        pointer=f"{parent.pointer}/properties/{name}",
        origin=Origin(parent=parent, context=parent.origin.context, chain=parent.origin.chain),
    )
    decl.origin.group, decl.origin.array_item = parent.origin.group, item
    decl.fields = [
        Field(wire_name=name if part_alias else "fileName", name_override="fileName", type=Prim("str"), required=True),
        Field(wire_name="content", type=CONTENT, required=True),
        Field(wire_name="Content-Type", type=Prim("str"), required=False),
    ]
    decls.append(decl)
    return decl
