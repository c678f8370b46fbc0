"""The blocks only a card needs, on the shared measure/draw protocol: a header's facts with a line
to write the date on, a dose row whose tick boxes sit in the card's box column, an exercise set as
one table row, and the wallet card's dose progression with its drawn arrow."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cardgen.render.flow import TextBlock
from cardgen.render.layout import Block, DrawContext, draw_stack, stack_height
from cardgen.render.text import SEPARATORS, text_width, wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.text import TextStyle
from cardgen.units import MM
from cardgen.wording import curly

BOX_TEXT = 2.5 * MM  # between a dose and the first box
BOX_PAD = 1.6 * MM  # a row with boxes is at least a box and this much tall
WRITE_ROW = 6.5 * MM  # a line to write on needs this much room above it for a hand (the print guide's card rows)
WRITE_MIN = 28 * MM  # shortest line worth writing a date on
ARROW = 1.3  # em: the drawn arrow between two doses, with its spaces
WRITE_RULE = 0.6  # pt, in ink: a write-on line prints even on a cheap printer

Run = tuple[str, TextStyle]


@dataclass(frozen=True)
class BoxColumn:
    """The tick boxes' column at the right of a card: as wide as the most sets on any card, so box n
    of every row of every card sits at the same x."""

    sets: int
    box: float
    gap: float

    @property
    def width(self) -> float:
        return self.sets * self.box + (self.sets - 1) * self.gap if self.sets else 0.0

    def draw(self, ctx: DrawContext, left: float, mid: float, n: int) -> None:
        """`n` boxes from the column's left edge: set 1 always in the same place."""
        c = ctx.canv
        c.setStrokeColorRGB(*ctx.theme.ink)
        c.setLineWidth(0.75)
        path = c.beginPath()
        for i in range(n):
            path.rect(left + i * (self.box + self.gap), mid - self.box / 2, self.box, self.box)
        c.drawPath(path, stroke=1, fill=0)


class Stack(Block):
    """Blocks one under the other, kept together: one exercise on a card."""

    def __init__(self, blocks: Sequence[Block], space_after: float = 0.0):
        self.blocks = list(blocks)
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == self.width:
            return self.height  # measured at this width already: a face is measured to fit, then to draw
        self.width = width
        self.height = stack_height(self.blocks, width)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        draw_stack(ctx, self.blocks, 0, self.height, self.width)


class Facts(Block):
    """Facts joined by middle dots, breaking between facts rather than inside one; with `date`, a
    label and a ruled line to write the day on, beside the last fact when there is room, else
    on a line of its own."""

    def __init__(self, facts: Sequence[str], style: TextStyle, date: str = "", space_after: float = 0.0):
        self.facts, self.style, self.date = [curly(f) for f in facts if f], style, date
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        st = self.style
        self.width = width
        lines: list[str] = []
        for fact in self.facts:
            joined = f"{lines[-1]} · {fact}" if lines else fact
            if lines and text_width(joined, st.font, st.size) <= width:
                lines[-1] = joined
            else:
                lines += wrap(fact, st.font, st.size, width)
        self._lines = lines
        self._date_x = None if not self.date else self._date_place(lines, width)
        rows = len(lines) + (1 if self.date and self._date_x == 0.0 else 0)
        self.height = rows * st.leading + (WRITE_ROW - st.leading if self.date else 0.0)
        return self.height

    def _date_place(self, lines: list[str], width: float) -> float:
        st = self.style
        need = text_width(self.date, st.font, st.size) + 1.5 * MM + WRITE_MIN
        last = text_width(lines[-1], st.font, st.size) if lines else -4 * MM
        return last + 4 * MM if last + 4 * MM + need <= width else 0.0

    def paint(self, ctx: DrawContext) -> None:
        st = self.style
        rows = [(line, st.leading) for line in self._lines]
        if self._date_x is not None:
            # The row the date is written in is tall enough for a hand; its text sits at its foot.
            if self._date_x and rows:
                rows[-1] = (rows[-1][0], WRITE_ROW)
            else:
                rows.append(("", WRITE_ROW))
        y = self.height
        with TextBatch(ctx.canv, ctx.theme.ink) as text:
            for line, h in rows:
                base = y - h + st.leading - st.first_baseline
                text.put(0, base, line, st.font, st.size)
                y -= h
            if self._date_x is not None:
                text.put(self._date_x, base, self.date, st.font, st.size)
        if self._date_x is not None:
            x = self._date_x + text_width(self.date, st.font, st.size) + 1.5 * MM
            ctx.canv.setStrokeColorRGB(*ctx.theme.ink)
            ctx.canv.setLineWidth(WRITE_RULE)
            ctx.canv.line(x, base - 1.2, self.width, base - 1.2)


class DoseRow(Block):
    """"3 × 8–10  each side" with one box per set in the card's box column.

    The dose is set large and its words small on the same baseline; the text wraps left of the
    column, and the boxes line up with its first line.
    """

    def __init__(self, runs: Sequence[Run], sets: int, boxes: BoxColumn, space_after: float = 0.0):
        self.runs, self.sets, self.boxes = [(curly(t), s) for t, s in runs if t], sets, boxes
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == self.width:
            return self.height  # measured at this width already: a face is measured to fit, then to draw
        self.width = width
        room = width - (self.boxes.width + BOX_TEXT if self.boxes.sets else 0.0)
        self._lines = _set_runs(self.runs, room)
        text = sum(h for h, _ in self._lines)
        self._pad = max(0.0, self.boxes.box + BOX_PAD - self._lines[0][0]) if self.boxes.sets and self._lines else 0.0
        self.height = text + self._pad
        return self.height

    @property
    def first_baseline(self) -> float:
        """How far below the row's top its first baseline sits (after `measure`)."""
        if not self._lines:
            return 0.0
        h, words = self._lines[0]
        return self._pad / 2 + h - _descent(words)

    def paint(self, ctx: DrawContext) -> None:
        y = self.height - self._pad / 2
        with TextBatch(ctx.canv, ctx.theme.ink) as text:
            for k, (h, words) in enumerate(self._lines):
                base = y - h + _descent(words)
                if k == 0:
                    mid = y - h / 2
                _put_words(text, words, base)
                y -= h
        if self.boxes.sets and self._lines:
            self.boxes.draw(ctx, self.width - self.boxes.width, mid, self.sets)


def _set_runs(runs: Sequence[Run], width: float) -> list[tuple[float, list[tuple[float, str, TextStyle]]]]:
    """Words of mixed sizes filled into lines no wider than `width`; each line as tall as its
    largest leading. A no-break space keeps "3 × 10" and "45 s" whole."""
    lines: list[tuple[float, list[tuple[float, str, TextStyle]]]] = []
    words: list[tuple[float, str, TextStyle]] = []
    x, space = 0.0, 0.0
    for text, style in runs:
        for word in text.split(" "):
            if not word:
                continue
            w = text_width(word, style.font, style.size)
            # The space after a word is the width of that word's own space: a large dose keeps
            # its words at a large word space.
            gap = space if words else 0.0
            if words and x + gap + w > width:
                # A separator never starts a line ("· rest 60 s"): the word before it goes down with it,
                # unless it is the line's only word or the two do not fit a line.
                last = words[-1]
                lw = x - last[0]
                carry = word in SEPARATORS and len(words) > 1 and last[1] not in SEPARATORS and lw + gap + w <= width
                if carry:
                    words.pop()
                lines.append((max(s.leading for _, _, s in words), words))
                words, x, gap = ([(0.0, last[1], last[2])], lw, gap) if carry else ([], 0.0, 0.0)
            if w > width > 0:
                # Longer than a line ("Donaudampfschifffahrts…"): broken where wrap breaks it, each piece a line.
                *whole, word = wrap(word, style.font, style.size, width)
                lines += [(style.leading, [(0.0, piece, style)]) for piece in whole]
                w = text_width(word, style.font, style.size)
            words.append((x + gap, word, style))
            x += gap + w
            space = text_width(" ", style.font, style.size)
    if words:
        lines.append((max(s.leading for _, _, s in words), words))
    return lines


def _put_words(text: TextBatch, words: list[tuple[float, str, TextStyle]], base: float) -> None:
    """A line's words, those of one style in a row as one string: a reader that extracts the text
    sees the spaces between them."""
    x0, run, style = 0.0, "", None
    for x, word, st in words:
        if st == style:
            run += " " + word
            continue
        if style is not None:
            text.put(x0, base, run, style.font, style.size)
        x0, run, style = x, word, st
    if style is not None:
        text.put(x0, base, run, style.font, style.size)


def _descent(words: list[tuple[float, str, TextStyle]]) -> float:
    """The baseline's height above a line's bottom: the largest style's share of its leading."""
    top = max((s for _, _, s in words), key=lambda s: s.size)
    return top.leading - top.first_baseline


class ExerciseRow(Block):
    """One exercise as a table row: its name in a column of `name_width`, the dose and boxes
    beside it, and its note (if any) under the name across both."""

    def __init__(self, name: TextBlock, dose: DoseRow, note: Block | None, name_width: float, space_after: float = 0.0):
        self.name, self.dose, self.note, self.name_width = name, dose, note, name_width
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == self.width:
            return self.height  # measured at this width already: a face is measured to fit, then to draw
        self.width = width
        self._nh = self.name.measure(self.name_width)
        self._dh = self.dose.measure(width - self.name_width - 3 * MM)
        # The name's first line sits on the dose's baseline: one row, read across.
        self._shift = self.dose.first_baseline - self.name.style.first_baseline
        self._row = max(self._nh + max(0.0, self._shift), self._dh + max(0.0, -self._shift))
        self._th = self.note.measure(width - self.dose.boxes.width - BOX_TEXT) if self.note else 0.0
        self.height = self._row + self._th
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        top, dose_x = self.height, self.name_width + 3 * MM
        self.name.draw(ctx, 0, top - max(0.0, self._shift) - self._nh, self.name_width)
        self.dose.draw(ctx, dose_x, top - max(0.0, -self._shift) - self._dh, self.width - dose_x)
        if self.note:
            self.note.draw(ctx, 0, 0, self.width - self.dose.boxes.width - BOX_TEXT)


class Progression(Block):
    """A wallet row: the exercise (and the weeks it is done in) at the left, "3 × 8–10 → 3 × 12–15"
    at the right; under the name, indented, when both do not fit on one line. The arrow is drawn:
    the font has none."""

    def __init__(self, left: Sequence[Run], doses: tuple[str, str], style: TextStyle, space_after: float = 0.0):
        self.left, self.doses, self.style = [(curly(t), st) for t, st in left], doses, style
        self.space_after = space_after

    def _dose_width(self) -> float:
        a, b = self.doses
        st = self.style
        return text_width(a, st.font, st.size) + (ARROW * st.size + text_width(b, st.font, st.size) if b else 0.0)

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == self.width:
            return self.height  # measured at this width already: a face is measured to fit, then to draw
        self.width = width
        left = sum(text_width(t, s.font, s.size) for t, s in self.left)
        self._inline = left + 3 * MM + self._dose_width() <= width
        self._left = _set_runs(self.left, width)
        self.height = sum(h for h, _ in self._left) + (0.0 if self._inline else self.style.leading)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        st = self.style
        y = self.height
        with TextBatch(ctx.canv, ctx.theme.ink) as text:
            for h, words in self._left:
                base = y - h + _descent(words)
                _put_words(text, words, base)
                y -= h
        if self._inline:
            self._arrowed(ctx, self.width - self._dose_width(), self.height - self._left[0][0] + _descent(self._left[0][1]))
        else:
            self._arrowed(ctx, 2.5 * MM, st.leading - st.first_baseline)

    def _arrowed(self, ctx: DrawContext, x: float, base: float) -> None:
        a, b = self.doses
        c, st = ctx.canv, self.style
        c.setFillColorRGB(*ctx.theme.ink)
        c.setFont(st.font, st.size)
        c.drawString(x, base, a)
        if not b:
            return
        size = st.size
        x += text_width(a, st.font, size)
        y = base + 0.3 * size
        x0, x1 = x + 0.25 * size, x + (ARROW - 0.25) * size
        c.saveState()
        c.setStrokeColorRGB(*ctx.theme.ink)
        c.setLineWidth(0.06 * size)
        c.line(x0, y, x1 - 0.1 * size, y)
        head = c.beginPath()
        head.moveTo(x1, y)
        head.lineTo(x1 - 0.32 * size, y + 0.18 * size)
        head.lineTo(x1 - 0.32 * size, y - 0.18 * size)
        head.close()
        c.drawPath(head, stroke=0, fill=1)
        c.restoreState()
        c.drawString(x + ARROW * size, base, b)
