"""How documents are read: repeated keys and anchors as Speakeasy takes them, one YAML on both paths.

YAML goes through yaml-rs, or through PyYAML when the text has an anchor or yaml-rs fails;
JSON through `json`. Each case here runs on every path, and the paths must agree.
"""

from __future__ import annotations

import random
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


# -- one reading of scalars on both paths ------------------------------------------------------

SCALARS = str.split(
    "1_000 0b101 -0b1 0o17 0O17 0x1F 0X1F -0x1 +0x1 +0o7 -0o7 +12 -12 012 09 0.5 .5 1. 1e3 1E3 1e+3 "
    "1.5e-3 +.5 -.5 .inf .Inf -.inf +.INF 1_0.5 1__0 _1 1_ _ . _id 0Bytes feed_445566 1005_code 0_x1 "
    "_0x1 _+1 true True FALSE null Null ~ 2001-12-14 2001-12-14T21:59:43Z 1:20 yes no on off = <<"
)
TAGGED = "b: !!binary aGk=\nt: !!timestamp 2001-12-14\no: !!omap [{a: 1}]\nl: !local {a: [1]}\ns: !!set {a, b}\n"


def both_paths_texts(text: str) -> tuple[str, str]:
    """`text` as yaml-rs reads it, and with an unrelated anchor that sends it to PyYAML."""
    return text, text + "x-unrelated: &anchor 1\n"


def both_paths(text: str) -> tuple:
    """`text` read by yaml-rs and by PyYAML."""
    return tuple(parse_text(variant, "t.yaml") for variant in both_paths_texts(text))


def test_every_scalar_reads_alike_on_both_paths():
    fast, fallback = both_paths("".join(f"k{i}: {s}\n" for i, s in enumerate(SCALARS)))
    fallback.pop("x-unrelated")
    assert repr(fast) == repr(fallback)  # repr: nan is not equal to itself


def test_numbers_read_as_speakeasy_reads_them():
    """Go's yaml.v3 drops underscores and takes 0b/0o/0x prefixes; `012` stays decimal on both paths."""
    for data in both_paths("v: [1_000, 0b101, -0x1, 0O17, 012, _id, 0Bytes, '1_000']\n"):
        assert data["v"] == [1000, 5, -1, 15, 12, "_id", "0Bytes", "1_000"]


def test_tags_beyond_the_core_schema_keep_plain_data_on_both_paths():
    for data in both_paths(TAGGED):
        assert {k: data[k] for k in "btols"} == {
            "b": "aGk=",
            "t": "2001-12-14",
            "o": [{"a": 1}],
            "l": {"a": [1]},
            "s": {"a": None, "b": None},
        }


def test_complex_keys_read_alike_on_both_paths():
    fast, fallback = both_paths("? [a, [b, 1_0]]\n: 1\n? {a: 1}\n: 2\n")
    fallback.pop("x-unrelated")
    assert fast == fallback == {("a", ("b", 10)): 1, frozenset({("a", 1)}): 2}


def test_scalar_keys_are_their_text_on_both_paths():
    """A key is a string, as in JSON and in Go's yaml.v3 (which keeps the key's text); an
    integer key is its decimal digits, the only spelling the fast path knows."""
    for data in both_paths("k:\n  null: 1\n  ~: 2\n  true: 3\n  False: 4\n  1.50: 5\n  200: 6\n  1_000: 7\n"):
        assert data["k"] == {"null": 1, "~": 2, "true": 3, "False": 4, "1.50": 5, "200": 6, "1000": 7}


def test_an_integer_key_and_its_quoted_twin_are_one_key_on_both_paths():
    for text in both_paths_texts("k:\n  200: a\n  '200': b\n"):
        warnings: list = []
        assert parse_text(text, "t.yaml", warnings.append)["k"] == {"200": "a"}
        assert [(w.line, w.message) for w in warnings] == [(3, "duplicate key '200': the first, on line 2, is kept")]


def test_keys_spelled_as_null_or_true_name_what_they_say(tmp_path, run_cli):
    """Unquoted `null:` is the wire name "null" (not "None"), and `#/components/schemas/true`
    finds the component keyed `true:`."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    true: {type: object, properties: {null: {type: string}}}\n"
        "    Pet: {type: object, properties: {flag: {$ref: '#/components/schemas/true'}}}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 0, err
    sources = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*.py"))
    assert "    null: Optional[str] = None\n" in sources and 'None"' not in sources


def test_pyyaml_reads_random_number_like_tokens_as_yaml_rs_does():
    yaml_rs = pytest.importorskip("yaml_rs")
    from generator.yamlpos import load_yaml

    rng = random.Random(15)
    tokens = {"".join(rng.choice("0123456789_.+-eExXoObBaf") for _ in range(rng.randint(1, 7))) for _ in range(4000)}
    differ = []
    for token in sorted(tokens):
        text = f"v: {token}\n"
        try:
            expected = yaml_rs.loads(text, parse_datetime=False)["v"]
        except Exception:  # noqa: BLE001, S112 - what yaml-rs refuses goes to PyYAML anyway
            continue
        got = load_yaml(text, "t.yaml")["v"]
        if repr(got) != repr(expected):
            differ.append((token, expected, got))
    assert not differ, differ[:20]


def test_an_unrelated_anchor_does_not_change_an_enum(tmp_path, run_cli):
    spec = (
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Size:\n      type: integer\n      enum: [1_000, 0b101, 0x1F]\n"
    )
    outputs = []
    for name, text in (("plain", spec), ("anchored", spec + "x-unrelated: &anchor 1\n")):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        out = tmp_path / name
        assert run_cli("generate", str(tmp_path / f"{name}.yaml"), "--out", str(out))[0] == 0
        outputs.append((out / "docs" / "models" / "size.md").read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert "1000" in outputs[0] and "31" in outputs[0]
