"""What goes on the poster, independent of the sheet: the weeks with each session's dose, and the
exercises of each session listed once."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen import wording
from cardgen.plan.model import Plan, SessionPlan, Week
from cardgen.wording import curly


@dataclass(frozen=True)
class Cell:
    """One session in one week: its dose, and the exercise that dose belongs to when the session's
    exercises do not share one (a number without its exercise would not be the truth)."""

    dose: str  # "3 × 8–10"
    caption: str = ""  # "Glute bridge", or "" when every exercise of the session has this dose


@dataclass(frozen=True)
class Row:
    """One week's row of the poster's grid."""

    label: str  # "Week 3"
    dates: str  # "2–8 Mar", or "" without a start date; the year is on the race-day line
    tag: str  # the phase when it matters: "Deload", "Race week"
    marked: bool  # deload, taper or race week: a light band across the row
    cells: tuple[Cell | None, ...]  # per session column; None when the session is not done that week

    @property
    def note(self) -> str:
        return " · ".join(x for x in (self.dates, self.tag) if x)


@dataclass(frozen=True)
class ExerciseList:
    """A session's exercises, as listed beside the grid."""

    key: str
    head: str  # "A · Glutes & hips"
    items: tuple[tuple[str, str], ...]  # (exercise name, "weeks 4–8" when not in every week)


@dataclass(frozen=True)
class Span:
    """A session of the plan over its columns: one column, or one per time it is done in a week
    ("A1", "A2" for a session done twice); its focus is said once over all of them."""

    first: int
    count: int
    focus: str


@dataclass(frozen=True)
class Content:
    """Everything the poster prints, before it is laid out."""

    title: str
    subtitle: str
    athlete: str | None
    race: str | None  # the race day as printed, or None for a line to write it on
    keys: tuple[str, ...]  # one column, and one tick box a week, per session done
    spans: tuple[Span, ...]
    rows: tuple[Row, ...]
    lists: tuple[ExerciseList, ...]  # one per session of the plan, however often it is done


def content_of(plan: Plan, athlete: str | None) -> Content:
    """Everything the poster says, worded once: curly apostrophes, no-break spaces in doses."""
    keys = _merged([[s.key for s in w.sessions] for w in plan.weeks])
    group: dict[str, str] = {}
    focus: dict[str, str] = {}
    for w in plan.weeks:
        for s in w.sessions:
            group.setdefault(s.key, s.group or s.key)
            focus.setdefault(group[s.key], curly(s.focus))
    spans: list[Span] = []
    for j, k in enumerate(keys):
        if spans and j > 0 and group[keys[j - 1]] == group[k]:
            spans[-1] = Span(spans[-1].first, spans[-1].count + 1, spans[-1].focus)
        else:
            spans.append(Span(j, 1, focus[group[k]]))
    rows = []
    previous_phase = None
    for w in plan.weeks:
        by_key = {s.key: s for s in w.sessions}
        cells = tuple(_cell(by_key[k]) if k in by_key else None for k in keys)
        marked = w.kind != "build" or w.race
        rows.append(Row(wording.week_label(w), wording.week_dates(w, year=False), curly(_tag(w, previous_phase)), marked, cells))
        previous_phase = w.phase
    lists = []
    for g in dict.fromkeys(group[k] for k in keys):
        sessions = [[s for s in w.sessions if group[s.key] == g] for w in plan.weeks]
        weeks_of = [w for w, ss in zip(plan.weeks, sessions, strict=True) if ss]
        order = _merged([[p.exercise_id for p in s.items] for ss in sessions for s in ss])
        items = []
        for eid in order:
            used = [w.number for w, ss in zip(plan.weeks, sessions, strict=True) if any(p.exercise_id == eid for s in ss for p in s.items)]
            name = next(curly(p.exercise.name) for ss in sessions for s in ss for p in s.items if p.exercise_id == eid)
            items.append((name, "" if len(used) == len(weeks_of) else wording.weeks_text(used)))
        lists.append(ExerciseList(g, f"{g} · {focus[g]}", tuple(items)))
    return Content(
        title=curly(plan.title),
        subtitle=curly(plan.subtitle),
        athlete=curly(athlete) if athlete else None,
        race=_race_day(plan),
        keys=tuple(keys),
        spans=tuple(spans),
        rows=tuple(rows),
        lists=tuple(lists),
    )


def _cell(session: SessionPlan) -> Cell:
    """The session's dose, and the exercise it names when it is not every exercise's."""
    dose, name = wording.session_dose(session)
    return Cell(dose, curly(name)) if name else Cell(dose)


def _merged(sequences: list[list[str]]) -> list[str]:
    """One order for items that come and go: a newcomer goes after its neighbour, so an exercise that
    replaces another from week 4 is listed next to it, not at the end."""
    order: list[str] = []
    for seq in sequences:
        for i, item in enumerate(seq):
            if item in order:
                continue
            before = next((seq[j] for j in range(i - 1, -1, -1) if seq[j] in order), None)
            if before is not None:
                order.insert(order.index(before) + 1, item)
                continue
            after = next((seq[j] for j in range(i + 1, len(seq)) if seq[j] in order), None)
            order.insert(order.index(after) if after is not None else len(order), item)
    return order


def _tag(week: Week, previous_phase: str | None) -> str:
    """What sets the week apart, or the first week of a new named phase ("Learn the moves", then
    "Full workout"): a plain build week says nothing."""
    # Race week says only that: "Taper · race week" takes two lines the sheet does not have.
    tag = "Race week" if week.race else wording.phase_tag(week)
    if not tag and week.phase != "Build" and week.phase != previous_phase:
        tag = week.phase
    # The countdown takes the line a plain build week leaves free, in its short form under the
    # poster's race day: a row of three lines would not fit the 8-week plans on one sheet.
    return tag or (wording.to_race_short(week) if week.to_race else "")


def _race_day(plan: Plan) -> str | None:
    if plan.race_day:
        return wording.long_date(plan.race_day)
    if not plan.start or not plan.race_week or plan.race_week > len(plan.weeks):
        return None
    day = plan.weeks[plan.race_week - 1].end
    return wording.long_date(day) if day else None
