"""The weeks × sessions grid: a row per week, a column per session; in each cell the session's tick
box and its own dose, so no dose ever sits beside another session's box.

A cell sets its dose beside the box when the columns are wide enough, else above it (stacked). The
grid takes the natural width of its columns (at most the width it is measured for); measured with
a finite `avail`, its rows grow into that height, up to their most useful size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cardgen.render.layout import Block, DrawContext
from cardgen.render.poster import draw as d
from cardgen.render.poster.content import Content, Row
from cardgen.render.poster.parts import NoFit, whole_words
from cardgen.render.text import text_width, wrap
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.poster import Sizes
from cardgen.style.theme import RULE, RULE_HEAVY
from cardgen.units import MM

PAD = 1.5 * MM  # between a cell's text and its left side
PAD_R = 4 * MM  # between a cell's text and its right side: a dose must not touch the next rule
VPAD = 1.5 * MM  # above and below the head's text
ROOMY = 2.5 * MM  # above and below a row's text (at least), where the sheet has the room
TIGHT = 1.5 * MM  # …and where it has not
BOX_GAP = 2 * MM  # boxes in neighbouring rows stay this far apart (print guide: >= 2 mm)
BOX_TEXT = 3 * MM  # between a box and the dose beside it, or under it
BOX_MAX = 24 * MM  # a bigger box only pulls a week's row apart
BALANCE = 0.6  # the least box beside a dose, as a share of its row's height, where rows grow
CAP = 0.72  # cap height of Noto Sans, in ems: text is centred on what the eye sees
UNDER = 0.35  # from a big line's baseline to the cap line of the small line under it, in its ems
PITCH = 1.2  # between small lines, in their ems


@dataclass(frozen=True)
class Cols:
    """The grid's horizontal layout at one width."""

    label_w: float
    col_w: float
    keys: tuple[tuple[str, ...], ...]
    key_size: float
    focus: tuple[tuple[str, ...], ...]  # per span of columns (a session done once or more a week)
    notes: tuple[tuple[str, ...], ...]  # per row: its note lines
    captions: tuple[tuple[tuple[str, ...], ...], ...]  # per row, per column: the caption's lines
    text_w: float  # the widest dose or caption line: what a cell needs beside or over its box
    head_h: float
    notes_n: int  # note lines under a week's label
    caps_n: int  # caption lines under a cell's dose
    row_min: float


class Grid(Block):
    def __init__(
        self,
        c: Content,
        z: Sizes,
        *,
        stacked: bool,
        split_notes: bool,
        box: float,
        k: float,
        focus: bool = True,
        roomy: bool = True,
        caption_lines: int = 99,
    ):
        self.caption_lines = caption_lines  # a caption broken over more lines than this does not fit
        self.c, self.z, self.stacked, self.split_notes, self.box_min, self.k = c, z, stacked, split_notes, box, k
        # Room around a row's text grows with its size: big type close to a rule looks crammed.
        self.pad = max(ROOMY, 0.25 * max(z.week, z.dose)) if roomy else TIGHT
        self.show_focus = focus
        self.cols: Cols | None = None
        self._width = -1.0
        self.row_h = 0.0
        self.box = 0.0

    # -- measuring -------------------------------------------------------------------------

    def natural_width(self, width: float) -> float:
        """How wide the grid is when given `width`: its columns stop growing where more width would
        only part a box from its dose."""
        cols = self._layout(width)
        return cols.label_w + len(self.c.keys) * cols.col_w

    def measure(self, width: float, avail: float = math.inf) -> float:
        """The least height (rows at their least), or with a finite `avail` the height of rows grown
        into it; a grid that cannot fit `avail` reports its least height, which is more."""
        cols = self._layout(width)
        n = len(self.c.rows)
        self.width = width
        rows_h = avail - cols.head_h
        if rows_h < n * cols.row_min - 0.01:
            self.row_h = cols.row_min
        else:
            cap = min(34 * MM * self.k, cols.row_min + 14 * MM * self.k)
            if not self.stacked:
                # A tall row with a small box beside a big dose looks empty: a row grows only as far
                # as the box beside its dose can grow with it.
                cap = min(cap, (cols.col_w - PAD - PAD_R - BOX_TEXT - cols.text_w) / BALANCE)
            cap = max(cols.row_min, cap)
            self.row_h = min(rows_h / n, cap)
        self.box = self._box(self.row_h)
        self.height = cols.head_h + n * self.row_h
        return self.height

    def weeks_fitting(self, avail: float) -> int:
        """How many weeks' rows would fit `avail`, for the advice of a poster that does not fit."""
        assert self.cols is not None, "measure first"
        return max(0, int((avail - self.cols.head_h) // self.cols.row_min))

    def _box(self, row_h: float) -> float:
        cols = self.cols
        assert cols is not None
        inner = cols.col_w - PAD - PAD_R
        if self.stacked:
            return min(row_h - 2 * self.pad - self._stack_h(cols.caps_n) - BOX_TEXT, inner, BOX_MAX * self.k)
        # The gap around a box widens as rows grow, so big rows do not look stuffed with their box.
        gap = BOX_GAP + 0.3 * max(0.0, row_h - self.box_min - BOX_GAP)
        return min(row_h - gap, inner - BOX_TEXT - cols.text_w, BOX_MAX * self.k)

    def _beside_box(self) -> float:
        """The least box beside a dose: about as tall as the dose and its caption, so a big dose
        does not dwarf its box."""
        return max(self.box_min, 0.8 * self._stack_h(1 if any(cell and cell.caption for r in self.c.rows for cell in r.cells) else 0))

    def _big(self) -> float:
        return max(self.z.week, self.z.dose)

    def _small(self) -> float:
        return max(self.z.note, self.z.caption)

    def _stack_h(self, small_n: int) -> float:
        """From the cap line of a row's big line to the foot of its last small line."""
        big, small = self._big(), self._small()
        if not small_n:
            return CAP * big + 0.1 * big
        return CAP * big + UNDER * big + CAP * small + (small_n - 1) * PITCH * small + 0.22 * small

    def _note_lines(self, row: Row, width: float) -> tuple[str, ...]:
        """The week's note on one line, or (split) its dates and its phase wrapped to `width`."""
        if not self.split_notes:
            return (row.note,) if row.note else ()
        font = BOLD if row.marked else REGULAR
        out: list[str] = []
        for part in (row.dates, row.tag):
            lines = wrap(part, font, self.z.note, width)
            if not whole_words(part, lines):
                raise NoFit(width_ok=False)
            out += lines
        return tuple(out)

    def _layout(self, width: float) -> Cols:
        if self.cols is not None and self._width == width:
            return self.cols
        c, z = self.c, self.z
        n = len(c.keys)
        label_w = max(text_width(r.label, BOLD, z.week) for r in c.rows)
        notes = tuple(self._note_lines(r, label_w) for r in c.rows)
        note_w = max((text_width(t, BOLD if r.marked else REGULAR, z.note) for r, ls in zip(c.rows, notes, strict=True) for t in ls), default=0)
        label_w = max(label_w, note_w) + PAD + 3 * MM
        doses = {cell.dose for r in c.rows for cell in r.cells if cell}
        dose_w = max((text_width(t, REGULAR, z.dose) for t in doses), default=0)
        # A stacked cell centres its text, so it needs only a little room either side.
        least = 5 * MM + max(dose_w, self.box_min) if self.stacked else PAD + PAD_R + self._beside_box() + BOX_TEXT + dose_w
        if label_w + n * least > width + 0.01:
            raise NoFit(width_ok=False)
        # Columns a little wider than their text breathe; much wider ones only part the box from its dose.
        col_w = min((width - label_w) / n, least * 1.25 + 4 * MM)
        area = col_w - 5 * MM if self.stacked else col_w - PAD - PAD_R - self._beside_box() - BOX_TEXT
        captions = []
        for r in c.rows:
            per_row = []
            for cell in r.cells:
                text = cell.caption if cell else ""
                lines = wrap(text, REGULAR, z.caption, area)
                if not whole_words(text, lines) or len(lines) > self.caption_lines:
                    raise NoFit(width_ok=False)
                per_row.append(lines)
            captions.append(tuple(per_row))
        text_w = max([dose_w] + [text_width(t, REGULAR, z.caption) for r in captions for ls in r for t in ls])
        # One size for all the keys, the largest at which the longest fits its column.
        key_size = z.key
        while key_size > 14 and max(text_width(key, BOLD, key_size) for key in c.keys) > col_w - 2 * PAD:
            key_size -= 1
        keys = tuple(wrap(key, BOLD, key_size, col_w - 2 * PAD) for key in c.keys)
        focus = []
        for span in c.spans:
            lines = wrap(span.focus, REGULAR, z.focus, span.count * col_w - 2 * PAD)
            focus.append(lines if self.show_focus and len(lines) <= 2 and whole_words(span.focus, lines) else ())
        head_h = max(len(ls) for ls in keys) * key_size * 1.1 + 2 * VPAD
        if any(focus):
            head_h += max(len(f) for f in focus) * z.focus * 1.2 + 0.8 * MM
        notes_n = max(len(ls) for ls in notes)
        caps_n = max(len(ls) for r in captions for ls in r)
        if self.stacked:
            row_min = 2 * self.pad + max(self._stack_h(notes_n), self._stack_h(caps_n) + BOX_TEXT + self.box_min)
        else:
            # A cell's dose and caption are centred on its box; the week's label shares the dose's
            # baseline, and its note lines may run further down the row.
            cell_h = self._stack_h(caps_n)
            row_min = max(2 * self.pad + cell_h, 2 * self.pad + 2 * self._stack_h(notes_n) - cell_h, self._beside_box() + BOX_GAP)
        self.cols = Cols(
            label_w, col_w, keys, key_size, tuple(focus), notes, tuple(captions), text_w, head_h, notes_n, caps_n, row_min
        )
        self._width = width
        return self.cols

    # -- drawing ---------------------------------------------------------------------------

    def paint(self, ctx: DrawContext) -> None:
        cols = self.cols
        assert cols is not None and self.row_h, "measure first"
        c, z, theme = self.c, self.z, ctx.theme
        n_rows = len(c.rows)
        grid_w = cols.label_w + len(c.keys) * cols.col_w
        x, top = 0.0, self.height
        col_x = [x + cols.label_w + j * cols.col_w for j in range(len(c.keys))]
        fills: list[tuple[float, float, float, float]] = []  # x, y, width, height
        rules: list[tuple[float, float, float, float]] = []  # x0, y0, x1, y1, light and heavy
        heavy: list[tuple[float, float, float, float]] = []
        squares: list[tuple[float, float, float]] = []
        texts: list[tuple[float, float, str, str, float, bool, str]] = []  # x, y, text, font, size, accent, align
        # The head: each column's key, and over the columns of one session its focus, once.
        key_h = max(len(ls) for ls in cols.keys) * cols.key_size * 1.1
        for cx, key in zip(col_x, cols.keys, strict=True):
            mid, yy = cx + cols.col_w / 2, top - VPAD
            for line in key:
                texts.append((mid, yy - cols.key_size * 0.8, line, BOLD, cols.key_size, True, "center"))
                yy -= cols.key_size * 1.1
        for span, focus in zip(c.spans, cols.focus, strict=True):
            mid, yy = col_x[span.first] + span.count * cols.col_w / 2, top - VPAD - key_h - 0.8 * MM
            for line in focus:
                texts.append((mid, yy - z.focus * 0.85, line, REGULAR, z.focus, False, "center"))
                yy -= z.focus * 1.2
        row_top = top - cols.head_h
        heavy.append((x, row_top, x + grid_w, row_top))
        bottom = row_top - n_rows * self.row_h
        # Heavier rules between sessions (the page specs keep 1 pt for that), from the heads down.
        # A session done twice a week parts its two columns with a thin rule.
        starts = {span.first for span in c.spans}
        for j, cx in enumerate(col_x):
            if j in starts:
                heavy.append((cx, row_top + cols.head_h * 0.15, cx, bottom))
            else:  # under the focus that spans both columns
                rules.append((cx, row_top, cx, bottom))
        big, small = self._big(), self._small()
        cell_h = self._stack_h(cols.caps_n)
        if self.stacked:
            used = max(self._stack_h(cols.notes_n), cell_h + BOX_TEXT + self.box)
        else:
            used = cell_h
        for i, row in enumerate(c.rows):
            y_top = row_top - i * self.row_h
            if row.marked:
                fills.append((x, y_top - self.row_h, grid_w, self.row_h))
            text_top = y_top - (self.row_h - used) / 2
            base = text_top - CAP * big
            first_small = base - UNDER * big - CAP * small
            texts.append((x + PAD, base, row.label, BOLD, z.week, False, "left"))
            for j, line in enumerate(cols.notes[i]):
                texts.append((x + PAD, first_small - j * PITCH * small, line, BOLD if row.marked else REGULAR, z.note, False, "left"))
            for cx, cell, caption in zip(col_x, row.cells, cols.captions[i], strict=True):
                if self.stacked:
                    mid = cx + cols.col_w / 2
                    bx, by = mid - self.box / 2, text_top - cell_h - BOX_TEXT - self.box
                    tx, align = mid, "center"
                else:
                    bx, by = cx + PAD, y_top - self.row_h / 2 - self.box / 2
                    tx, align = bx + self.box + BOX_TEXT, "left"
                if cell is None:
                    texts.append((bx + self.box / 2, by + self.box / 2 - CAP * z.dose / 2, "–", REGULAR, z.dose, False, "center"))
                    continue
                squares.append((bx, by, self.box))
                texts.append((tx, base, cell.dose, REGULAR, z.dose, False, align))
                for j, line in enumerate(caption):
                    texts.append((tx, first_small - j * PITCH * small, line, REGULAR, z.caption, False, align))
            rules.append((x, y_top - self.row_h, x + grid_w, y_top - self.row_h))
        # Fills first: rules, boxes and text lie on top of them.
        d.fills(ctx, fills, theme.fill)
        d.lines(ctx, rules, RULE, theme.ink)
        d.lines(ctx, heavy, RULE_HEAVY, theme.accent)
        d.boxes(ctx, squares)
        for tx, ty, s, font, size, accent, align in texts:
            d.text(ctx, tx, ty, s, font, size, theme.accent if accent else theme.ink, align)

