"""The `Security` model: one field per security scheme the document uses.

Fields follow the order schemes are first required (global `security`, then the
operations'). An OAuth2 client-credentials scheme is a model of its own
(`Scheme<Key>`: client id, secret, token URL and any extra token-endpoint properties);
every other scheme is a string. The fields are required only when every operation needs one
and the same set of schemes (`_one_requirement`), unless `Profile.optional_security`.

An operation whose own `security` asks for a set of schemes that is none of the global
alternatives (bolt getAccount: OAuth *and* X-API-Key) gets `<Op>Security`: one required
field per scheme of that requirement. So does one asking for a single scheme the global requirements
do not name (openrouter 1.656 Python, 1.679 and 1.761 TypeScript `ListModelsUserSecurity` of `bearer`
beside the global `apiKey`; dwolla 1.759 TypeScript `CreateApplicationAccessTokenSecurity` of
`basicAuth`), and `Security` then holds the global schemes alone; without global requirements the
operations' single schemes are `Security`'s fields (pazy, investec, circlemind, agentset).
"""

from __future__ import annotations

from typing import Any

from ..errors import join_pointer
from ..ir import Example, Field, Model, Origin, Prim, Ref, Role
from ..load import Registry
from .operations import METHODS, operation_context
from .rules import SPEAKEASY_NOW, ParseRules


def build_security(registry: Registry, rules: ParseRules = SPEAKEASY_NOW) -> list[Model]:
    """The Security model and the scheme models it uses (empty when nothing needs auth); `rules`: see
    `Profile.blank_client_examples`, `Profile.operations_require_security`, `Profile.client_credentials`."""
    root = registry.root
    schemes = (root.get("components") or {}).get("securitySchemes") or {}
    if not isinstance(schemes, dict) or not schemes:
        return []
    used = _used_schemes(root)
    used = [key for key in used if isinstance(schemes.get(key), dict)]
    if not used:
        return []
    single = _one_requirement(root, rules.operations_require_security)
    pointer = join_pointer("", "components", "securitySchemes")
    security = Model(hint="Security", pointer=registry.root_path + "#" + pointer, origin=Origin(role=Role.SECURITY))
    out = [security]
    for key in used:
        scheme = schemes[key]
        example = Example(scheme["x-speakeasy-example"]) if "x-speakeasy-example" in scheme else None
        model = _scheme_model(registry, key, scheme, join_pointer(pointer, key), rules)
        if model is not None and len(used) == 1:  # the one scheme's own fields (pazy, easyreview, investec)
            for field in model.fields:
                field.required = single
            security.fields = model.fields
            break
        if model is not None:
            out.append(model)
        field_type = Ref(model) if model is not None else Prim("str")
        # its `x-speakeasy-name-override` names the field (outpost 1.741/1.791 `BearerAuth` as `apiKey`: `api_key`)
        override = scheme.get("x-speakeasy-name-override")
        security.fields.append(
            Field(
                wire_name=str(key),
                type=field_type,
                required=single,
                example=example,
                name_override=override if isinstance(override, str) else "",
            )
        )
    return out


def _scheme_model(
    registry: Registry, key: str, scheme: dict[str, Any], pointer: str, rules: ParseRules
) -> Model | None:
    """`Scheme<Key>` for a scheme of several credentials: HTTP basic (username, password: airbyte
    `SchemeBasicAuth`) and OAuth2 client credentials; None for a scheme of one string."""
    found = scheme.get("flows")
    flows: dict[str, Any] = found if isinstance(found, dict) else {}
    if scheme.get("type") == "oauth2" and isinstance(flows.get("clientCredentials"), dict):
        if not rules.client_credentials:
            return None
        return _client_credentials(registry, key, flows["clientCredentials"], pointer, rules)
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        model = Model(
            hint="Scheme " + key, pointer=registry.root_path + "#" + pointer, origin=Origin(role=Role.SECURITY)
        )
        model.fields = [_credential(name) for name in ("username", "password")]
        return model
    return None


def _credential(name: str, blank: bool = True) -> Field:
    """A credential of a scheme model, with an empty example when `blank` (see `Profile.blank_client_examples`)."""
    return Field(wire_name=name, type=Prim("str"), required=True, example=Example("") if blank else None)


def operation_security(registry: Registry) -> list[Model]:
    """`<Op>Security` for every operation that needs schemes together that no global requirement has."""
    root = registry.root
    schemes = (root.get("components") or {}).get("securitySchemes") or {}
    paths = root.get("paths") if isinstance(root.get("paths"), dict) else {}
    if not isinstance(schemes, dict):
        return []
    global_sets = {frozenset(r) for r in root.get("security") or [] if isinstance(r, dict)}
    global_sets.discard(frozenset())
    out = []
    for path, item in paths.items():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if not isinstance(operation, dict):
                continue
            requirements = operation.get("security")
            if not isinstance(requirements, list) or len(requirements) != 1 or not isinstance(requirements[0], dict):
                continue
            keys = [str(k) for k in requirements[0]]  # a scheme the document never defines too (dwolla 1.759)
            if not keys or frozenset(keys) in global_sets or (len(keys) < 2 and not global_sets):
                continue
            pointer = join_pointer("", "paths", str(path), method, "security")
            context = operation_context(method, str(path), operation)
            model = Model(
                hint="Security",
                pointer=registry.root_path + "#" + pointer,
                origin=Origin(context=context, role=Role.OP_SECURITY),
            )
            model.fields = [Field(wire_name=key, type=Prim("str"), required=True) for key in keys]
            out.append(model)
    return out


def _one_requirement(root: dict[str, Any], operations_require: bool) -> bool:
    """Does every operation need the same one set of schemes (scopes aside)? Then Security's fields are
    required (conductorone: `bearerAuth` and `oauth` together; traintravel: `OAuth2` with other scopes in
    two operations; pazy, no global requirement: `basicAuth` in every operation); alternatives, or an
    operation asking for other schemes or none, make them optional."""
    found = root.get("security")
    requirements: list[Any] = found if isinstance(found, list) else []
    wanted: frozenset[str] | None = None  # without a global requirement: the first operation's (pazy)
    if found is None and not operations_require:
        return False
    if found is not None:
        if len(requirements) != 1 or not isinstance(requirements[0], dict) or not requirements[0]:
            return False
        wanted = frozenset(str(k) for k in requirements[0])
    paths = root.get("paths")
    for item in paths.values() if isinstance(paths, dict) else ():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if not isinstance(operation, dict):
                continue
            own = operation.get("security")
            if own is None and found is not None:
                continue
            if not isinstance(own, list) or len(own) != 1 or not isinstance(own[0], dict) or not own[0]:
                return False
            wanted = wanted or frozenset(str(k) for k in own[0])
            if frozenset(str(k) for k in own[0]) != wanted:
                return False
    return wanted is not None


def _used_schemes(root: dict[str, Any]) -> list[str]:
    """Scheme keys in first-use order: the global requirements' when they name any (the others are the
    operations' own `<Op>Security`), else the operations'."""
    used: dict[str, None] = {}
    for requirement in root.get("security") or []:
        if isinstance(requirement, dict):
            used.update(dict.fromkeys(str(k) for k in requirement))
    if used:
        return list(used)
    paths = root.get("paths")
    for item in paths.values() if isinstance(paths, dict) else ():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict) and isinstance(operation.get("security"), list):
                for requirement in operation["security"]:
                    if isinstance(requirement, dict):
                        used.update(dict.fromkeys(str(k) for k in requirement))
    return list(used)


def _client_credentials(registry: Registry, key: str, flow: dict[str, Any], pointer: str, rules: ParseRules) -> Model:
    model = Model(hint="Scheme " + key, pointer=registry.root_path + "#" + pointer, origin=Origin(role=Role.SECURITY))
    model.fields = [_credential(name, rules.blank_client_examples) for name in ("clientID", "clientSecret", "tokenURL")]
    token_url = model.fields[2]
    if isinstance(flow.get("tokenUrl"), str):  # the SDK asks it for the token unless told otherwise (bar 1.438,
        token_url.default = Example(flow["tokenUrl"])  # investec 1.459, cribl-mgmt 1.761, cribl-cp 1.784: the default)
    if rules.token_url_constant:  # (`ParseEras.token_url_constant`)
        token_url.wire_name, token_url.final = "TokenURL", True
    extra = flow.get("x-speakeasy-token-endpoint-additional-properties")
    for name, schema in (extra.items() if isinstance(extra, dict) else []):
        schema = schema if isinstance(schema, dict) else {}
        example = Example(schema["example"]) if "example" in schema else None
        model.fields.append(Field(wire_name=str(name), type=Prim("str"), required=True, example=example))
    return model
