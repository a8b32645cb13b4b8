"""The CLI contract: exit codes, the one-line error format, nothing written on bad input."""

from __future__ import annotations

import os
import re

import pytest

ERROR_LINE = re.compile(r"^error: (?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<pointer>#?[^ ]*): .+$")

GOOD = """openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        tag: {type: string, nullable: true}
"""


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "text, pointer, words",
    [
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/Nope'}\n",
            "/components/schemas/A",
            "points to nothing",
        ),
        ("openapi: 2.0.0\ninfo: {title: t}\n", "/openapi", "unsupported OpenAPI version"),
        ("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: 7\n", "/paths/~1a", "must be a mapping"),
        ("openapi: 3.0.3\ninfo: {title: t}\ninfo: [1, 2\n", "#", "invalid YAML"),
    ],
)
def test_bad_spec_gives_one_line_error_and_writes_nothing(tmp_path, run_cli, text, pointer, words):
    spec = write(tmp_path, "spec.yaml", text)
    out = tmp_path / "out"
    code, _, err = run_cli("generate", spec, "--out", str(out))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    match = ERROR_LINE.match(lines[0])
    assert match, lines[0]
    assert match["file"] == spec
    assert int(match["line"]) >= 1
    assert match["pointer"].lstrip("#") == pointer.lstrip("#")
    assert words in lines[0]
    assert not out.exists()


@pytest.mark.parametrize("text", ["", "a: [1, 2\n", '{"openapi": }'])
def test_unparseable_files_are_reported_with_a_position(tmp_path, run_cli, text):
    spec = write(tmp_path, "spec.json" if text.startswith("{") else "spec.yaml", text)
    code, _, err = run_cli("generate", spec, "--out", str(tmp_path / "out"))
    assert code == 2
    assert err.startswith("error: " + spec)
    assert "Traceback" not in err


def test_generate_then_check_is_clean(tmp_path, run_cli):
    spec = write(tmp_path, "spec.yaml", GOOD)
    out = str(tmp_path / "out")
    assert run_cli("generate", spec, "--out", out)[0] == 0
    assert os.path.isfile(os.path.join(out, "docs", "models", "pet.md"))
    code, stdout, _ = run_cli("generate", spec, "--out", out, "--check")
    assert code == 0 and stdout == ""


def test_check_reports_stale_files_without_writing(tmp_path, run_cli):
    spec = write(tmp_path, "spec.yaml", GOOD)
    out = tmp_path / "out"
    assert run_cli("generate", spec, "--out", str(out))[0] == 0
    doc = out / "docs" / "models" / "pet.md"
    doc.write_text("edited", encoding="utf-8")
    code, stdout, _ = run_cli("generate", spec, "--out", str(out), "--check")
    assert code == 1
    assert "pet.md" in stdout
    assert doc.read_text(encoding="utf-8") == "edited"


def test_a_package_name_escaping_the_output_folder_writes_nothing(tmp_path, run_cli):
    spec = write(tmp_path, "spec.yaml", GOOD)
    out = tmp_path / "out"
    code, _, err = run_cli("generate", spec, "--out", str(out), "--package", "../escaped")
    assert code == 2
    assert "not a Python identifier" in err
    assert not out.exists()
    assert not (tmp_path / "escaped").exists()


def test_a_typescript_gen_yaml_selects_the_typescript_flavour(tmp_path, run_cli):
    spec = write(tmp_path, "spec.yaml", GOOD)
    sdk = tmp_path / "sdk"
    sdk.mkdir()
    write(sdk, "gen.yaml", "generation: {}\ntypescript:\n  packageName: '@acme/pets'\n")
    out = tmp_path / "out"
    assert run_cli("generate", spec, "--out", str(out), "--speakeasy-dir", str(sdk))[0] == 0
    page = (out / "docs" / "models" / "components" / "pet.md").read_text(encoding="utf-8")
    assert "```typescript" in page and '"@acme/pets/models/components"' in page
    assert not (out / "models").exists()  # no pydantic package for a TypeScript SDK
    code, _, _ = run_cli("generate", spec, "--out", str(out), "--speakeasy-dir", str(sdk), "--flavour", "python")
    assert code == 0 and (out / "docs" / "models" / "pet.md").exists()  # the flag wins
