"""Corpus conformance must not fall below the last recorded floors (raise them as fidelity improves)."""

from __future__ import annotations

import conformance  # tests/conformance.py, also `make conformance`
from conftest import shared_path

# The overall share of Speakeasy's docs/models files we reproduce byte for byte.
FLOOR_PERCENT = 97.2
# No corpus entry may fall below this share of its own files.
ENTRY_FLOOR_PERCENT = 88.0


def test_overall_conformance_does_not_regress():
    shared_path("corpus")
    identical = total = 0
    low = []
    for name in conformance.entries():
        result = conformance.run_entry(name)
        assert not result.error, f"{name}: {result.error}"
        identical += result.identical
        total += result.total
        if 100.0 * result.identical < ENTRY_FLOOR_PERCENT * result.total:
            low.append(f"{name} {result.identical}/{result.total}")
    percent = 100.0 * identical / total
    assert percent >= FLOOR_PERCENT, f"conformance fell to {percent:.1f}% (floor {FLOOR_PERCENT}%)"
    assert not low, f"entries below {ENTRY_FLOOR_PERCENT}%: {', '.join(low)}"
