"""Turn JSON Schema nodes into IR type expressions, creating declarations on the way.

A schema becomes a declaration (Model, Enum, Union) when it needs a class of its own;
scalars, arrays and free-form maps become plain type expressions. Component schemas are
memoised by (file, pointer) so shared and recursive references map to one declaration.

A `$ref`'s siblings are ignored, `nullable` too (outpost 1.791, a 3.1.0 document: `destination:
{nullable: true, $ref: Destination, description}` is `Optional[Destination]` described N/A; the
libopenapi Speakeasy parses with drops a subschema's `$ref` siblings, pb33f/libopenapi#568); a
nullable said AROUND the `$ref` holds (openrouter 1.656 `tokenizer: allOf [$ref ModelGroup,
{nullable: true}]`: `Nullable[Tokenizer]`). No corpus entry with gold has a `$ref` + `nullable` in a
3.0 document (log10py's are on unused schemas), so no era is known to read it otherwise.
"""

from __future__ import annotations

from typing import Any

from ..errors import join_pointer
from ..ir import (
    ANY,
    Const,
    Decl,
    Enum,
    Example,
    Field,
    ListOf,
    MapOf,
    Model,
    Prim,
    Ref,
    TupleOf,
    TypeExpr,
    Union,
)
from ..load import Registry
from .enums import build_enum
from .examples import property_example, schema_example
from .guards import capped, check_shape, text
from .merge import COPY, ORPHANS, adopted_description, inline_properties, merge_all_of, spread_properties
from .recursion import is_self_contained, placeholder, settle
from .rules import SPEAKEASY_NOW, ParseRules
from .scalars import SCALARS, STRING_FORMATS
from .site import Site
from .tuples import tuple_type
from .unions import build_union, inline_union, is_null, type_member

_MAX_DEPTH = 400


class SchemaBuilder:
    """Builds IR from schemas; collects every declaration it creates in `decls`."""

    def __init__(self, registry: Registry, rules: ParseRules = SPEAKEASY_NOW):
        self.registry = registry
        self.rules = rules
        self.decls: list[Decl] = []
        self._by_location: dict[tuple[str, str], TypeExpr | _Forward] = {}
        self._nullable_at: dict[tuple[str, str], bool] = {}
        self._depth = 0
        # Inline schemas of shared response/parameter/request-body components, built once
        # however many operations use them: (file, pointer) -> (type, nullable).
        self.shared: dict[tuple[str, str], tuple[TypeExpr, bool]] = {}
        # (type, orphan): built beside a type, generated when the type is although nothing uses them
        self.orphans: list[tuple[TypeExpr, TypeExpr]] = []
        self.error_descriptions: dict[int, str] = {}  # id(decl) -> the first error response's description
        self.raised: list[Decl] = []  # what an operation returns on success and on an error status (`responses`)
        # file -> its schema and request body component keys, re-cased and lower-cased (see `responses`)
        self.component_names: dict[str, set[str]] = {}
        self.http_meta: Model | None = None  # `envelope-http` responses' shared `HTTPMetadata` (see `envelope`)

    # -- entry points -------------------------------------------------------------

    def type_of(self, schema: Any, site: Site) -> tuple[TypeExpr, bool]:
        """Return (type, nullable) for a schema found at `site`."""
        self._depth += 1
        try:
            if self._depth > _MAX_DEPTH:
                raise site.error("schema nesting is too deep")
            expr, nullable = self._type_of(schema, site)
            return capped(expr), nullable
        finally:
            self._depth -= 1

    # -- internals ----------------------------------------------------------------

    def ref_type(self, file: str, pointer: str, hint: str) -> tuple[TypeExpr, bool]:
        """The type of the component at (file, pointer), built once and memoised."""
        key = (file, pointer)
        found = self._by_location.get(key)
        if isinstance(found, _Forward):
            if found.decl is None:  # a map or array that reaches itself: see `recursion`
                found.decl = found.stand_in = placeholder(hint)
            return Ref(found.decl), False
        if found is not None:
            return found, self._nullable_at[key]
        node = self.registry.resolve("#" + pointer, file, pointer)[2] if pointer else self.registry.document(file)
        forward = self._by_location[key] = _Forward()
        start = len(self.decls)
        site = Site(file, pointer, hint, component=True)
        expr, nullable = self._type_of(node, site)
        if forward.stand_in is not None:
            expr = self._settle(forward.stand_in, expr, node, site, start)
        self._by_location[key] = expr
        self._nullable_at[key] = nullable
        return expr, nullable

    def _settle(self, stand_in: Union, expr: TypeExpr, node: Any, site: Site, start: int) -> TypeExpr:
        """The type of a component that was referred to while it was built (see `recursion`)."""
        if is_self_contained(stand_in, expr, site.file, site.pointer):  # `Dict[str, Tree]`: an alias of its own
            stand_in.members = [expr]
            return Ref(self.register(stand_in, node if isinstance(node, dict) else {}, site))
        settle(stand_in, expr, self.decls[start:], self._by_location, self.orphans)
        return expr

    def _follow(self, schema: dict[str, Any], site: Site) -> tuple[TypeExpr, bool]:
        target_file, target_pointer, _ = self.registry.resolve(schema["$ref"], site.file, site.pointer)
        hint = target_pointer.rsplit("/", 1)[-1] if target_pointer else _file_stem(target_file)
        return self.ref_type(target_file, target_pointer, hint)

    def _type_of(self, schema: Any, site: Site) -> tuple[TypeExpr, bool]:
        if schema is True or schema is False or schema is None or schema == {}:  # `false` (3.1): nothing valid
            return ANY, False
        if not isinstance(schema, dict):
            raise site.error("expected a schema object")
        check_shape(schema, site.file, site.pointer)
        if "$ref" in schema:  # its siblings are ignored, `nullable` too (module docstring)
            return self._follow(schema, site)
        nullable = bool(schema.get("nullable"))
        if schema.get("x-speakeasy-type-override") == "any":  # orq-node 1.791 `guardrail_config`: *any*
            variants = schema.get("oneOf") or schema.get("anyOf")
            return ANY, nullable or (isinstance(variants, list) and any(is_null(v) for v in variants))
        types = schema.get("type")
        if isinstance(types, list):
            nullable = nullable or "null" in types
            types = [t for t in types if t != "null"]
            types = types[0] if len(types) == 1 else (types if types else None)
        if "allOf" in schema:
            merged = merge_all_of(schema, self.registry, site.file, site.pointer, enum_copies=self.rules.enum_copies)
            orphans = []
            if ORPHANS in merged:  # variants of a second union in the allOf: generated, though unused
                for index, orphan in enumerate(merged.pop(ORPHANS)):
                    orphans.append(self.type_of(orphan, site.at("allOf", "orphan", index))[0])
            if merged is not schema:
                expr, inner_nullable = self._type_of(merged, site)
                if isinstance(expr, Ref) and (adopted := adopted_description(merged, self.registry, site.file)):
                    expr.decl.description = adopted
                self.orphans.extend((expr, orphan) for orphan in orphans)
                # a nullable around the `$ref` holds: `allOf: [$ref X, {nullable: true}]` is `{$ref X, nullable}`
                return expr, nullable or inner_nullable or merged.get("nullable") is True
        spread = spread_properties(schema)
        if spread is not None:
            schema = spread
        variants = schema.get("oneOf") or schema.get("anyOf")
        if isinstance(variants, list) and variants:
            return build_union(self, schema, variants, site, nullable)
        if "const" in schema and self.rules.consts_ignored:
            schema = {key: value for key, value in schema.items() if key != "const"}
        if "const" in schema and self.rules.const_enums and schema["const"] is not None:
            constant = {**schema, "enum": [schema["const"]]}
            expr, nullable = build_enum(self, constant, site, nullable)
            if isinstance(expr, Ref) and isinstance(expr.decl, Enum):
                expr.decl.const = True
            return expr, nullable
        if "const" in schema or _only_null(schema):  # `null` alone: Nullable[Literal[None]], absent stays absent
            value = schema.get("const")
            return Const(value), nullable or value is None
        if isinstance(schema.get("enum"), list) and types != "array":
            # `type: array` with an `enum` and no `items` is a list of anything (airbyte 1.402 `source-cimis`
            # `daily_data_items`: `List[Any]`)
            return build_enum(self, schema, site, nullable)
        if isinstance(types, list):
            members = [type_member(self, t, schema, site) for t in types]
            members = [m for m in members if m is not None]
            return inline_union(self, members, schema, site), nullable
        if "prefixItems" in schema and types in ("array", None):
            return self._tuple(schema, site), nullable
        if types == "array" or (types is None and "items" in schema):
            items = schema.get("items", {})
            item_hint = _union_title(items) or site.hint  # an object's own title names it too (`_object`)
            item, item_nullable = self.type_of(items, site.at("items", hint=item_hint))
            # a component's own items keep its name (bolt `emails` -> `Emails`); a property's are singular
            if (
                isinstance(item, Ref)
                and not item.decl.origin.from_component
                and item.decl.origin.parent is site.parent
                and not site.component
            ):
                item.decl.origin.array_item = True
            # `Any` holds null already; older generators drop the items' (`ParseEras.nullable_items`)
            return ListOf(item, item_nullable and item != ANY and self.rules.nullable_items), nullable
        if types == "object" or "properties" in schema or (types is None and "additionalProperties" in schema):
            return self._object(schema, site), nullable
        if types in SCALARS:
            name = SCALARS[types]
            if name == "str":
                name = STRING_FORMATS.get(str(schema.get("format")), "str")
                return Prim(name, text(schema.get("format")) if name == "str" else ""), nullable
            return Prim(name), nullable
        return ANY, nullable

    def _tuple(self, schema: dict[str, Any], site: Site) -> TupleOf:
        expr = tuple_type(schema, site, self.type_of)
        if isinstance(expr.item, Ref) and expr.item.decl.pointer == "":  # the union joining the positions
            self.register(expr.item.decl, {}, site.at("prefixItems"))
        return expr

    def register(self, decl: Decl, schema: dict[str, Any], site: Site) -> Decl:
        """Record a new declaration built at `site`; a component's is published at once for recursive refs."""
        file, pointer, component = site.file, site.pointer, site.component
        decl.description = text(schema.get("description"))
        decl.deprecated = bool(schema.get("deprecated"))
        decl.deprecation_message = text(schema.get("x-speakeasy-deprecation-message"))
        decl.origin.from_component = component
        decl.name_override = text(schema.get("x-speakeasy-name-override"))
        decl.origin.copy_of = text(schema.get(COPY))
        decl.example = schema_example(schema)
        decl.pointer = file + "#" + pointer
        forward = self._by_location.get((file, pointer))
        if component and isinstance(forward, _Forward) and forward.decl is None:
            forward.decl = decl
        self.decls.append(decl)
        return decl

    def unregister(self, decl: Decl, site: Site) -> None:
        """Take back a component's declaration published before it turned out to be no class (see `unions`)."""
        self.decls.remove(decl)
        forward = self._by_location.get((site.file, site.pointer))
        if isinstance(forward, _Forward) and forward.decl is decl:
            forward.decl = None

    def _object(self, schema: dict[str, Any], site: Site) -> TypeExpr:
        file, pointer = site.file, site.pointer
        schema = inline_properties(schema, self.registry, file, pointer)
        properties = schema.get("properties") or {}
        additional = schema.get("additionalProperties")
        if not isinstance(properties, dict):
            raise site.error("properties must be a mapping", "properties")
        # No properties: a map when additionalProperties says so (`true`, `{}` or a schema; components too:
        # outpost `Filter`, venari `CustomData`); otherwise an (empty) class, as Speakeasy generates for a
        # bare `type: object`.
        if not properties and (additional is True or isinstance(additional, dict)):
            value_schema = additional if isinstance(additional, dict) else {}
            value, value_nullable = self.type_of(value_schema, site.at("additionalProperties"))
            return MapOf(value, value_nullable)  # `Dict[str, Nullable[Any]]` (openrouter `metadata`)
        model = Model(hint=site.hint if site.component else str(schema.get("title") or site.hint), pointer="")
        model.origin = site.origin()
        model = self.register(model, schema, site)  # type: ignore[assignment]
        listed = schema.get("required")
        required = listed if isinstance(listed, list) else []
        for wire_name, prop in properties.items():
            prop_pointer = join_pointer(pointer, "properties", wire_name)
            prop_schema = prop if isinstance(prop, dict) else {}
            if prop_schema.get("x-speakeasy-ignore") is True:  # no field (orq `stream` of a deployment request)
                continue
            hint = pascal_hint(wire_name, prop_schema)
            titled = bool(prop_schema.get("title")) and hint == str(prop_schema.get("title"))
            expr, nullable = self.type_of(prop, site.inside(model, "properties", wire_name, hint=hint, titled=titled))
            doc_file, doc_pointer, documented = self.ref_location(prop_schema, file, prop_pointer)
            documented = {**self._wrapped_notes(documented, doc_file, doc_pointer), **documented}
            model.fields.append(
                Field(
                    wire_name=str(wire_name),
                    type=expr,
                    required=wire_name in required and not _defaulted_scalar(expr, {**prop_schema, **documented}),
                    nullable=nullable,
                    description=text(documented.get("description")),
                    example=property_example(
                        documented, prop_schema, self._wrapped_targets(documented, doc_file, doc_pointer)
                    ),
                    default=spec_default(prop_schema, documented),
                    deprecated=bool(documented.get("deprecated")),  # a `$ref` sibling is ignored (syllable var_name)
                    deprecation_message=text(prop_schema.get("x-speakeasy-deprecation-message")),
                    name_override=text(prop_schema.get("x-speakeasy-name-override")),
                    read_only=bool(prop_schema.get("readOnly") or documented.get("readOnly")),
                    write_only=bool(prop_schema.get("writeOnly")),
                )
            )
        # `unevaluatedProperties: false` (3.1) closes it too; as a schema it is ignored (squadcast, as Speakeasy)
        model.closed = additional is False or schema.get("unevaluatedProperties") is False
        # any extra property, shown as `__pydantic_extra__` (plexpy `Hub`); `{}` allows any too (orq-node-1791
        # TypeScript docs: `additionalProperties: {}` beside properties gives the `Record<string, *any*>` row)
        if additional is True or additional == {}:
            model.additional = ANY
        elif isinstance(additional, dict):
            model.additional, _ = self.type_of(
                additional, site.inside(model, "additionalProperties", hint="AdditionalProperties")
            )
        return Ref(model)

    def _wrapped_notes(self, schema: dict[str, Any], file: str, pointer: str) -> dict[str, Any]:
        """The example and default a wrapped property (`allOf`, `oneOf: [X, null]`) shows from its members,
        but not their description (plexpy `lastViewedAt: allOf [$ref PlexDateTime]`: N/A, 1556281940); a
        union of several members shows none of theirs (openrouter 1.656 Python and 1.679 TypeScript
        `annotation: $ref OpenAIResponsesAnnotation`, `anyOf` of three components with examples: none)."""
        notes: dict[str, Any] = {}
        for target in self._wrapped_targets(schema, file, pointer):
            for key in ("example", "default"):
                if key in target and key not in notes:
                    notes[key] = target[key]
        return notes

    def _wrapped_targets(self, schema: dict[str, Any], file: str, pointer: str) -> list[dict[str, Any]]:
        """The schemas a wrapped property (`allOf`, or `oneOf`/`anyOf` of one member and null) stands for."""
        targets: list[dict[str, Any]] = []
        for keyword in ("allOf", "oneOf", "anyOf"):
            listed = schema.get(keyword)
            members: list[Any] = listed if isinstance(listed, list) else []
            if keyword != "allOf" and len([m for m in members if not is_null(m)]) > 1:
                continue
            targets += [
                self.ref_target(member, file, join_pointer(pointer, keyword, index))
                for index, member in enumerate(members)
                if isinstance(member, dict)
            ]
        return targets

    def ref_target(self, schema: dict[str, Any], file: str, pointer: str) -> dict[str, Any]:
        """The schema a `$ref` property documents itself with: the target's (siblings of `$ref` are
        ignored, as in Speakeasy's docs: description and example come from the component)."""
        return self.ref_location(schema, file, pointer)[2]

    def declared_at(self, file: str, pointer: str) -> Decl | None:
        """The declaration already built (or being built) from the schema at (`file`, `pointer`)."""
        known = self._by_location.get((file, pointer))
        decl = known.decl if isinstance(known, (Ref, _Forward)) else None
        return decl if isinstance(decl, Decl) else None

    def ref_location(self, schema: dict[str, Any], file: str, pointer: str) -> tuple[str, str, dict[str, Any]]:
        """`ref_target` with the file and pointer it is read at (its own `$ref`s are relative to that file)."""
        for _ in range(32):
            if not isinstance(schema.get("$ref"), str):
                break
            file, pointer, target = self.registry.resolve(schema["$ref"], file, pointer)
            pointer = pointer or ""
            schema = target if isinstance(target, dict) else {}
        return file, pointer, schema


def describe(expr: TypeExpr, description: Any) -> None:
    """An inline body or parameter schema without a description takes its container's
    (request body, response, parameter), which is what Speakeasy's docs show for it."""
    if isinstance(expr, Ref) and not expr.decl.origin.from_component and not expr.decl.description:
        expr.decl.description = text(description)


class _Forward:
    """A component under construction; lets recursive references point at it."""

    def __init__(self) -> None:
        self.decl: Decl | None = None
        self.stand_in: Union | None = None  # set when referred to before it has a declaration


def _file_stem(path: str) -> str:
    base = path.rsplit("/", 1)[-1]
    return base.split(".", 1)[0]


def spec_default(schema: dict[str, Any], documented: dict[str, Any]) -> Example | None:
    """A property's or parameter's default: its own, else the one its `$ref` target or wrapped member
    (`allOf: [X]`) declares (plexpy `defaultAudioAccessibility: allOf [{enum, default: 0}]` defaults to
    `PREFER_NON_ACCESSIBILITY`). Of `anyOf`/`oneOf`, a member's own: Speakeasy's models read the default
    of the member the union stands for, never the one beside it (syllable 1.519 `page: anyOf [integer,
    null], default: 0`, 17 parameters, openrouter 1.656 `temperature`, orq 1.606 `created: anyOf
    [date-time, string], default`: none; mammoth 1.606 `oneOf: [null, {default: '__standard'}]`, 50
    fields, orq `updated: anyOf [{date-time, default}, string]`: kept)."""
    for keyword in ("anyOf", "oneOf"):
        members = schema.get(keyword)
        if isinstance(members, list) and members:
            found = [m["default"] for m in members if isinstance(m, dict) and "default" in m]
            return Example(found[0]) if found else None
    for source in (documented,) if "$ref" in schema else (schema, documented):  # `$ref` siblings are ignored
        if "default" in source:
            return Example(source["default"])
    # a default beside a `$ref` in `allOf` (plexpy 1.684 `includeHttps: allOf [$ref BoolInt, {default: 0}]`)
    beside = [m for m in schema.get("allOf") or () if isinstance(m, dict) and "default" in m and "$ref" not in m]
    return Example(beside[0]["default"]) if beside and "$ref" not in schema else None


def _defaulted_scalar(expr: TypeExpr, schema: dict[str, Any]) -> bool:
    """A required scalar with a (non-null) default is optional in Speakeasy's models: the default
    fills it (agentset `searchEnabled`, plexpy, sunsynk); lists and null defaults stay required."""
    if schema.get("default") is None:
        return False
    return isinstance(expr, Prim) or (isinstance(expr, Ref) and isinstance(expr.decl, Enum))


def pascal_hint(wire_name: Any, schema: dict[str, Any]) -> str:
    """The property's title, else its name; an array's items go by the name (their own title aside):
    cribl-cp `header: {title: Header Fields, items: {...}}` -> `Header`."""
    if schema.get("type") == "array" or ("items" in schema and "type" not in schema):
        return str(schema.get("x-speakeasy-name-override") or wire_name)  # plexpy `Guid` (override `guids`) -> `Guids`
    if _nullable_wrapper(schema):  # the title of `oneOf: [null, {...}]` names no class (mammoth `param` -> `Param`)
        return str(wire_name)
    return str(schema.get("title") or wire_name)


def _union_title(schema: Any) -> str:
    """The title of an inline union of array items, which names it (orq-node 1.791 `fallback_models` items
    titled "Fallback Model Configuration": `RunAgentFallbackModelConfiguration`); "" for none."""
    if not isinstance(schema, dict) or "$ref" in schema or _nullable_wrapper(schema):
        return ""
    return str(schema.get("title") or "") if schema.get("oneOf") or schema.get("anyOf") else ""


def _nullable_wrapper(schema: dict[str, Any]) -> bool:
    variants = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(variants, list) or len(variants) != 2:
        return False
    nulls = [v for v in variants if isinstance(v, dict) and (v.get("type") == "null" or v.get("enum") == [None])]
    return len(nulls) == 1


def _only_null(schema: dict[str, Any]) -> bool:
    """`type: "null"` (or `["null"]`): the one value null."""
    types = schema.get("type")
    return types == "null" or (isinstance(types, list) and bool(types) and all(t == "null" for t in types))
