"""Unions in the models: their tags, member order, and the unknown member of an open union.

A union whose members carry one property of distinct constant values is tagged: pydantic picks the
member by that value. With gen.yaml's `forwardCompatibleUnionsByDefault: tagged-only` such a union
is open (`Profile.open_unions`): an `Unknown<Union>` model, last member, takes a payload of any
other tag whole, as `raw`, so a newer API's variant does not fail validation.
"""

from __future__ import annotations

from ..gosort import sort_slice
from ..ir import Const, Decl, Enum, Model, Ref, TypeExpr, Union
from .model_rules import ModelRules
from .pytypes import py_name


def tags_of(union: Union) -> dict[object, list[str]] | None:
    """Discriminator value -> the member classes it picks, when every member is a model with known tags
    or a union of models its mapping names: one tag then picks that union's members (cribl-cp 1.784
    `Input`: `grafana` -> `InputGrafanaUnion`, Speakeasy's `Tag("grafana")` on the union)."""
    prop = tag_property(union)
    members = [m.decl for m in union.members if isinstance(m, Ref)]
    if not prop or len(members) != len(union.members) or not all(isinstance(d, (Model, Union)) for d in members):
        return None
    tags: dict[object, list[str]] = {}
    for decl in members:
        values: list[object] = [value for value, target in union.mapping.items() if target is decl]
        if isinstance(decl, Union):
            inner = [m.decl for m in decl.members if isinstance(m, Ref)]
            if len(inner) != len(decl.members) or not all(isinstance(d, Model) for d in inner):
                return None
            names = [py_name(d) for d in inner]
            if not values:  # a request variant's copy, which the mapping does not name: its members' one tag
                found = {tuple(_own_tags(d, prop)) for d in inner}
                values = list(found.pop()) if len(found) == 1 else []
        else:
            values = values or _own_tags(decl, prop)
            names = [py_name(decl)]
        if not values:
            return None
        for value in values:
            if not isinstance(value, (str, int)) or tags.setdefault(value, names) != names:
                return None
    return tags


def tag_property(union: Union) -> str:
    """The property that tags `union`: its discriminator, else a const property every member has with a
    value of its own (agentset 1.708 `WebhookEvent`'s `event`, `IngestJobPayload`'s `type`)."""
    if union.discriminator:
        return union.discriminator
    shared = _shared_consts(union)
    return min(shared) if shared else ""


def tag_values(expr: TypeExpr, open_enums: bool = True, alternatives: bool = True) -> list[object] | None:
    """The values a member's tag property takes: a const's (with `alternatives`, every value of a union
    of consts folded into it: agentset `event`), or an enum's (an open one only with `open_enums`); None
    for any other type."""
    if isinstance(expr, Const):
        return [expr.value, *expr.alternatives] if alternatives else [expr.value]
    if isinstance(expr, Ref) and isinstance(expr.decl, Enum) and (open_enums or not expr.decl.open):
        return [v.value for v in expr.decl.values]
    return None


def _own_tags(decl: Decl, prop: str) -> list[object]:
    assert isinstance(decl, Model)
    for f in decl.fields:
        if f.wire_name == prop:
            values = tag_values(f.type, open_enums=False)
            if values is not None:
                return values
            break
    return [decl.hint] if decl.origin.from_component else []


def member_order(union: Union, infer_tags: bool) -> list[TypeExpr]:
    """Model members first, fewest fields first, then the others (scalars, lists, unions) in the spec's
    order: Speakeasy's order for pydantic's left-to-right matching (bolt PaymentMethod: 4 fields before
    10; mammoth `str` after every model; 14 entries, 1.441 on). The models are sorted by Go's unstable
    `sort.Slice` (`gosort`): up to 12 keep the spec's order among equals, more are shuffled as Go does
    (orq-2025-08 `DataFunctionParams`, 35 members). A tagged union keeps the spec's order, as the docs
    always do: one with a declared discriminator, or, with `inferUnionDiscriminators: true` (gen.yaml
    `python:`, from 1.661), one whose members carry a const of one property (agentset 1.708, cribl-cp
    1.784). Without the option such a union is sorted like any other (openrouter 1.656 `Message`: the
    `ToolResponseMessage` of 3 fields before the `AssistantMessage` of 6; orq 1.441 and 1.606.5). A mapping
    that names every member gives their order (`_mapping_order`)."""
    if is_tagged(union, infer_tags):
        return _mapping_order(union) or union.members
    models = [m for m in union.members if isinstance(m, Ref) and isinstance(m.decl, Model)]
    ranked = list(models)
    sort_slice(ranked, lambda x, y: _field_count(x) < _field_count(y))
    return ranked + [m for m in union.members if m not in models]


def _field_count(member: TypeExpr) -> int:
    return len(member.decl.fields) if isinstance(member, Ref) and isinstance(member.decl, Model) else 0


def _mapping_order(union: Union) -> list[TypeExpr]:
    """The members as the discriminator's mapping names them, once per value, [] unless it names each:
    outpost 1.791 `Destination` (`oneOf` Webhook, Hookdeck, AWSSQS...; mapping and Speakeasy's union
    webhook, aws_sqs, rabbitmq, hookdeck...), and its `DestinationCreate` and `DestinationUpdate`; cribl-cp
    1.784 `V3User` lists `...AuthProtocolNotNone` for each of md5, sha... sha512 (six times), the only
    entry with a mapping naming a member twice. No other entry's mapping lists members in another order
    than its `oneOf`. A request variant's copy is not named by the mapping (cribl-cp
    `PipelineFunctionConfInput`): the spec's order."""
    members = {id(m.decl): m for m in union.members if isinstance(m, Ref)}
    if len(members) != len(union.members) or not members.keys() <= {id(d) for d in union.mapping.values()}:
        return []
    return [members[id(decl)] for decl in union.mapping.values() if id(decl) in members]


def is_tagged(union: Union, infer_tags: bool) -> bool:
    """A discriminator, declared or, with `infer_tags` (`Profile.infer_union_tags`), implied: every member
    a model with a const property of one name. Otherwise Speakeasy writes a plain union (openrouter 1.656
    `Message`, `ChatGenerationParamsResponseFormatUnion`: no `Discriminator`, members sorted)."""
    return bool(union.discriminator or (infer_tags and _shared_consts(union)))


def _shared_consts(union: Union) -> set[str]:
    """The const properties every member has (none unless every member is a model)."""
    shared: set[str] | None = None
    for member in union.members:
        if not (isinstance(member, Ref) and isinstance(member.decl, Model)):
            return set()
        consts = {f.wire_name for f in member.decl.fields if isinstance(f.type, Const)}
        shared = consts if shared is None else shared & consts
    return shared or set()


def unknown_member(union: Union, rules: ModelRules) -> tuple[str, str, str] | None:
    """(class name, tag property, its attribute) of an open union's unknown member, None when it is
    closed: an open union is tagged and neither a request body nor a request variant (see
    `Profile.open_unions`)."""
    open_union = rules.open_unions and is_tagged(union, rules.infer_union_tags)
    if not open_union or union.uses.request_root or union.origin.input_of:
        return None
    prop = tag_property(union)
    for member in union.members:
        target = member.decl if isinstance(member, Ref) else None
        for f in target.fields if isinstance(target, Model) else []:
            if f.wire_name == prop:
                return "Unknown" + py_name(union), prop, f.name
    return None


def known_tags(union: Union, prop: str) -> list[object]:
    """Every tag value the members of an open union accept (through nested unions), [] when some
    member's are unknown (then a payload no member accepts is the unknown one)."""
    found: list[object] = list(union.mapping)
    for member in union.members:
        target = member.decl if isinstance(member, Ref) else None
        if isinstance(target, Union):
            values = known_tags(target, prop)
        elif isinstance(target, Model):
            values = _field_tags(target, prop)
        else:
            values = []
        if not values and not any(t is target for t in union.mapping.values()):
            return []
        found.extend(v for v in values if v not in found)
    return found


def _field_tags(model: Model, prop: str) -> list[object]:
    found = (tag_values(f.type) for f in model.fields if f.wire_name == prop)
    return next((values for values in found if values is not None), [])
