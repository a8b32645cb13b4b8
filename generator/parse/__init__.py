"""Stage 3: build the IR (see `generator.ir`) from a loaded, validated document.

Components are built first, in document order (names that depend on "who came first"
follow that order), then operations and security; only what those reach is kept (plus
components marked `x-speakeasy-include`, and every component of a document without operations).
"""

from __future__ import annotations

from ..errors import SpecError, join_pointer
from ..ir import Decl, Model, Ref, Spec, closure
from ..load import Registry
from .envelope import http_metadata, raw_response
from .paths import build_operations
from .reach import error_twins, reachable
from .responses import collect_root
from .rules import SPEAKEASY_NOW, ParseRules
from .schemas import SchemaBuilder
from .security import build_security, operation_security


def build_ir(registry: Registry, rules: ParseRules = SPEAKEASY_NOW) -> Spec:
    """The IR of the document, read by the profile's `rules` (see `ParseRules`)."""
    root = registry.root
    builder = SchemaBuilder(registry, rules)
    if rules.http_meta:
        builder.http_meta = http_metadata()
        builder.decls.append(builder.http_meta)
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
    error_roots, operations, left_out = build_operations(builder, registry, roots, rules.envelope)
    builder.decls.extend(build_security(registry, rules))
    builder.decls.extend(operation_security(registry))
    if len(builder.decls) == mark:  # no operations: a library of schemas, keep them all
        roots.extend(components)
    decls = reachable(builder.decls, roots + builder.decls[mark:], error_roots, rules.envelope_errors)
    while True:  # orphans are generated when what they were built beside is (RedisDeploymentType*)
        found = {id(d) for d in decls}
        orphans: list[Decl] = []
        for owner, orphan in builder.orphans:
            if isinstance(owner, Ref) and id(owner.decl) in found:
                collect_root(orphan, orphans)
        orphans = [d for d in orphans if id(d) not in found]
        if not orphans:
            break
        roots.extend(orphans)
        decls = reachable(builder.decls, roots + builder.decls[mark:], error_roots, rules.envelope_errors)
    if rules.error_twins:
        raised = builder.raised + [d for d in error_roots if not d.uses.error]
        decls.extend(error_twins(raised, decls, builder.http_meta))
    if left_out.decls:
        written = closure(
            [d for i, d in enumerate(roots) if i not in left_out.roots]
            + [d for i, d in enumerate(builder.decls) if i >= mark and i not in left_out.decls]
            + [d for i, d in enumerate(error_roots) if i not in left_out.errors]
        )
        for decl in decls:
            decl.uses.unwritten = id(decl) not in written
    outputs = closure([d for op in operations for d in op.outputs]) if operations else {id(d) for d in decls}
    for decl in decls:
        decl.uses.output = id(decl) in outputs
        if decl.uses.error and not decl.description:
            decl.description = builder.error_descriptions.get(id(decl), "")
    if rules.envelope:  # inline error classes carry the response they came with (venari 1.1xx, plexpy 1.684),
        for decl in decls:  # component ones not (bar 1.338/1.438 APIError, pydataverse ErrorResponse, testpan)
            if decl.uses.error and isinstance(decl, Model) and not decl.origin.from_component:
                decl.fields.append(raw_response(required=False, sdk_filled=True))
    info = root.get("info") if isinstance(root.get("info"), dict) else {}
    return Spec(title=str(info.get("title", "")), decls=decls, operations=operations, timestamps=registry.timestamps)
