"""A response streaming JSON lines (`application/x-ndjson`, `application/jsonl`) is handed over as it comes:
its schema makes no class (cribl-cp 1.784 createSystemCapture returns `$ref CapturedEvent` as x-ndjson, and
Speakeasy generates no CapturedEvent)."""

from __future__ import annotations

from test_naming import doc, names
from test_naming_chains import NEWEST


def _spec(media: str) -> dict:
    return doc(f"""
        openapi: 3.0.3
        info: {{title: t, version: "1"}}
        paths:
          /capture:
            post:
              operationId: createCapture
              requestBody:
                content: {{application/json: {{schema: {{type: object, properties: {{duration: {{type: number}}}}}}}}}}
              responses:
                "200":
                  description: events
                  content: {{"{media}": {{schema: {{$ref: "#/components/schemas/CapturedEvent"}}}}}}
                "500":
                  description: failed
                  content: {{application/json: {{schema: {{$ref: "#/components/schemas/Problem"}}}}}}
        components:
          schemas:
            CapturedEvent: {{type: object, properties: {{_raw: {{type: string}}}}}}
            Problem: {{type: object, properties: {{message: {{type: string}}}}}}
        """)


def test_a_stream_of_json_lines_makes_no_class(tmp_path):
    for media in ("application/x-ndjson", "application/jsonl"):
        found = names(tmp_path, _spec(media), NEWEST)
        assert "CapturedEvent" not in found and "Problem" in found, media


def test_a_json_body_of_the_same_schema_does(tmp_path):
    assert "CapturedEvent" in names(tmp_path, _spec("application/json"), NEWEST)
