"""Without `maintainOpenAPIOrder`, a request's parameters are sorted by wire name in Python, kept in spec
order in TypeScript (safepay 1.581); model properties are sorted in both."""

from __future__ import annotations

from generator.config import Options, speakeasy_options
from generator.pipeline import build

SPEC = (
    "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /plans:\n    get:\n      operationId: searchPlans\n"
    "      parameters:\n        - {name: zeta, in: query, schema: {type: string}}\n"
    "        - {name: alpha, in: query, schema: {type: string}}\n"
    "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
    "              schema: {$ref: '#/components/schemas/Plan'}\n"
    "components:\n  schemas:\n    Plan:\n      type: object\n      properties:\n"
    "        zed: {type: string}\n        abc: {type: string}\n"
)


def _rows(tmp_path, section: str, page: str) -> list[str]:
    (tmp_path / "openapi.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "gen.yaml").write_text(f"configVersion: 2.0.0\n{section}:\n  packageName: sdk\n", encoding="utf-8")
    (tmp_path / "gen.lock").write_text("management:\n  speakeasyVersion: 1.581.0\n", encoding="utf-8")
    _, files = build(str(tmp_path / "openapi.yaml"), speakeasy_options(str(tmp_path), Options()))
    text = next(v for k, v in files.items() if k.endswith("/" + page))
    return [line.split("`")[1] for line in text.split("\n") if line.startswith("| `")]


def test_typescript_keeps_the_parameters_order_python_sorts_them(tmp_path):
    assert _rows(tmp_path, "typescript", "searchplansrequest.md") == ["zeta", "alpha"]
    assert _rows(tmp_path, "typescript", "plan.md") == ["abc", "zed"]
    assert _rows(tmp_path, "python", "searchplansrequest.md") == ["alpha", "zeta"]
    assert _rows(tmp_path, "python", "plan.md") == ["abc", "zed"]
