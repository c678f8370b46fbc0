"""Pocket cards as a PDF: faces fitted to the card, placed n-up with cut marks, backs placed for a
long- or short-edge flip or a gutter fold, and the printing instructions off every card."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import CardgenError, LayoutError
from cardgen.options import CardSize, Duplex, Paper
from cardgen.plan.model import Plan
from cardgen.prepress.cards import CARD_SIZES, CardSheet, Segment, card_sheet
from cardgen.prepress.paper import SHEETS, Box
from cardgen.render.brand import Brand, client_subject
from cardgen.render.cards import wallet, week
from cardgen.render.cards.blocks import BoxColumn
from cardgen.render.cards.face import Face, fit, with_byline
from cardgen.render.document import Meta, new_canvas, tune_reportlab
from cardgen.render.layout import DrawContext
from cardgen.render.marks import NOTE_HEIGHT, draw_dashed, draw_print_note, draw_segments, note_width
from cardgen.render.printtest import draw_instructions
from cardgen.style.cards import CARD_STYLES
from cardgen.style.fonts import register
from cardgen.style.theme import Theme
from cardgen.units import MM
from cardgen.wording import NBSP

Fitted = tuple[tuple[Face, list[str]], tuple[Face, list[str]]]  # a card's front and back, each with its warnings
C = TypeVar("C", wallet.SessionCard, week.WeekCard)

NOTES = {
    Duplex.LONG: f"Print at 100{NBSP}%, two-sided, flip on long edge; this bar is 50{NBSP}mm:",
    Duplex.SHORT: f"Print at 100{NBSP}%, two-sided, flip on short edge; this bar is 50{NBSP}mm:",
    Duplex.FOLD: f"Print at 100{NBSP}% on one side; fold on the dashed line, glue, then cut. This bar is 50{NBSP}mm:",
}


CARD_LOGO = (20 * MM, 6 * MM)  # the box a coach's logo is sized into on a card's back
WALLET_LOGO = (14 * MM, 4 * MM)  # on a wallet card's: smaller, the cues need the room
FRONT_ADVICE = "fewer exercises in the session, or shorter exercise names"
BACK_ADVICE = "shorter form cues"


@dataclass(frozen=True)
class CardOptions:
    """What a deck of cards is made for: paper, card size, duplex, the printer's offset, the coach."""

    paper: Paper = Paper.A4
    athlete: str | None = None
    card: CardSize = CardSize.QUARTER
    duplex: Duplex = Duplex.LONG
    back_offset: tuple[float, float] = (0.0, 0.0)  # mm: + right and + up as seen on the back page
    brand: Brand | None = None  # the coach: logo and byline at the foot of every back that has room


@dataclass(frozen=True)
class Rendered:
    """A deck's PDF and what the build says about it."""

    pdf: bytes
    warnings: list[str] = field(default_factory=list)  # cards that had to shrink or set compactly


def render_cards(plan: Plan, options: CardOptions, theme: Theme) -> Rendered:
    tune_reportlab()
    register()
    sheet = _sheet(options)
    box = Box(0, 0, sheet.card_width, sheet.card_height).inset(sheet.safe)
    try:
        faces, warnings = _faces(plan, options, box)
    except LayoutError as exc:
        raise LayoutError(exc.message + _bigger(plan, options)) from None
    buf = io.BytesIO()
    wallet_cards = options.card == CardSize.ID1
    what = "wallet cards, one per session" if wallet_cards else "pocket cards"
    count = f"{len(faces)} {'session summaries' if wallet_cards else 'sessions'}"
    meta = Meta(f"{plan.title}: {what}", options.athlete or "cardgen", f"Pocket cards, {count}", f"{plan.id}, pocket cards")
    if options.brand:
        meta = Meta(meta.title, options.brand.author, client_subject(options.athlete, plan.title), meta.keywords)
    canv = new_canvas(buf, sheet.sheet.as_tuple(), meta)
    ctx = DrawContext(canv, theme, links=False)  # printed to be cut: nothing to click
    if sheet.edge:
        # A quarter card's edge is the paper's edge: there is no margin for "print at 100 %", the
        # bar or the flip, and on a card they would be cut into the deck. They get a page of their
        # own, first, where the user sees them before printing; two-sided, a blank page behind it
        # keeps every front paired with its back.
        sheets = -(-len(faces) // sheet.per_sheet)
        lead = 1 if sheet.backs_on_front else 2
        pages = lead + sheets * (1 if sheet.backs_on_front else 2)
        draw_instructions(canv, sheet.sheet, f"{plan.title}: printing the pocket cards", _instructions(options, pages), *_cut_lines(sheet))
        for _ in range(lead):
            canv.showPage()
    for start in range(0, len(faces), sheet.per_sheet):
        batch = range(start, min(start + sheet.per_sheet, len(faces)))
        for i in batch:
            faces[i][0].draw(ctx, sheet.slot(i - start).inset(sheet.safe))
        if sheet.backs_on_front:
            for i in batch:
                _draw_back(ctx, sheet, faces[i][1], i - start)
        _draw_marks(canv, sheet.used(len(batch)), options)
        canv.showPage()
        if not sheet.backs_on_front:
            for i in batch:
                _draw_back(ctx, sheet, faces[i][1], i - start)
            canv.showPage()
    canv.save()
    return Rendered(buf.getvalue(), warnings)


def _faces(plan: Plan, options: CardOptions, box: Box) -> tuple[list[tuple[Face, Face]], list[str]]:
    """Every card's front and back, fitted; the warnings in card order, fronts first, then which
    sessions continue onto more cards."""
    styles = CARD_STYLES[options.card]
    label = _label(options)
    pairs: list[Fitted] = []
    spread: dict[str, int] = {}  # how many cards each session takes: the same, or more, every week after

    if options.card == CardSize.ID1:

        def wallet_pair(s: wallet.SessionCard, lossless: bool) -> list[Fitted]:
            return [(
                fit(s.name, f"{label}front", wallet.front_variants(s, plan, options.athlete), styles, box, FRONT_ADVICE, lossless),
                fit(s.name, f"{label}back", with_byline(wallet.back_variants(s), options.brand, WALLET_LOGO), styles, box, BACK_ADVICE, lossless),
            )]

        for s in wallet.session_cards(plan):
            made, spread[s.key] = _continued(s, spread.get(s.key, 1), wallet_pair)
            pairs += made
    else:
        cards = [week.WeekCard(w, s) for w in plan.weeks for s in w.sessions]
        # One box column for the whole deck: box n of every row sits at the same x on every card.
        boxes = BoxColumn(max(p.sets for c in cards for p in c.session.items), styles.box, styles.box_gap)
        with_figures = [c for c in cards if any(p.exercise.figure for p in c.session.items)]
        head, fronts = week.figure_head(with_figures, plan, options.athlete, boxes, styles.at(1.0), box)

        def week_pair(c: week.WeekCard, lossless: bool) -> list[Fitted]:
            coded, plain = week.back_variants(c, box.width, plan.videos)
            # A video code outranks the byline: with codes (byline if there is room), then without.
            back = with_byline(coded, options.brand, CARD_LOGO) + with_byline(plain, options.brand, CARD_LOGO)
            # `cards` keeps every card alive, so its id names it; a continued card is a new piece and has none.
            front = week.front_variants(c, plan, options.athlete, boxes, box.width, head, fronts.get(id(c)))
            return [(
                fit(c.name, f"{label}front", front, styles, box, FRONT_ADVICE, lossless),
                fit(c.name, f"{label}back", back, styles, box, BACK_ADVICE, lossless),
            )]

        for c in cards:
            made, spread[c.session.key] = _continued(c, spread.get(c.session.key, 1), week_pair)
            pairs += made
    faces = [(front, back) for (front, _), (back, _) in pairs]
    warnings = [w for (_, said), _ in pairs for w in said] + [w for _, (_, said) in pairs for w in said]
    noun = "" if options.card == CardSize.ID1 else " each week"
    warnings += [f"Session {key} ({label}cards): too long for one card, continued onto {n} cards{noun}" for key, n in spread.items() if n > 1]
    return faces, warnings


def _continued(card: C, start: int, pair: Callable[[C, bool], list[Fitted]]) -> tuple[list[Fitted], int]:
    """The card's front and back, or, when the session fits no card even at the smallest type, the
    session continued onto a second card, a third...: its exercises shared out in order, each card
    with its own back. The fewest cards win; at each count, cards that leave nothing out (notes,
    cues) before cards that do, so a session that fits one card today keeps to one. Starts at
    `start` cards: the session took that many the week before, and a deck reads best when a
    session takes as many cards every week."""
    parts = start
    while True:
        for lossless in (True, False):
            try:
                return [made for piece in card.split(parts) for made in pair(piece, lossless)], parts
            except LayoutError:
                if parts >= card.exercises and not lossless:
                    raise  # one exercise a card, and one still does not fit: the message names it
        parts += 1


def _bigger(plan: Plan, options: CardOptions) -> str:
    """The advice to use a bigger card, given only when the cards would fit one."""
    if options.card in (CardSize.QUARTER, CardSize.A6, CardSize.INDEX_4X6):
        return ""
    a6 = replace(options, card=CardSize.A6)
    sheet = _sheet(a6)
    try:
        _faces(plan, a6, Box(0, 0, sheet.card_width, sheet.card_height).inset(sheet.safe))
    except LayoutError:
        return ""
    return ", or a bigger card (--card a6)"


def _sheet(options: CardOptions) -> CardSheet:
    try:
        card, duplex, paper = CardSize(options.card), Duplex(options.duplex), Paper(options.paper)
    except ValueError as exc:
        raise CardgenError(f"{exc}; cards take --card {', '.join(CardSize.values())}, --duplex {', '.join(Duplex.values())}") from None
    dx, dy = options.back_offset
    if duplex == Duplex.FOLD and (dx or dy):
        raise CardgenError("a back offset corrects two-sided printing; folded cards print on one side and need none")
    return card_sheet(SHEETS[paper], card, duplex, (dx * MM, dy * MM))


def _label(options: CardOptions) -> str:
    """How messages name a card's size: nothing for the default, "A7 " for the others."""
    return "" if options.card == CardSize.QUARTER else f"{CARD_SIZES[options.card].label} "


def _instructions(options: CardOptions, pages: int) -> list[str]:
    """How to print a quarter sheet, for the page that goes before the cards."""
    fold = options.duplex == Duplex.FOLD
    first = 2 if fold else 3
    steps = [f"Print at 100{NBSP}% (actual size) with “fit to page” switched off: the ruler below must measure 50{NBSP}mm."]
    if fold:
        steps += [
            "Print one-sided. Fold each sheet along the dashed centre line, printed sides out, and glue the halves together.",
            "Then one cut across, between the ticks at the edges: two cards, each with a folded edge.",
            f"This page is not a card: to save a sheet, print pages {first}–{pages}.",
        ]
    else:
        steps += [
            f"Print two-sided, flip on {options.duplex} edge: each card’s form cues land on its back.",
            "Cut each sheet in four: one cut across and one down, between the ticks at the edges.",
            f"This page and the blank one behind it are not cards: to save a sheet, print pages {first}–{pages}.",
        ]
    return steps


def _cut_lines(sheet: CardSheet) -> tuple[list[Segment], list[Segment]]:
    """The quarter sheet's cuts and fold as whole lines across the paper, for the instructions' sketch."""
    w, h = sheet.sheet.width, sheet.sheet.height
    cuts = [(sheet.left + c * sheet.card_width, 0.0, sheet.left + c * sheet.card_width, h) for c in range(1, sheet.cols)]
    cuts += [(0.0, sheet.top - r * sheet.card_height, w, sheet.top - r * sheet.card_height) for r in range(1, sheet.rows)]
    folds = [(w / 2, 0.0, w / 2, h)] if sheet.fold == "vertical" else [(0.0, h / 2, w, h / 2)] if sheet.fold else []
    return cuts, folds


def _draw_marks(canv: Canvas, sheet: CardSheet, options: CardOptions) -> None:
    draw_segments(canv, sheet.cut_marks())
    draw_dashed(canv, sheet.fold_line())
    if sheet.edge:
        return  # the instructions have their own page
    text = NOTES[Duplex(options.duplex)]
    place = sheet.note_place(note_width(text), NOTE_HEIGHT)
    assert place is not None  # only quarter sheets have no room, and they returned above
    x, y, turned = place
    draw_print_note(canv, x, y, turned, text)


def _draw_back(ctx: DrawContext, sheet: CardSheet, face: Face, i: int) -> None:
    slot = sheet.back_slot(i)
    if not sheet.back_turned:
        face.draw(ctx, slot.inset(sheet.safe))
        return
    canv = ctx.canv
    canv.saveState()
    # Half a turn about the card's centre: the slot maps onto itself.
    canv.translate(2 * slot.x + slot.width, 2 * slot.y + slot.height)
    canv.rotate(180)
    face.draw(ctx, slot.inset(sheet.safe))
    canv.restoreState()
