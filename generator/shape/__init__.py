"""Stage 3b: IR rewrites Speakeasy makes that are not naming: what exists, which fields, in what order.

Naming (stage 4) only names; everything here depends on the profile and reshapes the IR
around it. `shape_ir` runs before naming, `order_fields` after it: older generators list
required fields first, but they name in spec order (the first-come walk and field-name
collisions follow the order the spec gives).
"""

from __future__ import annotations

from ..ir import Field, Model, Role, Spec, is_constant
from ..profile import Profile
from .errors import deduplicate_errors
from .legacy import plain_bool_enums
from .namesakes import share_namesakes_children
from .readonly import drop_write_only, split_read_only


def shape_ir(spec: Spec, profile: Profile) -> None:
    """The profile's rewrites before naming."""
    share_namesakes_children(spec)
    if profile.grows_chains or profile.first_come:  # requests' variants without read-only fields (`<Key>Input`)
        split_read_only(spec, profile.request_only_keeps_name, profile.stripped_children_input)
    drop_write_only(spec)
    if profile.first_come:
        spec.decls = plain_bool_enums(spec.decls)
    if profile.deduplicate_errors:
        deduplicate_errors(spec)
    if profile.optional_security:
        for decl in spec.decls:
            if isinstance(decl, Model) and decl.origin.role == Role.SECURITY and decl.hint == "Security":
                for field in decl.fields:
                    field.required = False


def order_fields(spec: Spec, profile: Profile) -> None:
    """The profile's field order, once names are given."""
    if profile.required_first:  # the v1 template: a field with a default, a const's too, is not "required"
        for decl in spec.decls:
            if isinstance(decl, Model):
                decl.fields.sort(
                    key=lambda f: not f.required
                    or (profile.dataclasses and (is_constant(f.type) or _scalar_default(f)))
                )


def _scalar_default(field: Field) -> bool:
    """A required field the spec gives a scalar default goes with the optional ones in the v1 template (a
    dataclass field with a default follows those without): testpan 1.207 `sortKey` (`required`, `default:
    RISK`) among the query parameters by name; a list default does not (airbyte 1.402
    `dimensions: default [date]` stays first)."""
    return field.default is not None and not isinstance(field.default.value, (list, dict))
