"""Webhooks (OpenAPI 3.1 `webhooks`) and callbacks: the API calls these operations, and Speakeasy
still generates their models, named after the webhook or the operation and callback, in the folders
gen.yaml's `imports.paths` names (bar 1.338 and 1.438 `webhooks/stockupdaterequestbody.md`,
`callbacks/createorderorderupdateresponse.md`; traintravel 1.220 `webhooks/newbookingrequestbody.md`)."""

from __future__ import annotations

import subprocess
import sys

SPEC = """openapi: 3.1.0
info: {title: hooks, version: "1"}
paths:
  /orders:
    post:
      operationId: createOrder
      parameters:
        - {name: callback_url, in: query, schema: {type: string}}
      responses:
        "200": {description: ok}
      callbacks:
        orderUpdate:
          "{$request.query.callback_url}":
            post:
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {order: {$ref: "#/components/schemas/Order"}}}
              responses:
                "200": {description: received}
webhooks:
  stockUpdate:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {level: {$ref: "#/components/schemas/Stock"}}}
      responses:
        "200": {description: received}
  newBooking:
    post:
      operationId: new-booking
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {id: {type: string}}}
      responses:
        "200": {description: received}
components:
  schemas:
    Order: {type: object, properties: {id: {type: string}}}
    Stock: {type: object, properties: {count: {type: integer}}}
"""
GEN = """configVersion: 2.0.0
generation: {fixes: {nameResolutionDec2023: true}}
python:
  packageName: hooks
  imports:
    option: openapi
    paths:
      callbacks: models/callbacks
      errors: models/errors
      operations: models/operations
      shared: models/components
      webhooks: models/webhooks
"""


def test_webhooks_and_callbacks_get_models_in_their_folders(tmp_path, run_cli):
    (tmp_path / "spec.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "sdk").mkdir()
    (tmp_path / "sdk" / "gen.yaml").write_text(GEN, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(
        "generate", str(tmp_path / "spec.yaml"), "--out", str(out), "--speakeasy-dir", str(tmp_path / "sdk")
    )
    assert code == 0, err
    docs = out / "docs" / "models"
    assert (docs / "webhooks" / "stockupdaterequestbody.md").is_file()  # the key: no operationId
    assert (docs / "webhooks" / "newbookingrequestbody.md").is_file()  # its operationId
    assert (docs / "callbacks" / "createorderorderupdaterequestbody.md").is_file()
    assert (docs / "components" / "stock.md").is_file()  # used by a webhook only: generated too
    assert "components.Order" in (docs / "callbacks" / "createorderorderupdaterequestbody.md").read_text()
    package = next(p.name for p in out.iterdir() if (p / "__init__.py").is_file())
    done = subprocess.run(
        [sys.executable, "-c", f"from {package}.models.webhooks import StockUpdateRequestBody as m; print(m.__name__)"],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "StockUpdateRequestBody" in done.stdout, done.stderr[-2000:]
