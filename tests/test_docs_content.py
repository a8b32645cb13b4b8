"""Doc content that depends on the spec around a schema: $ref targets, parameters, bodies, type lists.

Each test generates docs for a tiny spec through the whole pipeline and checks the cells
Speakeasy would print (rules in /tmp/notes/formats.md, checked against the corpus).
"""

from __future__ import annotations

import json
import textwrap

from generator.config import Options
from generator.pipeline import build
from generator.render.markdown import escape_cell, table

SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
x-speakeasy-globals:
  parameters:
    - $ref: "#/components/parameters/Client"
paths:
  /things/{id}:
    post:
      operationId: makeThing
      parameters:
        - $ref: "#/components/parameters/Client"
        - name: id
          in: path
          required: true
          description: The id.
          schema: {type: string}
          examples:
            first: {summary: s, value: abc}
            second: {value: def}
      requestBody:
        description: What to make.
        content:
          application/json:
            schema:
              type: object
              properties:
                email: {$ref: "#/components/schemas/Email"}
                extra: {type: [object, array, "null"]}
                bare: {type: object}
                level: {$ref: "#/components/schemas/Level", description: ignored sibling}
                model: {example: gpt-4, anyOf: [{type: string}, {type: string, enum: [gpt-4, gpt-3]}]}
      responses:
        "200": {description: OK}
components:
  parameters:
    Client:
      name: X-Client-Identifier
      x-speakeasy-name-override: Client-Identifier
      in: header
      required: true
      schema: {type: string}
  schemas:
    Email: {type: string, description: An email address., example: a@b.c}
    Level: {type: integer, enum: [0, 1], description: The level., example: 1}
"""


def _docs(tmp_path, version=(1, 606, 8)):
    path = tmp_path / "openapi.yaml"
    path.write_text(textwrap.dedent(SPEC), encoding="utf-8")
    _, files = build(str(path), Options(speakeasy_version=version))
    return files


def _row(doc: str, field: str) -> list[str]:
    for line in doc.splitlines():
        if line.startswith(f"| `{field}` "):
            return [cell.strip() for cell in line[2:-2].split(" | ")]  # field, type, required, description[, example]
    raise AssertionError(f"no row for {field} in:\n{doc}")


def test_parameters_take_overrides_globals_and_example_maps(tmp_path):
    doc = _docs(tmp_path)["docs/models/makethingrequest.md"]
    client = _row(doc, "client_identifier")
    assert client[1:3] == ["*Optional[str]*", ":heavy_minus_sign:"]  # a global parameter is optional per operation
    assert _row(doc, "id")[-1] == "abc"  # first value of the parameter's `examples` map


def test_a_parameters_own_example_shows_from_1_444(tmp_path):
    # traintravel 1.220 get-trips `origin`, `destination`, `date` (`example` beside the schema): no Example
    # column; novu 1.444 listTopics `page`, `pageSize`: shown
    assert _row(_docs(tmp_path, (1, 444, 1))["docs/models/makethingrequest.md"], "id")[-1] == "abc"
    assert len(_row(_docs(tmp_path, (1, 220, 0))["docs/models/makethingrequest.md"], "id")) == 4  # no Example


def test_an_operations_path_outside_models_is_a_docs_folder_of_its_own(tmp_path):
    # airbyte 1.300/1.402 `imports.paths.operations: api`: gen.lock lists docs/api/<op>request.md, and
    # docs/models holds the shared models alone (64 and 65 pages not there)
    path = tmp_path / "openapi.yaml"
    path.write_text(textwrap.dedent(SPEC), encoding="utf-8")
    paths = {"operations": "api", "shared": "models", "errors": "errors"}
    _, files = build(str(path), Options(gen={"python": {"imports": {"paths": paths}}}, speakeasy_version=(1, 402, 12)))
    assert "docs/api/makethingrequest.md" in files and "docs/models/makethingrequest.md" not in files
    assert "docs/models/level.md" in files


def test_ref_properties_document_themselves_with_their_target(tmp_path):
    docs = _docs(tmp_path)
    body = next(text for path, text in docs.items() if path.endswith("requestbody.md"))
    assert body.split("\n")[2] == "What to make."  # an inline body takes the request body's description
    email = _row(body, "email")
    assert email[3:] == ["An email address.", "a@b.c"]
    assert _row(body, "level")[3] == "The level."  # the sibling description of a $ref is ignored
    assert "Dict[str, *Any*]" not in _row(body, "bare")[1]  # a bare inline object is a class of its own
    extra = _row(body, "extra")[1]
    union = docs[extra[extra.index("(../") + 1 : -1].replace("../", "docs/")]
    assert "### `Dict[str, Any]`" in union and "### `List[Any]`" in union


def test_a_string_beside_a_string_enum_keeps_its_example(tmp_path):
    # log10py 1.296/1.314 (OpenAI's `model: anyOf [string, string enum]`, `example: gpt-4-turbo`): the enum is
    # a type of its own, the union not one type written twice (`anyOf: [string, string/uri]` shows none)
    body = next(text for path, text in _docs(tmp_path, (1, 296, 1)).items() if path.endswith("requestbody.md"))
    assert _row(body, "model")[-1] == "gpt-4"


def test_cells_escape_whatever_the_spec_says():
    assert escape_cell("a|b\r\nc") == "a\\|b<br/>c"


def test_table_columns_are_padded_by_display_width():
    # Speakeasy counts an emoji as two columns (dingify 1.331 `icon` example `🎉`)
    lines = table([["Field", "Example"], ["`icon`", "\U0001f389"]]).splitlines()
    assert lines[2] == "| `icon`  | \U0001f389      |"
    assert len(lines[1]) == len(lines[2]) + 1


def test_an_enum_of_numbers_is_a_plain_float(tmp_path):
    """squadcast `rolling_window_in_mins: {type: number, enum: [5, 10]}` is `*float*` with no class;
    an integer enum keeps its class."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x": {
                "post": {
                    "operationId": "Make",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["window", "level"],
                                    "properties": {
                                        "window": {"type": "number", "enum": [5, 10]},
                                        "level": {"type": "integer", "enum": [0, 1]},
                                    },
                                }
                            }
                        }
                    },
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
    }
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    _, files = build(str(path), Options(speakeasy_version=(1, 606, 8)))
    body = files["docs/models/makerequestbody.md"]
    assert _row(body, "window")[1] == "*float*"
    assert _row(body, "level")[1] == "[models.Level](../models/level.md)"
    assert "docs/models/window.md" not in files


def test_accept_content_type_and_authorization_header_parameters_are_ignored(tmp_path):
    """OpenAPI: such header parameters "SHALL be ignored" (squadcast's required `authorization` is no field);
    an operation left without parameters has no `<Op>Request`."""
    headers = [
        {"name": name, "in": "header", "required": True, "schema": {"type": "string"}}
        for name in ("authorization", "Accept", "Content-Type")
    ]
    path_param = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x/{id}": {"delete": {"operationId": "Drop", "parameters": [path_param, *headers], "responses": {"204": {"description": "ok"}}}},
            "/y": {"delete": {"operationId": "Wipe", "parameters": headers, "responses": {"204": {"description": "ok"}}}},
        },
    }  # fmt: skip
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    _, files = build(str(path), Options(speakeasy_version=(1, 606, 8)))
    doc = files["docs/models/droprequest.md"]
    assert _row(doc, "id")[1] == "*str*"
    assert "`authorization`" not in doc and "`accept`" not in doc and "`content_type`" not in doc
    assert "docs/models/wiperequest.md" not in files


def test_a_shared_parameters_inline_class_is_named_after_its_key(tmp_path):
    """squadcast `components/parameters/V3.Incidents.IncidentExportRequest.sort_by` (name `sort_by`, an inline
    enum) -> `V3IncidentsIncidentExportRequestSortBy`; an operation's own parameter is named after its name."""
    enum = {"type": "string", "enum": ["time", "priority"]}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "Export",
                    "parameters": [
                        {"$ref": "#/components/parameters/V3.Export.sort_by"},
                        {"name": "order", "in": "query", "schema": enum},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
        "components": {"parameters": {"V3.Export.sort_by": {"name": "sort_by", "in": "query", "schema": enum}}},
    }
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    _, files = build(str(path), Options(speakeasy_version=(1, 606, 8)))
    doc = files["docs/models/exportrequest.md"]
    assert _row(doc, "sort_by")[1] == "[Optional[models.V3ExportSortBy]](../models/v3exportsortby.md)"
    assert _row(doc, "order")[1] == "[Optional[models.Order]](../models/order.md)"
