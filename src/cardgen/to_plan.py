"""The boundary between content and plan: validated content models → plan data, in this one place.

`content` (the YAML schema) and `plan` (weeks, sessions, doses) never import each other; the app
layer hands the one to the other here, so either can change shape without the other noticing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from cardgen.content import model as content
from cardgen.content.library import Library
from cardgen.doselang import Dose
from cardgen.equipment import have_text
from cardgen.errors import CardgenError, Problem
from cardgen.plan import exercise as data, template as tpl
from cardgen.plan.coaching import load_spikes
from cardgen.plan.expand import expand
from cardgen.plan.model import Plan
from cardgen.plan.swap import swap_template, within_reach
from cardgen.plan.videos import videos_for
from cardgen.wording import NBSP, dose_text

if TYPE_CHECKING:
    from cardgen.content.model import FigureSpec
    from cardgen.figure.model import Figure


def exercise(ex: content.Exercise) -> data.Exercise:
    return data.Exercise(
        name=ex.name,
        muscles=data.Muscles(tuple(ex.muscles.primary), tuple(ex.muscles.secondary)),
        purpose=ex.purpose,
        steps=tuple(ex.steps),
        cues=tuple(ex.cues),
        dose=ex.dose,
        rest=ex.rest_seconds,
        kind=ex.kind,
        counted=ex.counted,
        per_side=ex.per_side,
        equipment=tuple(ex.equipment),
        setup=ex.setup,
        key_cues=ex.key_cues,
        mistakes=tuple(ex.mistakes),
        easier=tuple(_variant(v) for v in ex.easier),
        harder=tuple(_variant(v) for v in ex.harder),
        no_equipment=tuple(_variant(v) for v in ex.no_equipment),
        image=ex.image,
        video=ex.video,
        figure=_figure(ex.figure) if ex.figure is not None else None,
    )


def _figure(spec: FigureSpec) -> Figure:
    from cardgen.content.figure_checks import to_figure

    return to_figure(spec)


def _variant(v: content.Variant) -> data.Variant:
    return data.Variant(v.exercise, v.name, v.note)


def template(t: content.PlanTemplate) -> tpl.Template:
    return tpl.Template(
        title=t.title,
        weeks=t.weeks,
        sessions={key: _session(key, s) for key, s in t.sessions.items()},
        subtitle=t.subtitle,
        about=t.about,
        minutes=t.minutes,
        rest={str(kind): seconds for kind, seconds in t.rest.items()},
        race_week=t.race_week,
        progression={kind: rule(spec) for kind, spec in t.progression.items()},
        phases=tuple(tpl.Phase(p.weeks, p.name, p.kind, p.sets, p.like_week, p.note) for p in t.phases),
        language=t.language,
    )


def _session(key: str, s: content.Session) -> tpl.Session:
    items = tuple(tpl.Item(i.exercise, rule(i.dose) if i.dose else None, i.weeks, i.note) for i in s.exercises)
    return tpl.Session(s.focus, items, s.labels(key))


def rule(spec: content.DoseSpec) -> tpl.DoseRule:
    ramp = tpl.Ramp(spec.ramp.from_, spec.ramp.to, spec.ramp.over) if spec.ramp else None
    return tpl.DoseRule(spec.fixed, ramp, dict(spec.by_week))


def plan(
    plan_id: str,
    t: content.PlanTemplate,
    exercises: Mapping[str, content.Exercise],
    start: dt.date | None = None,
    race: dt.date | None = None,
    have: frozenset[str] | None = None,
    videos: str | None = None,
) -> Plan:
    """Expand a validated template whose exercise references are valid in `exercises`, with the
    exercises that need what the client lacks (`have`) swapped for their no-equipment alternative;
    `videos` is the coach's address template for demonstrations ({id} for the exercise's id)."""
    library = within_reach({k: exercise(ex) for k, ex in exercises.items()}, have)
    swapped, swaps, stuck = swap_template(template(t), library, have)
    if stuck:
        s = stuck[0]
        raise CardgenError(
            f"{library[s.exercise].name} ({s.exercise}) in plan {plan_id} needs {'; '.join(s.entries)}, which the client "
            f"lacks (have: {have_text(have)}), and no exercise under its no_equipment can stand in: list one there, "
            "or choose another plan"
        )
    out = expand(plan_id, swapped, library, start, race, swaps)
    # The alternatives in brief link to their demonstrations too: a runner sent to one has not seen it done.
    return replace(out, videos=videos_for({**out.exercises, **out.alternatives}, videos), have=have)


def coaching_warnings(library: Library) -> tuple[Problem, ...]:
    """The warnings only plan data can find (load spikes), pinned to where each item was written."""
    exercises = {k: exercise(ex) for k, ex in library.exercises.items()}
    out = []
    for plan_id, t in library.plans.items():
        source = library.sources[f"plan:{plan_id}"]
        for s in load_spikes(template(t), exercises):
            how = "harder than" if s.harder else "taking over from"
            message = (
                f"{s.exercise!r}, {how} {s.easier!r}, starts at {_shown(s.dose)} in week {s.week}, above where "
                f"{s.easier!r} started ({_shown(s.easier_dose)} in week {s.easier_week}); start it no higher"
            )
            path = ("sessions", s.session, "exercises", s.index, "exercise")
            out.append(Problem(source.file, source.line_of(path), f"sessions.{s.session}.exercises[{s.index}].exercise", message))
    return tuple(out)


def _shown(dose: Dose) -> str:
    return dose_text(dose).replace(NBSP, " ")  # a terminal line, not a printed page


def with_coaching_warnings(library: Library) -> Library:
    return replace(library, warnings=tuple(sorted((*library.warnings, *coaching_warnings(library)))))
