"""A plan template as plain data: what `expand` turns into weeks. Filled from the validated content
at the boundary (cardgen/to_plan.py), so `plan` never depends on how the content was written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cardgen.doselang import Dose


@dataclass(frozen=True)
class Ramp:
    """A dose that moves from one value to another across consecutive weeks."""

    from_: Dose
    to: Dose
    over: tuple[int, ...]


@dataclass(frozen=True)
class DoseRule:
    """How one exercise's dose changes week by week: fixed, a ramp, explicit weeks (or ramp + weeks)."""

    fixed: Dose | None = None
    ramp: Ramp | None = None
    by_week: Mapping[int, Dose] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    """One exercise in a session."""

    exercise: str  # an exercise id of the library
    dose: DoseRule | None = None
    weeks: tuple[int, ...] | None = None  # None: every week
    note: str = ""


@dataclass(frozen=True)
class Session:
    """A session of a plan template, with the labels of each time it is done in a week."""

    focus: str
    exercises: tuple[Item, ...]
    labels: tuple[str, ...]  # one per time it is done in a week: ("A",) or ("A1", "A2")

    @property
    def per_week(self) -> int:
        return len(self.labels)


@dataclass(frozen=True)
class Phase:
    """Weeks that differ from the build: a deload or a taper."""

    weeks: tuple[int, ...]
    name: str
    kind: str = "build"  # build | deload | taper
    sets: int | None = None
    like_week: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Template:
    """A plan as its file describes it, before it is expanded week by week."""

    title: str
    weeks: int
    sessions: Mapping[str, Session]  # by the plan's session label, in the plan's order
    subtitle: str = ""
    about: str = ""
    minutes: int | None = None
    rest: Mapping[str, int] = field(default_factory=dict)  # seconds by kind of exercise, overriding the exercise's
    race_week: int | None = None
    progression: Mapping[str, DoseRule] = field(default_factory=dict)  # by counted: reps, seconds, steps
    phases: tuple[Phase, ...] = ()
    language: str | None = None  # what the plan is written in, for hyphenation (cardgen.languages)
