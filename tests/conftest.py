"""Shared fixtures: paths to the repo, ../shared, and a helper to run the CLI in-process."""

from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, ROOT)


@pytest.fixture(autouse=True, scope="session")
def _private_run_cache(tmp_path_factory):
    """Keep the no-change stamps of test runs out of the user's cache folder."""
    os.environ["MODELGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("modelgen-cache"))


def shared_path(*parts: str) -> str:
    """A path under ../shared, skipping the test (with the reason) where it is absent."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture
def run_cli(capsys):
    """Run `modelgen ARGS...` in-process; return (exit code, stdout, stderr)."""
    from generator.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
