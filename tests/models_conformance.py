"""Models conformance: how many of Speakeasy's model classes we emit identically.

Run `python tests/models_conformance.py` (or `make models-conformance`). For each corpus
entry with Speakeasy's own model sources (`../shared/corpus/<entry>/sdk/`; `--root DIR` for a folder
laid out alike, SDKs we have not seen, fetched outside the repository), it generates
our package in memory and compares both by AST (Speakeasy's code is never imported):
model classes (attribute names, wire aliases, normalised annotations, defaults, order),
enums (kind, members, open or closed) and unions (members, discriminated or not). Then the
differences, grouped by cause and ranked by how many fields (or classes) they touch.

Normalising: `Annotated[...]` metadata, module qualifiers (`components.X`, `_datetime.date`)
and quotes are dropped from annotations; the alias comes from `pydantic.Field(alias=...)`
wherever it is written; docstrings and the TypedDict twins are not compared.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import pickle
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conformance import CORPUS, spec_of
from conformance import entries as all_entries  # tests/conformance.py: the docs side of the same corpus

from generator.config import Options, speakeasy_options
from generator.errors import SpecError
from generator.pipeline import build_named
from generator.profile import Profile
from generator.render import render_package
from generator.render.model_rules import ModelRules

_MEMO = os.path.join(os.path.expanduser("~"), ".cache", "openapi-modelgen-tests", "models-conformance")
with open(os.path.abspath(__file__), "rb") as _handle:
    _SELF = _handle.read()
_SUBPACKAGES = ("models", "errors")
_TYPING = frozenset(
    [
        "Optional",
        "Union",
        "List",
        "Dict",
        "Any",
        "Literal",
        "Nullable",
        "OptionalNullable",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "date",
        "datetime",
        "Decimal",
        "None",
        "IO",
        "BufferedReader",
        "Set",
        "Tuple",
    ]
)


@dataclass(frozen=True)
class FieldSig:
    name: str
    alias: str  # "" when the wire name is the attribute name
    annotation: str
    default: str  # "" when required
    role: str = ""  # Speakeasy's FieldMetadata kind (query, path, header, request, security...), "" for JSON


@dataclass
class Decl:
    kind: str  # model, enum, union
    name: str
    fields: list[FieldSig] = field(default_factory=list)  # models
    members: tuple = ()  # enums: (kind, open, ((name, value)...)); unions: (discriminated, (member...))
    module: str = ""  # the module path under the package that defines (or only re-exports) it


# -- reading a module's declarations ---------------------------------------------------------------


class _Strip(ast.NodeTransformer):
    """Annotations without Annotated metadata, module qualifiers and quotes (`annotation`)."""

    def __init__(self, annotation: bool = True) -> None:
        self.annotation = annotation

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        if _dotted(node.value).endswith("Annotated") and isinstance(node.slice, ast.Tuple):
            return self.visit(node.slice.elts[0])
        if _dotted(node.value).endswith("Literal"):
            return node  # its strings are values, not forward references
        self.generic_visit(node)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        base = node.value
        if isinstance(base, ast.Name) and (base.id[:1].islower() or base.id.startswith("_")):
            return ast.Name(node.attr)
        self.generic_visit(node)
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if self.annotation and isinstance(node.value, str) and re.fullmatch(r"[A-Za-z_][\w.]*", node.value):
            return ast.Name(node.value.rpartition(".")[2])  # a forward reference
        if isinstance(node.value, float) and node.value.is_integer():
            return ast.Constant(int(node.value))
        return node


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return ""


def _norm(node: ast.AST | None, annotation: bool = True) -> str:
    if node is None:
        return ""
    return ast.unparse(_Strip(annotation).visit(node))  # in place: each node is read once


def _metadata(annotation: ast.AST) -> tuple[str, str]:
    """(alias, role) from an annotation's Annotated metadata, wherever it sits."""
    alias = role = ""
    for node in ast.walk(annotation):
        if isinstance(node, ast.Call):
            func = _dotted(node.func)
            if func.endswith("Field"):
                alias = alias or _keyword(node, "alias")
                alias = alias or _keyword(node, "serialization_alias")
            elif func.endswith("FieldMetadata"):
                role = role or ",".join(k.arg or "" for k in node.keywords) or "metadata"
    return alias, role


def _keyword(call: ast.Call, name: str) -> str:
    for kw in call.keywords:
        if kw.arg == name and isinstance(kw.value, ast.Constant):
            return str(kw.value.value)
    return ""


def _field(stmt: ast.AnnAssign) -> FieldSig | None:
    if not isinstance(stmt.target, ast.Name) or stmt.target.id in ("model_config", "__pydantic_extra__"):
        return None
    name = stmt.target.id
    alias, role = _metadata(stmt.annotation)
    default = stmt.value
    if isinstance(default, ast.Call) and _dotted(default.func).endswith("Field"):
        alias = alias or _keyword(default, "alias")
        args = {kw.arg: kw.value for kw in default.keywords}
        default = args.get("default", default.args[0] if default.args else None)
        if default is None and "default_factory" in args:
            default = ast.Call(args["default_factory"], [], [])
    if alias == name:
        alias = ""
    return FieldSig(name, alias, _norm(stmt.annotation), _norm(default, annotation=False), role)


def _enum_members(node: ast.ClassDef) -> tuple:
    members = []
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = stmt.value.value if isinstance(stmt.value, ast.Constant) else ast.unparse(stmt.value)
            members.append((stmt.targets[0].id, value))
    return tuple(members)


def _literal_values(node: ast.AST) -> tuple | None:
    """The values of `Literal[...]`, or of `Union[Literal[...], UnrecognizedStr]` (open): (open, values)."""
    if isinstance(node, ast.Subscript) and _dotted(node.value) == "Literal":
        elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return False, tuple(e.value for e in elts if isinstance(e, ast.Constant))
    if isinstance(node, ast.Subscript) and _dotted(node.value) == "Union" and isinstance(node.slice, ast.Tuple):
        names = [ast.unparse(e) for e in node.slice.elts]
        literals = [e for e in node.slice.elts if isinstance(e, ast.Subscript) and _dotted(e.value) == "Literal"]
        if len(literals) == 1 and all(n.startswith("Unrecognized") for n in names if not n.startswith("Literal")):
            found = _literal_values(literals[0])
            return (True, found[1]) if found else None
    return None


def _union(value: ast.AST) -> tuple | None:
    """(discriminated, members) of a union alias's value, None when it is not a union."""
    if isinstance(value, ast.Call) and _dotted(value.func) == "TypeAliasType" and len(value.args) == 2:
        value = value.args[1]
    discriminated = False
    if isinstance(value, ast.Subscript) and _dotted(value.value).endswith("Annotated"):
        text = ast.unparse(value)
        discriminated = "Discriminat" in text or "discriminator=" in text  # `Field(discriminator="TYPE")` too
        value = value.slice.elts[0] if isinstance(value.slice, ast.Tuple) else value.slice
    if isinstance(value, ast.Subscript) and _dotted(value.value) == "Union":
        elts = value.slice.elts if isinstance(value.slice, ast.Tuple) else [value.slice]
        if any(_dotted(e).startswith("Unrecognized") for e in elts):
            return None  # an open enum's Literal
        return discriminated, tuple(_norm(e) for e in elts)
    return None


def _alias(name: str, value: ast.AST, out: dict[str, Decl]) -> None:
    if name.endswith("TypedDict") or name.startswith("_") or name.isupper():
        return
    union = _union(value)
    if union is not None:
        out.setdefault(name, Decl("union", name, members=union))
        return
    value = _Strip().visit(value)
    literal = _literal_values(value)
    if literal is not None:
        out.setdefault(name, Decl("enum", name, members=("literal", literal[0], tuple((None, v) for v in literal[1]))))
    elif isinstance(value, (ast.Name, ast.Attribute, ast.Subscript)) and name[:1].isupper():
        out.setdefault(name, Decl("union", name, members=(False, (_norm(value),))))


def read_module(source: str, out: dict[str, Decl], errors_pkg: bool = False, module: str = "") -> None:
    """The model classes, enums and unions a module defines, into `out` by name (`module`: its path)."""
    tree = ast.parse(source)
    before = set(out)
    _read_tree(tree, out, errors_pkg)
    for name in set(out) - before:
        out[name].module = module


def _reexported(source: str) -> list[str]:
    """The names a module of nothing but imports (and `__all__`) offers: a merged module's stand-in."""
    tree = ast.parse(source)
    body = [n for n in tree.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    if not body or not all(isinstance(n, (ast.ImportFrom, ast.Assign)) for n in body):
        return []
    return [a.asname or a.name for n in body if isinstance(n, ast.ImportFrom) for a in n.names]


def _read_tree(tree: ast.Module, out: dict[str, Decl], errors_pkg: bool) -> None:
    for node in _statements(tree.body):
        if isinstance(node, ast.ClassDef):
            bases = [_dotted(b) for b in node.bases]
            if node.name.endswith("TypedDict") or "TypedDict" in bases:
                continue
            if "Enum" in bases or "OpenEnum" in bases:
                opened = "OpenEnum" in bases or any("OpenEnumMeta" in ast.unparse(k.value) for k in node.keywords)
                base = "int" if "int" in bases else "str"
                out.setdefault(node.name, Decl("enum", node.name, members=(base, opened, _enum_members(node))))
            elif any(b.endswith("BaseModel") for b in bases) or (errors_pkg and not bases):
                fields = [f for s in node.body if isinstance(s, ast.AnnAssign) for f in [_field(s)] if f]
                out.setdefault(node.name, Decl("model", node.name, fields))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            _alias(node.targets[0].id, node.value, out)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            _alias(node.target.id, node.value, out)


def _statements(body: list[ast.stmt]):
    for node in body:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` holds the checker's spelling first
            yield from _statements(node.body)
            yield from _statements(node.orelse)
        else:
            yield node


# -- both sides ------------------------------------------------------------------------------------


def _namespace(rel: str) -> str:
    """The namespace of a module path under the package: `components`, `operations`..., or ""."""
    parts = rel.split("/")
    if parts[0] == "models" and len(parts) > 2:
        return parts[1]
    if parts[0] == "models" and len(parts) == 2 and parts[1] != "__init__.py" and parts[1][:-3] in _NAMESPACES:
        return parts[1][:-3]
    return ""


_NAMESPACES = frozenset(("components", "operations", "errors", "shared", "callbacks", "webhooks", "internal"))


def _sources(entry_dir: str) -> dict[str, str]:
    """Speakeasy's model and error modules of an entry: {path under the package: absolute path}."""
    sdk = os.path.join(entry_dir, "sdk")
    package = next(n for n in sorted(os.listdir(sdk)) if os.path.isdir(os.path.join(sdk, n, "models")))
    found = {}
    for sub in _SUBPACKAGES:
        for folder, _, names in os.walk(os.path.join(sdk, package, sub)):
            for name in names:
                if name.endswith(".py") and name != "__init__.py":
                    path = os.path.join(folder, name)
                    found[os.path.relpath(path, os.path.join(sdk, package)).replace(os.sep, "/")] = path
    return dict(sorted(found.items()))


def theirs(entry_dir: str) -> dict[tuple[str, str], Decl]:
    """Speakeasy's declarations, remembered (parsing 800 modules costs seconds) under a key of this
    script's source and the modules' sizes and mtimes."""
    sources = _sources(entry_dir)
    key = hashlib.sha256(_SELF)
    for rel, path in sources.items():
        stat = os.stat(path)
        key.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    memo = os.path.join(_MEMO, f"{os.path.basename(entry_dir)}-{key.hexdigest()[:16]}.pickle")
    try:
        with open(memo, "rb") as handle:
            found: dict[tuple[str, str], Decl] = pickle.load(handle)
        return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    found = _read_theirs(sources)
    try:
        os.makedirs(_MEMO, exist_ok=True)
        with open(memo + ".tmp", "wb") as handle:
            pickle.dump(found, handle)
        os.replace(memo + ".tmp", memo)
    except OSError:
        pass
    return found


def _read_theirs(sources: dict[str, str]) -> dict[tuple[str, str], Decl]:
    out: dict[tuple[str, str], Decl] = {}
    by_ns: dict[str, dict[str, Decl]] = defaultdict(dict)
    for rel, path in sources.items():
        with open(path, encoding="utf-8") as handle:
            read_module(handle.read(), by_ns[_namespace(rel)], module=rel)
    for ns, decls in by_ns.items():
        for name, decl in decls.items():
            out[(_unify(ns), name)] = decl
    return out


def _unify(ns: str) -> str:
    return "components" if ns == "shared" else ns


def ours(entry_dir: str, spec_path: str) -> dict[tuple[str, str], Decl]:
    options = speakeasy_options(entry_dir, Options())
    spec = build_named(spec_path, options)
    profile = Profile.from_options(options)
    files = render_package(spec, profile.package, ModelRules.from_profile(profile))
    by_ns: dict[str, dict[str, Decl]] = defaultdict(dict)
    stand_ins: dict[str, str] = {}  # (namespace, name) -> the module re-exporting it
    for path, text in sorted(files.items()):
        rel = path.split("/", 1)[1]
        if rel.startswith(_SUBPACKAGES) and not rel.endswith("__init__.py"):
            ns = _namespace(rel) if "/" in rel else ""
            read_module(text, by_ns[ns], module=rel)
            stand_ins.update(((ns, name), rel) for name in _reexported(text))
    for (ns, name), rel in stand_ins.items():
        if name in by_ns[ns]:
            by_ns[ns][name].module = rel
    namespaced = any(ns for ns in by_ns)
    out: dict[tuple[str, str], Decl] = {}
    for ns, decls in by_ns.items():
        for name, decl in decls.items():
            out[(_unify(ns) if namespaced else "", name)] = decl
    return out


# -- comparing -------------------------------------------------------------------------------------


def _shape(annotation: str) -> str:
    """An annotation with class names replaced by X: equal shapes differ only in referenced names."""
    return re.sub(r"\b[A-Za-z_]\w*\b", lambda m: m.group(0) if m.group(0) in _TYPING else "X", annotation)


def _default_shape(default: str) -> str:
    if default in ("", "None", "UNSET"):
        return default or "(required)"
    if re.fullmatch(r"-?[\d.e]+", default):
        return "number"
    if default in ("True", "False"):
        return "bool"
    if default[:1] in "'\"":
        return "str"
    if default[:1] == "[":
        return "list"
    if default[:1] == "{":
        return "dict"
    if re.fullmatch(r"\w+\.\w+", default):
        return "Enum.MEMBER"
    return re.sub(r"\(.*\)", "(...)", default)


@dataclass
class Result:
    name: str
    counts: Counter = field(default_factory=Counter)  # kind -> total/emitted/fields/identical
    causes: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    error: str = ""


def _cause(result: Result, cause: str, example: str, weight: int = 1) -> None:
    result.causes[cause] += weight
    result.examples.setdefault(cause, f"{result.name}: {example}")


def _compare_model(result: Result, key: tuple[str, str], them: Decl, us: Decl) -> tuple[bool, bool]:
    """(same fields by name and alias, identical)."""
    where = ".".join(p for p in key if p)
    mine = {f.name: f for f in us.fields}
    mine_by_wire = {f.alias or f.name: f for f in us.fields}
    same_names = identical = True
    for theirs_field in them.fields:
        wire = theirs_field.alias or theirs_field.name
        ours_field = mine.get(theirs_field.name)
        role = f" [{theirs_field.role}]" if theirs_field.role else ""
        if ours_field is None:
            other = mine_by_wire.get(wire)
            same_names = identical = False
            if other is not None:
                _cause(
                    result,
                    "attribute name for the same wire name" + role,
                    f"{where}.{theirs_field.name} ours {other.name}",
                )
            else:
                _cause(result, "field missing" + role, f"{where}.{theirs_field.name}")
            continue
        if ours_field.alias != theirs_field.alias:
            same_names = identical = False
            kind = (
                "we alias, they don't"
                if ours_field.alias and not theirs_field.alias
                else ("they alias, we don't" if theirs_field.alias else "aliases differ")
            )
            _cause(
                result,
                f"alias: {kind}{role}",
                f"{where}.{theirs_field.name} theirs {theirs_field.alias!r} ours {ours_field.alias!r}",
            )
        if ours_field.annotation != theirs_field.annotation:
            identical = False
            a, b = _shape(theirs_field.annotation), _shape(ours_field.annotation)
            cause = "referenced type named differently" if a == b else f"annotation {a} vs ours {b}"
            _cause(
                result, cause, f"{where}.{theirs_field.name}: {theirs_field.annotation} vs ours {ours_field.annotation}"
            )
        if ours_field.default != theirs_field.default:
            identical = False
            a, b = _default_shape(theirs_field.default), _default_shape(ours_field.default)
            _cause(
                result,
                f"default {a} vs ours {b}{role}",
                f"{where}.{theirs_field.name}: {theirs_field.default or '-'} vs ours {ours_field.default or '-'}",
            )
    extra = [f.name for f in us.fields if f.name not in {t.name for t in them.fields}]
    for name in extra:
        same_names = identical = False
        _cause(result, "field we add", f"{where}.{name}")
    if identical and [f.name for f in us.fields] != [f.name for f in them.fields]:
        identical = False
        _cause(result, "field order", where)
    return same_names, identical


def _compare_other(result: Result, key: tuple[str, str], them: Decl, us: Decl) -> bool:
    if them.members == us.members:
        return True
    where = ".".join(p for p in key if p)
    if them.kind == "enum":
        (tk, to, tm), (uk, uo, um) = them.members, us.members
        if tk != uk:
            cause = f"enum written as {tk}, ours {uk}"
        elif to != uo:
            cause = f"enum open: theirs {to}, ours {uo}"
        elif [v for _, v in tm] != [v for _, v in um]:
            cause = "enum values differ" if {v for _, v in tm} != {v for _, v in um} else "enum value order"
        else:
            cause = "enum member names differ"
        _cause(result, cause, f"{where}: {tm[:3]} vs ours {um[:3]}")
        return False
    (td, tm), (ud, um) = them.members, us.members
    if set(tm) != set(um):
        a, b = tuple(map(_shape, tm)), tuple(map(_shape, um))
        cause = "union members named differently" if sorted(a) == sorted(b) else "union members differ"
    elif tm != um:
        cause = "union member order"
    else:
        cause = f"union discriminated: theirs {td}, ours {ud}"
    _cause(result, cause, f"{where}: {tm} vs ours {um}")
    return False


def run_entry(name: str, corpus: str = CORPUS) -> Result:
    entry_dir = os.path.join(corpus, name)
    result = Result(name)
    expected = theirs(entry_dir)
    for decl in expected.values():
        result.counts[decl.kind + " total"] += 1
    try:
        got = ours(entry_dir, spec_of(entry_dir))
    except SpecError as error:
        result.error = str(error)
        return result
    by_name = defaultdict(list)
    for (_, name_), decl in got.items():
        by_name[name_].append(decl)
    for key, them in sorted(expected.items()):
        us = got.get(key)
        if us is None and len(by_name.get(key[1], ())) == 1:
            us = by_name[key[1]][0]  # the same class in another module
        if us is None or us.kind != them.kind:
            label = "missing" if us is None else f"ours is a {us.kind}"
            _cause(result, f"{them.kind} {label} (by name)", ".".join(p for p in key if p))
            continue
        result.counts[them.kind + " emitted"] += 1
        if us.module == them.module:
            result.counts["module same"] += 1
        else:
            _cause(
                result, "class in another module", f"{'.'.join(p for p in key if p)}: {them.module} ours {us.module}"
            )
        if them.kind == "model":
            same, identical = _compare_model(result, key, them, us)
            result.counts["model same fields"] += same
        else:
            identical = _compare_other(result, key, them, us)
        result.counts[them.kind + " identical"] += identical
    return result


KINDS = ("model", "enum", "union")


def entries(corpus: str = CORPUS) -> list[str]:
    """The corpus entries with Speakeasy's model sources."""
    return [e for e in all_entries(corpus) if os.path.isdir(os.path.join(corpus, e, "sdk"))]


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "  -   "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="corpus entries (default: all with sdk/)")
    parser.add_argument("--causes", type=int, default=25, help="how many causes to list (default 25)")
    parser.add_argument(
        "--floors", action="store_true", help="print the MODEL_FLOORS and MODULE_FLOORS rows these figures give"
    )
    parser.add_argument(
        "--root", default=CORPUS, help="measure the entries of this folder (laid out like ../shared/corpus, with sdk/)"
    )
    args = parser.parse_args(argv)
    names = args.names or entries(args.root)
    if not names:
        print(f"models conformance: skipped, no entry with sdk/ under {args.root}")
        return 0
    total: Counter = Counter()
    causes: Counter = Counter()
    examples: dict[str, str] = {}
    entry_causes: dict[str, Counter] = defaultdict(Counter)
    floors = []
    for name in names:
        r = run_entry(name, args.root)
        floors.append((name, r.counts))
        total.update(r.counts)
        causes.update(r.causes)
        for cause, count in r.causes.items():
            entry_causes[cause][name] += count
            examples.setdefault(cause, r.examples[cause])
        c = r.counts
        print(
            f"{name:22} models {c['model identical']:4}/{c['model total']:<4} ({_pct(c['model identical'], c['model total'])})"
            f"  named {c['model emitted']:4}  same fields {c['model same fields']:4}"
            f"  enums {c['enum identical']:4}/{c['enum total']:<4}  unions {c['union identical']:4}/{c['union total']:<4}"
            f"  modules {c['module same']:4}" + (f"  ERROR {r.error}" if r.error else "")
        )
    if args.floors:
        for name, c in floors:
            print(f'    "{name}": ' + str(tuple((c[k + " identical"], c[k + " total"]) for k in KINDS)) + ",")
        print("MODULE_FLOORS:")
        for name, c in floors:
            print(f'    "{name}": {c["module same"]},')
    t = total
    total_emitted = sum(t[k + " emitted"] for k in KINDS)
    print(
        f"overall: models {t['model identical']}/{t['model total']} identical ({_pct(t['model identical'], t['model total']).strip()}),"
        f" {t['model emitted']} by name, {t['model same fields']} with the same fields;"
        f" enums {t['enum identical']}/{t['enum total']} ({_pct(t['enum identical'], t['enum total']).strip()});"
        f" unions {t['union identical']}/{t['union total']} ({_pct(t['union identical'], t['union total']).strip()});"
        f" in Speakeasy's module {t['module same']}/{total_emitted} ({_pct(t['module same'], total_emitted).strip()})"
    )
    print("causes (fields or classes affected; entries; an example):")
    for cause, count in causes.most_common(args.causes):
        print(f"  {count:6}  {cause}  [{len(entry_causes[cause])} entries]\n          e.g. {examples[cause][:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
