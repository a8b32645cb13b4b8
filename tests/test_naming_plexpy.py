"""Older-era names with sub-folder layouts (plexpy, Speakeasy 1.684: `models/components`,
`models/operations`): each folder is its own Python module, so a plain name is taken once per module."""

from __future__ import annotations

import yaml

from generator.config import Options
from generator.pipeline import build

FIXES = {"nameResolutionDec2023": True, "nameResolutionFeb2025": False}
FOLDERS = {
    "imports": {"paths": {"shared": "models/components", "operations": "models/operations", "errors": "models/errors"}}
}
HUB = {"type": "object", "properties": {"key": {"type": "string"}}}


def _names(tmp_path, python: dict) -> list[tuple[str, str]]:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/hubs": {
                "get": {
                    "operationId": "listHubs",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"hub": HUB, "dvr": {"$ref": "#/components/schemas/Dvr"}},
                                    }
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Dvr": {"type": "object", "properties": {"hub": HUB}}}},
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    ir, _ = build(
        str(path), Options(gen={"generation": {"fixes": FIXES}, "python": python}, speakeasy_version=(1, 684, 0))
    )
    return sorted((d.namespace, d.name) for d in ir.decls)


def test_plain_names_are_taken_once_per_module(tmp_path):
    """plexpy: `components.Hub` (inside component `GetResponses200`) beside `operations.Hub` (listHubs)."""
    assert ("components", "Hub") in _names(tmp_path, FOLDERS)
    assert ("operations", "Hub") in _names(tmp_path, FOLDERS)


def test_one_flat_module_prefixes_the_later_claimant(tmp_path):
    names = [name for _, name in _names(tmp_path, {})]
    assert "Hub" in names and "ListHubsHub" in names


DOCS_SPEC = """
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /sections:
    get:
      operationId: getSections
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Section'}
components:
  schemas:
    PlexDateTime: {type: [integer], example: 1556281940, description: Unix epoch datetime in seconds}
    BoolInt:
      type: integer
      enum: [0, 1]
      x-speakeasy-enums: [FALSE, TRUE]
    Section:
      type: object
      additionalProperties: true
      required: [allLibraries]
      properties:
        scannedAt: {allOf: [{$ref: '#/components/schemas/PlexDateTime'}, {description: When it was scanned}]}
        endsAt: {oneOf: [{$ref: '#/components/schemas/PlexDateTime'}, {type: 'null'}]}
        seenAt: {$ref: '#/components/schemas/PlexDateTime'}
        on: {$ref: '#/components/schemas/BoolInt'}
        allLibraries:
          allOf:
            - description: Access to all libraries.
            - {type: integer, enum: [0, 1], example: 1, default: 0}
"""


def _docs(tmp_path) -> dict[str, str]:
    path = tmp_path / "openapi.yaml"
    path.write_text(DOCS_SPEC, encoding="utf-8")
    options = Options(gen={"generation": {"fixes": FIXES}, "python": FOLDERS}, speakeasy_version=(1, 684, 0))
    _, files = build(str(path), options)
    return {name.rsplit("/", 1)[-1]: text for name, text in files.items() if name.endswith(".md")}


def _row(page: str, field: str) -> list[str]:
    line = next(line for line in page.splitlines() if line.startswith(f"| `{field}`"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_wrapped_properties_show_their_members_example_but_not_their_description(tmp_path):
    """plexpy LibrarySection `scanned_at` (allOf), PastSubscription `ends_at` (oneOf [.., null]): N/A, 1556281940;
    a plain `$ref` shows both (Server `last_seen_at`); a default inside allOf makes it optional (`all_libraries`)."""
    page = _docs(tmp_path)["section.md"]
    assert _row(page, "scanned_at")[3:] == ["N/A", "1556281940"]
    assert _row(page, "ends_at")[3:] == ["N/A", "1556281940"]
    assert _row(page, "seen_at")[3:] == ["Unix epoch datetime in seconds", "1556281940"]
    assert _row(page, "all_libraries")[1:3] == [
        "[Optional[components.AllLibraries]](../../models/components/alllibraries.md)",
        ":heavy_minus_sign:",
    ]
    assert _row(page, "all_libraries")[4] == "1"


def test_additional_properties_true_is_a_last_extra_row(tmp_path):
    page = _docs(tmp_path)["section.md"]
    assert page.splitlines()[-1].startswith("| `__pydantic_extra__`")
    assert _row(page, "__pydantic_extra__")[1:] == ["Dict[str, *Any*]", ":heavy_minus_sign:", "N/A", ""]


def test_enum_names_read_as_yaml_booleans_keep_their_spelling(tmp_path):
    page = _docs(tmp_path)["boolint.md"]
    assert [_row(page, name)[1] for name in ("FALSE", "TRUE")] == ["0", "1"]


PARAMS_SPEC = """
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /items/{ids}/merge/{version}:
    put:
      operationId: mergeItems
      parameters:
        - {$ref: '#/components/parameters/X-Plex-Version'}
        - {name: ids, in: path, required: true, schema: {type: string}}
        - {name: ids, in: query, schema: {type: array, items: {type: string}}}
        - {name: version, in: path, required: true, schema: {type: integer}}
        - {name: X-Plex-Version, in: header, description: Listed again, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/GetResponses200'}
components:
  parameters:
    X-Plex-Version:
      {name: X-Plex-Version, in: header, description: The client version, x-speakeasy-name-override: version, schema: {type: string}}
  schemas:
    GetResponses200: {type: object, properties: {size: {type: integer}}}
"""


def _params_docs(tmp_path) -> dict[str, str]:
    path = tmp_path / "openapi.yaml"
    path.write_text(PARAMS_SPEC, encoding="utf-8")
    gen = {"generation": {"fixes": FIXES}, "python": {**FOLDERS, "responseFormat": "envelope"}}
    _, files = build(str(path), Options(gen=gen, speakeasy_version=(1, 684, 0)))
    return {name.rsplit("/", 1)[-1]: text for name, text in files.items() if name.endswith(".md")}


def test_parameters_sharing_a_name_take_their_location_and_the_first_of_a_repeated_one_counts(tmp_path):
    """plexpy mergeItems `ids_path_parameter`/`ids_query_parameter`, getThumb `version_path_parameter` beside
    the header named `version` by its override; makeDecision lists X-Plex-Client-Identifier twice: the first counts."""
    page = _params_docs(tmp_path)["mergeitemsrequest.md"]
    names = [line.split("|")[1].strip() for line in page.splitlines() if line.startswith("| `")]
    assert names == ["`version`", "`ids_path_parameter`", "`ids_query_parameter`", "`version_path_parameter`"]
    assert _row(page, "version")[3] == "The client version"


def test_envelope_body_fields_named_by_class_split_off_digits(tmp_path):
    page = _params_docs(tmp_path)["mergeitemsresponse.md"]
    assert "| `get_responses_200`" in page


def test_components_name_their_inline_schemas_in_the_order_operations_reach_them(tmp_path):
    """plexpy: `Image` comes first in the document, but `/:/prefs` reaches `Setting` first: `Setting.type` is
    `Type`, `Image.type` `ImageType` (document order would give the opposite)."""
    kind = {"type": "string", "enum": ["a", "b"]}
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Setting"}}}}
    later = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Image"}}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/prefs": {"get": {"operationId": "getPrefs", "responses": {"200": ok}}},
            "/image": {"get": {"operationId": "getImage", "responses": {"200": later}}},
        },
        "components": {
            "schemas": {
                "Image": {"type": "object", "properties": {"type": kind}},
                "Setting": {"type": "object", "properties": {"type": kind}},
            }
        },
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    python = {**FOLDERS, "responseFormat": "envelope"}  # every operation has a `<Op>Response` to walk from
    ir, _ = build(
        str(path), Options(gen={"generation": {"fixes": FIXES}, "python": python}, speakeasy_version=(1, 684, 0))
    )
    owners = {
        d.origin.parent.name: d.name for d in ir.decls if d.origin.parent is not None and d.hint.lower() == "type"
    }
    assert owners == {"Setting": "Type", "Image": "ImageType"}


def test_a_titled_inline_body_is_named_after_its_operation_and_title(tmp_path):
    """plexpy 1.684 post-users-sign-in-data: the 201 body `allOf [$ref UserPlexAccount (titled), {...}]` is
    `PostUsersSignInDataUserPlexAccount`, its envelope field `user_plex_account`; the Feb2025 era keeps
    `<Op>ResponseBody` and `object`."""
    account = {"title": "UserPlexAccount", "type": "object", "properties": {"id": {"type": "integer"}}}
    body = {
        "allOf": [{"$ref": "#/components/schemas/UserPlexAccount"}, {"properties": {"trials": {"type": "integer"}}}]
    }
    created = {"description": "ok", "content": {"application/json": {"schema": body}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/signin": {"post": {"operationId": "signIn", "responses": {"201": created}}}},
        "components": {"schemas": {"UserPlexAccount": account}},
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    python = {**FOLDERS, "responseFormat": "envelope"}
    for fixes, name, field in (
        (FIXES, "SignInUserPlexAccount", "user_plex_account"),
        ({**FIXES, "nameResolutionFeb2025": True}, "SignInResponseBody", "object"),
    ):
        gen = {"generation": {"fixes": fixes}, "python": python}
        ir, _ = build(str(path), Options(gen=gen, speakeasy_version=(1, 684, 0)))
        envelope = next(d for d in ir.decls if d.name == "SignInResponse")
        assert [(f.name, f.type.decl.name) for f in envelope.fields if f.wire_name == "object"] == [(field, name)]


def test_what_lies_in_a_query_parameter_takes_its_word_after_its_own_name(tmp_path):
    """plexpy 1.684 modifyPlaylistGenerator's deepObject `Item`: `Item[Policy][scope]` is `QueryParamScope`,
    `Item[Location]` `ModifyPlaylistGeneratorQueryParamLocation` (startTranscodeSession took `QueryParamLocation`);
    `Policy`, free, keeps its name."""
    scope = {"type": "string", "enum": ["all", "count"]}
    location = {"type": "object", "properties": {"uri": {"type": "string"}}}
    item = {
        "type": "object",
        "properties": {"Location": location, "Policy": {"type": "object", "properties": {"scope": scope}}},
    }
    ok = {"200": {"description": "ok"}}
    first = [
        {"name": name, "in": "query", "style": "deepObject", "schema": schema}
        for name, schema in (
            ("location", location),
            ("scope", scope),
            ("where", {"type": "object", "properties": {"Location": location}}),
        )
    ]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/start": {"get": {"operationId": "startSession", "parameters": first, "responses": ok}},
            "/modify": {
                "put": {
                    "operationId": "modifyGenerator",
                    "parameters": [{"name": "Item", "in": "query", "style": "deepObject", "schema": item}],
                    "responses": ok,
                }
            },
        },
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    gen = {"generation": {"fixes": FIXES}, "python": {**FOLDERS, "responseFormat": "envelope"}}
    ir, _ = build(str(path), Options(gen=gen, speakeasy_version=(1, 684, 0)))
    found = {(d.origin.parent.name if d.origin.parent else "", d.hint): d.name for d in ir.decls}
    assert found[("StartSessionRequest", "location")] == "Location"
    assert found[("StartSessionRequest", "scope")] == "Scope"
    assert found[("Where", "Location")] == "QueryParamLocation"
    assert found[("Item", "Location")] == "ModifyGeneratorQueryParamLocation"
    assert found[("Item", "Policy")] == "Policy"
    assert found[("Policy", "scope")] == "QueryParamScope"
