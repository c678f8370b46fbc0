"""Load spikes: a harder exercise that takes over from an easier one must not start above it.

8-week-half once started the single-leg bridge in week 4 at the two-legged bridge's week-4 ramp,
roughly doubling the load on each leg overnight. A coach starts the harder move low. Pure: the
findings are data; the app layer words them and pins them to a file and line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from cardgen.doselang import Dose
from cardgen.plan.exercise import Exercise
from cardgen.plan.expand import dose_in_week
from cardgen.plan.template import Item, Template


@dataclass(frozen=True)
class Spike:
    """Item `index` of session `session` starts above where the exercise it takes over from started."""

    session: str
    index: int
    exercise: str
    week: int
    dose: Dose
    easier: str  # the exercise it takes over from
    easier_week: int
    easier_dose: Dose
    harder: bool  # listed as a harder alternative (else: it replaces the other the week after it ends)


def load_spikes(template: Template, exercises: Mapping[str, Exercise]) -> list[Spike]:
    """Every item that starts above the exercise it takes over from (see `takes_over`)."""
    phases = {w: p for p in template.phases for w in p.weeks}
    out = []
    for key, session in template.sessions.items():
        items = session.exercises
        for i, item in enumerate(items):
            for other, harder in _taken_over(item, items, exercises):
                week, before = _first(item), _first(other)
                dose = dose_in_week(template, item, exercises[item.exercise], week, phases.get(week))
                start = dose_in_week(template, other, exercises[other.exercise], before, phases.get(before))
                if dose.unit == start.unit and _volume(dose) > _volume(start):
                    out.append(Spike(key, i, item.exercise, week, dose, other.exercise, before, start, harder))
    return out


def _taken_over(item: Item, items: tuple[Item, ...], exercises: Mapping[str, Exercise]) -> Iterator[tuple[Item, bool]]:
    """The earlier-starting items of the session that `item` progresses from: those that name it as
    harder (or that it names as easier), and those that end the week before it starts."""
    first = _first(item)
    ex = exercises[item.exercise]
    for other in items:
        if other is item or _first(other) >= first:
            continue
        harder = any(v.exercise == item.exercise for v in exercises[other.exercise].harder)
        harder = harder or any(v.exercise == other.exercise for v in ex.easier)
        replaced = other.weeks is not None and max(other.weeks) == first - 1
        if harder or replaced:
            yield other, harder


def _first(item: Item) -> int:
    return min(item.weeks) if item.weeks is not None else 1


def _volume(dose: Dose) -> int:
    """Sets × the top of the range: more of either is more work for the muscle."""
    return dose.sets * dose.high
