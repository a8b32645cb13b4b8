"""`oneOf`/`anyOf` and `type: [a, b]` unions: their members, the cases where Speakeasy folds a union
into one type (consts, strings of several formats, one member), discriminator mappings, and the
position and tag that name each inline member."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import SpecError
from ..ir import ANY, Const, Decl, Enum, ListOf, MapOf, Model, Prim, Ref, TypeExpr, Union, closure, ref_target
from .guards import text
from .merge import COPY, SPREAD
from .scalars import SCALARS, STRING_FORMATS, STRING_TYPES
from .site import Site

if TYPE_CHECKING:  # the builder calls these with itself
    from .schemas import SchemaBuilder


def build_union(
    builder: SchemaBuilder,
    schema: dict[str, Any],
    variants: list[Any],
    site: Site,
    nullable: bool,
) -> tuple[TypeExpr, bool]:
    keyword = "oneOf" if "oneOf" in schema else "anyOf"
    lone = _nullable_scalar(variants) if site.component else None
    if lone is not None:  # the component is its one member, nullable (openrouter `CompletionFinishReason`)
        outer = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
        expr = builder.type_of({**outer, **lone}, site)[0]
        target = ref_target(expr)
        if target is not None and "$ref" not in lone:
            target.origin.dissolved = True
        return expr, True
    decl = Union(hint=text(schema.get(COPY)) or site.hint, pointer="", origin=site.origin())
    component = site.component
    if component:  # publish before the members, which may refer back to it
        builder.register(decl, schema, site)
    for index, variant in enumerate(variants):
        if is_null(variant):
            nullable = True
            continue
        # members go by the union's own hint: a distributed copy's (`InputGrafana`), not its container's
        expr, member_nullable = builder.type_of(variant, site.inside(decl, keyword, index, hint=decl.hint))
        nullable = nullable or member_nullable
        decl.untyped = decl.untyped or (expr == ANY and isinstance(variant, dict) and set(variant) == {"nullable"})
        decl.members.append(expr)
    discriminator = schema.get("discriminator")
    decl.discriminator = str(discriminator.get("propertyName", "")) if isinstance(discriminator, dict) else ""
    if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
        decl.mapping = _mapping(builder, discriminator["mapping"], site.file, site.pointer)
        _map_copies(decl)
    consts = [m for m in decl.members if isinstance(m, Const)]
    if not component and len(decl.members) > 1 and len(consts) == len(decl.members):
        # Speakeasy keeps the first of several consts (agentset `event`)
        return Const(consts[0].value, tuple(m.value for m in consts[1:])), nullable
    if (
        not component
        and len(decl.members) > 1
        and all(isinstance(m, Prim) and m.name in STRING_TYPES for m in decl.members)
    ):
        # strings of several formats are one string; the union's own `format` decides (orq `created`, `url`)
        name = STRING_FORMATS.get(str(schema.get("format")), "str")
        return Prim(name, text(schema.get("format")) if name == "str" else ""), nullable
    if _repeats_a_scalar(decl.members) and not _reaches(decl):
        if component:
            builder.unregister(decl, site)
        behind = tuple(d for d in map(ref_target, decl.members) if d is not None and d.origin.from_component)
        return Prim(ANY.name, behind=behind), nullable
    # a `oneOf`/`anyOf` of one class stays a union of one (orq-node 1.791 `load_balancer`, a page listing
    # `CreateAgentRequestLoadBalancer1`; airbyte, orq-2025-08, outpost, vercel 1.398 too); one left once
    # `null` is dropped, or one scalar (vercel 1.293 `oneOf: [string]`), is its member
    lone_class = len(variants) == 1 and len(decl.members) == 1 and isinstance(decl.members[0], Ref)
    if not component and len(decl.members) <= 1 and not lone_class and not schema.get(SPREAD):  # (cribl-cp)
        for member in decl.members:
            while isinstance(member, (ListOf, MapOf)):  # `oneOf: [null, {type: array, items: {enum}}]` too
                member = member.item if isinstance(member, ListOf) else member.value
            if isinstance(member, Ref) and member.decl.origin.parent is decl:  # the union vanishes: adopt its member
                # named after the property as it is, items too (mammoth `sources` -> `Sources`)
                member.decl.origin.parent, member.decl.hint, member.decl.origin.array_item = (
                    site.parent,
                    site.hint,
                    False,
                )
        return (decl.members[0] if decl.members else ANY), nullable
    tag_members(decl)
    if component:
        return Ref(decl), nullable
    return Ref(builder.register(decl, schema, site)), nullable


def _nullable_scalar(variants: list[Any]) -> dict[str, Any] | None:
    """The one inline scalar or enum of a component's `oneOf`/`anyOf` beside `null`: such a component is
    that member, nullable; an enum takes the component's name (openrouter 1.656 Python and 1.679
    TypeScript `CompletionFinishReason`, `Schema5`: an enum page; `__schema4`, `[string, null]`: no page).
    So is a lone `$ref` beside `null`: no class, its users refer to the target, nullable (openrouter 1.656
    `__schema0`, 1.679 TypeScript `__schema2`: `finish_reason` is `Nullable[ChatCompletionFinishReason]`,
    no `Schema0` page)."""
    members = [v for v in variants if not is_null(v)]
    if len(members) != 1 or len(members) == len(variants) or not isinstance(members[0], dict):
        return None
    member = members[0]
    if set(member) == {"$ref"}:
        return member
    scalar = (
        isinstance(member.get("type"), str)
        and member["type"] in SCALARS
        and not any(k in member for k in ("$ref", "oneOf", "anyOf", "allOf"))
    )
    return member if scalar else None


def _repeats_a_scalar(members: list[TypeExpr]) -> bool:
    """Whether a union lists one scalar type twice beside others (a const counts as its value's type, a
    string of any format but binary as `str`): Speakeasy types it `Any` and writes no class for it, though
    it generates the components among its members (openrouter 1.656 Python and 1.679 TypeScript
    `BigNumberUnion`/`__schema1`, `[number, string, number]`, and `ToolChoiceOption`, three string consts
    and `NamedToolChoice`: `*Any*` fields, no page of their own, `namedtoolchoice.md` written). A union of
    one scalar type alone is folded into it above (strings of several formats, consts); the corpus has no
    other union repeating a scalar (`[binary, string, ...]` keeps both: lineart `Output`)."""
    kinds = []
    for member in members:
        if isinstance(member, Prim):
            kinds.append("str" if member.name in STRING_TYPES else member.name)
        elif isinstance(member, Const) and isinstance(member.value, (str, int, float)):  # bool is an int
            kinds.append(type(member.value).__name__)
        else:
            kinds.append("")
    scalars = [kind for kind in kinds if kind]
    return len(scalars) > len(set(scalars)) and len(set(kinds)) > 1


def _reaches(union: Union) -> bool:
    """Whether a union's members refer back to it (a recursive one stays a union)."""
    return id(union) in closure([d for d in map(ref_target, union.members) if d is not None])


def is_null(variant: Any) -> bool:
    return isinstance(variant, dict) and (variant.get("type") == "null" or variant.get("enum") == [None])


def type_member(
    builder: SchemaBuilder,
    name: Any,
    schema: dict[str, Any],
    site: Site,
) -> TypeExpr | None:
    """One member of a `type: [a, b]` union: scalars, `Dict[str, X]` for object, `List[X]` for array."""
    if name in SCALARS:
        return Prim(SCALARS[name])
    if name == "object":
        value = schema.get("additionalProperties")
        value = value if isinstance(value, dict) else {}
        return MapOf(builder.type_of(value, site.at("additionalProperties"))[0])
    if name == "array":  # its `items` are not read: `type: [array, string]` is `List[Any]` (cribl-cp `attribute`)
        return ListOf(ANY)
    return None


def _map_copies(union: Union) -> None:
    """A mapping names the components; a union whose members are copies of them (an `allOf` spread into
    each, cribl-cp `v3User`) maps each value to the copy of the component it names."""
    copies = {m.decl.hint: m.decl for m in union.members if isinstance(m, Ref)}
    members = {id(decl) for decl in copies.values()}
    for value, target in union.mapping.items():
        if id(target) not in members and target.hint in copies:
            union.mapping[value] = copies[target.hint]


def _mapping(builder: SchemaBuilder, mapping: dict[str, Any], file: str, pointer: str) -> dict[str, Decl]:
    """Discriminator values whose target schema is already declared (members are, by now)."""
    found: dict[str, Decl] = {}
    for value, ref in mapping.items():
        if not isinstance(ref, str):
            continue
        ref = ref if "#" in ref or "/" in ref or "." in ref else "#/components/schemas/" + ref
        try:
            target_file, target_pointer, _ = builder.registry.resolve(ref, file, pointer)
        except SpecError:
            continue
        decl = builder.declared_at(target_file, target_pointer)
        if decl is not None:
            found[str(value)] = decl
    return found


def inline_union(
    builder: SchemaBuilder,
    members: list[Any],
    schema: dict[str, Any],
    site: Site,
) -> TypeExpr:
    decl = Union(hint=site.hint, pointer="", origin=site.origin(), members=members)
    return Ref(builder.register(decl, schema, site))


def tag_members(union: Union) -> None:
    """Give a union's inline members their position and discriminating value (which name them).

    The value is that of the discriminator, else of the last single-valued property (`const` or a
    one-value enum) whose value no other member shares; members without one are named by position.
    """
    tags: list[list[tuple[str, str]]] = []
    own = [m for m in union.members if isinstance(m, Ref) and m.decl.origin.parent is union]
    for member in union.members:
        pairs = []
        if isinstance(member, Ref) and isinstance(member.decl, Enum) and len(member.decl.values) == 1 and len(own) > 1:
            pairs.append(
                ("", str(member.decl.values[0].value))
            )  # its value (openrouter `OutputMessageStatusCompleted`)
        elif isinstance(member, Ref) and isinstance(member.decl, Model):
            for f in member.decl.fields:
                if isinstance(f.type, Const):
                    pairs.append((f.wire_name, str(f.type.value)))
                elif isinstance(f.type, Ref) and isinstance(f.type.decl, Enum) and len(f.type.decl.values) == 1:
                    pairs.append((f.wire_name, str(f.type.decl.values[0].value)))
        tags.append(pairs)
    for index, (member, pairs) in enumerate(zip(union.members, tags, strict=True), 1):
        if not (isinstance(member, Ref) and member.decl.origin.parent is union):
            continue
        member.decl.origin.index = index
        # the discriminator names it (cribl-cp `type`), else the last one (agentset `model`, not `provider`)
        ordered = sorted(reversed(pairs), key=lambda pair: pair[0] != union.discriminator)  # noqa: C414 - stable
        for prop, value in ordered:
            if sum(1 for other in tags if (prop, value) in other) == 1:
                member.decl.origin.tag = value
                break
        else:
            member.decl.origin.shared_tag = ordered[0][1] if ordered else ""
