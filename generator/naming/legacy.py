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
    ancestors = segments[:-1]
    union_word: str | None = None
    rest = ancestors
    if kind == _MEMBER:
        union_word = ancestors[-1][0] if ancestors else ""
        rest = ancestors[:-1]
        if decl.name_override or decl.hint != decl.origin.parent.hint:  # type: ignore[union-attr]
            own = decl.name_override or decl.hint  # a titled member is named after its title
    else:
        own = decl.name_override or decl.hint
        members = [i for i, (_, k) in enumerate(ancestors) if k == _MEMBER]
        if members and members[-1] >= 1:
            j = members[-1]
            union_word = ancestors[j - 1][0]
            rest = ancestors[: j - 1] + ancestors[j:]
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
    yield from _distinct(n for n in chain(names, prefixed) if n)


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
    """`group, Request` or `group, Response, status, media type` (from `Decl.origin.chain`)."""
    chain = list(decl.origin.chain)
    if chain[:1] == ["Response"]:
        words = chain[:3]
    else:
        words = ["Request"]
    return [w for w in [decl.origin.group, *words] if w]


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


def visiting_order(
    decls: list[Decl], ranks: dict[int, int] | None = None, by_method: bool = False, breadth_first: bool = False
) -> list[Decl]:
    """The order older generators name `decls` in: components first, breadth first across all of them
    (every component's own properties, then theirs...; components in `ranks` order), then root by root
    what each operation's request uses, in the order of `decls`, depth first below each root (a field's or
    member's whole subtree before the next one: orq-2025-08 1.606.5 CreateResponse's `input[]` union
    [message, function_call_output]: the message's content parts take `CreateResponse2Proxy1`,
    `CreateResponse22`, `CreateResponse23` and their `type`s `CreateResponse2Type`, `...ProxyType`,
    `...ProxyRequestType` before the second member, left `CreateResponse2Proxy2` and `...RequestRequestBodyType`;
    CreateChatCompletion's `tools[].function.parameters.type` `...ProxyRequestType` before the shallower
    `orq.cache.type` met after it; breadth first, orq-2025-08 misses 8 models, 10 enums and 22 pages, the orq
    TypeScript SDKs 1.419-1.791 99 pages, while no entry loses one), then what
    responses use breadth first across all operations (a response's shallow schema before another
    operation's deeper one met earlier: orq-2025-08 CreateBudget's `consumption` is `Consumption`, ListBudgets'
    `data[].consumption` `ListBudgetsConsumption`; orq-2024-11 RouterCompletions' `FinishReason`; investec
    transferv2 `TransferResponses`; plexpy createPlayQueue `Type`; none of the claim orders the names of
    orq 1.441/1.606, investec, plexpy, novu or emissary imply says otherwise, while request bodies taken
    across operations break 103 of orq-2025-08's), fields and members in spec order. So a union claims its
    name before its members (orq-2024-11:
    the item union is `Two`, its second member `Two2`), and a shallow schema before a deeper one met
    earlier (orq-2024-11 DeploymentGetConfig: `tools[].type` before `messages[].tool_calls[].type`; log10py
    1.296/1.314 `ChatCompletionRequestMessageContentPartText.type` takes `Type` from the
    `response_format.type` of `CreateChatCompletionRequest`, reached first; novu 1.444 `StepFilterDto.value`
    from a deeper one of `ValidationErrorDto`).

    Not reproduced: below a few unions the claims follow the members in a rotated order, every claimant
    at one depth below the union the same rotation (orq-2025-08 1.606.5 DeploymentGetConfig's request:
    `prefix_messages` from member 3, `messages` from member 2, roles and contents alike), the signature of
    iterating a small Go map; DeploymentStream's byte-identical request keeps the spec's order, so the
    rotation is no function of the subtree. It is no fresh draw per run either: every orq-python run seen
    repeats it, from 1.566.1 (commit 6c3647ef: prefix_messages' tool, assistant, user roles already
    `...PrefixMessagesDeploymentsRequestRole`, `...DeploymentsRole`, `...PrefixMessagesRole`) to 1.631.5
    (2b5c723f: `Two`/`DeploymentsContent2`, `DeploymentGetConfigMessagesRole` system) and 1.741.4, while
    the spec changed inside that request (annotations added to its text parts after 1.575.4, whose unions claim
    in the same rotated order, `thread`, an assistant role `exception`); gen.lock keeps no names (a file list,
    later checksums), so the order is recomputed each run, by a rule not yet found. Of 4,599
    claim orders orq-2025-08's names imply (a name taken before its claimant's: its holder came first), this
    order breaks 121; across operations 2, both UpdateBudget's request `budget.period` taking `Period` before
    CreateBudget's union body, whose members claim `period` second member first but `type` first member first.

    `by_method`, before `nameResolutionDec2023`: components first, in byte order of their keys (airbyte:
    `destination-clickhouse` takes `SSHKeyAuthentication` from `source-clickhouse`, `destination-astra`
    from `destination-pinecone`), then within each phase the operations as the SDK's classes and methods
    sort: by group (tag) in byte order, then by operation name, wherever they stand in the document.
    leonardo 1.396: `promptImprove` takes `PromptGenerationOutput` from `promptRandom` above it,
    `deleteGenerationById` takes `Generations` from `getGenerationById`, `createDataset` `Datasets` from
    `getDatasetById` and `deleteDatasetById` below it, `Elements`' `listElements` `Loras` from `Image`'s
    `getGenerationById`; testpan 1.207: `CD` (capitals sort first) takes `SortKey` and `SortDir` from
    every other group, `api security` takes `APISecSource` from `dashboard`, and in `images and
    vulnerabilities` `.../dockerfileScanResults/ignore` takes `ActionType` from `.../vulnerabilities/ignore`
    above it (149 claims, 2 out of this order; document order breaks 114, the last operation first 23).
    There the components are named breadth first across all of them too: airbyte 1.244-1.402
    `source-salesforce.auth_type` takes `AuthType` from the union members' `auth_type` of `source-cart`,
    `source-gitlab`... before it, `source-sftp-bulk.file_type` `FileType` from `source-azure-blob-storage`'s
    `streams[].format` members (2,343 claims in airbyte 1.244: 234 out of a walk component by component,
    106 out of this one).

    `breadth_first` (see `Profile.operations_breadth_first`): the operations' schemas as well, phase by
    phase, breadth first across all operations instead of operation by operation."""
    index = {id(d): i for i, d in enumerate(decls)}
    children: dict[int, list[Decl]] = {}
    roots: dict[int, Decl] = {}
    first: dict[int, int] = {}
    for decl in decls:
        parent = decl.origin.parent
        if parent is not None and id(parent) in index:
            children.setdefault(id(parent), []).append(decl)
            continue
        root = parent if parent is not None else decl
        roots.setdefault(id(root), root)
        first[id(root)] = min(first.get(id(root), index[id(decl)]), index[id(decl)])
        if parent is not None:
            children.setdefault(id(parent), []).append(decl)
    order: list[Decl] = []
    ranks = ranks or {}  # components in the order the operations reach them (`naming.reach`)

    def place(root: Decl) -> tuple[int, tuple[bool, bool, bool], str, str, int]:
        if not by_method:
            return ranks.get(id(root), len(ranks)), (False, False, False), "", "", first[id(root)]
        if root.origin.from_component:  # components by key
            return 0, (False, False, False), "", root.hint, first[id(root)]
        return 1, phase(decls[first[id(root)]]), root.origin.group, root.origin.context, first[id(root)]

    # (below an operation, its phase, depth): components breadth first across all of them, then operations'
    # requests one by one or, `breadth_first`, phase by phase across all of them; responses always across
    level: dict[int, tuple[bool, tuple[bool, bool, bool], int]] = {}
    for root in sorted(roots.values(), key=place):
        queue = [root]
        below_operation = not root.origin.from_component
        stage = phase(decls[first[id(root)]]) if below_operation else (False, False, False)
        across = breadth_first or not below_operation or stage[0]  # stage[0]: a response's
        stage = stage if across else (False, False, False)
        level[id(root)] = (below_operation, stage, 0)
        if id(root) in index:
            order.append(root)
        if not across:  # an operation's request, depth first
            for child in _pre_order(root, children):
                level[id(child)] = level[id(root)]
                order.append(child)
            continue
        for node in queue:
            found = children.get(id(node), [])
            for child in _in_spec_order(node, found):
                level[id(child)] = (below_operation, stage, level[id(node)][2] + 1)
                order.append(child)
                queue.append(child)
    return sorted(order, key=lambda decl: level[id(decl)])  # stable: roots' order within a level


def _pre_order(root: Decl, children: dict[int, list[Decl]]) -> Iterator[Decl]:
    """What lies below `root`, depth first: each child, then everything below it, before the next child."""
    stack = list(reversed(_in_spec_order(root, children.get(id(root), []))))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(_in_spec_order(node, children.get(id(node), []))))


def _in_spec_order(node: Decl, found: list[Decl]) -> list[Decl]:
    """`node`'s inline children in the order of its fields (members), the rest after them."""
    exprs = (
        [f.type for f in node.fields] + [node.additional]
        if isinstance(node, Model)
        else list(node.members) if isinstance(node, Union) else []
    )
    ids = {id(d) for d in found}
    ordered = list(dict.fromkeys(t for t in map(ref_target, exprs) if t is not None and id(t) in ids))
    seen = {id(d) for d in ordered}
    return ordered + [d for d in found if id(d) not in seen]


def sdk_classes(decls: list[Decl]) -> set[str]:
    """The SDK's own classes, one per segment of an operation group (`deployments.embeddings` ->
    `Embeddings`), which inline schemas cannot be named (emissary `GetEmbeddingsFromDeploymentEmbeddings`,
    orq-2024-11 `DeploymentCreateMetricFeedback` beside the `Feedback` tag)."""
    return {pascal(part).lower() for decl in decls for part in decl.origin.group.split(".") if part}


def name_first_come(
    decl: Decl, taken: set[str], segments: dict[int, tuple[str, str]], schemas: bool, owners: dict[str, Decl]
) -> None:
    """Older generators name one schema at a time: each takes its first free candidate (see the module's docstring);
    before `nameResolutionDec2023` (`schemas`) it may take one from its holder (`owners`: name -> holder),
    which moves on to its next free candidate (see `takes_over`).

    A request's inline schema that lost read-only fields finding a name held by such a twin takes it with `Input`
    (see `_input_twin`; orq-2024-11 1.441 DeploymentGetConfig's parts: `DeploymentGetConfig2ImageURLInput`)."""
    last = ""
    for option in candidates(decl, _legacy_root, segments, schemas):
        last = python_safe(option)
        if _free(last, taken):
            break
        holder = owners.get(last.lower())
        if _input_twin(decl, holder, last) and _free(last + "Input", taken):
            last += "Input"
            break
        if schemas and holder is not None and takes_over(decl, holder):
            decl.name, holder.name = holder.name, ""
            owners[decl.name.lower()] = decl
            name_first_come(holder, taken, segments, schemas, owners)
            return
    decl.name = unique(last or python_safe(pascal(decl.hint)), taken)
    owners[decl.name.lower()] = decl


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
