"""Python names inside a class: field attributes and enum members (part of stage 4, naming).

Class names are `naming`'s; these only have to be valid, distinct within their class, and
never shadow what pydantic or the class body needs.
"""

from __future__ import annotations

import keyword
import re
from collections import defaultdict
from typing import Any

from ..casing import enum_member, pascal, snake
from ..ir import Enum, Field, ListOf, Model, Ref, Role
from ..parse.envelope import SCALAR_BODY_NAMES
from ..profile import Profile
from .fixed import titled_body


def name_fields(model: Model, profile: Profile, by_component: bool = False) -> None:
    """Python attribute names for a model's fields: snake_case, distinct, never a pydantic name.

    `by_component`: a property that `$ref`s a renamed component is named like it (see `component_override`).
    Without gen.yaml `useClassNamesForArrayFields` (`class_lists`) an envelope's list of a component is
    `classes` (testpan, venari); the v1 (dataclass) template calls a binary body `stream` (testpan 1.207;
    plexpy's v2 `response_stream`)."""
    used: dict[str, int] = {}
    shared = _shared_parameter_names(model)
    flattened = _body_property_names(model)
    for field in model.fields:
        if field.named_by_type and not profile.class_lists and isinstance(field.type, ListOf):
            # an array component, though, is named after its key (testpan 1.207 `ClustersDetails`, an array of
            # ClusterDetails: `clusters_details`; `ApiServiceSpecPathHitCountGraph`)
            name = snake(field.name_override) if field.name_override else "classes"
        elif field.named_by_type:
            # digits are a word of their own here: `get_responses_200` for `GetResponses200` (plexpy), unless a
            # lowercase letter follows them (testpan 1.207 `K8sCISBenchmarkAccountSummary`: `k8s_cis_...`)
            name = snake(
                field.wire_name + " " + re.sub(r"(?<=[A-Za-z])(?=\d+(?![a-z\d]))", " ", _class_words(field.type))
            )
        else:
            name = (
                _body_field_name(
                    field.type, profile.body_field, snake(field.name_override) if field.name_override else ""
                )
                if field.is_body
                else snake(field.name_override or (by_component and component_override(field)) or field.wire_name)
            )
        if model.origin.role == Role.RESPONSE and isinstance(field.type, Ref) and titled_body(field.type.decl, profile):
            name = snake(field.type.decl.hint)  # named after its title, as its class (plexpy `user_plex_account`)
        if not name.isidentifier():  # `1000000` is not spelled out
            name = "field_" + name
        if name in shared and field.location != "header" and not field.name_override:
            name += f"_{field.location}_parameter"  # plexpy `ids_path_parameter`, `device_query_parameter`
        elif field.location and name in flattened and profile.suffixes_body_namesakes:
            name += "_param"  # mammoth `dataview_id_param` beside the body's `DATAVIEW_ID`, cribl-cp `id_param`
        if model.origin.role == Role.RESPONSE and name == "response_stream" and profile.dataclasses:
            name = "stream"
        if model.origin.role == Role.RESPONSE and name in SCALAR_BODY_NAMES and not profile.typed_scalar_bodies:
            name = "res"  # an envelope's JSON scalar body before 1.207 (pydataverse 1.201; testpan 1.207 `string`)
        if not profile.reserves_format_and_bytes and name in ("format_", "bytes_"):
            name = name[:-1]
        if not profile.reserves_schema and name == "schema_":
            name = name[:-1]
        field.name = _distinct(name + "_" if name in _NOT_FIELDS else name, used)


def component_override(field: Field) -> str:
    """The `x-speakeasy-name-override` of the component a property `$ref`s, "" if none.

    Before the `nameOverrideFeb2026` fix, Speakeasy named such a property after the override, not
    its key: conductorone 1.352 `status: $ref AppUserStatus` is `app_user_status`, `expandMask:
    $ref ...ConnectorExpandMask` is `connector_expand_mask` (as its naming.log of a later version
    still lists them); ttddata 1.788 with the fix keeps `original_request` for `OriginalRequest:
    $ref OfflineConversionDataItem` (overridden `BaseOfflineConversionDataItem`)."""
    expr = field.type
    if field.location or field.is_body or not isinstance(expr, Ref) or not expr.decl.origin.from_component:
        return ""
    return expr.decl.name_override


def _body_property_names(model: Model) -> set[str]:
    """The names of a request body's own properties: SDK methods take them as arguments beside the
    parameters, so a parameter of the same name takes a `_param` suffix."""
    body = next((f.type for f in model.fields if f.is_body), None)
    if not isinstance(body, Ref) or not isinstance(body.decl, Model):
        return set()
    return {snake(f.name_override or f.wire_name) for f in body.decl.fields}


def _shared_parameter_names(model: Model) -> set[str]:
    """Names several parameters of one request would take: those of path and query parameters
    take their location (`ids_path_parameter`, `ids_query_parameter`), a header's stays."""
    counts: dict[str, int] = defaultdict(int)
    for field in model.fields:
        if field.location:
            counts[snake(field.name_override or field.wire_name)] += 1
    return {name for name, count in counts.items() if count > 1}


# Field names the class body or pydantic needs: the module `pydantic.Field` is called on, and
# BaseModel's own methods (a field `model_dump` would replace the method; pydantic warns of each).
_NOT_FIELDS = frozenset(
    {
        "pydantic", "model_computed_fields", "model_config", "model_construct", "model_copy", "model_dump",
        "model_dump_json", "model_extra", "model_fields", "model_fields_set", "model_json_schema",
        "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate", "model_validate_json",
        "model_validate_strings", "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj",
        "parse_raw", "schema_json", "update_forward_refs",
    }
)  # fmt: skip


def _class_words(expr: Any) -> str:
    """`PlexDevice` for a `PlexDevice` field, `PlexDevices` for a list of them."""
    if isinstance(expr, ListOf) and isinstance(expr.item, Ref):
        return expr.item.decl.name + "s"
    return expr.decl.name if isinstance(expr, Ref) else ""


def _body_field_name(expr: Any, body_field: str, override: str) -> str:
    """gen.yaml `requestBodyFieldName` names every body field, a component's too (outpost `params`,
    ttddata `body`); left empty, a component body is named after the component, a `requestBodies`
    one after its key, any other `request_body`."""
    if body_field:
        return body_field
    if isinstance(expr, Ref) and expr.decl.origin.from_component:  # a request variant's is the component's (`pipeline`)
        # and a component numbered apart from another of its name goes by that name (conductorone 1.352
        # `app_access_request_defaults: AppAccessRequestDefaults1`)
        return snake(expr.decl.origin.input_of or pascal(expr.decl.name_override or expr.decl.hint))
    return override or "request_body"


def name_members(enum: Enum, symbol_words: bool = True) -> None:
    """Enum member names: UPPER_SNAKE of the value (or its x-speakeasy-enums name), distinct; `symbol_words`:
    see `Profile.enum_symbol_words`."""
    used: dict[str, int] = {}
    for member in enum.values:
        name = enum_member(member.label or member.value, symbol_words)
        if not name.isidentifier() or keyword.iskeyword(name):  # `1000000` is not spelled out
            name = "VALUE_" + name
        member.name = _distinct(name, used)


def _distinct(name: str, used: dict[str, int]) -> str:
    """`name`, else `name_`, `name__`, then `name_4`, `name_5`... (`used` keeps each name's last
    counter, so 10,000 clashing names cost 10,000 steps, not 10,000 squared)."""
    candidate = name
    for _ in range(2):
        if candidate not in used:
            break
        candidate += "_"
    counter = used.get(name, 3)
    while candidate in used:
        counter += 1
        candidate = f"{name}_{counter}"
    used[name] = max(used.get(name, 0), counter)
    used.setdefault(candidate, 0)
    return candidate
