"""Equipment swaps: each exercise of a template that needs what the client lacks gives way to an
exercise listed under its `no_equipment`. Pure: a template in, a template out, and what was swapped.

Rules (docs/content-format.md, Equipment): the substitute is the first `no_equipment` exercise whose
own equipment the client has, preferring one the session does not already do; when the session
already does it, the original is left out rather than done twice. It keeps the item's
dose when it is counted the same way and is of the same kind (that dose was written for this slot of
the session), without the dose's side and rest, which belong to the exercise. Otherwise it takes the
plan's progression for its unit, else its own dose: a heavy lift's 3 × 4 means nothing without the
bar. A jump always takes its own dose. The item's note was written for the original and goes with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from cardgen.doselang import Dose
from cardgen.equipment import lacking
from cardgen.plan.exercise import Exercise, Variant
from cardgen.plan.template import DoseRule, Item, Ramp, Session, Template


@dataclass(frozen=True)
class Swap:
    """`original` gave way to `substitute` because the client lacks one of each of `missing`."""

    original: str
    substitute: str
    missing: tuple[tuple[str, ...], ...]  # per unmet equipment entry, the words any one of which would do
    left_out: bool = False  # the session already does the substitute, so the original is simply left out


@dataclass(frozen=True)
class Stuck:
    """An exercise the client lacks equipment for, with no exercise to stand in for it."""

    exercise: str
    entries: tuple[str, ...]  # its equipment entries the client cannot meet, as written


def swap_template(
    template: Template, exercises: Mapping[str, Exercise], have: frozenset[str] | None
) -> tuple[Template, tuple[Swap, ...], tuple[Stuck, ...]]:
    """`template` with every exercise the client cannot do swapped; the swaps in order of first
    appearance; the exercises that have no substitute (the template is then not to be used)."""
    if have is None:
        return template, (), ()
    swaps: dict[tuple[str, str], Swap] = {}
    stuck: dict[str, Stuck] = {}
    sessions = {}
    for key, session in template.sessions.items():
        done = {i.exercise for i in session.exercises if not lacking(exercises[i.exercise].equipment, have)}
        options = {i: _candidates(exercises[item.exercise], exercises, have) for i, item in enumerate(session.exercises)
                   if lacking(exercises[item.exercise].equipment, have)}
        # The item with the fewest choices chooses first, so two kettlebell moves that could both
        # become a backpack hinge do not, when one of them can become something else.
        chosen: dict[int, str] = {}
        for i in sorted(options, key=lambda i: (len(options[i]), i)):
            fresh = [c for c in options[i] if c not in done]
            if options[i]:
                chosen[i] = (fresh or options[i])[0]
                done.add(chosen[i])
        items: list[Item | None] = list(session.exercises)
        for i, item in enumerate(session.exercises):
            if i not in options:
                continue
            ex = exercises[item.exercise]
            if i not in chosen:
                entries = tuple(e for e in ex.equipment if lacking((e,), have))
                stuck.setdefault(item.exercise, Stuck(item.exercise, entries))
                continue
            sub = chosen[i]
            # Twice the same exercise in one session is no plan: the one already there stays.
            twice = any(j != i and other.exercise == sub for j, other in enumerate(session.exercises))
            twice = twice or any(j != i and chosen.get(j) == sub and j < i for j in chosen)
            swaps.setdefault((item.exercise, sub), Swap(item.exercise, sub, lacking(ex.equipment, have), twice))
            items[i] = None if twice else _item_for(item, ex, sub, exercises[sub])
        sessions[key] = Session(session.focus, tuple(i for i in items if i is not None), session.labels)
    return replace(template, sessions=sessions), tuple(swaps.values()), tuple(stuck.values())


def within_reach(exercises: Mapping[str, Exercise], have: frozenset[str] | None) -> dict[str, Exercise]:
    """Every exercise with the alternatives the client lacks the equipment for left out: a page
    that says "Harder: Lateral band walk" to a client without a band points nowhere useful."""
    if have is None:
        return dict(exercises)

    def keep(variants: tuple[Variant, ...]) -> tuple[Variant, ...]:
        return tuple(v for v in variants if v.exercise is None or v.exercise not in exercises or not lacking(exercises[v.exercise].equipment, have))

    return {k: replace(ex, easier=keep(ex.easier), harder=keep(ex.harder), no_equipment=keep(ex.no_equipment)) for k, ex in exercises.items()}


def _candidates(ex: Exercise, exercises: Mapping[str, Exercise], have: frozenset[str]) -> list[str]:
    """The exercises under `ex`'s no_equipment that the client has the equipment for, in order."""
    return [
        v.exercise for v in ex.no_equipment
        if v.exercise is not None and v.exercise in exercises and not lacking(exercises[v.exercise].equipment, have)
    ]


def _item_for(item: Item, ex: Exercise, sub_id: str, sub: Exercise) -> Item:
    if item.dose is not None and ex.counted == sub.counted and ex.kind == sub.kind and sub.kind != "power":
        return Item(sub_id, _for_exercise(item.dose), item.weeks)
    if sub.kind == "power":
        # Jumps are worth doing only while every one is explosive: their own few reps, not the slot's.
        return Item(sub_id, DoseRule(fixed=sub.dose), item.weeks)
    return Item(sub_id, None, item.weeks)


def _for_exercise(rule: DoseRule) -> DoseRule:
    """The rule with each dose's side and rest left to the exercise that does it."""

    def bare(d: Dose) -> Dose:
        return replace(d, per_side=None, rest=None)

    ramp = Ramp(bare(rule.ramp.from_), bare(rule.ramp.to), rule.ramp.over) if rule.ramp else None
    return DoseRule(bare(rule.fixed) if rule.fixed else None, ramp, {w: bare(d) for w, d in rule.by_week.items()})
