"""A ruled table drawn straight onto the canvas: text, tick boxes and blank cells to write in.

Grids of blank cells are most of a workout booklet; platypus' Table spends most of its time on
per-cell bookkeeping, so this draws rows and rules directly and splits by whole rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from cardgen.render.layout import Block, DrawContext
from cardgen.render.links import link as add_link
from cardgen.render.text import text_width, wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.theme import RULE, SCALE, TICK
from cardgen.units import MM
from cardgen.wording import curly

PAD_X = 1.6 * MM
PAD_Y = 0.9 * MM
TICK_GAP = 1.6 * MM  # box to label; the print guide asks at least 2/3 of the box, 1.2 mm reads cramped
ITEM_GAP = 4 * MM  # between two ticked items on one line
LEADING = 1.18
MIN_SPLIT = 3  # rows on each side of a table split over a page turn


@dataclass(frozen=True)
class Cell:
    """Text (may wrap), optionally preceded by a tick box; `shade` greys a cell that is not used."""

    text: str = ""
    bold: bool = False
    size: float | None = None
    tick: bool = False
    shade: bool = False
    note: str = ""  # a second, smaller line under the text
    link: str | None = None  # a named destination in the document
    align: str = "left"


@dataclass(frozen=True)
class TickStrip:
    """A row spanning the whole table: items each with a box, flowing left to right.

    It belongs to the row above it (no rule between them), like a sub-row of checks.
    """

    items: tuple[str, ...]
    size: float | None = None


@dataclass(frozen=True)
class Column:
    """A table column: its title, width and alignment."""

    title: str
    width: float | None = None  # None: share what the fixed columns leave
    align: str = "left"


@dataclass(frozen=True)
class Span:
    """A row spanning the whole table, a cell's text across it: the name over a row of many set
    cells, where a column of its own would leave the name too narrow to read.

    It belongs to the row below it: a page never ends between them.
    """

    cell: Cell


Row = list[Cell] | TickStrip | Span


def layout_ticks(items: tuple[str, ...], size: float, width: float) -> list[list[tuple[float, list[str]]]]:
    """Place ticked items on lines: each line a list of (x, text lines). Pure geometry."""
    lines: list[list[tuple[float, list[str]]]] = [[]]
    x = 0.0
    for item in items:
        w = TICK + TICK_GAP + text_width(item, REGULAR, size)
        if lines[-1] and x + w > width:
            lines.append([])
            x = 0.0
        if not lines[-1] and w > width:
            # Too long even alone: wrap its text beside the box.
            lines[-1].append((0.0, list(wrap(item, REGULAR, size, width - TICK - TICK_GAP))))
            lines.append([])
            continue
        lines[-1].append((x, [item]))
        x += w + ITEM_GAP
    return [line for line in lines if line]


class RuledTable(Block):
    def __init__(
        self,
        columns: list[Column],
        rows: list[Row],
        size: float = 9.5,
        min_row: float = 7 * MM,
        header: bool = True,
        header_size: float = 8.5,
        row_links: bool = False,
        note_size: float | None = None,
        fit: Callable[[float, list[float | None]], list[float]] | None = None,
        top: bool = False,
    ):
        self.columns, self.rows = columns, [_curly_row(r) for r in rows]
        self.size, self.min_row, self.header, self.header_size = size, min_row, header, header_size
        self._note_size = note_size or max(SCALE.tiny, size - 1.5)
        self.row_links = row_links  # the first cell's link covers its whole row: one annotation a row
        self.fit = fit  # column widths for an available width, when the table knows better than shares
        self.top = top  # text at the top of tall rows (rows made to write in), not centred
        self._wrapped_at: float | None = None

    def _copy(self, rows: list[Row]) -> RuledTable:
        return RuledTable(
            self.columns, rows, self.size, self.min_row, self.header, self.header_size, self.row_links, self._note_size, self.fit, self.top
        )

    # -- geometry --------------------------------------------------------------------------
    def widths(self, avail: float) -> list[float]:
        if self.fit is not None:
            return self.fit(avail, [c.width for c in self.columns])
        fixed = sum(c.width for c in self.columns if c.width)
        flex = [c for c in self.columns if not c.width]
        share = (avail - fixed) / len(flex) if flex else 0
        return [c.width or share for c in self.columns]

    def _lines(self, cell: Cell, width: float) -> tuple[tuple[str, ...], tuple[str, ...]]:
        size = cell.size or self.size
        inner = width - 2 * PAD_X - (TICK + TICK_GAP if cell.tick else 0)
        main = wrap(cell.text, BOLD if cell.bold else REGULAR, size, inner)
        note = wrap(cell.note, REGULAR, self._note_size, inner)
        return main, note

    def _cell_height(self, cell: Cell, width: float) -> float:
        main, note = self._lines(cell, width)
        size = cell.size or self.size
        h = len(main) * size * LEADING + len(note) * self._note_size * LEADING + 2 * PAD_Y
        return max(h, TICK + 2 * PAD_Y if cell.tick else 0)

    def _strip_lines(self, strip: TickStrip):
        return layout_ticks(strip.items, strip.size or self.size, self.width - 2 * PAD_X)

    def _strip_line_height(self, size: float, texts: list[str]) -> float:
        return max(TICK, len(texts) * size * LEADING) + 0.6 * MM

    def _row_height(self, row: Row, widths: list[float]) -> float:
        if isinstance(row, Span):
            return max(self._cell_height(row.cell, self.width), self.size * LEADING + 2 * PAD_Y)
        if isinstance(row, TickStrip):
            size = row.size or self.size
            lines = self._strip_lines(row)
            return sum(max(self._strip_line_height(size, t) for _, t in line) for line in lines) + PAD_Y
        return max([self.min_row] + [self._cell_height(c, w) for c, w in zip(row, widths, strict=False)])

    def _header_height(self, widths: list[float]) -> float:
        if not self.header:
            return 0
        lines = max(len(wrap(c.title, BOLD, self.header_size, w - 2 * PAD_X)) for c, w in zip(self.columns, widths, strict=True))
        return max(lines, 1) * self.header_size * LEADING + 2 * PAD_Y

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == self._wrapped_at:  # measured, laid out and drawn: three asks, one answer
            return self.height
        self._wrapped_at = width
        self.width = width
        self._widths = self.widths(width)
        self._hh = self._header_height(self._widths)
        self._heights = [self._row_height(r, self._widths) for r in self.rows]
        self.height = self._hh + sum(self._heights)
        return self.height

    def split(self, width: float, avail: float, force: bool = False) -> list[Block]:
        self.measure(width, avail)
        used, n = self._hh, 0
        for i, h in enumerate(self._heights):
            if used + h > avail:
                break
            used += h
            n = i + 1
        # Never leave a strip apart from the row it belongs to, nor a span from the row it heads.
        while 0 < n < len(self.rows) and (isinstance(self.rows[n], TickStrip) or isinstance(self.rows[n - 1], Span)):
            n -= 1
        # A row or two stranded under a repeated header reads as an accident: split only with at
        # least MIN_SPLIT rows on each side, else the whole table moves on.
        starts = [i for i, r in enumerate(self.rows) if not isinstance(r, TickStrip) and not (i and isinstance(self.rows[i - 1], Span))]
        while n and not force and (sum(i < n for i in starts) < MIN_SPLIT or sum(i >= n for i in starts) < MIN_SPLIT):
            n = max((i for i in starts if i < n), default=0)
        if n == 0 or n == len(self.rows):
            return []
        # Both parts keep the header, so a table continued on the next page still reads.
        return [self._copy(self.rows[:n]), self._copy(self.rows[n:])]

    # -- drawing ---------------------------------------------------------------------------
    def paint(self, ctx: DrawContext) -> None:
        c = ctx.canv
        widths, theme = self._widths, ctx.theme
        top = self.height
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + w)
        c.saveState()
        rules: list = []  # every rule of the table, drawn as one path: one stroke, a smaller file
        boxes = c.beginPath()  # and every tick box in another
        text = TextBatch(c, theme.ink)
        if self.header:
            c.setFillColorRGB(*theme.fill)
            c.rect(0, top - self._hh, self.width, self._hh, stroke=0, fill=1)
            for col, x, w in zip(self.columns, xs, widths, strict=False):
                y = top - PAD_Y - self.header_size * 0.92
                for line in wrap(col.title, BOLD, self.header_size, w - 2 * PAD_X):
                    self._text(text, line, BOLD, self.header_size, x, w, y, col.align)
                    y -= self.header_size * LEADING
            _rule(rules, 0, top - self._hh, self.width, top - self._hh)
        _rule(rules, 0, top, self.width, top)
        y = top - self._hh
        for i, (row, h) in enumerate(zip(self.rows, self._heights, strict=True)):
            if isinstance(row, TickStrip):
                self._draw_strip(row, y, text, boxes)
                _rule(rules, 0, y, 0, y - h)
                _rule(rules, self.width, y, self.width, y - h)
            elif isinstance(row, Span):
                self._draw_cell(ctx, row.cell, 0.0, y, self.width, h, text, boxes)
                _rule(rules, 0, y, 0, y - h)
                _rule(rules, self.width, y, self.width, y - h)
            else:
                for cell, x, w in zip(row, xs, widths, strict=False):
                    self._draw_cell(ctx, cell, x, y, w, h, text, boxes)
                if self.row_links and row[0].link and ctx.links:
                    add_link(c, row[0].link, (0, y - h, self.width, y))
                for x in xs:
                    _rule(rules, x, y, x, y - h)
            followed_by_strip = i + 1 < len(self.rows) and isinstance(self.rows[i + 1], TickStrip)
            if not followed_by_strip:
                _rule(rules, 0, y - h, self.width, y - h)
            y -= h
        c.setStrokeColorRGB(*theme.ink)
        c.setLineWidth(RULE)
        ruled = c.beginPath()
        _ruled(ruled, rules)
        c.drawPath(ruled, stroke=1, fill=0)
        if boxes._code:  # a table with no tick boxes strokes no empty path
            c.setLineWidth(0.75)
            c.drawPath(boxes, stroke=1, fill=0)
        text.close()
        c.restoreState()

    def _draw_strip(self, strip: TickStrip, top: float, text: TextBatch, boxes) -> None:
        size = strip.size or self.size
        y = top
        for line in self._strip_lines(strip):
            lh = max(self._strip_line_height(size, t) for _, t in line)
            for x, texts in line:
                bx = PAD_X + x
                boxes.rect(bx, y - TICK, TICK, TICK)
                ty = y - TICK / 2 - size * 0.35
                for t in texts:
                    text.put(bx + TICK + TICK_GAP, ty, t, REGULAR, size)
                    ty -= size * LEADING
            y -= lh

    def _draw_cell(self, ctx: DrawContext, cell: Cell, x: float, top: float, w: float, h: float, text: TextBatch, boxes) -> None:
        c = ctx.canv
        if cell.shade:
            c.setFillColorRGB(*ctx.theme.fill)
            c.rect(x, top - h, w, h, stroke=0, fill=1)
        size = cell.size or self.size
        main, note = self._lines(cell, w)
        tx, tw = x, w
        if cell.tick:
            # The box sits at the top of the cell, level with the first line of text.
            bx = x + PAD_X
            boxes.rect(bx, top - PAD_Y - TICK, TICK, TICK)
            tx = bx + TICK + TICK_GAP - PAD_X
            tw = w - (TICK + TICK_GAP)
        block = len(main) * size * LEADING + len(note) * self._note_size * LEADING
        # Centre a short block in the row; a box-led cell keeps its text level with the box.
        y = top - (PAD_Y if self.top else max(PAD_Y, (h - block) / 2)) - size * 0.92
        if cell.tick and len(main) == 1 and not note:
            y = top - PAD_Y - TICK / 2 - size * 0.35
        for line in main:
            self._text(text, line, BOLD if cell.bold else REGULAR, size, tx, tw, y, cell.align)
            y -= size * LEADING
        for line in note:
            self._text(text, line, REGULAR, self._note_size, tx, tw, y + 0.5, cell.align)
            y -= self._note_size * LEADING
        if cell.link and not self.row_links and ctx.links:
            add_link(c, cell.link, (x, top - h, x + w, top))

    @staticmethod
    def _text(text: TextBatch, s: str, font: str, size: float, x: float, w: float, y: float, align: str) -> None:
        if align == "center":
            text.put(x + w / 2, y, s, font, size, "center")
        elif align == "right":
            text.put(x + w - PAD_X, y, s, font, size, "right")
        else:
            text.put(x + PAD_X, y, s, font, size)

def _rule(rules: list, x1: float, y1: float, x2: float, y2: float) -> None:
    rules.append((x1, y1, x2, y2))


def _ruled(path, rules: list) -> None:
    """The rules into `path`, each run of rules that continue one another along a line as one
    line: a column rule crosses the whole table in one stroke instead of one per row."""
    across: dict[float, list[tuple[float, float]]] = {}
    down: dict[float, list[tuple[float, float]]] = {}
    for x1, y1, x2, y2 in rules:
        if y1 == y2:
            across.setdefault(round(y1, 2), []).append((min(x1, x2), max(x1, x2)))
        else:
            down.setdefault(round(x1, 2), []).append((min(y1, y2), max(y1, y2)))
    for y, spans in across.items():
        for a, b in _joined(spans):
            path.moveTo(a, y)
            path.lineTo(b, y)
    for x, spans in down.items():
        for a, b in _joined(spans):
            path.moveTo(x, b)
            path.lineTo(x, a)


def _joined(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 0.01:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _curly_row(row: Row) -> Row:
    if isinstance(row, TickStrip):
        return TickStrip(tuple(curly(t) for t in row.items), row.size)
    if isinstance(row, Span):
        return Span(_curly_cell(row.cell))
    return [_curly_cell(c) for c in row]


def _curly_cell(c: Cell) -> Cell:
    return Cell(curly(c.text), c.bold, c.size, c.tick, c.shade, curly(c.note), c.link, c.align)
