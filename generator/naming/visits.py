"""The order older generators (first come, before `nameResolutionFeb2025`) let inline schemas claim names in.

Two views of one walk. `visiting_order` is the order of precedence: who keeps a contested name. From about
1.41 (`Profile.claims_on_arrival`) Speakeasy does not claim in that order but as its walk of the operations
arrives at each schema (`arrival_order`), and a later claimant that takes precedence takes a name back from
its holder, which moves on to the first candidate still free: later than the siblings that claimed in
between, the rotated claims orq 1.441 and 1.606 show below unions and beside them (they looked like a Go
map's iteration order; they are not).
"""

from __future__ import annotations

from collections.abc import Callable

from ..ir import Decl, Model, Union, ref_target
from ..profile import Profile
from .legacy import phase
from .nesting import top

Level = tuple[bool, tuple[bool, bool, bool], int]  # (below an operation, its phase, depth): lower goes first


def claim_order(
    decls: list[Decl], ranks: dict[int, int], met: dict[int, Decl], era: Profile
) -> tuple[list[Decl], Callable[[Decl, Decl], bool] | None]:
    """(the order `decls` claim names in, whether a claimant takes a name back from its holder, if ever);
    `met`: the operations' walk (`reach.meeting_order`), needed on arrival."""
    if era.claims_on_arrival:
        return arrival_order(decls, ranks, met)
    # before `nameResolutionDec2023`: components by key, operations by group and name (`by_method`)
    return visiting_order(decls, ranks, era.schemas_word, era.operations_breadth_first), None


def visiting_order(decls: list[Decl], ranks: dict[int, int], by_method: bool, breadth_first: bool) -> list[Decl]:
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
    from a deeper one of `ValidationErrorDto`). From about 1.41 this is who keeps a name; the order names are
    claimed in is `arrival_order`'s (depth first below every root, not only a request's).

    `by_method`, before `nameResolutionDec2023`: components first, in byte order of their keys (airbyte:
    `destination-clickhouse` takes `SSHKeyAuthentication` from `source-clickhouse`, `destination-astra`
    from `destination-pinecone`), then within each phase the operations as the SDK's classes and methods
    sort: by group (tag) in byte order, then by the operation's `<Op>Response` class name, wherever they stand
    in the document (by that name, not the operation's: testpan 1.207 `/cd/{resourceId}` GetCDResourceID takes
    `SortKey` and `SortDir` from `/cd` GetCD, `GetCDResourceIDResponse` < `GetCDResponse`;
    GetRiskAssessmentPermissionsClusterID `PermissionRisk` from GetRiskAssessmentPermissions, while
    GetDashboardApisecRiskFindings keeps `QueryParamAPISecSource` from GetDashboardApisecRiskFindingsTrend: 6 pages).
    leonardo 1.396: `promptImprove` takes `PromptGenerationOutput` from `promptRandom` above it,
    `deleteGenerationById` takes `Generations` from `getGenerationById`, `createDataset` `Datasets` from
    `getDatasetById` and `deleteDatasetById` below it, `Elements`' `listElements` `Loras` from `Image`'s
    `getGenerationById`; testpan 1.207: `CD` (capitals sort first) takes `SortKey` and `SortDir` from
    every other group, `api security` takes `APISecSource` from `dashboard`, and in `images and
    vulnerabilities` `.../dockerfileScanResults/ignore` takes `ActionType` from `.../vulnerabilities/ignore`
    above it (149 claims; document order breaks 114, the last operation first 23).
    There the components are named breadth first across all of them too: airbyte 1.244-1.402
    `source-salesforce.auth_type` takes `AuthType` from the union members' `auth_type` of `source-cart`,
    `source-gitlab`... before it, `source-sftp-bulk.file_type` `FileType` from `source-azure-blob-storage`'s
    `streams[].format` members (2,343 claims in airbyte 1.244: 234 out of a walk component by component,
    106 out of this one).

    `breadth_first` (see `Profile.operations_breadth_first`): the operations' schemas as well, phase by
    phase, breadth first across all operations instead of operation by operation."""
    walk = _Walk(decls, ranks, by_method, breadth_first, False)
    return sorted((d for root in walk.roots for d in walk.below[id(root)]), key=lambda d: walk.level[id(d)])


def arrival_order(
    decls: list[Decl], ranks: dict[int, int], met: dict[int, Decl]
) -> tuple[list[Decl], Callable[[Decl, Decl], bool]]:
    """(the order `decls` claim names in, whether a claimant takes a name back from its holder); `met`: the
    declarations in the order the walk of the operations meets them (`reach.meeting_order`).

    Speakeasy walks the operations in spec order (`reach.meeting_order`) and claims for each root's schemas,
    depth first below it, when the walk meets the root: an operation's own schemas at the operation, a
    component's where an operation first reaches it, not before every operation. A claimant that goes first in
    `visiting_order` (a component before an operation's schema; a request body's before a parameter's, a
    response's, an error's; among components and responses a shallower one) takes its name back from a holder
    that does not: the holder takes its first candidate free by then, after whatever its siblings claimed
    meanwhile. So precedence decides who keeps a name, arrival what the others end up with.

    orq-2025-08 (1.606.5): DeploymentGetConfig, the 5th operation, claims `prefix_messages[]`' roles in member
    order: developer `Role`, system `PrefixMessagesRole`...; DeploymentInvoke, the 6th, sends the component
    `Deployments`, whose developer and system roles take both back: DeploymentGetConfig's developer becomes
    `DeploymentGetConfigPrefixMessagesDeploymentsRequestRequestBodyRole`, after the user, assistant and tool
    roles took `...PrefixMessagesRole`, `...DeploymentsRole`, `...DeploymentsRequestRole`, its system role
    `...RequestBody2Role`, `messages[]`' developer `...RequestBody1Role` (the rotation the names show;
    DeploymentStream, the 8th, comes after the component: its byte-identical request claims in member order).
    GetEvals' response (GET /v2/evaluators) claims `GuardrailConfig` for its first member's `guardrail_config`,
    CreateEval's request body (POST, next) takes it back: that one is the last of seven,
    `GetEvalsDataEvalsResponse200ApplicationJSONResponseBodyGuardrailConfig`. orq-2024-11 (1.441): the first of
    DeploymentInvoke's three `choices[].message` members loses `MessageRole` to DeploymentCreateMetric's request
    and its role is `DeploymentInvokeMessageDeploymentsResponseRole`, the second's `DeploymentInvokeMessageRole`,
    as in the TypeScript SDKs 1.441, 1.444, 1.455 and 1.517 of that API (separate repositories, so no name
    carried over from an earlier run). Depth first: in DeploymentGetConfig's request (1.441) the content parts'
    `type`s under `prefix_messages[]` come before its `tool_calls[].type` and take `Type` and `TwoType`, which
    `Deployments` takes back, so `tool_calls[].type` is `DeploymentGetConfigType` and the parts' are the last,
    `DeploymentGetConfig2DeploymentsRequestType`, after `messages[]`' `DeploymentGetConfig2Type`; breadth first
    would give `tool_calls[].type` `Type` to lose. Measured (tests/models_conformance.py): orq-2025-08 models
    1232 -> 1309 of 1328, enums 702 -> 754 of 755, unions 269 -> 302 of 320; orq-2024-11 models 158 -> 174 of
    176, unions 38 -> 42 of 42; docs 2203 -> 2366 and 296 -> 316 pages (TypeScript orq-node 1.517 661 of 661
    blanked); no other entry changes.

    Not reproduced: orq-2025-08 UpdateBudget's request `budget.period` takes `Period` from the first member of
    CreateBudget's union body (an earlier operation's request, equal precedence here), whose `period` ends up
    `CreateBudgetRequestBodyPeriod` after the second member's `RequestBodyPeriod`. Letting a schema outside any
    union member outrank one inside a member across operations fixes it (3 models, 1 enum, 4 pages) but loses
    orq-node 1.517 16 and 1.791 36 TypeScript pages; within operations too it loses orq-2024-11 5 models.

    A component the walk meets inside another claims there, before the rest of the other: novu 1.444
    `ActivityNotificationResponseDto` lists `jobs[]` (`ActivityNotificationJobResponseDto`) before its own
    `payload`, so the job's `payload` is `Payload` and the outer one `ActivityNotificationResponseDtoPayload`
    (component by component gave the two each other's names: novu models 207 -> 210 of 210; no other entry
    changes; ordering by where the walk finishes a schema changed nothing).

    The walk goes depth first through schemas the IR dropped too (a component's inline object that is not
    generated, whose schemas are: orq-2024-11 `Deployments.prefix_messages[]`), and such a root counts as deep
    as it stands below its component or operation, and under a component as the component's: the text part's
    `type` there claims `Type` before `tool_calls[].type`, loses it to that shallower one and ends up
    `Deployments2Type`, after the image part's `TwoType` (root by root, orq-2024-11 misses 2 models, 2 enums)."""
    walk = _Walk(decls, ranks, False, False, True)
    arrived = {key: rank for rank, key in enumerate(met)}

    def arrival(root: Decl) -> int:
        return arrived.get(id(root), arrived.get(id(top(root)), len(arrived)))

    below: dict[int, list[Decl]] = {}  # the whole tree down to `decls`, through schemas the IR dropped
    tops: dict[int, tuple[int, int, Decl]] = {}  # id(top) -> (arrival, first root's rank, top)
    linked: set[int] = set()
    for rank, root in enumerate(walk.roots):
        outer = top(root)
        tops.setdefault(id(outer), (arrival(root), rank, outer))
    for decl in decls:
        node = decl
        while node.origin.parent is not None and id(node) not in linked:
            linked.add(id(node))
            below.setdefault(id(node.origin.parent), []).append(node)
            node = node.origin.parent
    order: list[Decl] = []
    for _, _, outer in sorted(tops.values(), key=lambda entry: entry[:2]):
        stack = [outer]
        while stack:  # depth first, fields and members in spec order
            node = stack.pop()
            if id(node) in walk.index:
                order.append(node)
            stack.extend(reversed(_in_spec_order(node, below.get(id(node), []))))

    # a component met inside another's walk claims there, before the rest of that one (module docstring); what the
    # walk does not meet (schemas the IR dropped in between) keeps its place beside its top's
    place = {id(d): i for i, d in enumerate(order)}
    order.sort(key=lambda d: (arrival(d), place[id(d)]))

    def outranks(claimant: Decl, holder: Decl) -> bool:
        if top(claimant).origin.from_component and top(holder).origin.from_component:
            if _property_named(claimant) and _title_named_member(holder):
                return True
            if _title_named_member(claimant) and _property_named(holder):
                return False
        return walk.level[id(claimant)] < walk.level.get(id(holder), walk.level[id(claimant)])

    return order, outranks


def _property_named(decl: Decl) -> bool:
    """A property's schema (not a union member)."""
    return isinstance(decl.origin.parent, Model)


def _title_named_member(decl: Decl) -> bool:
    """A union member named after its title (see `legacy.candidates`).

    Below components such a member yields its name to a property's schema whatever their order, as before
    `nameResolutionDec2023` a title-named component schema does to a property-named one (`takeover`):
    orq-2025-08 `Deployments.knowledge_filter`, whose members titled `eq`, `ne`, `in`, `nin`, `and`, `or` hold
    the property of that name: `eq` is `Eq` and its member `OneEq`, `and[]`'s values `And` and the member
    `KnowledgeFilterAnd`, in the `and`/`or` subtrees `AndEq` and `DeploymentsAndEq`... (14 models, 16 unions,
    30 pages; the TypeScript SDK 1.791 of that API 19 pages more); below operations the member keeps its name,
    `DeploymentStream1Eq` and `...1DeploymentsEq` (yielding there too loses 34 models and 40 unions)."""
    parent = decl.origin.parent
    return isinstance(parent, Union) and bool(decl.name_override or decl.hint != parent.hint)


class _Walk:
    """The roots of `decls` (their nearest fixed ancestors, or themselves) in order, the schemas breadth first
    below each, and each schema's `Level`. `true_depth`: see `arrival_order`."""

    def __init__(
        self, decls: list[Decl], ranks: dict[int, int], by_method: bool, breadth_first: bool, true_depth: bool
    ) -> None:
        self.index = index = {id(d): i for i, d in enumerate(decls)}
        self._children: dict[int, list[Decl]] = {}
        children = self._children
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

        def place(root: Decl) -> tuple[int, tuple[bool, bool, bool], str, str, int]:
            if not by_method:
                return ranks.get(id(root), len(ranks)), (False, False, False), "", "", first[id(root)]
            if root.origin.from_component:  # components by key
                return 0, (False, False, False), "", root.hint, first[id(root)]
            # by `<Op>Response` (see `visiting_order`)
            return (
                1,
                phase(decls[first[id(root)]]),
                root.origin.group,
                root.origin.context + "Response",
                first[id(root)],
            )

        # (below an operation, its phase, depth): components breadth first across all of them, then operations'
        # requests one by one or, `breadth_first`, phase by phase across all of them; responses always across
        self.roots = sorted(roots.values(), key=place)
        self.level: dict[int, Level] = {}
        self.below: dict[int, list[Decl]] = {}
        for root in self.roots:
            below_operation = not root.origin.from_component and not (true_depth and top(root).origin.from_component)
            stage = phase(decls[first[id(root)]]) if below_operation else (False, False, False)
            across = breadth_first or not below_operation or stage[0]  # stage[0]: a response's
            stage = stage if across or true_depth else (False, False, False)
            self.level[id(root)] = (below_operation, stage, _depth(root) if true_depth and across else 0)
            found = [root] if id(root) in index else []
            if not across:  # an operation's request, depth first
                found += self.pre_order(root)
                self.level.update((id(child), self.level[id(root)]) for child in found)
            queue = [root] if across else []
            for node in queue:
                for child in self.children(node):
                    self.level[id(child)] = (below_operation, stage, self.level[id(node)][2] + 1)
                    found.append(child)
                    queue.append(child)
            self.below[id(root)] = found

    def pre_order(self, root: Decl) -> list[Decl]:
        """What lies below `root`, depth first: each child, then everything below it, before the next child."""
        found: list[Decl] = []
        stack = list(reversed(self.children(root)))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(self.children(node)))
        return found

    def children(self, node: Decl) -> list[Decl]:
        """`node`'s inline schemas among `decls`, in spec order."""
        return _in_spec_order(node, self._children.get(id(node), []))


def _depth(decl: Decl) -> int:
    depth = 0
    while decl.origin.parent is not None:
        decl, depth = decl.origin.parent, depth + 1
    return depth


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
