"""Pocket cards: one per session per week, n-up with cut marks, backs mirrored for duplex."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import LayoutError
from cardgen.plan.model import Plan, SessionPlan, Week
from cardgen.prepress.cards import CardSheet, quarter_sheet
from cardgen.prepress.paper import PRINTABLE_MARGIN, SHEETS, Box
from cardgen.render.blocks import count_text, unit_note
from cardgen.render.document import Meta, finish_canvas, tune_reportlab
from cardgen.render.marks import draw_scale_note, draw_segments
from cardgen.render.text import wrap
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.style.theme import RULE, SCALE, Theme
from cardgen.units import MM

SAFE = 7 * MM  # the paper edge is a card edge: keep everything this far inside every card
FOOT_BAND = 4 * MM  # under each card's foot line: where the sheet's print note sits on the bottom row
BOX = 5 * MM  # tick boxes on cards are bigger: they are ticked standing in a gym
FLOOR = SCALE.tiny


@dataclass(frozen=True)
class CardOptions:
    paper: str = "a4"
    athlete: str | None = None


@dataclass(frozen=True)
class Card:
    week: Week
    session: SessionPlan

    @property
    def name(self) -> str:
        return f"Week {self.week.number} · Session {self.session.key}"


@dataclass(frozen=True)
class Sizes:
    """The card's type sizes at one scale; shrinking keeps their proportions."""

    title: float
    name: float
    dose: float
    cue: float
    small: float

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        return cls(title=15 * scale, name=11 * scale, dose=12.5 * scale, cue=10 * scale, small=8.5 * scale)

    @property
    def smallest(self) -> float:
        return min(self.title, self.name, self.dose, self.cue, self.small)


def render_cards(plan: Plan, options: CardOptions, theme: Theme, warnings: list[str] | None = None) -> bytes:
    tune_reportlab()
    register()
    sheet = quarter_sheet(SHEETS[options.paper])
    cards = [Card(w, s) for w in plan.weeks for s in w.sessions]
    fronts = [_fit(c, plan, options, sheet, warnings, front=True) for c in cards]
    backs = [_fit(c, plan, options, sheet, warnings, front=False) for c in cards]
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=sheet.sheet.as_tuple(), invariant=1, pageCompression=1, initialFontName=REGULAR)
    finish_canvas(canv, Meta(f"{plan.title}: pocket cards", options.athlete or "cardgen", f"Pocket cards, {len(cards)} sessions", f"{plan.id}, pocket cards"))
    for start in range(0, len(cards), sheet.per_sheet):
        batch = range(start, min(start + sheet.per_sheet, len(cards)))
        for i in batch:
            _draw(canv, fronts[i], _content_box(sheet.slot(i - start)), theme)
        draw_segments(canv, sheet.cut_marks())
        draw_scale_note(canv, PRINTABLE_MARGIN + 1 * MM, PRINTABLE_MARGIN + 1.5 * MM)
        canv.showPage()
        for i in batch:
            _draw(canv, backs[i], _content_box(sheet.back_slot(i - start)), theme)
        canv.showPage()
    canv.save()
    return buf.getvalue()


def _content_box(card: Box) -> Box:
    inner = card.inset(SAFE)
    return Box(inner.x, inner.y + FOOT_BAND, inner.width, inner.height - FOOT_BAND)


# A card is laid out as a list of lines: (kind, text, font, size, extra) placed top to bottom.
Line = tuple[str, str, str, float, object]


def _fit(card: Card, plan: Plan, options: CardOptions, sheet: CardSheet, warnings: list[str] | None, front: bool):
    box = _content_box(Box(0, 0, sheet.card_width, sheet.card_height))
    scale = 1.0
    while True:
        sizes = Sizes.at(scale)
        lines = (_front if front else _back)(card, plan, options, sizes, box.width)
        height = sum(_height(line) for line in lines)
        if height <= box.height:
            if scale < 1.0 and warnings is not None:
                warnings.append(f"{card.name} ({'front' if front else 'back'}): text shrunk to {scale:.0%} to fit the card")
            return lines
        if sizes.smallest * 0.95 < FLOOR:
            side = "front" if front else "back"
            what = "fewer exercises in the session, or shorter exercise names" if front else "shorter form cues"
            raise LayoutError(f"card {card.name!r} ({side}) does not fit even at the smallest type ({FLOOR:g} pt); use {what}")
        scale *= 0.95


def _height(line: Line) -> float:
    kind, _, _, size, extra = line
    if kind == "gap":
        return size
    if kind == "dose":
        return max(size * 1.3, BOX + 1.2 * MM)
    return size * 1.28


def _wrapped(kind: str, text: str, font: str, size: float, width: float, extra=None) -> list[Line]:
    return [(kind, t, font, size, extra) for t in wrap(text, font, size, width)]


def _front(card: Card, plan: Plan, options: CardOptions, z: Sizes, width: float) -> list[Line]:
    lines = _wrapped("text", card.name, BOLD, z.title, width)
    when = card.week.dates or "Date __________"
    sub = " · ".join(x for x in (when, card.week.phase if card.week.kind != "build" else "", options.athlete or "") if x)
    lines += _wrapped("text", sub, REGULAR, z.small, width)
    lines += _wrapped("text", card.session.focus, REGULAR, z.small, width)
    lines.append(("rule", "", REGULAR, 2.2 * MM, None))
    for p in card.session.items:
        lines += _wrapped("text", p.exercise.name, BOLD, z.name, width)
        note = unit_note(p.dose)
        dose = f"{p.sets} × {count_text(p.dose)}" + (f" {note}" if note else "") + f" · rest {p.dose.rest} s"
        boxes = p.sets * (BOX + 1.6 * MM)
        dose_lines = wrap(dose, REGULAR, z.dose, width - boxes - 2 * MM)
        for k, t in enumerate(dose_lines):
            lines.append(("dose" if k == 0 else "text", t, REGULAR, z.dose, p.sets if k == 0 else None))
        lines.append(("gap", "", REGULAR, 1.4 * MM * z.name / 10.5, None))
    lines.append(("foot", plan.title, REGULAR, z.small, None))
    return lines


def _back(card: Card, plan: Plan, options: CardOptions, z: Sizes, width: float) -> list[Line]:
    lines = _wrapped("text", f"{card.name}: form cues", BOLD, z.name + 1, width)
    lines.append(("rule", "", REGULAR, 2.2 * MM, None))
    for p in card.session.items:
        lines += _wrapped("text", p.exercise.name, BOLD, z.name, width)
        for cue in p.key_cues:
            wrapped = wrap(cue, REGULAR, z.cue, width - 4 * MM)
            for k, t in enumerate(wrapped):
                lines.append(("cue" if k == 0 else "cuecont", t, REGULAR, z.cue, None))
        lines.append(("gap", "", REGULAR, 1.6 * MM * z.name / 10.5, None))
    return lines


def _draw(canv: Canvas, lines: list[Line], box: Box, theme: Theme) -> None:
    canv.saveState()
    canv.setFillColorRGB(*theme.ink)
    canv.setStrokeColorRGB(*theme.ink)
    y = box.top
    for kind, text, font, size, extra in lines:
        h = _height((kind, text, font, size, extra))
        base = y - size * 0.95
        if kind == "rule":
            canv.setLineWidth(RULE * 2)
            canv.setStrokeColorRGB(*theme.accent)
            canv.line(box.x, y - size / 2, box.right, y - size / 2)
            canv.setStrokeColorRGB(*theme.ink)
        elif kind == "foot":
            canv.setFont(font, size)
            canv.drawString(box.x, box.y + 0.5 * MM, text)
        elif kind == "dose":
            canv.setFont(font, size)
            base = y - (h - size * 0.7) / 2 - size * 0.7
            canv.drawString(box.x, base, text)
            canv.setLineWidth(0.75)
            x = box.right - BOX
            for _ in range(extra):
                canv.rect(x, y - (h + BOX) / 2, BOX, BOX, stroke=1, fill=0)
                x -= BOX + 1.6 * MM
        elif kind in ("cue", "cuecont"):
            canv.setFont(font, size)
            if kind == "cue":
                canv.drawString(box.x + 0.8 * MM, base, "•")
            canv.drawString(box.x + 4 * MM, base, text)
        elif kind == "text":
            canv.setFont(font, size)
            canv.drawString(box.x, base, text)
        y -= h
    canv.restoreState()
