"""The models validate the response examples written in the specs (`example` / `examples`).

Examples are taken from response media types (and their named examples) and from
component schemas; each goes through the class the generator made for that schema.
Spec authors' examples are not always valid (OpenAI's leave out required properties), so
an example the models reject must also be rejected by the spec's own schema (checked
with jsonschema on the schema turned into JSON Schema): the models never refuse what the
schema allows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import jsonschema
import pydantic
import pytest
import yaml
from conftest import shared_path
from models_support import build_ir, class_of, generate, load
from test_models_property import json_schema

CASES = ["que", "bolt", "plexpy", "openai"]  # the entries whose responses carry examples
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _examples(media: dict) -> Iterator[Any]:
    if "example" in media:
        yield media["example"]
    for named in (media.get("examples") or {}).values():
        if isinstance(named, dict) and "value" in named:
            yield named["value"]


def response_examples(document: dict) -> Iterator[tuple[str, Any, str]]:
    """(schema pointer, example, where) for every response example with a schema."""
    for path, item in (document.get("paths") or {}).items():
        for method in METHODS:
            operation = (item or {}).get(method)
            if not isinstance(operation, dict):
                continue
            for status, response in (operation.get("responses") or {}).items():
                for media_type, media in ((response or {}).get("content") or {}).items():
                    schema = (media or {}).get("schema")
                    if not isinstance(schema, dict) or "json" not in media_type:
                        continue
                    ref = schema.get("$ref", "")
                    pointer = (
                        ref[1:]
                        if ref.startswith("#/")
                        else "/".join(
                            [
                                "",
                                "paths",
                                _escape(path),
                                method,
                                "responses",
                                _escape(str(status)),
                                "content",
                                _escape(media_type),
                                "schema",
                            ]
                        )
                    )
                    for example in _examples(media):
                        yield pointer, example, f"{method.upper()} {path} {status}"


@pytest.mark.parametrize("case", CASES)
def test_response_examples_validate(case, tmp_path):
    if case == "openai":
        spec, folder = shared_path("specs", "realworld", "openai.yaml"), None
    else:
        folder = shared_path("corpus", case)
        spec = os.path.join(folder, "openapi.yaml")
    ir = build_ir(spec, folder)
    generate(spec, str(tmp_path), "pkg", folder)
    package = load(str(tmp_path), "pkg")
    with open(spec, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    by_pointer = {d.pointer.partition("#")[2]: d for d in ir.decls}
    converted = json_schema(document)
    checked, failures, bad_examples = 0, [], 0
    found = list(response_examples(document))
    found += [
        (d.pointer.partition("#")[2], d.example.value, d.name)
        for d in ir.decls
        if d.origin.from_component and d.example is not None
    ]
    for pointer, example, where in found:
        decl = by_pointer.get(pointer)
        target = class_of(package, decl, ir) if decl is not None else None
        if target is None or example is None:
            continue
        checked += 1
        try:
            pydantic.TypeAdapter(target).validate_python(example)
        except pydantic.ValidationError as error:
            if jsonschema.Draft202012Validator({**converted, "$ref": "#" + pointer}).is_valid(example):
                failures.append(f"{where}: {error.errors()[0]}"[:300])
            else:
                bad_examples += 1
    print(f"\n{case}: {checked} examples checked, {bad_examples} invalid under the spec's own schema too")
    assert not failures, "\n".join(failures)
