"""The boundary between content and plan: validated content models → plan data, in this one place.

`content` (the YAML schema) and `plan` (weeks, sessions, doses) never import each other; the app
layer hands the one to the other here, so either can change shape without the other noticing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from cardgen.content import schema
from cardgen.plan import exercise as data, template as tpl
from cardgen.plan.expand import expand
from cardgen.plan.model import Plan


def exercise(ex: schema.Exercise) -> data.Exercise:
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
    )


def _variant(v: schema.Variant) -> data.Variant:
    return data.Variant(v.exercise, v.name, v.note)


def template(t: schema.PlanTemplate) -> tpl.Template:
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
    )


def _session(key: str, s: schema.Session) -> tpl.Session:
    items = tuple(tpl.Item(i.exercise, rule(i.dose) if i.dose else None, i.weeks, i.note) for i in s.exercises)
    return tpl.Session(s.focus, items, s.labels(key))


def rule(spec: schema.DoseSpec) -> tpl.DoseRule:
    ramp = tpl.Ramp(spec.ramp.from_, spec.ramp.to, spec.ramp.over) if spec.ramp else None
    return tpl.DoseRule(spec.fixed, ramp, dict(spec.by_week))


def plan(plan_id: str, t: schema.PlanTemplate, exercises: Mapping[str, schema.Exercise], start: dt.date | None = None) -> Plan:
    """Expand a validated template whose exercise references are valid in `exercises`."""
    return expand(plan_id, template(t), {k: exercise(ex) for k, ex in exercises.items()}, start)
