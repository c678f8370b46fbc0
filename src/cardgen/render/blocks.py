"""Pieces every product shares: the set/rep grid, the log table, the form-cue checklist, note lines."""

from __future__ import annotations


from cardgen.plan.model import SessionPlan
from cardgen.wording import count, curly, dose_text, page_ref, rest_text, unit_note
import math

from cardgen.render.layout import Block, DrawContext
from cardgen.render.table import Cell, Column, RuledTable, TickStrip
from cardgen.render.text import wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import REGULAR
from cardgen.style.theme import TICK
from cardgen.units import MM


def exercise_anchor(exercise_id: str) -> str:
    return f"ex-{exercise_id}"


def week_anchor(number: int) -> str:
    return f"week-{number}"


def set_rep_grid(
    session: SessionPlan, set_width: float = 19 * MM, size: float = 9.0, refs: dict[str, int] | None = None, cues: bool = True
) -> RuledTable:
    """Rows are exercises, columns are sets; each cell the target beside a box to tick.

    With `cues`, each exercise row carries a strip with its key form cues to tick: the week's
    form-cue checklist, right under the sets it is about.
    """
    sets = max(p.sets for p in session.items)
    if sets > 3:
        set_width = max(14 * MM, set_width - (sets - 3) * 3 * MM)  # leave the names room to breathe
    columns = [Column("Exercise")] + [Column(f"Set {i + 1}", set_width) for i in range(sets)] + [Column("Rest", 11 * MM, "center")]
    rows = []
    for p in session.items:
        anchor = exercise_anchor(p.exercise_id)
        page = page_ref(refs[anchor]) if refs and anchor in refs else ""
        note = " · ".join(x for x in (unit_note(p.dose), page) if x)
        note = "; ".join(x for x in (note, p.note) if x)
        row = [Cell(p.exercise.name, bold=True, note=note, link=anchor if refs else None)]
        row += [Cell(count(p.dose), tick=True) if i < p.sets else Cell(shade=True) for i in range(sets)]
        row.append(Cell(rest_text(p.dose.rest).removeprefix("rest "), align="center"))
        rows.append(row)
        if cues:
            rows.append(TickStrip(tuple(p.key_cues), size=8.5))
    return RuledTable(columns, rows, size=size, min_row=6.6 * MM)


def log_table(session: SessionPlan, row: float = 8 * MM, size: float = 9.0) -> RuledTable:
    """A blank table to fill in by hand: load or band, reps done per set, effort, notes."""
    sets = max(p.sets for p in session.items)
    columns = (
        [Column("Exercise"), Column("Load", 16 * MM, "center")]
        + [Column(f"Set {i + 1}", 11.5 * MM, "center") for i in range(sets)]
        + [Column("Effort", 13 * MM, "center"), Column("Notes", 20 * MM)]
    )
    rows = []
    for p in session.items:
        rows.append(
            [Cell(p.exercise.name, bold=True, size=size - 0.5, note=dose_text(p.dose))]
            + [Cell()]
            + [Cell() if i < p.sets else Cell(shade=True) for i in range(sets)]
            + [Cell(), Cell()]
        )
    # One-line headers keep the table short; the how-to page explains load and effort.
    return RuledTable(columns, rows, size=size, min_row=row, header_size=8.0)


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

    def paint(self, ctx: DrawContext) -> None:
        c = ctx.canv
        c.setStrokeColorRGB(0.55, 0.55, 0.55)  # grey ruling ≥ 0.75 pt prints evenly
        c.setLineWidth(0.75)
        y = self.height - self.top_gap - self.spacing
        while y >= 0 and self.height:
            c.line(0, y, self.width, y)
            y -= self.spacing
