"""The write stage: all-or-nothing runs, kills at any moment, manifest pruning and ownership.

Kills are real: a forked child runs the CLI and dies (os._exit, as SIGKILL would leave
it) at its Nth file-system mutation, for every N; or a `python -m generator` process is
SIGKILLed after a random delay.
Afterwards the next run's recovery must leave exactly the old or exactly the new output.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from generator.cli import main
from generator.errors import SpecError
from generator.write import JOURNAL, MANIFEST, manifest_bytes, plan, recover

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def spec_text(names: list[str], extra: str = "") -> str:
    """A spec whose one operation returns every schema in `names` (so each is generated)."""
    props = "\n".join(f"                  {n.lower()}: {{$ref: '#/components/schemas/{n}'}}" for n in names)
    schemas = "\n".join(
        f"    {n}:\n      type: object\n      required: [id]\n      properties:\n        id: {{type: string}}\n"
        f"        size: {{type: integer}}{extra}"
        for n in names
    )
    return f"""openapi: 3.0.3
info: {{title: t, version: "1"}}
paths:
  /things:
    get:
      operationId: getThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
{props}
components:
  schemas:
{schemas}
"""


def snapshot(folder) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) with its bytes."""
    found = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, folder)] = handle.read()
    return found


def mtimes(folder) -> dict[str, int]:
    return {rel: os.stat(os.path.join(folder, rel)).st_mtime_ns for rel in snapshot(folder)}


@pytest.fixture
def spec(tmp_path):
    path = tmp_path / "spec.yaml"

    def write(names: list[str], extra: str = "") -> str:
        path.write_text(spec_text(names, extra), encoding="utf-8")
        return str(path)

    return write


def test_bad_spec_writes_nothing_and_keeps_previous_output(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out))[0] == 0
    before, stamps = snapshot(out), mtimes(out)
    bad = tmp_path / "spec.yaml"
    bad.write_text(
        spec_text(["Pet"]).replace("type: object\n      required", "type: object\n      $ref: '#/nope'\n      required")
    )
    code, _, err = run_cli("generate", str(bad), "--out", str(out))
    assert code == 2 and err.startswith("error: ")
    assert snapshot(out) == before and mtimes(out) == stamps


def test_unchanged_files_are_not_rewritten(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out))[0] == 0
    for rel in snapshot(out):
        os.utime(out / rel, ns=(10**18, 10**18))
    old = snapshot(out)
    code, _, err = run_cli("generate", spec(["Pet", "Toy", "Bowl"]), "--out", str(out))
    assert code == 0
    new, stamps = snapshot(out), mtimes(out)
    assert "docs/models/bowl.md" in new and "docs/models/bowl.md" not in old
    untouched = [rel for rel in old if new.get(rel) == old[rel]]
    assert "docs/models/pet.md" in untouched
    assert all(stamps[rel] == 10**18 for rel in untouched)
    assert all(stamps[rel] != 10**18 for rel in new if rel not in untouched)
    assert f"{len(untouched)} unchanged" in err


def test_vanished_schema_is_pruned_and_hand_written_files_survive(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out))[0] == 0
    (out / "README.md").write_text("mine")
    (out / "docs" / "models" / "notes.md").write_text("mine too")
    assert (out / "docs" / "models" / "toy.md").exists()
    code, _, err = run_cli("generate", spec(["Pet"]), "--out", str(out))
    assert code == 0 and "2 removed" in err  # the page and the module of Toy
    assert not (out / "docs" / "models" / "toy.md").exists()
    assert (out / "README.md").read_text() == "mine"
    assert (out / "docs" / "models" / "notes.md").read_text() == "mine too"
    manifest = json.loads((out / MANIFEST).read_text())["files"]
    assert "docs/models/toy.md" not in manifest and "docs/models/pet.md" in manifest
    assert run_cli("generate", spec(["Pet"]), "--out", str(out), "--check")[0] == 0


def test_deleted_and_hand_edited_generated_files_are_restored(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out))[0] == 0
    good = snapshot(out)
    (out / "docs" / "models" / "pet.md").unlink()
    (out / "docs" / "models" / "toy.md").write_text("edited")
    code, stdout, _ = run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out), "--check")
    assert code == 1
    assert "would be added: " in stdout and "pet.md" in stdout
    assert "would be changed: " in stdout and "toy.md" in stdout
    assert run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out))[0] == 0
    assert snapshot(out) == good


def test_clash_with_a_file_modelgen_did_not_write_is_an_error(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    (out / "docs" / "models").mkdir(parents=True)
    (out / "docs" / "models" / "pet.md").write_text("hand-written")
    code, _, err = run_cli("generate", spec(["Pet"]), "--out", str(out))
    assert code == 2
    assert err.startswith(f"error: {out / 'docs' / 'models' / 'pet.md'}:") and "not written by modelgen" in err
    assert snapshot(out) == {os.path.join("docs", "models", "pet.md"): b"hand-written"}


def test_a_vanished_file_edited_by_hand_is_kept_not_pruned(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet", "Toy"]), "--out", str(out))[0] == 0
    (out / "docs" / "models" / "toy.md").write_text("my notes on Toy")
    code, _, err = run_cli("generate", spec(["Pet"]), "--out", str(out))
    assert code == 0 and "kept" in err and "toy.md" in err
    assert (out / "docs" / "models" / "toy.md").read_text() == "my notes on Toy"
    assert "docs/models/toy.md" not in json.loads((out / MANIFEST).read_text())["files"]


def test_identical_files_without_a_manifest_are_adopted(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet"]), "--out", str(out))[0] == 0
    (out / MANIFEST).unlink()
    code, stdout, _ = run_cli("generate", spec(["Pet"]), "--out", str(out), "--check")
    assert code == 1 and MANIFEST in stdout
    assert run_cli("generate", spec(["Pet"]), "--out", str(out))[0] == 0
    assert (out / MANIFEST).exists()
    assert run_cli("generate", spec(["Pet"]), "--out", str(out), "--check")[0] == 0


def test_outputs_differing_only_in_case_are_refused(tmp_path):
    with pytest.raises(SpecError, match="differ only in letter case"):
        plan(str(tmp_path / "out"), {"docs/models/Pet.md": "a", "docs/models/pet.md": "b"})
    assert not (tmp_path / "out").exists()


def test_schema_names_differing_only_in_case_get_distinct_files(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        spec_text(["Pet", "PET"]).replace(
            "pet: {$ref: '#/components/schemas/PET'}", "pet2: {$ref: '#/components/schemas/PET'}"
        )
    )
    out = tmp_path / "out"
    code, _, err = run_cli("generate", str(spec), "--out", str(out))
    assert code == 0, err
    docs = sorted(os.listdir(out / "docs" / "models"))
    assert len({d.lower() for d in docs}) == len(docs)
    assert sum(d.startswith("pet") for d in docs) == 2


def test_check_reports_an_interrupted_run_without_recovering_it(tmp_path, spec, run_cli):
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet"]), "--out", str(out))[0] == 0
    (out / JOURNAL).write_text(json.dumps({"remove": [], "renames": [], "staging": ".modelgen-staging-x"}))
    code, stdout, _ = run_cli("generate", spec(["Pet"]), "--out", str(out), "--check")
    assert code == 1 and "interrupted run" in stdout
    assert (out / JOURNAL).exists()
    assert run_cli("generate", spec(["Pet"]), "--out", str(out))[0] == 0
    assert not (out / JOURNAL).exists()


# -- kills ------------------------------------------------------------------------------


def _run_until(limit: int, *args: str) -> tuple[int, int]:
    """Run the CLI in a forked child that dies at its `limit`-th file-system mutation, as a
    SIGKILL would leave it (no cleanup, no finally blocks); 0 never dies. Returns the exit
    code (137 when killed) and, for a full run, how many mutations there were."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        count = [0]

        def fatal(real):
            def call(*a, **k):
                count[0] += 1
                if count[0] == limit:
                    os._exit(137)
                return real(*a, **k)

            return call

        try:
            for name in ("replace", "rename", "remove", "unlink", "rmdir", "mkdir"):
                setattr(os, name, fatal(getattr(os, name)))
            shutil.rmtree = fatal(shutil.rmtree)
            code = main(list(args))
            os.write(write, str(count[0]).encode())
        except BaseException:  # noqa: BLE001 - any escape is a failure the parent reports
            code = 99
        os._exit(code)
    os.close(write)
    with os.fdopen(read) as stream:
        steps = stream.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), int(steps or 0)


def _states(tmp_path, spec) -> tuple[str, str, dict, dict]:
    """An output folder holding the old version (plus a hand-written file), and both snapshots."""
    old_spec = spec(["Pet", "Toy", "Bowl"])
    out = str(tmp_path / "out")
    assert _run_until(0, "generate", old_spec, "--out", out)[0] == 0
    with open(os.path.join(out, "docs", "mine.md"), "w") as handle:
        handle.write("hand-written")
    old = snapshot(out)
    new_spec = spec(["Pet", "Bowl", "Leash", "Collar"], extra="\n        colour: {type: string}")
    probe = str(tmp_path / "probe")
    assert _run_until(0, "generate", old_spec, "--out", probe)[0] == 0
    os.makedirs(os.path.join(probe, "docs"), exist_ok=True)
    with open(os.path.join(probe, "docs", "mine.md"), "w") as handle:
        handle.write("hand-written")
    assert _run_until(0, "generate", new_spec, "--out", probe)[0] == 0
    new = snapshot(probe)
    assert old != new
    return new_spec, out, old, new


def test_a_kill_at_every_file_system_step_leaves_old_or_new_after_recovery(tmp_path, spec):
    new_spec, out, old, new = _states(tmp_path, spec)
    scratch = str(tmp_path / "scratch")
    subprocess.run(["cp", "-a", out, scratch], check=True)
    code, steps = _run_until(0, "generate", new_spec, "--out", scratch)
    assert code == 0 and steps > 5 and snapshot(scratch) == new
    seen = set()
    for limit in range(1, steps + 1):
        _fresh_copy(out, scratch)
        assert _run_until(limit, "generate", new_spec, "--out", scratch)[0] == 137, limit
        journal = os.path.exists(os.path.join(scratch, JOURNAL))
        recover(scratch)
        state = snapshot(scratch)
        # With a journal the run must be completed; without one it either never started
        # changing files or had finished them (and was killed while tidying up).
        assert state == new if journal else state in (old, new), f"killed at step {limit}/{steps}"
        seen.add(("journal" if journal else "no journal", "new" if state == new else "old"))
    assert seen == {("no journal", "old"), ("journal", "new"), ("no journal", "new")}


def test_a_kill_during_a_first_run_leaves_nothing_or_everything(tmp_path, spec):
    new_spec = spec(["Pet", "Bowl", "Leash"])
    probe, scratch = str(tmp_path / "probe"), str(tmp_path / "scratch")
    code, steps = _run_until(0, "generate", new_spec, "--out", probe)
    assert code == 0
    new = snapshot(probe)
    outcomes = set()
    for limit in range(1, steps + 1):
        shutil.rmtree(scratch, ignore_errors=True)
        assert _run_until(limit, "generate", new_spec, "--out", scratch)[0] == 137, limit
        if os.path.isdir(scratch):
            recover(scratch)
        state = snapshot(scratch)
        assert state in ({}, new), f"killed at step {limit}/{steps}"
        outcomes.add(bool(state))
    assert outcomes == {False, True}


def test_a_first_run_moves_whole_folders_into_place(tmp_path, spec):
    """File-system steps of a run into an empty folder do not grow with the number of files."""
    few = _run_until(0, "generate", spec(["Pet", "Bowl"]), "--out", str(tmp_path / "few"))
    many = _run_until(0, "generate", spec([f"Thing{i}" for i in range(40)]), "--out", str(tmp_path / "many"))
    assert few[0] == many[0] == 0
    assert len(snapshot(tmp_path / "many")) > len(snapshot(tmp_path / "few")) + 30
    assert many[1] == few[1]


def _fresh_copy(source: str, target: str) -> None:
    subprocess.run(["rm", "-rf", target], check=True)
    subprocess.run(["cp", "-a", source, target], check=True)


def test_a_kill_during_recovery_is_recovered_too(tmp_path, spec):
    new_spec, out, _, new = _states(tmp_path, spec)
    killed, scratch = str(tmp_path / "killed"), str(tmp_path / "scratch")
    limit = 0
    while not os.path.exists(os.path.join(killed, JOURNAL)):  # the earliest kill that leaves a journal
        limit += 1
        _fresh_copy(out, killed)
        assert _run_until(limit, "generate", new_spec, "--out", killed)[0] == 137
    tried = 0
    for again in range(1, 50):  # now kill the next run's recovery at each of its steps
        _fresh_copy(killed, scratch)
        if _run_until(again, "generate", new_spec, "--out", scratch)[0] != 137:
            break
        tried += 1
        recover(scratch)
        assert snapshot(scratch) == new, f"recovery killed at step {again}"
    assert tried >= 3


def test_random_sigkills_leave_old_or_new(tmp_path, spec):
    new_spec, out, old, new = _states(tmp_path, spec)
    scratch = str(tmp_path / "scratch")
    command = [sys.executable, "-m", "generator", "generate", new_spec, "--out", scratch]
    started = time.monotonic()
    subprocess.run(["cp", "-a", out, scratch], check=True)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    full = time.monotonic() - started
    rng = random.Random(6)
    for _ in range(8):
        _fresh_copy(out, scratch)
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, full))
        child.send_signal(signal.SIGKILL)
        child.wait()
        recover(scratch)
        state = snapshot(scratch)
        assert state in (old, new)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert snapshot(scratch) == new


def test_a_letter_case_only_rename_keeps_every_file(tmp_path, spec, run_cli):
    """`Pkg/` -> `pkg/`: on a case-sensitive file system the old folder goes and the new one
    comes; on a case-insensitive one (macOS, Windows) both names are one file, which must be
    rewritten under its new name, not deleted as a vanished output."""
    out = tmp_path / "out"
    assert run_cli("generate", spec(["Pet"]), "--out", str(out), "--package", "Pkg")[0] == 0
    expected = tmp_path / "expected"
    assert run_cli("generate", spec(["Pet"]), "--out", str(expected), "--package", "pkg")[0] == 0
    code, _, err = run_cli("generate", spec(["Pet"]), "--out", str(out), "--package", "pkg")
    assert code == 0, err
    assert snapshot(out) == snapshot(expected)
    assert sorted(os.listdir(out)) == sorted(os.listdir(expected))  # the new spelling, no leftovers
    assert run_cli("generate", spec(["Pet"]), "--out", str(out), "--package", "pkg", "--check")[0] == 0


@pytest.mark.parametrize("digests", [{}, {"a.md": "0" * 64}, {'b/ü "q".md': "x", "a\\\\b.py": "y", "Z.md": "z"}])
def test_the_manifest_is_what_json_would_write(digests):
    expected = json.dumps({"files": digests, "generator": "openapi-modelgen"}, indent=1, sort_keys=True) + "\n"
    assert manifest_bytes(digests) == expected.encode("utf-8")
