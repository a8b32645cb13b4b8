"""Command line: `modelgen generate [SPEC --out DIR] [options]`.

Exit codes: 0 done (or up to date with --check), 1 --check found stale files,
2 bad input (one line: FILE:LINE:COL: POINTER: message, and nothing written).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time

from .config import Options, pyproject_jobs, speakeasy_options
from .errors import SpecError
from .pipeline import generate


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modelgen", description="OpenAPI -> pydantic models + Speakeasy-style Markdown docs")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate models and docs")
    gen.add_argument("spec", nargs="?", help="OpenAPI document (YAML or JSON); omit to run the jobs in pyproject.toml")
    gen.add_argument("--out", help="output folder")
    gen.add_argument("--speakeasy-dir", help="folder with Speakeasy's gen.yaml (and gen.lock) whose options to honour")
    gen.add_argument("--flavour", choices=("python", "typescript"), help="docs flavour (default python)")
    gen.add_argument("--package", help="name of the generated Python package folder")
    gen.add_argument("--sdk-package", help="the SDK's import name, used in TypeScript example usage")
    gen.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    gen.add_argument("--diff", action="store_true", help="with --check, print a unified diff")
    gen.add_argument("--validate", action="store_true", help="also run openapi-spec-validator (slow on big specs)")
    gen.add_argument("--pyproject", default="pyproject.toml", help="where to read [tool.modelgen] jobs")
    return parser


def _jobs(args: argparse.Namespace) -> list[dict[str, str]]:
    if args.spec:
        if not args.out:
            raise SpecError("--out is required when SPEC is given")
        return [{"spec": args.spec, "out": args.out}]
    jobs = pyproject_jobs(args.pyproject)
    base = os.path.dirname(os.path.abspath(args.pyproject))
    return [{k: (os.path.join(base, v) if k in ("spec", "out", "speakeasy-dir") else v) for k, v in job.items()} for job in jobs]


def _options(job: dict[str, str], args: argparse.Namespace) -> Options:
    options = Options()
    speakeasy_dir = args.speakeasy_dir or job.get("speakeasy-dir")
    if speakeasy_dir:
        speakeasy_options(speakeasy_dir, options)
    options.flavour = args.flavour or job.get("flavour") or options.flavour
    options.package = args.package or job.get("package") or options.package
    options.sdk_package = args.sdk_package or job.get("sdk-package") or options.sdk_package
    return options


def _show_diff(out_dir: str, paths: list[str], files: dict[str, str]) -> None:
    for rel in paths:
        try:
            with open(os.path.join(out_dir, rel), encoding="utf-8") as handle:
                old = handle.read().splitlines(keepends=True)
        except OSError:
            old = []
        new = files.get(rel, "").splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{rel}", f"b/{rel}"))


def _generate(args: argparse.Namespace) -> int:
    stale = False
    for job in _jobs(args):
        started = time.perf_counter()
        options = _options(job, args)
        result = generate(job["spec"], job["out"], options, check=args.check, full_validation=args.validate)
        took = time.perf_counter() - started
        p = result.plan
        if args.check:
            for label, paths in (("added", p.added), ("changed", p.changed), ("removed", p.removed)):
                for rel in paths:
                    print(f"would be {label}: {os.path.join(job['out'], rel)}")
            if args.diff and p.dirty:
                from .pipeline import build

                _show_diff(job["out"], p.added + p.changed + p.removed, build(job["spec"], options)[1])
            stale = stale or p.dirty
        verb = "would write" if args.check else "written"
        print(
            f"modelgen: {job['spec']}: {len(result.spec.decls)} models; files {verb} {len(p.added) + len(p.changed)},"
            f" unchanged {len(p.unchanged)}, removed {len(p.removed)}; {took:.2f}s",
            file=sys.stderr,
        )
    return 1 if stale else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _generate(args)
    except SpecError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug of ours: one line, no traceback (MODELGEN_DEBUG=1 shows it)
        if os.environ.get("MODELGEN_DEBUG"):
            raise
        where = args.spec or args.pyproject
        error = SpecError(f"internal error ({type(exc).__name__}: {exc}); please report it with the spec", file=where)
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
