"""Stage 3: build the IR (see `generator.ir`) from a loaded, validated document."""

from __future__ import annotations

from ..errors import SpecError
from ..ir import Spec
from ..load import Registry, join_pointer
from .operations import build_operations
from .schemas import SchemaBuilder


def build_ir(registry: Registry) -> Spec:
    root = registry.root
    builder = SchemaBuilder(registry)
    schemas = (root.get("components") or {}).get("schemas") or {}
    if not isinstance(schemas, dict):
        raise SpecError("components.schemas must be a mapping", file=registry.root_path, pointer="/components/schemas")
    for key in schemas:
        builder.component(registry.root_path, join_pointer("", "components", "schemas", key), str(key))
    build_operations(builder, registry)
    info = root.get("info") if isinstance(root.get("info"), dict) else {}
    return Spec(title=str(info.get("title", "")), decls=builder.decls)
