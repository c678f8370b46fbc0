"""Pieces every product shares: the session table, checklists, rules, lines to write on."""

from __future__ import annotations

import math
from collections.abc import Mapping

from cardgen.plan.model import SessionPlan
from cardgen.render.layout import Block, DrawContext
from cardgen.render.table import Cell, Column, RuledTable, Span, TickStrip
from cardgen.render.text import text_width, wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.text import TextStyle
from cardgen.style.theme import RULE, TICK
from cardgen.units import MM
from cardgen.wording import count, curly, page_ref, rest_text, unit_note

WRITE_GREY = (0.55, 0.55, 0.55)  # ruling to write on: grey at 0.75 pt prints evenly and stays quiet
SET_CELL = 18 * MM  # room to write "12 @ 16 kg" by hand
SET_CELL_MIN = 14 * MM
NAME_MIN = 34 * MM  # the exercise column: narrower, a name breaks over too many lines to read
SESSION_ROW = 12 * MM  # a target and its box at the top, a line's height below to write in
EFFORT = 12 * MM


def exercise_anchor(exercise_id: str) -> str:
    return f"ex-{exercise_id}"


def week_anchor(number: int) -> str:
    return f"week-{number}"


def session_table(
    session: SessionPlan, columns: int, size: float, note_size: float, cue_size: float, refs: Mapping[str, int] | None = None, width: float | None = None
) -> RuledTable:
    """The one table of a session: a row per exercise with its target in every set's cell, a box
    to tick and room to write what was done; its key form cues to tick under it; an effort cell.

    `columns` is the most sets any session of the plan has, so the table is ruled the same every
    week and a pen finds the same cells on every page. When so many set cells leave the exercise
    column too narrow to read on a page `width` wide, each name is set across the table over its
    cells instead, and the cells share the whole width.
    """
    stacked = width is not None and NAME_MIN + columns * SET_CELL_MIN + EFFORT > width
    sets = [Column(f"Set {i + 1}", None if stacked else SET_CELL) for i in range(columns)]
    cols = ([] if stacked else [Column("Exercise")]) + sets + [Column("Effort", EFFORT, "center")]
    rows: list[list[Cell] | TickStrip | Span] = []
    for p in session.items:
        anchor = exercise_anchor(p.exercise_id)
        facts = [unit_note(p.dose), rest_text(p.dose.rest)]
        if refs and anchor in refs:
            facts.append(page_ref(refs[anchor]))
        note = " · ".join(x for x in facts if x)
        if p.note:
            note += "\n" + p.note  # the plan's note on a line of its own
        name = Cell(p.exercise.name, bold=True, note=note, link=anchor if refs else None)
        cells = [Cell(count(p.dose), tick=True, size=note_size) if i < p.sets else Cell(shade=True) for i in range(columns)]
        if stacked:
            rows += [Span(name), [*cells, Cell()]]
        else:
            rows.append([name, *cells, Cell()])
        rows.append(TickStrip(tuple(p.key_cues), size=cue_size))
    fit = None if stacked else _fit_sets(columns)
    return RuledTable(cols, rows, size=size, min_row=SESSION_ROW, header_size=note_size, note_size=note_size, fit=fit, top=True)


def _fit_sets(n: int):
    """Set cells keep their writing room; only a session of many sets narrows them, never below
    SET_CELL_MIN, so the exercise names keep a column they can be read in."""

    def widths(avail: float, fixed: list[float | None]) -> list[float]:
        cell = SET_CELL
        if NAME_MIN + n * cell + EFFORT > avail:
            cell = max(SET_CELL_MIN, (avail - NAME_MIN - EFFORT) / n)
        return [avail - n * cell - EFFORT] + [cell] * n + [EFFORT]

    return widths


class TickList(Block):
    """A checklist: a box to tick, then the text, wrapped beside it."""

    def __init__(self, items: list[str], size: float, gap: float = 2.2 * MM):
        self.items, self.size, self.gap = [curly(t) for t in items], size, gap

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self._lines = [wrap(t, REGULAR, self.size, width - TICK - 2.5 * MM) for t in self.items]
        self.height = sum(max(TICK, len(ls) * self.size * 1.25) + self.gap for ls in self._lines)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c = ctx.canv
        c.setStrokeColorRGB(*ctx.theme.ink)
        c.setLineWidth(0.75)
        boxes = c.beginPath()
        y = self.height
        with TextBatch(c, ctx.theme.ink) as text:
            for lines in self._lines:
                boxes.rect(0, y - TICK, TICK, TICK)
                ty = y - TICK / 2 - self.size * 0.35
                for line in lines:
                    text.put(TICK + 2.5 * MM, ty, line, REGULAR, self.size)
                    ty -= self.size * 1.25
                y -= max(TICK, len(lines) * self.size * 1.25) + self.gap
        c.drawPath(boxes, stroke=1, fill=0)


class NoteLines(Block):
    """Ruled lines to write on, filling the rest of the frame (or `height` when given)."""

    def __init__(self, spacing: float = 8.5 * MM, height: float | None = None, minimum: float = 20 * MM, top_gap: float = 0):
        self.spacing, self.fixed, self.minimum, self.top_gap = spacing, height, minimum, top_gap

    def measure(self, width: float, avail: float = math.inf) -> float:
        # Takes what is left of the frame, or nothing when that is too little to write on:
        # it must never push itself onto a page of its own.
        self.width = width
        room = self.fixed if self.fixed is not None else avail - 1
        self.height = room if room - self.top_gap >= self.minimum and room < math.inf else 0
        return self.height

    def draw(self, ctx: DrawContext, x: float, y: float, width: float) -> None:
        if width != self.width:
            self.measure(width)
        if self.height:  # no room to write in: nothing on the page, not even an empty group
            super().draw(ctx, x, y, width)

    def paint(self, ctx: DrawContext) -> None:
        c = ctx.canv
        c.setStrokeColorRGB(*WRITE_GREY)
        c.setLineWidth(0.75)
        first = self.height - self.top_gap - self.spacing
        if first < 0:
            return
        lines = c.beginPath()  # one path, one stroke
        y = first
        while y >= 0:
            lines.moveTo(0, y)
            lines.lineTo(self.width, y)
            y -= self.spacing
        c.drawPath(lines, stroke=1, fill=0)


class Rule(Block):
    """A line across the frame in the accent colour, centred in `space` of height: under a title,
    between parts, under a card's head."""

    def __init__(self, weight: float = RULE, space: float = 0):
        self.weight, self.space = weight, space

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self.height = max(self.weight, self.space)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        ctx.canv.setStrokeColorRGB(*ctx.theme.accent)
        ctx.canv.setLineWidth(self.weight)
        ctx.canv.line(0, self.height / 2, self.width, self.height / 2)


class WriteLine(Block):
    """A heading with a labelled line to write on beside it: "Session A · Glutes & hips   Date ____".

    The line is a real ruled line, never typed underscores, at least `line` long; a heading too
    long to leave it room puts it on a line of its own.
    """

    def __init__(self, title: str, label: str, style: TextStyle, label_size: float, line: float = 40 * MM):
        self.title, self.label, self.style, self.label_size, self.line = curly(title), label, style, label_size, line
        self.keep_next = style.keep_next
        self.space_before, self.space_after = style.space_before, style.space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        st = self.style
        label = text_width(self.label, REGULAR, self.label_size) + 2 * MM
        self._titles = wrap(self.title, st.font, st.size, width)
        last = text_width(self._titles[-1], st.font, st.size) if self._titles else 0
        self._inline = last + 6 * MM + label + self.line <= width
        self.height = len(self._titles) * st.leading + (0 if self._inline else st.leading)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c, st = ctx.canv, self.style
        y = self.height - st.first_baseline
        with TextBatch(c, ctx.theme.accent if st.accent else ctx.theme.ink) as text:
            for t in self._titles:
                text.put(0, y, t, st.font, st.size)
                y -= st.leading
        if self._inline:
            y += st.leading
            x = text_width(self._titles[-1], st.font, st.size) + 6 * MM
        else:
            x = 0.0
        with TextBatch(c, ctx.theme.ink) as text:
            text.put(x, y, self.label, REGULAR, self.label_size)
        x += text_width(self.label, REGULAR, self.label_size) + 2 * MM
        c.setStrokeColorRGB(*WRITE_GREY)
        c.setLineWidth(0.75)
        c.line(x, y - 1, self.width if self._inline else x + max(self.line, 60 * MM), y - 1)


class FillIn(Block):
    """Label and value lines ("Athlete  Zoë Müller"); an empty value gets a ruled line to write on."""

    def __init__(self, rows: list[tuple[str, str]], size: float, pitch: float = 11 * MM, label_w: float = 28 * MM):
        self.rows, self.size, self.pitch, self.label_w = [(k, curly(v)) for k, v in rows], size, pitch, label_w

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self._values = [wrap(v, BOLD, self.size, width - self.label_w) if v else () for _, v in self.rows]
        self.height = sum(self.pitch + max(0, len(v) - 1) * self.size * 1.25 for v in self._values)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c = ctx.canv
        c.setStrokeColorRGB(*WRITE_GREY)
        c.setLineWidth(0.75)
        y = self.height
        with TextBatch(c, ctx.theme.ink) as text:
            for (label, _), lines in zip(self.rows, self._values, strict=True):
                y -= self.pitch * 0.6
                text.put(0, y, label, REGULAR, self.size)
                for line in lines:
                    text.put(self.label_w, y, line, BOLD, self.size)
                    y -= self.size * 1.25
                if lines:
                    y += self.size * 1.25
                else:
                    c.line(self.label_w, y - 1, self.width, y - 1)
                y -= self.pitch * 0.4


class Ghost(Block):
    """Takes another block's room and draws nothing: keeps facing pages level where one page has
    something (a week's note) that the other has not."""

    def __init__(self, block: Block):
        self.block = block
        self.space_before, self.space_after, self.keep_next = block.space_before, block.space_after, block.keep_next

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self.height = self.block.measure(width, avail)
        return self.height

    def draw(self, ctx: DrawContext, x: float, y: float, width: float) -> None:
        pass  # nothing to draw: not even an empty group on the page

    def paint(self, ctx: DrawContext) -> None:
        pass
