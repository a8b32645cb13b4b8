"""Options: a job's settings, with Speakeasy's `gen.yaml` and `gen.lock` as read (`profile` interprets them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import SpecError
from .jobs import check_package, speakeasy_files
from .load import parse_text, read_document
from .profile import deleted_files, lock_version


@dataclass
class Options:
    """A job's settings and the Speakeasy files as read: everything that changes the output besides the
    spec itself. `profile.Profile.from_options` alone interprets them."""

    flavour: str = ""  # docs flavour: "python" or "typescript" ("": gen.yaml's, see `Profile.flavour`)
    package: str = ""  # Python package folder written under the output folder ("": gen.yaml's, else `models`)
    sdk_package: str = ""  # the SDK's import name, shown in TypeScript example usage
    ref_root: str = ""  # the folder `$ref`s may read under ("": the spec's repository or folder)
    speakeasy_version: tuple[int, ...] = ()  # gen.lock's (none: `Profile.version`'s default)
    gen: dict[str, Any] = field(default_factory=dict)  # the raw gen.yaml
    deleted: frozenset[str] = frozenset()  # files gen.lock's `trackedFiles` mark `deleted: true`
    sources: dict[str, str] = field(default_factory=dict)  # gen.yaml and gen.lock as read: their sha256


def speakeasy_options(folder: str, options: Options) -> Options:
    """Fold a Speakeasy SDK folder's gen.yaml (options) and gen.lock (version, deleted files) into `options`."""
    gen_yaml, gen_lock = speakeasy_files(folder)
    if not gen_yaml:
        raise SpecError(f"no gen.yaml in {folder}")
    options.gen = _read_yaml(gen_yaml, options)
    _check_package_name(gen_yaml, options.gen)
    if gen_lock:
        lock = _read_yaml(gen_lock, options)
        version = lock_version(lock)
        if version:
            options.speakeasy_version = version
        options.deleted = deleted_files(lock)
    return options


def _read_yaml(path: str, options: Options) -> dict[str, Any]:
    """gen.yaml and gen.lock, through the spec loader's fast YAML path (gen.lock runs to megabytes);
    their digests go to `options.sources`."""
    text, options.sources[path] = read_document(path)
    data = parse_text(text, path) if text.strip() else {}
    return data if isinstance(data, dict) else {}


def _check_package_name(path: str, gen: dict[str, Any]) -> None:
    """gen.yaml's `python.packageName` (`-` read as `_`) names the package folder when the job gives
    none: it must be a Python identifier, so no name can point the output elsewhere (`../x`)."""
    python = gen.get("python")
    name = python.get("packageName") if isinstance(python, dict) else None
    if not isinstance(name, str) or not name:
        return
    try:
        check_package(name.replace("-", "_"))
    except SpecError as exc:
        from .yamlpos import position

        pointer = "/python/packageName"
        line, col = position(read_document(path)[0], pointer) or (0, 0)
        raise SpecError(f"python.packageName: {exc.message}", file=path, pointer=pointer, line=line, col=col) from None
