"""Stage 2: the structural checks every run makes, and the full validator on request.

The cheap checks here are what keeps a bad spec from producing broken output, so they
always run. openapi-spec-validator costs seconds on large specs, so it runs only with
`--validate` (and once per spec content: a pass is remembered), and its findings are reported in
the same one-line format.
"""

from __future__ import annotations

import json
from typing import Any

from . import cache
from .errors import SpecError, join_pointer
from .load import Registry

SUPPORTED = ("3.0", "3.1")
_MAPPINGS = ("info", "paths", "components", "webhooks")


def check_structure(registry: Registry) -> None:
    root = registry.root
    file = registry.root_path
    if not isinstance(root, dict):
        raise SpecError(f"an OpenAPI document must be a mapping at the top level, not {_kind(root)}", file=file)
    if "swagger" in root:
        raise SpecError(
            f"Swagger {root.get('swagger')} is not supported; convert it to OpenAPI 3 first",
            file=file,
            pointer="/swagger",
        )
    if "openapi" not in root:
        raise SpecError("not an OpenAPI document: the `openapi` version field is missing", file=file)
    version = root["openapi"]
    if isinstance(version, float):  # `openapi: 3.1` unquoted is a YAML number
        version = repr(version)
    if not isinstance(version, str) or not version.startswith(SUPPORTED):
        raise SpecError(
            f"unsupported OpenAPI version {root['openapi']!r} (supported: 3.0, 3.1)", file=file, pointer="/openapi"
        )
    for key in _MAPPINGS:
        if root.get(key) is not None and not isinstance(root[key], dict):
            raise SpecError(f"{key} must be a mapping, not {_kind(root[key])}", file=file, pointer=f"/{key}")
    components = root.get("components") or {}
    for section, value in components.items():
        if value is not None and not isinstance(value, dict) and not str(section).startswith("x-"):
            raise SpecError(
                f"components.{section} must be a mapping, not {_kind(value)}",
                file=file,
                pointer=join_pointer("/components", section),
            )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), f"a {type(value).__name__}"
    )


def run_validator(registry: Registry) -> None:
    """Full OpenAPI validation (seconds on a big spec); the first finding becomes a SpecError.

    A spec that passed is remembered by the digests of its files (and the validator's version),
    so validating it again, after an option or generator change say, costs nothing.
    """
    from importlib.metadata import version

    key = json.dumps([version("openapi-spec-validator"), sorted(registry.digests.items())])
    if cache.validated(key):
        return
    from openapi_spec_validator import validate  # imported only when it runs: the import alone is slow
    from openapi_spec_validator.readers import read_from_filename

    try:
        spec, base_uri = read_from_filename(registry.root_path)
        validate(spec, base_uri=base_uri)
    except RecursionError:
        raise SpecError(
            "invalid OpenAPI: the validator could not follow the $refs (too deep or cyclic)", file=registry.root_path
        ) from None
    except Exception as exc:  # noqa: BLE001 - the validator raises several unrelated exception types
        path: Any = getattr(exc, "absolute_path", None) or getattr(exc, "path", None) or []
        pointer = join_pointer("", *path) if not isinstance(path, str) else ""
        message = f"invalid OpenAPI: {getattr(exc, 'message', exc)}"
        if not pointer:
            pointer = _default_at_fault(exc, registry.root)
            message += " (the schema's default)" if pointer else ""
        raise SpecError(message, file=registry.root_path, pointer=pointer) from None
    cache.remember_validated(key)


def _default_at_fault(error: Any, document: Any) -> str:
    """The pointer of the `default` a validator finding is about, or "".

    openapi-spec-validator checks each schema's `default` against the schema and reports a misfit
    with a path inside the value, empty, so the error would name the top of the file (1:1):
    openapi-python-client's own baseline spec has `{type: string, default: 1}`. The finding keeps
    the value (`instance`) and the keyword it broke (`validator`, `validator_value`): the first
    schema, in document order, with that keyword and that default is the one."""
    keyword, expected = getattr(error, "validator", None), getattr(error, "validator_value", None)
    if not isinstance(keyword, str) or not hasattr(error, "instance"):
        return ""
    value = error.instance
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            default = node.get("default", _ABSENT)
            if node.get(keyword, _ABSENT) == expected and type(default) is type(value) and default == value:
                return join_pointer(pointer, "default")
            items = [(join_pointer(pointer, str(k)), v) for k, v in node.items()]
        elif isinstance(node, list):
            items = [(join_pointer(pointer, str(i)), v) for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(items))
    return ""


_ABSENT = object()
