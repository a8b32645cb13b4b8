"""gen.yaml and gen.lock as `Profile.from_options` reads them: the generator version, sections, and the
docs folders a target's `imports.paths` set."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

Version = tuple[int, ...]


def lock_version(lock: dict[str, Any]) -> Version | None:
    """gen.lock's `speakeasyVersion` (top level, or under `management` in newer locks), as numbers. A
    development build (`internal`) is placed by its `generationVersion`: one older than that of the
    oldest release in the corpus (pydataverse 1.201, generation 2.277) reads as 1.0 (venari, 2.237);
    a newer one as unknown (the default)."""
    management = section(lock, "management")
    text = lock.get("speakeasyVersion") or management.get("speakeasyVersion")
    if text and not any(ch.isdigit() for ch in str(text)):
        generation = lock.get("generationVersion") or management.get("generationVersion")
        return (1, 0, 0) if generation and parse_version(generation) < (2, 277) else None
    return parse_version(text) if text else None


def deleted_files(lock: dict[str, Any]) -> frozenset[str]:
    """The files gen.lock's `trackedFiles` mark `deleted: true`: generated once, then deleted in the SDK's
    repository. With persistent edits a deletion is an edit Speakeasy keeps, so those files are not
    written again (see `Profile.deleted_files`)."""
    tracked = lock.get("trackedFiles")
    if not isinstance(tracked, dict):
        return frozenset()
    return frozenset(
        str(path) for path, record in tracked.items() if isinstance(record, dict) and record.get("deleted") is True
    )


def parse_version(text: object) -> Version:
    """`1.606.5` as (1, 606, 5); a part without digits is 0."""
    parts = []
    for part in str(text).split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def section(document: dict[str, Any], name: str) -> dict[str, Any]:
    """A top-level mapping of gen.yaml or gen.lock; {} when missing or not a mapping."""
    found = document.get(name)
    return found if isinstance(found, dict) else {}


def import_paths(target: dict[str, Any]) -> dict[str, Any]:
    """A target's `imports.paths`; {} when missing."""
    imports = target.get("imports")
    paths = imports.get("paths") if isinstance(imports, dict) else None
    return paths if isinstance(paths, dict) else {}


def ts_folders(target: dict[str, Any]) -> Mapping[str, str]:
    """Every TypeScript folder is inside models/ ("" or `models`: flat)."""
    paths = import_paths(target)
    defaults = {"shared": "models/components", "operations": "models/operations", "errors": "models/errors"}
    folders = {
        kind: str(paths.get(kind, default) or "").removeprefix("models").lstrip("/")
        for kind, default in defaults.items()
    }
    return MappingProxyType(_with_hooks(folders, paths, "models"))


def _with_hooks(folders: dict[str, str], paths: dict[str, Any], top: str) -> dict[str, str]:
    """`webhooks` and `callbacks` folders inside `top` as `imports.paths` names them (bar, traintravel:
    `models/webhooks`, `models/callbacks`), else the operations' folder."""
    for kind in ("webhooks", "callbacks"):
        folder = str(paths.get(kind) or "")
        folders[kind] = folder[len(top) + 1 :] if folder.startswith(top + "/") else folders["operations"]
    return folders


def python_folders(target: dict[str, Any]) -> Mapping[str, str]:
    """Python docs folders inside models/ (a path outside it with a leading `/`: Speakeasy's usual `errors`, and
    airbyte 1.300/1.402's `operations: api`, whose pages gen.lock lists under docs/api; `models` itself is flat)."""
    paths = import_paths(target)
    folders = {}
    for kind in ("shared", "operations", "errors"):
        folder = str(paths.get(kind) or "")
        if folder.startswith("models/"):
            folders[kind] = folder[len("models/") :]
        else:
            folders[kind] = "/" + folder if folder and (kind == "errors" or folder != "models") else ""
    return MappingProxyType(_with_hooks(folders, paths, "models"))


def errors_beside_models(target: dict[str, Any]) -> bool:
    """The Python error classes are written in the `models` package, each in its schema's or operation's
    module, when gen.yaml's errors path is empty (or `models`) and the layout flat: orq 1.441 and 1.606.5,
    emissary 1.423, petstore 1.445, novu 1.444, acuvity 1.453-1.570 (`models/createevalop.py` holds
    `CreateEvalEvalsResponseBodyData` and its exception); `errors` (the usual path) gives an `errors`
    package beside `models` (mammoth 1.606.8, openrouter 1.656, outpost 1.712-1.791, cribl-cp 1.784)."""
    return not any(python_folders(target).values())
