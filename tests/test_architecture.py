"""The shape the code keeps (see the README's layout): Speakeasy's version and option rules live in
`generator/profile/` alone, and the modules of `generator/` import each other without cycles.

These read the source with `ast`; each fails on a concrete line a change could add."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
PROFILE = GENERATOR / "profile"


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        name = ".".join(path.relative_to(GENERATOR.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def _is_version(node: ast.expr) -> bool:
    """A literal like `(1, 606)`: how a generator version is written."""
    return (
        isinstance(node, ast.Tuple)
        and len(node.elts) >= 2
        and all(isinstance(e, ast.Constant) and type(e.value) is int for e in node.elts)
    )


def test_version_comparisons_live_in_the_profile() -> None:
    found = []
    for name, tree in _modules().items():
        if name.startswith("generator.profile"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(map(_is_version, [node.left, *node.comparators])):
                if isinstance(node.left, ast.Attribute) and node.left.attr == "version_info":
                    continue  # Python's own version, not Speakeasy's
                found.append(f"{name}:{node.lineno}")
    assert not found, f"version tuples compared outside generator/profile/: {found}"


def _option_keys() -> set[str]:
    """The gen.yaml option keys the profile reads: the camelCase string arguments of its `.get(...)`
    calls (section names like `python` are words other modules use for the flavour)."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PROFILE.glob("*.py"))]
    keys = set()
    for node in (node for tree in trees for node in ast.walk(tree)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            for arg in node.args[:1]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value != arg.value.lower():
                    keys.add(arg.value)
    return keys


def test_gen_yaml_keys_are_read_by_the_profile_alone() -> None:
    keys = _option_keys()
    assert {"nameResolutionFeb2025", "sharedNestedComponentsJan2026", "maintainOpenAPIOrder"} <= keys
    found = []
    for name, tree in _modules().items():
        if (
            name.startswith("generator.profile") or name == "generator.config"
        ):  # config reads the files, profile interprets them
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in keys:
                found.append(f"{name}:{node.lineno} {node.value!r}")
    assert not found, f"gen.yaml keys looked up outside generator/profile/: {found}"


def _imports(name: str, tree: ast.Module) -> set[str]:
    """The generator modules `name` imports, at any depth of its code (lazy imports count; those
    under `if TYPE_CHECKING:` do not run)."""
    package = name if (GENERATOR.parent / name.replace(".", "/") / "__init__.py").exists() else name.rpartition(".")[0]
    found = set()
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for child in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else (node.module or "")
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_modules_import_each_other_without_cycles() -> None:
    modules = _modules()
    graph = {
        name: sorted(m for m in _imports(name, tree) if m in modules and m != name) for name, tree in modules.items()
    }
    # a package's __init__ re-exporting its modules is not a cycle with them
    graph = {n: [m for m in deps if not n.startswith(m + ".")] for n, deps in graph.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in graph[node]:
            if state.get(dep) == 1:
                cycles.append(" -> ".join(path[path.index(dep) :] + [node, dep]) if dep in path else f"{node} -> {dep}")
            elif dep not in state:
                visit(dep, path + [node])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [])
    assert not cycles, f"import cycles: {cycles}"


def test_no_module_grows_past_about_400_lines() -> None:
    """A module that outgrows this holds more than one idea: split it by kind, as `parse/` and `naming/` are."""
    limit = 420
    long = {
        str(path.relative_to(GENERATOR)): n
        for path in sorted(GENERATOR.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > limit
    }
    assert not long, f"modules over {limit} lines: {long}"


def test_every_package_ships_in_the_wheel() -> None:
    """pyproject lists the packages setuptools puts in the wheel: a new subpackage left out of that
    list works from the checkout and fails in every installed copy (seen: `generator.profile`)."""
    import tomllib

    pyproject = tomllib.loads((GENERATOR.parent / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set(pyproject["tool"]["setuptools"]["packages"]) - {"generator.templates"}
    on_disk = {".".join(p.parent.relative_to(GENERATOR.parent).parts) for p in GENERATOR.rglob("__init__.py")}
    assert shipped == on_disk
