"""Coaching checks on valid content: things a strength coach would question, reported as warnings.

They never stop a build (the plan is valid, and the coach may have a reason), but each names the
file, line and field so the plan's author can look again.
"""

from __future__ import annotations

from cardgen.content.model import Exercise, Item, PlanTemplate
from cardgen.content.source import Source
from cardgen.errors import Problem

# Jumps and swings after these are done on tired legs: landings get sloppy and the power is gone.
FATIGUING = ("heavy", "eccentric", "strength")


def plan_warnings(plan: PlanTemplate, exercises: dict[str, Exercise], source: Source) -> list[Problem]:
    """Every coaching warning about one plan whose exercise references are all valid."""
    out: list[Problem] = []
    for key, session in plan.sessions.items():
        out += _power_after_fatigue(key, session.exercises, plan.weeks, exercises, source)
    return out


def _weeks(item: Item, total: int) -> set[int]:
    return set(item.weeks) if item.weeks is not None else set(range(1, total + 1))


def _power_after_fatigue(key: str, items: list[Item], total: int, exercises: dict[str, Exercise], source: Source) -> list[Problem]:
    out = []
    for i, item in enumerate(items):
        if exercises[item.exercise].kind != "power":
            continue
        weeks = _weeks(item, total)
        # Only an earlier exercise done in the same weeks tires the legs before this one.
        before = [e for e in items[:i] if exercises[e.exercise].kind in FATIGUING and weeks & _weeks(e, total)]
        if before:
            tiring = before[0]
            path = ("sessions", key, "exercises", i, "exercise")
            out.append(
                Problem(
                    source.file,
                    source.line_of(path),
                    f"sessions.{key}.exercises[{i}].exercise",
                    f"{item.exercise!r} is power work after {tiring.exercise!r} ({exercises[tiring.exercise].kind}); "
                    "jumps are done first in a session, while the legs are fresh",
                )
            )
    return out
