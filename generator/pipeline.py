"""The pipeline in one place: load -> validate -> parse (IR) -> shape -> naming -> render -> write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .casing import go_initialisms
from .config import Options
from .errors import SpecError
from .ir import Spec
from .journal import safe_relative
from .load import Registry
from .naming import assign_names
from .parallel import Background
from .parse import build_ir
from .parse.rules import ParseRules
from .profile import Profile
from .render import environment, render_docs, render_package
from .render.model_rules import ModelRules
from .shape import order_fields, shape_ir
from .validate import check_structure, run_validator
from .write import Plan, apply, locked, plan, real_output

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@contextmanager
def _located(spec_path: str) -> Iterator[None]:
    """Errors from any stage get their line and column; runaway recursion becomes a SpecError."""
    try:
        yield
    except SpecError as error:
        raise Registry(spec_path).locate(error) from None  # locating re-reads the error's own file
    except RecursionError:
        raise SpecError("schema nesting is too deep to process", file=spec_path) from None


def build_named(spec_path: str, options: Options, full_validation: bool = False, progress: Progress = _quiet) -> Spec:
    """Load, check, build the IR, validate (on request) and name it (what `modelgen diff` needs: no rendering)."""
    with _located(spec_path):
        registry = Registry.open(spec_path, options.ref_root)
        progress("checking the spec")
        check_structure(registry)
        progress("building models")
        profile = Profile.from_options(options)
        with go_initialisms(profile.python_docs):  # TypeScript names keep their words as written
            spec = build_ir(registry, ParseRules.from_profile(profile))
            if full_validation:  # after the IR: every file the spec refers to is read, and keys the validator's cache
                progress("validating the spec")
                run_validator(registry)
            shape_ir(spec, profile)
            assign_names(spec, profile)  # what is left out of the SDK still takes its names (`Uses.unwritten`)
            spec.decls = [d for d in spec.decls if not d.uses.unwritten]
            order_fields(spec, profile)
        spec.sources = dict(registry.digests)
        spec.warnings = [str(warning) for warning in registry.warnings]
    return spec


def build(
    spec_path: str, options: Options, full_validation: bool = False, progress: Progress = _quiet
) -> tuple[Spec, dict[str, str]]:
    """Everything up to the rendered files, in memory; raises SpecError for bad input."""
    spec = build_named(spec_path, options, full_validation, progress)
    profile = Profile.from_options(options)
    progress(f"rendering {len(spec.decls)} models")
    environment()  # loaded once, before the docs job forks, for both renderers
    with _located(spec_path), Background(lambda: render_docs(spec, profile)) as docs:
        package = {}
        if profile.flavour == "python":
            package = render_package(spec, profile.package, ModelRules.from_profile(profile))
        files = docs.result()
        files.update(package)
    return spec, {path: text for path, text in files.items() if path not in profile.deleted_files}


def update(
    out_dir: str, files: dict[str, str], check: bool = False, progress: Progress = _quiet
) -> tuple[Plan, dict[str, bytes]]:
    """Bring `out_dir` up to date with rendered `files` under a lock, or with `check` only compare."""
    progress(f"comparing {len(files)} files")
    out_dir = real_output(out_dir)
    for rel in files:  # refuse a bad output path before anything (even the lock) touches the disk
        safe_relative(rel)
    try:
        if check:
            result, encoded = plan(out_dir, files, recover_first=False)
        else:
            with locked(out_dir):
                result, encoded = plan(out_dir, files)
                if result.dirty:
                    apply(out_dir, result, encoded, progress)
    except OSError as exc:  # a read-only or full disk, an immutable file...: the path and the cause
        path = exc.filename if isinstance(exc.filename, str) else out_dir
        raise SpecError(f"cannot update the output: {exc.strerror or exc}", file=path) from None
    return result, encoded
