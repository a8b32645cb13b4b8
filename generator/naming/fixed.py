"""Fixed names: those a declaration has whatever else is named (component keys, `<Op>Request`,
`<Op>ResponseBody`, `<Op>BadRequestError`, `Security`, `<Op>Globals`); they never give way."""

from __future__ import annotations

from collections import Counter

from ..casing import pascal
from ..ir import OPERATION_ROLES, SDK_ROLES, Decl, Role, Union, members_named_by, named_by_union
from ..profile import Profile

OP_SUFFIX = {
    Role.REQUEST: "Request",
    Role.REQUEST_BODY: "RequestBody",
    Role.RESPONSE: "Response",
    Role.RESPONSE_BODY: "ResponseBody",
    Role.RESPONSE_RESULT: "ResponseResult",
}
# Class names a TypeScript SDK cannot use as they are (JavaScript globals and types its code needs): they
# take a `T`. Those the corpus shows; `Boolean` and `String` stay plain (orq-node-1791; its `ReturnTypeT`, the
# chunking strategies' `return_type` enum, shows the utility types count too).
TS_GLOBALS = frozenset(
    {"Error", "File", "Function", "Number", "Object", "Parameters", "Request", "Response", "ReturnType"}
)


def fixed_name(decl: Decl, era: Profile) -> str:
    """The name of a declaration that does not depend on others, or ""."""
    if (
        decl.origin.from_component and decl.origin.input_of and decl.name_override
    ):  # a request variant (`shape.readonly`)
        return pascal(decl.name_override) + ("" if decl.name_override.lower().endswith("input") else "Input")
    if decl.origin.from_component:  # (conductorone 1.352 `AppInput` of `c1.api.app.v1.App`, overridden `App`)
        return pascal(decl.name_override or decl.hint)
    if decl.origin.role in SDK_ROLES:
        return pascal(decl.hint)
    if decl.origin.role in (
        Role.OP_SECURITY,
        Role.OP_GLOBALS,
    ):  # bolt `GetAccountSecurity`, plexpy `GetServerInfoGlobals`
        return pascal(decl.origin.context) + ("Security" if decl.origin.role == Role.OP_SECURITY else "Globals")
    if decl.uses.error and decl.origin.context and named_by_union(decl):  # mammoth `AddTaskResponseBodyError1`
        return pascal(decl.origin.context) + "ResponseBodyError" + str(decl.origin.index or 1)
    if decl.origin.role not in OPERATION_ROLES:
        return ""
    op = pascal(decl.origin.context)
    if decl.origin.role == Role.ERROR_BODY:
        if decl.name_override:  # older generators still prefix it with the operation (plexpy)
            return pascal(decl.name_override) if era.feb2025 else op + pascal(decl.name_override)
        # a union of error bodies is `<Op>BadRequest`, one error body `<Op>BadRequestError` (mammoth)
        return op + pascal(decl.hint) + ("" if isinstance(decl, Union) else "Error")
    if (
        decl.origin.role == Role.REQUEST_SINGLE
    ):  # older generators: `<Op>RequestBody`, or `<Op><title>` (`ParseChunkingRequest`)
        return op + ("Request" if era.feb2025 else pascal(decl.hint))
    if titled_body(decl, era):
        return op + pascal(decl.hint)
    if (
        decl.origin.role == Role.RESPONSE_SINGLE
    ):  # a body of any media type (`*/*`) stays `<Op>ResponseBody` (squadcast)
        media = (
            decl.origin.chain[2]
            if len(decl.origin.chain) > 2 and decl.origin.chain[0] == "Response"
            else "application/json"
        )
        return op + ("Response" if era.feb2025 and "json" in media else "ResponseBody")
    if (
        decl.origin.role == Role.RESPONSE_BODY and decl.origin.index and era.first_come
    ):  # the next takes the group (orq JSON + stream)
        return op + (pascal(decl.origin.group) if decl.origin.index > 1 else "") + "ResponseBody"
    return op + OP_SUFFIX[decl.origin.role] + (str(decl.origin.index) if decl.origin.index else "")


def titled_body(decl: Decl, era: Profile) -> bool:
    """An operation's one inline body with a `title` of its own, named `<Op><Title>` (`Profile.titled_bodies`)."""
    roles = (Role.REQUEST_BODY, Role.RESPONSE_BODY, Role.RESPONSE_SINGLE)
    return (
        era.titled_bodies
        and decl.origin.role in roles
        and not decl.origin.index
        and pascal(decl.hint) not in ("RequestBody", "ResponseBody")
    )


def beside_component(decl: Decl, fixed: str) -> str:
    """An operation-level name a component took already: a request's (or body's) suffix twice (mammoth 1.606
    `PatchRequestRequest` beside the component `PatchRequest`), a response's group first (openrouter 1.656
    `listEndpoints` of the tag `Endpoints`, its inline body beside the component `ListEndpointsResponse`:
    `EndpointsListEndpointsResponse`); any other name stays as it is (numbered when written)."""
    if decl.origin.role in OP_SUFFIX:
        return fixed + OP_SUFFIX[decl.origin.role]
    if decl.origin.role == Role.RESPONSE_SINGLE and decl.origin.group:
        return pascal(decl.origin.group) + fixed
    return fixed


def lone_error_names(errors: list[Decl]) -> dict[int, str]:
    """Inline error bodies whose status names no other error class keep that name alone: `<Status>Error`, a
    union `<Status>` (bolt 1.645 `UnprocessableEntityError`; outpost 1.712-1.791 `NotImplementedErrorT`;
    safepay 1.581, TypeScript, `NotFoundError`). One sharing it is `<Op><Status>Error` (see `fixed_name`):
    mammoth 1.606's 124 inline `BadRequest` bodies, unions and objects alike, and outpost 1.712's one inline
    `BadRequest` beside its `BadRequest` component. id(decl) -> name."""
    claims = Counter(pascal(d.name_override or d.hint).lower() for d in errors)
    return {
        id(d): d.hint + ("" if isinstance(d, Union) or d.hint.endswith("Error") else "Error")
        for d in errors
        if d.origin.role == Role.ERROR_BODY and not d.name_override and claims[pascal(d.hint).lower()] == 1
    }


def deduplicated_error_names(errors: list[Decl]) -> dict[int, str]:
    """With `deduplicateErrors` (`shape.errors`) an inline error body is named after its status alone,
    `BadRequestError` (a union `BadRequest`, its members `ResponseBodyError1`...; `InternalServerError`,
    the word once), unless another inline error body (or an error component) wants that name too: then each is
    `<Op><Status>Error` after the first operation returning it (safepay 1.581: five distinct 400 bodies,
    `PostClientApiSettingsV1BadRequestError`..., `PostClientPlansV1InternalServerError` beside
    `PostOrderPaymentsV3InternalServerError`; the one 404 body `NotFoundError`, the one 417
    `ExpectationFailedError`; squadcast 1.621 `BadRequestError` beside the union `BadRequest`). id(decl) -> name."""
    wanted: dict[int, str] = {}
    for decl in errors:
        if decl.origin.role == Role.ERROR_BODY and not decl.origin.from_component and not decl.name_override:
            wanted[id(decl)] = _error_class(decl)
    claims = Counter(n.lower() for n in wanted.values())
    claims.update(  # an error component keeps its name: an inline body wanting it is prefixed (`lone_error_names`)
        _error_class(d).lower() for d in errors if d.origin.from_component
    )
    names: dict[int, str] = {}
    for decl in errors:
        if id(decl) not in wanted:
            continue
        prefix = "" if claims[wanted[id(decl)].lower()] == 1 else pascal(decl.origin.context)
        names[id(decl)] = prefix + wanted[id(decl)]
        if isinstance(decl, Union):
            for member in members_named_by(decl):
                names[id(member)] = prefix + "ResponseBodyError" + str(member.origin.index or 1)
    return names


def _error_class(decl: Decl) -> str:
    """The class an error body's name asks for: `<Name>Error`, a union `<Name>` (`InternalServerError` once)."""
    name = pascal(decl.name_override or decl.hint)
    return name if isinstance(decl, Union) or name.endswith("Error") else name + "Error"
