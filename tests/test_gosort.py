"""`generator.gosort`: Go's unstable `sort.Slice`, the order Speakeasy leaves equal union members in."""

from __future__ import annotations

import random

from generator.gosort import sort_slice

# orq-2025-08 (1.606.5) `DataFunctionParams`: 35 members by position, how many fields each has, and the
# order Speakeasy wrote them in (its sdk/ models): fewest fields first, equals shuffled as Go shuffles them
_FIELDS = {position: 1 for position in range(1, 36)}
_FIELDS.update({position: 2 for position in (1, 2, 3, 4, 8, 9, 11, 13, 15, 25, 26)})
_FIELDS[12] = 3
_SPEAKEASY = [30, 31, 34, 33, 5, 6, 7, 28, 29, 10, 35, 24, 32, 14, 27, 16, 17, 18, 19, 20, 21, 22, 23]
_SPEAKEASY += [9, 25, 26, 15, 13, 11, 1, 8, 4, 3, 2, 12]


def test_speakeasy_union_member_order() -> None:
    members = list(range(1, 36))
    sort_slice(members, lambda a, b: _FIELDS[a] < _FIELDS[b])
    assert members == _SPEAKEASY
    assert sorted(range(1, 36), key=_FIELDS.__getitem__) != _SPEAKEASY  # a stable sort would not do


def test_up_to_twelve_keep_their_order_among_equals() -> None:
    items = [(3, "a"), (1, "b"), (3, "c"), (1, "d"), (2, "e"), (1, "f"), (3, "g"), (2, "h"), (1, "i")]
    got = list(items)
    sort_slice(got, lambda x, y: x[0] < y[0])
    assert got == sorted(items, key=lambda x: x[0])


def test_sorts_whatever_the_input() -> None:
    rng = random.Random(13)
    for length in (0, 1, 13, 49, 50, 64, 257, 1000):
        for spread in (1, 3, 1000):
            keys = [rng.randint(0, spread) for _ in range(length)]
            for variant in (keys, sorted(keys), sorted(keys, reverse=True)):
                got = list(variant)
                sort_slice(got, lambda x, y: x < y)
                assert got == sorted(variant)
