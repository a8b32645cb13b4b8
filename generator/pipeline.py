"""The pipeline in one place: load -> validate -> ir -> naming -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass

from .config import Options
from .errors import SpecError
from .ir import Spec
from .load import Registry
from .naming import assign_names
from .parse import build_ir
from .render import render_docs, render_package
from .validate import check_structure, run_validator
from .write import Plan, apply, plan


@dataclass
class Result:
    spec: Spec
    plan: Plan


def build_named(spec_path: str, options: Options, full_validation: bool = False) -> tuple[Registry, Spec]:
    """Load, validate, build the IR and name it (what `modelgen diff` needs: no rendering)."""
    registry = Registry(spec_path)
    try:
        registry = Registry.open(spec_path)
        check_structure(registry)
        if full_validation:
            run_validator(registry)
        spec = build_ir(registry)
        assign_names(spec, options)
    except SpecError as error:
        raise registry.locate(error) from None
    except RecursionError:
        raise SpecError("schema nesting is too deep to process", file=spec_path) from None
    return registry, spec


def build(spec_path: str, options: Options, full_validation: bool = False) -> tuple[Spec, dict[str, str]]:
    """Everything up to the rendered files, in memory; raises SpecError for bad input."""
    registry, spec = build_named(spec_path, options, full_validation)
    try:
        files = render_docs(spec, options.flavour, options.sdk_package, options)
        if options.flavour == "python":
            files.update(render_package(spec, options.package))
    except SpecError as error:
        raise registry.locate(error) from None
    except RecursionError:
        raise SpecError("schema nesting is too deep to process", file=spec_path) from None
    return spec, files


def generate(spec_path: str, out_dir: str, options: Options, check: bool = False, full_validation: bool = False) -> Result:
    spec, files = build(spec_path, options, full_validation)
    try:
        result, encoded = plan(out_dir, files)
    except SpecError as error:  # an output path the spec's names produced: name the spec
        error.file = error.file or spec_path
        raise
    if not check and result.dirty:
        apply(out_dir, result, encoded)
    return Result(spec, result)
