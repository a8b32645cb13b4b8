"""Stage 3: build the IR (see `generator.ir`) from a loaded, validated document.

Components are built first, in document order (names that depend on "who came first"
follow that order), then operations and security; only what those reach is kept (plus
components marked `x-speakeasy-include`, and every component of a document without operations).
"""

from __future__ import annotations

from ..errors import SpecError
from ..ir import Decl, Spec
from ..load import Registry, join_pointer
from .operations import build_operations
from .reach import reachable
from .responses import collect_root
from .schemas import SchemaBuilder
from .security import build_security


def build_ir(registry: Registry) -> Spec:
    root = registry.root
    builder = SchemaBuilder(registry)
    schemas = (root.get("components") or {}).get("schemas") or {}
    if not isinstance(schemas, dict):
        raise SpecError("components.schemas must be a mapping", file=registry.root_path, pointer="/components/schemas")
    roots: list[Decl] = []
    for key, schema in schemas.items():
        pointer = join_pointer("", "components", "schemas", key)
        expr, _ = builder.ref_type(registry.root_path, pointer, str(key))
        if isinstance(schema, dict) and schema.get("x-speakeasy-include"):
            collect_root(expr, roots)
    components = list(builder.decls)
    mark = len(builder.decls)
    error_roots = build_operations(builder, registry, roots)
    builder.decls.extend(build_security(registry))
    if len(builder.decls) == mark:  # no operations: a library of schemas, keep them all
        roots.extend(components)
    decls = reachable(builder.decls, roots + builder.decls[mark:], error_roots)
    info = root.get("info") if isinstance(root.get("info"), dict) else {}
    return Spec(title=str(info.get("title", "")), decls=decls)
