"""Property tests: random schemas and mutated real specs never crash the generator.

Whatever the document, `build` either returns files whose Python compiles, or raises the
one SpecError (shown on one line). Any other exception is a bug. The default run is a fast
slice; `MODELGEN_FUZZ=1` runs thousands of cases (`MODELGEN_FUZZ=20000` sets the count).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile

import pytest
from conftest import ROOT, SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import Options
from generator.errors import SpecError
from generator.pipeline import build

FUZZ = os.environ.get("MODELGEN_FUZZ", "")
EXAMPLES = (int(FUZZ) if FUZZ.isdigit() and int(FUZZ) > 1 else 3000) if FUZZ else 40
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=not FUZZ
)

NASTY_TEXT = st.sampled_from(
    ["", " ", "a", "A", "class", "None", "1x", "a-b", "a_b", "Foo", "foo", "日本", "x/y", "../z", "~0~1", '"""', "'''", "\\", "|", "`", "<script>", "\x00", "\n", "{{ x }}", "```"]
)  # fmt: skip
TEXT = st.one_of(NASTY_TEXT, st.text(max_size=12))
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True), TEXT)
JSONISH = st.recursive(
    SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)), max_leaves=8
)
NAMES = ["A", "B", "a", "Node", "日本", "class", "x/y"]


def schema_strategy() -> st.SearchStrategy:
    """JSON Schema-ish nodes: mostly well formed, sometimes with values of the wrong type."""
    ref = st.sampled_from(NAMES + ["Missing"]).map(
        lambda n: {"$ref": "#/components/schemas/" + n.replace("~", "~0").replace("/", "~1")}
    )
    leaf = st.one_of(
        st.fixed_dictionaries(
            {"type": st.sampled_from(["string", "integer", "number", "boolean", "null", "object", "array", "bogus"])},
            optional={
                "format": st.sampled_from(["date", "date-time", "binary", "uuid"]),
                "description": TEXT,
                "example": JSONISH,
                "nullable": st.booleans(),
            },
        ),
        ref,
        st.fixed_dictionaries(
            {"enum": st.lists(SCALAR, max_size=5)}, optional={"type": st.sampled_from(["string", "integer"])}
        ),
        st.fixed_dictionaries({"const": SCALAR}),
        st.just({}),
        st.booleans(),
        JSONISH,  # not a schema at all, most of the time
    )

    def extend(inner: st.SearchStrategy) -> st.SearchStrategy:
        return st.one_of(
            st.fixed_dictionaries(
                {"type": st.just("object"), "properties": st.dictionaries(TEXT, inner, max_size=4)},
                optional={
                    "required": st.one_of(st.lists(TEXT, max_size=3), SCALAR),
                    "additionalProperties": st.one_of(st.booleans(), inner),
                    "title": TEXT,
                    "description": TEXT,
                },
            ),
            st.fixed_dictionaries({"type": st.just("array"), "items": inner}),
            st.fixed_dictionaries(
                {"oneOf": st.lists(inner, max_size=4)},
                optional={"discriminator": st.fixed_dictionaries({"propertyName": TEXT})},
            ),
            st.fixed_dictionaries({"anyOf": st.lists(inner, max_size=4)}),
            st.fixed_dictionaries({"allOf": st.lists(inner, max_size=3)}),
            st.fixed_dictionaries(
                {"type": st.lists(st.sampled_from(["string", "null", "object", "array", "integer"]), max_size=3)},
                optional={"items": inner},
            ),
            st.dictionaries(
                st.sampled_from(
                    [
                        "type",
                        "properties",
                        "items",
                        "enum",
                        "oneOf",
                        "allOf",
                        "required",
                        "$ref",
                        "additionalProperties",
                    ]
                ),
                inner,
                max_size=3,
            ),
        )

    return st.recursive(leaf, extend, max_leaves=12)


def spec_of(components: dict, flavour_paths: dict | None = None) -> dict:
    everything = {
        "type": "object",
        "properties": {
            f"r{i}": {"$ref": "#/components/schemas/" + n.replace("~", "~0").replace("/", "~1")}
            for i, n in enumerate(components)
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "fuzz", "version": "1"},
        "paths": flavour_paths
        or {
            "/x": {
                "post": {
                    "operationId": "op",
                    "requestBody": {"content": {"application/json": {"schema": everything}}},
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": everything}}}
                    },
                }
            }
        },
        "components": {"schemas": components},
    }


def check(document: dict, flavour: str = "python") -> None:
    """The property: SpecError or compiling output; nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "spec.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(document, handle, allow_nan=True)
        try:
            _, files = build(path, Options(flavour=flavour, package="fuzz_pkg"))
        except SpecError as error:
            assert "\n" not in str(error)
            return
    for name, text in files.items():
        text.encode("utf-8")
        if name.endswith(".py"):
            compile(text, name, "exec")


@FUZZ_SETTINGS
@given(
    st.dictionaries(st.sampled_from(NAMES), schema_strategy(), min_size=1, max_size=5),
    st.sampled_from(["python", "typescript"]),
)
def test_random_schemas_never_crash(components, flavour):
    check(spec_of(components), flavour)


def _real_specs() -> list[dict]:
    found = []
    for base in (os.path.join(ROOT, "specs"), os.path.join(SHARED, "specs", "peer-dmcg")):
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            path = (
                os.path.join(base, name, "openapi.yaml")
                if os.path.isdir(os.path.join(base, name))
                else os.path.join(base, name)
            )
            if not path.endswith((".yaml", ".json")) or not os.path.isfile(path):
                continue
            try:
                from generator.load import parse_text

                with open(path, encoding="utf-8") as handle:
                    document = parse_text(handle.read(), path)
                json.dumps(document)  # only documents that survive a JSON round trip (no external refs needed)
            except (SpecError, ValueError, TypeError, OSError):
                continue
            if isinstance(document, dict) and "openapi" in document:
                found.append(document)
    return found


REAL_SPECS = _real_specs()


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _mutate(document: dict, data) -> dict:
    document = copy.deepcopy(document)
    locations = [p for p in _paths(document) if p]
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        if not locations:
            break
        where = data.draw(st.sampled_from(locations), label="where")
        parent = document
        try:
            for step in where[:-1]:
                parent = parent[step]
            key = where[-1]
            action = data.draw(st.sampled_from(["replace", "delete", "schema", "duplicate"]), label="action")
            if action == "replace":
                parent[key] = data.draw(JSONISH, label="value")
            elif action == "schema":
                parent[key] = data.draw(schema_strategy(), label="schema")
            elif action == "delete":
                del parent[key]
            elif isinstance(parent, dict):
                parent[str(data.draw(TEXT, label="new key"))] = copy.deepcopy(parent[key])
        except (KeyError, IndexError, TypeError):
            continue
    return document


@pytest.mark.skipif(not REAL_SPECS, reason="no real specs to mutate")
@FUZZ_SETTINGS
@given(st.data())
def test_mutated_real_specs_never_crash(data):
    document = data.draw(st.sampled_from(REAL_SPECS), label="spec")
    check(_mutate(document, data), data.draw(st.sampled_from(["python", "typescript"]), label="flavour"))
