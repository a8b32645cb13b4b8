"""Options: what Speakeasy's `gen.yaml` and `gen.lock` say about the output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import SpecError
from .jobs import speakeasy_files
from .load import parse_text, read_document


@dataclass
class Options:
    """Everything that changes the output besides the spec itself."""

    flavour: str = "python"  # docs flavour: "python" or "typescript"
    package: str = "models"  # Python package folder written under the output folder
    sdk_package: str = ""  # the SDK's import name, shown in TypeScript example usage
    ref_root: str = ""  # the folder `$ref`s may read under ("": the spec's repository or folder)
    speakeasy_version: tuple[int, ...] = (1, 606, 0)
    gen: dict[str, Any] = field(default_factory=dict)  # the raw gen.yaml, for version-specific rules
    sources: dict[str, str] = field(default_factory=dict)  # gen.yaml and gen.lock as read: their sha256

    def python_option(self, name: str, default: Any = None) -> Any:
        return _option(self.gen, "python", name, default)

    def target_option(self, name: str, default: Any = None) -> Any:
        """gen.yaml's option for the flavour's own target section (`python:` or `typescript:`)."""
        return _option(self.gen, self.flavour, name, default)

    def generation_option(self, name: str, default: Any = None) -> Any:
        return _option(self.gen, "generation", name, default)


def _option(gen: dict[str, Any], section: str, name: str, default: Any) -> Any:
    """gen.yaml's `section.name`, or `default` when either is missing (or not a mapping)."""
    found = gen.get(section)
    return found.get(name, default) if isinstance(found, dict) else default


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in str(text).split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def speakeasy_options(folder: str, options: Options) -> Options:
    """Fold a Speakeasy SDK folder's gen.yaml (options) and gen.lock (version) into `options`."""
    gen_yaml, gen_lock = speakeasy_files(folder)
    if not gen_yaml:
        raise SpecError(f"no gen.yaml in {folder}")
    options.gen = _read_yaml(gen_yaml, options)
    if gen_lock:
        lock = _read_yaml(gen_lock, options)
        version = lock.get("speakeasyVersion") or _option(lock, "management", "speakeasyVersion", None)  # nested
        if version:
            options.speakeasy_version = _version(version)
    if isinstance(options.gen.get("typescript"), dict) and not isinstance(options.gen.get("python"), dict):
        options.flavour = "typescript"  # a TypeScript SDK's gen.yaml: its docs, named by its package
        ts_package = options.target_option("packageName")
        if isinstance(ts_package, str) and ts_package:
            options.sdk_package = ts_package
        return options
    package_name = options.python_option("packageName")
    if isinstance(package_name, str) and package_name:
        options.package = package_name.replace("-", "_")
    return options


def _read_yaml(path: str, options: Options) -> dict:
    """gen.yaml and gen.lock, through the spec loader's fast YAML path (gen.lock runs to megabytes);
    their digests go to `options.sources`."""
    text, options.sources[path] = read_document(path)
    data = parse_text(text, path) if text.strip() else {}
    return data if isinstance(data, dict) else {}
