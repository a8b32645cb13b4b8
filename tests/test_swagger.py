"""Swagger 2.0 specs are converted in memory to OpenAPI 3 and generate like any other, with
errors still pointing into the original file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import shared_path

from generator.swagger import convert

ERROR_LINE = re.compile(r"^error: (?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<pointer>#\S*): (?P<message>.+)$")

PETSTORE = {
    "swagger": "2.0",
    "info": {"title": "pets", "version": "1"},
    "host": "api.example.com",
    "basePath": "/v1",
    "consumes": ["application/json"],
    "produces": ["application/json", "application/xml"],
    "parameters": {
        "limit": {"name": "limit", "in": "query", "type": "integer", "format": "int32", "maximum": 100},
        "petBody": {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}},
    },
    "paths": {
        "/pets/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "type": "string"}],
            "get": {
                "operationId": "getPet",
                "parameters": [{"$ref": "#/parameters/limit"}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}},
            },
            "put": {
                "operationId": "putPet",
                "consumes": ["application/merge-patch+json"],
                "parameters": [{"$ref": "#/parameters/petBody"}],
                "responses": {"204": {"description": "done"}},
            },
            "post": {
                "operationId": "uploadPhoto",
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"name": "photo", "in": "formData", "type": "file", "required": True},
                    {"name": "caption", "in": "formData", "type": "string", "description": "what it shows"},
                ],
                "responses": {"200": {"description": "ok"}},
            },
        }
    },
    "definitions": {
        "Pet": {
            "type": "object",
            "required": ["name"],
            "discriminator": "kind",
            "properties": {
                "name": {"type": "string"},
                "kind": {"type": "string"},
                "tag": {"type": "string", "x-nullable": True},
                "owner": {"$ref": "#/definitions/Owner"},
            },
        },
        "Owner": {"type": "object", "properties": {"photo": {"type": "file"}}},
    },
    "securityDefinitions": {"basic": {"type": "basic"}, "key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
}


def test_definitions_parameters_and_security_move_under_components():
    result = convert(PETSTORE, "pets.json")
    assert result["openapi"] == "3.0.3" and "swagger" not in result
    assert result["servers"] == [{"url": "https://api.example.com/v1"}]
    schemas = result["components"]["schemas"]
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schemas["Pet"]["properties"]["tag"] == {"type": "string", "nullable": True}
    assert schemas["Pet"]["discriminator"] == {"propertyName": "kind"}
    assert schemas["Owner"]["properties"]["photo"] == {"type": "string", "format": "binary"}
    assert result["components"]["parameters"] == {
        "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32", "maximum": 100}}
    }
    assert result["components"]["securitySchemes"]["basic"] == {"type": "http", "scheme": "basic"}
    assert result["components"]["securitySchemes"]["key"] == PETSTORE["securityDefinitions"]["key"]


def test_operations_get_request_bodies_and_response_content():
    item = convert(PETSTORE, "pets.json")["paths"]["/pets/{id}"]
    assert item["parameters"] == [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    get = item["get"]
    assert get["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    pet = {"schema": {"$ref": "#/components/schemas/Pet"}}
    assert get["responses"]["200"] == {
        "description": "ok",
        "content": {"application/json": pet, "application/xml": pet},
    }
    put = item["put"]
    assert "parameters" not in put
    assert put["requestBody"] == {"content": {"application/merge-patch+json": pet}, "required": True}
    assert put["responses"]["204"] == {"description": "done"}
    form = item["post"]["requestBody"]
    assert form == {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "photo": {"type": "string", "format": "binary"},
                        "caption": {"type": "string", "description": "what it shows"},
                    },
                    "required": ["photo"],
                }
            }
        },
        "required": True,
    }


def test_the_original_document_is_left_as_it_was():
    before = json.dumps(PETSTORE, sort_keys=True)
    convert(PETSTORE, "pets.json")
    assert json.dumps(PETSTORE, sort_keys=True) == before


def test_a_swagger_spec_generates(tmp_path, run_cli):
    spec = tmp_path / "pets.json"
    spec.write_text(json.dumps(PETSTORE, indent=1), encoding="utf-8")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 0, err
    pet = (tmp_path / "out" / "docs" / "models" / "pet.md").read_text(encoding="utf-8")
    tag = next(line for line in pet.splitlines() if line.startswith("| `tag`"))
    assert "*OptionalNullable[str]*" in tag  # x-nullable
    assert (tmp_path / "out" / "docs" / "models" / "putpetrequest.md").is_file()


@pytest.mark.parametrize(
    "where, pointer",
    [
        (("definitions", "Pet", "properties", "owner"), "#/definitions/Pet/properties/owner"),
        (("parameters", "petBody", "schema"), "#/parameters/petBody/schema"),
        (
            ("paths", "/pets/{id}", "get", "responses", "200", "schema"),
            "#/paths/~1pets~1%7Bid%7D/get/responses/200/schema",
        ),
    ],
)
def test_errors_point_into_the_original_file(tmp_path, run_cli, where, pointer):
    document = json.loads(json.dumps(PETSTORE))
    node = document
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = {"$ref": "#/definitions/Nope"}
    spec = tmp_path / "pets.json"
    text = json.dumps(document, indent=1)
    spec.write_text(text, encoding="utf-8")
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    match = ERROR_LINE.match(err.strip())
    assert match, err
    assert match["pointer"] == pointer, err
    line = text.splitlines()[int(match["line"]) - 1]
    assert f'"{where[-1]}": {{' in line, (line, err)


SPLIT_ROOT = """swagger: "2.0"
info: {title: split, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - $ref: "common.yaml#/parameters/Limit"
      responses:
        "200":
          description: ok
          schema: {type: array, items: {$ref: "common.yaml#/definitions/Pet"}}
        "404":
          description: missing
          schema: {$ref: "error.yaml"}
"""
SPLIT_COMMON = """parameters:
  Limit: {name: limit, in: query, type: integer}
definitions:
  Pet:
    type: object
    properties:
      name: {type: string, x-nullable: true}
      photo: {type: file}
      owner: {$ref: "#/definitions/Owner"}
  Owner: {type: object, properties: {id: {type: integer}}}
"""


def _split_spec(folder, common: str = SPLIT_COMMON):
    (folder / "common.yaml").write_text(common, encoding="utf-8")
    (folder / "error.yaml").write_text("type: object\nproperties:\n  code: {type: string, x-nullable: true}\n")
    spec = folder / "root.yaml"
    spec.write_text(SPLIT_ROOT, encoding="utf-8")
    return spec


def test_a_swagger_spec_split_into_files_converts_every_file(tmp_path, run_cli):
    """The files a Swagger spec refers to have no `swagger` key: their sections and schemas convert too,
    and `common.yaml#/definitions/Pet` finds the converted schema (before: `limit: Any`, `name: str`)."""
    spec = _split_spec(tmp_path)
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"), "--package", "split")
    assert code == 0, err
    models = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out" / "split").rglob("*.py")))
    assert "limit: Optional[int] = None" in models  # a parameter's type fields moved into its schema
    assert "name: OptionalNullable[str] = UNSET" in models  # x-nullable, in the other file
    assert "code: OptionalNullable[str] = UNSET" in models  # a file that is one schema
    assert "photo: Optional[bytes] = None" in models  # type: file


def test_an_error_in_a_split_swagger_file_points_into_that_file(tmp_path, run_cli):
    spec = _split_spec(tmp_path, SPLIT_COMMON.replace('{$ref: "#/definitions/Owner"}', '{$ref: "#/definitions/Nope"}'))
    code, _, err = run_cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert code == 2
    match = ERROR_LINE.match(err.strip())
    assert match, err
    assert match["file"].endswith("common.yaml") and match["pointer"] == "#/definitions/Pet/properties/owner", err
    assert match["line"] == "9", err


def test_kubernetes_generates_a_package_that_imports(tmp_path, run_cli):
    spec = shared_path("specs", "realworld", "kubernetes-swagger2.json")
    out = tmp_path / "out"
    code, _, err = run_cli("generate", spec, "--out", str(out), "--package", "k8s")
    assert code == 0, err
    assert (out / "docs" / "models" / "createcorev1namespacedpodrequest.md").is_file()
    done = python_in(out, "-c", "import k8s; print(len(k8s.__all__))")
    assert done.returncode == 0, done.stderr[-3000:]
    if os.environ.get("MODELGEN_LONG"):  # 2 minutes and more
        checked = python_in(out, "-m", "mypy", "--strict", "k8s")
        assert checked.returncode == 0, checked.stdout[-3000:]


def python_in(folder, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=folder, capture_output=True, text=True, timeout=1800, check=False
    )
