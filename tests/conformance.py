"""Corpus conformance: how many of Speakeasy's docs/models files we reproduce byte for byte.

Run `python tests/conformance.py` (or `make conformance`). For each entry of
../shared/corpus it generates docs in memory with the entry's gen.yaml/gen.lock and
compares them with Speakeasy's. `--dump DIR` writes ours beside theirs for study.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from generator.config import Options, speakeasy_options
from generator.errors import SpecError
from generator.load import parse_text
from generator.pipeline import build

CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")


@dataclass
class EntryResult:
    name: str
    identical: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    error: str = ""


def entries() -> list[str]:
    if not os.path.isdir(CORPUS):
        return []
    return sorted(e for e in os.listdir(CORPUS) if os.path.isdir(os.path.join(CORPUS, e)))


def spec_of(entry_dir: str) -> str:
    for name in ("openapi.yaml", "openapi.yml", "openapi.json"):
        if os.path.exists(os.path.join(entry_dir, name)):
            return os.path.join(entry_dir, name)
    raise FileNotFoundError(entry_dir)


def git_blob(data: bytes) -> str:
    """The git object id of a file's bytes (what gen.lock's `pristine_git_object` records)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def gold_filter(entry_dir: str) -> Callable[[str, bytes], bool] | None:
    """Which docs of an entry Speakeasy wrote as they stand, from its gen.lock.

    Where gen.lock lists generated files (`generatedFiles` list, `trackedFiles` map, or both)
    only listed docs count, minus those marked `deleted: true` and those whose git blob differs
    from their `pristine_git_object` (edited by hand after generation). None: the gen.lock lists
    nothing, so every doc counts.
    """
    path = os.path.join(entry_dir, "gen.lock")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        lock = parse_text(handle.read(), path)
    if not isinstance(lock, dict):
        return None
    listed = lock.get("generatedFiles")
    tracked = lock.get("trackedFiles")
    names = {str(n) for n in listed} if isinstance(listed, list) else set()
    records = tracked if isinstance(tracked, dict) else {}
    if not names and not records:
        return None
    names |= {str(n) for n in records}

    def keep(rel: str, data: bytes) -> bool:
        if rel not in names:
            return False
        record = records.get(rel)
        if not isinstance(record, dict):
            return True
        if record.get("deleted") is True:
            return False
        pristine = record.get("pristine_git_object")
        return not pristine or pristine == git_blob(data)

    return keep


def expected_docs(entry_dir: str, left_out: set[str] | None = None) -> dict[str, str]:
    """The entry's gold docs: Speakeasy's docs/models pages, filtered by `gold_filter`.
    Pages on disk that are not gold are added to `left_out` (ours there count neither way)."""
    docs: dict[str, str] = {}
    keep = gold_filter(entry_dir)
    base = os.path.join(entry_dir, "docs", "models")
    for folder, _, names in os.walk(base):
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                rel = "docs/models/" + os.path.relpath(path, base).replace(os.sep, "/")
                with open(path, "rb") as handle:
                    data = handle.read()
                if keep is None or keep(rel, data):
                    docs[rel] = data.decode("utf-8")
                elif left_out is not None:
                    left_out.add(rel)
    return docs


def run_entry(name: str, dump: str = "") -> EntryResult:
    entry_dir = os.path.join(CORPUS, name)
    result = EntryResult(name)
    left_out: set[str] = set()
    expected = expected_docs(entry_dir, left_out)
    result.total = len(expected)
    try:
        options = speakeasy_options(entry_dir, Options())
        _, files = build(spec_of(entry_dir), options)
    except SpecError as error:
        result.error = str(error)
        result.missing = sorted(expected)
        return result
    ours = {k: v for k, v in files.items() if k.startswith("docs/models/")}
    for rel, text in expected.items():
        if rel not in ours:
            result.missing.append(rel)
        elif ours[rel] == text:
            result.identical += 1
        else:
            result.different.append(rel)
            if dump:
                for side, content in (("ours", ours[rel]), ("theirs", text)):
                    path = os.path.join(dump, name, side, rel)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w", encoding="utf-8") as handle:
                        handle.write(content)
    result.extra = sorted(set(ours) - set(expected) - left_out)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="corpus entries (default: all)")
    parser.add_argument("--dump", default="", help="write differing files (ours/theirs) under this folder")
    parser.add_argument("--list", action="store_true", help="list missing/extra/different files")
    args = parser.parse_args(argv)
    names = args.names or entries()
    if not names:
        print("conformance: skipped, ../shared/corpus is absent")
        return 0
    identical = total = 0
    shares: list[float] = []
    for name in names:
        r = run_entry(name, args.dump)
        identical += r.identical
        total += r.total
        pct = 100.0 * r.identical / r.total if r.total else 100.0
        shares.append(pct)
        print(
            f"{name:22} {r.identical:5}/{r.total:<5} ({pct:5.1f}%)  missing {len(r.missing):4}  extra {len(r.extra):4}  different {len(r.different):4}"
            + (f"  ERROR {r.error}" if r.error else "")
        )
        if args.list:
            for label, items in (("missing", r.missing), ("extra", r.extra), ("different", r.different)):
                for item in items:
                    print(f"    {label}: {item}")
    pct = 100.0 * identical / total if total else 100.0
    print(f"overall: {identical}/{total} files identical ({pct:.1f}%)")
    mean = sum(shares) / len(shares)
    perfect = sum(1 for share in shares if share == 100.0)
    print(f"mean of entries: {mean:.1f}%; entries at 100%: {perfect}/{len(shares)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
