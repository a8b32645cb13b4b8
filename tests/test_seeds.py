"""The five seed documents come out of the committed specs byte for byte."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT, SHARED, shared_path

SEEDS = (
    sorted(f for f in os.listdir(os.path.join(SHARED, "seeds")) if f.endswith(".txt"))
    if os.path.isdir(os.path.join(SHARED, "seeds"))
    else []
)


def _outputs(folder: str) -> dict[bytes, str]:
    found: dict[bytes, str] = {}
    for base, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(base, name)
                with open(path, "rb") as handle:
                    found.setdefault(handle.read(), path)
    return found


@pytest.fixture(scope="module")
def fresh_output(tmp_path_factory):
    """Generate every pyproject job into a temporary folder (not the committed one)."""
    from generator.cli import main

    out = tmp_path_factory.mktemp("seeds")
    pyproject = out / "pyproject.toml"
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace('spec = "specs/', f'spec = "{ROOT}/specs/').replace('out = "generated/', 'out = "generated/')
    pyproject.write_text(text, encoding="utf-8")
    assert main(["generate", "--pyproject", str(pyproject)]) == 0
    return str(out / "generated")


@pytest.mark.parametrize("seed", SEEDS or ["<none>"])
def test_seed_reproduced_by_fresh_generation(seed, fresh_output):
    path = shared_path("seeds", seed)
    with open(path, "rb") as handle:
        wanted = handle.read()
    assert wanted in _outputs(fresh_output), f"{seed} is not reproduced byte for byte"


@pytest.mark.parametrize("seed", SEEDS or ["<none>"])
def test_seed_present_in_committed_generated(seed):
    path = shared_path("seeds", seed)
    with open(path, "rb") as handle:
        wanted = handle.read()
    assert wanted in _outputs(os.path.join(ROOT, "generated")), f"{seed} is missing from generated/"
