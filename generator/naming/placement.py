"""Where a named declaration goes: its namespace (the models module or sub-folder), its docs folder, and
the module whose names its own must differ from."""

from __future__ import annotations

from collections.abc import Mapping

from ..ir import Decl, Role, inside_error
from ..profile import Profile


def place(decl: Decl, folders: Mapping[str, str], era: Profile) -> None:
    if decl.origin.role == Role.GLOBALS:  # the SDK's own `Globals` (models/internal)
        decl.namespace = "internal"
        return
    kind = (
        "errors"
        if placed_with_errors(decl, era)
        else decl.origin.hook or "operations" if decl.origin.context else "shared"
    )
    folder = folders[kind]
    if folder.startswith("/"):
        decl.doc_dir = folder[1:]
        folder = ""
    decl.namespace = folder


def placed_with_errors(decl: Decl, era: Profile) -> bool:
    """Error classes, what they hold before `sharedErrorComponentsApr2025`, and in TypeScript SDKs a component
    only an error union uses (dwolla CannotParseAmountError)."""
    return (
        decl.uses.error
        or (not era.shared_errors and inside_error(decl))
        or (not era.python_docs and decl.uses.error_member)
    )


def name_space(decl: Decl, folders: Mapping[str, str], era: Profile) -> str:
    """The module whose names `decl`'s must differ from: with `components` and `operations` folders each keeps
    a plain name (plexpy 1.684 `components.Hub` beside `operations.Hub`; TypeScript from the Feb2025 era too:
    openrouter 1.679 `operations.ListEndpointsResponse` beside `models.ListEndpointsResponse`, `operations.ObjectT`
    beside the components' `ObjectT`; dwolla 1.622/1.759, lapyme 1.768, openrouter 1.761).
    "" for the one shared set (flat layouts)."""
    if folders["shared"] == folders["operations"]:
        return ""
    if placed_with_errors(decl, era) and folders["errors"] != folders["operations"]:
        # orq-node 1.791: errors.CreateEvalResponseBody beside operations.CreateEvalResponseBody; venari
        # 2.237: errors.SneakerIDResponseBody beside operations.SneakerIDResponseBody
        return "errors"
    if decl.origin.context and not (not era.shared_errors and inside_error(decl)):
        return decl.origin.hook or "operations"  # webhooks and callbacks: modules of their own (bar, traintravel)
    return ""
