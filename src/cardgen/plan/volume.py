"""How much work each week of a plan asks for: the numbers behind the overview's chart.

Volume is counted in reps, the unit a runner counts in: every set's target (the middle of a range),
both sides when a dose is per side, steps as reps, and a hold as one rep for every three seconds held
(about the time one controlled rep takes), so a plank's 30 s weighs like ten reps, not thirty.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.doselang import Dose
from cardgen.plan.model import Plan, Week

SECONDS_PER_REP = 3


@dataclass(frozen=True)
class WeekVolume:
    """What one week adds up to, for the overview chart."""

    week: int
    reps: int  # the week's volume in reps, every session counted
    sets: int
    easy: bool  # a deload, taper or race week: shaded as the overview's table shades it


def reps_of(dose: Dose) -> float:
    """One prescription's volume in reps (see the module's note)."""
    target = (dose.low + dose.high) / 2
    if dose.unit == "seconds":
        target /= SECONDS_PER_REP
    return dose.sets * target * (2 if dose.per_side else 1)


def week_volume(week: Week) -> WeekVolume:
    items = [p for s in week.sessions for p in s.items]
    return WeekVolume(
        week=week.number,
        reps=round(sum(reps_of(p.dose) for p in items)),
        sets=sum(p.sets for p in items),
        easy=week.kind != "build" or week.race,
    )


def weekly_volume(plan: Plan) -> tuple[WeekVolume, ...]:
    return tuple(week_volume(w) for w in plan.weeks)
