"""Go's `sort.Slice`: the order Speakeasy's generator (written in Go) leaves equal elements in.

`sort.Slice` is not stable: it is pattern-defeating quicksort (Go 1.19 on), which keeps slices of up
to 12 elements in insertion order among equals but moves equal elements of longer ones about, always
the same way for the same input. Speakeasy sorts a union's members with it (`render.unions`), so the
35 members of orq-2025-08's `DataFunctionParams` (1.606.5), 23 of them with one field, come out as
`Thirty, ThirtyOne, ThirtyFour, ThirtyThree, FunctionParams5...`: this port reproduces that order
exactly, with the xorshift of Go 1.21 on (`<< 13, >> 7, << 17`; Go 1.19's `<< 13, >> 17, << 5` gives
another order).

A port of Go's `sort` package (`slice.go`, `zsortfunc.go`); Go's licence follows, as it asks.
"""

# Copyright 2009 The Go Authors.
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions are
# met:
#
#    * Redistributions of source code must retain the above copyright
# notice, this list of conditions and the following disclaimer.
#    * Redistributions in binary form must reproduce the above
# copyright notice, this list of conditions and the following disclaimer
# in the documentation and/or other materials provided with the
# distribution.
#    * Neither the name of Google LLC nor the names of its
# contributors may be used to endorse or promote products derived from
# this software without specific prior written permission.
#
# THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
# "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
# LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
# A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
# OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
# SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
# LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
# DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
# THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
# (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
# OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_INSERTION = 12  # Go's maxInsertion
_NINTHER = 50  # shortestNinther
_MAX_SWAPS = 12  # 4 * 3
_SHIFT_STEPS = 5  # partialInsertionSort's maxSteps
_SHORTEST_SHIFTING = 50
_MASK = (1 << 64) - 1


def sort_slice(items: list[T], less: Callable[[T, T], bool]) -> None:
    """Sort `items` in place exactly as Go's `sort.Slice(items, less)` does."""
    _Sorter(items, less).run(0, len(items), len(items).bit_length())


class _Sorter(Generic[T]):
    """`pdqsort_func` and its helpers from Go's `sort/zsortfunc.go`, step for step."""

    def __init__(self, items: list[T], less: Callable[[T, T], bool]) -> None:
        self.items = items
        self.less_items = less

    def less(self, i: int, j: int) -> bool:
        return self.less_items(self.items[i], self.items[j])

    def swap(self, i: int, j: int) -> None:
        self.items[i], self.items[j] = self.items[j], self.items[i]

    def run(self, a: int, b: int, limit: int) -> None:
        balanced = partitioned = True
        while True:
            length = b - a
            if length <= _INSERTION:
                self.insertion(a, b)
                return
            if limit == 0:
                self.heap(a, b)
                return
            if not balanced:
                self.break_patterns(a, b)
                limit -= 1
            pivot, hint = self.choose_pivot(a, b)
            if hint == "decreasing":
                self.reverse(a, b)
                pivot = (b - 1) - (pivot - a)
                hint = "increasing"
            if balanced and partitioned and hint == "increasing" and self.partial_insertion(a, b):
                return
            if a > 0 and not self.less(a - 1, pivot):
                a = self.partition_equal(a, b, pivot)
                continue
            mid, partitioned = self.partition(a, b, pivot)
            left, right = mid - a, b - mid
            if left < right:
                balanced = left >= length // 8
                self.run(a, mid, limit)
                a = mid + 1
            else:
                balanced = right >= length // 8
                self.run(mid + 1, b, limit)
                b = mid

    def insertion(self, a: int, b: int) -> None:
        for i in range(a + 1, b):
            j = i
            while j > a and self.less(j, j - 1):
                self.swap(j, j - 1)
                j -= 1

    def heap(self, a: int, b: int) -> None:
        def sift_down(root: int, hi: int) -> None:
            while (child := 2 * root + 1) < hi:
                if child + 1 < hi and self.less(a + child, a + child + 1):
                    child += 1
                if not self.less(a + root, a + child):
                    return
                self.swap(a + root, a + child)
                root = child

        hi = b - a
        for i in range((hi - 1) // 2, -1, -1):
            sift_down(i, hi)
        for i in range(hi - 1, -1, -1):
            self.swap(a, a + i)
            sift_down(0, i)

    def partition(self, a: int, b: int, pivot: int) -> tuple[int, bool]:
        self.swap(a, pivot)
        i, j = a + 1, b - 1
        while i <= j and self.less(i, a):
            i += 1
        while i <= j and not self.less(j, a):
            j -= 1
        if i > j:
            self.swap(j, a)
            return j, True
        self.swap(i, j)
        i, j = i + 1, j - 1
        while True:
            while i <= j and self.less(i, a):
                i += 1
            while i <= j and not self.less(j, a):
                j -= 1
            if i > j:
                break
            self.swap(i, j)
            i, j = i + 1, j - 1
        self.swap(j, a)
        return j, False

    def partition_equal(self, a: int, b: int, pivot: int) -> int:
        self.swap(a, pivot)
        i, j = a + 1, b - 1
        while True:
            while i <= j and not self.less(a, i):
                i += 1
            while i <= j and self.less(a, j):
                j -= 1
            if i > j:
                return i
            self.swap(i, j)
            i, j = i + 1, j - 1

    def partial_insertion(self, a: int, b: int) -> bool:
        i = a + 1
        for _ in range(_SHIFT_STEPS):
            while i < b and not self.less(i, i - 1):
                i += 1
            if i == b:
                return True
            if b - a < _SHORTEST_SHIFTING:
                return False
            self.swap(i, i - 1)
            if i - a >= 2:  # the smaller one to the left
                j = i - 1
                while j >= 1 and self.less(j, j - 1):
                    self.swap(j, j - 1)
                    j -= 1
            if b - i >= 2:  # the greater one to the right
                j = i + 1
                while j < b and self.less(j, j - 1):
                    self.swap(j, j - 1)
                    j += 1
        return False

    def break_patterns(self, a: int, b: int) -> None:
        length = b - a
        if length < 8:
            return
        state = length
        modulus = 1 << length.bit_length()
        for idx in range(a + (length // 4) * 2 - 1, a + (length // 4) * 2 + 2):
            state ^= (state << 13) & _MASK
            state ^= state >> 7
            state ^= (state << 17) & _MASK
            other = state & (modulus - 1)
            if other >= length:
                other -= length
            self.swap(idx, a + other)

    def choose_pivot(self, a: int, b: int) -> tuple[int, str]:
        swaps = [0]

        def median(x: int, y: int, z: int) -> int:
            def order(p: int, q: int) -> tuple[int, int]:
                if self.less(q, p):
                    swaps[0] += 1
                    return q, p
                return p, q

            x, y = order(x, y)
            y, z = order(y, z)
            x, y = order(x, y)
            return y

        length = b - a
        i, j, k = a + length // 4, a + length // 4 * 2, a + length // 4 * 3
        if length >= 8:
            if length >= _NINTHER:
                i, j, k = (median(n - 1, n, n + 1) for n in (i, j, k))
            j = median(i, j, k)
        if swaps[0] == 0:
            return j, "increasing"
        return j, "decreasing" if swaps[0] == _MAX_SWAPS else "unknown"

    def reverse(self, a: int, b: int) -> None:
        i, j = a, b - 1
        while i < j:
            self.swap(i, j)
            i, j = i + 1, j - 1
