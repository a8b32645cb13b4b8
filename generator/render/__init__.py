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
from ..ir import Spec
from ..profile import Profile
from ..resources import templates_dir
from .doctypes import DocStyle, doc_file
from .markdown import DocRules, heading, page_for, table
from .model_rules import DEFAULT_RULES, ModelRules
from .pyformat import comment_safe, layout
from .python import module_views, package_modules
from .typescript import TsRules, literal_tags, ts_page


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
    if flavour == "typescript" and ts_rules.tags_as_literals:
        ts_rules = replace(ts_rules, literal_tags=literal_tags(spec.decls))
    out: dict[str, str] = {}
    for decl in spec.decls:
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
    """The pydantic package: runtime helpers, the models, the error classes, and an `__init__`.

    `rules` are the gen.yaml options and version-dependent choices the models follow.
    """
    env = environment()
    modules = package_modules(spec.decls)
    home = {id(d): name for name, decls in modules.items() for d in decls}
    template = env.get_template("models.py.j2")
    files = {f"{package}/_types.py": env.get_template("_types.py.j2").render()}
    for name, decls in sorted(modules.items()):
        views = module_views(Spec(spec.title, decls), rules, name, home)
        note = " (error responses)" if name == "errors" else f" ({name[7:]})" if "." in name else ""
        files[f"{package}/{name.replace('.', '/')}.py"] = template.render(title=spec.title + note, **views)
    packages = sorted(name[7:] for name in modules if "." in name)
    if packages:
        files[f"{package}/models/__init__.py"] = env.get_template("__init__.py.j2").render(
            modules=packages, runtime=False
        )
    top = ["errors", "models"] if "errors" in modules else ["models"]
    files[f"{package}/__init__.py"] = env.get_template("__init__.py.j2").render(modules=top, runtime=True)
    return files
