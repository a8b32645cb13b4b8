"""Jobs: which spec is generated where, from the command line or `[tool.modelgen]` in pyproject.toml.

Kept apart from `config` (which parses gen.yaml) so an up-to-date run, which needs only a
job's settings and the names of its files, starts without the spec loader or dataclasses.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from .errors import SpecError, invalid_utf8

JOB_KEYS = {"spec", "out", "speakeasy-dir", "flavour", "package", "sdk-package", "validate", "ref-root"}
_FLAVOURS = ("python", "typescript")
_PATHS = ("spec", "out", "speakeasy-dir", "ref-root")


def pyproject_jobs(path: str = "pyproject.toml") -> list[dict[str, Any]]:
    """Jobs from `[tool.modelgen]`: one job inline, or `[[tool.modelgen.jobs]]` tables.

    With `jobs`, keys set directly in `[tool.modelgen]` are defaults every job inherits.
    Unknown keys and wrong value types are errors naming the key, so a typo never
    silently falls back to a default.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise SpecError("no SPEC given and no pyproject.toml here", file=path) from None  # see cli._jobs
    except OSError as exc:
        raise SpecError(f"cannot read: {exc.strerror or exc}", file=path) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise invalid_utf8(raw, exc, path) from None
    except tomllib.TOMLDecodeError as exc:  # "... (at line 2, column 10)": shown as the error's position
        where = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        line, col = (int(where.group(1)), int(where.group(2))) if where else (0, 0)
        message = str(exc)[: where.start()] if where else str(exc)
        raise SpecError(f"invalid TOML: {message}", file=path, line=line, col=col) from None
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
        if key in _PATHS and "\x00" in str(value):  # no path holds one (os calls raise ValueError)
            raise SpecError(f"{key!r} is a path and holds a NUL character", file=path, pointer=f"{pointer}/{key}")
    if "package" in job:
        check_package(job["package"], file=path, pointer=f"{pointer}/package")
    if "flavour" in job and job["flavour"] not in _FLAVOURS:
        raise SpecError(
            f"'flavour' must be one of {list(_FLAVOURS)}, not {job['flavour']!r}",
            file=path,
            pointer=f"{pointer}/flavour",
        )


def check_package(name: str, file: str = "", pointer: str = "") -> None:
    """The package name becomes a folder and an import: a Python identifier, not a keyword."""
    import keyword

    if not name.isidentifier() or keyword.iskeyword(name) or not name.isascii():
        raise SpecError(f"package {name!r} is not a Python identifier (letters, digits, _)", file=file, pointer=pointer)


def speakeasy_files(folder: str) -> tuple[str, str]:
    """The gen.yaml and gen.lock a Speakeasy SDK folder keeps (at its top or in `.speakeasy/`);
    "" for one that is absent. Their bytes key the no-change shortcut, read before any parsing."""
    found = []
    for name in ("gen.yaml", "gen.lock"):
        paths = (os.path.join(folder, name), os.path.join(folder, ".speakeasy", name))
        found.append(next((path for path in paths if os.path.isfile(path)), ""))
    return found[0], found[1]
