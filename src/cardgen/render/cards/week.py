"""The card for one session of one week: the doses to do with a box per set on the front, the form
cues on the back."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from cardgen.plan.model import Plan, Prescription, SessionPlan, Week
from cardgen.plan.videos import Video
from cardgen.prepress.paper import Box
from cardgen.render.blocks import Rule
from cardgen.render.cards.blocks import BOX_TEXT, BoxColumn, DoseRow, ExerciseRow, Facts, Run, Stack
from cardgen.render.cards.face import Face, Variant
from cardgen.render.cards.parts import CONTINUED, part_label, share
from cardgen.render.figure import FigureBlock, FigureStyle
from cardgen.render.flow import Heading, ListBlock, RichText, TextBlock
from cardgen.render.layout import Beside, Block
from cardgen.render.qr import QR_MIN, VideoCode
from cardgen.render.text import one_line, text_width
from cardgen.style.cards import FLOOR, CardStyles
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.units import MM
from cardgen.wording import FORM_CUES, NBSP, TIMES, count, rest_text, unit_note, week_dates, week_label, week_tag

CARD_VIDEO_COLUMN = 32 * MM  # the most a video code's address takes beside the cues: they keep the rest
WIDE = 110 * MM  # a safe area this wide (landscape cards) sets each exercise as one table row and the cues in two columns
# An exercise's figure at the left of its name and dose: the end pose alone (two poses at this size
# would be smudges), every figure of a deck at one head size so they read as a set (the largest
# every card has room for, down to the smallest that stays recognisable), in a column that takes
# the widest shipped figure at that size (a Nordic curl lying forward: 13.75 head heights).
THUMB_HEADS = (2.4 * MM, 2.0 * MM, 1.6 * MM)
THUMB_WIDTH = 13.75  # head heights
THUMB_GAP = 2.5 * MM
THUMB_TEXT = 45 * MM  # beside a figure, the least width for a name, a dose on one line and its boxes


@dataclass(frozen=True)
class WeekCard:
    """The card of one session of one week (or a part of it)."""

    week: Week
    session: SessionPlan  # the exercises on this card: part of the session when it continues onto more cards
    part: tuple[int, int] = (1, 1)  # this card's number among the session's cards, and their count

    @property
    def name(self) -> str:
        """How messages name the card."""
        return f"Week {self.week.number} · Session {self.session.key}{part_label(self.part)}"

    @property
    def title(self) -> str:
        return f"{week_label(self.week)} · Session {self.session.key}{part_label(self.part)}"

    @property
    def exercises(self) -> int:
        return len(self.session.items)

    def split(self, parts: int) -> list[WeekCard]:
        """The session on `parts` cards, its exercises in order, each card numbered."""
        if parts == 1:
            return [self]
        pieces = share(self.session.items, parts)
        return [replace(self, session=replace(self.session, items=tuple(items)), part=(k + 1, parts)) for k, items in enumerate(pieces)]


def shared_rest(session: SessionPlan) -> int | None:
    """The rest every exercise of the session shares, said once in the header; None when they differ."""
    rests = {p.dose.rest for p in session.items}
    return rests.pop() if len(rests) == 1 else None


def _thumb(head: float) -> float:
    return THUMB_WIDTH * head


def figure_variant(card: WeekCard, plan: Plan, athlete: str | None, boxes: BoxColumn, width: float, head: float) -> Variant | None:
    """The front with each exercise's figure at its left, where the card has the width for it: on a
    portrait card stacked (name over dose), on a landscape one as table rows; None on a card too
    narrow to keep a dose on one line beside a figure, or with no figure to show."""
    if not any(p.exercise.figure for p in card.session.items) or width - _thumb(head) - THUMB_GAP < THUMB_TEXT:
        return None
    wide = width >= WIDE
    return Variant(_LastFace(lambda z: front(card, plan, athlete, z, boxes, width, rows=wide, notes=True, figures=head)))


class _LastFace:
    """A way to build a face that keeps the last face it built, for the same type: the deck's figure
    size is found by building every front with figures at full type, and each card's fit then
    starts with that very front (see `figure_head`)."""

    def __init__(self, build: Callable[[CardStyles], Face]):
        self.build = build
        self.last: tuple[CardStyles, Face] | None = None

    def __call__(self, z: CardStyles) -> Face:
        if self.last is None or self.last[0] is not z:
            self.last = (z, self.build(z))
        return self.last[1]


def figure_head(
    cards: Sequence[WeekCard], plan: Plan, athlete: str | None, boxes: BoxColumn, z: CardStyles, box: Box
) -> tuple[float, dict[int, Variant]]:
    """The head size of a deck's figures: the largest at which every card that has a figure takes
    them at its full type; 0 when not even the smallest fits one of them. A deck reads as a set.
    With it, each card's front with its figures at that size, built at `z` already, by the card's
    id(): hand them to `front_variants`, whose fit tries them first. (By id, not by the card: a
    card hashes its whole week, exercises and figures included, ~2 ms a card.)"""
    for head in THUMB_HEADS if cards else ():
        fronts = {id(c): figure_variant(c, plan, athlete, boxes, box.width, head) for c in cards}
        if all(v is not None and v.build(z).height(box.width) <= box.height for v in fronts.values()):
            return head, {k: v for k, v in fronts.items() if v is not None}
    return 0.0, {}


def front_variants(
    card: WeekCard, plan: Plan, athlete: str | None, boxes: BoxColumn, width: float, head: float = 0.0, figures: Variant | None = None
) -> list[Variant]:
    """Stacked exercises (name, dose, note) or one table row each, whichever fits at the larger type
    (neither loses anything, so neither warns); then rows without the notes, which does. With a
    `head` size for the deck's figures, each exercise first with its figure: the figures go,
    without a word, before the type shrinks. `figures` is that first variant when `figure_head`
    made it already."""
    wide = width >= WIDE
    with_figures = figures or (figure_variant(card, plan, athlete, boxes, width, head) if head else None)
    out = [with_figures] if with_figures else []
    out.append(Variant(lambda z: front(card, plan, athlete, z, boxes, width, rows=wide, notes=True)))
    if not wide:
        out.append(Variant(lambda z: front(card, plan, athlete, z, boxes, width, rows=True, notes=True)))
    else:
        # A landscape card is short: many exercises go in two columns, each stacked as on a narrow card.
        out.append(Variant(lambda z: replace(front(card, plan, athlete, z, boxes, width, rows=False, notes=True), cols=2)))
    if any(p.note for p in card.session.items):
        said = "the exercise notes left off to fit the card"
        out.append(Variant(lambda z: front(card, plan, athlete, z, boxes, width, rows=True, notes=False), said, tier=1))
        if wide:
            out.append(Variant(lambda z: replace(front(card, plan, athlete, z, boxes, width, rows=False, notes=False), cols=2), said, tier=1))
    return out


def back_variants(card: WeekCard, width: float, videos: Mapping[str, Video] | None = None) -> tuple[list[Variant], list[Variant]]:
    """The back with a video code beside each exercise that has one, and the back without: a code
    is printed at its full size or not at all, and goes before the type shrinks. Only codes the
    exercise asked for itself are worth a warning when they go; a coach's template covers every
    exercise, and a crowded card is no news."""
    cols = 2 if width >= WIDE else 1
    plain = [Variant(lambda z: back(card, z, cols=cols)), Variant(lambda z: back(card, z, cols=1, compact=True))]
    mine = {p.exercise_id: videos[p.exercise_id] for p in card.session.items if videos and p.exercise_id in videos}
    if not mine:
        return [], plain
    # Two columns leave little room beside each code: one column of codes before compact text.
    coded = [Variant(lambda z: back(card, z, cols=cols, videos=mine))]
    if cols > 1:
        coded.append(Variant(lambda z: back(card, z, cols=1, videos=mine)))
    coded.append(Variant(lambda z: back(card, z, cols=1, compact=True, videos=mine)))
    if any(v.own for v in mine.values()):
        plain = [replace(v, warning=f"video codes left off: at {QR_MIN / MM:.0f} mm they do not fit beside the cues") for v in plain]
    return coded, plain


def front(card: WeekCard, plan: Plan, athlete: str | None, z: CardStyles, boxes: BoxColumn, width: float, rows: bool, notes: bool,
          figures: float = 0.0) -> Face:
    """`figures`: the head size of the exercises' figures at their left; 0 for none."""
    session, week = card.session, card.week
    rest = shared_rest(session)
    focus = [session.focus, f"{rest_text(rest)} between sets" if rest is not None else ""]
    head: list[Block] = [
        # A deload or race week says so beside the title, where it is seen first.
        Heading(card.title, z.title, week_tag(week), z.unit) if week_tag(week) else TextBlock(card.title, z.title),
        Facts(focus, z.facts),
        Facts([week_dates(week), athlete or ""], z.facts, date="Date"),
        Rule(z.rule, _rule_space(z)),
    ]
    items = session.items
    text_width = width - _thumb(figures) - THUMB_GAP if figures else width
    name_width = _name_column(items, z, boxes, text_width, rest is None) if rows else 0.0
    if rows and not _doses_fit(items, z, boxes, text_width - name_width - 3 * MM):
        # Beside the names a dose would break inside its numbers ("998–" / "999"): under each name instead.
        rows, name_width = False, 0.0
    body: list[Block] = []
    for p in items:
        dose = DoseRow(_dose_runs(p, z, rest is None), p.sets, boxes)
        note = TextBlock(p.note, z.note) if notes and p.note else None
        name = TextBlock(p.exercise.name, z.name)
        block: Block = ExerciseRow(name, dose, note, name_width) if rows else Stack([name, dose] + ([note] if note else []))
        if figures:
            fig = p.exercise.figure
            thumb = FigureBlock(fig, _thumb(figures), math.inf, FigureStyle(alone=True, repeated=True), head=figures) if fig else None
            # At the left, as wide on every row so the names line up; figure and text centred on each other.
            block = Beside(block, thumb, THUMB_GAP, side="left", align="middle", column=_thumb(figures))
        block.space_after = z.gap
        body.append(block)
    foot: list[Block] = [_Foot(plan.title, z)]
    if card.part[0] < card.part[1]:
        foot.insert(0, TextBlock(CONTINUED, z.note))
    return Face(head, body, foot)


def _rule_space(z: CardStyles) -> float:
    """The header's rule with room above and below it, in proportion to the type."""
    return 4 * MM * z.name.size / 12


def _dose_runs(p: Prescription, z: CardStyles, rest: bool) -> list[Run]:
    """The dose large, the words that qualify it small: "3 × 10" "steps, each side · rest 45 s"."""
    # Each phrase stays whole ("rest 60 s", never "rest" / "60 s"); a line breaks between them.
    phrases = (unit_note(p.dose), rest_text(p.dose.rest) if rest else "")
    words = " · ".join(x.replace(" ", NBSP) for x in phrases if x)
    return [(f"{p.sets}{TIMES}{count(p.dose)}", z.dose), (words, z.unit)]


def _name_column(items: tuple[Prescription, ...], z: CardStyles, boxes: BoxColumn, width: float, rest: bool) -> float:
    """As wide as the longest name, unless the longest dose then would not fit beside it: the
    names wrap before a dose does, but keep at least 40 % of the row."""
    longest = max(text_width(p.exercise.name, z.name.font, z.name.size) for p in items) + 0.5 * MM
    doses = max(sum(text_width(t, s.font, s.size) for t, s in _dose_runs(p, z, rest)) for p in items)
    room = width - 3 * MM - doses - (boxes.width + BOX_TEXT if boxes.sets else 0.0)
    return min(longest, max(0.4 * width, room))


def _doses_fit(items: tuple[Prescription, ...], z: CardStyles, boxes: BoxColumn, width: float) -> bool:
    """Whether every dose's number ("6 × 998–999") fits on one line left of the boxes in `width`."""
    room = width - (boxes.width + BOX_TEXT if boxes.sets else 0.0)
    return all(text_width(text, style.font, style.size) <= room for p in items for text, style in _dose_runs(p, z, False)[:1])


def back(card: WeekCard, z: CardStyles, cols: int, compact: bool = False, videos: Mapping[str, Video] | None = None) -> Face:
    # The back's title is smaller than the front's: the cues are what it is for.
    title = z.title.but(size=z.name.size + 1, leading=(z.name.size + 1) * 1.2)
    head: list[Block] = [TextBlock(f"{card.title}: {FORM_CUES.lower()}", title), Rule(z.rule, _rule_space(z))]
    body: list[Block] = []
    caption = z.facts.but(size=FLOOR, leading=FLOOR * 1.25)
    for p in card.session.items:
        video = videos.get(p.exercise_id) if videos else None
        if compact:
            cues = " ".join(c.rstrip(".") + "." for c in p.key_cues)
            runs: list[tuple[str, str] | tuple[str, str, str]] = [(p.exercise.name + ":", BOLD), (" " + cues, REGULAR)]
            text: list[Block] = [RichText(runs, z.cue.but(space_after=z.gap * 0.5))]
            after = z.gap * 0.5
        else:
            text = [TextBlock(p.exercise.name, z.name), ListBlock(list(p.key_cues), z.cue, numbered=False, indent=4 * MM)]
            after = z.gap
        if video:
            body.append(Beside(text, VideoCode(video.url, caption, CARD_VIDEO_COLUMN), gap=3 * MM, space_after=after))
        elif compact:
            body.append(text[0])
        else:
            body.append(Stack(text, space_after=after))
    return Face(head, body, cols=cols)


class _Foot(TextBlock):
    """The plan's name at the foot, on one line."""

    def __init__(self, title: str, z: CardStyles):
        super().__init__(title, z.facts)

    def _wrap_lines(self, width: float) -> tuple[str, ...]:
        return (one_line(self.text, self.style.font, self.style.size, width),)
