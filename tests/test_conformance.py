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


def test_a_page_gen_lock_records_by_hash_alone_counts(tmp_path):
    """`--root DIR --by-hash`: an SDK folder holding only spec, gen.yaml and gen.lock is measured against
    the git blobs gen.lock records; a page whose blob differs counts as different, not identical."""
    entry = tmp_path / "tiny"
    entry.mkdir()
    (entry / "openapi.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Pet:\n      type: object\n      properties:\n        name: {type: string}\n"
        "    Owner:\n      type: object\n      properties:\n        id: {type: integer}\n",
        encoding="utf-8",
    )
    (entry / "gen.yaml").write_text("configVersion: 2.0.0\npython:\n  packageName: tiny\n", encoding="utf-8")
    ours = conformance.run_entry("tiny", corpus=str(tmp_path), by_hash=False)
    assert ours.total == 0 and "docs/models/pet.md" in ours.extra
    _, files = conformance.build(
        str(entry / "openapi.yaml"), conformance.speakeasy_options(str(entry), conformance.Options())
    )
    pet = conformance.git_blob(files["docs/models/pet.md"].encode("utf-8"))
    (entry / "gen.lock").write_text(
        "management:\n  speakeasyVersion: 1.761.8\ntrackedFiles:\n"
        f"  docs/models/pet.md:\n    pristine_git_object: {pet}\n"
        f"  docs/models/owner.md:\n    pristine_git_object: {'a' * 40}\n"
        f"  docs/models/gone.md:\n    pristine_git_object: {'b' * 40}\n    deleted: true\n",
        encoding="utf-8",
    )
    result = conformance.run_entry("tiny", corpus=str(tmp_path), by_hash=True)
    assert (result.identical, result.total, result.by_hash) == (1, 2, 2)
    assert result.different == ["docs/models/owner.md"] and "docs/models/pet.md" not in result.extra
