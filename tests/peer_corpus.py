"""Run the generator over every spec of ../shared/specs/peer-dmcg and sort the outcomes.

Each spec must either generate a package that compiles and imports, or stop with the
one-line `FILE:LINE:COL: POINTER: message` error and exit 2. Anything else (an
exception escaping `main`, an "internal error", a multi-line message, output that does
not compile or import) is a failure and is listed.

    python tests/peer_corpus.py [ROOT] [--verbose]

Top-level files are specs; inside a top-level folder every YAML/JSON file with an
`openapi` (or `swagger`) key at the top is an entry point (the others are fragments
it references). Generation runs in-process; every generated package is then imported in
one subprocess (each under its own package name, so they cannot shadow each other).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "specs", "peer-dmcg")
ERROR_LINE = re.compile(r"^error: [^\n]+?(:\d+:\d+)?: #[^ ]*: .+$")
_SPEC_SUFFIXES = (".yaml", ".yml", ".json", ".jsonschema")
_ROOT_KEY = re.compile(r"""^(?:openapi|swagger|"openapi"|"swagger")\s*:""", re.MULTILINE)


@dataclass
class Outcome:
    spec: str
    kind: str  # "generated", "error" (clean one-line error) or "failure"
    detail: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    def summary(self) -> str:
        return (
            f"{len(self.outcomes)} specs: {self.count('generated')} generated (compile + import),"
            f" {self.count('error')} clean one-line errors, {self.count('failure')} failures"
        )


def entries(corpus: str) -> list[str]:
    """Spec files to run: top-level files, and entry documents inside top-level folders."""
    found: list[str] = []
    for name in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, name)
        if os.path.isfile(path):
            found.append(path)
            continue
        for base, dirs, files in os.walk(path):
            dirs.sort()
            for file_name in sorted(files):
                if file_name.endswith(_SPEC_SUFFIXES) and _is_root_document(os.path.join(base, file_name)):
                    found.append(os.path.join(base, file_name))
    return found


def _is_root_document(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return bool(_ROOT_KEY.search(head))


def generate_one(spec: str, out: str, package: str, ref_root: str) -> Outcome:
    """Run the CLI in-process; classify what it did. `ref_root` is the spec's own test case (a
    top-level folder, whose sub-folders refer to each other), as a user would widen it."""
    from generator.cli import main

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["generate", spec, "--out", out, "--package", package, "--ref-root", ref_root])
    except BaseException:  # noqa: BLE001 - a traceback is exactly what this script hunts for
        return Outcome(spec, "failure", "exception escaped main():\n" + traceback.format_exc())
    lines = err.getvalue().strip().splitlines()
    if code == 0:
        return Outcome(spec, "generated")
    if code == 2 and len(lines) == 1 and ERROR_LINE.match(lines[0]) and "internal error" not in lines[0]:
        if os.path.exists(out):
            return Outcome(spec, "failure", "error reported but files were written: " + lines[0])
        return Outcome(spec, "error", lines[0])
    return Outcome(spec, "failure", f"exit {code}: " + "\n".join(lines))


def compile_tree(folder: str) -> str:
    """'' when every .py file under `folder` compiles, else the first problem."""
    for base, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(base, name)
                with open(path, encoding="utf-8") as handle:
                    source = handle.read()
                try:
                    compile(source, path, "exec")
                except (SyntaxError, ValueError) as exc:
                    return f"{path}: does not compile: {exc}"
    return ""


_IMPORTER = """
import importlib, json, sys, traceback
results = {}
for folder, package in json.load(sys.stdin):
    sys.path.insert(0, folder)
    try:
        importlib.import_module(package)
        results[package] = ""
    except BaseException:
        results[package] = traceback.format_exc(limit=3)
    finally:
        sys.path.remove(folder)
print(json.dumps(results))
"""


def import_all(jobs: list[tuple[str, str]]) -> dict[str, str]:
    """Import each (folder, package) in one fresh interpreter; {package: '' or traceback}."""
    if not jobs:
        return {}
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTER],
        check=False,
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        return {package: "importer crashed: " + done.stderr[-2000:] for _, package in jobs}
    return json.loads(done.stdout)


def run(corpus: str = DEFAULT_CORPUS, work: str | None = None) -> Report:
    """Generate, compile and import every entry of `corpus`; nothing is written outside `work`."""
    sys.path.insert(0, ROOT)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="peer-corpus-") as scratch:
        work = work or scratch
        to_import: list[tuple[str, str]] = []
        by_package: dict[str, Outcome] = {}
        for index, spec in enumerate(entries(corpus)):
            out = os.path.join(work, f"out{index}")
            package = f"peer_pkg_{index}"
            case = os.path.relpath(spec, corpus).split(os.sep)[0]
            outcome = generate_one(
                spec, out, package, os.path.join(corpus, case) if case != os.path.basename(spec) else corpus
            )
            if outcome.kind == "generated":
                problem = compile_tree(out)
                if problem:
                    outcome = Outcome(spec, "failure", problem)
                else:
                    to_import.append((out, package))
                    by_package[package] = outcome
            report.outcomes.append(outcome)
        for package, problem in import_all(to_import).items():
            if problem:
                outcome = by_package[package]
                outcome.kind, outcome.detail = "failure", "does not import:\n" + problem
    return report


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    corpus = args[0] if args else DEFAULT_CORPUS
    if not os.path.isdir(corpus):
        print(f"{corpus} is absent", file=sys.stderr)
        return 2
    report = run(corpus)
    for outcome in report.outcomes:
        name = os.path.relpath(outcome.spec, corpus)
        if outcome.kind == "failure":
            print(f"FAIL {name}\n    " + outcome.detail.replace("\n", "\n    "))
        elif verbose:
            print(f"{outcome.kind:9} {name} {outcome.detail}")
    print(report.summary())
    return 1 if report.count("failure") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
