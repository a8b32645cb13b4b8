"""Corpus conformance must not fall below the per-entry floors of `conformance_floors` (FLOORS: Python
SDKs, FLOORS_TS: TypeScript SDKs)."""

from __future__ import annotations

import conformance  # tests/conformance.py, also `make conformance`
from conformance_floors import FLOORS, FLOORS_TS
from conftest import shared_path


def test_every_entry_keeps_its_floor():
    shared_path("corpus")
    names = conformance.entries()
    assert sorted(FLOORS) == names, "every corpus entry needs a floor in tests/conformance_floors.py"
    below = []
    for name in names:
        result = conformance.run_entry(name)
        floor, total = FLOORS[name]
        assert result.total == total, f"{name}: {result.total} gold docs, the floor table says {total}"
        if result.identical < floor:
            below.append(f"{name} {result.identical}/{total} (floor {floor})")
    assert not below, "entries below their floor: " + ", ".join(below)


def test_every_typescript_entry_keeps_its_floors():
    shared_path("corpus-ts")
    names = conformance.entries(conformance.CORPUS_TS)
    assert sorted(FLOORS_TS) == names, "every corpus-ts entry needs a floor in tests/conformance_floors.py"
    below = []
    for name in names:
        result = conformance.run_entry(name, corpus=conformance.CORPUS_TS)
        floor, blanked_floor, total = FLOORS_TS[name]
        assert result.total == total, f"{name}: {result.total} gold docs, the floor table says {total}"
        if result.identical < floor or result.blanked < blanked_floor:
            below.append(
                f"{name} {result.identical}/{total}, blanked {result.blanked} (floors {floor}, {blanked_floor})"
            )
    assert not below, "entries below their floors: " + ", ".join(below)
