"""The models' eras: how Speakeasy's Python model modules changed with the generator version.

Part of `Profile` (a mixin: read them as `profile.module_limit`)."""

from __future__ import annotations


class ModelEras:
    """Model-module behaviours by generator version; `Profile` provides the settings they read."""

    grows_chains: bool

    @property
    def module_limit(self) -> int:
        """The most classes one model module holds: a larger one is written in parts of 150 classes
        (`render.pymodules`; cribl-cp 1.784 writes its 270-class `createinputop` as `createinput_logged_in_users`
        and `createinput_request`, the 491 classes of `restcollectorconf` in four). orq-2025-08 1.606.5 keeps all
        172 of `createchatcompletionop` in one; no entry between them holds a module of over 150 classes. The parts
        are named by the newest naming era's words (`naming.chains`), so the limit goes with that era
        (`sharedNestedComponentsJan2026`)."""
        return 150 if self.grows_chains else 0
