"""Template + progression rules → a concrete week-by-week plan. Pure: no files, no PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from cardgen.doselang import Dose
from cardgen.plan.exercise import Exercise
from cardgen.plan.model import Plan, Prescription, SessionPlan, Week
from cardgen.plan.ramp import ramp_at
from cardgen.plan.swap import Swap
from cardgen.plan.template import DoseRule, Item, Phase, Session, Template


def expand(
    plan_id: str,
    template: Template,
    exercises: Mapping[str, Exercise],
    start: dt.date | None = None,
    race: dt.date | None = None,
    swaps: tuple[Swap, ...] = (),
) -> Plan:
    """Expand `template`; its exercise references must already be validated against `exercises`, and
    any equipment swapped (`swaps`: what swap_template did, for the products to say).
    With a `race` day, the last week is race week (`start` must already be the one it implies)."""
    race_week = template.weeks if race else template.race_week
    phases = {w: p for p in template.phases for w in p.weeks}
    weeks = []
    used: dict[str, Exercise] = {}
    for n in range(1, template.weeks + 1):
        phase = phases.get(n)
        done: list[tuple[str, Session, tuple[Prescription, ...]]] = []
        for key, session in template.sessions.items():
            items = []
            for item in session.exercises:
                if item.weeks is not None and n not in item.weeks:
                    continue
                ex = exercises[item.exercise]
                used.setdefault(item.exercise, ex)
                items.append(Prescription(item.exercise, ex, dose_in_week(template, item, ex, n, phase), item.note))
            if items:
                done.append((key, session, tuple(items)))
        # A session done twice a week is two sessions, so each gets its own tick box, card and log.
        # They alternate (A1, B1, A2, B2), the order in which they are best done through the week.
        sessions = []
        for i in range(max((s.per_week for _, s, _ in done), default=1)):
            for key, session, prescriptions in done:
                if i < session.per_week:
                    label = session.labels[i]
                    sessions.append(SessionPlan(label, session.focus, prescriptions, group=key, occurrence=i + 1, per_week=session.per_week))
        weeks.append(
            Week(
                number=n,
                phase=phase.name if phase else "Build",
                kind=phase.kind if phase else "build",
                note=phase.note if phase else "",
                sessions=tuple(sessions),
                start=start + dt.timedelta(weeks=n - 1) if start else None,
                race=n == race_week,
                to_race=race_week - n if race and race_week else None,
            )
        )
    # The library exercises the plan's pages name as alternatives: each gets a short entry.
    named = {
        v.exercise: exercises[v.exercise]
        for ex in used.values()
        for v in (*ex.easier, *ex.harder, *ex.no_equipment)
        if v.exercise is not None and v.exercise in exercises and v.exercise not in used
    }
    return Plan(
        id=plan_id,
        title=template.title,
        subtitle=template.subtitle,
        about=template.about,
        minutes=template.minutes,
        weeks=tuple(weeks),
        exercises=used,
        start=start,
        race_week=race_week,
        race_day=race,
        swaps=swaps,
        alternatives=named,
        names={k: ex.name for k, ex in exercises.items()},
        language=template.language,
    )


def dose_in_week(template: Template, item: Item, ex: Exercise, week: int, phase: Phase | None) -> Dose:
    """The complete dose of one item in one week (see docs/content-format.md, Progression)."""
    rule = item.dose or template.progression.get(ex.counted)
    if item.dose is not None and week in item.dose.by_week:
        dose = item.dose.by_week[week]  # an item's explicit week wins over its phase
    else:
        source_week = phase.like_week if phase and phase.like_week else week
        dose = rule_at(rule, source_week, ex.counted) if rule else ex.dose
        if phase and phase.sets:
            dose = replace(dose, sets=phase.sets)
    # Rest: the item's own (", rest 45 s"), else the plan's for this kind, else the exercise's.
    return dose.with_defaults(ex.counted, ex.per_side, template.rest.get(ex.kind, ex.rest))


def rule_at(spec: DoseRule, week: int, counted: str = "reps") -> Dose:
    if week in spec.by_week:
        return spec.by_week[week]
    if spec.ramp is not None:
        return ramp_at(spec.ramp.from_, spec.ramp.to, spec.ramp.over, week, counted)
    if spec.fixed is not None:
        return spec.fixed
    listed = sorted(spec.by_week)
    earlier = [w for w in listed if w <= week]
    return spec.by_week[earlier[-1] if earlier else listed[0]]
