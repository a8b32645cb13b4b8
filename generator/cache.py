"""The no-change fast path: skip a run whose inputs and outputs are exactly as last time.

Output is a pure function of the input documents, the options and the generator itself,
so a run may be skipped when (a) the digest of all three matches the one recorded by the
last run and (b) every file the last run wrote still has the size and mtime it recorded.
Checking costs a hash of the spec files and a `stat` per output file, a few percent of a
generation; anything unexpected simply means "not fresh" and the full pipeline runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache

from . import __version__
from .bookkeeping import JOURNAL, MANIFEST
from .resources import templates_dir
from .safe_open import read_regular


def cache_dir() -> str:
    """The user cache modelgen keeps stamps and compiled templates in (`MODELGEN_CACHE_DIR` overrides)."""
    return os.environ.get("MODELGEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "openapi-modelgen"
    )


def _stamp_path(out_dir: str) -> str:
    """Where the stamp of an output folder lives: a user cache, never inside the (committed) output."""
    key = hashlib.sha256(os.path.abspath(out_dir).encode()).hexdigest()[:32]
    return os.path.join(cache_dir(), key + ".json")


@lru_cache(maxsize=1)
def generator_digest() -> str:
    """A digest of the generator's own code and templates (a change invalidates every cache)."""
    digest = hashlib.sha256(__version__.encode())
    package = os.path.dirname(os.path.abspath(__file__))
    for folder in (package, templates_dir()):
        for base, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                if name.endswith((".py", ".j2")):
                    with open(os.path.join(base, name), "rb") as handle:
                        digest.update(name.encode() + b"\0" + handle.read())
    return digest.hexdigest()


def inputs_digest(inputs: dict[str, str], options_key: str) -> str:
    """One digest of the input files' digests (by path), the options and the generator."""
    digest = hashlib.sha256(generator_digest().encode() + b"\0" + options_key.encode())
    for path in sorted(inputs):
        digest.update(f"\0{path}\0{inputs[path]}".encode())
    return digest.hexdigest()


def _stats(out_dir: str, files: list[str]) -> dict[str, list[int]] | None:
    found: dict[str, list[int]] = {}
    base = os.path.join(out_dir, "")  # joined by hand below: os.path.join costs a third of this loop
    for rel in files:
        try:
            stat = os.stat(base + rel)
        except OSError:
            return None
        found[rel] = [stat.st_size, stat.st_mtime_ns]
    return found


def file_digest(path: str) -> str:
    """sha256 of a regular file's bytes; "" when it cannot be read or is not a regular file. The open
    does not block, so a FIFO put where a spec was is refused here (and then by the loader, with an
    error), not waited on forever."""
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except OSError:  # a FIFO or device too (`NotRegularFile`)
        return ""


def fresh_models(out_dir: str, options_key: str) -> int | None:
    """The model count of the last run when its inputs and outputs are all unchanged, else None.

    Like git's racy-clean rule: an edit made after the last run took its stats, within the
    same tick of the file-system clock as the file's own last write, would leave size and
    mtime alone. The manifest is the last file a run writes, so only files whose mtime is not
    older than the manifest's (usually the last few written, or all of them on a file system
    with 2-second timestamps) can hide such an edit; those are compared by content.
    """
    try:
        stamp = json.loads(read_regular(_stamp_path(out_dir)))  # never blocks on a FIFO
        documents, outputs, recorded = stamp["documents"], stamp["outputs"], stamp["digest"]
        models, written_at = int(stamp["models"]), int(stamp["written_at"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    if os.path.exists(os.path.join(out_dir, JOURNAL)):  # an interrupted run is the write stage's to finish
        return None
    inputs = {path: file_digest(path) for path in documents}
    if "" in inputs.values() or inputs_digest(inputs, options_key) != recorded:
        return None
    stats = _stats(out_dir, sorted(outputs))
    if stats is None:
        return None
    for rel, (size, mtime, *digest) in outputs.items():
        if stats[rel] != [size, mtime]:
            return None
        if mtime >= written_at and [file_digest(os.path.join(out_dir, rel))] != digest:
            return None
    return models


def record(out_dir: str, inputs: dict[str, str], options_key: str, digests: dict[str, str], models: int) -> None:
    """Remember this run's inputs and every output's size, mtime and digest (once they are on disk).

    `inputs` are the digests of the input files as the run read them (a spec edited during
    the run then fails the next check); `digests` are of what the run put on disk (taken in
    memory: reading thousands of files back would cost more than the check saves); files not
    in it, like the manifest, are read.
    """
    digest = inputs_digest(inputs, options_key)
    stats = _stats(out_dir, sorted({*digests, MANIFEST}))
    path = _stamp_path(out_dir)
    if "" in inputs.values() or stats is None:
        with contextlib.suppress(OSError):
            os.remove(path)
        return
    written_at = stats[MANIFEST][1]  # see `fresh_models`: only files this recent keep a digest
    outputs = {
        rel: [*stat, digests.get(rel) or file_digest(os.path.join(out_dir, rel))] if stat[1] >= written_at else stat
        for rel, stat in stats.items()
    }
    temp = f"{path}.{os.getpid()}.tmp"
    stamp = {
        "digest": digest,
        "documents": sorted(inputs),
        "outputs": outputs,
        "models": models,
        "written_at": written_at,
    }
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(stamp))  # one C-encoded string: json.dump encodes in Python
        os.replace(temp, path)
    except OSError:  # a read-only or full cache only costs the next run its shortcut
        pass


def _validated_path(key: str) -> str:
    return os.path.join(cache_dir(), "validated", hashlib.sha256(key.encode()).hexdigest())


def validated(key: str) -> bool:
    """Whether the full validator passed the inputs `key` stands for (see `validate.run_validator`)."""
    return os.path.exists(_validated_path(key))


def remember_validated(key: str) -> None:
    path = _validated_path(key)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8"):
            pass
    except OSError:  # a read-only cache only costs the next validation its shortcut
        pass
