"""Naming eras as data: each `tests/cases/*.yaml` is a small spec whose leading comment names one or
more profiles (Speakeasy version, gen.yaml) and the names Speakeasy gives under each, with the corpus
entries that show it. One parametrized test runs them all, as black runs `tests/data/cases/*.py`.

Header lines (`# key: value`), one block per case, blocks separated by `# ---`:
- `case`: an id; `evidence`: the corpus entries (and versions) the expected names come from;
- `speakeasy`: the gen.lock version (`1.441.1`); `gen`: gen.yaml as a YAML flow mapping;
- `classes`: class names that must exist; `absent`: class names that must not;
- `at <pointer>`: the class name of the declaration built from that JSON pointer;
- `fields <Class>`: that class's Python field names, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import Options
from generator.ir import Model
from generator.pipeline import build

CASES = Path(__file__).parent / "cases"


@dataclass
class Case:
    file: Path
    id: str = ""
    evidence: str = ""
    version: tuple[int, ...] = ()
    gen: dict[str, Any] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    at: dict[str, str] = field(default_factory=dict)
    fields: dict[str, list[str]] = field(default_factory=dict)


def read_cases(path: Path) -> list[Case]:
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    cases, case = [], Case(path)
    for line in header + ["---"]:
        if line == "---":
            if case.id:
                cases.append(case)
            case = Case(path)
            continue
        key, _, value = line.partition(": ")
        if key == "case":
            case.id = value
        elif key == "evidence":
            case.evidence = value
        elif key == "speakeasy":
            case.version = tuple(int(part) for part in value.split("."))
        elif key == "gen":
            case.gen = yaml.safe_load(value)
        elif key == "classes":
            case.classes = value.split()
        elif key == "absent":
            case.absent = value.split()
        elif key.startswith("at "):
            case.at[key.removeprefix("at ")] = value
        elif key.startswith("fields "):
            case.fields[key.removeprefix("fields ")] = value.split()
        elif key:
            raise ValueError(f"{path.name}: unknown header key {key!r}")
    return cases


ALL = [case for path in sorted(CASES.glob("*.yaml")) for case in read_cases(path)]


def test_every_case_says_what_it_expects_and_why() -> None:
    assert len(ALL) >= 8
    for case in ALL:
        assert case.evidence, f"{case.file.name} {case.id}: no evidence"
        assert case.classes or case.absent or case.at or case.fields, f"{case.file.name} {case.id}: expects nothing"


@pytest.mark.parametrize("case", ALL, ids=[f"{c.file.stem}:{c.id}" for c in ALL])
def test_case(case: Case) -> None:
    ir, _ = build(str(case.file), Options(gen=case.gen, speakeasy_version=case.version))
    names = {decl.name: decl for decl in ir.decls}
    missing = [name for name in case.classes if name not in names]
    assert not missing, f"missing classes {missing}; have {sorted(names)}"
    extra = [name for name in case.absent if name in names]
    assert not extra, f"classes that should not exist: {extra}"
    at = {decl.pointer.split("#", 1)[1]: decl.name for decl in ir.decls}
    assert {pointer: at.get(pointer) for pointer in case.at} == case.at
    for name, expected in case.fields.items():
        model = names.get(name)
        assert isinstance(model, Model), f"{name} is not a model"
        assert [f.name for f in model.fields] == expected, name
