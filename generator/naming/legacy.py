"""Inline class names of older Speakeasy generators (first come, before `nameResolutionFeb2025`).

Measured on orq-2024-11 (1.441) and orq-2025-08 (1.606.5): every inline schema has a list of
candidate names and takes the first one nobody has taken yet, in the order the schemas are met
(requests before responses). The candidates come from the schema's path below its nearest named
ancestor (the *root*: a component, or the operation):

- a segment per step: a property's name, a union member's 1-based position; array items and map
  values add none. An operation's path starts with its group (`x-speakeasy-group`, else the first
  tag) and `Request` then `RequestBody`, or `Response`, the status, the media type, then `ResponseBody`.
- own word: the property name (or title), a union member's title or else its position;
- inside a union member, the segment of that member's union (`UB`) is pulled to the front:
  `<own>`, `<UB><own>`, `<root><UB><own>`, `<root><UB><path...><own>` with the path growing by one
  segment at a time. Elsewhere: `<own>`, `<root><own>`, `<root><path...><own>`.

So `messages[].content` (anyOf [string, array of oneOf]) in operation DeploymentGetConfig gives the
array's item union `Two` / `Content2` / `DeploymentGetConfigContent2` / ..., its members `One` /
`Two1` (`2` + `1`) / `DeploymentGetConfig21` / `DeploymentGetConfig2Deployments1`..., and a `type`
inside a member `Type` / `TwoType` / `DeploymentGetConfig2Type` / `DeploymentGetConfig2DeploymentsType`...
A name that starts with a number spells that number out (`2` + `Type` -> `TwoType`, `21` -> `TwentyOne`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from ..casing import number_words, pascal
from ..ir import SDK_ROLES, Decl, Model, Role, Union, ref_target
from .takeover import takes_over
from .unique import python_safe, unique

_BODY_ROLES = {
    Role.REQUEST_BODY: "RequestBody",
    Role.REQUEST_SINGLE: "RequestBody",
    Role.RESPONSE_BODY: "ResponseBody",
    Role.RESPONSE_SINGLE: "ResponseBody",
}
_MEMBER = "member"
_LEADING_NUMBER = re.compile(r"^(\d+)(.*)$", re.DOTALL)
PARAM_WORDS = {("PathParam",), ("QueryParam",), ("Header",)}  # a parameter's schema: like a union's word


def candidates(
    decl: Decl, root_of: Callable[[Decl], str], known: dict[int, tuple[str, str]], schemas: bool = False
) -> Iterator[str]:
    """The names `decl` tries in turn, made as they are tried (most take the first or second);
    `root_of(node)` names a fixed ancestor (component, operation...); `known` is the run's memo of
    path segments (see `_path`); `schemas`: a component's path starts with the word `Schemas` (before
    `nameResolutionDec2023`)."""
    segments, root, words = _path(decl, root_of, known, not schemas)
    if schemas and not words and _component_root(decl):
        yield from _schemas_era(decl, segments, root)
        return
    own, kind = segments[-1]
    segment = own if kind != _MEMBER else ""  # a property's own name
    ancestors = segments[:-1]
    union_word: str | None = None
    rest = ancestors
    if kind == _MEMBER:
        union_word = ancestors[-1][0] if ancestors else ""
        rest = ancestors[:-1] + _kept_property(decl.origin.parent, union_word)
        if decl.name_override or decl.hint != decl.origin.parent.hint:  # type: ignore[union-attr]
            own = decl.name_override or decl.hint  # a titled member is named after its title
        if len(ancestors) == 1 and decl.origin.chain[1:2] in PARAM_WORDS:
            # a member of a parameter's own union: the parameter's word is its union's (orq-node 1.791 ListChunks'
            # `status` query parameter, [array of an enum, the enum]: `QueryParam1`, `QueryParam2`)
            union_word = decl.origin.chain[1]
    else:
        own = decl.name_override or decl.hint
        members = [i for i, (_, k) in enumerate(ancestors) if k == _MEMBER]
        if members and members[-1] >= 1:
            j = members[-1]
            union_word = ancestors[j - 1][0]
            member = decl
            for _ in range(len(ancestors) - j):
                member = member.origin.parent  # type: ignore[assignment]
            rest = ancestors[: j - 1] + _kept_property(member.origin.parent, union_word) + ancestors[j:]
    if union_word is None and kind != _MEMBER and decl.origin.chain[1:2] in PARAM_WORDS:
        # a parameter's schema and what lies in it, outside unions (plexpy `PathParamElement`; modifyPlaylistGenerator's
        # `Item` query parameter: `Item[Policy][scope]` is `QueryParamScope`, `Item[Location]`
        # `ModifyPlaylistGeneratorQueryParamLocation`, an earlier operation holding `QueryParamLocation`)
        union_word = decl.origin.chain[1]
        if not ancestors:
            words = []
    path = words + [text for text, _ in rest]
    if decl.origin.role == Role.ERROR_BODY:  # see `named_as_body`
        yield from _distinct(_join(root, *path[:n], "ResponseBody") for n in range(len(path) + 1))
        return
    names = [_join(own)]
    if union_word is not None:
        names.append(_join(union_word, own))
    prefixed = (_join(root, union_word or "", *path[:n], own) for n in range(len(path) + 1)) if root else ()
    # a titled property's last word before its title is its own name (leonardo 1.396 pricingCalculator's
    # `serviceParams.TEXTURE_GENERATION`, titled `Object`: `...RequestRequestBodyServiceParamsTEXTUREGENERATIONObject`)
    last = [_join(root, union_word or "", *path, segment, own)] if root and segment and segment != own else []
    yield from _distinct(n for n in chain(names, prefixed, last) if n)


def _kept_property(union: Decl | None, word: str) -> list[tuple[str, str]]:
    """The path segment a union's property keeps when the union's word, pulled to the front, is its title
    rather than that property's name (orq-node 1.791 `settings.tools[]`, titled "Agent Tool Input (Run)":
    `RunAgentAgentToolInputRunAgentsRequestRequestBodySettingsTools13HttpType`, 8 pages); [] otherwise."""
    holder = union.origin.parent if union is not None else None
    if not isinstance(union, Union) or not isinstance(holder, Model):
        return []
    wire = next((f.wire_name for f in holder.fields if ref_target(f.type) is union), word)
    return [(wire, "prop")] if wire != word else []


def _schemas_era(decl: Decl, segments: list[tuple[str, str]], root: str) -> Iterator[str]:
    """Before `nameResolutionDec2023`, below a component (airbyte): `<own>`, `<root><own>`, then
    `<root>Schemas<path...><own>` growing a segment at a time, where a union member's segment is first
    its union's name, then that name and its position, which it keeps as the path grows (airbyte
    `...CustomReportsArrayDimensionFilterDimensionsFilter`, `...DimensionsFilter1`, `...DimensionsFilter1Expressions`).
    """
    own = decl.name_override or decl.hint
    if segments[-1][1] == _MEMBER and decl.hint == decl.origin.parent.hint and not decl.name_override:  # type: ignore[union-attr]
        own = decl.hint + segments[-1][0]  # an untitled member: its union's name and position
    steps: list[list[str]] = []  # per ancestor below the root: its words in turn (a member's: union, union + n)
    node = decl.origin.parent
    for text, kind in reversed(segments[:-1]):  # each ancestor below the root has one segment
        if node is None or node.origin.parent is None:
            break
        steps.insert(0, [node.origin.parent.hint, node.origin.parent.hint + text] if kind == _MEMBER else [text])
        node = node.origin.parent
    names = [_join(own), _join(root, own), _join(root, "Schemas", own)]
    for n, words in enumerate(steps):
        names += [_join(root, "Schemas", *(s[-1] for s in steps[:n]), word, own) for word in words]
    yield from _distinct(n for n in names if n)


def _component_root(decl: Decl) -> bool:
    node = decl.origin.parent
    while node is not None and not (node.origin.from_component or node.origin.role):
        node = node.origin.parent
    return node is not None and node.origin.from_component


def _distinct(names: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for name in names:
        if name not in seen:
            seen.add(name)
            yield name


def _join(*parts: str) -> str:
    """The words of a candidate as one class name. A `*` reads `Wildcard` (airbyte 1.244-1.402: the titles
    "Output Format *", "Format Type *", "Authentication *" name `OutputFormatWildcard`, `FormatTypeWildcard`,
    `AuthenticationWildcard`); a leading number is spelled out, run into the rest of its word (`2` + `Type`
    -> `TwoType`, `21` -> `TwentyOne`; airbyte's title "7shifts" -> `Sevenshifts`)."""
    words = [p.replace("*", " Wildcard ") for p in parts if p]
    number = _LEADING_NUMBER.match(words[0]) if words else None
    if number:
        words[0] = number_words(int(number[1])).replace("_", " ").lower() + number[2]
    return pascal(*words) if words else ""


def _path(
    decl: Decl, root_of: Callable[[Decl], str], known: dict[int, tuple[str, str]], titles: bool
) -> tuple[list[tuple[str, str]], str, list[str]]:
    """(segments from the root down to `decl`, root name, the operation's leading words).

    `known` keeps each node's segment for the run: siblings share their ancestors' segments;
    `titles`: a titled union's segment is its title (see `_segment`)."""
    segments: list[tuple[str, str]] = []
    node: Decl = decl
    root, words = "", []
    while True:
        parent = node.origin.parent
        if parent is None:
            if node is decl or not root_of(node):  # a top-level inline schema (an array body's items)
                segments.append((node.hint, "prop"))
                root, words = pascal(node.origin.context), _op_words(node)
            else:
                root = root_of(node)
            break
        if id(node) not in known:
            known[id(node)] = _segment(node, parent, titles)
        segments.append(known[id(node)])
        if parent.origin.from_component or parent.origin.role:
            root = root_of(parent)
            body = _BODY_ROLES.get(parent.origin.role)
            if (
                body and parent.origin.role == Role.REQUEST_SINGLE and parent.hint != body
            ):  # a titled body: `ChunkingRequest`
                segments.append((pascal(parent.hint), "prop"))
            if body:
                segments.append((body, "prop"))
            elif parent.origin.role == Role.ERROR_BODY:
                segments.append((parent.hint, "prop"))
            if parent.origin.role and parent.origin.context:
                words = _op_words(decl)
            break
        node = parent
    segments.reverse()
    return segments, root, words


def _op_words(decl: Decl) -> list[str]:
    """`group, Request` or `group, Response, status, media type` (from `Decl.origin.chain`); an operation's
    further tags follow its group (`Origin.more_tags`)."""
    chain = list(decl.origin.chain)
    if chain[:1] == ["Response"]:
        words = chain[:3]
    else:
        words = ["Request"]
    return [w for w in [decl.origin.group, *decl.origin.more_tags, *words] if w]


def _segment(node: Decl, parent: Decl, titles: bool) -> tuple[str, str]:
    if isinstance(parent, Union):  # its position, counting members of every kind (`[str, List[X]]`: X is 2)
        position = next((i for i, m in enumerate(parent.members, 1) if ref_target(m) is node), node.origin.index or 1)
        return str(position), _MEMBER
    if isinstance(parent, Model):
        for field in parent.fields:
            if ref_target(field.type) is node:
                # a union's segment is its title where it has one (orq-node 1.791 `model`, titled
                # "Model Configuration": `RunAgentModelConfiguration2`, `RunAgentModelConfigurationParameters`);
                # before `nameResolutionDec2023` the property's name (airbyte)
                titled = titles and isinstance(node, Union) and not node.name_override
                return (node.hint if titled else field.wire_name), "prop"
    return node.hint, "prop"


def named_as_body(decl: Decl, errors_as_bodies: bool) -> bool:
    """An inline error body named like any response body, `<Op><path...>ResponseBody` (see
    `Profile.errors_named_as_bodies`; orq-2025-08 404 `EvalsAgeAppropriateEvalsResponseBody`, 500
    `EvalsAgeAppropriateEvalsResponseResponseBody`; DeleteContact's 404 `DeleteContactResponseBody`)."""
    return errors_as_bodies and decl.origin.role == Role.ERROR_BODY and not decl.name_override


def phase(decl: Decl) -> tuple[bool, bool, bool]:
    """Older generators name what request bodies use first, then parameters' schemas, then what responses
    use, error bodies last: orq-2025-08 ListContacts' query parameter `filter_by` is `QueryParamFilterBy`
    because the body of SearchKnowledge, a later operation, took `FilterBy`; the `error` in the 422 body of
    /v2/proxy/moderations is `PostV2ProxyModerationsError`, as CreateResponse's 200 body (later) took `Error`."""
    node = decl
    while node.origin.parent is not None and node.origin.role != Role.ERROR_BODY:
        node = node.origin.parent
    return (
        decl.origin.chain[:1] == ("Response",),
        decl.origin.chain[1:2] in PARAM_WORDS,
        node.origin.role == Role.ERROR_BODY,
    )


def sdk_classes(decls: list[Decl]) -> set[str]:
    """The SDK's own classes, one per segment of an operation group (`deployments.embeddings` ->
    `Embeddings`), which inline schemas cannot be named (emissary `GetEmbeddingsFromDeploymentEmbeddings`,
    orq-2024-11 `DeploymentCreateMetricFeedback` beside the `Feedback` tag)."""
    return {pascal(part).lower() for decl in decls for part in decl.origin.group.split(".") if part}


def name_first_come(
    decl: Decl,
    taken: set[str],
    segments: dict[int, tuple[str, str]],
    schemas: bool,
    owners: dict[str, Decl],
    outranks: Callable[[Decl, Decl], bool] | None,
    moved: list[tuple[Decl, Decl]],
) -> None:
    """Older generators name one schema at a time: each takes its first free candidate (see the module's docstring);
    before `nameResolutionDec2023` (`schemas`) it may take one from its holder (`owners`: name -> holder),
    which moves on to its next free candidate at once (see `takes_over`); from about 1.41 a claimant that
    `outranks` the holder takes it too (see `visits.arrival_order`), and the holder claims again when
    `claim_in_turn` says (`moved` collects (claimant, holder)).

    A request's inline schema that lost read-only fields finding a name held by such a twin takes it with `Input`
    (see `_input_twin`; orq-2024-11 1.441 DeploymentGetConfig's parts: `DeploymentGetConfig2ImageURLInput`)."""
    last = ""
    for option in candidates(decl, _legacy_root, segments, schemas):
        last = python_safe(option)
        if _free(last, taken):
            break
        holder = owners.get(last.lower())
        outranked = holder is not None and outranks is not None and outranks(decl, holder)
        if not outranked and _input_twin(decl, holder, last) and _free(last + "Input", taken):
            last += "Input"
            break
        if holder is not None and (outranked or schemas and takes_over(decl, holder)):
            decl.name, holder.name = holder.name, ""
            owners[decl.name.lower()] = decl
            if outranked:
                moved.append((decl, holder))
            else:
                name_first_come(holder, taken, segments, schemas, owners, outranks, moved)
            return
    decl.name = unique(last or python_safe(pascal(decl.hint)), taken)
    owners[decl.name.lower()] = decl


def claim_in_turn(visits: list[Decl], claim: Callable[[Decl, list[tuple[Decl, Decl]]], None]) -> None:
    """`claim` a name for each of `visits` in turn; a holder a claimant took its name from (see `name_first_come`)
    claims again once the walk has left the claimant's subtree, not at once: what lies below the claimant claims
    first. orq-2025-08 (1.606.5) InvokeEval's response, oneOf [..., LLM, HTTP], each member's `value` an object
    holding a `value` union: LLM's union, met first, holds `...EvalsResponse200Value`, which HTTP's shallower
    object takes back; HTTP's own union then takes `...ApplicationJSONValue` and LLM's moves on to
    `...ApplicationJSON7Value` (claiming again at once gave the two unions each other's names). Measured: orq-2025-08
    models 1323 -> 1325, unions 318 -> 320 of 320, docs 2396 -> 2400; TypeScript orq-node 1.791 2490 -> 2492;
    again once the claimant's whole operation (or component) is walked loses orq-2024-11 3 models, 2 enums and
    orq-2025-08 2 enums."""
    moved: list[tuple[Decl, Decl]] = []  # (claimant, the holder it took its name from), in the order taken
    for decl in [*visits, None]:
        while True:
            left = next((i for i, (by, _) in enumerate(moved) if decl is None or not _below(decl, by)), None)
            if left is None:
                break
            claim(moved.pop(left)[1], moved)
        if decl is not None:
            claim(decl, moved)


def _below(decl: Decl, ancestor: Decl) -> bool:
    node: Decl | None = decl
    while node is not None and node is not ancestor:
        node = node.origin.parent
    return node is ancestor


def _input_twin(decl: Decl, holder: Decl | None, name: str) -> bool:
    """`decl` and the holder of `name`, one prefixed with its operation's, lost read-only fields (orq-2024-11
    `prefix_messages[]`, `messages[]`: `DeploymentGetConfigContent2`, `...Content2Input`, leaving the response
    `...ContentDeployments2`); at a bare name it moves on (orq-poc-1441 `Content`; orq-2025-08 `PromptConfig`)."""
    twins = decl.origin.lost_read_only and holder is not None and holder.origin.lost_read_only
    return twins and name.startswith(pascal(decl.origin.context))


def _free(name: str, taken: set[str]) -> bool:
    """Neither the name nor its TypedDict twin is taken."""
    return name.lower() not in taken and (name + "TypedDict").lower() not in taken


def _legacy_root(node: Decl) -> str:
    """The name an older generator prefixes contested names with when `node` is the nearest fixed ancestor."""
    if node.origin.from_component or node.origin.role in SDK_ROLES:
        return node.name
    return pascal(node.origin.context) if node.origin.role else ""
