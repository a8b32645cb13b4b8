"""What naming asks of unions and of where a schema lies: whether a union's members take its name, and the
component an inline schema belongs to (the Feb2025 era's rules in `naming.classes`)."""

from __future__ import annotations

from collections import defaultdict

from ..casing import pascal
from ..ir import Decl, Enum, Model, Role, Union, members_named_by, named_by_union, ref_target


def lone_untagged(union: Decl) -> bool:
    """A union with one inline member named after it (no tag): that member is `<Union>` (an enum `<Union>Enum`)."""
    members = members_named_by(union) if isinstance(union, Union) else []
    return len(members) == 1 and not members[0].origin.tag


def untagged_enums(union: Decl) -> list[Decl]:
    """The untagged members a union names after itself when every one of them is an enum, else []. From the
    Feb2025 era each is `<Union>Enum`, numbered where there are several: mpesaflow 1.584 (TypeScript) `sort`
    items [enum, enum] are `ListCustomersSortEnum1`, `ListCustomersSortEnum2`; openrouter 1.761 `PDFParserEngine`
    [enum, enum of 'pdf-text'] `PDFParserEngineEnum` beside the tagged `PDFParserEnginePDFText`."""
    members = [m for m in members_named_by(union) if not m.origin.tag] if isinstance(union, Union) else []
    return members if members and all(isinstance(m, Enum) for m in members) else []


def untagged_objects(union: Decl) -> list[Decl]:
    """The untagged objects a union names after itself. From the Feb2025 era the union gives way to them,
    taking `Union`: one alone beside tagged members takes the union's plain name (openrouter 1.656 Python,
    1.679 and 1.761 TypeScript: the component `OpenAIResponsesToolChoice` is `OpenAIResponsesToolChoiceUnion`
    of `...Auto`, `...Function`... and the untagged object `OpenAIResponsesToolChoice`; 1.761 the inline
    `require_approval` `RequireApprovalUnion` of `RequireApproval` and `...Always`), several are numbered
    (an unseen 1.693 SDK: the component `FieldsSelector`, anyOf two `required` sets, is `FieldsSelectorUnion`
    of `FieldsSelector1`, `FieldsSelector2`)."""
    members = members_named_by(union) if isinstance(union, Union) else []
    return [m for m in members if isinstance(m, Model) and not m.origin.tag]


def lone_with_lists(union: Decl) -> bool:
    """`lone_untagged`, counting what the union names inside its list members too: openrouter 1.761's
    `input` [string, ..., array of an object] is `InputUnion`, the items `Input`; outpost 1.791 `FiltersStatus`,
    an enum and a list of one, keeps its name (its members `FiltersStatusEnum1`, `FiltersStatusEnum2`)."""
    if not isinstance(union, Union):
        return False
    named = [d for d in map(ref_target, union.members) if d is not None and d.origin.parent is union]
    named = [d for d in named if named_by_union(d)]
    return len(named) == 1 and not named[0].origin.tag


def component_rooted(decl: Decl) -> bool:
    """Whether `decl` lies inside a component schema (not an operation's own request or response)."""
    return component_of(decl) is not None


def component_of(decl: Decl) -> Decl | None:
    """The component schema `decl` lies inside, None inside an operation's own request or response."""
    node = decl.origin.parent
    while node is not None:
        if node.origin.from_component:
            return node
        if node.origin.role:
            return None
        node = node.origin.parent
    return None


def unsuffixed(decl: Decl) -> str:
    """A class name without the `Union` it took to give way to its members (`TopicsUnion` -> `Topics`)."""
    suffixed = decl.name.endswith("Union") and not pascal(decl.name_override or decl.hint).endswith("Union")
    return decl.name[: -len("Union")] if suffixed else decl.name


def one_union(group: list[Decl]) -> bool:
    """A contested name with one union among its claimants, inside a component (squadcast `Status`, mammoth
    `Params`); an operation's union moves on with the rest (outpost 1.791 the `type` query parameter is
    `ListTenantDestinationsType` beside the components' `DestinationWebhookType`...)."""
    unions = [d for d in group if isinstance(d, Union)]
    return len(unions) == 1 and component_rooted(unions[0])


def union_body_apart(decls: list[Decl], feb2025: bool) -> set[int]:
    """An operation's two inline bodies, a union and an object, are not numbered: the union gives way
    (mammoth GenerateSQL: `GenerateSQLResponseBodyUnion`, `GenerateSQLResponseBody`). Returns the unions."""
    if not feb2025:
        return set()
    by_op: dict[str, list[Decl]] = defaultdict(list)
    for decl in decls:
        if decl.origin.role == Role.RESPONSE_BODY and decl.origin.index:
            by_op[decl.origin.context].append(decl)
    out = set()
    for bodies in by_op.values():
        unions = [d for d in bodies if isinstance(d, Union)]
        if len(bodies) == 2 and len(unions) == 1:
            for decl in bodies:
                decl.origin.index = 0
            out.add(id(unions[0]))
    return out


def listed_in_component(decl: Decl) -> bool:
    """A union in the items of a list member of a union component: it claims the component's name and, the
    component keeping it, is numbered `<Component>1` (inner first, as nested claimants are); its own members
    are named after the component's key (openrouter 1.656 Python and 1.679 TypeScript `OpenResponsesInput`,
    [string, array of a union]: the items `OpenResponsesInput1`; `OpenAIResponsesInputUnion`'s items
    `OpenAIResponsesInputUnion1` of `OpenAIResponsesInputMessage1`...)."""
    parent = decl.origin.parent
    return (
        isinstance(decl, Union)
        and decl.origin.array_item
        and isinstance(parent, Union)
        and parent.origin.from_component
        and decl.hint == parent.hint
        and not decl.name_override
    )


def any_of_tag(decl: Decl) -> tuple[Model, Union] | None:
    """The `anyOf` member whose tag (or shared value) `decl`, a one-value enum property of it, holds, and the
    union; None for any other declaration (see `Profile.any_of_tags_by_member`)."""
    member = decl.origin.parent
    if not isinstance(decl, Enum) or len(decl.values) != 1 or decl.name_override:
        return None
    if not isinstance(member, Model) or not named_by_union(member) or member.pointer.split("/")[-2:-1] != ["anyOf"]:
        return None
    union = member.origin.parent
    if str(decl.values[0].value) not in (member.origin.tag, member.origin.shared_tag) or not isinstance(union, Union):
        return None
    return member, union


def member_stem(union: Decl, feb2025: bool) -> str:
    """What a union's members' names start with: its name without the `Union` it took, a list's items the
    component's key (`listed_in_component`), an operation's one response body its word (squadcast 1.621
    `ResponseBody1`, not `<Op>Response1`)."""
    if listed_in_component(union) or (feb2025 and union.origin.role == Role.RESPONSE_SINGLE):
        return pascal(union.hint)
    return unsuffixed(union)
