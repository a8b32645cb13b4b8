"""Stage 2: the structural checks every run makes, and the full validator on request.

The cheap checks here are what keeps a bad spec from producing broken output, so they
always run. openapi-spec-validator costs seconds on large specs, so it runs only with
`--validate`, and its findings are reported in the same one-line format.
"""

from __future__ import annotations

from typing import Any

from .errors import SpecError
from .load import Registry

SUPPORTED = ("3.0", "3.1")


def check_structure(registry: Registry) -> None:
    root = registry.root
    file = registry.root_path
    if not isinstance(root, dict):
        raise SpecError("an OpenAPI document must be a mapping at the top level", file=file, pointer="")
    if "swagger" in root:
        raise SpecError(f"Swagger {root.get('swagger')} is not supported; convert it to OpenAPI 3 first", file=file, pointer="/swagger")
    version = root.get("openapi")
    if not isinstance(version, str) or not version.startswith(SUPPORTED):
        raise SpecError(f"unsupported OpenAPI version {version!r} (supported: 3.0, 3.1)", file=file, pointer="/openapi")
    for key in ("paths", "components"):
        if key in root and root[key] is not None and not isinstance(root[key], dict):
            raise SpecError(f"{key} must be a mapping", file=file, pointer=f"/{key}")


def run_validator(registry: Registry) -> None:
    """Full OpenAPI validation (slow); the first finding becomes a SpecError."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    spec, base_uri = read_from_filename(registry.root_path)
    try:
        validate(spec, base_uri=base_uri)
    except Exception as exc:  # the validator raises several unrelated exception types
        path: Any = getattr(exc, "path", None) or getattr(exc, "absolute_path", None) or []
        pointer = "".join(f"/{p}" for p in path)
        raise SpecError(f"invalid OpenAPI: {getattr(exc, 'message', exc)}", file=registry.root_path, pointer=pointer) from None
