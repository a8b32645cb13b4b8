"""Stage 4: Speakeasy-compatible names for classes, fields and enum members.

Three kinds of class names:
- fixed: component keys, operation-level models (`<Op>Request`, `<Op>Response`...) and
  `Security`; these never give way.
- inline schemas: named after their property (or title); when several want one name they
  move on to longer candidates, prefixed by their nearest named ancestor (a component,
  or the operation). From `nameResolutionFeb2025` on, every claimant of a contested
  name moves on; before it, the first one keeps it.
- union members: `<Union><discriminating value>` or `<Union><position>`.
"""

from __future__ import annotations

from collections import defaultdict

from ..casing import pascal, tag_words
from ..ir import (
    OPERATION_ROLES,
    SDK_ROLES,
    Decl,
    Enum,
    Model,
    Role,
    Spec,
    Union,
    inside_error,
    members_named_by,
    named_by_union,
)
from ..profile import Profile
from . import legacy as naming_legacy
from .chains import Chains, beside_own_copies, gives_way, in_copy
from .fields import component_override, name_fields, name_members
from .fixed import TS_GLOBALS, beside_component, deduplicated_error_names, fixed_name, lone_error_names
from .nesting import nested, post_order
from .placement import name_space, place, placed_with_errors
from .reach import component_ranks, meeting_order
from .unionnames import (
    any_of_tag,
    component_of,
    component_rooted,
    listed_in_component,
    lone_untagged,
    lone_with_lists,
    member_stem,
    one_union,
    union_body_apart,
    unsuffixed,
    untagged_enums,
    untagged_objects,
)
from .unique import singular, unique
from .visits import claim_order


def assign_names(spec: Spec, profile: Profile | None = None) -> None:
    """Give every declaration a unique class name and every field a Python name, by the naming rules
    of the profile's era (`Profile.feb2025`, `first_come`, `grows_chains`...)."""
    era = profile or Profile()
    folders = era.folders
    if era.sorted_fields:  # properties claim names in the order they are written in: by wire name (leonardo 1.396
        # pricingCalculator's serviceParams, all titled `Object`: FANTASY_AVATAR_GENERATION takes
        # `PricingCalculatorObject`, IMAGE_GENERATION, before it in the spec, `PricingCalculatorPricingCalculatorObject`)
        for decl in spec.decls:
            if isinstance(decl, Model) and decl.origin.role != Role.RESPONSE and _sorts(decl, era):
                decl.fields.sort(key=lambda f: f.wire_name)
    modules: dict[str, set[str]] = defaultdict(set)  # taken names per Python module (see `_module`)
    as_body = {id(d) for d in spec.decls if naming_legacy.named_as_body(d, era.errors_named_as_bodies)}
    errors = [d for d in spec.decls if d.uses.error and id(d) not in as_body]
    models = [d for d in spec.decls if not d.uses.error or id(d) in as_body]
    error_taken: set[str] = set()  # error classes live in their own module
    by_media = _media_error_names(errors) if era.media_error_names else {}
    alone = deduplicated_error_names(errors) if era.deduplicate_errors else lone_error_names(errors)
    for decl in errors:
        fixed = by_media.get(id(decl)) or alone.get(id(decl)) or fixed_name(decl, era)
        decl.name = unique(fixed or pascal(decl.name_override or decl.hint), error_taken)
    apart = union_body_apart(models, era.feb2025)
    for decl in models:
        taken = modules[name_space(decl, folders, era)]
        # an error among the models is an older generator's error body, named like a response body
        fixed = "" if decl.uses.error else fixed_name(decl, era) + ("Union" if id(decl) in apart else "")
        if fixed and fixed.lower() in taken:
            fixed = beside_component(decl, fixed)
        if fixed and decl.origin.from_component and _component_gives_way(decl, era):
            if isinstance(decl, Union) and not any(isinstance(m, Model) for m in members_named_by(decl)):
                # its key stays taken when no member of its takes it: outpost `Topics` is `TopicsUnion`
                # (its member `TopicsEnum`), the `topics` query parameter `ListTenantDestinationsTopics`
                taken.add(fixed.lower())
            fixed += "Union"
        if fixed:  # a component another component named so first is numbered from 1 (conductorone 1.352
            # `AppAccessRequestDefaults1`: `...AppAccessRequestDefaultsInput` overridden `AppAccessRequestDefaults`)
            decl.name = unique(fixed, taken, 1 if decl.origin.from_component else 2)
    pending = [d for d in models if not d.name]
    taken = modules[""]
    if era.sdk_class:  # the SDK's own class: an inline schema named `orq` is `CreateChatCompletionOrq`
        taken.add(era.sdk_class.lower())
    chains = Chains(pending, taken, lambda d: _base(d, era)) if era.grows_chains else None
    order = {id(d): i for i, d in enumerate(spec.decls)}
    if era.first_come:
        pending.sort(key=naming_legacy.phase)
        if not any(folders.values()):  # one flat `models` module beside the SDK's classes
            taken |= naming_legacy.sdk_classes(spec.decls)
        segments: dict[int, tuple[str, str]] = {}  # shared by every claimant's path (see `naming_legacy`)
        by_reach = era.components_by_reach and not era.schemas_word
        met = meeting_order(spec.operations) if by_reach or era.claims_on_arrival else {}  # one walk for both
        ranks = component_ranks(met) if by_reach else {}
        owners: dict[str, dict[str, Decl]] = defaultdict(dict)  # per module: name -> its holder
        visits, outranks = claim_order(pending, ranks, met, era)

        def claim(decl: Decl, moved: list[tuple[Decl, Decl]]) -> None:
            space = name_space(decl, folders, era)
            naming_legacy.name_first_come(
                decl, modules[space], segments, era.schemas_word, owners[space], outranks, moved
            )

        naming_legacy.claim_in_turn(visits, claim)
        pending = []
    while pending:
        ready = [d for d in pending if not named_by_union(d) or d.origin.parent.name]  # type: ignore[union-attr]
        if not ready:  # members of an unnamed union cannot happen; guard against loops anyway
            ready = pending
        spaces: dict[str, list[Decl]] = defaultdict(list)
        for decl in ready:
            spaces[name_space(decl, folders, era)].append(decl)
        for space, group in spaces.items():  # each namespace settles its own names (`name_space`)
            _resolve(group, modules[space] if space else taken, era, chains, order)
        pending = [d for d in pending if not d.name]
    for decl in spec.decls:
        place(decl, folders, era)
        if (
            era.error_suffix
            and decl.origin.from_component
            and placed_with_errors(decl, era)
            and "error" not in decl.name.lower()
        ):
            decl.name += "Error"  # openrouter `NotFoundResponse` -> `NotFoundResponseError`
        if not era.python_docs and decl.name in TS_GLOBALS:  # orq `FunctionT`, dwolla `RequestT`, vercel `ErrorT`
            decl.name += "T"
        if isinstance(decl, Model):
            by_component = era.component_field_names and not decl.origin.role  # not in operations' envelopes
            name_fields(decl, era, by_component)
            if by_component and any(component_override(f) for f in decl.fields):
                # the fields are rebuilt from a map: in byte order of their names (conductorone 1.352
                # `Connector`: `connector_status`, `o_auth2_authorized_as`, `app_id`...)
                decl.fields.sort(key=lambda f: f.name_override or component_override(f) or f.wire_name)
            elif era.sorted_fields and decl.origin.role == Role.RESPONSE:
                # an envelope's bodies by name, its head in place (testpan `api_response` first); the other models
                # were sorted by wire name before naming (above)
                head = ("content_type", "status_code", "raw_response", "http_meta", "Headers")
                bodies = iter(sorted((f for f in decl.fields if f.wire_name not in head), key=lambda f: f.name))
                decl.fields = [f if f.wire_name in head else next(bodies) for f in decl.fields]
        elif isinstance(decl, Enum):
            name_members(decl, era.enum_symbol_words)


def _sorts(decl: Model, era: Profile) -> bool:
    """Whether a model's fields are sorted by wire name in the `sorted_fields` era: an `<Op>Request`'s
    parameters only where `Profile.sorted_parameters`."""
    return era.sorted_parameters or decl.origin.role != Role.REQUEST


def _media_error_names(errors: list[Decl]) -> dict[int, str]:
    """Inline error bodies of a media type other than `application/json` named after it (see
    `Profile.media_error_names`): `<Op><Media>Error` (a union: `<Op><Media>`), and `<Op><Status><Media>Error`
    where an operation has two of one kind (dwolla `GetAccountDwollaV1HalJSONError`,
    `ListFundingSourcesForbiddenDwollaV1HalJSONError`). id(decl) -> name."""
    groups: dict[str, list[tuple[Decl, str]]] = defaultdict(list)
    for decl in errors:
        media = decl.origin.chain[2] if len(decl.origin.chain) > 2 and decl.origin.chain[0] == "Response" else ""
        if decl.origin.role != Role.ERROR_BODY or decl.name_override or media in ("", "application/json"):
            continue
        word = tag_words(media.removeprefix("application/").removeprefix("vnd."))
        suffix = word + ("" if isinstance(decl, Union) else "Error")
        groups[(pascal(decl.origin.context) + suffix).lower()].append((decl, suffix))
    return {
        id(decl): pascal(decl.origin.context) + (pascal(decl.hint) if len(claimants) > 1 else "") + suffix
        for claimants in groups.values()
        for decl, suffix in claimants
    }


def _component_gives_way(decl: Decl, era: Profile) -> bool:
    """A union component whose own members are named after it takes `Union` (see `Profile.component_gives_way`)."""
    if era.grows_chains:
        return gives_way(decl)
    return (
        (era.component_gives_way and lone_untagged(decl))
        or (era.object_members_give_way and bool(untagged_objects(decl)))
        or (era.untyped_members_give_way and isinstance(decl, Union) and decl.untyped)
    )


def _root(decl: Decl, era: Profile) -> tuple[str, list[str]]:
    """The prefix for a contested name: the nearest named ancestor (component or operation),
    and, when it is the operation, the words older generators append to it in turn (see `Decl.origin.chain`)."""
    node = decl.origin.parent
    top = None
    while node is not None:
        top = node
        if node.origin.role == Role.ERROR_BODY and not era.feb2025:
            return pascal(node.origin.context), _words(decl)
        if node.origin.from_component or node.name_override or node.origin.role in SDK_ROLES:
            # a component's key as written when its name is just that key re-cased: squadcast
            # `V3.SLO.SLO` is the class `V3SloSlo`, its `tags` child `V3SLOSLOTags`; one that gave way, without
            # its `Union` (openrouter `OpenAIResponsesInputUnion`'s `OpenAIResponsesInputContent1`)
            same = node.origin.from_component and not node.name_override and pascal(node.hint) == node.name
            return (node.hint if same else unsuffixed(node)), []
        if node.origin.role == Role.ERROR_BODY:  # `<Op>Extra`, then `<Op>BadRequestExtra` (mammoth)
            return pascal(node.origin.context), [pascal(node.hint)]
        if node.origin.role in OPERATION_ROLES:
            return pascal(node.origin.context), _words(decl)
        node = node.origin.parent
    if decl.origin.context:
        return pascal(decl.origin.context), _words(decl)
    # under a component's array items, no operation: the items' class, named or not yet (bolt `SplitsViewType`)
    return ((top.name or pascal(top.hint)), []) if top is not None else ("", [])


def _words(decl: Decl) -> list[str]:
    return [w for w in (decl.origin.group, *decl.origin.chain) if w]


def _candidates(decl: Decl, era: Profile, chains: Chains | None) -> list[str]:
    """Names to try in order, shortest first (`chains`: the newest era's, see `naming.chains`)."""
    if named_by_union(decl) and chains is not None:
        return [chains.member(decl)]
    if named_by_union(decl):
        union = decl.origin.parent
        assert union is not None
        stem = member_stem(union, era.feb2025)
        single = union.origin.role == Role.RESPONSE_SINGLE
        if (
            era.feb2025
            and isinstance(decl, Enum)
            and decl.origin.tag
            and not union.origin.from_component
            and not single
        ):
            # a one-value enum member of a union inside a component: `<Component><Union's base><Value>`, whatever
            # the union's own name (openrouter 1.656 `OpenAIResponsesToolChoice.type`, the union `Type`:
            # `OpenAIResponsesToolChoiceTypeWebSearchPreview`; `OpenAIResponsesInputRoleUnion1`:
            # `OpenAIResponsesInputRoleUser1`); not an operation's (`EncodingFormat`: `EncodingFormatFloat`)
            component = component_of(union)
            if component is not None:
                stem = pascal(unsuffixed(component) + " " + _base(union, era))
        # a value it shares with other members, then its position (openrouter 1.656 `OpenAIResponsesInputMessage1`)
        shared = tag_words(decl.origin.shared_tag) if decl.origin.shared_tag else ""
        own = stem + tag_words(decl.origin.tag) if decl.origin.tag else stem + shared + str(decl.origin.index or 1)
        if (
            not decl.origin.tag and (lone_untagged(union) or lone_with_lists(union)) and era.feb2025
        ):  # mammoth `SchedulePatchDataValueEnum`
            own = stem + ("Enum" if isinstance(decl, Enum) else "")
            return [own, pascal(decl.hint)]  # the stem taken (by a sibling body): its own word (`ResponseBody`)
        if era.object_members_give_way and untagged_objects(union) == [decl]:  # beside tagged members
            own = stem
        enums = untagged_enums(union) if era.feb2025 and not decl.origin.tag else []
        if enums:  # `<Union>Enum`, numbered when several (see `untagged_enums`)
            own = stem + "Enum" + (str(decl.origin.index or 1) if len(enums) > 1 else "")
        return [own]
    if chains is not None:
        return chains.candidates(decl)
    if era.feb2025 and listed_in_component(decl):
        return [decl.origin.parent.name + "1"]  # type: ignore[union-attr]
    base = _base(decl, era)
    tagging = any_of_tag(decl) if era.any_of_tags_by_member else None
    if tagging is not None:  # the member's name with the property's word after the union's stem
        stem = member_stem(tagging[1], era.feb2025)
        own = _candidates(tagging[0], era, chains)[0]
        return [pascal(base), stem + pascal(base) + own[len(stem) :]]
    root, words = _root(decl, era)
    names = [pascal(base)]
    if isinstance(decl, Union) and era.feb2025 and _gives_way(decl, era):
        # its own member takes the plain name (mammoth `AutomationPatchDataValueUnion`, agentset `DocumentSourceUnion`)
        return [n + "Union" for n in [pascal(base)] + ([pascal(root + " " + base)] if root else [])]
    if isinstance(decl, Union) and era.feb2025 and component_rooted(decl):
        # inside a component a union next tries `<base>Union` (outpost 1.712 `Attempt.event`: `EventUnion`, a
        # component `Event` holding the name); an operation's goes on to its prefix (outpost 1.791
        # `ListAttemptsDestinationType`, openrouter 1.656 `CreateEmbeddingsOrder`)
        names.append(pascal(base) + "Union")
    if root and isinstance(decl, Union) and era.feb2025 and members_named_by(decl):
        # prefixed, its members are too: `Union` keeps them apart (openrouter `OutputMessageStatusUnion`
        # beside `OutputMessageStatusCompleted`)
        return list(dict.fromkeys(names + [pascal(root + " " + base) + "Union"]))
    if root:
        names.append(pascal(root + " " + base))
        if inside_error(decl):  # error bodies' children: status, media (older generators: `naming_legacy`)
            names += [pascal(" ".join([root, *words[:n], base])) for n in range(1, len(words) + 1)]
        if isinstance(decl, Union) and era.feb2025:
            names.append(pascal(root + " " + base) + "Union")
    if isinstance(decl, Enum) and len(decl.values) == 1 and not decl.name_override:
        # a one-value enum (a union member's tag) next tries its value: `TypeSeparate`, `<Root>TypeSeparate`,
        # the value cased as a tag is (openrouter 1.606 `json_object`: `ChatCompletionCreateParamsTypeJSONObject`)
        tagged = pascal(base) + tag_words(str(decl.values[0].value))
        names += [pascal(tagged)] + ([pascal(root + " " + tagged)] if root else [])
        parent = decl.origin.parent
        if era.feb2025 and isinstance(parent, Model) and parent.origin.array_item and not named_by_union(parent):
            # in a list's inline item it skips the prefixed word (openrouter 1.656 Python and 1.679 TypeScript:
            # `CreateEmbeddings` `data` items' `object: [embedding]` is `ObjectEmbedding`, though
            # `CreateEmbeddingsObject`, the body's `object: [list]` in Python, is free in TypeScript)
            names = [n for n in names if n != pascal(root + " " + base)]
    return list(dict.fromkeys(names))


def _base(decl: Decl, era: Profile) -> str:
    """What an inline schema is named after: its override, title or property (singular for array items)."""
    base = decl.name_override or decl.hint
    if era.feb2025 and decl.origin.array_item and not decl.name_override and not isinstance(decl.origin.parent, Union):
        base = singular(base)
    return base


def _gives_way(union: Union, era: Profile) -> bool:
    """An inline union whose members would share its name takes the `Union` suffix: one untagged
    member (1.606, mammoth), or tagged object members from 1.700 (agentset; que 1.621 keeps `Signer`)."""
    if lone_with_lists(union) or (era.object_members_give_way and len(untagged_objects(union)) == 1):
        return True
    return era.tagged_members_give_way and any(m.origin.tag and isinstance(m, Model) for m in members_named_by(union))


def _resolve(decls: list[Decl], taken: set[str], era: Profile, chains: Chains | None, order: dict[int, int]) -> None:
    """Settle contested names: claimants move to their next candidate until none collide
    (older generators name one schema at a time instead: `_resolve_first_come`)."""
    options = {id(d): _candidates(d, era, chains) for d in decls}
    level = {id(d): 0 for d in decls}
    numbered: dict[int, str] = {}
    grown: set[int] = set()  # claimants given their parent's name as a last candidate (`_prefix_by_parents`)
    while True:
        groups: dict[str, list[Decl]] = defaultdict(list)
        for decl in decls:
            if id(decl) not in numbered:
                option = options[id(decl)][level[id(decl)]]
                groups[chains.key(decl, option) if chains else option.lower()].append(decl)
        blocked = taken | {n.lower() for n in numbered.values()}
        moved = False
        for name, group in groups.items():
            if chains:  # the newest era: see `Chains.contested`
                if not chains.contested(group, [options[id(d)][level[id(d)]] for d in group], blocked):
                    continue
                if name not in blocked and nested(group):
                    # claimants inside one another are numbered where they meet, inner first (clay 1.789
                    # `FilterPredicate.value` [.., array of [string, number]]: the items `Value1`, the outer `Value2`)
                    for index, decl in enumerate(sorted(group, key=lambda d: post_order(d, order)), 1):
                        numbered[id(decl)] = options[id(decl)][level[id(decl)]] + str(index)
                    moved = True
                    continue
            elif len(group) == 1 and name not in blocked:
                continue
            inseparable = name not in blocked and _inseparable(group, options, level)
            if inseparable and era.parent_prefix and _prefix_by_parents(group, options, level, grown, era):
                moved = True
                continue
            if era.number_inseparable and inseparable:
                # no longer candidate tells them apart: numbered here (mammoth `AddTaskExtra1`, `AddTaskExtra2`)
                for index, decl in enumerate(sorted(group, key=lambda d: post_order(d, order)), 1):
                    numbered[id(decl)] = options[id(decl)][level[id(decl)]] + str(index)
                moved = True
                continue
            movers = group
            in_components = [d for d in group if component_rooted(d)]
            copies = chains is not None and any(in_copy(d) for d in group)
            if era.component_keeps and name not in blocked and len(in_components) == 1 < len(group) and not copies:
                movers = [d for d in group if d is not in_components[0]]
            elif era.component_keeps and chains is not None and name not in blocked:
                movers = beside_own_copies(group)
            if era.feb2025 and name not in blocked and one_union(group):
                # the union keeps the name, enums take `Enum`, objects their prefix (squadcast: the [str, int]
                # union `Status`, the enum `StatusEnum`, the object `V4StatusPagesStatusPageStatus`; mammoth
                # the union `Params`, the object `ItemTaskInfoParams`)
                movers = [d for d in group if not isinstance(d, Union)]
                for decl in movers:
                    if isinstance(decl, Enum):
                        options[id(decl)].insert(level[id(decl)] + 1, options[id(decl)][level[id(decl)]] + "Enum")
            for decl in movers:
                if level[id(decl)] + 1 < len(options[id(decl)]):
                    level[id(decl)] += 1
                    moved = True
        if not moved:
            break
    for decl in decls:
        choice = numbered.get(id(decl)) or options[id(decl)][level[id(decl)]]
        decl.name = unique(choice, taken)
        if chains is not None:
            decl.file_stem = chains.stems.get((id(decl), choice), "")


def _prefix_by_parents(
    group: list[Decl], options: dict[int, list[str]], level: dict[int, int], grown: set[int], era: Profile
) -> bool:
    """Claimants no candidate tells apart whose parent is an inline object take that parent's name as a
    prefix (see `Profile.parent_prefix`); False when none can."""
    moved = False
    for decl in group:
        parent = decl.origin.parent
        if id(decl) in grown or parent is None or id(parent) not in options or named_by_union(decl):
            continue
        if parent.origin.role or parent.origin.from_component or isinstance(parent.origin.parent, Union):
            continue
        if not isinstance(parent, Model) or parent.pointer.endswith("/additionalProperties"):
            continue  # a union, or a map's values (outpost `HealthCheckStatus2`): numbered
        if pascal(_base(parent, era)) == pascal(_base(decl, era)):
            continue  # not `ComponentComponent` (squadcast `...RequestComponent1`)
        grown.add(id(decl))
        options[id(decl)].append(pascal(options[id(parent)][level[id(parent)]] + " " + _base(decl, era)))
        level[id(decl)] = len(options[id(decl)]) - 1
        moved = True
    return moved


def _inseparable(group: list[Decl], options: dict[int, list[str]], level: dict[int, int]) -> bool:
    """Claimants of one name whose remaining candidates are all the same, in the same order."""
    rests = {tuple(o.lower() for o in options[id(d)][level[id(d)] + 1 :]) for d in group}
    return len(rests) == 1
