"""Stage 6: put rendered files on disk safely, deterministically and only when changed.

A run is all-or-nothing: everything is rendered in memory first, then every new or
changed file is staged beside the output, flushed to disk with one sync, a journal naming the staging
folder is written, and the files are renamed into place. A run killed during the
renames is completed by the next run (roll-forward from the journal). A manifest lists
what the generator wrote, so files of vanished schemas are removed, and files it did not
write are never overwritten or deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field

from .errors import SpecError

MANIFEST = ".modelgen-manifest.json"
JOURNAL = ".modelgen-journal.json"


@dataclass
class Plan:
    """What a run would do to the output folder."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def dirty(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def safe_relative(path: str) -> str:
    """Refuse any output path that could land outside the output folder."""
    normal = os.path.normpath(path).replace("\\", "/")
    parts = normal.split("/")
    if os.path.isabs(path) or normal.startswith("/") or ".." in parts or ":" in parts[0] or "\x00" in path or not normal or normal == ".":
        raise SpecError(f"refusing to write outside the output folder: {path!r}")
    return normal


def read_manifest(out_dir: str) -> dict[str, str]:
    try:
        with open(os.path.join(out_dir, MANIFEST), encoding="utf-8") as handle:
            data = json.load(handle)
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan(out_dir: str, files: dict[str, str]) -> tuple[Plan, dict[str, bytes]]:
    """Compare rendered files with the folder; raise on a clash with a file we did not write."""
    recover(out_dir)
    manifest = read_manifest(out_dir)
    result = Plan()
    encoded: dict[str, bytes] = {}
    seen_folded: dict[str, str] = {}
    for path in sorted(files):
        rel = safe_relative(path)
        folded = rel.lower()
        if folded in seen_folded and seen_folded[folded] != rel:
            raise SpecError(f"two outputs differ only in case: {seen_folded[folded]!r} and {rel!r}")
        seen_folded[folded] = rel
        data = files[path].encode("utf-8")
        encoded[rel] = data
        target = os.path.join(out_dir, rel)
        try:
            with open(target, "rb") as handle:
                current = handle.read()
        except FileNotFoundError:
            result.added.append(rel)
            continue
        except OSError as exc:
            raise SpecError(f"cannot read {target}: {exc}") from None
        if current == data:
            result.unchanged.append(rel)
        elif rel in manifest:
            result.changed.append(rel)
        else:
            raise SpecError(f"{target} exists and was not written by modelgen; refusing to overwrite it")
    result.removed = sorted(p for p in manifest if p not in encoded and os.path.exists(os.path.join(out_dir, p)))
    return result, encoded


def apply(out_dir: str, result: Plan, encoded: dict[str, bytes]) -> None:
    """Stage, journal, rename into place, prune, and record the manifest."""
    os.makedirs(out_dir, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".modelgen-staging-", dir=out_dir)
    renames: list[tuple[str, str]] = []
    try:
        for rel in result.added + result.changed:
            staged = os.path.join(staging, rel)
            os.makedirs(os.path.dirname(staged), exist_ok=True)
            with open(staged, "wb") as handle:
                handle.write(encoded[rel])
            renames.append((staged, os.path.join(out_dir, rel)))
        manifest = {"generator": "openapi-modelgen", "files": {rel: _digest(data) for rel, data in sorted(encoded.items())}}
        staged_manifest = os.path.join(staging, MANIFEST)
        with open(staged_manifest, "w", encoding="utf-8") as handle:
            json.dump(manifest, handle, indent=1, sort_keys=True)
            handle.write("\n")
        renames.append((staged_manifest, os.path.join(out_dir, MANIFEST)))
        journal = {"renames": renames, "remove": [os.path.join(out_dir, rel) for rel in result.removed], "staging": staging}
        os.sync()  # one flush for all staged files (per-file fsync costs seconds on big specs)
        _write_atomic(os.path.join(out_dir, JOURNAL), json.dumps(journal).encode("utf-8"))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    recover(out_dir)


def recover(out_dir: str) -> None:
    """Finish a run whose journal is on disk (a no-op when there is none)."""
    journal_path = os.path.join(out_dir, JOURNAL)
    try:
        with open(journal_path, encoding="utf-8") as handle:
            journal = json.load(handle)
    except (OSError, ValueError):
        return
    for source, target in journal.get("renames", []):
        if os.path.exists(source):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(source, target)
    for target in journal.get("remove", []):
        try:
            os.remove(target)
            _prune_empty_dirs(os.path.dirname(target), out_dir)
        except FileNotFoundError:
            pass
    shutil.rmtree(journal.get("staging", ""), ignore_errors=True)
    os.remove(journal_path)


def _prune_empty_dirs(folder: str, stop: str) -> None:
    stop = os.path.abspath(stop)
    folder = os.path.abspath(folder)
    while folder.startswith(stop + os.sep) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def _write_atomic(path: str, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=".modelgen-", dir=os.path.dirname(path))
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)
