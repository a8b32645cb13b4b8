"""Type expressions and values spelled as Python source for the generated models.

The models' spelling (`Spelling`), which must also import, type-check and survive pydantic's
name resolution; and the plain spelling the docs' Type cells (`doctypes`) and `diff` print. Pydantic resolves a field's
annotation in the class namespace, where a field with a default named `date` (or
`str`, `int`...) hides the type of that name, so inside such a class the type is
spelled through its module (`_datetime.date`, `_builtins.str`).
"""

from __future__ import annotations

import builtins
import datetime
import decimal
import json
import math
import re
from typing import Any

from ..ir import Const, Decl, Enum, Field, ListOf, MapOf, Model, Prim, Ref, Role, Stream, TupleOf, TypeExpr, Union

_PRIMS = {"datetime": "datetime", "date": "date", "bytes": "bytes", "Decimal": "Decimal"}
_QUALIFIED = {
    "date": "_datetime.date",
    "datetime": "_datetime.datetime",
    "str": "_builtins.str",
    "int": "_builtins.int",
    "float": "_builtins.float",
    "bool": "_builtins.bool",
    "bytes": "_builtins.bytes",
}
SHADOWABLE = frozenset(_QUALIFIED)
_KNOWN = frozenset(("str", "int", "float", "bool", "bytes", "date", "datetime", "Decimal", "Any"))
# The SDK's httpx objects (an envelope's `raw_response`, a binary body left unread, `HTTPMetadata`)
# under the names Speakeasy's models give them (`httpx.Response`, `httpx.Request`): `_types`
# defines both as `Any`, so the package needs no httpx, neither at run time nor to type-check.
HTTPX = {"httpx.Response": "Response", "httpx.ResponseStream": "Response", "httpx.Request": "Request"}


def literal(value: Any) -> str | None:
    """A Python literal for a JSON scalar, or None when it has none (objects, NaN...)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        text = repr(value)
        return text.replace("e+", "e")  # black's spelling of exponents
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return None


class Spelling:
    """Spells type expressions; `shadowed` names are qualified, `typed` points at TypedDicts."""

    def __init__(
        self, shadowed: frozenset[str] = frozenset(), typed: bool = False, quoted: frozenset[str] = frozenset()
    ):
        self.shadowed = shadowed
        self.typed = typed
        self.quoted = quoted  # declarations named in quotes (not defined yet where spelled)
        self.used: set[str] = set()  # names the module must import
        # The module being written (`here`) and every declaration's module (`home`, by id):
        # a class of another module is imported by name (`refs`), or reached through that
        # module (`_components.Hub`, `qualified`) when this module has a class of that name.
        self.here = ""
        self.home: dict[int, str] = {}
        self.local_names: frozenset[str] = frozenset()
        self.refs: dict[str, set[str]] = {}
        self.qualified: set[str] = set()
        self.origins: dict[str, str] = {}  # imported class -> its module
        self.literal_enums = False  # enums are `Literal` aliases (gen.yaml `enumFormat: union`)
        self.file_type = "Union[bytes, IO[bytes], io.BufferedReader]"  # file content (`Profile.file_type`)
        self.generator_streams = False  # event streams as typing's generators (`Profile.generator_streams`)
        self.dateutil_defaults = False  # `dateutil.parser.isoparse(...)` (`Profile.dateutil_defaults`)

    def name(self, plain: str) -> str:
        if plain in self.shadowed:
            qualified = _QUALIFIED[plain]
            self.used.add(qualified.split(".")[0])
            return qualified
        self.used.add(plain)
        return plain

    def type(self, expr: TypeExpr) -> str:
        if isinstance(expr, Prim):  # SDK-only types (an envelope's httpx response) are Any here
            if expr.name == "str" and expr.format == "decimal":
                return self.name("Decimal")
            if expr.name == "file":  # what the SDK sends as a file or a raw body, as Speakeasy spells it
                self.used.update(("Union", "IO", "io"))
                return self.file_type.replace("bytes", self.name("bytes"), 1)
            if expr.name in HTTPX and HTTPX[expr.name] not in self.local_names:
                return self.name(HTTPX[expr.name])
            return self.name(_PRIMS.get(expr.name, expr.name) if expr.name in _KNOWN else "Any")
        if isinstance(expr, Ref):
            plain = py_name(expr.decl)
            name = plain + ("TypedDict" if self.typed and not isinstance(expr.decl, Enum) else "")
            where = self.home.get(id(expr.decl), self.here)
            if where != self.here:
                # a class of this name defined here, or imported from another module (components.Hub
                # and operations.Hub used by one operation): reached through its module
                if plain in self.local_names or self.origins.setdefault(plain, where) != where:
                    self.qualified.add(where)
                    name = f"{module_alias(where)}.{name}"
                else:
                    self.refs.setdefault(where, set()).add(name)
            return json.dumps(name) if expr.decl.name in self.quoted else name
        if isinstance(expr, TupleOf):  # see `parse.tuples`
            if not expr.closed:
                return f"{self.name('Tuple')}[{self.type(expr.item)}, ...]"
            return f"{self.name('Tuple')}[{', '.join(self.type(p) for p in expr.prefix)}]"
        if isinstance(expr, Stream):  # a streamed response's events, as Speakeasy's SDK returns them
            item = self.type(expr.item)
            if self.generator_streams:
                sync, async_ = (
                    f"{self.name('Generator')}[{item}, None, None]",
                    f"{self.name('AsyncGenerator')}[{item}, None]",
                )
            else:
                sync, async_ = f"{self.name('EventStream')}[{item}]", f"{self.name('EventStreamAsync')}[{item}]"
            return f"{self.name('Union')}[{sync}, {async_}]"
        if isinstance(expr, ListOf):
            return f"{self.name('List')}[{self._inner(expr.item, expr.nullable)}]"
        if isinstance(expr, MapOf):
            return f"{self.name('Dict')}[{self.name('str')}, {self._inner(expr.value, expr.nullable)}]"
        values = (expr.value, *expr.alternatives) if isinstance(expr, Const) else ()
        spelled = [literal(v) for v in values]
        if not values or any(s is None for s in spelled) or any(isinstance(v, float) for v in values):
            # Literal holds no floats, objects or arrays
            numeric = values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            return self.name("float" if numeric else "Any")
        return f"{self.name('Literal')}[{', '.join(s for s in spelled if s)}]"

    def _inner(self, expr: TypeExpr, nullable: bool) -> str:
        """An item or map value, `Nullable[...]` when it may be null."""
        return self.wrap("Nullable" if nullable else "", self.type(expr))

    def wrap(self, wrapper: str, inner: str) -> str:
        if not wrapper:
            return inner
        self.used.add(wrapper)
        return f"{wrapper}[{inner}]"


def py_name(decl: Decl) -> str:
    """A declaration's pydantic class (or alias) in the package. An error response's is `<Name>Data`
    (a model) or `<Name>Union`, `<Name>` being the exception that carries it as `data`
    (`exception_name`), as in every Speakeasy SDK of the corpus with model sources (bar 1.318
    `APIErrorData`, acuvity 1.453 `ElementalerrorData`, mammoth 1.606 `AddDataToWebhookBadRequestUnion`,
    outpost 1.791)."""
    if decl.uses.error and isinstance(decl, Model):
        return exception_name(decl) + "Data"
    if decl.uses.error and isinstance(decl, Union):
        return decl.name + "Union"
    return decl.name


# Python's own exceptions an error class must not hide: Speakeasy adds a `T` (outpost 1.712-1.791
# `TimeoutErrorT`, `NotImplementedErrorT`)
_BUILTIN_ERRORS = frozenset(n for n in dir(builtins) if n.endswith("Error"))


# Models whose fields are never JSON: the SDK fills them (response wrappers) or sends them otherwise (security)
_NOT_JSON = frozenset((Role.RESPONSE, Role.SECURITY, Role.OP_SECURITY))


def outside_json(model: Model, f: Field) -> bool:
    """A field with no wire alias, as in Speakeasy's models: the request body field (`request_body`,
    not `RequestBody`: 26 entries), a response wrapper's `headers`/`result`, security fields (18)."""
    return f.is_body or model.origin.role in _NOT_JSON


def exception_name(decl: Decl) -> str:
    """The exception class of an error model. One from a component (a schema or a response) ends in
    `Error` unless its name holds the word (agentset 1.708 response `BadRequest` -> `BadRequestError`,
    que 1.621 `ProblemResponseError`, openrouter 1.656 `BadGatewayResponseError`, outpost 1.712-1.791
    `UnauthorizedError`; kept: `InternalServerError`, bolt `ErrorsBoltAPIResponse`, acuvity 1.453-1.570
    `Elementalerror`); one named after its operation stays (plexpy 1.684 `GetUsersBadRequest`)."""
    name = decl.name
    if (decl.origin.from_component or "#/components/" in decl.pointer) and "error" not in name.lower():
        name += "Error"
    return name + "T" if name in _BUILTIN_ERRORS else name


def module_alias(module: str) -> str:
    """The private name a module is imported under (a field named `models` cannot hide it)."""
    return "_" + module.replace(".", "_")


def literal_enum(enum: Enum) -> bool:
    """An untyped enum whose values Python holds equal (`[1, "1", true]`: 1 == True) cannot be an Enum
    class (one would alias the other): it is a `Literal` alias of its values."""
    values = [v.value for v in enum.values]
    return not enum.base and any(a == b and type(a) is not type(b) for i, a in enumerate(values) for b in values[:i])


# an RFC 3339 date-time that `datetime.fromisoformat` reads on every Python 3, once `Z` is `+00:00`
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6})?(Z|[+-]\d\d:\d\d)?")


def _timestamp(value: str) -> bool:
    if not _TIMESTAMP.fullmatch(value):
        return False
    try:
        datetime.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:  # a 13th month...
        return False
    return True


def default_value(expr: TypeExpr, value: Any, spell: Spelling) -> str | None:
    """A spec default as Python source when it fits the field's type exactly, else None (then the
    field defaults to None or UNSET)."""
    if isinstance(expr, Ref) and isinstance(expr.decl, Enum) and literal_enum(expr.decl):
        exact = any(v.value == value and type(v.value) is type(value) for v in expr.decl.values)
        return literal(value) if exact else None
    if isinstance(expr, Ref) and isinstance(expr.decl, Enum):
        for member in expr.decl.values:
            if member.value == value and type(member.value) is type(value):
                return literal(value) if spell.literal_enums else f"{spell.type(expr)}.{member.name}"
        return None
    if isinstance(expr, Const):
        return literal(value) if value == expr.value and type(value) is type(expr.value) else None
    if not isinstance(expr, Prim):  # lists, tuples and maps too: Speakeasy writes no list or dict default
        # (syllable `search_fields`, mammoth `conditions`: None), so an absent one stays absent when dumped
        return None
    if expr.name in ("str", "Decimal") and (expr.format == "decimal" or expr.name == "Decimal"):
        try:
            exact = isinstance(value, (str, int)) and not isinstance(value, bool) and decimal.Decimal(value).is_finite()
        except decimal.InvalidOperation:
            exact = False
        if not exact:
            return None
        spell.used.add("_decimal")
        return f"_decimal.Decimal({literal(str(value))})"
    if expr.name == "datetime" and isinstance(value, str) and _timestamp(value):
        # as Speakeasy writes a date-time default (orq 1.606, 19 fields; before 1.570 orq 1.441's 3 with dateutil)
        spell.used.add("dateutil" if spell.dateutil_defaults else "parse_datetime")
        call = "dateutil.parser.isoparse" if spell.dateutil_defaults else "parse_datetime"
        return f"{call}({literal(value)})"
    if expr.name == "str" and isinstance(value, int) and not isinstance(value, bool):
        return literal(str(value))  # a string's whole-number default as its text (mammoth 1.606 `webhook_uri = "4"`)
    kinds = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,), "Any": (str, int, float, bool)}
    allowed = kinds.get(expr.name)
    if (
        allowed is None
        or not isinstance(value, allowed)
        or (isinstance(value, bool) and expr.name not in ("bool", "Any"))
    ):
        return None
    return literal(value)


def optionality(field: Field, nullable: bool = True) -> str:
    """The optionality wrapper Speakeasy puts around a field's type, or "". Without `nullable` (the v1
    template, see `Profile.shows_nullable`) a field that may be null is `Optional`, required or not."""
    if not nullable:
        return "Optional" if field.nullable or not field.required else ""
    if not field.required:
        return "OptionalNullable" if field.nullable else "Optional"
    return "Nullable" if field.nullable else ""


def wrap(name: str, inner: str) -> str:
    return f"{name}[{inner}]" if name else inner


# the docs' names of the scalars whose Python name differs from the IR's
_PLAIN_PRIMS = {
    "datetime": "datetime",
    "date": "date",
    "bytes": "bytes",
    "Decimal": "Decimal",
    "httpx.ResponseStream": "httpx.Response",
}


def plain_type(expr: TypeExpr) -> str:
    """A type as Speakeasy's docs print it and our change reports quote it: the names users read, with
    no imports or qualification (an envelope's streamed response is `httpx.Response`)."""
    if isinstance(expr, Prim):
        return _PLAIN_PRIMS.get(expr.name, expr.name)
    if isinstance(expr, Ref):
        return expr.decl.name
    if isinstance(expr, ListOf):
        return f"List[{plain_type(expr.item)}]"
    if isinstance(expr, MapOf):
        return f"Dict[str, {plain_type(expr.value)}]"
    return f"Literal[{_plain_literal(expr.value)}]"


def _plain_literal(value: object) -> str:
    """A const as the docs print it (strings JSON-quoted, so always safe; floats as Python prints them)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)
