"""Legal but nasty specs: they generate, the package imports, nothing injected runs, tables hold.

One payload string, full of what could break out of a Python string, docstring, comment,
Jinja template, Markdown table or code fence, is put in every text slot a spec has:
titles, descriptions, examples, defaults, enum values, schema and property names,
operation ids and parameter names. Running the generated package must not execute the
`open(MARKER, "w")` hidden in it; every Markdown page is parsed with a CommonMark + GFM
table parser and each table must have exactly the rows and columns the model has.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from generator.errors import escape_pointer_token

MARKER = "INJECTED_MARKER"
CODE = f"open({MARKER!r}, 'w').close()"
PAYLOADS = [
    f'x"""\n{CODE}\n"""',
    f"x'''\n{CODE}\n'''",
    f'"); {CODE}; ("',
    f"\\\n{CODE} \\",
    "trailing backslash \\",
    "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# comment #}",
    "`tick` ``double`` | pipe || cell | \\| escaped pipe",
    "<script>alert(1)</script>",
    "\n<script>\n",
    "```\nfence\n",
    "~~~python\nfence",
    "<!-- unclosed comment",
    "<pre>\nunclosed pre",
    "nul \x00 bell \x07 formfeed \x0c esc \x1b del \x7f",
    "crlf \r\n cr \r ls \u2028 ps \u2029 nel \x85",
    "\\N{BULLET} \\u0041 \\x41 %s {0} ${x}",
    "# heading\n\n| a | b |\n| - | - |\n| 1 | 2 |",
    "",
    " ",
    "ünïcödé 日本語 🎉",
]


def payload_spec() -> dict:
    schemas: dict = {}
    names = [f"S{i} {p}" for i, p in enumerate(PAYLOADS)]
    for index, text in enumerate(PAYLOADS):
        props = {
            f"p{j}{p}": {"type": "string", "description": p, "example": p, "default": p, "title": p}
            for j, p in enumerate(PAYLOADS)
        }
        props["list"] = {"type": "array", "items": {"type": "string", "enum": PAYLOADS}, "description": text}
        props["obj"] = {
            "type": "object",
            "title": text,
            "description": text,
            "properties": {text or "x": {"type": "integer"}},
        }
        schemas[names[index]] = {
            "type": "object",
            "title": text,
            "description": text,
            "example": {text: text},
            "required": [f"p0{PAYLOADS[0]}"],
            "properties": props,
        }
    schemas["Values"] = {"type": "string", "enum": PAYLOADS, "description": PAYLOADS[0]}
    schemas["Choice"] = {
        "oneOf": [{"$ref": "#/components/schemas/" + escape_pointer_token(n)} for n in names[:3]] + [{"type": "string"}]
    }
    everything = {
        "type": "object",
        "properties": {
            f"r{i}": {"$ref": "#/components/schemas/" + escape_pointer_token(n)} for i, n in enumerate(schemas)
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": PAYLOADS[0] + PAYLOADS[3], "version": "1", "description": PAYLOADS[0]},
        "paths": {
            "/x": {
                "post": {
                    "operationId": PAYLOADS[0],
                    "description": PAYLOADS[2],
                    "parameters": [
                        {
                            "name": p or "empty",
                            "in": "query",
                            "schema": {"type": "string"},
                            "description": p,
                            "example": p,
                        }
                        for p in PAYLOADS[:6]
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {p or "e": {"type": "string", "example": p} for p in PAYLOADS},
                                }
                            }
                        }
                    },
                    "responses": {
                        "200": {"description": PAYLOADS[1], "content": {"application/json": {"schema": everything}}}
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def generate(tmp_path, run_cli, spec: dict, *extra: str) -> str:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli("generate", str(path), "--out", str(out), "--package", "hostile_pkg", *extra)
    assert code == 0, err
    return str(out)


def import_in_subprocess(out: str, cwd, script: str = "") -> subprocess.CompletedProcess:
    """Import the generated package in a fresh interpreter whose working folder is `cwd`."""
    code = (
        "import sys, warnings\nwarnings.simplefilter('ignore')\nsys.path.insert(0, sys.argv[1])\nimport hostile_pkg\n"
        + script
    )
    return subprocess.run(
        [sys.executable, "-c", code, out], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every table of a page as rows of cell texts, parsed by markdown-it (CommonMark + GFM tables)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tables and token.map is not None and tables[-1] and _in_cell(tokens, token):
            tables[-1][-1].append(token.content)
    return tables


def _in_cell(tokens, inline) -> bool:
    index = tokens.index(inline)
    return index > 0 and tokens[index - 1].type in ("th_open", "td_open")


@pytest.fixture(scope="module")
def payload_output(tmp_path_factory):
    from generator.cli import main

    tmp = tmp_path_factory.mktemp("payload")
    path = tmp / "spec.json"
    path.write_text(json.dumps(payload_spec()), encoding="utf-8")
    out = tmp / "out"
    assert main(["generate", str(path), "--out", str(out), "--package", "hostile_pkg"]) == 0
    return str(out), tmp


def test_payloads_compile_and_nothing_injected_runs(payload_output):
    out, tmp = payload_output
    for base, _, files in os.walk(out):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(base, name), encoding="utf-8") as handle:
                    compile(handle.read(), name, "exec")
    check = f"""
m = hostile_pkg.models
values = [member.value for member in m.Values]
assert values == {PAYLOADS!r}, values
import json
spec = json.loads(open(sys.argv[2], encoding="utf-8").read())
print("ok")
"""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, warnings\nwarnings.simplefilter('ignore')\nsys.path.insert(0, sys.argv[1])\nimport hostile_pkg\n"
            + check,
            out,
            str(tmp / "spec.json"),
        ],
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]
    assert not (tmp / MARKER).exists(), "a statement hidden in the spec ran at import"


def test_payload_wire_names_round_trip(payload_output):
    """Property names full of quotes and backslashes are aliases that still validate and dump."""
    out, tmp = payload_output
    script = f"""
payloads = {PAYLOADS!r}
model = getattr(hostile_pkg.models, [n for n in dir(hostile_pkg.models) if n.startswith("S1") and not n.endswith("TypedDict")][0])
data = {{f"p{{j}}{{p}}": p for j, p in enumerate(payloads)}}
obj = model.model_validate(data)
dumped = obj.model_dump(by_alias=True, exclude_none=True)
for key, value in data.items():
    assert dumped[key] == value, (key, dumped.get(key))
print("ok")
"""
    done = import_in_subprocess(out, tmp, script)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


def test_payload_tables_keep_their_shape(payload_output):
    out, _ = payload_output
    spec = payload_spec()
    pages = 0
    for base, _, files in os.walk(os.path.join(out, "docs")):
        for name in files:
            with open(os.path.join(base, name), encoding="utf-8") as handle:
                text = handle.read()
            expected = [line for line in text.split("\n") if line.startswith("| ") and not line.startswith("| -")]
            tables = markdown_tables(text)
            rows = [row for table in tables for row in table]
            assert len(rows) == len(expected), f"{name}: {len(rows)} table rows parsed, {len(expected)} written"
            for table in tables:
                widths = {len(row) for row in table}
                assert len(widths) == 1, f"{name}: rows with different column counts {widths}"
            pages += 1
    assert pages > len(spec["components"]["schemas"])


def test_payload_model_table_has_one_row_per_property(payload_output):
    out, _ = payload_output
    with open(os.path.join(out, "docs", "models", "values.md"), encoding="utf-8") as handle:
        text = handle.read()
    tables = markdown_tables(text)
    if tables:  # enum as a table: header + one row per value
        assert len(tables[-1]) == 1 + len(PAYLOADS)
    found = []
    for base, _, files in os.walk(os.path.join(out, "docs")):
        for name in files:
            if name.startswith("s1"):
                with open(os.path.join(base, name), encoding="utf-8") as handle:
                    found.append(markdown_tables(handle.read()))
    fields_tables = [t[-1] for t in found if t and len(t[-1]) == 1 + len(PAYLOADS) + 2]
    assert fields_tables, "the Fields table of a payload model lost or gained rows"
    assert all(len(row) in (4, 5) for row in fields_tables[0])


NASTY_NAMES = [
    "class", "def", "None", "True", "False", "import", "str", "list", "dict", "type", "object", "int", "1abc", "123",
    "Café", "日本語", "", "Foo", "foo", "FOO", "a-b", "a_b", "List", "Optional", "Enum", "BaseModel", "UNSET", "Nullable",
    "pydantic", "date", "datetime", "Any", "TypedDict", "FooTypedDict", "model_config", "model_dump", "self",
    "../../evil", "/etc/passwd", "a/b", "C:\\x", "..", ".", "con", "nul", "x" * 300,
]  # fmt: skip


def nasty_spec() -> dict:
    schemas: dict = {}
    for name in NASTY_NAMES:
        schemas[name] = {
            "type": "object",
            "properties": {n: {"type": "string"} for n in NASTY_NAMES},
            "required": NASTY_NAMES[:4],
        }
    schemas["Node"] = {
        "type": "object",
        "properties": {
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            "next": {"$ref": "#/components/schemas/Node"},
        },
    }
    schemas["A1"] = {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B1"}}}
    schemas["B1"] = {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A1"}}}
    schemas["Tree"] = {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
            {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Tree"}},
        ]
    }
    schemas["U1"] = {"oneOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#/components/schemas/U2"}}]}
    schemas["U2"] = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"$ref": "#/components/schemas/U1"}}]}
    schemas["Big"] = {"type": "string", "enum": [f"value {i}" for i in range(10000)]}
    schemas["Clash"] = {
        "type": "string",
        "enum": ["日本", "中国", "", " ", "-", "a", "A", "a-", "1000000", "None"] + [f"é{i}" for i in range(2000)],
    }
    schemas["Huge"] = {
        "type": "object",
        "description": "word " * 200_000,
        "properties": {"a": {"type": "string", "description": "y" * 100_000}},
    }
    deep: dict = {"type": "string"}
    for level in range(200):
        deep = {"type": "object", "properties": {f"level{level}": deep}}
    schemas["Deep"] = deep
    arrays: dict = {"type": "integer"}
    for _ in range(200):
        arrays = {"type": "array", "items": arrays}
    schemas["DeepArrays"] = arrays
    maps: dict = {"type": "integer"}
    for _ in range(200):
        maps = {"type": "object", "additionalProperties": maps}
    schemas["DeepMaps"] = maps
    everything = {
        "type": "object",
        "properties": {
            f"r{i}": {"$ref": "#/components/schemas/" + escape_pointer_token(n)} for i, n in enumerate(schemas)
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "nasty", "version": "1"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "../../op",
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": everything}}}
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


@pytest.fixture(scope="module")
def nasty_output(tmp_path_factory):
    from generator.cli import main

    tmp = tmp_path_factory.mktemp("nasty")
    path = tmp / "spec.json"
    path.write_text(json.dumps(nasty_spec()), encoding="utf-8")
    out = tmp / "out"
    assert main(["generate", str(path), "--out", str(out), "--package", "hostile_pkg"]) == 0
    return str(out), tmp


def test_nasty_names_stay_inside_and_distinct(nasty_output):
    out, tmp = nasty_output
    assert sorted(os.listdir(tmp)) == ["out", "spec.json"], "something was written beside the output folder"
    written = []
    for base, _, files in os.walk(out):
        for name in files:
            path = os.path.realpath(os.path.join(base, name))
            assert path.startswith(os.path.realpath(out) + os.sep)
            written.append(os.path.relpath(path, out))
    folded = [p.casefold() for p in written]
    assert len(set(folded)) == len(folded), "two outputs differ only in case (they collide on macOS and Windows)"
    docs = [p for p in written if p.startswith("docs")]
    assert len(docs) >= len(NASTY_NAMES) + 8


def test_nasty_package_imports_and_works(nasty_output):
    out, tmp = nasty_output
    script = """
m = hostile_pkg.models
node = m.Node.model_validate({"children": [{"children": []}], "next": {"next": {}}})
assert node.next.next is not None and node.children[0].children == []
import pydantic
adapter = pydantic.TypeAdapter(m.Tree)
assert adapter.validate_python(["a", {"b": ["c"]}]) == ["a", {"b": ["c"]}]
assert len(m.Big) == 10000
assert len(m.Clash) == 2010 and len({member.name for member in m.Clash}) == 2010
deep = {"level0": "x"}
for level in range(1, 200):
    deep = {f"level{level}": deep}
assert m.Deep.model_validate(deep) is not None
assert len(m.Huge.__doc__) > 500_000
print("ok")
"""
    done = import_in_subprocess(out, tmp, script)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-3000:]


def test_package_option_cannot_leave_the_output_folder(tmp_path, run_cli):
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(nasty_spec()), encoding="utf-8")
    for package in ("../escaped", "/tmp/abs", "a/../../b"):
        code, _, err = run_cli("generate", str(path), "--out", str(tmp_path / "out"), "--package", package)
        assert code == 2 and "not a Python identifier" in err, err
    written = [os.path.join(base, name) for base, _, names in os.walk(tmp_path) for name in names]
    assert written == [str(path)], written
