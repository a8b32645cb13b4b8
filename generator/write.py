"""Stage 6: put rendered files on disk safely, deterministically and only when changed.

A run is all-or-nothing. Everything is rendered in memory first (a bad spec writes
nothing), then every new or changed file is staged in a hidden folder inside the output
and flushed to disk, and a journal listing the removals and renames is written
atomically. Only then are files removed and renamed into place; a run killed after the
journal exists is completed by the next run (`recover`, roll-forward), a run killed
before it leaves the previous output untouched (its staging leftovers are swept away).
Unchanged files are never rewritten, so their mtimes survive.

A manifest lists what the generator wrote, with digests: files of vanished schemas are
removed, a file it did not write is never overwritten (that is an error) or deleted, and
a generated file edited by hand since is left in place rather than pruned.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .errors import SpecError

MANIFEST = ".modelgen-manifest.json"
JOURNAL = ".modelgen-journal.json"
_STAGING = ".modelgen-staging-"
_TEMP = ".modelgen-tmp-"


@dataclass
class Plan:
    """What a run would do to the output folder."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # vanished but hand-edited since generated: left in place
    manifest_stale: bool = False  # the manifest alone would change
    interrupted: bool = False  # a killed run's journal awaits recovery (seen by --check only)

    @property
    def dirty(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.manifest_stale or self.interrupted)


def safe_relative(path: str) -> str:
    """Refuse any output path that could land outside the output folder."""
    normal = os.path.normpath(path).replace("\\", "/")
    parts = normal.split("/")
    if (
        os.path.isabs(path)
        or normal.startswith("/")
        or ".." in parts
        or ":" in parts[0]
        or "\x00" in path
        or not normal
        or normal == "."
    ):
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


def _manifest_bytes(encoded: dict[str, bytes]) -> bytes:
    files = {rel: _digest(data) for rel, data in sorted(encoded.items())}
    return (json.dumps({"files": files, "generator": "openapi-modelgen"}, indent=1, sort_keys=True) + "\n").encode(
        "utf-8"
    )


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:  # a folder where a file should go, permissions...
        raise SpecError(f"cannot read: {exc.strerror or exc}", file=path) from None


def _same_file(a: str, b: str) -> bool:
    """True on a case-insensitive file system when `a` and `b` name one file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _owned_twin(out_dir: str, rel: str, folded_manifest: dict[str, str]) -> bool:
    """Whether `rel` is, on a case-insensitive file system, a file the manifest lists in other case."""
    twin = folded_manifest.get(rel.lower())
    return twin is not None and twin != rel and _same_file(os.path.join(out_dir, rel), os.path.join(out_dir, twin))


def plan(out_dir: str, files: dict[str, str], recover_first: bool = True) -> tuple[Plan, dict[str, bytes]]:
    """Compare rendered files with the folder; raise on a clash with a file we did not write."""
    result = Plan()
    if recover_first:
        recover(out_dir)
    else:
        result.interrupted = os.path.exists(os.path.join(out_dir, JOURNAL))
    manifest = read_manifest(out_dir)
    folded_manifest = {rel.lower(): rel for rel in manifest}
    encoded: dict[str, bytes] = {}
    folded: dict[str, str] = {}
    for path in sorted(files):
        rel = safe_relative(path)
        if rel == MANIFEST or rel == JOURNAL or rel.split("/", 1)[0].startswith((_STAGING, _TEMP)):
            raise SpecError(f"an output would be named like modelgen's own bookkeeping: {rel!r}")
        if rel.lower() in folded:  # would overwrite each other on macOS/Windows file systems
            raise SpecError(f"two outputs differ only in letter case: {folded[rel.lower()]!r} and {rel!r}")
        folded[rel.lower()] = rel
        data = encoded[rel] = files[path].encode("utf-8")
        target = os.path.join(out_dir, rel)
        current = _read(target)
        if current is None:
            result.added.append(rel)
        elif current == data:
            result.unchanged.append(rel)
        elif rel in manifest or _owned_twin(out_dir, rel, folded_manifest):
            result.changed.append(rel)
        else:
            message = f"exists but was not written by modelgen (not in {MANIFEST}); refusing to overwrite it"
            raise SpecError(message + ": move or delete it", file=target)
    for rel in sorted(p for p in manifest if p not in encoded):
        target = os.path.join(out_dir, rel)
        current = _read(target)
        if current is None:
            continue
        twin = folded.get(rel.lower())
        if twin is not None and _same_file(target, os.path.join(out_dir, twin)):
            # Only the letter case changed, on a case-insensitive file system: remove the
            # old name, then write the new one (removals go first).
            if twin in result.unchanged:
                result.unchanged.remove(twin)
                result.changed.append(twin)
            result.removed.append(rel)
        elif _digest(current) == manifest[rel]:
            result.removed.append(rel)
        else:
            result.kept.append(rel)
    result.manifest_stale = _read(os.path.join(out_dir, MANIFEST)) != _manifest_bytes(encoded)
    return result, encoded


@contextlib.contextmanager
def locked(out_dir: str) -> Iterator[None]:
    """Hold an exclusive lock on the output folder (created if need be) for a whole run,
    so two runs at once (an editor hook and a terminal) cannot interleave."""
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        raise SpecError(f"cannot create the output folder: {exc.strerror or exc}", file=out_dir) from None
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks; runs are rarely concurrent there
        yield
        return
    handle = os.open(out_dir, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def apply(out_dir: str, result: Plan, encoded: dict[str, bytes], progress: Callable[[str], None] | None = None) -> None:
    """Stage, journal, then remove and rename into place (via `recover`), and record the manifest."""
    os.makedirs(out_dir, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=_STAGING, dir=out_dir)
    name = os.path.basename(staging)
    pending = result.added + result.changed
    renames: list[tuple[str, str]] = []
    try:
        for folder in sorted({os.path.dirname(os.path.join(staging, rel)) for rel in pending}):
            os.makedirs(folder, exist_ok=True)
        # One thread: measured on orq (2,400 files), a pool of writers was no faster and cost more CPU.
        for index, rel in enumerate(pending):
            _write_file(os.path.join(staging, rel), encoded[rel])
            renames.append((f"{name}/{rel}", rel))
            if progress is not None and index % 100 == 0:
                progress(f"staging {index + 1}/{len(pending)} files")
        with open(os.path.join(staging, MANIFEST), "wb") as handle:
            handle.write(_manifest_bytes(encoded))
        renames.append((f"{name}/{MANIFEST}", MANIFEST))
        _flush_all()  # one flush for every staged file (an fsync per file costs seconds on big specs)
        journal = {"remove": result.removed, "renames": renames, "staging": name}
        _write_atomic(os.path.join(out_dir, JOURNAL), json.dumps(journal).encode("utf-8"))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if progress is not None:
        progress(f"moving {len(pending)} files into place")
    recover(out_dir)


def _write_file(path: str, data: bytes) -> None:
    """Raw os-level writes: `open()` adds an fstat, an lseek and an isatty ioctl per file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def recover(out_dir: str) -> None:
    """Finish a run whose journal is on disk, then sweep leftovers of runs killed earlier.

    Every step is idempotent, so a kill during recovery itself is recovered the same way.
    """
    journal_path = os.path.join(out_dir, JOURNAL)
    try:
        with open(journal_path, encoding="utf-8") as handle:
            journal = json.load(handle)
    except FileNotFoundError:
        journal = None
    except (OSError, ValueError) as exc:
        raise SpecError(f"cannot read the journal of an interrupted run: {exc}", file=journal_path) from None
    if journal is not None:
        for rel in journal["remove"]:
            target = os.path.join(out_dir, safe_relative(rel))
            with contextlib.suppress(FileNotFoundError):
                os.remove(target)
            _prune_empty_dirs(os.path.dirname(target), out_dir)
        folders: set[str] = set()
        for source, target in journal["renames"]:
            source, target = os.path.join(out_dir, safe_relative(source)), os.path.join(out_dir, safe_relative(target))
            if os.path.dirname(target) not in folders:
                folders.add(os.path.dirname(target))
                os.makedirs(os.path.dirname(target), exist_ok=True)
            with contextlib.suppress(FileNotFoundError):  # moved already, by the run this one finishes
                os.replace(source, target)
        _flush_all()  # the renames reach the disk before the journal that would redo them goes
        os.remove(journal_path)
    _sweep(out_dir)


def _flush_all() -> None:
    sync = getattr(os, "sync", None)  # absent on Windows, whose renames are flushed by NTFS's own journal
    if sync is not None:
        sync()


def _sweep(out_dir: str) -> None:
    """Remove staging folders and temp files of runs killed before their journal was written."""
    try:
        names = os.listdir(out_dir)
    except FileNotFoundError:
        return
    for name in names:
        path = os.path.join(out_dir, name)
        if name.startswith(_STAGING):
            shutil.rmtree(path, ignore_errors=True)
        elif name.startswith(_TEMP):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)


def _prune_empty_dirs(folder: str, stop: str) -> None:
    stop = os.path.abspath(stop)
    folder = os.path.abspath(folder)
    while folder.startswith(stop + os.sep) and os.path.isdir(folder) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def _write_atomic(path: str, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=_TEMP, dir=os.path.dirname(path))
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)
    with contextlib.suppress(OSError):  # make the rename itself durable
        directory = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
