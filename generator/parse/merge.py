"""`allOf` flattening: the shallow merge Speakeasy applies (`allOfMergeStrategy: shallowMerge`).

Members are resolved (following `$ref`s, across files) and their properties, `required`
lists and annotations are combined into one object schema, later members winning.
"""

from __future__ import annotations

import os
from typing import Any

from ..errors import SpecError, join_pointer
from ..load import Registry

# (file, pointer) of an allOf member -> the member with its properties read in
_Memo = dict[tuple[str, str], dict[str, Any]]

_ANNOTATIONS = ("description", "title", "deprecated", "example", "examples", "nullable", "x-speakeasy-name-override")


def merge_all_of(
    schema: dict[str, Any],
    registry: Registry,
    file: str,
    pointer: str,
    depth: int = 0,
    enum_copies: bool = False,
    memo: _Memo | None = None,
) -> dict[str, Any]:
    """Return one schema equivalent to `schema` with its `allOf` folded in; `enum_copies`: a lone enum
    `$ref` with annotations is an inline copy of the enum (newest era, see below). `memo` keeps the
    merge of every referenced schema, by location, so each is merged once: a chain of schemas each
    the `allOf` of the two before would otherwise be merged again for every path to it (exponential)."""
    memo = {} if memo is None else memo
    members = schema.get("allOf")
    if not isinstance(members, list):
        raise SpecError("allOf must be a list", file=file, pointer=join_pointer(pointer, "allOf"))
    if depth > 64:
        raise SpecError("allOf nesting is too deep (or cyclic)", file=file, pointer=pointer)
    members = _fold_notes(schema, members)
    noted = len(members) < len(schema["allOf"])
    if noted:  # `allOf: [$ref X, {description}]` is X (bolt `amt_won`: AmountView)
        schema = {**{k: v for k, v in schema.items() if k != "allOf"}, **_notes(schema["allOf"]), "allOf": members}
    own_keys = {k for k in schema if k != "allOf" and k not in _ANNOTATIONS}
    if len(members) == 1 and isinstance(members[0], dict) and "$ref" in members[0] and not own_keys:
        single = {k: v for k, v in schema.items() if k != "allOf"}
        target_file, _, target = registry.resolve(members[0]["$ref"], file, join_pointer(pointer, "allOf", 0))
        copied = enum_copies or noted or schema.get("nullable") is True
        enum = isinstance(target, dict) and isinstance(target.get("enum"), list)
        # so is an object made nullable beside its lone allOf (deck 1.592 `update_mode: {allOf: [$ref
        # LinkClientInfoResponseUpdateMode], nullable: true}` -> `UpdateMode`, `update` -> `Update`; no corpus
        # spec writes it so; with a description alone the object is used as it is: novu 1.444 `preference`)
        nulled = not noted and schema.get("nullable") is True and isinstance(target, dict) and "properties" in target
        if ((copied and enum) or nulled) and isinstance(target, dict) and "allOf" not in target:
            # an enum wrapped so it can carry a description is an inline copy, named after the property
            # (cribl-mgmt `product: {allOf: [$ref ProductName]}` -> `Product`; ProductName itself unused;
            # squadcast, 1.621, keeps `ExportFormat`); so in every era is an enum beside a member that
            # only annotates it (openrouter 1.656 `tokenizer: {allOf: [$ref ModelGroup, {nullable: true}]}`
            # -> `Tokenizer`, `truncation: {allOf: [$ref OpenAIResponsesTruncation, {example}]}` ->
            # `Truncation`), as a member with a default always was (plexpy 1.684 `IncludeHTTPS`), and an enum
            # made nullable beside its lone allOf (deck 1.592 `mode: {allOf: [$ref LinkTokenModeEnum], nullable:
            # true}` -> `Mode`; no corpus spec writes it so)
            copy = _rebase(target, target_file) if target_file != file else target
            return {**{k: v for k, v in copy.items() if k != "title"}, **single}
        single["$ref"] = _absolute_ref(members[0]["$ref"], file)
        return single
    distributed = _distribute(schema, members, registry, file, pointer, depth, memo)
    if distributed is not None:
        return distributed
    merged: dict[str, Any] = {"type": "object", "properties": {}}
    required: list[Any] = []
    for index, member in enumerate(members):
        member_file, member_pointer = file, join_pointer(pointer, "allOf", index)
        if isinstance(member, dict) and "$ref" in member:
            member_file, member_pointer, member = registry.resolve(member["$ref"], file, member_pointer)
            member_pointer = member_pointer or ""
        if isinstance(member, bool):  # a 3.1 boolean schema constrains no property: nothing to merge
            continue
        if not isinstance(member, dict):
            raise SpecError("expected a schema object", file=member_file, pointer=member_pointer)
        member = _merged(member, registry, member_file, member_pointer, depth, memo)
        if member_file != file:
            member = _rebase(member, member_file)
        _fold(merged, member, required)
    _fold(merged, {k: v for k, v in schema.items() if k != "allOf"}, required)
    if required:
        merged["required"] = list(dict.fromkeys(required))
    shapeless = not merged["properties"] and not any(
        k in merged for k in ("additionalProperties", "oneOf", "anyOf", "enum")
    )
    if shapeless and all(
        isinstance(m, dict) and m.get("type") not in (None, "object")
        for m in members
        if not isinstance(m, dict) or "$ref" not in m
    ):
        scalar = next((m for m in members if isinstance(m, dict) and "type" in m), None)
        if scalar is not None:
            return {**scalar, **{k: v for k, v in schema.items() if k in _ANNOTATIONS}}
    if not merged["properties"] and not _may_be_object(merged.get("type")):
        # members that only constrain or annotate (`{nullable: false}`, `{minimum: 1}`) leave a scalar
        # or an array as it is, not an empty object (Box `File.sequence_id`: `allOf: [string, {nullable}]`)
        del merged["properties"]
    return merged


def adopted_description(merged: dict[str, Any], registry: Registry, file: str) -> str:
    """The description a use site's `allOf: [$ref X, {description}]` gives X's class when X is itself an
    `allOf` with none of its own (bolt `cart_create: allOf [$ref base_cart, {...}]`, used as
    `allOf: [$ref cart_create, {description: "The cart_create object is a composite..."}]`: its page reads
    that, not base_cart's description; `amount_view`, a plain object without one used so for `amt_won`,
    keeps none). "" otherwise."""
    description = merged.get("description")
    if not isinstance(merged.get("$ref"), str) or not isinstance(description, str):
        return ""
    _, _, target = registry.resolve(merged["$ref"], file, "")
    if not isinstance(target, dict) or "allOf" not in target or "description" in target:
        return ""
    return description


def _may_be_object(types: Any) -> bool:
    return types == "object" or (isinstance(types, list) and "object" in types)


def _merged(
    member: dict[str, Any], registry: Registry, file: str, pointer: str, depth: int, memo: _Memo
) -> dict[str, Any]:
    """A member of an `allOf`, found at (`file`, `pointer`), with its own properties and `allOf`
    read in (see `merge_all_of`'s `memo`)."""
    key = (file, pointer)
    found = memo.get(key)
    if found is None:
        found = inline_properties(member, registry, file, pointer)
        if "allOf" in found:
            found = merge_all_of(found, registry, file, pointer, depth + 1, memo=memo)
        if isinstance(found.get("$ref"), str):
            found = _through_alias(found, registry, file, pointer, depth, memo)
        memo[key] = found
    return found


def _through_alias(
    alias: dict[str, Any], registry: Registry, file: str, pointer: str, depth: int, memo: _Memo
) -> dict[str, Any]:
    """A member that is itself `allOf: [$ref X]` (an alias of X) brings X's properties, its own
    annotations on top: not the bare `$ref`, which would make the merge X and drop the other members
    (openapi-python-client's `Extended: allOf: [$ref Aliased, {fromExtended}]`, `Aliased: allOf: [$ref AModel]`)."""
    if depth > 64:
        raise SpecError("allOf nesting is too deep (or cyclic)", file=file, pointer=pointer)
    target_file, target_pointer, target = registry.resolve(alias["$ref"], file, pointer)
    if not isinstance(target, dict):
        return alias
    found = _merged(target, registry, target_file, target_pointer or "", depth + 1, memo)
    if target_file != file:
        found = _rebase(found, target_file)
    return {**found, **{k: v for k, v in alias.items() if k != "$ref"}}


def _fold_notes(schema: dict[str, Any], members: list[Any]) -> list[Any]:
    """The members without those that only annotate (description, example...) when one `$ref` is left."""
    kept = [m for m in members if not (isinstance(m, dict) and m and "$ref" not in m and set(m) <= set(_ANNOTATIONS))]
    refs = [m for m in kept if isinstance(m, dict) and "$ref" in m]
    return kept if len(kept) == 1 and len(refs) == 1 else members


def _notes(members: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for member in members:
        if isinstance(member, dict) and "$ref" not in member:
            out.update(member)
    return out


def _distribute(
    schema: dict[str, Any], members: list[Any], registry: Registry, file: str, pointer: str, depth: int, memo: _Memo
) -> dict[str, Any] | None:
    """`allOf: [Union, {extra}]` -> a union of `allOf: [variant, {extra}]`, as Speakeasy builds it.

    Each variant becomes an inline copy named after the component it copies (its `title`
    here), so `createInput`'s `allOf: [$ref Input, {required: [id]}]` yields the members
    `CreateInputInputKafka`, ... beside the shared `InputKafka`.
    """
    unions = []
    for index, member in enumerate(members):
        member_file, target = file, member
        if isinstance(member, dict) and "$ref" in member:
            member_file, target_pointer, target = registry.resolve(
                member["$ref"], file, join_pointer(pointer, "allOf", index)
            )
            if isinstance(target, dict) and isinstance(target.get("allOf"), list):
                # itself distributed (RestDiscoveryDiscoverTypeHttp)
                target = _merged(target, registry, member_file, target_pointer or "", depth, memo)
        if isinstance(target, dict) and "properties" not in target:
            keyword = (
                "oneOf"
                if isinstance(target.get("oneOf"), list)
                else "anyOf" if isinstance(target.get("anyOf"), list) else ""
            )
            if keyword:
                unions.append((index, member_file, target, keyword))
    if not unions:
        return None
    union_indexes = {u[0] for u in unions}
    others = [m for j, m in enumerate(members) if j not in union_indexes]
    # the schema's own properties (beside its allOf) go into every variant, after the variant's own
    # (RestCollectorConf: each authentication variant carries discovery, collectUrl...), and so does
    # its `required` (PipelineFunctionSerde `conf: {allOf: [$ref FunctionConfSchemaSerde], required: [mode]}`)
    own = {
        k: v for k, v in schema.items() if k not in ("allOf", "title", "discriminator", COPY) and k not in _ANNOTATIONS
    }
    spread = bool(own.get("properties") or own.get("required"))
    if spread:
        others.append(own)
    _, union_file, union, keyword = unions[-1]
    out = {k: v for k, v in union.items() if k not in ("oneOf", "anyOf", "title")}
    out.update({k: v for k, v in schema.items() if k != "allOf" and (k not in own or not spread)})
    out[keyword] = _copies(union[keyword], union_file, file, others)
    if others and union.get(ORPHANS):
        # a member that was itself distributed brings its orphans: they take the other members too
        # (PipelineFunctionRedis `conf: {allOf: [$ref FunctionConfSchemaRedis], required: [commands]}`:
        # the unused RedisDeploymentType* variants require `commands` as the RedisAuthType* members do)
        out[ORPHANS] = [c for c in _copies(union[ORPHANS], union_file, file, others) if isinstance(c, dict)]
    if len(unions) > 1:
        # Several unions: the type is the last one's; the others' variants are still generated, unused
        # (RestCollectorConf: the RestAuthentication* variants, and orphan RestCollectMethodGet...)
        out[ORPHANS] = [c for _, f, u, k in unions[:-1] for c in _copies(u[k], f, file, others) if isinstance(c, dict)]
    return out


class _Note:
    """A key of parse's own notes on the schemas a merge builds. Only these new dicts carry them (the
    loaded document is never written to), and no YAML or JSON parser makes an object key, so a spec
    cannot set one: a spec's own `x-...` keys never change what parse does."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"<note {self.name}>"


ORPHANS: Any = _Note("orphans")  # variant copies a merge generates beside the type (see `_distribute`)
SPREAD: Any = _Note("spread")  # a union of whole copies (see `spread_properties`): kept with one member too
COPY: Any = _Note("copy")  # the component a distributed variant copies (it may name a root, see `naming.chains`)


def _copies(variants: list[Any], union_file: str, file: str, others: list[Any]) -> list[Any]:
    """Each variant merged with the other members, named after the component it copies (`title`)."""
    out: list[Any] = []
    for variant in variants:
        if isinstance(variant, dict) and union_file != file:
            variant = _rebase(variant, union_file)
        if not isinstance(variant, dict) or variant.get("type") == "null":
            out.append(variant)
            continue
        copy: dict[str, Any] = {"allOf": [variant] + others}
        if "$ref" in variant:
            copy["title"] = copy[COPY] = str(variant["$ref"]).rsplit("/", 1)[-1]
        out.append(copy)
    return out


def spread_properties(schema: dict[str, Any]) -> dict[str, Any] | None:
    """`{properties, anyOf: [{required: [a]}, {required: [b]}]}`: the variants only constrain the
    schema's own properties, so each becomes a copy of the whole object, the variant's properties
    first (cribl-cp InputGrafana -> `InputGrafanaInputUnion` of two copies; Notification's copies
    `Notification1`... keep the object's `mode` enum, not the variant's const). None otherwise."""
    keyword = (
        "oneOf" if isinstance(schema.get("oneOf"), list) else "anyOf" if isinstance(schema.get("anyOf"), list) else ""
    )
    if not keyword or not isinstance(schema.get("properties"), dict) or "allOf" in schema:
        return None
    variants = schema[keyword]
    if not variants or not all(
        isinstance(v, dict) and "$ref" not in v and v.get("type") in (None, "object") for v in variants
    ):
        return None
    kept = (*_ANNOTATIONS, "discriminator", COPY)
    rest = {k: v for k, v in schema.items() if k != keyword and k not in kept}
    out = {k: v for k, v in schema.items() if k in kept}
    out[keyword] = [{"allOf": [variant, rest]} for variant in variants]
    out[SPREAD] = True
    return out


def inline_properties(schema: dict[str, Any], registry: Registry, file: str, pointer: str) -> dict[str, Any]:
    """`properties: {$ref: ...}` keeps the properties map elsewhere (DigitalOcean): read it there."""
    props = schema.get("properties")
    if not (isinstance(props, dict) and len(props) == 1 and isinstance(props.get("$ref"), str)):
        return schema
    target_file, _, target = registry.resolve(props["$ref"], file, join_pointer(pointer, "properties"))
    if not isinstance(target, dict):
        raise SpecError("properties must be a mapping", file=file, pointer=join_pointer(pointer, "properties"))
    return {**schema, "properties": _rebase(target, target_file) if target_file != file else target}


def _fold(merged: dict[str, Any], member: dict[str, Any], required: list[Any]) -> None:
    for key, value in member.items():
        if key == "properties":  # a member's malformed `properties` is reported where it is built
            if isinstance(value, dict):
                merged["properties"].update(value)
        elif key == "required":
            if isinstance(value, list):
                required.extend(v for v in value if isinstance(v, (str, int)))
        elif key == "enum" and isinstance(value, list) and isinstance(merged.get(key), list):
            # a later member's enum keeps the values already merged first, in their order (openrouter 1.656
            # `service_tier: allOf [$ref OpenAIResponsesServiceTier, {enum: [.., scale, priority]}]`: the
            # component's `.., priority, scale`)
            merged[key] = list(dict.fromkeys([*merged[key], *value]))
        elif key != "allOf":
            merged[key] = value


def _absolute_ref(ref: Any, file: str) -> Any:
    if not isinstance(ref, str) or ref.startswith("#"):
        return ref
    target, _, fragment = ref.partition("#")
    return os.path.normpath(os.path.join(os.path.dirname(file), target)) + ("#" + fragment if fragment else "")


def _rebase(node: Any, file: str) -> Any:
    """Copy a subtree from another file with its `$ref`s made absolute (local ones included)."""
    if isinstance(node, dict):
        out = {k: _rebase(v, file) for k, v in node.items()}
        if isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            out["$ref"] = file + ref if ref.startswith("#") else _absolute_ref(ref, file)
        return out
    if isinstance(node, list):
        return [_rebase(v, file) for v in node]
    return node
