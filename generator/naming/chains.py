"""Contested inline names in the newest era (`sharedNestedComponentsJan2026`, cribl-cp, cribl-mgmt, sunsynk).

A contested name grows, in turn (cribl-cp, one step at a time while still contested):
1. `<Root><Base>`: the nearest root ancestor (below);
2. `<Root><Base><Tag>`: the discriminating value of the union member it lies in
   (`OutputResponseDataFormatSumoLogic`, `CreateInputSystemByPackCPUSystemMetrics`);
3. `<Root><Parent><Base>`, then `<Root><Parent><Base><Tag>`: the parent schema's own base
   (`InputWindowsMetricsDiskMode`, `CreateInputNetworkModeSystemMetrics`,
   `RestAuthenticationBasicRestDiscoveryDiscoverTypeHTTPDiscoverMethodGetDiscoverType`); not when the
   parent is the tagged member itself, whose tag step already named it: cribl-cp 1.784 InputOpenTelemetry's
   `authType` in CreateInput stays `CreateInputAuthenticationTypeOpenTelemetry` while its
   `authMethodsExt[].authType` moves on to `CreateInputAuthMethodsExtAuthenticationType`.

Roots are components, operations, name overrides and allOf-distributed copies that keep
the component name they copy uncontested (`RestAuthenticationBasic`, a variant of
RestCollectorConf: its children are `RestAuthenticationBasicDiscovery`...). A copy whose
name is contested (`OutputResponseOutputSumoLogic`) is no root: its children go by the
component above it.

Each name's words also give the class's file stem (`Decl.file_stem`), Speakeasy's file name for a
class of its own: the root and any component key lower-cased, a property, title or tag snake_cased,
joined by `_` (`OutputResponseTypeStatsd` -> `outputresponse_type_statsd`); a split module's parts
are named by it (`render.pymodules`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ..casing import fold, pascal, snake, tag_words
from ..ir import OPERATION_ROLES, SDK_ROLES, Decl, Enum, Model, Ref, Role, Union, members_named_by, named_by_union
from .unionnames import component_of


class Chains:
    """What the candidates of one naming pass need to know about every claimant."""

    def __init__(self, pending: Iterable[Decl], taken: set[str], base_of: Callable[[Decl], str]):
        # `&` is spelled out in the newest era's names (cribl-cp title `Disks & File Systems` -> `DisksAndFileSystems`)
        self.base_of: Callable[[Decl], str] = lambda decl: base_of(decl).replace("&", " and ")
        self.firsts = Counter(pascal(self.base_of(d)).lower() for d in pending)
        self.taken = set(taken)  # the fixed names, before any inline schema is named
        # each candidate's file stem (`Decl.file_stem`), by (claimant, name)
        self.stems: dict[tuple[int, str], str] = {}

    def candidates(self, decl: Decl) -> list[str]:
        number = subtree_number(decl.origin.parent)
        tail = ("_" + number) if number else ""
        if _lone_enum(decl):
            (plain, plain_words), *prefixed = self._candidates(decl, False)
            pairs = [(plain + number, "_".join(plain_words) + tail)] + [
                (n + "Union" + number, "_".join(words) + "_union" + tail) for n, words in prefixed
            ]
        elif isinstance(decl, Union) and gives_way(decl):  # its own members take the plain name
            pairs = [
                (n + "Union" + number, "_".join(words) + "_union" + tail) for n, words in self._candidates(decl, False)
            ]
        else:
            pairs = [
                (n + number, "_".join(words) + tail) for n, words in self._candidates(decl, isinstance(decl, Union))
            ]
        self.stems.update(((id(decl), name), stem) for name, stem in pairs)
        return [name for name, _ in pairs]

    def key(self, decl: Decl, name: str) -> str:
        """What claimants contest: the name without the number of the member it lies in, so that
        `Mode1`..`Mode3` of one union contest `Mode` elsewhere (`NotificationMode1`) but not each other
        (`EmailRecipient1`); see `contested`."""
        number = "" if named_by_union(decl) else subtree_number(decl.origin.parent)
        return (name[: len(name) - len(number)] if number and name.endswith(number) else name).lower()

    def contested(self, group: list[Decl], names: list[str], blocked: set[str]) -> bool:
        """Claimants of one `key` collide unless they all lie in the numbered members of one union."""
        if any(n.lower() in blocked for n in names) or len({n.lower() for n in names}) < len(names):
            return True
        return len({family(d) for d in group}) > 1

    def member(self, decl: Decl) -> str:
        """An inline union member named after its union: `<Union><Tag>`, a lone one `<Union>`, else
        numbered: `<Union><Shared tag><n>` (cribl-cp `OutputWebhookWebhook1`, `Notification1`); a request
        variant's member takes the suffix before the number (`InputGrafanaGrafanaInput1`)."""
        union = decl.origin.parent
        assert isinstance(union, Union)
        number = subtree_number(union)
        stem = union.name[: len(union.name) - len(number)]
        if stem.endswith("Union") and not pascal(union.name_override or union.hint).endswith("Union"):
            stem = stem[: -len("Union")]
        suffix = ""
        file = union.file_stem or file_word(stem, True)
        if number and file.endswith("_" + number):
            file = file[: -len(number) - 1]
        if file.endswith("_union") and not stem.endswith("Union"):
            file = file[: -len("_union")]
        if union.origin.input_of:
            stem, suffix = pascal(union.origin.input_of), "Input"
            file = file_word(union.origin.input_of, True)
        extra = ["input"] if suffix else []
        extra += [number] if number else []
        if decl.origin.tag:
            words = [file, file_word(decl.origin.tag, False), *extra]
            return self._stemmed(decl, stem + tag_words(decl.origin.tag) + suffix + number, words)
        if _lone(union):
            enum = "Enum" if isinstance(decl, Enum) else ""
            return self._stemmed(decl, stem + suffix + enum + number, [file, *(["enum"] if enum else []), *extra])
        shared = pascal(decl.origin.shared_tag) if decl.origin.shared_tag else ""
        index = str(decl.origin.index or 1)
        words = [file, *([file_word(shared, False)] if shared else []), *(["input"] if suffix else []), index]
        return self._stemmed(decl, stem + shared + suffix + index + number, words + ([number] if number else []))

    def _stemmed(self, decl: Decl, name: str, words: list[str]) -> str:
        """`name`, its file stem recorded."""
        self.stems[(id(decl), name)] = "_".join(words)
        return name

    def _candidates(self, decl: Decl, union: bool) -> list[tuple[str, list[str]]]:
        """Names with the words of their file stem (see `file_word`)."""
        base = self.base_of(decl)
        root, path = self._root(decl)
        own = file_word(base, _keyed(decl))
        pairs = [(pascal(base), [own])]
        if union:
            pairs.append((pascal(base) + "Union", [own, "union"]))
        if root:
            top = file_word(root, True)
            tag = _tag(path)
            parent = path[-1] if path and path[-1] is decl.origin.parent else None
            if parent is not None and tag and parent.origin.tag == tag:
                parent = None  # the tagged member itself: its tag already tells it apart
            parent_base = self.base_of(parent) if parent is not None else ""
            steps = [([base], [own])]
            if tag:
                steps.append(([base, tag], [own, file_word(tag, False)]))
            if parent is not None and parent_base:
                above = file_word(parent_base, _keyed(parent))
                steps.append(([parent_base, base], [above, own]))
                if tag:
                    steps.append(([parent_base, base, tag], [above, own, file_word(tag, False)]))
            for words, files in steps:
                pairs.append((pascal(" ".join([root, *words])), [top, *files]))
            if union:
                pairs.append((pascal(root + " " + base) + "Union", [top, own, "union"]))
        if isinstance(decl, Enum) and len(decl.values) == 1 and not decl.name_override:  # as `classes`
            value = str(decl.values[0].value)
            tagged = pascal(base) + tag_words(value)
            pairs.append((pascal(tagged), [own, file_word(value, False)]))
            if root:
                pairs.append((pascal(root + " " + tagged), [file_word(root, True), own, file_word(value, False)]))
        unique: dict[str, tuple[str, list[str]]] = {}
        for name, files in pairs:
            unique.setdefault(name, (name, files))
        return list(unique.values())

    def _root(self, decl: Decl) -> tuple[str, list[Decl]]:
        """The root's name and the ancestors between it and `decl` (nearest last)."""
        path: list[Decl] = []
        node = decl.origin.parent
        while node is not None:
            if node.origin.from_component or node.name_override or node.origin.role in SDK_ROLES:
                # a request variant's children go by the component's own name (`InputSplunkSearchLogLevel`
                # in `InputSplunkSearchInput`), also when only the variant is generated (see `readonly`)
                # (a union that gave way to its members lends its name without the suffix: `OutputWebhookType1`)
                name = pascal(self.base_of(node)) if gives_way(node) or not node.name else node.name
                return pascal(node.origin.input_of) if node.origin.input_of else name, path[::-1]
            if node.origin.role == Role.ERROR_BODY:
                return pascal(node.origin.context) + pascal(node.hint), path[::-1]
            if node.origin.role in OPERATION_ROLES:
                return pascal(node.origin.context), path[::-1]
            if node.origin.copy_of and self._keeps_name(node):
                return pascal(self.base_of(node)), path[::-1]
            path.append(node)
            node = node.origin.parent
        return (pascal(decl.origin.context), path[::-1]) if decl.origin.context else ("", path[::-1])

    def _keeps_name(self, decl: Decl) -> bool:
        first = pascal(self.base_of(decl)).lower()
        return self.firsts[first] == 1 and first not in self.taken


def file_word(text: str, keyed: bool) -> str:
    """One word of a file stem: a component's name lower-cased as it is (`restpaginationtyperequestoffset`),
    a property, title or tag snake_cased (`discover_type`, `logged_in_users`)."""
    if keyed:
        return "".join(c for c in fold(text).lower() if c.isalnum())
    return snake(text).rstrip("_")


def _keyed(decl: Decl) -> bool:
    """Whether `decl` is named after a component's key: an allOf-distributed copy, or a member of one's union
    that shares its name (cribl-cp `OutputResponseOutputWebhookWebhook1` of `OutputWebhook`)."""
    parent = decl.origin.parent
    while not decl.origin.copy_of and isinstance(parent, Union) and parent.hint == decl.hint:
        decl, parent = parent, parent.origin.parent
    return bool(decl.origin.copy_of)


def family(decl: Decl) -> int:
    """Claimants lying in the numbered members of one union are one family (`Mode1`..`Mode3`): its id."""
    member = None if named_by_union(decl) else _numbered_member(decl.origin.parent)
    return id(member.origin.parent) if member is not None else id(decl)


def _lone(union: Union) -> bool:
    members = members_named_by(union)
    return len(members) == 1 and not members[0].origin.tag


def gives_way(union: Decl) -> bool:
    """A union whose own members are named after it takes the `Union` suffix, components too
    (cribl-cp `BackupsSettingsUnion` of `BackupsSettings` and EmptyObject, `NotificationUnion`)."""
    return isinstance(union, Union) and bool(members_named_by(union))


def _lone_enum(union: Decl) -> bool:
    """A union whose one member named after it is an enum, `<Union>Enum`: the union keeps its plain name and
    takes `Union` only once prefixed (cribl-cp 1.784 `GitInfo.remote` [string, enum] is `Remote`, `RemoteEnum`;
    lapyme 1.768 the contested `dimension` [enum, string] `InventoryReportRequestDimensionUnion`)."""
    members = members_named_by(union) if isinstance(union, Union) else []
    return len(members) == 1 and isinstance(members[0], Enum) and not members[0].origin.tag


def _numbered_member(node: Decl | None) -> Decl | None:
    """The nearest numbered union member `node` lies in (or is)."""
    while node is not None and not (node.origin.from_component or node.origin.role):
        parent = node.origin.parent
        if named_by_union(node) and isinstance(parent, Union) and not node.origin.tag and not _lone(parent):
            return node
        node = parent
    return None


def subtree_number(node: Decl | None) -> str:
    """Inside a numbered union member, every inline name ends with its number (cribl-cp
    `Notification2.conf` -> `ConditionSpecificConfigurations2`, `TargetConfigUnion2`)."""
    member = _numbered_member(node)
    return str(member.origin.index or 1) if member is not None else ""


def _tag(path: list[Decl]) -> str:
    """The discriminating value of the nearest tagged union member among `path`; not a value of an
    enum without `type` (cribl-cp InputExec's `type: {enum: [exec]}`: `CreateInputInputExecType`)."""
    for node in reversed(path):
        if isinstance(node, Model) and isinstance(node.origin.parent, Union) and node.origin.tag:
            return "" if untyped_tagged(node) else node.origin.tag
    return ""


def untyped_tagged(node: Decl) -> bool:
    """A union member whose tag is the one value of an enum without `type` (cribl-cp InputExec)."""
    return isinstance(node, Model) and any(_untyped_tag(f.type, node.origin.tag) for f in node.fields)


def _untyped_tag(expr: object, tag: str) -> bool:
    return (
        isinstance(expr, Ref)
        and isinstance(expr.decl, Enum)
        and expr.decl.untyped
        and [str(v.value) for v in expr.decl.values] == [tag]
    )


def in_copy(decl: Decl) -> bool:
    """Whether `decl` is, or lies inside, an allOf-distributed copy of a component: in the newest era such a
    claimant never keeps a contested name for its component (cribl-cp 1.784 `InputResponseInputKafka`,
    `InputResponseLokiAuth1` beside the original's `LokiAuth1`)."""
    return _copy(decl) is not None


def _copy(decl: Decl) -> Decl | None:
    """The allOf-distributed copy `decl` is or lies inside (see `in_copy`), None outside any."""
    node: Decl | None = decl
    while node is not None and not node.origin.copy_of:
        node = node.origin.parent
    return node


def beside_own_copies(group: list[Decl]) -> list[Decl]:
    """The claimants that move on when the others are one component's child (or one family of numbered
    children, see `family`) and copies of that same component which their discriminated union cannot tell
    apart by a typed tag (`_untellable`): the component's keeps the name (cribl-cp 1.784 InputExec's
    `scheduleType` is `ScheduleType`, its copies in InputResponse, createInput... members by an untyped
    `type: {enum: [exec]}`, are `InputResponseScheduleType`...; InputGrafana's `lokiAuth` is `LokiAuth1`,
    `LokiAuth2`, its copies unions themselves). A copy told apart by a typed tag takes the original's name
    away too (InputEdgePrometheus's `podFilter[]` is `InputEdgePrometheusPodFilter` beside
    `CreateInputPodFilter`), as do copies of other components (RestCollectMethodGet's `__scheduling`:
    DatabaseCollectorConf's is `DatabaseCollectorConfScheduling`). No corpus entry shows copies in a union
    without a discriminator beside their original. All of `group` when not so."""
    originals = [d for d in group if not in_copy(d)]
    owners = {component_of(d) for d in originals}
    owner = owners.pop() if len(owners) == 1 else None
    if owner is None or len(originals) == len(group) or len({family(d) for d in originals}) != 1:
        return group
    for decl in group:
        copy = _copy(decl)
        if copy is not None and (copy.origin.copy_of != owner.hint or not _untellable(copy)):
            return group
    return [d for d in group if in_copy(d)]


def _untellable(copy: Decl) -> bool:
    """A copy in a union with a discriminator that its tag cannot tell apart: a tag of no `type`
    (InputExec) or a member that is a union itself (InputGrafana)."""
    union = copy.origin.parent
    if not isinstance(union, Union) or not union.discriminator:
        return False
    return isinstance(copy, Union) or untyped_tagged(copy)
