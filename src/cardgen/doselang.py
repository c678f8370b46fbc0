"""The dose language: "3 x 8-10", "3 x 30 s", "2 x 10 steps/side, rest 45 s", and week selections.

A leaf module: content parses doses with it and plan computes with the same `Dose`, without either
importing the other (docs/architecture.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

UNITS = ("reps", "seconds", "steps")

_UNIT_WORDS = {
    "": None,
    "rep": "reps", "reps": "reps",
    "s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds", "seconds": "seconds",
    "step": "steps", "steps": "steps",
}

_DOSE = r"""^\s*(?P<sets>\d+)\s*[x×]\s*
        (?P<low>\d+)(?:\s*[-–]\s*(?P<high>\d+))?\s*
        (?P<unit>[a-z]*)\s*
        (?P<side>(?:/|per|each)\s*(?:side|leg))?\s*
        (?:,\s*rest\s+(?P<rest>\d+)\s*(?:s|sec|secs|seconds)?)?\s*$"""


@cache
def _dose_pattern() -> re.Pattern[str]:
    # Compiled at the first dose read (~1.5 ms), not at import: a build whose content comes from the
    # cache (content/cache.py) reads no dose.
    return re.compile(_DOSE, re.VERBOSE | re.IGNORECASE)


DOSE_SYNTAX = "a dose like '3 x 10', '3 x 8-10', '3 x 30 s' or '2 x 10 steps/side, rest 45 s'"

# The limits every product is laid out for (docs/content-format.md, "Limits"). Six sets is the most
# the booklet's session table gives a cell a pen fits in on a half-letter page, and more than any
# runner's strength session asks for; a target of four digits or a rest of over ten minutes is a typo.
MAX_SETS = 6
MAX_TARGET = 999
MAX_REST = 600


@dataclass(frozen=True)
class Dose:
    """How much of one exercise: sets × a target (a count or a range), and optionally rest."""

    sets: int
    low: int
    high: int
    unit: str | None = None
    per_side: bool | None = None
    rest: int | None = None

    def with_defaults(self, unit: str, per_side: bool, rest: int) -> Dose:
        return replace(
            self,
            unit=self.unit or unit,
            per_side=per_side if self.per_side is None else self.per_side,
            rest=rest if self.rest is None else self.rest,
        )


def parse_dose(text: object) -> Dose:
    """Parse the dose language; raise ValueError with a message fit for the user."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ValueError(f"expected {DOSE_SYNTAX}, found {text!r}")
    m = _dose_pattern().match(str(text))
    if not m:
        raise ValueError(f"expected {DOSE_SYNTAX}, found {str(text)!r}")
    unit_word = m["unit"].lower()
    if unit_word not in _UNIT_WORDS:
        raise ValueError(f"unknown unit {m['unit']!r} in {str(text)!r}; use reps, s or steps")
    sets, low = _number(m["sets"]), _number(m["low"])
    high = _number(m["high"]) if m["high"] else low
    if sets < 1 or low < 1:
        raise ValueError(f"sets and targets must be at least 1, found {str(text)!r}")
    if high < low:
        raise ValueError(f"a range must rise, found {low}-{high} in {str(text)!r}")
    shown = _shown(str(text))
    if sets > MAX_SETS:
        raise ValueError(f"a dose has at most {MAX_SETS} sets, found {shown}; for more work, raise the target or add a second exercise")
    if high > MAX_TARGET:
        raise ValueError(f"a target is at most {MAX_TARGET} (reps, seconds or steps), found {shown}")
    rest = _number(m["rest"]) if m["rest"] else None
    if rest is not None and rest > MAX_REST:
        raise ValueError(f"a rest is at most {MAX_REST} s (ten minutes), found {shown}")
    return Dose(
        sets=sets,
        low=low,
        high=high,
        unit=_UNIT_WORDS[unit_word],
        per_side=True if m["side"] else None,
        rest=rest,
    )


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _number(digits: str) -> int:
    # Anything past nine digits is over every limit; Python refuses to read thousands of digits at all.
    return int(digits) if len(digits) <= 9 else 10**9


MAX_WEEKS = 52  # a plan is at most a year; week ranges are checked against it before they are expanded


def parse_weeks(text: object, total: int | None = None) -> tuple[int, ...]:
    """Parse a week selection: 3, "1-6", "1-3, 5, 7-8". Raise ValueError for the user."""
    if isinstance(text, bool):
        raise ValueError(f"expected weeks like 3, '1-6' or '1-3, 7', found {text!r}")
    if isinstance(text, int):
        parts = [str(text)]
    elif isinstance(text, str):
        parts = [p.strip() for p in text.split(",")]
    else:
        raise ValueError(f"expected weeks like 3, '1-6' or '1-3, 7', found {text!r}")
    weeks: list[int] = []
    for part in parts:
        m = re.fullmatch(r"(\d+)(?:\s*[-–]\s*(\d+))?", part)
        if not m:
            raise ValueError(f"expected weeks like 3, '1-6' or '1-3, 7', found {text!r}")
        a = _number(m[1])
        b = _number(m[2]) if m[2] else a
        if a < 1 or b < a:
            raise ValueError(f"week ranges start at 1 and rise, found {part!r}")
        if total is not None and b > total:
            raise ValueError(f"the plan has {total} weeks, found week {b}")
        if b > MAX_WEEKS:
            raise ValueError(f"a plan has at most {MAX_WEEKS} weeks, found week {b}")
        weeks.extend(range(a, b + 1))
    return tuple(sorted(set(weeks)))


def format_weeks(numbers) -> str:
    """The inverse of parse_weeks: (1, 2, 3, 5) → "1–3, 5"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
