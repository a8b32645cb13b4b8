"""Whatever the output folder holds, a run touches no path outside it.

Its bookkeeping files may have been planted or edited (a journal of an "interrupted run",
a manifest listing files to prune) and a folder in it may be a symbolic link to elsewhere.
Each case here plants such a thing next to a victim file outside the output, and checks
that the run stops with a one-line error naming the file at fault, and that the victim and
everything else outside are exactly as before. File-system failures are named the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys

import pytest

from generator.bookkeeping import JOURNAL, MANIFEST

SPEC = """openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
"""
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERROR_LINE = re.compile(r"^error: (?P<file>.+?):\d+:\d+: #\S*: (?P<message>.+)$")


def tree(folder) -> dict[str, bytes]:
    """Every file and link under `folder`, with its bytes (a link: where it points)."""
    found = {}
    for base, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = os.path.join(base, name)
            if os.path.islink(path):
                found[os.path.relpath(path, folder)] = b"-> " + os.readlink(path).encode()
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    found[os.path.relpath(path, folder)] = handle.read()
    return found


@pytest.fixture
def setup(tmp_path, run_cli):
    """A generated output folder `out`, a spec, and a folder `outside` holding a victim file."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("generate", str(spec), "--out", str(out))[0] == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("keep me", encoding="utf-8")
    return spec, out, outside


def refused(run_cli, spec, out, outside, blamed: str, words: str) -> None:
    """Run again: exit 2, one error line blaming `blamed`, and nothing outside `out` changed."""
    before = tree(outside)
    code, _, err = run_cli("generate", str(spec), "--out", str(out))
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    match = ERROR_LINE.match(lines[0])
    assert match, lines[0]
    assert match["file"] == blamed and words in match["message"], lines[0]
    assert "internal error" not in err
    assert tree(outside) == before


def plant_journal(out, remove=(), renames=(), staging=".modelgen-staging-x") -> None:
    (out / JOURNAL).write_text(
        json.dumps({"remove": list(remove), "renames": [list(r) for r in renames], "staging": staging})
    )


def test_a_planted_journal_cannot_remove_through_a_symlinked_folder(setup, run_cli):
    spec, out, outside = setup
    os.symlink(outside, out / "link")
    plant_journal(out, remove=["link/victim.txt"])
    refused(run_cli, spec, out, outside, str(out / "link"), "symbolic link")


@pytest.mark.parametrize("path", ["../outside/victim.txt", "{outside}/victim.txt", "docs/../../outside/victim.txt"])
def test_a_planted_journal_cannot_remove_outside(setup, run_cli, path):
    spec, out, outside = setup
    plant_journal(out, remove=[path.format(outside=outside)])
    refused(run_cli, spec, out, outside, str(out / JOURNAL), "not a plain path inside the output folder")


@pytest.mark.parametrize(
    "renames, words",
    [
        ([("../outside/victim.txt", "docs/stolen.md")], "not in the run's staging folder"),
        ([(".modelgen-staging-x/a.md", "../outside/victim.txt")], "not a plain path inside the output folder"),
        ([(".modelgen-staging-x/../../outside/victim.txt", "docs/stolen.md")], "not a plain path inside"),
    ],
)
def test_a_planted_journal_cannot_move_files_in_or_out(setup, run_cli, renames, words):
    spec, out, outside = setup
    (out / ".modelgen-staging-x").mkdir()
    (out / ".modelgen-staging-x" / "a.md").write_text("planted")
    plant_journal(out, renames=renames)
    refused(run_cli, spec, out, outside, str(out / JOURNAL), words)
    assert not (out / "docs" / "stolen.md").exists()


@pytest.mark.parametrize("staging", ["../outside", "/tmp", "not-staging", ".modelgen-staging-x/.."])
def test_a_journal_naming_a_foreign_staging_folder_is_refused(setup, run_cli, staging):
    spec, out, outside = setup
    plant_journal(out, staging=staging)
    refused(run_cli, spec, out, outside, str(out / JOURNAL), "malformed")


@pytest.mark.parametrize("text", ["{", "[]", '{"remove": 5, "renames": [], "staging": ".modelgen-staging-x"}', "null"])
def test_a_malformed_journal_is_named_not_an_internal_error(setup, run_cli, text):
    spec, out, outside = setup
    (out / JOURNAL).write_text(text)
    refused(run_cli, spec, out, outside, str(out / JOURNAL), "journal")


@pytest.mark.parametrize("entry", ["../outside/victim.txt", "{outside}/victim.txt", "link/victim.txt"])
def test_a_planted_manifest_entry_cannot_prune_outside(setup, run_cli, entry):
    spec, out, outside = setup
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"][entry.format(outside=outside)] = hashlib.sha256(b"keep me").hexdigest()
    (out / MANIFEST).write_text(json.dumps(manifest))
    blamed, words = str(out / MANIFEST), "not a plain path inside the output folder"
    if entry.startswith("link/"):
        os.symlink(outside, out / "link")
        blamed, words = str(out / "link"), "symbolic link"
    refused(run_cli, spec, out, outside, blamed, words)
    # and --check, which reads the manifest too, refuses it the same way
    code, _, err = run_cli("generate", str(spec), "--out", str(out), "--check")
    assert code == 2 and words in err, err


def test_generated_files_are_never_written_through_a_symlinked_folder(setup, run_cli, tmp_path):
    spec, out, outside = setup
    (out / "docs" / "models" / "pet.md").unlink()
    os.rename(out / "docs" / "models", outside / "models")
    os.symlink(outside / "models", out / "docs" / "models")
    refused(run_cli, spec, out, outside, str(out / "docs" / "models"), "symbolic link")


def test_a_symlinked_file_in_the_output_is_refused(setup, run_cli):
    spec, out, outside = setup
    (out / "docs" / "models" / "pet.md").unlink()
    os.symlink(outside / "victim.txt", out / "docs" / "models" / "pet.md")
    refused(run_cli, spec, out, outside, str(out / "docs" / "models" / "pet.md"), "symbolic link")


def test_an_output_folder_that_is_itself_a_link_is_followed(tmp_path, run_cli):
    """Resolving real paths: the link is the user's own way of naming the folder, not a planted one."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "out")
    assert run_cli("generate", str(spec), "--out", str(tmp_path / "out"))[0] == 0
    assert (tmp_path / "real" / "docs" / "models" / "pet.md").is_file()
    assert run_cli("generate", str(spec), "--out", str(tmp_path / "out"))[0] == 0


def test_a_file_where_a_folder_must_go_is_named_with_its_cause(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "docs").write_text("a file, not a folder")
    code, _, err = run_cli("generate", str(spec), "--out", str(out))
    assert code == 2
    assert err.startswith(f"error: {out / 'docs'}:"), err
    assert "internal error" not in err and "cannot update the output" in err


def test_an_immutable_output_file_is_named_with_its_cause(setup, run_cli):
    spec, out, _ = setup
    target = out / "docs" / "models"
    if subprocess.run(["chattr", "+i", str(target)], check=False, capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root and a file system that supports it)")
    try:
        spec.write_text(SPEC.replace("name:", "label:"), encoding="utf-8")
        code, _, err = run_cli("generate", str(spec), "--out", str(out))
    finally:
        subprocess.run(["chattr", "-i", str(target)], check=True)
    assert code == 2
    assert "internal error" not in err and "cannot update the output: Operation not permitted" in err, err
    assert err.startswith(f"error: {out}"), err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("planted", [JOURNAL, MANIFEST, "models/__init__.py"])
def test_a_fifo_in_the_output_is_named_not_waited_on(setup, planted):
    """Reading a FIFO without a writer blocks forever: the run must refuse it (in a child, so a
    hang fails this test instead of stopping the suite)."""
    spec, out, _ = setup
    if (out / planted).exists():
        os.remove(out / planted)
    os.mkfifo(out / planted)
    command = [sys.executable, "-m", "generator", "generate", str(spec), "--out", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert ERROR_LINE.match(done.stderr.strip()), done.stderr
    assert f"{out / planted}:1:1" in done.stderr and "not a regular file" in done.stderr


@pytest.mark.parametrize("planted", [JOURNAL, MANIFEST])
def test_a_bookkeeping_file_nested_too_deep_is_no_internal_error(setup, run_cli, planted):
    spec, out, _ = setup
    (out / planted).write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = run_cli("generate", str(spec), "--out", str(out))
    assert "internal error" not in err
    assert code == (2 if planted == JOURNAL else 0), err  # a manifest that cannot be read is none
