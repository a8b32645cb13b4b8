"""The behaviours of the profile that parse reads, in one frozen value (as `render.markdown.DocRules`
is for the docs): adding one is a field here and a line in `from_profile`, not an argument threaded
through `build_ir` and the builder."""

from __future__ import annotations

from dataclasses import dataclass

from ..profile import Profile


@dataclass(frozen=True)
class ParseRules:
    """Each field is the `Profile` behaviour of the same name unless its comment names another."""

    envelope: bool = False  # responses in Speakeasy's envelope format (`parse.envelope`)
    http_meta: bool = False  # its `envelope-http` variant
    enum_copies: bool = False  # `Profile.grows_chains`: an enum `$ref` wrapped in `allOf` is an inline copy
    const_enums: bool = False  # `Profile.dataclasses`: a `const` is a one-value enum class (the v1 template)
    blank_client_examples: bool = False
    operations_require_security: bool = True
    # `Profile.ts_error_response_descriptions`: an error class without a description takes that of an
    # inline error response too, not only a response component's
    inline_error_descriptions: bool = False
    envelope_errors: bool = False
    per_operation_response_components: bool = False
    consts_ignored: bool = False
    response_component_descriptions: bool = True
    client_credentials: bool = True
    # `Profile.grows_chains`: an untyped enum's YAML booleans are the strings "true"/"false" (cribl-cp 1.784
    # `TagAfterProcessingOptions: enum: [false, true]` is `FALSE = "false"`, `GitInfo.remote`'s `RemoteEnum`;
    # no entry of an older era has an untyped boolean enum, and without gen.yaml they stay booleans)
    untyped_bool_strings: bool = False
    flat_streams: bool = False
    error_twins: bool = False
    file_part_alias: bool = False
    nullable_items: bool = True
    token_url_constant: bool = False
    required_globals: bool = False
    empty_responses: bool = False  # `Profile.ts_empty_responses`: see `parse.responses._response_shape`
    namesakes_leave_out: bool = False  # `Profile.namesake_parameters_leave_out`: see `parse.paths._unsupported`
    parameter_examples: bool = True

    @classmethod
    def from_profile(cls, profile: Profile) -> ParseRules:
        return cls(
            envelope=profile.envelope,
            http_meta=profile.http_meta,
            enum_copies=profile.grows_chains,
            const_enums=profile.dataclasses,
            blank_client_examples=profile.blank_client_examples,
            operations_require_security=profile.operations_require_security,
            inline_error_descriptions=profile.ts_error_response_descriptions,
            envelope_errors=profile.envelope_errors,
            per_operation_response_components=profile.per_operation_response_components,
            consts_ignored=profile.consts_ignored,
            response_component_descriptions=profile.response_component_descriptions,
            client_credentials=profile.client_credentials,
            untyped_bool_strings=profile.grows_chains,
            flat_streams=profile.flat_streams,
            error_twins=profile.error_twins,
            file_part_alias=profile.file_part_alias,
            nullable_items=profile.nullable_items,
            token_url_constant=profile.token_url_constant,
            required_globals=profile.required_globals,
            namesakes_leave_out=profile.namesake_parameters_leave_out,
            empty_responses=profile.ts_empty_responses,
            parameter_examples=profile.parameter_examples,
        )


SPEAKEASY_NOW = ParseRules()  # the defaults: today's Speakeasy (frozen, so one value serves every caller)
