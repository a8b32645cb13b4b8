"""The models' eras: how Speakeasy's Python model modules changed with the generator version.

Part of `Profile` (a mixin: read them as `profile.module_limit`)."""

from __future__ import annotations

from .eras import Eras


class ModelEras(Eras):
    """Model-module behaviours by generator version; `Profile` provides the settings they read."""

    grows_chains: bool
    base_error_name: str

    @property
    def module_limit(self) -> int:
        """The most classes one model module holds: a larger one is written in parts of 150 classes
        (`render.pymodules`; cribl-cp 1.784 writes its 270-class `createinputop` as `createinput_logged_in_users`
        and `createinput_request`, the 491 classes of `restcollectorconf` in four). orq-2025-08 1.606.5 keeps all
        172 of `createchatcompletionop` in one; no entry between them holds a module of over 150 classes. The parts
        are named by the newest naming era's words (`naming.chains`), so the limit goes with that era
        (`sharedNestedComponentsJan2026`)."""
        return 150 if self.grows_chains else 0

    @property
    def enum_symbol_words(self) -> bool:
        """An enum value without letters spells its symbols in its member's name (`-1` -> `MINUS_1`, `*` ->
        `WILDCARD_`, `8.3.2` -> `EIGHT_DOT_3_DOT_2`: openrouter 1.656, plexpy 1.684, outpost 1.712-1.791, cribl-cp
        1.784); airbyte 1.244-1.402 reads a symbol as a separator (`1.0` -> `ONE_0`). The cut-off between 1.402 and
        1.656 is unknown: no entry between has such a value."""
        return self.version >= (1, 656)

    @property
    def dateutil_defaults(self) -> bool:
        """A `date-time` default is `dateutil.parser.isoparse("...")` before 1.570, `parse_datetime("...")` from
        it: orq-2024-11 1.441 writes `dateutil.parser.isoparse("2024-11-18T09:53:15.411Z")` (3 fields), orq-2025-08
        1.606.5 `parse_datetime(...)` (19). `parse_datetime` lives in the SDK's `utils/datetimes.py`, which gen.lock
        lists from acuvity 1.570 on (pokesdk 1.600, lineart 1.606, every later entry) and no entry before lists
        (syllable 1.519, acuvity 1.513, investec 1.459, orq 1.441, bar 1.438...)."""
        return self.version < (1, 570)

    @property
    def error_base(self) -> str:
        """The base class of every error response's exception (`python.baseErrorName`, written beside
        `NoResponseError` and `ResponseValidationError`), "" for none: each derives from `Exception`. Every
        entry from 1.600 has it (pokesdk 1.600 `PetstoreError`, orq 1.606.5 `OrqError`, bolt 1.645
        `BoltError`, plexpy 1.684 `PlexAPIError`, ... cribl-cp 1.784, outpost 1.791); acuvity 1.570 writes
        `baseErrorName: AcuvityError` in gen.yaml yet its `APIError` derives from `Exception` and no base
        class exists, as in every entry before it. The cut-off between 1.570 and 1.600 is unknown."""
        return self.base_error_name if self.version >= (1, 600) else ""
