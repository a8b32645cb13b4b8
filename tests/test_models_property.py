"""Property tests: instances generated from each component schema round-trip through its model.

For every component schema of the sample specs that became a class, hypothesis draws
instances valid under the schema (`Instances`: types, properties and `required`,
`additionalProperties` schemas, arrays, enums (the values of their type), const, nullable (not beside a `$ref`, which
ignores its siblings as Speakeasy does), oneOf/anyOf, allOf merged, date/date-time/decimal formats, numeric bounds and sizes; not `pattern`, which the models
do not check either);
`validate` then dumping by alias without unset fields must give the instance back
(dates, times and decimals compared as values). Clearly invalid instances (a required
property missing, or of the wrong JSON type) must be rejected. Schemas are left out, with
the reason counted, when they are not classes (scalars, arrays, maps) or every instance
would nest deeper than the drawing allows (a required property that recurses). The counts are
printed (`pytest -s`); `MODELGEN_LONG=1` draws more examples and adds more specs.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
from collections import Counter
from typing import Any

import pydantic
import pytest
import yaml
from conftest import shared_path
from models_support import build_ir, class_of, generate, load

from generator.ir import Const, ListOf, Model, Prim, Ref
from generator.render.python import is_namespaced, module_of

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LONG = os.environ.get("MODELGEN_LONG") == "1"
EXAMPLES = 25 if LONG else 4
CASES = ["que", "sunsynk", "cribl-mgmt", "emissary", "agentset", "openai"] + (["bolt", "mammoth"] if LONG else [])
_DROP = {
    "example",
    "examples",
    "discriminator",
    "xml",
    "externalDocs",
    "deprecated",
    "readOnly",
    "writeOnly",
    "title",
    "description",
}
_FORMATS = {"date", "date-time", "decimal", "binary"}
_DEPTH = 7


class TooDeep(Exception):
    """Every instance would nest deeper than `_DEPTH` (a required property that recurses)."""


class Instances:
    """Hypothesis strategies for the instances of JSON Schemas that refer into `root`."""

    def __init__(self, root: dict) -> None:
        self.root = root

    def resolve(self, ref: str) -> Any:
        node: Any = self.root
        for token in ref.lstrip("#/").split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def merged(self, schema: dict) -> dict:
        """allOf folded in, later members winning (the generator's own shallow merge)."""
        out: dict = {"properties": {}, "required": []}
        for member in list(schema.get("allOf") or []) + [{k: v for k, v in schema.items() if k != "allOf"}]:
            while isinstance(member, dict) and "$ref" in member:
                member = self.resolve(member["$ref"])
            if isinstance(member, dict) and "allOf" in member:
                member = self.merged(member)
            for key, value in (member or {}).items() if isinstance(member, dict) else ():
                if key == "properties" and isinstance(value, dict):
                    out["properties"].update(value)
                elif key == "required" and isinstance(value, list):
                    out["required"] += value
                else:
                    out[key] = value
        return out

    def of(self, schema: Any, depth: int = 0) -> st.SearchStrategy:
        if depth > _DEPTH:
            raise TooDeep
        if schema is True or schema == {} or schema is None:
            return st.one_of(st.none(), st.booleans(), st.integers(-9, 9), st.text(max_size=5))
        if "$ref" in schema:
            return self.of(
                {**self.resolve(schema["$ref"]), **{k: v for k, v in schema.items() if k != "$ref"}}, depth + 1
            )
        if "allOf" in schema:
            return self.of(self.merged(schema), depth + 1)
        nullable = isinstance(schema.get("type"), list) and "null" in schema["type"]
        strategy = self._of(schema, depth)
        return st.one_of(st.none(), strategy) if nullable else strategy

    def _of(self, schema: dict, depth: int) -> st.SearchStrategy:
        if "const" in schema:
            return st.just(schema["const"])
        if isinstance(schema.get("enum"), list):
            # a value the type does not admit is no instance (JSON Schema), and Speakeasy drops it:
            # bolt `credit_card_void_cause` (`type: string`, enum listing `null`) is a non-nullable enum
            # without a NULL member, its `credit_card_void_view.cause` field `Optional[...] = None`
            values = [v for v in schema["enum"] if _typed(v, schema.get("type"))]
            return st.sampled_from(values) if values else st.nothing()
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list):
                rest = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
                branches = []
                for branch in schema[keyword]:
                    try:
                        branches.append(
                            self.of(
                                {**rest, **branch} if "type" not in branch and rest.get("properties") else branch,
                                depth + 1,
                            )
                        )
                    except TooDeep:
                        continue
                if not branches:
                    raise TooDeep
                return st.one_of(branches)
        types = schema.get("type")
        if isinstance(types, list):
            types = [t for t in types if t != "null"] or ["null"]
            return st.one_of([self._of({**schema, "type": t}, depth) for t in types])
        if types is None and "items" in schema:
            types = "array"
        if types == "object" or "properties" in schema or (types is None and "additionalProperties" in schema):
            return self._object(schema, depth)
        if types == "array":
            low, high = schema.get("minItems", 0), min(schema.get("maxItems", 3), max(schema.get("minItems", 0), 3))
            try:
                items = self.of(schema.get("items", {}), depth + 1)
            except TooDeep:
                if low:
                    raise
                return st.just([])
            return st.lists(items, min_size=low, max_size=high)
        if types == "string":
            fmt = schema.get("format")
            if fmt == "date":
                return st.dates(dt.date(1970, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat)
            if fmt == "date-time":
                moments = st.datetimes(
                    dt.datetime(1970, 1, 2), dt.datetime(2100, 1, 1), timezones=st.just(dt.timezone.utc)
                )
                return moments.map(lambda d: d.isoformat().replace("+00:00", "Z"))
            if fmt == "decimal":
                return st.decimals(-(10**6), 10**6, allow_nan=False, allow_infinity=False, places=2).map(str)
            low = schema.get("minLength", 0)
            return st.text(min_size=low, max_size=max(low, min(8, schema.get("maxLength", 8))))
        if types in ("integer", "number"):
            low = schema.get("minimum", schema.get("exclusiveMinimum", -(10**6) - 1) + 1)
            high = schema.get("maximum", schema.get("exclusiveMaximum", 10**6 + 1) - 1)
            ints = st.integers(int(low) if low == int(low) else int(low) + 1, int(high))
            return (
                ints
                if types == "integer"
                else st.one_of(
                    ints,
                    st.floats(
                        low,
                        high,
                        allow_nan=False,
                        exclude_min="exclusiveMinimum" in schema,
                        exclude_max="exclusiveMaximum" in schema,
                    ),
                )
            )
        if types == "boolean":
            return st.booleans()
        if types == "null":
            return st.none()
        return self.of(True)

    def _object(self, schema: dict, depth: int) -> st.SearchStrategy:
        properties = schema.get("properties") or {}
        required = [k for k in dict.fromkeys(schema.get("required") or []) if k in properties]
        fixed = {k: self.of(properties[k], depth + 1) for k in required}
        optional = {}
        for key, prop in properties.items():
            if key not in fixed:
                try:
                    optional[key] = self.of(prop, depth + 1)
                except TooDeep:
                    continue
                if prop is True or prop == {}:
                    # an optional property without a schema is `Optional[Any]`, not nullable, in
                    # Speakeasy's models, and its serializer drops an explicit null there (orq-2025-08
                    # DeploymentInvokeResponseBody.provider_response: in optional_fields, not in
                    # nullable_fields); a null inside its value (a list item, say) is still drawn
                    optional[key] = optional[key].filter(lambda v: v is not None)
        strategy = st.fixed_dictionaries(fixed, optional=optional)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            try:
                values = st.dictionaries(
                    st.text(min_size=1, max_size=6).filter(lambda k: k not in properties),
                    self.of(extra, depth + 1),
                    max_size=2,
                )
            except TooDeep:
                return strategy
            return st.tuples(strategy, values).map(lambda pair: {**pair[1], **pair[0]})
        return strategy


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "object": (dict,),
    "array": (list,),
}


def _typed(value: Any, types: Any) -> bool:
    """Is `value` of one of the JSON `types` (a name, a list of names, or None: any)?"""
    if types is None:
        return True
    names = [types] if isinstance(types, str) else list(types)
    return any(
        isinstance(value, _JSON_TYPES.get(n, object)) and (n == "boolean" or not isinstance(value, bool)) for n in names
    )


def json_schema(node: Any) -> Any:
    """OpenAPI 3.0/3.1 schema -> JSON Schema hypothesis-jsonschema accepts."""
    if isinstance(node, list):
        return [json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {
        k: {p: json_schema(s) for p, s in v.items()} if k == "properties" and isinstance(v, dict) else json_schema(v)
        for k, v in node.items()
        if k not in _DROP and not str(k).startswith("x-")
    }
    if "format" in out and out["format"] not in _FORMATS:
        del out["format"]
    for bound in ("Minimum", "Maximum"):
        flag = out.get("exclusive" + bound)
        if isinstance(flag, bool):
            del out["exclusive" + bound]
            if flag and bound.lower() in out:
                out["exclusive" + bound] = out.pop(bound.lower())
    # a `$ref`'s `nullable` sibling is ignored, as Speakeasy reads the spec (generator/parse/schemas.py;
    # outpost 1.791 `Attempt.destination`); said around it (`allOf: [$ref, {nullable: true}]`) it holds
    if out.pop("nullable", False) is True and "$ref" not in out:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
        if "type" not in out and "enum" not in out:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values, with date/date-time/decimal strings compared by what they mean."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) and isinstance(b, str) and a != b:
        for parse in (dt.datetime.fromisoformat, dt.date.fromisoformat, decimal.Decimal):
            try:
                return bool(parse(a.replace("Z", "+00:00")) == parse(b.replace("Z", "+00:00")))
            except (ValueError, decimal.InvalidOperation):
                continue
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _invalid(model: Model, x: dict) -> list[dict]:
    """Instances that break `x` clearly: a required property removed, or given a wrong type.
    (A required `const` may be left out: its value is its default, as in Speakeasy's models.)"""
    bad: list[dict] = []
    for f in model.fields:
        if not f.required or f.wire_name not in x or isinstance(f.type, Const):
            continue
        bad.append({k: v for k, v in x.items() if k != f.wire_name})
        t = f.type
        if isinstance(t, Prim) and t.name in ("str", "int", "float", "bool", "date", "datetime"):
            bad.append({**x, f.wire_name: {"not": ["a scalar"]}})
        elif isinstance(t, Ref) and isinstance(t.decl, Model) or isinstance(t, ListOf):
            bad.append({**x, f.wire_name: True})
        break
    return bad


def _check(case: str, tmp_path) -> Counter:
    if case == "openai":
        spec_path, folder = shared_path("specs", "realworld", "openai.yaml"), None
    else:
        folder = shared_path("corpus", case)
        spec_path = os.path.join(folder, "openapi.yaml")
    ir = build_ir(spec_path, folder)
    generate(spec_path, str(tmp_path), "pkg", folder)
    package = load(str(tmp_path), "pkg")
    with open(spec_path, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    schemas = (document.get("components") or {}).get("schemas") or {}
    instances = Instances({"components": {"schemas": {k: json_schema(v) for k, v in schemas.items()}}})
    by_pointer = {d.pointer.split("#", 1)[1]: d for d in ir.decls if d.origin.from_component}
    namespaced = is_namespaced(ir.decls)
    names = Counter((module_of(d, namespaced), d.name) for d in ir.decls)  # a module keeps the last of a name
    counts: Counter = Counter()
    failures: list[str] = []
    for key in schemas:
        pointer = "/components/schemas/" + str(key).replace("~", "~0").replace("/", "~1")
        decl = by_pointer.get(pointer)
        target = class_of(package, decl, ir) if decl is not None else None
        if target is None:
            counts["excluded: not a class (scalar, array or map)"] += 1
            continue
        if _uses(decl, {n for (_, n), k in names.items() if k > 1}):  # a naming bug: the module keeps the last class
            counts["excluded: uses a class name given twice by naming"] += 1
            continue
        if _binary(schemas[key], instances):
            counts["excluded: a binary property (a file object in the models, as in Speakeasy's)"] += 1
            continue
        try:
            strategy = instances.of({"$ref": "#" + pointer})
        except TooDeep:
            counts["excluded: a required property recurses"] += 1
            continue
        adapter = pydantic.TypeAdapter(target)
        problem = _run(decl, adapter, strategy)
        if problem == "unsatisfiable":
            counts["excluded: no instance could be drawn"] += 1
        elif problem:
            failures.append(f"{key}: {problem}")
            counts["failed"] += 1
        else:
            counts[f"covered ({type(decl).__name__.lower()})"] += 1
    print(f"\n{case}: {dict(sorted(counts.items()))}")
    assert not failures, "\n".join(f[:400] for f in failures)
    return counts


def _uses(decl: Any, wanted: set, seen: set | None = None) -> bool:
    """Does `decl` use (itself or through its fields and members) a class named in `wanted`?"""
    seen = set() if seen is None else seen
    if id(decl) in seen:
        return False
    seen.add(id(decl))
    if decl.name in wanted:
        return True
    exprs = [f.type for f in getattr(decl, "fields", [])] + list(getattr(decl, "members", []))
    while exprs:
        expr = exprs.pop()
        if isinstance(expr, Ref) and _uses(expr.decl, wanted, seen):
            return True
        exprs += (
            [getattr(expr, "item", None) or getattr(expr, "value", None)]
            if isinstance(expr, ListOf) or type(expr).__name__ == "MapOf"
            else []
        )
    return False


def _binary(schema: Any, instances: Instances, seen: set | None = None) -> bool:
    """Does the schema (through its references) have a `format: binary` string?"""
    seen = set() if seen is None else seen
    if isinstance(schema, list):
        return any(_binary(s, instances, seen) for s in schema)
    if not isinstance(schema, dict):
        return False
    if schema.get("format") == "binary":
        return True
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen:
            return False
        seen.add(ref)
        return _binary(instances.resolve(ref), instances, seen)
    return any(_binary(v, instances, seen) for k, v in schema.items() if isinstance(v, (dict, list)))


def _run(decl: Any, adapter: pydantic.TypeAdapter, strategy: Any) -> str:
    found: list[str] = []

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def check(x: Any) -> None:
        if found or x is None:  # a nullable component: the fields that use it admit None
            return
        try:
            value = adapter.validate_python(x)
        except pydantic.ValidationError as error:
            found.append(f"valid instance rejected: {x!r:.300}: {error.errors()[0]!r:.300}")
            return
        back = adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)
        if not same(back, x):
            found.append(f"round trip changed {x!r:.300} into {back!r:.300}")
            return
        if isinstance(decl, Model) and isinstance(x, dict):
            for bad in _invalid(decl, x):
                try:
                    adapter.validate_python(bad)
                except pydantic.ValidationError:
                    continue
                found.append(f"invalid instance accepted: {bad!r:.300}")
                return

    try:
        check()
    except hypothesis.errors.Unsatisfiable:
        return "unsatisfiable"
    return found[0] if found else ""


@pytest.mark.parametrize("case", CASES)
def test_component_instances_round_trip(case, tmp_path):
    counts = _check(case, tmp_path)
    assert sum(n for reason, n in counts.items() if reason.startswith("covered")) > 0
