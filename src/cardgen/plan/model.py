"""The concrete plan every product is laid out from: weeks → sessions → prescriptions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cardgen.doselang import Dose
from cardgen.plan.exercise import Exercise
from cardgen.plan.swap import Swap
from cardgen.plan.videos import Video


@dataclass(frozen=True)
class Prescription:
    """One exercise as done in one session of one week."""

    exercise_id: str
    exercise: Exercise
    dose: Dose  # complete: unit, per_side and rest are always set
    note: str = ""

    @property
    def sets(self) -> int:
        return self.dose.sets

    @property
    def key_cues(self) -> tuple[str, ...]:
        return self.exercise.cues[: self.exercise.key_cues]


@dataclass(frozen=True)
class SessionPlan:
    """One session of one week: what to do, with every dose worked out."""

    key: str  # the label on its tick box, card and log: "A", or "A1", "A2" when done twice a week
    focus: str
    items: tuple[Prescription, ...]
    group: str = ""  # the plan's session label ("A"), the same for every time it is done in a week
    occurrence: int = 1  # which time in the week this is, 1..per_week
    per_week: int = 1


@dataclass(frozen=True)
class Week:
    """One week of the plan: its phase, its sessions and, with a start date, its dates."""

    number: int
    phase: str
    kind: str  # build | deload | taper
    note: str
    sessions: tuple[SessionPlan, ...]
    start: dt.date | None = None
    race: bool = False
    to_race: int | None = None  # weeks from this week to race week (0 in it), when a race day was given

    @property
    def end(self) -> dt.date | None:
        return self.start + dt.timedelta(days=6) if self.start else None


@dataclass(frozen=True)
class Plan:
    """A plan expanded for one client: every week, every session, every dose."""

    id: str
    title: str
    subtitle: str
    about: str
    minutes: int | None
    weeks: tuple[Week, ...]
    exercises: dict[str, Exercise]  # every exercise the plan uses, in order of first appearance
    start: dt.date | None = None
    race_week: int | None = None
    race_day: dt.date | None = None  # the client's race, when given: it falls in race week
    names: dict[str, str] = field(default_factory=dict)  # every library exercise's name, for alternatives
    alternatives: dict[str, Exercise] = field(default_factory=dict)  # named by its exercises, not in the plan
    swaps: tuple[Swap, ...] = ()  # exercises the client lacks the equipment for, and what stands in
    videos: dict[str, Video] = field(default_factory=dict)  # exercise or alternative id → its demonstration, for those that have one
    have: frozenset[str] | None = None  # the client's equipment (cardgen.equipment's words); None: everything
    language: str | None = None  # what the content is written in (cardgen.languages), for hyphenation; None: the coach's or the default
    figure_at: dict[str, str] = field(default_factory=dict)  # exercise id → "FILE:LINE" of its figure, for warnings on how it printed

    @property
    def sessions_per_week(self) -> int:
        return max(len(w.sessions) for w in self.weeks)
