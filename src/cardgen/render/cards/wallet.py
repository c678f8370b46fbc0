"""The wallet card (ID-1): one card per session for the whole plan. The front lists each exercise
once with its dose from week 1 to the last build week and what the easy weeks change; the back
its key form cues."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cardgen.doselang import Dose
from cardgen.plan.model import Plan, Prescription, SessionPlan, Week
from cardgen.render.blocks import Rule
from cardgen.render.cards.blocks import Facts, Progression
from cardgen.render.cards.face import Face, Variant
from cardgen.render.cards.parts import CONTINUED, part_label, share
from cardgen.render.flow import RichText, TextBlock
from cardgen.render.layout import Block
from cardgen.style.cards import CardStyles
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.units import MM
from cardgen.wording import FORM_CUES, NBSP, TIMES, count, date_range, plural, rest_summary, times_a_week, unit_note, weeks_text


@dataclass(frozen=True)
class SessionCard:
    """One session over the whole plan."""

    key: str
    focus: str
    weeks: tuple[tuple[Week, SessionPlan], ...]  # its exercises on this card: part of them when the session continues
    part: tuple[int, int] = (1, 1)  # this card's number among the session's cards, and their count

    @property
    def name(self) -> str:
        return f"Session {self.key}{part_label(self.part)}"

    @property
    def exercises(self) -> int:
        return len({p.exercise_id for _, s in self.weeks for p in s.items})

    def split(self, parts: int) -> list[SessionCard]:
        """The session on `parts` cards: its exercises, in the order they first appear, shared out."""
        if parts == 1:
            return [self]
        ids = list(dict.fromkeys(p.exercise_id for _, s in self.weeks for p in s.items))
        out = []
        for k, mine in enumerate(share(ids, parts)):
            weeks = tuple((w, replace(s, items=tuple(p for p in s.items if p.exercise_id in mine))) for w, s in self.weeks)
            out.append(replace(self, weeks=weeks, part=(k + 1, parts)))
        return out


def session_cards(plan: Plan) -> list[SessionCard]:
    # A session done twice a week (A1, A2) is one session to carry: one wallet card, said to be
    # done twice. Its repetitions are alike, so the first of each week stands for the week.
    keys: dict[str, list[tuple[Week, SessionPlan]]] = {}
    for w in plan.weeks:
        for s in w.sessions:
            if s.occurrence == 1:
                keys.setdefault(s.group or s.key, []).append((w, s))
    return [SessionCard(k, v[0][1].focus, tuple(v)) for k, v in keys.items()]


def _short(d: Dose, unit: bool) -> str:
    """ "3 × 8–10", with the words that qualify it when `unit`: "3 × 10 steps, each side"."""
    words = unit_note(d) if unit else ""
    return f"{d.sets}{TIMES}{count(d)}" + (f" {words}" if words else "")


def progressions(card: SessionCard) -> list[tuple[Prescription, tuple[str, str], str]]:
    """Each exercise of the session, once: its dose in the first week → the last build week, and the
    weeks it is done in when that is not every week."""
    seen: dict[str, list[tuple[Week, Prescription]]] = {}
    for w, s in card.weeks:
        for p in s.items:
            seen.setdefault(p.exercise_id, []).append((w, p))
    all_weeks = [w.number for w, _ in card.weeks]
    out = []
    for uses in seen.values():
        build = [p for w, p in uses if w.kind == "build"] or [p for _, p in uses]
        a, b = build[0].dose, build[-1].dose
        # The words once, at the end, when both ends share them: "3 × 8–10 → 3 × 12–15 each side".
        same = unit_note(a) == unit_note(b)
        text = (_short(a, True), "") if a == b else (_short(a, not same), _short(b, True))
        numbers = [w.number for w, _ in uses]
        out.append((uses[0][1], text, "" if numbers == all_weeks else weeks_text(numbers)))
    return out


def easy_weeks(card: SessionCard) -> str:
    """What the deload and race weeks change, measured against the last build week."""
    easy = [(w, s) for w, s in card.weeks if w.kind != "build"]
    if not easy:
        return ""
    names = ", ".join(f"{weeks_text([w.number])} {w.phase.lower()}" for w, _ in easy)
    peak = {p.exercise_id: p.dose for w, s in card.weeks if w.kind == "build" for p in s.items}
    pairs = [(p.dose, peak[p.exercise_id]) for _, s in easy for p in s.items if p.exercise_id in peak]
    sets = {d.sets for d, _ in pairs}
    fewer = bool(pairs) and all(d.sets < top.sets for d, top in pairs)
    lighter = bool(pairs) and all(d.high <= top.high for d, top in pairs) and any(d.high < top.high for d, top in pairs)
    n = next(iter(sets)) if len(sets) == 1 else None
    changes = [(plural(n, "set") if n else "fewer sets") if fewer else "", "lighter targets" if lighter else ""]
    how = ", ".join(c for c in changes if c) or "as planned"
    return f"{names[0].upper()}{names[1:]}: {how}."


def front_variants(card: SessionCard, plan: Plan, athlete: str | None) -> list[Variant]:
    # The plan's name is the one fact a wallet card can do without: it goes first when room is short.
    return [Variant(lambda z: front(card, plan, athlete, z, titled=True)), Variant(lambda z: front(card, plan, athlete, z, titled=False))]


def back_variants(card: SessionCard) -> list[Variant]:
    return [Variant(lambda z: back(card, z, None)), Variant(lambda z: back(card, z, 1), "only the first cue of each exercise fits", tier=1)]


def front(card: SessionCard, plan: Plan, athlete: str | None, z: CardStyles, titled: bool) -> Face:
    first, last = card.weeks[0][0], card.weeks[-1][0]
    end = last.end
    facts = [
        plan.title if titled else "",
        plural(len(plan.weeks), "week"),
        times_a_week(card.weeks[0][1].per_week),
        date_range(first.start, end) if first.start and end else "",
        athlete or "",
        # Rest goes last: a whole fact of its own, broken only between its exceptions.
        rest_summary(p for p, _, _ in progressions(card)),
    ]
    head: list[Block] = [TextBlock(f"{card.name} · {card.focus}", z.title), Facts(facts, z.facts), Rule(z.rule, 1.6 * MM)]
    weeks = z.facts.but(font=REGULAR)
    body: list[Block] = []
    for p, doses, when in progressions(card):
        left = [(p.exercise.name, z.name)] + ([(f"{NBSP}{NBSP}{when}", weeks)] if when else [])
        body.append(Progression(left, doses, z.dose, space_after=z.gap))
    # A wallet card is read as a list: its rows stay close even when there is room.
    foot: list[Block] = [TextBlock(easy_weeks(card), z.facts)]
    if card.part[0] < card.part[1]:
        foot.append(TextBlock(CONTINUED, z.note))
    return Face(head, body, foot, foot_gap=1.2 * MM, spread=1 * MM)


def back(card: SessionCard, z: CardStyles, cues: int | None) -> Face:
    head: list[Block] = [TextBlock(f"{card.name}: {FORM_CUES.lower()}", z.title), Rule(z.rule, 1.6 * MM)]
    body: list[Block] = []
    for p, _, _ in progressions(card):
        said = p.key_cues[:cues] if cues else p.key_cues
        runs: list[tuple[str, str] | tuple[str, str, str]] = [(p.exercise.name + ":", BOLD), (" " + " ".join(c.rstrip(".") + "." for c in said), REGULAR)]
        body.append(RichText(runs, z.cue.but(space_after=z.gap)))
    return Face(head, body, spread=1 * MM)
