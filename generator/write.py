"""Stage 6: put rendered files on disk safely, deterministically and only when changed.

A run is all-or-nothing. Everything is rendered in memory first (a bad spec writes
nothing), then every new or changed file is staged in a hidden folder inside the output
and flushed to disk, and a journal listing the removals and renames is written
atomically. Only then are files removed and renamed into place; a run killed after the
journal exists is completed by the next run (`recover`, roll-forward), a run killed
before it leaves the previous output untouched (its staging leftovers are swept away).
Unchanged files are never rewritten, so their mtimes survive. A staged folder whose
target folder does not exist yet moves in with one rename (a first run into an empty
output renames three folders, not thousands of files).

Durability: a run that replaces existing output flushes the staged files to disk before
the journal exists and the renames before it goes, so even a power cut leaves the old or
the new output. A run into an empty output skips both flushes (there is nothing to
protect, and they cost a tenth of the run): after a power cut there, the next run compares
every file with what it renders and rewrites whatever the cut spoiled.

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

from .bookkeeping import JOURNAL, MANIFEST, STAGING, TEMP
from .errors import SpecError
from .journal import flush_all, inside, recover, safe_relative, symlink_error
from .safe_open import NotRegularFile, read_regular


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
    fresh: bool = False  # the output folder held nothing: no old output to protect from a power cut
    digests: dict[str, str] = field(default_factory=dict)  # every rendered file's sha256
    manifest: bytes = b""  # the manifest this run records

    @property
    def dirty(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.manifest_stale or self.interrupted)


def real_output(out_dir: str) -> str:
    """The output folder as a real path (symbolic links resolved): every check of a path
    inside it compares real paths."""
    return os.path.realpath(out_dir)


def read_manifest(out_dir: str) -> dict[str, str]:
    """The files the last run wrote, with digests; each must be a plain path inside `out_dir`
    (a planted entry could otherwise have a file elsewhere deleted as "vanished")."""
    try:
        data = json.loads(read_regular(os.path.join(out_dir, MANIFEST)))
        files = {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError, RecursionError):  # a FIFO is an OSError too: never waited on
        return {}
    for rel in files:
        inside(out_dir, rel, MANIFEST)
    return files


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(digests: dict[str, str]) -> bytes:
    """`json.dumps({"files": digests, "generator": ...}, indent=1, sort_keys=True)` and a newline,
    spelled out: with `indent`, json encodes in pure Python (5 ms for 2,400 files)."""
    rows = ",\n".join(f"  {json.dumps(rel)}: {json.dumps(digest)}" for rel, digest in sorted(digests.items()))
    files = "{\n" + rows + "\n }" if rows else "{}"
    return ('{\n "files": ' + files + ',\n "generator": "openapi-modelgen"\n}\n').encode("utf-8")


def _existing(out_dir: str) -> set[str]:
    """Every path (file or folder) under `out_dir`, relative and lower-cased, from one walk.

    Reading only targets that exist saves a failed open per file on a first run; lower case
    keeps a file that exists under another case (case-insensitive file systems) in view.
    A symbolic link anywhere inside is an error: writing or pruning through it would reach
    outside the output folder.
    """
    found: set[str] = set()
    folders = [("", out_dir)]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise SpecError(f"cannot list: {exc.strerror or exc}", file=folder) from None
        for entry in entries:
            if entry.is_symlink():
                raise symlink_error(entry.path)
            found.add(prefix + entry.name.lower())
            if entry.is_dir(follow_symlinks=False):
                folders.append((prefix + entry.name.lower() + "/", entry.path))
    return found


def _read(path: str) -> bytes | None:
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None
    except NotRegularFile:  # a FIFO would block the run, a folder cannot be replaced by a file
        raise SpecError("cannot read: not a regular file", file=path) from None
    except OSError as exc:  # permissions...
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
    existing = _existing(out_dir)
    result.fresh = not existing
    encoded: dict[str, bytes] = {}
    folded: dict[str, str] = {}
    for path in sorted(files):
        rel = safe_relative(path)
        if rel in (MANIFEST, JOURNAL) or rel.split("/", 1)[0].startswith((STAGING, TEMP)):
            raise SpecError(f"an output would be named like modelgen's own bookkeeping: {rel!r}")
        if rel.lower() in folded:  # would overwrite each other on macOS/Windows file systems
            raise SpecError(f"two outputs differ only in letter case: {folded[rel.lower()]!r} and {rel!r}")
        folded[rel.lower()] = rel
        data = encoded[rel] = files[path].encode("utf-8")
        result.digests[rel] = _digest(data)
        target = os.path.join(out_dir, rel)
        current = _read(target) if rel.lower() in existing else None
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
    result.manifest = manifest_bytes(result.digests)
    result.manifest_stale = _read(os.path.join(out_dir, MANIFEST)) != result.manifest
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
    staging = tempfile.mkdtemp(prefix=STAGING, dir=out_dir)
    name = os.path.basename(staging)
    pending = result.added + result.changed
    try:
        for folder in sorted({os.path.dirname(os.path.join(staging, rel)) for rel in pending}):
            os.makedirs(folder, exist_ok=True)
        # One thread: measured on orq (2,400 files), a pool of writers was no faster and cost more CPU.
        for index, rel in enumerate(pending):
            _write_file(os.path.join(staging, rel), encoded[rel])
            if progress is not None and index % 100 == 0:
                progress(f"staging {index + 1}/{len(pending)} files")
        _write_file(os.path.join(staging, MANIFEST), result.manifest)
        renames = [(f"{name}/{unit}", unit) for unit in _moves(out_dir, pending)]
        renames.append((f"{name}/{MANIFEST}", MANIFEST))
        if not result.fresh:
            flush_all()  # one flush for every staged file (an fsync per file costs seconds on big specs)
        journal = {"remove": result.removed, "renames": renames, "staging": name, "durable": not result.fresh}
        _write_atomic(os.path.join(out_dir, JOURNAL), json.dumps(journal).encode("utf-8"), durable=not result.fresh)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if progress is not None:
        progress(f"moving {len(pending)} files into place")
    recover(out_dir)


def _moves(out_dir: str, pending: list[str]) -> list[str]:
    """What to rename into place: a file, or its topmost folder when that is missing from `out_dir`.

    A missing folder holds only new files, all of them staged, so moving the staged folder
    whole is the same as moving each file.
    """
    unit_of_folder: dict[str, str | None] = {"": None}

    def unit(folder: str) -> str | None:
        if folder not in unit_of_folder:
            parent = unit(folder.rpartition("/")[0])
            missing = parent is None and not os.path.lexists(os.path.join(out_dir, folder))
            unit_of_folder[folder] = parent if parent is not None else folder if missing else None
        return unit_of_folder[folder]

    moves = {unit(rel.rpartition("/")[0]) or rel for rel in pending}
    return sorted(moves)


def _write_file(path: str, data: bytes) -> None:
    """Raw os-level writes: `open()` adds an fstat, an lseek and an isatty ioctl per file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _write_atomic(path: str, data: bytes, durable: bool = True) -> None:
    handle, temp = tempfile.mkstemp(prefix=TEMP, dir=os.path.dirname(path))
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        if durable:
            stream.flush()
            os.fsync(stream.fileno())
    os.replace(temp, path)
    if not durable:
        return
    with contextlib.suppress(OSError):  # make the rename itself durable
        directory = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
