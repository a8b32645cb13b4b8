"""Rough edges a new user meets first: options that do not go together, bad package names,
`--version`, a SPEC without `--out` outside a project, and how the package installs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator import __version__

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object}\n"


@pytest.fixture
def spec(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return str(path)


def one_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "internal error" not in err
    return lines[0]


def test_version(run_cli, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_cli("--version")
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"modelgen {__version__}"


def test_diff_without_check_is_refused_and_writes_nothing(tmp_path, run_cli, spec):
    code, _, err = run_cli("generate", spec, "--out", str(tmp_path / "out"), "--diff")
    assert code == 2
    assert "--diff needs --check" in one_error(err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("package", ["x y", "class", "a/b", "", "1abc", "../escaped", "naïve", "None"])
def test_package_must_be_a_python_identifier(tmp_path, run_cli, spec, package):
    code, _, err = run_cli("generate", spec, "--out", str(tmp_path / "out"), "--package", package)
    assert code == 2
    assert f"--package: package {package!r} is not a Python identifier" in one_error(err)
    assert not (tmp_path / "out").exists()


def test_a_pyproject_package_must_be_an_identifier_too(tmp_path, run_cli, spec):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f'[tool.modelgen]\nspec = "{spec}"\nout = "out"\npackage = "my-models"\n')
    code, _, err = run_cli("generate", "--pyproject", str(pyproject))
    assert code == 2
    assert one_error(err).startswith(f"error: {pyproject}:1:1: #/tool/modelgen/package: package 'my-models'")


def test_a_valid_package_name_is_used(tmp_path, run_cli, spec):
    assert run_cli("generate", spec, "--out", str(tmp_path / "out"), "--package", "pets_v2")[0] == 0
    assert (tmp_path / "out" / "pets_v2" / "__init__.py").is_file()


def test_spec_without_out_outside_a_project_asks_for_out(tmp_path, run_cli, spec, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("generate", spec)
    assert code == 2
    assert "--out is required with SPEC" in one_error(err)


def test_no_spec_outside_a_project_says_so(tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("generate")
    assert code == 2 and "no SPEC given and no pyproject.toml here" in one_error(err)


def test_the_license_is_an_spdx_string():
    """setuptools >= 77 warns at every install about `license = {text = ...}` tables (PEP 639)."""
    if sys.version_info < (3, 11):
        pytest.skip("tomllib is Python 3.11+")
    import tomllib

    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as handle:
        project = tomllib.load(handle)
    assert isinstance(project["project"]["license"], str)
    assert any(r.startswith("setuptools>=77") for r in project["build-system"]["requires"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_where_the_last_runs_spec_was_is_an_error_not_a_hang(tmp_path, spec):
    """The no-change check hashes the last run's documents: a FIFO there must not block it."""
    out = str(tmp_path / "out")
    command = [sys.executable, "-m", "generator", "generate", spec, "--out", out]
    assert subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120).returncode == 0
    os.remove(spec)
    os.mkfifo(spec)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "not a regular file" in done.stderr


def test_a_gen_yaml_package_name_that_is_no_identifier_is_an_error(tmp_path, run_cli, spec):
    """gen.yaml's packageName names the package folder: `../x` must not point the output elsewhere."""
    sdk = tmp_path / "sdk"
    sdk.mkdir()
    (sdk / "gen.yaml").write_text("configVersion: 2.0.0\npython:\n  version: 1.0.0\n  packageName: ../escape\n")
    out = tmp_path / "out"
    code, _, err = run_cli("generate", spec, "--out", str(out), "--speakeasy-dir", str(sdk))
    assert code == 2
    line = one_error(err)
    assert "gen.yaml:4:" in line and "#/python/packageName" in line and "not a Python identifier" in line
    assert not out.exists() and not (tmp_path / "escape").exists()
    (sdk / "gen.yaml").write_text("python:\n  packageName: my-sdk\n")  # a distribution name: `-` reads as `_`
    assert run_cli("generate", spec, "--out", str(out), "--speakeasy-dir", str(sdk))[0] == 0
    assert (out / "my_sdk").is_dir()


@pytest.mark.parametrize("key", ["spec", "out", "ref-root", "speakeasy-dir"])
def test_a_pyproject_path_holding_nul_is_named_not_an_internal_error(tmp_path, run_cli, spec, key):
    job = {"spec": spec, "out": "out", key: "x\\u0000y"}
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.modelgen]\n" + "".join(f'{k} = "{v}"\n' for k, v in job.items()))
    code, _, err = run_cli("generate", "--pyproject", str(pyproject))
    assert code == 2
    assert (
        one_error(err) == f"error: {pyproject}:1:1: #/tool/modelgen/{key}: {key!r} is a path and holds a NUL character"
    )


@pytest.mark.parametrize(
    "text, where",
    [
        (b'[tool.modelgen]\nspec = "s.yaml"\nout = "\xff"\n', "3:8: #: invalid UTF-8 (byte 0xff)"),
        (b'[tool.modelgen]\nspec = "s.yaml"\nout = o\n', "3:7: #: invalid TOML: Invalid value"),
    ],
)
def test_a_broken_pyproject_is_reported_where_it_breaks(tmp_path, run_cli, text, where):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_bytes(text)
    code, _, err = run_cli("generate", "--pyproject", str(pyproject))
    assert code == 2
    assert one_error(err) == f"error: {pyproject}:{where}"
