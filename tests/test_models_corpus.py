"""Packages generated from the corpus and the real-world specs import, and every model completes
(in every module: `models`, `errors`, and plexpy's `models.components`/`operations`...).

The default run takes the smaller corpus entries and OpenAI; `MODELGEN_LONG=1` takes all
of them and adds `mypy --strict` and ruff (see `models_support.RUFF_ARGS` for the rules).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import shared_path
from models_support import RUFF_ARGS, generate, tool

LONG = os.environ.get("MODELGEN_LONG") == "1"
SMALL = ["que", "sunsynk", "cribl-mgmt", "emissary", "agentset", "bolt"]
LARGE = ["mammoth", "plexpy", "squadcast", "cribl-cp", "orq-2024-11", "orq-2025-08"]
REALWORLD = {
    "openai": "openai.yaml",
    "stripe": "stripe.yaml",
    "digitalocean": "digitalocean/DigitalOcean-public.v2.yaml",
}
CASES = SMALL + ["openai"] + ((LARGE + ["stripe", "digitalocean"]) if LONG else [])

CHECK = """
import importlib, inspect, pkgutil, sys, warnings
warnings.simplefilter("error")
sys.path.insert(0, sys.argv[1])
import pydantic
import pkg
count = 0
for info in pkgutil.walk_packages(pkg.__path__, "pkg."):
    module = importlib.import_module(info.name)
    for name, obj in sorted(vars(module).items()):
        if inspect.isclass(obj) and issubclass(obj, pydantic.BaseModel) and obj.__module__ == module.__name__:
            obj.model_rebuild(force=True, raise_errors=True)
            count += 1
print(count)
"""


def _spec(case: str) -> tuple[str, str | None]:
    if case in REALWORLD:
        return shared_path("specs", "realworld", REALWORLD[case]), None
    folder = shared_path("corpus", case)
    return os.path.join(folder, "openapi.yaml"), folder


@pytest.mark.parametrize("case", CASES)
def test_package_imports_and_every_model_completes(case, tmp_path):
    spec, folder = _spec(case)
    generate(spec, str(tmp_path), "pkg", folder)
    done = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 0
    if LONG:
        ruff = tool("ruff", "check", *RUFF_ARGS, "pkg", cwd=str(tmp_path))
        assert ruff.returncode == 0, ruff.stdout[-2000:]
        mypy = tool("mypy", "--strict", "--no-incremental", "pkg", cwd=str(tmp_path))
        assert mypy.returncode == 0, mypy.stdout[-2000:]


@pytest.mark.skipif(LONG, reason="the long run imports it above")
def test_multi_file_spec_generates_a_package_that_compiles(tmp_path):
    # DigitalOcean's $refs are relative to the file they sit in, several files deep (cheap: no import)
    spec, _ = _spec("digitalocean")
    generate(spec, str(tmp_path), "pkg")
    paths = sorted((tmp_path / "pkg").rglob("*.py"))
    assert tmp_path / "pkg" / "errors" / "__init__.py" in paths and len(paths) > 100  # a module per schema, operation
    for path in paths:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
