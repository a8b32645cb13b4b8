"""How documents are read: repeated keys and anchors as Speakeasy takes them, one YAML on both paths.

YAML goes through yaml-rs, or through PyYAML when the text has an anchor or yaml-rs fails;
JSON through `json`. Each case here runs on every path, and the paths must agree.
"""

from __future__ import annotations

import re

import pytest

from generator.load import parse_text

# The same document three ways: yaml-rs (no anchor; it refuses the repeated key, so PyYAML
# re-reads it), PyYAML from the start (an unrelated anchor), and JSON.
REPEATED = {
    "fast.yaml": (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Pet:\n      type: object\n      properties:\n        name: {type: string}\n"
        "      properties:\n        id: {type: integer}\n"
    ),
    "anchored.yaml": (
        "openapi: 3.0.3\ninfo: {title: t, version: &v '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Pet:\n      type: object\n      properties:\n        name: {type: string}\n"
        "      properties:\n        id: {type: integer}\n"
    ),
    "spec.json": (
        '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},\n'
        ' "components": {"schemas": {"Pet": {"type": "object",\n'
        '  "properties": {"name": {"type": "string"}},\n'
        '  "properties": {"id": {"type": "integer"}}}}}}\n'
    ),
}
REPEAT_AT = {"fast.yaml": (10, 7, 8), "anchored.yaml": (10, 7, 8), "spec.json": (4, 3, 3)}
WARNING = re.compile(r"^warning: (?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<pointer>#\S*): (?P<message>.+)$")


@pytest.mark.parametrize("name", sorted(REPEATED))
def test_a_repeated_key_keeps_its_first_occurrence_with_a_warning(tmp_path, run_cli, name):
    spec = tmp_path / name
    spec.write_text(REPEATED[name], encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli("generate", str(spec), "--out", str(out))
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, err
    match = WARNING.match(warnings[0])
    assert match, warnings[0]
    line, col, first = REPEAT_AT[name]
    assert (match["file"], int(match["line"]), int(match["col"])) == (str(spec), line, col)
    assert match["pointer"] == "#/components/schemas/Pet"
    assert match["message"] == f"duplicate key 'properties': the first, on line {first}, is kept"
    page = (out / "docs" / "models" / "pet.md").read_text(encoding="utf-8")
    assert "`name`" in page and "`id`" not in page


@pytest.mark.parametrize("name", sorted(REPEATED))
def test_every_path_reads_a_repeated_key_alike(name):
    warnings: list = []
    data = parse_text(REPEATED[name], name, warnings.append)
    assert data["components"]["schemas"]["Pet"]["properties"] == {"name": {"type": "string"}}
    assert [w.message.split(":")[0] for w in warnings] == ["duplicate key 'properties'"]


def test_repeated_keys_are_all_reported_in_document_order():
    text = "a: 1\nb: {x: 1, x: 2}\na: 3\nc:\n  - {y: 1, y: 2, y: 3}\n"
    warnings: list = []
    assert parse_text(text, "t.yaml", warnings.append) == {"a": 1, "b": {"x": 1}, "c": [{"y": 1}]}
    assert [(w.line, w.pointer, w.message) for w in warnings] == [
        (2, "/b", "duplicate key 'x': the first, on line 2, is kept"),
        (3, "", "duplicate key 'a': the first, on line 1, is kept"),
        (5, "/c/0", "duplicate key 'y': the first, on line 5, is kept"),
        (5, "/c/0", "duplicate key 'y': the first, on line 5, is kept"),
    ]


def test_an_anchor_defined_again_names_its_latest_node():
    """YAML 1.2 section 7.1, and Go's yaml.v3: an alias refers to the most recent anchor of its name
    (the Log10 spec's sibling openai.yaml defines `run_temperature_description` twice)."""
    text = "a: &d first\nb: *d\nc: &d second\nd: *d\ne: [&d third, *d]\n"
    assert parse_text(text, "t.yaml") == {
        "a": "first",
        "b": "first",
        "c": "second",
        "d": "second",
        "e": ["third", "third"],
    }


def test_an_error_in_a_file_with_a_redefined_anchor_is_still_positioned(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: &t t, version: '1'}\nx-a: &t again\npaths: {}\n"
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/Nope'}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    assert err.startswith(f"error: {spec}:7:8: #/components/schemas/A: "), err
