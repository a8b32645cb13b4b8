"""The intermediate representation: a small typed model of every schema.

Everything the renderers need is here and nothing about OpenAPI syntax is: declarations
(Model, Enum, Union) carry a resolved class name, and fields carry Python names,
requiredness, nullability and documentation. Type expressions are trees of Prim, Ref,
ListOf, MapOf and Const nodes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Prim:
    """A scalar: str, int, float, bool, date, datetime, bytes, Decimal, Any."""

    name: str
    # a string's `format` the models use but the docs do not show (`decimal`: Decimal in Python,
    # `*str*` in the docs); not part of equality, so the docs' logic sees one `str`
    format: str = field(default="", compare=False)
    # `Any` standing for a union Speakeasy gives up on (see `parse.unions`): the components among its
    # members, generated when a field of this type is (openrouter `ToolChoiceOption`'s `NamedToolChoice`)
    behind: tuple[Decl, ...] = field(default=(), compare=False)


@dataclass(eq=False)
class Ref:
    """A reference to a named declaration (its name is known only after naming)."""

    decl: Decl


@dataclass(eq=False)
class ListOf:
    item: TypeExpr
    nullable: bool = False  # items may be null (`List[Nullable[X]]`); never set for `Any` items


@dataclass(eq=False)
class Stream(ListOf):
    """A server-sent event stream of `item`s (a `text/event-stream` response body): walked like a list,
    shown in a response union as Speakeasy's generator/event-stream types."""


@dataclass(eq=False)
class TupleOf(ListOf):
    """A JSON Schema 2020-12 `prefixItems` array: a type per position, and `item` (the types of every
    position joined into one, an inline union when they differ) for the docs and every walker."""

    prefix: list[TypeExpr] = field(default_factory=list)
    closed: bool = False  # no items beyond the prefix (`items: false`, or `maxItems` within the prefix)


@dataclass(eq=False)
class MapOf:
    value: TypeExpr
    nullable: bool = False  # values may be null (`Dict[str, Nullable[X]]`); never set for `Any` values


@dataclass(eq=False)
class Const:
    """A single allowed value (`const` or a one-value enum used as a tag)."""

    value: Any
    alternatives: tuple[Any, ...] = ()  # further allowed values, when a union of consts was folded into its first


TypeExpr = Prim | Ref | ListOf | MapOf | Const

ANY = Prim("Any")


@dataclass(eq=False)
class Example:
    """A value from the spec's `example`/`examples`, kept apart from 'no example'."""

    value: Any
    alternatives: list[Any] | None = None  # every value of an OpenAPI 3.1 `examples` list of two or more


@dataclass(eq=False)
class Field:
    wire_name: str
    type: TypeExpr
    required: bool
    nullable: bool = False
    description: str = ""
    example: Example | None = None
    default: Example | None = None
    deprecated: bool = False
    deprecation_message: str = ""  # x-speakeasy-deprecation-message
    read_only: bool = False
    write_only: bool = False
    name: str = ""  # Python attribute name, set by naming
    is_body: bool = False  # the request body field of an `<Op>Request` (named per gen.yaml by naming)
    name_override: str = ""  # x-speakeasy-name-override: the name to snake_case instead of wire_name
    named_by_type: bool = False  # named after its type's class (plural for a list), `wire_name` its prefix
    location: str = ""  # a parameter's `in` (path, query, header); "" for properties
    # filled in by the SDK and never dumped (`envelope-http`'s `http_meta` and HTTPMetadata's
    # exchange): `Optional[...] = None` excluded from dumps in the models, required in the docs
    sdk_filled: bool = False
    # a constant the SDK sends as it is: `Final`, named in capitals, in no TypedDict (`ParseEras.token_url_constant`)
    final: bool = False


class Role(str, enum.Enum):
    """What a declaration is to its operation or SDK: naming gives each role its era's fixed names
    (`<Op>Request`, `<Op>ResponseBody`, `Security`, ...); ordinary schemas are `SCHEMA` (falsy)."""

    SCHEMA = ""
    REQUEST = "request"  # `<Op>Request`: an operation's parameters, and its body as a field
    REQUEST_BODY = "request_body"  # an inline body inside `<Op>Request`
    REQUEST_SINGLE = "request_single"  # an inline body with no request wrapper (no parameters)
    RESPONSE = "response"  # `<Op>Response`: the envelope (status, headers, bodies) or the union of bodies
    RESPONSE_BODY = "response_body"  # an inline body inside `<Op>Response`
    RESPONSE_SINGLE = "response_single"  # an inline body returned as it is
    RESPONSE_RESULT = "response_result"  # `<Op>ResponseResult`: the union of the bodies `<Op>Response` holds
    ERROR_BODY = "error_body"  # an inline body of an error status: an error class
    SECURITY = "security"  # the SDK's `Security` (or one scheme's model)
    OP_SECURITY = "op_security"  # an operation's own security: `<Op>Security`
    GLOBALS = "globals"  # the SDK's `Globals` (x-speakeasy-globals)
    OP_GLOBALS = "op_globals"  # the globals an operation takes: `<Op>Globals`


# the roles inside an operation's request or response, named after the operation
OPERATION_ROLES = frozenset(
    {
        Role.REQUEST,
        Role.REQUEST_BODY,
        Role.REQUEST_SINGLE,
        Role.RESPONSE,
        Role.RESPONSE_BODY,
        Role.RESPONSE_SINGLE,
        Role.RESPONSE_RESULT,
        Role.ERROR_BODY,
    }
)
# the SDK-level declarations, named as they are
SDK_ROLES = frozenset({Role.SECURITY, Role.GLOBALS})


@dataclass(eq=False)
class Origin:
    """Where a declaration was found, which is what naming reads to name it: its role in an operation,
    the operation's name and group, the words of its place there, its position among siblings, the
    constant that tags it, the component it varies. Set by parse (and by the read-only split for the
    copies it makes); naming never reads the spec itself."""

    role: Role = Role.SCHEMA  # what an operation-level declaration is (naming applies its era's rules)
    parent: Decl | None = None  # the declaration or operation it was found inside
    from_component: bool = False  # a component (`#/components/schemas/X`, or a file's root), not inline
    context: str = ""  # operation-derived name prefix for inline schemas
    group: str = ""  # the operation's x-speakeasy-group (else first tag): older generators' next prefix
    more_tags: tuple[str, ...] = ()  # without x-speakeasy-group, its further tags: legacy words after the group
    # where in the operation it was found, e.g. ("Response", "200", "application/json"): the words
    # older generators add after the group, one at a time, while a name stays contested
    chain: tuple[str, ...] = ()
    index: int = 0  # 1-based position when several siblings share a role or a union (0: alone)
    tag: str = ""  # a union member's discriminating constant value, which names it
    shared_tag: str = ""  # without one: a constant value other members share too (`<Union><Tag><n>`, newest era)
    array_item: bool = False  # the item schema of an array property (named after its singular)
    titled: bool = False  # a property's schema with a title, which names it (`naming.takeover.takes_over`)
    copy_of: str = ""  # the component an allOf-distributed variant copies (parse.merge), else ""
    input_of: str = ""  # a request variant (see `shape.readonly`): the hint of the component it varies
    lost_read_only: bool = False  # a request's inline schema that reached read-only fields (`shape.readonly`)
    hook: str = ""  # "webhooks" or "callbacks": inside an operation the API calls (`parse.paths`)
    dissolved: bool = False  # a component's lone inline member beside `null` (`parse.unions`): no module of its own
    # the operation whose module holds it instead of its own: an error class several operations share
    # (`shape.errors`), else ""
    home: str = ""


@dataclass(eq=False)
class Uses:
    """How the document uses a declaration, found by walking operations after parsing (`parse.reach`):
    Speakeasy names, places and documents error classes and request/response roots apart."""

    response_root: bool = False  # a response body as it is (no model refers to it): what responses return
    request_root: bool = False  # (a component) used as a request body itself: what requests send
    error: bool = False  # an error class (Speakeasy's errors module)
    error_member: bool = False  # a component only an error union uses: TypeScript SDKs place it with the errors
    output: bool = False  # reached from a response or error body: what `forwardCompatibleEnumsByDefault` opens
    unwritten: bool = (
        False  # reached only from operations Speakeasy leaves out (`parse.paths.LeftOut`): named, not written
    )


@dataclass(eq=False)
class Decl:
    """A named output: one Python class and one Markdown doc."""

    hint: str  # the name the schema asks for (component key, title, property...)
    pointer: str  # where it came from, for errors and stable ordering
    origin: Origin = field(default_factory=Origin)
    uses: Uses = field(default_factory=Uses)
    description: str = ""
    deprecated: bool = False
    deprecation_message: str = ""  # x-speakeasy-deprecation-message
    name_override: str = ""
    example: Example | None = None
    name: str = ""  # final class name, set by naming
    namespace: str = ""  # output sub-folder (components/operations/errors) or ""
    doc_dir: str = ""  # docs folder when outside docs/models (errors), set by naming
    # the newest era's file name for the class (`outputresponse_type_statsd`): the words its name joins, set
    # by naming (`naming.chains`); a split module's parts are named by it (`render.pymodules`)
    file_stem: str = ""


@dataclass(eq=False)
class Model(Decl):
    fields: list[Field] = field(default_factory=list)
    additional: TypeExpr | None = None
    closed: bool = False  # `additionalProperties: false`: unknown properties are invalid
    # the response wrapper of an `x-speakeasy-pagination` operation: the SDK sets its `next` page function
    paginated: bool = False


@dataclass(eq=False)
class EnumValue:
    value: Any
    name: str = ""  # member name, set by naming
    description: str = ""
    label: str = ""  # x-speakeasy-enums name for this value, cased like a value by naming


@dataclass(eq=False)
class Enum(Decl):
    values: list[EnumValue] = field(default_factory=list)
    # the values' type: "str" (a string enum, or any other typed one: Speakeasy writes its values as
    # strings), "int", "bool" (true/false), or "" (an untyped enum of several JSON types: `[1, "1", true]`)
    base: str = "str"
    open: bool = False
    closed: bool = False  # `x-speakeasy-unknown-values: disallow`: closed even when enums default to open
    untyped: bool = False  # no `type` beside `enum`: its one value does not tag the newest era's names
    const: bool = False  # a `const` as the v1 template declares it: one value, its field's default


@dataclass(eq=False)
class Union(Decl):
    members: list[TypeExpr] = field(default_factory=list)
    discriminator: str = ""
    mapping: dict[str, Decl] = field(default_factory=dict)  # discriminator value -> member, when declared
    # a member of no type that is no empty schema (`{nullable: true}`): `Any`, claiming the union's name
    # in some eras (`Profile.untyped_members_give_way`)
    untyped: bool = False


@dataclass(eq=False)
class Operation:
    """One operation of the document and the declarations its request and responses start from
    (what `modelgen diff` files changes under and follows to tell inputs from outputs)."""

    method: str  # upper case: `GET`
    path: str
    operation_id: str
    context: str  # the raw name its inline declarations are named from (`parse.operations.operation_context`)
    inputs: list[Decl] = field(default_factory=list)  # the request model, its body, the globals it takes
    outputs: list[Decl] = field(default_factory=list)  # response envelopes and bodies, error bodies

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.path


@dataclass
class Spec:
    """The whole IR of one document: declarations in output order, operations in spec order."""

    title: str
    decls: list[Decl] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # every file the spec was read from: its sha256
    timestamps: set[str] = field(default_factory=set)  # example strings that were unquoted YAML timestamps
    warnings: list[str] = field(default_factory=list)  # accepted oddities of the input, one line each


# -- walking the declaration graph (reachability, read-only splits, naming order) ----------------


def is_constant(expr: TypeExpr) -> bool:
    """A const, or the v1 template's one-value enum for one: a field of it has a default (its value)."""
    return isinstance(expr, Const) or (isinstance(expr, Ref) and isinstance(expr.decl, Enum) and expr.decl.const)


def ref_target(expr: object) -> Decl | None:
    """The declaration a type refers to, through any List/Map wrapping (None for scalars)."""
    while isinstance(expr, (ListOf, MapOf)):
        expr = expr.item if isinstance(expr, ListOf) else expr.value
    return expr.decl if isinstance(expr, Ref) else None


def referenced(decl: Decl, with_additional: bool = True) -> list[Decl]:
    """The declarations `decl` refers to directly, in field/member order."""
    if isinstance(decl, Model):
        exprs: list[TypeExpr] = [f.type for f in decl.fields]
        if with_additional and decl.additional is not None:
            exprs.append(decl.additional)
    elif isinstance(decl, Union):
        exprs = list(decl.members)
    else:
        return []
    return [t for t in map(ref_target, exprs) if t is not None]


def inside_error(decl: Decl) -> bool:
    """Whether `decl` was found inside an error class (an inline schema of an error body)."""
    node = decl.origin.parent
    while node is not None:
        if node.uses.error:
            return True
        node = node.origin.parent
    return False


def closure(roots: list[Decl], with_additional: bool = True) -> set[int]:
    """ids of every declaration reachable from `roots` (roots included)."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        decl = stack.pop()
        if id(decl) in seen:
            continue
        seen.add(id(decl))
        stack.extend(referenced(decl, with_additional))
        stack.extend(_behind_any(decl))
    return seen


def _behind_any(decl: Decl) -> list[Decl]:
    """The components behind the `Any` a declaration's fields or members stand for (see `Prim.behind`)."""
    exprs = [f.type for f in decl.fields] if isinstance(decl, Model) else []
    exprs += decl.members if isinstance(decl, Union) else []
    found: list[Decl] = []
    for expr in exprs:
        while isinstance(expr, (ListOf, MapOf)):
            expr = expr.item if isinstance(expr, ListOf) else expr.value
        if isinstance(expr, Prim):
            found.extend(expr.behind)
    return found


def named_by_union(decl: Decl) -> bool:
    """An inline union member without a name of its own (a title, an override): naming derives its
    name from its union's. Not a union in the items of a list member or the values of a map member: it
    claims the union's name like any schema (lineart 1.606/1.637 `Headers1`..`Headers6`, numbered
    children first; an enum there is named by the union: outpost 1.791 `FiltersStatusEnum2`)."""
    parent = decl.origin.parent
    if not isinstance(parent, Union) or decl.hint != parent.hint or decl.name_override or decl.origin.from_component:
        return False
    return not isinstance(decl, Union) or any(isinstance(m, Ref) and m.decl is decl for m in parent.members)


def inline_members(decl: Decl) -> list[Decl]:
    """The members a union declares inline (not components), in member order; [] for other declarations."""
    if not isinstance(decl, Union):
        return []
    return [
        m.decl
        for m in decl.members
        if isinstance(m, Ref) and m.decl.origin.parent is decl and not m.decl.origin.from_component
    ]


def members_named_by(union: Union) -> list[Decl]:
    """The inline members of `union` that take their names from it (see `named_by_union`)."""
    return [m for m in inline_members(union) if named_by_union(m)]


def replace_refs(decl: Decl, replace: Callable[[Ref], TypeExpr]) -> None:
    """Rewrite in place each reference `decl`'s fields, extra properties or members hold, through lists and
    maps, to what `replace` gives for it (IR rewrites that drop declarations: `shape`)."""

    def swap(expr: Any) -> Any:
        if isinstance(expr, Ref):
            return replace(expr)
        if isinstance(expr, ListOf):
            expr.item = swap(expr.item)
        elif isinstance(expr, MapOf):
            expr.value = swap(expr.value)
        return expr

    if isinstance(decl, Model):
        for item in decl.fields:
            item.type = swap(item.type)
        decl.additional = swap(decl.additional)
    elif isinstance(decl, Union):
        decl.members = [swap(m) for m in decl.members]
