"""Older-era inline names (nameResolutionDec2023 without nameResolutionFeb2025): `generator.naming_legacy`.

The expected names are those Speakeasy 1.441 gave the same shapes in orq-2024-11 (`Deployments`,
`DeploymentGetConfig`)."""

from __future__ import annotations

import textwrap

import yaml

from generator.config import Options
from generator.ir import Prim
from generator.pipeline import build

OLD_ERA = {"generation": {"fixes": {"nameResolutionDec2023": True, "nameResolutionFeb2025": False}}}

MESSAGE = """
type: object
properties:
  role: {type: string, enum: [system, user]}
  content:
    anyOf:
      - type: string
      - type: array
        items:
          oneOf:
            - type: object
              properties: {type: {type: string, enum: [text]}, text: {type: string}}
            - type: object
              properties:
                type: {type: string, enum: [image_url]}
                image_url:
                  type: object
                  properties:
                    url: {anyOf: [{type: string}, {type: string, format: uri}]}
                    created: {anyOf: [{type: string, format: date-time}, {type: string}], format: date-time}
  tool_calls:
    type: array
    items:
      type: object
      properties: {type: {type: string, enum: [function]}}
"""


def names(tmp_path) -> dict:
    message = yaml.safe_load(MESSAGE)
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/config": {
                "post": {
                    "operationId": "GetConfig",
                    "x-speakeasy-group": "deployments",
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"messages": {"type": "array", "items": message}}}}}},
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deployment"}}}}},
                }
            }
        },
        "components": {"schemas": {"Deployment": {"type": "object", "properties": {"messages": {"type": "array", "items": message}}}}},
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(textwrap.dedent(yaml.safe_dump(spec, sort_keys=False)), encoding="utf-8")
    ir, _ = build(str(path), Options(gen=OLD_ERA))
    return {d.pointer.split("#", 1)[1]: d for d in ir.decls}


def test_union_members_and_their_children_take_the_union_segment(tmp_path):
    found = names(tmp_path)
    content = "/components/schemas/Deployment/properties/messages/items/properties/content/anyOf/1/items"
    # the array member (2nd) of `content` is `Two`; its members `One`, then `2`+`2` (Two was taken)
    assert found[content].name == "Two"
    assert [found[f"{content}/oneOf/{i}"].name for i in (0, 1)] == ["One", "Two2"]
    # inside a member the union's segment comes first: `Type` was taken, so `TwoType`
    assert found[f"{content}/oneOf/0/properties/type"].name == "Type"
    assert found[f"{content}/oneOf/1/properties/type"].name == "TwoType"
    assert found[f"{content}/oneOf/1/properties/image_url"].name == "ImageURL"


def test_operation_paths_grow_root_union_segment_group_and_request(tmp_path):
    found = names(tmp_path)
    body = "/paths/~1config/post/requestBody/content/application~1json/schema/properties/messages/items"
    content = body + "/properties/content/anyOf/1/items"
    assert found[body].name == "GetConfigMessages"
    assert found[content].name == "Content2"  # `Two` taken: <union><position>
    # `One` taken: `2` + `1`; `Two`, `Two2` taken: <root><union><position>
    assert [found[f"{content}/oneOf/{i}"].name for i in (0, 1)] == ["Two1", "GetConfig22"]
    # `Type`, `TwoType`, `GetConfigType` taken: <root><2><path...><Type> grows a segment at a time
    assert found[f"{content}/oneOf/0/properties/type"].name == "GetConfig2Type"
    assert found[f"{content}/oneOf/1/properties/type"].name == "GetConfig2DeploymentsType"


def test_a_union_of_strings_is_one_string_typed_by_its_own_format(tmp_path):
    found = names(tmp_path)
    image = found["/components/schemas/Deployment/properties/messages/items/properties/content/anyOf/1/items/oneOf/1/properties/image_url"]
    assert [(f.wire_name, f.type) for f in image.fields] == [("url", Prim("str")), ("created", Prim("datetime"))]
