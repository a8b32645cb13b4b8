"""Helpers for the generated-models tests: generate a package in-process and import it fresh."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from types import ModuleType
from typing import Any

import yaml

from generator.config import Options, speakeasy_options
from generator.ir import Decl, Spec
from generator.pipeline import build
from generator.render.python import is_namespaced, module_of
from generator.render.pytypes import py_name

# The ruff rules the generated package is held to: pyflakes, pycodestyle (black owns line
# length, so E501 is off), isort and bugbear. The style rules ruff adds by default (pyupgrade's
# `list[...]`/`X | None`) are left out: the models keep typing's spelling, as Speakeasy's do.
RUFF_ARGS = ["--isolated", "--select", "E,F,W,I,B", "--ignore", "E501"]
BIN = os.path.dirname(sys.executable)


def generate(spec: str, out: str, package: str, speakeasy_dir: str | None = None) -> None:
    from generator.cli import main

    args = ["generate", spec, "--out", out, "--package", package]
    if speakeasy_dir:
        args += ["--speakeasy-dir", speakeasy_dir]
    assert main(args) == 0


def load(out: str, package: str) -> ModuleType:
    """Import `package` from `out` (dropping any earlier import of the same name)."""
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]
    sys.path.insert(0, out)
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(out)


def generated(
    root: Any, spec: dict, package: str, gen: dict | None = None, version: str = ""
) -> tuple[ModuleType, str]:
    """Write `spec` as `root`/openapi.json, generate `package` under `root`/out and import it. With `gen`,
    `root` is a Speakeasy folder: `gen` its gen.yaml, `version` (if any) the gen.lock's speakeasyVersion."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    if gen is not None:
        (root / "gen.yaml").write_text(yaml.safe_dump(gen), encoding="utf-8")
    if version:
        (root / "gen.lock").write_text(yaml.safe_dump({"management": {"speakeasyVersion": version}}), "utf-8")
    out = str(root / "out")
    generate(str(path), out, package, str(root) if gen is not None else None)
    return load(out, package), out


def dump(model: Any) -> object:
    """A model as its wire JSON, fields that were never set left out."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)


def tool(name: str, *args: str, cwd: str) -> subprocess.CompletedProcess:
    """Run a dev tool from `cwd` (outside the repo, so its pyproject settings do not apply)."""
    return subprocess.run([os.path.join(BIN, name), *args], capture_output=True, text=True, cwd=cwd, check=False)


def assert_clean_for_tools(package: str, out: str) -> None:
    """black leaves `package` as it is, and ruff and `mypy --strict` find nothing in it."""
    assert tool("black", "--check", "-q", package, cwd=out).returncode == 0
    ruff = tool("ruff", "check", *RUFF_ARGS, package, cwd=out)
    assert ruff.returncode == 0, ruff.stdout
    mypy = tool("mypy", "--strict", "--no-incremental", package, cwd=out)
    assert mypy.returncode == 0, mypy.stdout


def build_ir(spec: str, speakeasy_dir: str | None = None) -> Spec:
    """The IR `generate` renders for the same arguments (gen.yaml options included)."""
    options = Options(package="pkg")
    if speakeasy_dir:
        options = speakeasy_options(speakeasy_dir, options)
        options.package = "pkg"
    return build(spec, options)[0]


def class_of(package: ModuleType, decl: Decl, ir: Spec) -> Any:
    """The generated class (or alias) of `decl`, in whichever module holds it (None if absent)."""
    module: Any = package
    for part in module_of(decl, is_namespaced(ir.decls)).split("."):
        module = getattr(module, part, None)
    found = getattr(module, py_name(decl), None)
    return found if found is not None else getattr(package.models, py_name(decl), None)  # errors beside models
