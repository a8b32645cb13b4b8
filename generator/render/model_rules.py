"""The model-side choices that depend on gen.yaml and the Speakeasy version, from the profile
(`generator/profile/` documents each, with the corpus entries that show it)."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Enum
from ..profile import Profile


@dataclass(frozen=True)
class ModelRules:
    open_enums: bool = False  # see `Profile.open_enums`
    literal_enums: bool = False  # see `Profile.literal_enums`
    const_upper: bool = True  # see `Profile.const_upper`
    open_unions: bool = False  # see `Profile.open_unions`
    infer_union_tags: bool = False  # see `Profile.infer_union_tags`
    file_type: str = "Union[bytes, IO[bytes], io.BufferedReader]"  # see `Profile.file_type`
    generator_streams: bool = False  # see `Profile.generator_streams`
    errors_beside_models: bool = False  # see `Profile.errors_beside_models`
    module_limit: int = 0  # see `Profile.module_limit`
    shared_errors: bool = True  # see `Profile.shared_errors`: else an error's inline classes live with it
    async_pages: bool = False  # see `Profile.async_pages`
    dateutil_defaults: bool = False  # see `Profile.dateutil_defaults`
    error_base: str = ""  # see `Profile.error_base`
    error_default: str = "SDKError"  # see `Profile.default_error_name`

    @classmethod
    def from_profile(cls, profile: Profile) -> ModelRules:
        return cls(
            open_enums=profile.open_enums,
            literal_enums=profile.literal_enums,
            const_upper=profile.const_upper,
            open_unions=profile.open_unions,
            infer_union_tags=profile.infer_union_tags,
            file_type=profile.file_type,
            generator_streams=profile.generator_streams,
            errors_beside_models=profile.errors_beside_models,
            module_limit=profile.module_limit,
            shared_errors=profile.shared_errors,
            async_pages=profile.async_pages,
            dateutil_defaults=profile.dateutil_defaults,
            error_base=profile.error_base,
            error_default=profile.default_error_name,
        )

    def is_open(self, enum: Enum) -> bool:
        return is_open(enum, self.open_enums)


def is_open(enum: Enum, open_enums: bool) -> bool:
    """Whether `enum` accepts unknown values: `x-speakeasy-unknown-values: allow`, or the gen.yaml
    default (`open_enums`) for an enum of two or more values that a response or error body reaches (a
    one-value enum stays closed, as the docs show it: cribl-cp 1.784 has 755 such closed enums beside 820
    open ones; sunsynk 1.748 likewise). An enum only requests use stays closed: in two SDKs we have not
    seen (Speakeasy 1.788 and 1.789, `enumFormat: union`) every multi-value enum a response reaches is an
    open `UnrecognizedStr` union and every one only a request parameter or body reaches (7) a plain
    `Literal`, in the models and the docs alike."""
    return enum.open or (open_enums and not enum.closed and len(enum.values) > 1 and enum.uses.output)


DEFAULT_RULES = ModelRules()  # no gen.yaml: closed Enum classes
