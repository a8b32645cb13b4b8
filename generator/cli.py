"""Command line: `modelgen generate [SPEC --out DIR] [options]` and `modelgen diff OLD NEW`.

Exit codes: 0 done (or up to date with --check, or no breaking change with
--fail-on-breaking), 1 --check found stale files (or diff found breaking changes with
--fail-on-breaking), 2 bad input (one line: FILE:LINE:COL: POINTER: message, and nothing
written).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any

from . import __version__, cache
from .bookkeeping import MANIFEST
from .errors import SpecError
from .jobs import check_package, pyproject_jobs, speakeasy_files

if TYPE_CHECKING:
    from .config import Options

# Modules an up-to-date run never needs (the spec loader, Jinja, dataclasses...) are imported
# where they are first used: that run is a digest and a stat per file, and startup dominates it.


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modelgen", description="OpenAPI -> pydantic models + Speakeasy-style Markdown docs"
    )
    parser.add_argument("--version", action="version", version=f"modelgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate models and docs")
    gen.add_argument("spec", nargs="?", help="OpenAPI document (YAML or JSON); omit to run the jobs in pyproject.toml")
    gen.add_argument("--out", help="output folder (required with SPEC unless a pyproject job has that spec)")
    gen.add_argument("--speakeasy-dir", help="folder with Speakeasy's gen.yaml (and gen.lock) whose options to honour")
    gen.add_argument("--flavour", choices=("python", "typescript"), help="docs flavour (default python)")
    gen.add_argument("--package", help="name of the generated Python package folder")
    gen.add_argument("--sdk-package", help="the SDK's import name, used in TypeScript example usage")
    gen.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any file would be added, changed or removed"
    )
    gen.add_argument("--diff", action="store_true", help="with --check, also print a unified diff")
    gen.add_argument("--validate", action="store_true", help="also run openapi-spec-validator (slow on big specs)")
    gen.add_argument(
        "--ref-root", help="folder $refs may read files under (default: the spec's git repository, else its folder)"
    )
    gen.add_argument("--pyproject", default="pyproject.toml", help="where to read [tool.modelgen] jobs")
    diff = commands.add_parser("diff", help="Markdown report of what changed for SDK users between two spec versions")
    diff.add_argument("specs", nargs="+", metavar="SPEC", help="OLD_SPEC NEW_SPEC, or just SPEC with --against")
    diff.add_argument("--against", metavar="GIT_REV", help="compare SPEC with its committed version at GIT_REV")
    diff.add_argument(
        "--speakeasy-dir", help="gen.yaml folder for the new spec (and the old one unless --old-speakeasy-dir)"
    )
    diff.add_argument("--old-speakeasy-dir", help="gen.yaml folder for the old spec")
    diff.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when any change is breaking")
    diff.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    return parser


# -- generate ---------------------------------------------------------------------------


def _jobs(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Jobs to run: SPEC --out from the command line, else pyproject jobs (CLI flags override them)."""
    if args.spec and args.out:
        return [{"spec": args.spec, "out": args.out}]
    if args.spec and not os.path.exists(args.pyproject):
        raise UsageError(f"--out is required with SPEC (there is no {args.pyproject} here to take it from)")
    jobs = pyproject_jobs(args.pyproject)
    base = os.path.dirname(os.path.abspath(args.pyproject))
    jobs = [
        {k: (os.path.join(base, v) if k in ("spec", "out", "speakeasy-dir", "ref-root") else v) for k, v in job.items()}
        for job in jobs
    ]
    if args.spec:
        jobs = [job for job in jobs if os.path.realpath(job["spec"]) == os.path.realpath(args.spec)]
        if not jobs:
            raise SpecError(
                f"--out is required: no [tool.modelgen] job in {args.pyproject} has this spec", file=args.spec
            )
    if args.out:
        if len(jobs) > 1:
            raise SpecError(
                f"--out applies to one job, and {args.pyproject} has {len(jobs)}: pass SPEC too", file=args.pyproject
            )
        jobs[0]["out"] = args.out
    return jobs


def _settings(job: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """A job's settings, command-line flags first; with the files they name, all that shapes the output."""
    speakeasy_dir = args.speakeasy_dir or job.get("speakeasy-dir") or ""
    return {
        "spec": os.path.abspath(job["spec"]),  # another spec, another run
        "speakeasy": [path for path in speakeasy_files(speakeasy_dir) if path] if speakeasy_dir else [],
        "speakeasy-dir": speakeasy_dir,
        "flavour": args.flavour or job.get("flavour") or "",
        "package": args.package or job.get("package") or "",
        "sdk-package": args.sdk_package or job.get("sdk-package") or "",
        "validate": bool(args.validate or job.get("validate", False)),
        "ref-root": os.path.abspath(args.ref_root or job["ref-root"]) if args.ref_root or job.get("ref-root") else "",
    }


def _options(settings: dict[str, Any]) -> Options:
    from .config import Options, speakeasy_options

    options = Options()
    if settings["speakeasy-dir"]:
        speakeasy_options(settings["speakeasy-dir"], options)
    options.flavour = settings["flavour"] or options.flavour
    options.package = settings["package"] or options.package
    options.sdk_package = settings["sdk-package"] or options.sdk_package
    options.ref_root = settings["ref-root"]
    return options


def _show_diff(out_dir: str, paths: list[str], encoded: dict[str, bytes]) -> None:
    from difflib import unified_diff

    for rel in paths:
        try:
            with open(os.path.join(out_dir, rel), "rb") as handle:
                old = handle.read().decode("utf-8", errors="replace").splitlines(keepends=True)
        except OSError:
            old = []
        new = encoded[rel].decode("utf-8").splitlines(keepends=True) if rel in encoded else []
        before = f"a/{rel}" if old or rel not in encoded else "/dev/null"
        after = f"b/{rel}" if rel in encoded else "/dev/null"
        for line in unified_diff(old, new, before, after):
            sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def _shown(path: str) -> str:
    """`path` relative to the current folder when inside it: shorter CI logs."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


class UsageError(Exception):
    """Options that do not go together: `error: message`, exit 2, before anything is read."""


def _generate(args: argparse.Namespace) -> int:
    """Build every job first, so a bad spec in any job writes nothing at all; then update each."""
    if args.diff and not args.check:
        raise UsageError("--diff needs --check (it shows what --check finds; a run that writes shows no diff)")
    if args.package is not None:
        try:
            check_package(args.package)
        except SpecError as error:
            raise UsageError(f"--package: {error.message}") from None
    jobs = _jobs(args)
    built = []
    for number, job in enumerate(jobs, 1):
        started = time.perf_counter()
        label = f"modelgen [{number}/{len(jobs)}] {job['spec']}: " if len(jobs) > 1 else f"modelgen {job['spec']}: "
        settings = _settings(job, args)
        key = json.dumps(settings, sort_keys=True)  # gen.yaml and gen.lock count as inputs, by their bytes
        fresh = cache.fresh_models(job["out"], key)
        if fresh is not None:  # same inputs, settings and generator; outputs untouched: nothing to do
            print(
                f"modelgen: {_shown(job['out'])}: {fresh} models; up to date; {time.perf_counter() - started:.2f}s",
                file=sys.stderr,
            )
            continue
        from .pipeline import build
        from .progress import Progress

        progress = Progress(prefix=label)
        options = _options(settings)
        try:
            spec, files = build(job["spec"], options, settings["validate"], progress)
        finally:
            progress.done()
        for warning in spec.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        inputs = {**options.sources, **spec.sources}  # as read for this run: what the shortcut digests
        built.append((job, spec, files, label, time.perf_counter() - started, key, inputs))
    stale = False
    if built:
        from .pipeline import update
        from .progress import Progress
    for job, spec, files, label, took, key, inputs in built:
        started = time.perf_counter()
        progress = Progress(prefix=label)
        try:
            p, encoded = update(job["out"], files, args.check, progress)
        except SpecError as error:  # an output path the spec's names produced: name the spec
            error.file = error.file or job["spec"]
            raise
        finally:
            progress.done()
        took += time.perf_counter() - started
        out = _shown(job["out"])
        for rel in p.kept:
            print(
                f"modelgen: kept {os.path.join(out, rel)}: its schema is gone but it was edited since", file=sys.stderr
            )
        if args.check:
            if p.interrupted:
                print(f"interrupted run: {out} is half-updated; `modelgen generate` finishes it")
            for verb, paths in (("added", p.added), ("changed", p.changed), ("removed", p.removed)):
                for rel in paths:
                    print(f"would be {verb}: {os.path.join(out, rel)}")
            if p.manifest_stale and not (p.added or p.changed or p.removed):
                print(f"would be changed: {os.path.join(out, MANIFEST)}")
            if args.diff:
                _show_diff(job["out"], sorted(p.added + p.changed + p.removed), encoded)
            stale = stale or p.dirty
            counts = (
                f"{len(p.added) + len(p.changed)} to write, {len(p.unchanged)} unchanged, {len(p.removed)} to remove"
            )
        else:
            counts = f"{len(p.added) + len(p.changed)} written, {len(p.unchanged)} unchanged, {len(p.removed)} removed"
            cache.record(job["out"], inputs, key, p.digests, len(spec.decls))
        print(f"modelgen: {out}: {len(spec.decls)} models; files {counts}; {took:.2f}s", file=sys.stderr)
    return 1 if stale else 0


# -- diff -------------------------------------------------------------------------------


def _diff(args: argparse.Namespace) -> int:
    import tempfile

    from .config import Options, speakeasy_options
    from .diff import checkout_spec, diff_specs
    from .diff_report import render

    new_options, old_options = Options(), Options()
    if args.speakeasy_dir:
        speakeasy_options(args.speakeasy_dir, new_options)
    if args.old_speakeasy_dir or args.speakeasy_dir:
        speakeasy_options(args.old_speakeasy_dir or args.speakeasy_dir, old_options)
    with tempfile.TemporaryDirectory(prefix="modelgen-diff-") as scratch:
        if args.against:
            if len(args.specs) != 1:
                raise SpecError("with --against, give exactly one SPEC (the working-tree version)")
            new_path = args.specs[0]
            old_path = checkout_spec(args.against, new_path, scratch)
            labels = (f"{args.against}:{new_path}", new_path)
        else:
            if len(args.specs) != 2:
                raise SpecError("give OLD_SPEC and NEW_SPEC (or one SPEC with --against GIT_REV)")
            old_path, new_path = args.specs
            labels = (old_path, new_path)
        report = diff_specs(old_path, new_path, old_options, new_options, labels)
    text = render(report)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    print(f"modelgen diff: {report.breaking} breaking change(s)", file=sys.stderr)
    return 1 if args.fail_on_breaking and report.breaking else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The cyclic collector would rescan the growing IR (millions of objects, every one kept to the
    # end) again and again: 10% of a run. Nothing it could free is made, so it rests until we return.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _diff(args) if args.command == "diff" else _generate(args)
    except SpecError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: one line, no traceback (MODELGEN_DEBUG=1 shows it)
        if os.environ.get("MODELGEN_DEBUG"):
            raise
        where = getattr(args, "spec", None) or (args.specs[-1] if getattr(args, "specs", None) else args.pyproject)
        internal = SpecError(
            f"internal error ({type(exc).__name__}: {exc}); please report it with the spec", file=where
        )
        print(f"error: {internal}", file=sys.stderr)
        return 2
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
