"""Finishing an interrupted run from its journal, and keeping every path of it inside the output.

The journal (`bookkeeping.JOURNAL`) lists what a run removes and what it renames from its
staging folder into place; `write.apply` writes it, `recover` carries it out (again after a
kill: every step is idempotent). The output folder is not trusted: a journal or manifest may
have been planted or edited, and a folder may be a symbolic link to elsewhere. So every path
they name is checked before use: relative, inside the output once symbolic links are
resolved, renames only out of the run's own staging folder; anything else stops the run with
an error naming the file and what is wrong.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from typing import Any

from .bookkeeping import JOURNAL, STAGING, TEMP
from .errors import SpecError
from .safe_open import NotRegularFile, read_regular


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


def inside(out_dir: str, rel: str, listed_in: str) -> str:
    """`out_dir/rel` for a path a bookkeeping file lists, refused unless it stays inside `out_dir`
    with no symbolic link on the way (`out_dir` itself is a real path: see `write.real_output`)."""
    try:
        normal = safe_relative(rel) if isinstance(rel, str) else ""
    except SpecError:
        normal = ""
    if not normal or normal != rel.replace("\\", "/"):
        raise SpecError(
            f"lists {rel!r}, which is not a plain path inside the output folder; delete this file if no run is in progress",
            file=os.path.join(out_dir, listed_in),
        )
    target = os.path.join(out_dir, normal)
    if os.path.realpath(target) != target:
        folder = out_dir
        for part in normal.split("/"):
            folder = os.path.join(folder, part)
            if os.path.islink(folder):
                raise symlink_error(folder)
    return target


def symlink_error(path: str) -> SpecError:
    return SpecError(
        "is a symbolic link inside the output folder, which modelgen never writes through: "
        "replace it with a real folder or file",
        file=path,
    )


def _read_journal(out_dir: str) -> tuple[list[str], list[tuple[str, str]], bool] | None:
    """The checked removals and renames of a journal on disk (None when there is none)."""
    path = os.path.join(out_dir, JOURNAL)
    try:
        journal: Any = json.loads(read_regular(path))
    except FileNotFoundError:
        return None
    except NotRegularFile:  # a FIFO would block the run
        raise SpecError("cannot read the journal of an interrupted run: not a regular file", file=path) from None
    except OSError as exc:
        raise SpecError(f"cannot read the journal of an interrupted run: {exc.strerror or exc}", file=path) from None
    except (ValueError, RecursionError):
        raise SpecError(
            "the journal of an interrupted run is malformed; delete it if no run is in progress", file=path
        ) from None
    remove, renames, staging = (
        journal.get(k) if isinstance(journal, dict) else None for k in ("remove", "renames", "staging")
    )
    if not (
        isinstance(remove, list)
        and isinstance(renames, list)
        and all(isinstance(pair, list) and len(pair) == 2 for pair in renames)
        and isinstance(staging, str)
        and staging.startswith(STAGING)
        and "/" not in staging
    ):
        raise SpecError("the journal of an interrupted run is malformed; delete it if no run is in progress", file=path)
    removals = [inside(out_dir, rel, JOURNAL) for rel in remove]
    moves = []
    for source, target in renames:
        if not isinstance(source, str) or not source.startswith(staging + "/"):
            raise SpecError(f"renames {source!r}, which is not in the run's staging folder", file=path)
        moves.append((inside(out_dir, source, JOURNAL), inside(out_dir, target, JOURNAL)))
    return removals, moves, bool(journal.get("durable", True))


def recover(out_dir: str) -> None:
    """Finish a run whose journal is on disk, then sweep leftovers of runs killed earlier.

    Every step is idempotent, so a kill during recovery itself is recovered the same way.
    """
    journal = _read_journal(out_dir)
    if journal is not None:
        removals, moves, durable = journal
        for target in removals:
            with contextlib.suppress(FileNotFoundError):
                os.remove(target)
            _prune_empty_dirs(os.path.dirname(target), out_dir)
        folders: set[str] = set()
        for source, target in moves:
            if os.path.dirname(target) not in folders:
                folders.add(os.path.dirname(target))
                os.makedirs(os.path.dirname(target), exist_ok=True)
            _move(source, target)
        if durable:
            flush_all()  # the renames reach the disk before the journal that would redo them goes
        os.remove(os.path.join(out_dir, JOURNAL))
    _sweep(out_dir)


def _move(source: str, target: str) -> None:
    """Rename `source` onto `target`; a folder meeting an existing folder is merged into it."""
    try:
        os.replace(source, target)
    except FileNotFoundError:  # moved already, by the run this one finishes
        pass
    except OSError:
        if not (os.path.isdir(source) and os.path.isdir(target)) or os.path.islink(target):
            raise
        for name in os.listdir(source):
            _move(os.path.join(source, name), os.path.join(target, name))
        os.rmdir(source)


def flush_all() -> None:
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
        if name.startswith(STAGING):
            shutil.rmtree(path, ignore_errors=True)
        elif name.startswith(TEMP):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)


def _prune_empty_dirs(folder: str, stop: str) -> None:
    stop = os.path.abspath(stop)
    folder = os.path.abspath(folder)
    while folder.startswith(stop + os.sep) and os.path.isdir(folder) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)
