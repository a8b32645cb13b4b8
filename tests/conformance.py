"""Corpus conformance: how many of Speakeasy's docs/models files we reproduce byte for byte.

Run `python tests/conformance.py` (or `make conformance`). For each entry of
../shared/corpus it generates docs in memory with the entry's gen.yaml/gen.lock and
compares them with Speakeasy's. `--dump DIR` writes ours beside theirs for study.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from generator.config import Options, speakeasy_options
from generator.errors import SpecError
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


def expected_docs(entry_dir: str) -> dict[str, str]:
    docs: dict[str, str] = {}
    base = os.path.join(entry_dir, "docs", "models")
    for folder, _, names in os.walk(base):
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                rel = "docs/models/" + os.path.relpath(path, base).replace(os.sep, "/")
                with open(path, encoding="utf-8") as handle:
                    docs[rel] = handle.read()
    return docs


def run_entry(name: str, dump: str = "") -> EntryResult:
    entry_dir = os.path.join(CORPUS, name)
    result = EntryResult(name)
    expected = expected_docs(entry_dir)
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
    result.extra = sorted(set(ours) - set(expected))
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
    for name in names:
        r = run_entry(name, args.dump)
        identical += r.identical
        total += r.total
        pct = 100.0 * r.identical / r.total if r.total else 100.0
        print(
            f"{name:14} {r.identical:5}/{r.total:<5} ({pct:5.1f}%)  missing {len(r.missing):4}  extra {len(r.extra):4}  different {len(r.different):4}"
            + (f"  ERROR {r.error}" if r.error else "")
        )
        if args.list:
            for label, items in (("missing", r.missing), ("extra", r.extra), ("different", r.different)):
                for item in items:
                    print(f"    {label}: {item}")
    pct = 100.0 * identical / total if total else 100.0
    print(f"overall: {identical}/{total} files identical ({pct:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
