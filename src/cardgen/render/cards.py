"""Pocket cards, n-up with cut marks, backs placed for a long- or short-edge flip or a gutter fold.

Every size but ID-1 gets one card per session per week. ID-1 is a wallet summary: one card per
session, each exercise with its dose going from week 1 to the last build week, key cues on the back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import CardgenError, LayoutError
from cardgen.plan.dose import Dose, format_weeks
from cardgen.plan.model import Plan, Prescription, SessionPlan, Week
from cardgen.prepress.cards import CARD_SIZES, CARDS, DUPLEX, CardSheet, card_sheet
from cardgen.prepress.paper import SHEETS, Box
from cardgen.render.document import Meta, finish_canvas, tune_reportlab
from cardgen.render.marks import NOTE_HEIGHT, draw_dashed, draw_print_note, draw_segments, note_width
from cardgen.render.printtest import draw_instructions
from cardgen.render.text import one_line, wrap
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.style.theme import RULE, SCALE, Theme
from cardgen.wording import count, rest_text, unit_note, week_dates
from cardgen.units import MM

FLOOR = SCALE.tiny
WIDE = 110 * MM  # content this wide (landscape cards) gets table rows on the front and two columns of cues
BOX_GAP = 1.6 * MM
ARROW = 1.3  # em: the drawn arrow between two doses, with its spaces

NOTE = "Print at 100\u00a0%; this bar is 50\u00a0mm:"
NOTES = {
    "long": "Print at 100\u00a0%, two-sided, flip on long edge; this bar is 50\u00a0mm:",
    "short": "Print at 100\u00a0%, two-sided, flip on short edge; this bar is 50\u00a0mm:",
    "fold": "Print at 100\u00a0% on one side; fold on the dashed line, glue, then cut. This bar is 50\u00a0mm:",
}


def _instructions(options: CardOptions, pages: int) -> list[str]:
    """How to print a quarter sheet, for the page that goes before the cards."""
    first = 2 if options.duplex == "fold" else 3
    steps = ["Print at 100\u00a0% (actual size) with “fit to page” switched off: the ruler below must measure 50\u00a0mm."]
    if options.duplex == "fold":
        steps += [
            "Print one-sided. Fold each sheet along the dashed centre line, printed sides out, and glue the halves together.",
            "Then one cut across, between the ticks at the edges: two cards, each with a folded edge.",
        ]
    else:
        steps += [
            f"Print two-sided, flip on {options.duplex} edge: each card’s form cues land on its back.",
            "Cut each sheet in four: one cut across and one down, between the ticks at the edges.",
        ]
    if options.duplex == "fold":
        steps.append(f"This page is not a card: to save a sheet, print pages {first}–{pages}.")
    else:
        steps.append(f"This page and the blank one behind it are not cards: to save a sheet, print pages {first}–{pages}.")
    return steps


@dataclass(frozen=True)
class CardOptions:
    paper: str = "a4"
    athlete: str | None = None
    card: str = "quarter"
    duplex: str = "long"
    back_offset: tuple[float, float] = (0.0, 0.0)  # mm: + right and + up as seen on the back page


@dataclass(frozen=True)
class Sizes:
    """The card's type sizes at one scale. Shrinking keeps their proportions until each reaches the floor."""

    title: float
    name: float
    dose: float
    cue: float
    small: float

    def at(self, scale: float) -> "Sizes":
        return Sizes(*(max(FLOOR, v * scale) for v in (self.title, self.name, self.dose, self.cue, self.small)))

    @property
    def at_floor(self) -> bool:
        return max(self.title, self.name, self.dose, self.cue, self.small) <= FLOOR + 1e-9


@dataclass(frozen=True)
class Style:
    sizes: Sizes
    box: float  # tick box side: ticked standing in a gym, 4-5 mm
    rule: float = 2.2 * MM  # the space a header rule takes
    lead: float = 1.28


MEDIUM = Style(Sizes(title=13, name=10.5, dose=11.5, cue=9.5, small=8.5), 4.5 * MM)
LARGE = Style(Sizes(title=15, name=11, dose=12.5, cue=10, small=8.5), 5 * MM)
STYLES = {
    "quarter": LARGE,
    "a6": LARGE,
    "index-4x6": LARGE,
    "index-3x5": MEDIUM,
    "a7": MEDIUM,
    # A wallet card holds a summary, not a log: no tick boxes, tight leading.
    "id1": Style(Sizes(title=9.5, name=8.5, dose=8.5, cue=8, small=8), 0.0, rule=1.6 * MM, lead=1.2),
}


@dataclass(frozen=True)
class WeekCard:
    week: Week
    session: SessionPlan

    @property
    def name(self) -> str:
        return f"Week {self.week.number} · Session {self.session.key}"


@dataclass(frozen=True)
class SessionCard:
    """One session over the whole plan, for the wallet."""

    key: str
    focus: str
    weeks: tuple[tuple[Week, SessionPlan], ...]

    @property
    def name(self) -> str:
        return f"Session {self.key}"


@dataclass(frozen=True)
class Line:
    kind: str  # text | rich | rule | gap | dose | boxed | row | pair | progression | cue | cuecont
    text: str = ""
    font: str = REGULAR
    size: float = 0.0
    extra: object = None
    indent: float = 0.0


@dataclass
class Layout:
    """A card side: a header across the card, body blocks (in one or two columns), a foot at the bottom."""

    head: list[Line]
    blocks: list[list[Line]]
    foot: list[Line] = field(default_factory=list)
    cols: int = 1
    style: Style = LARGE
    spread: float = 0.0  # at most this much more space after each block when the card has room

    def height(self, line: Line) -> float:
        if line.kind in ("gap", "rule"):
            return line.size
        if line.kind in ("dose", "boxed", "row"):
            return max(line.size * 1.3, self.style.box + 1.2 * MM)
        return line.size * self.style.lead

    def heights(self, lines: list[Line]) -> float:
        return sum(self.height(x) for x in lines)

    def columns(self) -> list[list[list[Line]]]:
        """Blocks split into `cols` runs, in order, with the tallest run as short as it can be."""
        if self.cols == 1 or len(self.blocks) < 2:
            return [self.blocks]
        hs = [self.heights(b) for b in self.blocks]
        cut = min(range(1, len(hs)), key=lambda k: max(sum(hs[:k]), sum(hs[k:])))
        return [self.blocks[:cut], self.blocks[cut:]]

    @property
    def total(self) -> float:
        body = max(sum(self.heights(b) for b in run) for run in self.columns()) if self.blocks else 0
        return self.heights(self.head) + body + self.heights(self.foot)


def render_cards(plan: Plan, options: CardOptions, theme: Theme, warnings: list[str] | None = None) -> bytes:
    tune_reportlab()
    register()
    sheet = _sheet(options)
    style = STYLES[options.card]
    wallet = options.card == "id1"
    cards = _session_cards(plan) if wallet else [WeekCard(w, s) for w in plan.weeks for s in w.sessions]
    box = _content_box(sheet, Box(0, 0, sheet.card_width, sheet.card_height))
    fronts = [_fit(c, plan, options, style, box, warnings, front=True) for c in cards]
    backs = [_fit(c, plan, options, style, box, warnings, front=False) for c in cards]
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=sheet.sheet.as_tuple(), invariant=1, pageCompression=1, initialFontName=REGULAR)
    what = "wallet cards, one per session" if wallet else "pocket cards"
    finish_canvas(canv, Meta(f"{plan.title}: {what}", options.athlete or "cardgen", f"Pocket cards, {len(cards)} {'sessions' if not wallet else 'session summaries'}", f"{plan.id}, pocket cards"))
    if sheet.edge:
        # A quarter card's edge is the paper's edge: there is no margin for "print at 100 %", the
        # bar or the flip, and on a card they would be cut into the deck. They get a page of their
        # own, first, where the user sees them before printing; two-sided, a blank page behind it
        # keeps every front paired with its back.
        sheets = -(-len(cards) // sheet.per_sheet)
        extra = 1 if sheet.backs_on_front else 2
        pages = extra + sheets * (1 if sheet.backs_on_front else 2)
        draw_instructions(canv, sheet.sheet, f"{plan.title}: printing the pocket cards", _instructions(options, pages))
        canv.showPage()
        if extra == 2:
            canv.showPage()
    for start in range(0, len(cards), sheet.per_sheet):
        batch = range(start, min(start + sheet.per_sheet, len(cards)))
        for i in batch:
            _draw(canv, fronts[i], _content_box(sheet, sheet.slot(i - start)), theme)
        if sheet.backs_on_front:
            for i in batch:
                _draw_back(canv, sheet, backs[i], i - start, theme)
        _draw_marks(canv, sheet.used(len(batch)), options)
        canv.showPage()
        if not sheet.backs_on_front:
            for i in batch:
                _draw_back(canv, sheet, backs[i], i - start, theme)
            canv.showPage()
    canv.save()
    return buf.getvalue()


def _sheet(options: CardOptions) -> CardSheet:
    if options.card not in CARDS:
        raise CardgenError(f"unknown card size {options.card!r}; use one of {', '.join(CARDS)}")
    if options.duplex not in DUPLEX:
        raise CardgenError(f"unknown duplex mode {options.duplex!r}; use one of {', '.join(DUPLEX)}")
    dx, dy = options.back_offset
    if options.duplex == "fold" and (dx or dy):
        raise CardgenError("a back offset corrects two-sided printing; folded cards print on one side and need none")
    return card_sheet(SHEETS[options.paper], options.card, options.duplex, (dx * MM, dy * MM))


def _content_box(sheet: CardSheet, card: Box) -> Box:
    return card.inset(sheet.safe)


def _label(options: CardOptions, front: bool) -> str:
    side = "front" if front else "back"
    return side if options.card == "quarter" else f"{CARD_SIZES[options.card].label} {side}"


def _fit(card, plan: Plan, options: CardOptions, style: Style, box: Box, warnings: list[str] | None, front: bool) -> Layout:
    """The card's layout at the largest scale that fits; a warning when it had to shrink or drop cues."""
    wallet = isinstance(card, SessionCard)
    if wallet:
        variants = [lambda z: _wallet_front(card, plan, options, z, box.width, style)] if front else [
            lambda z, n=n: _wallet_back(card, z, box.width, style, n) for n in (None, 1)
        ]
    elif front:
        # A crowded front tries one row per exercise (name, dose, boxes) before it gives up.
        variants = [lambda z, c=c: _front(card, plan, options, z, box.width, style, compact=c) for c in (False, True)]
    else:
        # A crowded back runs each exercise's cues on after its name, as the wallet card does.
        variants = [lambda z, c=c: _back(card, plan, options, z, box.width, style, compact=c) for c in (False, True)]
    label = _label(options, front)
    for k, build in enumerate(variants):
        scale = 1.0
        while True:
            sizes = style.sizes.at(scale)
            layout = build(sizes)
            if layout.total <= box.height:
                if warnings is not None:
                    if k and wallet:
                        warnings.append(f"{card.name} ({label}): only the first cue of each exercise fits")
                    elif k:
                        warnings.append(f"{card.name} ({label}): set compactly, one {'row' if front else 'paragraph'} per exercise, to fit the card")
                    if scale < 1.0:
                        warnings.append(f"{card.name} ({label}): text shrunk to {scale:.0%} to fit the card")
                return layout
            if sizes.at_floor:
                break
            scale *= 0.95
    what = "fewer exercises in the session, or shorter exercise names" if front else "shorter form cues"
    bigger = "" if options.card in ("quarter", "a6", "index-4x6") else ", or a bigger card (--card a6)"
    raise LayoutError(f"card {card.name!r} ({label}) does not fit even at the smallest type ({FLOOR:g} pt); use {what}{bigger}")


def _wrapped(kind: str, text: str, font: str, size: float, width: float, indent: float = 0.0) -> list[Line]:
    return [Line(kind, t, font, size, indent=indent) for t in wrap(text, font, size, width - indent)]


def _boxes_width(style: Style, n: int) -> float:
    return n * style.box + (n - 1) * BOX_GAP


def _common_rest(session: SessionPlan) -> int | None:
    rests = {p.dose.rest for p in session.items}
    return rests.pop() if len(rests) == 1 else None


def _dose_text(p: Prescription, rest: bool) -> str:
    note = unit_note(p.dose)
    return f"{p.sets} × {count(p.dose)}" + (f" {note}" if note else "") + (f" · {rest_text(p.dose.rest)}" if rest else "")


def _front(card: WeekCard, plan: Plan, options: CardOptions, z: Sizes, width: float, style: Style, compact: bool = False) -> Layout:
    # Quarter cards keep their rest on every row; smaller ones say it once when it is the same for all.
    shared = None if options.card == "quarter" and not compact else _common_rest(card.session)
    head = _wrapped("text", card.name, BOLD, z.title, width)
    when = week_dates(card.week) or "Date __________"
    head += _facts([x for x in (when, card.week.phase if card.week.kind != "build" else "", options.athlete or "") if x], z.small, width)
    focus = card.session.focus + (f" · rest {shared} s between sets" if shared is not None else "")
    head += _wrapped("text", focus, REGULAR, z.small, width)
    head.append(Line("rule", size=style.rule))
    items = card.session.items
    doses = [_dose_text(p, shared is None) for p in items]
    gap = Line("gap", size=1.4 * MM * z.name / 10.5)
    names = [stringWidth(p.exercise.name, BOLD, z.name) for p in items]
    rest = [stringWidth(d, REGULAR, z.dose) + 2 * MM + _boxes_width(style, p.sets) for p, d in zip(items, doses)]
    blocks: list[list[Line]] = []
    if (width >= WIDE or compact) and max(names) + 4 * MM + max(rest) <= width:
        # Landscape cards are short: one row per exercise, doses lined up in a column.
        col = max(names) + 4 * MM
        for p, d in zip(items, doses):
            blocks.append([Line("row", p.exercise.name, BOLD, z.name, (d, z.dose, col, p.sets)), Line("gap", size=gap.size * 0.6)])
    elif all(r <= width for r in rest):
        for p, d in zip(items, doses):
            blocks.append(_wrapped("text", p.exercise.name, BOLD, z.name, width) + [Line("dose", d, REGULAR, z.dose, p.sets), gap])
    elif all(n + 2 * MM + _boxes_width(style, p.sets) <= width for n, p in zip(names, items)):
        # Narrow cards: the boxes go beside the name, and the dose gets the whole width below.
        for p, d in zip(items, doses):
            block = [Line("boxed", p.exercise.name, BOLD, z.name, p.sets)]
            blocks.append(block + _wrapped("text", d, REGULAR, z.dose, width) + [gap])
    else:
        for p, d in zip(items, doses):
            block = _wrapped("text", p.exercise.name, BOLD, z.name, width)
            for k, t in enumerate(wrap(d, REGULAR, z.dose, width - _boxes_width(style, p.sets) - 2 * MM)):
                block.append(Line("dose", t, REGULAR, z.dose, p.sets) if k == 0 else Line("text", t, REGULAR, z.dose))
            blocks.append(block + [gap])
    foot = [Line("text", one_line(plan.title, REGULAR, z.small, width), REGULAR, z.small)]
    # Table rows on a short, wide card read better spaced like a log; stacked cards keep their rhythm.
    return Layout(head, blocks, foot, style=style, spread=2.5 * MM if blocks and blocks[0][0].kind == "row" else 0.0)


def _back(card: WeekCard, plan: Plan, options: CardOptions, z: Sizes, width: float, style: Style, compact: bool = False) -> Layout:
    cols = 2 if width >= WIDE else 1
    col_w = (width - 6 * MM) / 2 if cols == 2 else width
    head = _wrapped("text", f"{card.name}: form cues", BOLD, z.name + 1, width)
    head.append(Line("rule", size=style.rule))
    if compact:
        return Layout(head, [_cue_paragraph(p, z, width) for p in card.session.items], style=style)
    blocks = []
    for p in card.session.items:
        block = _wrapped("text", p.exercise.name, BOLD, z.name, col_w)
        for cue in p.key_cues:
            for k, t in enumerate(wrap(cue, REGULAR, z.cue, col_w - 4 * MM)):
                block.append(Line("cue" if k == 0 else "cuecont", t, REGULAR, z.cue))
        blocks.append(block + [Line("gap", size=1.6 * MM * z.name / 10.5)])
    return Layout(head, blocks, cols=cols, style=style)


# ---------------------------------------------------------------- wallet cards (ID-1)


def _session_cards(plan: Plan) -> list[SessionCard]:
    keys: dict[str, list[tuple[Week, SessionPlan]]] = {}
    for w in plan.weeks:
        for s in w.sessions:
            keys.setdefault(s.key, []).append((w, s))
    return [SessionCard(k, v[0][1].focus, tuple(v)) for k, v in keys.items()]


def _span(d: Dose) -> str:
    return f"{d.sets}×{d.low}" if d.low == d.high else f"{d.sets}×{d.low}–{d.high}"


def _unit(d: Dose) -> str:
    return {"seconds": " s", "steps": " steps"}.get(d.unit or "", "") + ("/side" if d.per_side else "")


def _progressions(card: SessionCard) -> list[tuple[Prescription, tuple[str, str], str]]:
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
        # The unit once, at the end, when both ends share it: "3×8–10 → 3×12–15/side".
        text = (_span(a) + _unit(a), "") if a == b else (_span(a) + ("" if _unit(a) == _unit(b) else _unit(a)), _span(b) + _unit(b))
        numbers = [w.number for w, _ in uses]
        weeks = "" if numbers == all_weeks else f"wk {format_weeks(numbers)}"
        out.append((uses[0][1], text, weeks))
    return out


def _easy_weeks(card: SessionCard) -> str:
    easy = [(w, s) for w, s in card.weeks if w.kind != "build"]
    if not easy:
        return ""
    names = ", ".join(f"wk {w.number} {w.phase.lower()}" for w, _ in easy)
    # Say only what the plan really changes, measured against the last build week.
    peak = {p.exercise_id: p.dose for w, s in card.weeks if w.kind == "build" for p in s.items}
    pairs = [(p.dose, peak[p.exercise_id]) for _, s in easy for p in s.items if p.exercise_id in peak]
    sets = {d.sets for d, _ in pairs}
    fewer = bool(pairs) and all(d.sets < top.sets for d, top in pairs)
    lighter = bool(pairs) and all(d.high <= top.high for d, top in pairs) and any(d.high < top.high for d, top in pairs)
    n = next(iter(sets)) if len(sets) == 1 else None
    changes = [(f"{n} set{'s' if n != 1 else ''}" if n else "fewer sets") if fewer else "", "lighter targets" if lighter else ""]
    how = ", ".join(c for c in changes if c) or "as planned"
    return f"{names[0].upper()}{names[1:]}: {how}."


def _wallet_front(card: SessionCard, plan: Plan, options: CardOptions, z: Sizes, width: float, style: Style) -> Layout:
    head = _wrapped("text", f"{card.name} · {card.focus}", BOLD, z.title, width)
    first, last = card.weeks[0][0], card.weeks[-1][0]
    rests = {p.dose.rest for _, s in card.weeks for p in s.items}
    n = len(plan.weeks)
    facts = [plan.title, f"{n} week{'s' if n != 1 else ''}"]
    if len(rests) == 1:
        facts.append(f"rest {rests.pop()} s")
    if first.start and last.end:
        facts.append(_date_range(first, last))
    if options.athlete:
        facts.append(options.athlete)
    head += _facts(facts, z.small, width)
    head.append(Line("rule", size=style.rule))
    blocks = []
    rows = _progressions(card)
    lefts = [[(p.exercise.name, BOLD)] + ([(f"  {weeks}", REGULAR)] if weeks else []) for p, _, weeks in rows]
    fits = all(_runs_width(left, z.name) + 3 * MM + _progression_width(text, z.dose) <= width for left, (_, text, _) in zip(lefts, rows))
    for left, (_, text, _) in zip(lefts, rows):
        if fits:
            blocks.append([Line("pair", "", REGULAR, z.dose, (left, text))])
        else:
            block = _rich(left, z.name, width)
            block.append(Line("progression", "", REGULAR, z.dose, text, indent=2.5 * MM))
            blocks.append(block + [Line("gap", size=0.8 * MM)])
    foot = _wrapped("text", _easy_weeks(card), REGULAR, z.small, width)
    return Layout(head, blocks, foot, style=style)


def _wallet_back(card: SessionCard, z: Sizes, width: float, style: Style, cues: int | None) -> Layout:
    head = _wrapped("text", f"{card.name}: key cues", BOLD, z.title, width)
    head.append(Line("rule", size=style.rule))
    return Layout(head, [_cue_paragraph(p, z, width, cues) for p, _, _ in _progressions(card)], style=style)


def _cue_paragraph(p: Prescription, z: Sizes, width: float, cues: int | None = None) -> list[Line]:
    """ "Name: cue. cue." as one hanging paragraph: the tightest way to set an exercise's cues."""
    said = p.key_cues[:cues] if cues else p.key_cues
    runs = [(p.exercise.name + ":", BOLD), (" " + " ".join(c.rstrip(".") + "." for c in said), REGULAR)]
    return _rich(runs, z.cue, width, hang=2.5 * MM) + [Line("gap", size=0.6 * MM)]


def _facts(facts: list[str], size: float, width: float) -> list[Line]:
    """Facts joined by middle dots, breaking lines between facts rather than inside one."""
    lines: list[str] = []
    for fact in facts:
        joined = f"{lines[-1]} · {fact}" if lines else fact
        if lines and stringWidth(joined, REGULAR, size) <= width:
            lines[-1] = joined
        else:
            lines.append(fact)
    return [x for line in lines for x in _wrapped("text", line, REGULAR, size, width)]


def _progression_width(text: tuple[str, str], size: float) -> float:
    a, b = text
    return stringWidth(a, REGULAR, size) + (ARROW * size + stringWidth(b, REGULAR, size) if b else 0)


def _draw_progression(canv: Canvas, x: float, base: float, text: tuple[str, str], size: float) -> None:
    """ "3×8–10 → 3×12–15", the arrow drawn: the font has no arrow glyph."""
    a, b = text
    canv.setFont(REGULAR, size)
    canv.drawString(x, base, a)
    if not b:
        return
    x += stringWidth(a, REGULAR, size)
    y = base + 0.3 * size
    x0, x1 = x + 0.25 * size, x + (ARROW - 0.25) * size
    canv.saveState()
    canv.setLineWidth(0.06 * size)
    canv.line(x0, y, x1 - 0.1 * size, y)
    head = canv.beginPath()
    head.moveTo(x1, y)
    head.lineTo(x1 - 0.32 * size, y + 0.18 * size)
    head.lineTo(x1 - 0.32 * size, y - 0.18 * size)
    head.close()
    canv.drawPath(head, stroke=0, fill=1)
    canv.restoreState()
    canv.drawString(x + ARROW * size, base, b)


def _date_range(first: Week, last: Week) -> str:
    """The plan's dates in the style of a week's own: "2–29 Mar 2026", "2 Mar – 26 Apr 2026"."""
    a, b = first.start, last.end
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    return f"{a.day} {a:%b} – {b.day} {b:%b %Y}" if a.year == b.year else f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"


def _runs_width(runs: list[tuple[str, str]], size: float) -> float:
    return sum(stringWidth(t, f, size) for t, f in runs)


def _rich(runs: list[tuple[str, str]], size: float, width: float, hang: float = 0.0) -> list[Line]:
    """Mixed bold and regular words wrapped greedily; continuation lines hang by `hang`."""
    words = [(w, f) for text, f in runs for w in text.replace("  ", "\u00a0\u00a0").split(" ") if w]
    lines: list[list[tuple[str, str]]] = [[]]
    x, limit = 0.0, width
    space = stringWidth(" ", REGULAR, size)
    for w, f in words:
        ww = stringWidth(w, f, size)
        if lines[-1] and x + space + ww > limit:
            lines.append([])
            x, limit = 0.0, width - hang
        if lines[-1]:
            x += space
            lines[-1].append((" ", REGULAR))
        lines[-1].append((w, f))
        x += ww
    out = []
    for k, ln in enumerate(lines):
        merged: list[tuple[str, str]] = []
        for t, f in ln:
            if merged and merged[-1][1] == f:
                merged[-1] = (merged[-1][0] + t, f)
            else:
                merged.append((t, f))
        out.append(Line("rich", "".join(t for t, _ in merged), REGULAR, size, merged, indent=hang if k else 0.0))
    return out


# ---------------------------------------------------------------- drawing


def _draw_marks(canv: Canvas, sheet: CardSheet, options: CardOptions) -> None:
    draw_segments(canv, sheet.cut_marks())
    draw_dashed(canv, sheet.fold_line())
    if sheet.edge:
        return  # the instructions have their own page
    text = NOTES[options.duplex]
    place = sheet.note_place(note_width(text), NOTE_HEIGHT)
    assert place is not None  # only quarter sheets have no room, and they returned above
    x, y, turned = place
    draw_print_note(canv, x, y, turned, text)


def _draw_back(canv: Canvas, sheet: CardSheet, layout: Layout, i: int, theme: Theme) -> None:
    slot = sheet.back_slot(i)
    box = _content_box(sheet, slot)
    if not sheet.back_turned:
        _draw(canv, layout, box, theme)
        return
    canv.saveState()
    # Half a turn about the card's centre: the slot maps onto itself.
    canv.translate(2 * slot.x + slot.width, 2 * slot.y + slot.height)
    canv.rotate(180)
    _draw(canv, layout, box, theme)
    canv.restoreState()


def _draw(canv: Canvas, layout: Layout, box: Box, theme: Theme) -> None:
    canv.saveState()
    canv.setFillColorRGB(*theme.ink)
    canv.setStrokeColorRGB(*theme.ink)
    y = _draw_lines(canv, layout, layout.head, box.x, box.width, box.top, theme)
    runs = layout.columns()
    col_w = (box.width - 6 * MM) / 2 if len(runs) == 2 else box.width
    longest = max((len(run) for run in runs), default=1) or 1
    extra = min(layout.spread, max(0.0, box.height - layout.total) / longest)
    for k, run in enumerate(runs):
        yy = y
        for block in run:
            yy = _draw_lines(canv, layout, block, box.x + k * (col_w + 6 * MM), col_w, yy, theme) - extra
    _draw_lines(canv, layout, layout.foot, box.x, box.width, box.y + layout.heights(layout.foot), theme)
    canv.restoreState()


def _draw_lines(canv: Canvas, layout: Layout, lines: list[Line], x0: float, width: float, y: float, theme: Theme) -> float:
    style = layout.style
    for line in lines:
        h = layout.height(line)
        size = line.size
        base = y - size * 0.95
        if line.kind == "rule":
            canv.setLineWidth(RULE * 2)
            canv.setStrokeColorRGB(*theme.accent)
            canv.line(x0, y - size / 2, x0 + width, y - size / 2)
            canv.setStrokeColorRGB(*theme.ink)
        elif line.kind in ("dose", "boxed", "row"):
            mid = y - h / 2
            canv.setFont(line.font, size)
            canv.drawString(x0, mid - size * 0.35, line.text)
            sets = line.extra
            if line.kind == "row":
                dose, dose_size, col, sets = line.extra
                canv.setFont(REGULAR, dose_size)
                canv.drawString(x0 + col, mid - dose_size * 0.35, dose)
            _draw_boxes(canv, x0 + width, mid, sets, style)
        elif line.kind == "pair":
            left, text = line.extra
            xx = x0
            for t, f in left:
                canv.setFont(f, size)
                canv.drawString(xx, base, t)
                xx += stringWidth(t, f, size)
            _draw_progression(canv, x0 + width - _progression_width(text, size), base, text, size)
        elif line.kind == "progression":
            _draw_progression(canv, x0 + line.indent, base, line.extra, size)
        elif line.kind == "rich":
            xx = x0 + line.indent
            for t, f in line.extra:
                canv.setFont(f, size)
                canv.drawString(xx, base, t)
                xx += stringWidth(t, f, size)
        elif line.kind in ("cue", "cuecont"):
            canv.setFont(line.font, size)
            if line.kind == "cue":
                canv.drawString(x0 + 0.8 * MM, base, "•")
            canv.drawString(x0 + 4 * MM, base, line.text)
        elif line.kind == "text":
            canv.setFont(line.font, size)
            canv.drawString(x0 + line.indent, base, line.text)
        y -= h
    return y


def _draw_boxes(canv: Canvas, right: float, mid: float, n: int, style: Style) -> None:
    canv.setLineWidth(0.75)
    x = right - style.box
    for _ in range(n):
        canv.rect(x, mid - style.box / 2, style.box, style.box, stroke=1, fill=0)
        x -= style.box + BOX_GAP
