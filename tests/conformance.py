"""Corpus conformance: how many of Speakeasy's docs/models files we reproduce byte for byte.

Run `python tests/conformance.py` (or `make conformance`). For each entry of
../shared/corpus (Python SDKs) and ../shared/corpus-ts (TypeScript SDKs) it generates docs in
memory with the entry's gen.yaml/gen.lock and compares them with Speakeasy's: byte for byte,
and with the inside of code blocks blanked (Example Usage blocks hold values Speakeasy makes up).
`--dump DIR` writes ours beside theirs for study.

`--root DIR` measures a folder laid out like ../shared/corpus instead (SDKs we have not seen, fetched
outside the repository; `--corpus` gives their flavour, python by default). With `--by-hash`, a page
the entry's gen.lock records with a `pristine_git_object` but whose file is absent still counts: ours
is identical when its git blob equals that hash, so an unseen SDK needs only its spec, gen.yaml and
gen.lock.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
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
CORPUS_TS = os.path.join(os.path.dirname(ROOT), "shared", "corpus-ts")
CORPORA = {"python": CORPUS, "typescript": CORPUS_TS}


@dataclass
class EntryResult:
    name: str
    identical: int = 0
    blanked: int = 0  # identical once the inside of code blocks is blanked
    total: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    error: str = ""
    by_hash: int = 0  # pages compared with gen.lock's recorded hash alone (no file)


def entries(corpus: str = CORPUS) -> list[str]:
    if not os.path.isdir(corpus):
        return []
    return sorted(e for e in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, e)))


_CODE_BLOCK = re.compile(r"^(```[^\n]*\n).*?^```$", re.MULTILINE | re.DOTALL)


def blank_code(text: str) -> str:
    """The page with the inside of its fenced code blocks removed (the fences stay)."""
    return _CODE_BLOCK.sub(lambda m: m.group(1) + "```", text)


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


def recorded_docs(entry_dir: str) -> dict[str, str]:
    """The docs/models pages gen.lock's `trackedFiles` records as generated: path -> the git blob
    Speakeasy wrote (`pristine_git_object`); pages marked `deleted: true` are left out."""
    path = os.path.join(entry_dir, "gen.lock")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        lock = parse_text(handle.read(), path)
    tracked = lock.get("trackedFiles") if isinstance(lock, dict) else None
    if not isinstance(tracked, dict):
        return {}
    recorded: dict[str, str] = {}
    for rel, record in tracked.items():
        if not str(rel).startswith("docs/models/") or not isinstance(record, dict):
            continue
        pristine = record.get("pristine_git_object")
        if record.get("deleted") is not True and isinstance(pristine, str) and pristine:
            recorded[str(rel)] = pristine
    return recorded


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


def run_entry(name: str, dump: str = "", corpus: str = CORPUS, by_hash: bool = False) -> EntryResult:
    entry_dir = os.path.join(corpus, name)
    result = EntryResult(name)
    left_out: set[str] = set()
    expected = expected_docs(entry_dir, left_out)
    hashes: dict[str, str] = {}
    if by_hash:
        hashes = {
            rel: blob for rel, blob in recorded_docs(entry_dir).items() if rel not in expected and rel not in left_out
        }
    result.total = len(expected) + len(hashes)
    result.by_hash = len(hashes)
    try:
        options = speakeasy_options(entry_dir, Options())
        _, files = build(spec_of(entry_dir), options)
    except SpecError as error:
        result.error = str(error)
        result.missing = sorted(set(expected) | set(hashes))
        return result
    ours = {k: v for k, v in files.items() if k.startswith("docs/models/")}
    for rel, blob in hashes.items():
        if rel not in ours:
            result.missing.append(rel)
        elif git_blob(ours[rel].encode("utf-8")) == blob:
            result.identical += 1
            result.blanked += 1
        else:
            result.different.append(rel)
    for rel, text in expected.items():
        if rel not in ours:
            result.missing.append(rel)
        elif ours[rel] == text:
            result.identical += 1
            result.blanked += 1
        else:
            result.blanked += blank_code(ours[rel]) == blank_code(text)
            result.different.append(rel)
            if dump:
                for side, content in (("ours", ours[rel]), ("theirs", text)):
                    path = os.path.join(dump, name, side, rel)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w", encoding="utf-8") as handle:
                        handle.write(content)
    result.extra = sorted(set(ours) - set(expected) - set(hashes) - left_out)
    return result


def report(corpus: str, names: list[str], args: argparse.Namespace) -> None:
    identical = blanked = total = 0
    shares: list[float] = []
    blanked_shares: list[float] = []
    for name in names:
        r = run_entry(name, args.dump, corpus, args.by_hash)
        identical += r.identical
        blanked += r.blanked
        total += r.total
        pct = 100.0 * r.identical / r.total if r.total else 100.0
        blanked_pct = 100.0 * r.blanked / r.total if r.total else 100.0
        shares.append(pct)
        blanked_shares.append(blanked_pct)
        print(
            f"{name:22} {r.identical:5}/{r.total:<5} ({pct:5.1f}%)  missing {len(r.missing):4}  extra {len(r.extra):4}  different {len(r.different):4}"
            f"  blanked {r.blanked:5} ({blanked_pct:5.1f}%)"
            + (f"  by hash {r.by_hash}" if r.by_hash else "")
            + (f"  ERROR {r.error}" if r.error else "")
        )
        if args.list:
            for label, items in (("missing", r.missing), ("extra", r.extra), ("different", r.different)):
                for item in items:
                    print(f"    {label}: {item}")
    pct = 100.0 * identical / total if total else 100.0
    blanked_pct = 100.0 * blanked / total if total else 100.0
    print(
        f"overall: {identical}/{total} files identical ({pct:.1f}%); code blocks blanked: {blanked} ({blanked_pct:.1f}%)"
    )
    mean = sum(shares) / len(shares)
    blanked_mean = sum(blanked_shares) / len(blanked_shares)
    perfect = sum(1 for share in shares if share == 100.0)
    print(f"mean of entries: {mean:.1f}% (blanked {blanked_mean:.1f}%); entries at 100%: {perfect}/{len(shares)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="corpus entries (default: all)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), help="only this corpus (default: both)")
    parser.add_argument("--dump", default="", help="write differing files (ours/theirs) under this folder")
    parser.add_argument("--list", action="store_true", help="list missing/extra/different files")
    parser.add_argument("--root", help="measure the entries of this folder (laid out like ../shared/corpus)")
    parser.add_argument("--by-hash", action="store_true", help="also count pages gen.lock records by hash alone")
    args = parser.parse_args(argv)
    ran = False
    corpora = {args.corpus or "python": os.path.abspath(args.root)} if args.root else CORPORA
    for flavour, corpus in corpora.items():
        if args.corpus and args.corpus != flavour:
            continue
        names = [n for n in args.names if n in entries(corpus)] if args.names else entries(corpus)
        if not names:
            if not args.names:
                print(f"conformance: {flavour} skipped, {os.path.relpath(corpus, ROOT)} is absent")
            continue
        if ran:
            print()
        print(f"{flavour} SDKs ({os.path.relpath(corpus, ROOT)}):")
        report(corpus, names, args)
        ran = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
