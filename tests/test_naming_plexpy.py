"""Older-era names with sub-folder layouts (plexpy, Speakeasy 1.684: `models/components`,
`models/operations`): each folder is its own Python module, so a plain name is taken once per module."""

from __future__ import annotations

import yaml

from generator.config import Options
from generator.pipeline import build

FIXES = {"nameResolutionDec2023": True, "nameResolutionFeb2025": False}
FOLDERS = {"imports": {"paths": {"shared": "models/components", "operations": "models/operations", "errors": "models/errors"}}}
HUB = {"type": "object", "properties": {"key": {"type": "string"}}}


def _names(tmp_path, python: dict) -> list[tuple[str, str]]:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/hubs": {
                "get": {
                    "operationId": "listHubs",
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"hub": HUB, "dvr": {"$ref": "#/components/schemas/Dvr"}}}}}}},
                }
            }
        },
        "components": {"schemas": {"Dvr": {"type": "object", "properties": {"hub": HUB}}}},
    }
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    ir, _ = build(str(path), Options(gen={"generation": {"fixes": FIXES}, "python": python}, speakeasy_version=(1, 684, 0)))
    return sorted((d.namespace, d.name) for d in ir.decls)


def test_plain_names_are_taken_once_per_module(tmp_path):
    """plexpy: `components.Hub` (inside component `GetResponses200`) beside `operations.Hub` (listHubs)."""
    assert ("components", "Hub") in _names(tmp_path, FOLDERS)
    assert ("operations", "Hub") in _names(tmp_path, FOLDERS)


def test_one_flat_module_prefixes_the_later_claimant(tmp_path):
    names = [name for _, name in _names(tmp_path, {})]
    assert "Hub" in names and "ListHubsHub" in names
