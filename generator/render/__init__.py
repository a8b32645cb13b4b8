"""Stage 5: render the named IR with Jinja into {relative path: file text}.

Templates only lay text out; everything they print is computed in `markdown`,
`typescript` and `python`; types are spelled in `pytypes` (models, docs, `diff`), the docs' Type
cell laid out in `doctypes`. Both outputs come from the same IR in the same run, so the docs
and the models can never disagree.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache

import jinja2

from ..cache import cache_dir
from ..ir import Decl, Role, Spec
from ..profile import Profile
from ..resources import templates_dir
from .doctypes import DocStyle, doc_file
from .markdown import DocRules, heading, page_for, table
from .model_rules import DEFAULT_RULES, ModelRules
from .pyerrors import errors_namespace, render_sdk_exceptions, with_base_free
from .pyformat import comment_safe, layout
from .pyimports import import_line, isort_key, module_key, relative
from .pymodules import file_modules, merged_circles
from .python import exported, is_namespaced, module_views, package_modules
from .pytypes import exception_name, py_name
from .tsusage import lone_member_examples
from .typescript import TsRules, file_senders, literal_only, literal_tags, ts_page


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        bytecode_cache=_bytecode_cache(),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["table"] = table
    env.filters["pycomment"] = comment_safe
    env.filters["pyline"] = layout  # a class header as black splits a long one
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user cache (compiling them costs a run ~12 ms); keyed by the
    template source's checksum, so an edited template is compiled afresh. None when not writable."""
    folder = os.path.join(cache_dir(), "templates")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(folder) if os.access(folder, os.W_OK) else None


def render_docs(spec: Spec, profile: Profile | None = None) -> dict[str, str]:
    """One Markdown page per declaration, at `docs/models/[namespace/]<lowercase name>.md`, in the
    profile's flavour and with its version- and option-dependent doc rules (default: `Profile()`)."""
    profile = profile or Profile()
    env = environment()
    template = env.get_template("doc.md.j2" if profile.python_docs else "doc_ts.md.j2")
    flavour, package = profile.flavour, profile.sdk_package
    rules = replace(DocRules.from_profile(profile), timestamps=frozenset(spec.timestamps))
    # TypeScript docs show an unquoted date as written (dwolla 1.759 `1980-01-31`), a date-time as Go prints it
    # (dingify 1.331 `2024-05-23 11:14:27.682 +0000 UTC`)
    date_times = frozenset(t for t in rules.timestamps if len(t) > len("2024-05-23"))
    ts_rules = replace(TsRules.from_profile(profile), timestamps=date_times)
    if flavour == "typescript":
        ts_rules = replace(
            ts_rules, file_senders=file_senders(spec.decls), lone_examples=lone_member_examples(spec.decls)
        )
    pageless: frozenset[int] = frozenset()  # enums only ever read as their literal
    if flavour == "typescript" and ts_rules.tags_as_literals:
        ts_rules = replace(ts_rules, literal_tags=literal_tags(spec.decls))
        pageless = literal_only(spec.decls, ts_rules.literal_tags)
    out: dict[str, str] = {}
    for decl in spec.decls:
        if id(decl) in pageless or (flavour == "typescript" and decl.origin.role == Role.GLOBALS):
            # a TypeScript SDK documents no `Globals` page (openrouter 1.679/1.761, orq-node 1.517: global
            # parameters, no docs/models/internal/globals.md in gen.lock; Python SDKs write one: plexpy, orq-2025-08)
            continue
        doc_dir = decl.doc_dir or ("models/" + decl.namespace if decl.namespace else "models")
        style = DocStyle(
            flavour,
            doc_dir,
            rules.renamed_files,
            rules.file_type,
            rules.kebab_files,
            rules.raw_response,
            rules.union_members,
            rules.nullable,
        )
        if flavour == "python":
            page = page_for(decl, style, rules)
        else:
            page = ts_page(decl, *heading(decl), style, ts_rules)
        text = template.render(page=page, package=package or ts_rules.module, namespace=decl.namespace)
        out[f"docs/{doc_dir}/{doc_file(decl, rules.renamed_files, rules.kebab_files)}"] = text
    if flavour == "python" and spec.decls:
        out["docs/models/utils/retryconfig.md"] = env.get_template("retryconfig.md.j2").render()
    return out


def render_package(spec: Spec, package: str, rules: ModelRules = DEFAULT_RULES) -> dict[str, str]:
    """The pydantic package: runtime helpers, a module per schema and per operation in each models
    package (see `pymodules`) with an `__init__` importing them when used, the error classes, and the
    package's `__init__`. `rules` are the gen.yaml options and version-dependent choices the models follow.
    """
    env = environment()
    namespaces = package_modules(spec.decls, rules.errors_beside_models, rules.shared_errors)
    errors_home = errors_namespace(list(namespaces), is_namespaced(spec.decls), rules.errors_beside_models)
    placed = file_modules(spec, {id(d): name for name, decls in namespaces.items() for d in decls}, rules.module_limit)
    merged = merged_circles(spec.decls, placed)
    # the classes of the SDK exceptions' namespace, and the exceptions of its error classes (only theirs: as `_apart`)
    home_decls = namespaces.get(errors_home, [])
    taken = {py_name(d) for d in home_decls} | {exception_name(d) for d in home_decls if d.uses.error}
    taken |= set(placed.values()) | set(merged)
    rules = with_base_free(rules, errors_home, taken)
    home = {key: merged.get(module, module) for key, module in placed.items()}
    written: dict[str, list[Decl]] = {}
    for decl in spec.decls:
        written.setdefault(home[id(decl)], []).append(decl)
    template = env.get_template("models.py.j2")
    files = {f"{package}/_types.py": env.get_template("_types.py.j2").render()}
    exports: dict[str, list[str]] = {}  # module written -> the names it defines
    for name, decls in sorted(written.items()):
        views = module_views(Spec(spec.title, decls), rules, name, home)
        exports[name] = exported(views)
        files[_path(package, name)] = template.render(title=f"{spec.title} ({name})", **views)
    names_of = _names_by_module(written, placed, exports)
    for stub, physical in sorted(merged.items()):
        line = import_line(relative(stub, physical), names_of[stub])
        reason = f"written in `{physical}` (their classes refer to each other)"
        text = env.get_template("reexport.py.j2").render(
            title=f"{spec.title} ({stub})", reason=reason, line=line, names=names_of[stub]
        )
        files[_path(package, stub)] = text
    files.update(_speakeasy_runtime_paths(env, spec.title, package))
    for module, (text, name) in render_sdk_exceptions(env, spec.title, errors_home, rules, taken).items():
        files[_path(package, module)] = text
        names_of[module] = [name]
    namespaces.setdefault(errors_home, [])
    for namespace in namespaces:
        files[f"{package}/{namespace.replace('.', '/')}/__init__.py"] = _lazy_init(spec, namespace, names_of)
    packages = sorted(name[7:] for name in namespaces if "." in name)
    if packages and "models" not in namespaces:  # a flat `models` has its own (`models/internal` aside)
        files[f"{package}/models/__init__.py"] = env.get_template("__init__.py.j2").render(
            modules=packages, runtime=False
        )
    top = ["errors", "models"] if "errors" in namespaces else ["models"]
    files[f"{package}/__init__.py"] = env.get_template("__init__.py.j2").render(modules=top, runtime=True)
    return files


#: Where Speakeasy's SDKs offer the runtime names their users import (`from pkg.types import UNSET`,
#: `from pkg.utils.eventstreaming import EventStream`): the `types` package of all 36 `sdk/` answer
#: keys offers these names (the three newest add base64 file inputs, which we do not model), and the
#: SDKs whose responses stream import `EventStream` from `utils.eventstreaming`. Each entry: the
#: module, what it imports from, the names.
_TYPES_NAMES = ["BaseModel", "Nullable", "OptionalNullable", "UNSET", "UnrecognizedInt", "UnrecognizedStr"]
SPEAKEASY_RUNTIME = [
    ("types.__init__", "_types", _TYPES_NAMES),
    ("types.basemodel", "_types", _TYPES_NAMES),
    ("utils.__init__", "utils", ["eventstreaming"]),
    ("utils.eventstreaming", "_types", ["EventStream", "EventStreamAsync"]),
]


def _speakeasy_runtime_paths(env: jinja2.Environment, title: str, package: str) -> dict[str, str]:
    """Modules at Speakeasy's runtime paths re-exporting ours, so a user's imports of them keep working."""
    reason = "Speakeasy's runtime names, where its users import them"
    return {
        _path(package, module): env.get_template("reexport.py.j2").render(
            title=f"{title} ({module.removesuffix('.__init__')})",
            reason=reason,
            line=import_line(relative(module, source), names),
            names=names,
        )
        for module, source, names in SPEAKEASY_RUNTIME
    }


def _path(package: str, module: str) -> str:
    return f"{package}/{module.replace('.', '/')}.py"


def _names_by_module(
    written: dict[str, list[Decl]], placed: dict[int, str], exports: dict[str, list[str]]
) -> dict[str, list[str]]:
    """The names each module offers, in isort's order: a merged module's are those of the classes
    placed in it; names of no declaration (an open union's unknown member) stay where written."""
    found: dict[str, list[str]] = {}
    for module, names in exports.items():
        owner: dict[str, str] = {}
        for decl in written[module]:
            owner[py_name(decl)] = owner[py_name(decl) + "TypedDict"] = placed[id(decl)]
        for name in names:
            found.setdefault(owner.get(name, module), []).append(name)
    return {module: sorted(names, key=isort_key) for module, names in found.items()}


def _lazy_init(spec: Spec, namespace: str, names_of: dict[str, list[str]]) -> str:
    """A models package's `__init__`: each name's module, imported on first use."""
    modules = sorted((m for m in names_of if m.rpartition(".")[0] == namespace), key=module_key)
    imports = [import_line(relative(namespace + ".x", m), names_of[m], indent="    ") for m in modules]
    pairs = sorted(((name, relative(namespace + ".x", m)) for m in modules for name in names_of[m]), key=lambda p: p[0])
    return (
        environment()
        .get_template("lazy_init.py.j2")
        .render(title=f"Models for {spec.title}", imports=imports, modules=pairs)
    )
