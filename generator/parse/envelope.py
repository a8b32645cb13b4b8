"""Responses in Speakeasy's envelope format (gen.yaml `responseFormat: envelope`, plexpy).

Every operation gets an `<Op>Response` model, whatever it returns: `content_type`,
`status_code` and `raw_response` (the httpx response), then one optional field per
success body, then `headers` when any response declares some. A body field is named
after its class (`media_container_with_metadata`), `object` for an inline schema, `res`
for a scalar and `response_stream` for binary content; when an operation has several
bodies of one status (several media types), each name is prefixed by its status and media type
(`two_hundred_image_jpeg_response_stream`; bar 1.318/1.438 and testpan 1.207 keep `drink` beside
`error` of another status). Error classes end with their `raw_response`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..casing import number_words, snake
from ..ir import Decl, Field, ListOf, MapOf, Model, Origin, Prim, Ref, Role, TypeExpr

# The httpx response object: `RAW` is the envelope's own field (docs link to httpx), `STREAM`
# a binary body left unread.
RAW = Prim("httpx.Response")
STREAM = Prim("httpx.ResponseStream")


@dataclass
class Body:
    status: str
    media_type: str
    type: TypeExpr
    inline: Decl | None
    description: str
    raw: bool = False  # a media type the SDK does not parse (`unread`): the field `body`, bytes
    alias: str = ""  # the key of the array component it is, when it is one: the field's name (see `envelope`)


_JSON_LINES = frozenset(("application/x-ndjson", "application/jsonl"))


def json_lines(media_type: str) -> bool:
    """A stream of JSON values, one a line (`Body`s of it are `is_binary`)."""
    return media_type.lower().split(";")[0].strip() in _JSON_LINES


def unread(media_type: str) -> bool:
    """A media type whose body of a class the SDK returns as bytes, unparsed: neither JSON nor text. Its field
    is `body`, without the status prefix of its siblings, described N/A, and its class is still generated
    (pydataverse 1.201-1.402 `application/zip` of `type: object`; traintravel 1.220 `application/xml`
    beside `application/json`: `two_hundred_application_json_object` and `body: Optional[bytes]`); an XML
    or `*/*` string stays `res: str`."""
    media_type = media_type.lower()
    return "json" not in media_type and not media_type.startswith("text/")


def is_binary(media_type: str, schema: object) -> bool:
    """A body Speakeasy hands over unread: declared binary, or no schema outside JSON and text, or a stream of
    JSON lines whatever its schema (cribl-cp 1.784 createSystemCapture's `application/x-ndjson` of
    `$ref CapturedEvent`: no class, the component generated nowhere else)."""
    if json_lines(media_type):
        return True
    if isinstance(schema, dict) and schema:
        return schema.get("format") == "binary" and schema.get("type") in (None, "string")
    return "json" not in media_type and not media_type.startswith("text/")


def envelope(
    op_pointer: str, context: str, bodies: list[Body], has_headers: bool, http_meta: Model | None = None
) -> Model:
    """The `<Op>Response` envelope; inline bodies become `<Op>ResponseBody` (numbered when several).
    With `http_meta` (`responseFormat: envelope-http`) one `http_meta` field holds the raw exchange."""
    model = Model(hint="Response", pointer=op_pointer, origin=Origin(context=context, role=Role.RESPONSE))
    model.fields = (
        [Field(wire_name="http_meta", type=Ref(http_meta), required=True, sdk_filled=True)] if http_meta else _status()
    )
    inline = [body.inline for body in bodies if body.inline is not None]
    for index, decl in enumerate(inline, 1):
        decl.origin.role = Role.RESPONSE_BODY
        decl.origin.index = index if len(inline) > 1 else 0
    for body in bodies:
        name = "body" if body.raw else _body_name(body.type, "json" in body.media_type)
        if not body.raw and sum(other.status == body.status for other in bodies) > 1:  # several media types
            status = number_words(int(body.status)).lower() if body.status.isdigit() else body.status
            name = f"{status}_{snake(body.media_type)}_{name}"
        # a component body is named after its class (known after naming): `name` is then its prefix
        field = Field(wire_name=name, type=body.type, required=False, description=body.description)
        field.named_by_type = _by_type(body.type)
        if field.named_by_type and name == _body_name(body.type, "json" in body.media_type):
            field.name_override = body.alias  # see `naming.fields`
        model.fields.append(field)
    if has_headers:
        model.fields.append(Field(wire_name="Headers", type=MapOf(ListOf(Prim("str"))), required=True))
    return model


def _status() -> list[Field]:
    """The plain envelope's head: content type, status code and the raw response."""
    return [
        Field(
            wire_name="content_type",
            type=Prim("str"),
            required=True,
            description="HTTP response content type for this operation",
        ),
        Field(
            wire_name="status_code",
            type=Prim("int"),
            required=True,
            description="HTTP response status code for this operation",
        ),
        raw_response(required=True),
    ]


def http_metadata() -> Model:
    """`HTTPMetadata`, the raw request and response of an `envelope-http` response (bar, ttddata)."""
    model = Model(hint="HTTPMetadata", pointer="", origin=Origin(parent=None, context=""))
    model.origin.from_component = True  # named as written, in the shared namespace
    response = raw_response(required=True, sdk_filled=True)
    response.wire_name = "response"
    request = Field(
        wire_name="request",
        type=Prim("httpx.Request"),
        required=True,
        description="Raw HTTP request; suitable for debugging",
        sdk_filled=True,
    )
    model.fields = [response, request]
    return model


def raw_response(required: bool, sdk_filled: bool = False) -> Field:
    return Field(
        wire_name="raw_response",
        type=RAW,
        required=required,
        description="Raw HTTP response; suitable for custom response parsing",
        sdk_filled=sdk_filled,
    )


def _by_type(expr: TypeExpr) -> bool:
    target = expr.item if isinstance(expr, ListOf) else expr
    return isinstance(target, Ref) and target.decl.origin.from_component


# a JSON scalar body is named after its JSON type (testpan 1.207 `string`, `strings`, `integer`; pydataverse
# 1.337 `string` for application/json, `res` for text/plain; 1.201 `res` for both: see `naming_fields`)
# an untyped JSON body is `any` (log10py 1.296/1.314 create's 200 `x-speakeasy-type-override: any`)
_JSON_WORDS = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "Any": "any"}
SCALAR_BODY_NAMES = frozenset(_JSON_WORDS.values()) | {word + "s" for word in _JSON_WORDS.values()}


def _body_name(expr: TypeExpr, json: bool) -> str:
    """The field name a body gets from its type ("" when named after its component's class)."""
    if expr == STREAM:
        return "response_stream"
    if _by_type(expr):
        return ""
    if json and isinstance(expr, Prim) and expr.name in _JSON_WORDS:
        return _JSON_WORDS[expr.name]
    if json and isinstance(expr, ListOf) and isinstance(expr.item, Prim) and expr.item.name in _JSON_WORDS:
        return _JSON_WORDS[expr.item.name] + "s"
    return "object" if isinstance(expr, Ref) else "res"
