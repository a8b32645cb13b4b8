"""Options: Speakeasy's `gen.yaml`/`gen.lock`, and jobs from `[tool.modelgen]` in pyproject.toml."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any

from .errors import SpecError
from .load import parse_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass
class Options:
    """Everything that changes the output besides the spec itself."""

    flavour: str = "python"  # docs flavour: "python" or "typescript"
    package: str = "models"  # Python package folder written under the output folder
    sdk_package: str = ""  # the SDK's import name, shown in TypeScript example usage
    speakeasy_version: tuple[int, ...] = (1, 606, 0)
    gen: dict[str, Any] = field(default_factory=dict)  # the raw gen.yaml, for version-specific rules

    def python_option(self, name: str, default: Any = None) -> Any:
        section = self.gen.get("python") if isinstance(self.gen.get("python"), dict) else {}
        return section.get(name, default)

    def generation_option(self, name: str, default: Any = None) -> Any:
        section = self.gen.get("generation") if isinstance(self.gen.get("generation"), dict) else {}
        return section.get(name, default)


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in str(text).split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def speakeasy_options(folder: str, options: Options) -> Options:
    """Fold a Speakeasy SDK folder's gen.yaml (options) and gen.lock (version) into `options`."""
    for name in ("gen.yaml", ".speakeasy/gen.yaml"):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            options.gen = _read_yaml(path)
            break
    else:
        raise SpecError(f"no gen.yaml in {folder}")
    for name in ("gen.lock", ".speakeasy/gen.lock"):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            lock = _read_yaml(path)
            management = lock.get("management") if isinstance(lock.get("management"), dict) else {}
            version = lock.get("speakeasyVersion") or management.get("speakeasyVersion")  # gen.lock nests it
            if version:
                options.speakeasy_version = _version(version)
            break
    package_name = options.python_option("packageName")
    if isinstance(package_name, str) and package_name:
        options.package = package_name.replace("-", "_")
    return options


def _read_yaml(path: str) -> dict:
    """gen.yaml and gen.lock, through the spec loader's fast YAML path (gen.lock runs to megabytes)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read: {exc}", file=path) from None
    data = parse_text(text, path) if text.strip() else {}
    return data if isinstance(data, dict) else {}


JOB_KEYS = {"spec", "out", "speakeasy-dir", "flavour", "package", "sdk-package", "validate"}
_FLAVOURS = ("python", "typescript")


def pyproject_jobs(path: str = "pyproject.toml") -> list[dict[str, Any]]:
    """Jobs from `[tool.modelgen]`: one job inline, or `[[tool.modelgen.jobs]]` tables.

    With `jobs`, keys set directly in `[tool.modelgen]` are defaults every job inherits.
    Unknown keys and wrong value types are errors naming the key, so a typo never
    silently falls back to a default.
    """
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise SpecError("no SPEC given and no pyproject.toml here", file=path) from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SpecError(f"cannot read: {exc}", file=path) from None
    section = data.get("tool", {}).get("modelgen")
    if not isinstance(section, dict):
        raise SpecError("no [tool.modelgen] section", file=path)
    defaults = {k: v for k, v in section.items() if k != "jobs"}
    _check_keys(defaults, path, "/tool/modelgen")
    jobs = section.get("jobs", [{}])
    if not isinstance(jobs, list) or not jobs or not all(isinstance(job, dict) for job in jobs):
        raise SpecError(
            "'jobs' must be a non-empty array of tables ([[tool.modelgen.jobs]])",
            file=path,
            pointer="/tool/modelgen/jobs",
        )
    merged = []
    for index, job in enumerate(jobs):
        pointer = f"/tool/modelgen/jobs/{index}" if "jobs" in section else "/tool/modelgen"
        _check_keys(job, path, pointer)
        job = {**defaults, **job}
        if "spec" not in job or "out" not in job:
            raise SpecError("each job needs 'spec' and 'out'", file=path, pointer=pointer)
        merged.append(job)
    return merged


def _check_keys(job: dict[str, Any], path: str, pointer: str) -> None:
    unknown = sorted(set(job) - JOB_KEYS)
    if unknown:
        raise SpecError(f"unknown key(s) {unknown}; known: {sorted(JOB_KEYS)}", file=path, pointer=pointer)
    for key, value in job.items():
        wanted = bool if key == "validate" else str
        if not isinstance(value, wanted):
            raise SpecError(
                f"{key!r} must be a {'boolean' if wanted is bool else 'string'}, not {value!r}",
                file=path,
                pointer=f"{pointer}/{key}",
            )
    if "flavour" in job and job["flavour"] not in _FLAVOURS:
        raise SpecError(
            f"'flavour' must be one of {list(_FLAVOURS)}, not {job['flavour']!r}",
            file=path,
            pointer=f"{pointer}/flavour",
        )
