"""`$ref`s read regular files of bounded size under a root, and nothing else.

The root is by default the git repository holding the spec, else the spec's folder;
`--ref-root` and `ref-root` in `[tool.modelgen]` widen it. Each refusal is one line
`FILE:LINE:COL: #POINTER: message` at the `$ref`, exit 2, nothing written.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generator.load import MAX_DOCUMENT_BYTES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERROR_LINE = re.compile(r"^error: (?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<pointer>#\S*): (?P<message>.+)$")
SECRET = "Secret:\n  type: object\n  description: the neighbour's secret\n  properties: {a: {type: string}}\n"


def spec_referring_to(ref: str) -> str:
    return (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        f"    Pet:\n      $ref: '{ref}'\n"
    )


@pytest.fixture
def layout(tmp_path):
    """tmp/project/api/spec.yaml, tmp/project/common/ok.yaml, and tmp/secret.yaml outside."""
    (tmp_path / "project" / "api").mkdir(parents=True)
    (tmp_path / "project" / "common").mkdir()
    (tmp_path / "project" / "common" / "ok.yaml").write_text(SECRET, encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(SECRET, encoding="utf-8")
    return tmp_path


def refused(run_cli, spec, out, words: str, *flags: str) -> None:
    code, _, err = run_cli("generate", str(spec), "--out", str(out), *flags)
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    match = ERROR_LINE.match(lines[0])
    assert match, lines[0]
    assert (match["file"], match["line"], match["pointer"]) == (str(spec), "7", "#/components/schemas/Pet"), lines[0]
    assert words in match["message"], lines[0]
    assert not os.path.exists(out)


@pytest.mark.parametrize(
    "ref", ["../../secret.yaml#/Secret", "{tmp}/secret.yaml#/Secret", "../../../../../../{tmp}/secret.yaml#/Secret"]
)
def test_a_ref_outside_the_spec_folder_is_refused(layout, run_cli, ref):
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to(ref.format(tmp=str(layout).lstrip("/") if ref.startswith("..") else layout)))
    refused(run_cli, spec, layout / "out", "outside the reference root")


def test_a_symlink_out_of_the_spec_tree_is_refused(layout, run_cli):
    spec = layout / "project" / "api" / "spec.yaml"
    os.symlink(layout / "secret.yaml", layout / "project" / "api" / "innocent.yaml")
    spec.write_text(spec_referring_to("innocent.yaml#/Secret"))
    refused(run_cli, spec, layout / "out", "outside the reference root")


def test_the_repository_holding_the_spec_is_the_default_root(layout, run_cli):
    (layout / "project" / ".git").mkdir()
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("../common/ok.yaml#/Secret"))
    assert run_cli("generate", str(spec), "--out", str(layout / "out"))[0] == 0
    spec.write_text(spec_referring_to("../../secret.yaml#/Secret"))
    refused(run_cli, spec, layout / "out2", "outside the reference root")


def test_without_a_repository_the_spec_folder_is_the_root(layout, run_cli):
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("../common/ok.yaml#/Secret"))
    refused(run_cli, spec, layout / "out", "outside the reference root")


def test_the_flag_widens_the_root(layout, run_cli):
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("../../secret.yaml#/Secret"))
    assert run_cli("generate", str(spec), "--out", str(layout / "out"), "--ref-root", str(layout))[0] == 0
    assert "neighbour" in (layout / "out" / "docs" / "models" / "secret.md").read_text()
    refused(run_cli, spec, layout / "out2", "outside the reference root", "--ref-root", str(layout / "project"))


def test_the_pyproject_key_widens_the_root(layout, run_cli):
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("../common/ok.yaml#/Secret"))
    pyproject = layout / "project" / "pyproject.toml"
    pyproject.write_text('[tool.modelgen]\nspec = "api/spec.yaml"\nout = "out"\nref-root = "."\n')
    assert run_cli("generate", "--pyproject", str(pyproject))[0] == 0
    assert (layout / "project" / "out" / "docs" / "models" / "secret.md").is_file()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_not_read(layout, run_cli, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent here")
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to(f"{device}#/Secret"))
    refused(run_cli, spec, layout / "out", "not a regular file", "--ref-root", "/")


def test_a_fifo_is_refused_without_waiting(layout):
    fifo = layout / "project" / "api" / "pipe.yaml"
    os.mkfifo(fifo)
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("pipe.yaml#/Secret"))
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(spec), "--out", str(layout / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr, done.stderr


def test_a_file_over_the_size_cap_is_refused(layout, run_cli):
    big = layout / "project" / "api" / "big.yaml"
    with open(big, "wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("big.yaml#/Secret"))
    refused(run_cli, spec, layout / "out", f"larger than {MAX_DOCUMENT_BYTES:,} bytes")


def test_invalid_utf8_is_reported_where_it_is(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\ndescription: caf\xc3\xa9 \xff\n")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    assert err.strip() == f"error: {spec}:3:19: #: invalid UTF-8 (byte 0xff)", err


def test_a_file_holding_only_a_byte_order_mark_is_empty(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(b"\xef\xbb\xbf")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2 and err.strip() == f"error: {spec}:1:1: #: the file is empty", err


def test_a_byte_order_mark_before_a_spec_is_ignored(tmp_path, run_cli):
    spec = tmp_path / "spec.json"
    spec.write_bytes(b'\xef\xbb\xbf{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}')
    assert run_cli("generate", str(spec), "--out", str(tmp_path / "out"))[0] == 0


def test_a_ref_holding_a_nul_character_is_refused(layout, run_cli):
    """No file name holds NUL: refused at the $ref, not an internal error from the file system."""
    spec = layout / "project" / "api" / "spec.yaml"
    spec.write_text(spec_referring_to("ok\\0.yaml#/Secret").replace("'", '"'))
    refused(run_cli, spec, layout / "out", "a NUL character in a file name")
