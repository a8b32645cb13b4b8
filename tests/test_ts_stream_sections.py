"""A TypeScript union page's `EventStream<...>` section: a code block before 1.679, its heading alone after."""

from __future__ import annotations

from generator.config import Options, speakeasy_options
from generator.pipeline import build

SPEC = (
    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /chat:\n    post:\n      operationId: chat\n"
    "      responses:\n        '200':\n          description: ok\n          content:\n"
    "            application/json:\n              schema: {$ref: '#/components/schemas/Chunk'}\n"
    "            text/event-stream:\n              schema: {$ref: '#/components/schemas/Chunk'}\n"
    "components:\n  schemas:\n    Chunk:\n      type: object\n      properties:\n        id: {type: string}\n"
)


def _page(tmp_path, version: str) -> str:
    (tmp_path / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text("configVersion: 2.0.0\ntypescript:\n  packageName: sdk\n", encoding="utf-8")
    (tmp_path / "gen.lock").write_text(f"management:\n  speakeasyVersion: {version}\n", encoding="utf-8")
    _, files = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    return next(v for k, v in files.items() if k.endswith("/chatresponse.md"))


def test_a_stream_member_has_no_example_from_1_679(tmp_path):
    old, new = _page(tmp_path, "1.455.5"), _page(tmp_path, "1.679.0")
    assert "const value: EventStream<" in old
    assert new.endswith("### `EventStream<components.Chunk>`\n\n") and "const value: EventStream<" not in new
