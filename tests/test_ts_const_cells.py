"""A TypeScript `const` property's Type cell: its JSON type in dwolla 1.622, its literal from 1.679 (dwolla 1.759)."""

from __future__ import annotations

from generator.config import Options, speakeasy_options
from generator.pipeline import build

SPEC = (
    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /c:\n    post:\n      operationId: createCustomer\n"
    "      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Customer'}\n"
    "      responses:\n        '201': {description: ok}\n"
    "components:\n  schemas:\n    Customer:\n      type: object\n      required: [type]\n      properties:\n"
    "        type: {type: string, const: personal}\n        verified: {type: boolean, const: false}\n"
)


def _cells(tmp_path, version: str) -> list[str]:
    (tmp_path / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text("configVersion: 2.0.0\ntypescript:\n  packageName: sdk\n", encoding="utf-8")
    (tmp_path / "gen.lock").write_text(f"management:\n  speakeasyVersion: {version}\n", encoding="utf-8")
    _, files = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    page = next(v for k, v in files.items() if k.endswith("/customer.md"))
    return [line.split("|")[2].strip() for line in page.split("\n") if line.startswith("| `")]


def test_a_const_reads_as_its_json_type_before_1_679_as_its_literal_after(tmp_path):
    assert _cells(tmp_path, "1.622.1") == ["*string*", "*boolean*"]
    assert _cells(tmp_path, "1.759.3") == ['*"personal"*', "*false*"]
