"""Which file each class is written to: Speakeasy's module per schema and per operation.

A namespace module (`models`, or `models.components`, `models.operations`... when gen.yaml splits
them) is a package with one module per component schema and one per operation, as in Speakeasy's
SDKs, so `from <package>.models.tenant import Tenant` works as it does for their users:
- a component's module is its key (or `x-speakeasy-name-override`) lower-cased, each run of other
  characters than letters, digits and `_` one `_` (`common.v3.EntityOwner` -> `common_v3_entityowner`,
  `embedding-model-config` -> `embedding_model_config`, `ListResponse_AgentResponse_` ->
  `listresponse_agentresponse_`; squadcast 1.621, agentset 1.708, syllable 1.519), then each word its
  class name adds to the key (`_input`, `_union`, `_error`...: `_named_after`); the classes found
  inside it (inline objects, enums, unions) go with it, as does its read-only request variant when
  that uses one of them (else the variant has a module of its own, `<key>_input`);
- a request body or response under `components` is a component of its own (`<key>_requestbody`);
- an operation's module is its operationId the same way, with `op` after it in the flat layout
  (`upsertTenant` -> `upserttenantop`; every flat entry 1.441-1.791) and without in the split one
  (bar 1.318 `operations/createorder.py`, plexpy 1.684 `operations/getserverinfo.py`);
- `Security`, each security scheme's model and `Globals` are in a module of their name, as are other
  classes of no schema;
- a Python keyword gets `_` after it, as does `filter` (plexpy `filter_.py`).
Error classes are placed alike in the `errors` package (`models.errors`; mammoth 1.606,
openrouter 1.656, outpost 1.712-1.791 `errors/<op>op.py`). Modules whose classes refer to each
other in a circle are written as one (the first by name), the others re-exporting their classes
from it: Python cannot import two modules that each need the other's classes first.
A module of more classes than the era allows is written in parts (`_split`).
The package's `__init__` imports a module only when one of its names is first used.
"""

from __future__ import annotations

import hashlib
import keyword
import re

from ..casing import fold, pascal, snake
from ..ir import Decl, Model, Role, Spec, Union, referenced
from ..naming.reach import reach_ranks
from .pytypes import exception_name, py_name

# Speakeasy's classes of no operation and no component schema: in a module of their name
_SDK = frozenset((Role.SECURITY, Role.GLOBALS))
# a keyword cannot be imported; Speakeasy writes `filter_.py` (plexpy 1.684) but `type.py`, `input.py` and
# `globals.py` (cribl-cp 1.784, agentset 1.708); a Windows device name cannot be a file there
_RESERVED = (
    frozenset(keyword.kwlist)
    | frozenset(("filter", "con", "prn", "aux", "nul"))
    | frozenset(f"{d}{n}" for d in ("com", "lpt") for n in range(10))
)
_LONGEST = 96  # a module name's bytes (file names are limited to 255 bytes; keep paths short)
_MODULE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_COMPONENT = re.compile(r"#/components/schemas/([^/#]+)")
# a body or response declared once under `components` and referenced by operations
_SHARED_BODY = re.compile(r"#/components/(?:responses|requestBodies)/([^/#]+)/")
# the words Speakeasy's class name adds to a component's key, each a `_<word>` of its module
_ADDED = re.compile(r"(?:input|union|error|requestbody|response)+")
_WORD = re.compile(r"input|union|error|requestbody|response")


def slug(text: str) -> str:
    """A module name for a key or operationId (see the module docstring); never empty, never a keyword.
    Letters keep as in class names (`casing.fold`): `Ünïcödé` -> `unicode`, `用户` -> `用户` (an importable
    name), not `_n_c_d_` and `_`."""
    kept = (
        c if c in _MODULE_CHARS or (not c.isascii() and ("a" + c).isidentifier()) else "_" for c in fold(text).lower()
    )
    name = "".join(kept)
    name = re.sub(r"_+", "_", name) or "model"
    if name[0].isdigit():
        name = "_" + name
    if len(name.encode()) > _LONGEST:  # distinct however long: its start and a digest of the whole
        start = name.encode()[: _LONGEST - 9].decode(errors="ignore")  # bytes: a file name's limit
        name = start + "_" + hashlib.sha256(text.encode()).hexdigest()[:8]
    return name + "_" if name in _RESERVED or name == "_" else name


def root(decl: Decl) -> Decl:
    """The schema or operation declaration `decl` was found inside (itself when at the top)."""
    node = decl
    while node.origin.parent is not None and node.origin.parent is not node:
        node = node.origin.parent
    return node


def _source_module(decl: Decl, split: bool) -> str:
    """The module of the schema or operation a top-level declaration comes from."""
    if decl.origin.role in _SDK:  # `Security` and each scheme's model (bar 1.318, cribl-mgmt 1.761), `Globals`
        return slug(decl.name)
    if decl.origin.input_of:  # a read-only request variant (see `file_modules` for those beside their component)
        return _named_after(decl.name_override or decl.origin.input_of, decl)
    found = _SHARED_BODY.search(decl.pointer) or (None if decl.origin.role else _COMPONENT.search(decl.pointer))
    if found is not None:
        return _named_after(decl.name_override or found.group(1).replace("~1", "/").replace("~0", "~"), decl)
    # a callback's classes: its operation's module, not the callback's (bar 1.318 `callbacks/createorder`)
    if decl.origin.hook == "callbacks":
        return slug(decl.origin.context.rpartition(" ")[0] or decl.origin.context)
    if decl.origin.context:  # an operation's request, response, bodies (a role or none: orq 1.441 `ResponseBody`)
        return slug(decl.origin.home or decl.origin.context) + ("" if split else "op")
    return slug(decl.name_override or decl.hint or decl.name)


def _named_after(key: str, decl: Decl) -> str:
    """A component's module: its key, then each word its class name adds to it (`InputGrafanaInputUnion`
    of `InputGrafana` -> `inputgrafana_input_union`, cribl-cp 1.784; `NotificationUnion` -> `notification_union`;
    openrouter 1.656 `openairesponsesinput_union`, outpost 1.712-1.791 `topics_union`; bar 1.318 and pazy 1.352
    `drink_input`; bolt 1.645 request body and response `order_track` -> `order_track_requestbody`,
    `order_track_response`). An error is named after its exception: `BadRequest` raises `BadRequestError` from
    `badrequest_error` (agentset 1.708, que 1.621, openrouter 1.656, outpost 1.712-1.791 `TimeoutErrorT` from
    `timeout_error`), `InternalServerError` from `internalservererror`."""
    name = py_name(decl)
    if decl.uses.error:
        name = exception_name(decl)
        name = name[:-1] if name.endswith("ErrorT") else name
    stem = re.sub(r"[^a-z0-9]", "", fold(key).lower())
    folded = fold(name).lower()
    added = folded[len(stem) :] if folded.startswith(stem) else ""
    return slug(key) + "".join("_" + w for w in _WORD.findall(added)) if _ADDED.fullmatch(added) else slug(key)


def file_modules(spec: Spec, namespaces: dict[int, str], limit: int = 0) -> dict[int, str]:
    """Every declaration's file module (dotted, under the package), from its namespace module
    (`namespaces`, by id): `models.tenant`, `models.operations.getserverinfo`, `errors.badrequest`."""
    split = any(ns.count(".") and ns != "models.internal" for ns in namespaces.values())
    variants = {d.origin.input_of: d for d in spec.decls if d.origin.input_of and root(d) is d}
    kept = {id(d) for d in spec.decls}
    roots = {}
    for decl in spec.decls:  # a child of a component only its read-only variant kept is the variant's
        top = root(decl)
        roots[id(decl)] = variants.get(top.hint, top) if id(top) not in kept else top
    files = {id(d): f"{namespaces[id(d)]}.{_source_module(roots[id(d)], split)}" for d in spec.decls}
    ranks = reach_ranks(spec.operations) if variants else {}
    for variant in {id(r): r for r in roots.values() if r.origin.input_of}.values():
        _beside_component(variant, spec.decls, roots, files, ranks)
    for decl in spec.decls:
        if decl.origin.dissolved:
            _with_first_user(decl, spec.decls, files)
    if limit:
        _split(spec.decls, files, roots, limit)
    return files


def _with_first_user(decl: Decl, decls: list[Decl], files: dict[int, str]) -> None:
    """A component that is one inline schema beside `null` makes no module: its class (named after it, see
    `parse.unions._nullable_scalar`) is written in the module of the class using it (openrouter 1.656
    `CompletionFinishReason`, `anyOf: [enum, null]`, in `completionchoice.py`). A component that is an array of
    an inline object keeps its module (bolt 1.645 `emails`), as does one a lone `$ref` beside `null` points to
    (openrouter `CompletionLogprobs`). Of several users (none in the corpus) the first declared."""
    user = next((u for u in decls if u is not decl and decl in referenced(u)), None)
    if user is not None:
        files[id(decl)] = files[id(user)]


def _split(decls: list[Decl], files: dict[int, str], roots: dict[int, Decl], limit: int) -> None:
    """A module of more classes than `limit` (`Profile.module_limit`) is written in parts of `limit` classes,
    in the order Speakeasy writes them (`_written_order`), each part named after its last class's file stem
    (cribl-cp 1.784: `createinputop` is `createinput_logged_in_users` and `createinput_request`,
    `outputresponse` is `outputresponse_type_statsd`, `outputresponse_outputwebhook_url_1` and `outputresponse`)."""
    by_module: dict[str, list[Decl]] = {}
    for decl in decls:
        by_module.setdefault(files[id(decl)], []).append(decl)
    for module, members in by_module.items():
        if len(members) <= limit:
            continue
        order = _written_order(members, roots)
        package = module.rpartition(".")[0]
        for start in range(0, len(order), limit):
            part = order[start : start + limit]
            files.update((id(d), f"{package}.{_file_stem(part[-1], roots)}") for d in part)


def _written_order(members: list[Decl], roots: dict[int, Decl]) -> list[Decl]:
    """Each class after the classes it uses, depth first from the module's last top-level class: fields in
    order, a union's members last first, the module's other top-level classes (allOf variants) before its own
    members (cribl-cp 1.784 `restcollectorconf`: `RestAuthenticationHmac`'s classes first, `RestCollectMethodGet`'s
    last before `RestCollectorConf`)."""
    inside = {id(d) for d in members}
    tops = [d for d in members if roots[id(d)] is d] or members[-1:]
    main = tops[-1]
    order: list[Decl] = []
    seen: set[int] = set()
    stack: list[tuple[Decl, bool]] = [(main, False)]
    while stack:
        decl, done = stack.pop()
        if done:
            order.append(decl)
            continue
        if id(decl) in seen or id(decl) not in inside:
            continue
        seen.add(id(decl))
        uses = (tops[:-1] if decl is main else []) + referenced(decl)
        if isinstance(decl, Union):
            uses.reverse()
        stack.append((decl, True))
        stack.extend((d, False) for d in reversed(uses))
    return order + [d for d in members if id(d) not in seen]


def _file_stem(decl: Decl, roots: dict[int, Decl]) -> str:
    """Speakeasy's file name for a class of its own: the words of its name (`Decl.file_stem`, the newest
    naming era's), a component's its module, an operation's `<operationid>_<role>` (`createinput_request`)."""
    if decl.file_stem:
        return slug(decl.file_stem)
    if roots[id(decl)] is decl and decl.origin.context and decl.origin.role:
        prefix = pascal(decl.origin.context)
        if decl.name.startswith(prefix) and decl.name != prefix:
            return slug(decl.origin.context) + "_" + snake(decl.name[len(prefix) :]).rstrip("_")
    return _source_module(decl, False) if roots[id(decl)] is decl else slug(decl.name)


def _beside_component(
    variant: Decl, decls: list[Decl], roots: dict[int, Decl], files: dict[int, str], ranks: dict[int, int]
) -> None:
    """A read-only request variant that uses an inline class of its component shares one module with it (cribl-cp
    1.784 `PipelineInput` with `PipelineGroups` in `pipeline`, conductorone 1.352 `AppEntitlementInput` with
    `AppEntitlementDurationUnset` in `appentitlement`): the module of whichever of the two the operations reach
    first (`naming.reach`), so the component is in its variant's when a request sends it before a response
    returns it (cribl-cp `InputSplunkHec` in `inputsplunkhec_input`: `/system/inputs` sends `Input` before any
    operation returns `CountedInputSplunkHec`; the first `/p/{pack}/pipelines` returns `CountedPipeline` before
    its post sends `Pipeline`). One that does not has a module of its own (`appuserstatus_input`, cribl-cp
    `inputokta_input`)."""
    mine = [d for d in decls if roots[id(d)] is variant]
    home = files[id(variant)].rpartition(".")[0] + "." + slug(variant.name_override or variant.origin.input_of)
    inline = (t for d in mine for t in referenced(d) if roots[id(t)] is not t and files.get(id(t)) == home)
    component = next((roots[id(t)] for t in inline), None)
    if component is None:
        return
    if ranks.get(id(variant), len(ranks)) < ranks.get(id(component), len(ranks)):
        files.update((id(d), files[id(variant)]) for d in decls if roots[id(d)] is component)
    else:
        files.update((id(d), home) for d in mine)


def merged_circles(decls: list[Decl], files: dict[int, str]) -> dict[str, str]:
    """Modules of one package that import each other, directly or around a circle: each one's
    module written instead, the first of them by name."""
    edges: dict[str, set[str]] = {}
    for decl in decls:
        here = files[id(decl)]
        package = here.rpartition(".")[0]
        edges.setdefault(here, set()).update(
            files[id(d)]
            for d in referenced(decl)
            if files.get(id(d), here).rpartition(".")[0] == package
            and not (isinstance(decl, Model) and isinstance(d, Model))  # imported when first built
        )
    merged: dict[str, str] = {}
    for component in _circles(edges):
        first = min(component)
        merged.update((m, first) for m in component if m != first)
    return merged


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected sets of two or more modules (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found
