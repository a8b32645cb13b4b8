"""Broken input: one line `FILE:LINE:COL: #POINTER: message`, exit 2, nothing written, no traceback.

Every case here is input we know to be bad, so none of them may reach the CLI's
"internal error" fallback: that path is for our bugs, not for bad specs.
"""

from __future__ import annotations

import json
import re

import pytest

ERROR_LINE = re.compile(r"^error: (?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<pointer>#\S*): (?P<message>.+)$")

HEAD = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"


def schemas(body: str) -> str:
    """A spec whose components.schemas is `body` (YAML, indented by the caller to 4 spaces)."""
    return HEAD + "components:\n  schemas:\n" + body


# (file name, text, expected pointer, words in the message, expected line or None)
CASES = [
    ("spec.yaml", "openapi: 3.0.3\ninfo: [1, 2\n", "#", "invalid YAML", 3),
    ("spec.yaml", "openapi: 3.0.3\n  bad indent: x\n", "#", "invalid YAML", None),
    ("spec.json", '{"openapi": "3.0.3",\n "info": }', "#", "invalid JSON", 2),
    ("spec.yaml", "", "#", "empty", 1),
    ("spec.yaml", "   \n\n", "#", "empty", 1),
    ("spec.yaml", "# only a comment\n", "#", "must be a mapping", 1),
    ("spec.yaml", "- 1\n- 2\n", "#", "must be a mapping", 1),
    ("spec.yaml", "just text\n", "#", "must be a mapping", 1),
    ("spec.yaml", "swagger: '1.2'\ninfo: {title: t}\n", "#/swagger", "Swagger 1.2 is not supported", 1),
    ("spec.yaml", "openapi: 4.0.0\ninfo: {title: t}\n", "#/openapi", "unsupported OpenAPI version", 1),
    ("spec.yaml", "openapi: 2.0.0\ninfo: {title: t}\n", "#/openapi", "unsupported OpenAPI version", 1),
    ("spec.yaml", "openapi: [3]\n", "#/openapi", "unsupported OpenAPI version", 1),
    ("spec.yaml", "info: {title: t}\npaths: {}\n", "#", "not an OpenAPI document", 1),
    (
        "spec.yaml",
        schemas("    A: {$ref: '#/components/schemas/Nope'}\n"),
        "#/components/schemas/A",
        "points to nothing",
        6,
    ),
    ("spec.yaml", schemas("    A: {$ref: 'missing.yaml#/X'}\n"), "#/components/schemas/A", "cannot read", 6),
    ("spec.yaml", schemas("    A: {$ref: 5}\n"), "#/components/schemas/A", "$ref must be a string", 6),
    (
        "spec.yaml",
        schemas("    A: {$ref: 'https://example.com/x.yaml#/A'}\n"),
        "#/components/schemas/A",
        "remote $ref",
        6,
    ),
    (
        "spec.yaml",
        schemas("    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n"),
        "#/components/schemas/",
        "cycle",
        None,
    ),
    ("spec.yaml", schemas("    A: {$ref: '#/components/schemas/A'}\n"), "#/components/schemas/A", "cycle", 6),
    (
        "spec.yaml",
        schemas(
            "    A:\n      allOf: [{$ref: '#/components/schemas/B'}, {type: object}]\n    B:\n      allOf: [{$ref: '#/components/schemas/A'}, {type: object}]\n"
        ),
        "#/components/schemas/",
        "cyclic",
        None,
    ),
    (
        "spec.yaml",
        schemas("    A:\n      type: object\n      properties: 5\n"),
        "#/components/schemas/A/properties",
        "properties must be a mapping",
        8,
    ),
    (
        "spec.yaml",
        schemas("    A:\n      type: object\n      properties:\n        x: 7\n"),
        "#/components/schemas/A/properties/x",
        "expected a schema",
        9,
    ),
    (
        "spec.yaml",
        schemas("    A:\n      type: array\n      items: 'x'\n"),
        "#/components/schemas/A/items",
        "expected a schema",
        8,
    ),
    (
        "spec.yaml",
        schemas("    A:\n      type: object\n      required: 3\n      properties: {a: {type: string}}\n"),
        "#/components/schemas/A/required",
        "required must be a list",
        8,
    ),
    (
        "spec.yaml",
        schemas("    A:\n      type: string\n      enum: {}\n"),
        "#/components/schemas/A/enum",
        "enum must be a list",
        8,
    ),
    ("spec.yaml", schemas("    A:\n      allOf: 5\n"), "#/components/schemas/A/allOf", "allOf must be a list", 7),
    ("spec.yaml", schemas("    A:\n      oneOf: 'x'\n"), "#/components/schemas/A/oneOf", "oneOf must be a list", 7),
    ("spec.yaml", schemas("    A:\n      type: 5\n"), "#/components/schemas/A/type", "type must be", 7),
    ("spec.yaml", schemas("    A: [1, 2]\n"), "#/components/schemas/A", "expected a schema", 6),
    ("spec.yaml", HEAD.replace("paths: {}\n", "paths: 5\n"), "#/paths", "paths must be a mapping", 3),
    ("spec.yaml", HEAD + "components: []\n", "#/components", "components must be a mapping", 4),
    ("spec.yaml", HEAD + "components:\n  schemas: 5\n", "#/components/schemas", "must be a mapping", 5),
    ("spec.yaml", HEAD.replace("paths: {}\n", "paths:\n  /a: 7\n"), "#/paths/~1a", "must be a mapping", 4),
    (
        "spec.yaml",
        HEAD.replace("paths: {}\n", "paths:\n  /a b: {get: [1]}\n"),
        "#/paths/~1a%20b/get",
        "operation must be a mapping",
        4,
    ),
    (
        "spec.yaml",
        HEAD.replace("paths: {}\n", "paths:\n  /a:\n    get: {responses: 5}\n"),
        "#/paths/~1a/get/responses",
        "responses must be a mapping",
        5,
    ),
    (
        "spec.yaml",
        HEAD.replace("paths: {}\n", "paths:\n  /a:\n    get: {parameters: 5, responses: {}}\n"),
        "#/paths/~1a/get/parameters",
        "parameters must be a list",
        5,
    ),
    (
        "spec.yaml",
        HEAD.replace(
            "paths: {}\n",
            "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: 5\n",
        ),
        "#/paths/~1a/get/responses/200/content/application~1json/schema",
        "expected a schema",
        11,
    ),
    ("spec.yaml", "a: &a [*a]\nopenapi: 3.0.3\n", "#", "cycle", None),
]


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-bomb:\n"
        + "\n".join("  " + line for line in lines)
        + "\n"
    )


CASES.append(("spec.yaml", _billion_laughs(), "#", "aliases expand", None))
CASES.append(
    (
        "spec.json",
        json.dumps(
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x": [[[[[[]]]]]]}
        ).replace("[[[[[[]]]]]]", "[" * 100000 + "]" * 100000),
        "#",
        "",
        None,
    )
)


def check_one_line_error(err: str) -> re.Match:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    match = ERROR_LINE.match(lines[0])
    assert match, lines[0]
    assert "internal error" not in lines[0], lines[0]
    assert "Traceback" not in err
    return match


@pytest.mark.parametrize(
    "name, text, pointer, words, line", CASES, ids=[f"{i}-{c[3] or 'deep'}" for i, c in enumerate(CASES)]
)
def test_bad_input_is_one_clear_line(tmp_path, run_cli, name, text, pointer, words, line):
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run_cli("generate", str(spec), "--out", str(out))
    assert code == 2, err
    match = check_one_line_error(err)
    assert words in match["message"], err
    assert match["pointer"].startswith(pointer) if pointer.endswith("/") else match["pointer"] == pointer, err
    if line is not None:
        assert int(match["line"]) == line, err
    assert not out.exists()
    assert stdout == ""


def test_non_utf8_file_is_reported(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(b"openapi: 3.0.3\ninfo: {title: caf\xe9}\n")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "invalid UTF-8 (byte 0xe9)" in check_one_line_error(err)["message"]


def test_missing_spec_file_is_reported(tmp_path, run_cli):
    code, _, err = run_cli("generate", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "out"))
    assert code == 2
    check_one_line_error(err)


def test_error_in_a_referenced_file_names_that_file(tmp_path, run_cli):
    (tmp_path / "other.yaml").write_text(
        "Thing:\n  type: object\n  properties:\n    a: {$ref: '#/Nope'}\n", encoding="utf-8"
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(schemas("    T: {$ref: 'other.yaml#/Thing'}\n"), encoding="utf-8")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    match = check_one_line_error(err)
    assert match["file"].endswith("other.yaml") and match["line"] == "4", err
    assert match["pointer"] == "#/Thing/properties/a"


def test_pointer_with_spaces_and_colons_stays_parseable(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(schemas('    "a: b\\nc #d":\n      type: object\n      properties: 5\n'), encoding="utf-8")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    match = check_one_line_error(err)
    assert match["pointer"] == "#/components/schemas/a:%20b%0Ac%20%23d/properties", err


def test_validator_findings_use_the_same_format(tmp_path, run_cli):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {descriptio: x}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"), "--validate")
    assert code == 2
    match = check_one_line_error(err)
    assert match["message"].startswith("invalid OpenAPI"), err
    assert match["pointer"].startswith("#/paths/~1a/get/responses/200"), err
    assert match["line"] == "7", err
    assert not (tmp_path / "out").exists()


def test_a_default_that_misfits_its_schema_is_named_where_it_is(tmp_path, run_cli):
    # the validator's path is inside the value (empty): before, the error named 1:1 and `#`
    # (openapi-python-client's baseline spec: a string parameter with `default: 1`)
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A: {type: object, properties: {n: {type: integer, default: 1}}}\n"
        "    B:\n      type: object\n      properties:\n        s:\n          type: string\n          default: 1\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"), "--validate")
    assert code == 2
    match = check_one_line_error(err)
    assert match["pointer"] == "#/components/schemas/B/properties/s/default", err
    assert match["line"] == "12" and "not of type 'string'" in match["message"], err


def test_unexpected_exception_is_one_line_internal_error(tmp_path, run_cli, monkeypatch):
    """A bug of ours (simulated by a failing dependency) still gives one line and exit 2."""
    import jinja2

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure\nwith a second line")

    monkeypatch.setattr(jinja2.Template, "render", broken)
    monkeypatch.delenv("MODELGEN_DEBUG", raising=False)
    spec = tmp_path / "spec.yaml"
    spec.write_text(schemas("    A: {type: object, properties: {a: {type: string}}}\n") + "", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli("generate", str(spec), "--out", str(out))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "internal error (RuntimeError: simulated failure with a second line)" in lines[0], err
    assert "Traceback" not in err
    assert not out.exists()
