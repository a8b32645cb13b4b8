"""Write-only fields in what only responses return (`shape.readonly.drop_write_only`): left out of the model and
its docs page, where a model that requests send keeps them (traintravel 1.220 `operations.Card` without `cvc`,
`components.Card` with it)."""

from __future__ import annotations

from models_support import generated

PROPS = {"name": {"type": "string"}, "secret": {"type": "string", "writeOnly": True}}
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "WriteOnly", "version": "1"},
    "paths": {
        "/returned": {
            "get": {
                "operationId": "getReturned",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Returned"}}},
                    }
                },
            }
        },
        "/both": {
            "post": {
                "operationId": "postBoth",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Both"}}}},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Both"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Returned": {"type": "object", "properties": PROPS},
            "Both": {"type": "object", "properties": PROPS},
        }
    },
}


def test_a_model_only_responses_return_has_no_write_only_field(tmp_path):
    package, out = generated(tmp_path, SPEC, "write_only_pkg")
    assert list(package.models.Returned.model_fields) == ["name"]
    assert list(package.models.Both.model_fields) == ["name", "secret"]
    page = (tmp_path / "out" / "docs" / "models" / "returned.md").read_text(encoding="utf-8")
    assert "`name`" in page and "`secret`" not in page
