"""Unquoted YAML timestamps in examples print as Go's time.Time text (cribl-mgmt); quoted ones verbatim."""

from __future__ import annotations

import yaml

from generator.config import Options
from generator.pipeline import build
from generator.timestamps import go_time, unquoted_timestamps


def test_only_unquoted_example_values_and_list_items_are_found():
    text = "a:\n  example: 2024-08-15T12:34:56.000Z\nb:\n  example: '2019-06-24T11:38:02Z'\nc:\n  examples:\n    - 2020-01-02\n"
    assert unquoted_timestamps(text) == {"2024-08-15T12:34:56.000Z", "2020-01-02"}
    assert unquoted_timestamps("enum: [a]\n") == set()


def test_go_time_text():
    assert go_time("2024-08-15T12:34:56.000Z") == "2024-08-15 12:34:56 +0000 UTC"
    assert go_time("2024-08-15T12:34:56.250Z") == "2024-08-15 12:34:56.25 +0000 UTC"
    assert go_time("2020-01-02") == "2020-01-02 00:00:00 +0000 UTC"
    assert go_time("2024-08-15 01:02:03 +02:00") == "2024-08-15 01:02:03 +0200 +0200"
    assert go_time("not a time") == "not a time"


def test_example_cells(tmp_path):
    spec = (
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n    A:\n      type: object\n"
        "      properties:\n        created:\n          type: string\n          example: 2024-08-15T12:34:56.000Z\n"
        "        quoted:\n          type: string\n          example: '2019-06-24T11:38:02Z'\n"
    )
    yaml.safe_load(spec)  # the fixture is valid YAML
    path = tmp_path / "openapi.yaml"
    path.write_text(spec, encoding="utf-8")
    _, files = build(str(path), Options())
    page = files["docs/models/a.md"]
    assert "| 2024-08-15 12:34:56 +0000 UTC" in page and "| 2019-06-24T11:38:02Z" in page
