"""The no-change fast path: skipped only when inputs, options, generator and outputs are all as last time."""

from __future__ import annotations

import os

SPEC = """openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "pet.yaml"}
"""
PET = """type: object
required: [name]
properties:
  name: {type: string, description: The pet's name.}
"""


def _setup(tmp_path):
    (tmp_path / "spec.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pet.yaml").write_text(PET, encoding="utf-8")
    return str(tmp_path / "spec.yaml"), str(tmp_path / "out")


def _mtimes(folder: str) -> dict[str, int]:
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            found[path] = os.stat(path).st_mtime_ns
    return found


def test_second_run_is_up_to_date_and_writes_nothing(tmp_path, run_cli):
    spec, out = _setup(tmp_path)
    assert run_cli("generate", spec, "--out", out)[0] == 0
    before = _mtimes(out)
    code, _, err = run_cli("generate", spec, "--out", out)
    assert code == 0
    assert "up to date" in err
    assert _mtimes(out) == before
    code, stdout, _ = run_cli("generate", spec, "--out", out, "--check")
    assert code == 0 and stdout == ""


def test_same_size_edit_right_after_a_run_is_noticed(tmp_path, run_cli):
    """An edit in the same clock tick as the run's last write (the manifest's) keeps the mtime."""
    spec, out = _setup(tmp_path)
    assert run_cli("generate", spec, "--out", out)[0] == 0
    doc = os.path.join(out, "docs", "models", "pet.md")
    manifest = os.stat(os.path.join(out, ".modelgen-manifest.json"))
    if os.stat(doc).st_mtime_ns != manifest.st_mtime_ns:  # make it so (a tick boundary fell between)
        os.utime(doc, ns=(manifest.st_atime_ns, manifest.st_mtime_ns))
        assert "up to date" not in run_cli("generate", spec, "--out", out)[2]  # stats changed: a full run
    with open(doc, encoding="utf-8") as handle:
        original = handle.read()
    edited = original.replace("name", "nome")
    assert len(edited) == len(original) and edited != original
    stat = os.stat(doc)
    with open(doc, "w", encoding="utf-8") as handle:
        handle.write(edited)
    os.utime(doc, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime: only content tells
    code, stdout, _ = run_cli("generate", spec, "--out", out, "--check")
    assert code == 1 and "pet.md" in stdout


def test_a_change_to_a_referenced_file_is_noticed(tmp_path, run_cli):
    spec, out = _setup(tmp_path)
    assert run_cli("generate", spec, "--out", out)[0] == 0
    (tmp_path / "pet.yaml").write_text(PET.replace("The pet's name.", "The name."), encoding="utf-8")
    code, _, err = run_cli("generate", spec, "--out", out)
    assert code == 0 and "up to date" not in err
    with open(os.path.join(out, "docs", "models", "pet.md"), encoding="utf-8") as handle:
        assert "The name." in handle.read()


def test_other_options_are_not_up_to_date(tmp_path, run_cli):
    spec, out = _setup(tmp_path)
    assert run_cli("generate", spec, "--out", out)[0] == 0
    code, _, err = run_cli("generate", spec, "--out", out, "--package", "other_models")
    assert code == 0 and "up to date" not in err
    assert os.path.isdir(os.path.join(out, "other_models"))


def test_another_spec_into_the_same_folder_is_not_up_to_date(tmp_path, run_cli):
    spec, out = _setup(tmp_path)
    assert run_cli("generate", spec, "--out", out)[0] == 0
    (tmp_path / "pet2.yaml").write_text(PET.replace("The pet's name.", "Another name."), encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(SPEC.replace("pet.yaml", "pet2.yaml"), encoding="utf-8")
    code, _, err = run_cli("generate", str(other), "--out", out)
    assert code == 0 and "up to date" not in err
    with open(os.path.join(out, "docs", "models", "pet2.md"), encoding="utf-8") as handle:
        assert "Another name." in handle.read()
    assert not os.path.exists(os.path.join(out, "docs", "models", "pet.md"))


def test_a_spec_with_windows_line_ends_is_up_to_date_the_second_time(tmp_path, run_cli):
    spec, out = _setup(tmp_path)
    for name in ("spec.yaml", "pet.yaml"):
        path = tmp_path / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert run_cli("generate", spec, "--out", out)[0] == 0
    code, _, err = run_cli("generate", spec, "--out", out)
    assert code == 0 and "up to date" in err


def test_a_spec_that_passed_the_validator_is_not_validated_again(tmp_path, run_cli, monkeypatch):
    import openapi_spec_validator

    spec, out = _setup(tmp_path)
    assert run_cli("generate", spec, "--out", out, "--validate")[0] == 0

    def unavailable(*args, **kwargs):
        raise AssertionError("the validator ran again")

    monkeypatch.setattr(openapi_spec_validator, "validate", unavailable)
    code, _, err = run_cli("generate", spec, "--out", out, "--validate", "--package", "other")  # not up to date
    assert code == 0, err
    (tmp_path / "pet.yaml").write_text(PET.replace("The pet's name.", "Changed."), encoding="utf-8")
    code, _, err = run_cli("generate", spec, "--out", out, "--validate")  # another spec content: validated
    assert code == 2 and "the validator ran again" in err


def test_an_edit_to_gen_yaml_is_noticed(tmp_path, run_cli):
    spec, out = _setup(tmp_path)
    sdk = tmp_path / "sdk"
    sdk.mkdir()
    (sdk / "gen.yaml").write_text("python:\n  packageName: pets\n", encoding="utf-8")
    assert run_cli("generate", spec, "--out", out, "--speakeasy-dir", str(sdk))[0] == 0
    assert "up to date" in run_cli("generate", spec, "--out", out, "--speakeasy-dir", str(sdk))[2]
    (sdk / "gen.yaml").write_text("python:\n  packageName: pet-store\n", encoding="utf-8")
    code, _, err = run_cli("generate", spec, "--out", out, "--speakeasy-dir", str(sdk))
    assert code == 0 and "up to date" not in err
    assert os.path.isdir(os.path.join(out, "pet_store"))
