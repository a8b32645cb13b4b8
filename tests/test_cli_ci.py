"""CI usage: --check/--diff output, [tool.modelgen] jobs and overrides, the pre-commit hooks,
and the progress line (a terminal only, never in CI or a pipe) with its one-line summary."""

from __future__ import annotations

import os
import pty
import shlex
import subprocess
import sys

import pytest
import yaml
from test_write import spec_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (the current directory) with two specs and a pyproject.toml writer."""
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "pets.yaml").write_text(spec_text(["Pet", "Toy"]))
    (tmp_path / "api" / "shop.yaml").write_text(spec_text(["Order"]))
    monkeypatch.chdir(tmp_path)

    def configure(toml: str):
        (tmp_path / "pyproject.toml").write_text(toml)
        return tmp_path

    return configure


TWO_JOBS = """
[tool.modelgen]
package = "shared_pkg"

[[tool.modelgen.jobs]]
spec = "api/pets.yaml"
out = "gen/pets"

[[tool.modelgen.jobs]]
spec = "api/shop.yaml"
out = "gen/shop"
flavour = "typescript"
"""


def test_check_diff_shows_added_changed_and_removed_files(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(spec_text(["Pet", "Toy"]))
    out = str(tmp_path / "out")
    assert run_cli("generate", str(spec), "--out", out)[0] == 0
    spec.write_text(spec_text(["Pet", "Bowl"], extra="\n        colour: {type: string}"))
    code, stdout, err = run_cli("generate", str(spec), "--out", out, "--check", "--diff")
    assert code == 1
    assert f"would be added: {os.path.join(out, 'docs/models/bowl.md')}" in stdout
    assert f"would be removed: {os.path.join(out, 'docs/models/toy.md')}" in stdout
    assert f"would be changed: {os.path.join(out, 'docs/models/pet.md')}" in stdout
    assert "--- /dev/null\n+++ b/docs/models/bowl.md" in stdout
    assert "--- a/docs/models/toy.md\n+++ /dev/null" in stdout
    assert "--- a/docs/models/pet.md\n+++ b/docs/models/pet.md" in stdout and "+| `colour`" in stdout
    assert "to write" in err and "2 to remove" in err  # toy.md and the module of Toy
    assert not os.path.exists(os.path.join(out, "docs/models/bowl.md"))  # --check wrote nothing
    assert run_cli("generate", str(spec), "--out", out)[0] == 0
    assert run_cli("generate", str(spec), "--out", out, "--check", "--diff")[:2] == (0, "")


def test_jobs_run_with_defaults_and_cli_overrides(project, run_cli):
    root = project(TWO_JOBS)
    code, _, err = run_cli("generate")
    assert code == 0, err
    assert (root / "gen/pets/shared_pkg/models/__init__.py").exists()  # section-level default inherited
    assert (root / "gen/shop/docs").exists() and not (root / "gen/shop/shared_pkg").exists()  # typescript: docs only
    assert err.count("modelgen: ") == 2  # one summary line per job
    assert run_cli("generate", "--check")[0] == 0
    # A flag overrides every job's setting; SPEC alone picks its job, --out redirects it.
    code, _, err = run_cli("generate", "api/pets.yaml", "--package", "other_pkg", "--out", "gen/elsewhere")
    assert code == 0 and (root / "gen/elsewhere/other_pkg/models/__init__.py").exists()
    code, _, _ = run_cli("generate", "api/shop.yaml", "--flavour", "python")
    assert code == 0 and (root / "gen/shop/shared_pkg/models/__init__.py").exists()
    code, _, err = run_cli("generate", "--out", "gen/x")
    assert code == 2 and "--out applies to one job" in err


def test_a_bad_spec_in_any_job_writes_nothing_at_all(project, run_cli):
    root = project(TWO_JOBS)
    (root / "api" / "shop.yaml").write_text("openapi: 3.0.3\ninfo: {title: t}\npaths:\n  /a: 7\n")
    code, _, err = run_cli("generate")
    assert code == 2 and "shop.yaml" in err
    assert not (root / "gen").exists()  # the good first job was not written either


@pytest.mark.parametrize(
    "toml, words",
    [
        ('[tool.modelgen]\nspec = "a.yaml"\nout = "o"\nflavor = "python"\n', "unknown key(s) ['flavor']"),
        (
            '[tool.modelgen]\n[[tool.modelgen.jobs]]\nspec = "a.yaml"\nout = "o"\npackages = "x"\n',
            "unknown key(s) ['packages']",
        ),
        ('[tool.modelgen]\nspec = "a.yaml"\nout = 3\n', "'out' must be a string"),
        ('[tool.modelgen]\nspec = "a.yaml"\nout = "o"\nflavour = "go"\n', "'flavour' must be one of"),
        ('[tool.modelgen]\nout = "o"\n', "each job needs 'spec' and 'out'"),
        ("[tool.other]\n", "no [tool.modelgen] section"),
    ],
)
def test_bad_configuration_is_a_clear_one_line_error(project, run_cli, toml, words):
    root = project(toml)
    code, _, err = run_cli("generate")
    assert code == 2
    assert err.startswith("error: pyproject.toml:") and words in err and len(err.strip().splitlines()) == 1
    assert not (root / "o").exists()


def test_unknown_key_error_names_the_job(project, run_cli):
    project(TWO_JOBS.replace('flavour = "typescript"', 'flavour = "typescript"\noutput = "x"'))
    code, _, err = run_cli("generate")
    assert code == 2 and "#/tool/modelgen/jobs/1" in err and "'output'" in err


def test_pre_commit_hooks_run_modelgen(project, run_cli):
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as handle:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(handle)}
    assert set(hooks) == {"modelgen", "modelgen-check"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is False and hook["name"]
    project(TWO_JOBS)
    generate = shlex.split(hooks["modelgen"]["entry"])
    check = shlex.split(hooks["modelgen-check"]["entry"])
    assert generate[0] == check[0] == "modelgen"
    assert run_cli(*check[1:])[0] == 1  # nothing generated yet: the check hook fails the commit
    assert run_cli(*generate[1:])[0] == 0
    assert run_cli(*check[1:])[0] == 0


def _run_with_stderr_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `python -m generator ARGS` with stderr on a pseudo-terminal; return what it showed."""
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    child.wait()
    os.close(leader)
    return shown.decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def big_spec(tmp_path_factory):
    """A spec with enough schemas that the run has several stages to show."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    names = [f"Thing{i}" for i in range(2500)]
    path.write_text(
        spec_text(names, extra="\n        label: {type: string}\n        tags: {type: array, items: {type: string}}")
    )
    return str(path)


@pytest.mark.parametrize("ci, terminal, shows", [("", True, True), ("true", True, False), ("", False, False)])
def test_progress_only_on_a_terminal_outside_ci(tmp_path, big_spec, ci, terminal, shows):
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": ci} if ci else {}) | {"TERM": "xterm"}
    env["MODELGEN_PROGRESS_DELAY"] = "0.001"  # a fast machine must not outrun the display: no timing in the test
    args = ["generate", big_spec, "--out", str(tmp_path / "out")]
    if terminal:
        err = _run_with_stderr_on_a_terminal(args, env)
    else:
        err = subprocess.run(
            [sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        ).stderr
    assert ("\x1b[K" in err) is shows
    if shows:
        assert err.startswith(f"\rmodelgen {big_spec}: ")  # the spec and its current stage, while it ran
    lines = err.replace("\x1b[K", "").replace("\r", "\n").splitlines()
    summary = [line for line in lines if line.startswith("modelgen: ")]
    assert len(summary) == 1
    assert " models; files " in summary[0]
    assert (
        " written, " in summary[0]
        and " unchanged, " in summary[0]
        and " removed; " in summary[0]
        and summary[0].endswith("s")
    )


def test_an_output_folder_that_is_a_file_is_a_clear_error(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(spec_text(["Pet"]))
    (tmp_path / "out").write_text("not a folder")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2 and err.startswith(f"error: {tmp_path / 'out'}:") and "cannot create the output folder" in err
    assert (tmp_path / "out").read_text() == "not a folder"
