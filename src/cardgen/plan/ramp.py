"""Ramps that read like a coach wrote them: from one dose to another through the numbers coaches use.

A coach does not write 3 × 9–11 or 13–17: reps move through the usual ranges (8–10, 10–12, 12–15,
15–20), single counts in whole steps (1 while they are small, then 2, then 5), holds in 5 s, sets
one at a time. A ramp starts exactly at its `from` and ends exactly at its `to`; between them, each
week takes the step that lies as far along the ladder as the week lies along the ramp, so a short
ladder holds each step for a couple of weeks and a long one skips some. Pure arithmetic, no files.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from cardgen.doselang import Dose

# The rep ranges coaches write, from heavy to light.
T = TypeVar("T")

RANGES: tuple[tuple[int, int], ...] = ((3, 5), (4, 6), (6, 8), (8, 10), (10, 12), (12, 15), (15, 20), (20, 25), (25, 30))


def count_ladder(unit: str) -> list[int]:
    """The single counts a coach writes: holds in 5 s; reps and steps by 1 to 6, by 2 to 20, then by 5."""
    if unit == "seconds":
        return list(range(5, 601, 5))
    return [*range(1, 6), *range(6, 20, 2), *range(20, 201, 5)]


def ramp_at(a: Dose, b: Dose, over: Sequence[int], week: int, counted: str = "reps") -> Dose:
    """The dose of week `week` of a ramp from `a` to `b` over the consecutive weeks `over`."""
    first, last = over[0], over[-1]
    if week <= first:
        return a
    if week >= last:
        return b
    t = (week - first) / (last - first)
    unit = a.unit or b.unit or counted
    sets = _along(_steps(a.sets, b.sets, list(range(1, 101))), t)
    if unit != "seconds" and (a.low != a.high or b.low != b.high):
        low, high = _along(_range_steps((a.low, a.high), (b.low, b.high)), t)
    else:
        ladder = count_ladder(unit)
        low = _along(_steps(a.low, b.low, ladder), t)
        high = max(low, _along(_steps(a.high, b.high, ladder), t))
    return replace(a, sets=sets, low=low, high=high)


def _along(steps: Sequence[T], t: float) -> T:
    # Round half up, so the ramp is the same on every platform and easy to check by hand.
    return steps[math.floor(t * (len(steps) - 1) + 0.5)]


def _steps(x: int, y: int, ladder: list[int]) -> list[int]:
    """x, the ladder's values strictly between x and y (in the ramp's direction), y."""
    lo, hi = min(x, y), max(x, y)
    between = [v for v in ladder if lo < v < hi]
    return [x, *(between if x <= y else reversed(between)), y]


def _range_steps(x: tuple[int, int], y: tuple[int, int]) -> list[tuple[int, int]]:
    """x, the coaches' ranges that lie between x and y (both ends), y."""
    up = x <= y
    lo = (min(x[0], y[0]), min(x[1], y[1]))
    hi = (max(x[0], y[0]), max(x[1], y[1]))
    between = [r for r in RANGES if lo[0] <= r[0] <= hi[0] and lo[1] <= r[1] <= hi[1] and r not in (x, y)]
    return [x, *(between if up else reversed(between)), y]
