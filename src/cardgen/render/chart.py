"""A bar chart of a plan's weekly volume, drawn as vector lines and fills: honest axes (from zero,
labelled ticks, the unit named), easy weeks shaded as the overview's table shades them, bars in the
accent (black in mono), so it reads the same printed in black and white."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cardgen.plan.volume import WeekVolume
from cardgen.render.layout import Block, DrawContext
from cardgen.render.text import text_width
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import REGULAR
from cardgen.style.theme import Theme
from cardgen.units import MM

BAR = 0.62  # of a week's slot: the gap between bars is narrower than a bar, so the weeks read as a run
MAX_BAR = 9 * MM  # a short plan's bars stay bars, not blocks
MIN_BAR = 1 * MM  # thinner bars print as hairlines: past this, weeks are grouped into one bar
GRID_GREY = (0.72, 0.72, 0.72)
MONO_BAR = (0.3, 0.3, 0.3)  # dark grey: reads as solid on any printer, quieter on the page than black
GRID = 0.4  # pt
AXIS = 0.75  # pt, in ink
UNIT_INSET = 1 * MM  # the unit's left edge, right of the reps' axis


@dataclass(frozen=True)
class Bar:
    """One bar of the overview chart: a week, or weeks grouped."""

    first: int  # the first week of the bar
    last: int
    value: float  # reps a week (the mean over the weeks, when grouped)
    easy: bool  # any of its weeks a deload, taper or race week


def bar_colour(theme: Theme) -> tuple[float, float, float]:
    return MONO_BAR if theme.name == "mono" else theme.accent


def bars(weeks: Sequence[WeekVolume], group: int) -> list[Bar]:
    """One bar per `group` weeks, in order; a group's bar is its weeks' mean, so the axis stays per week."""
    out = []
    for i in range(0, len(weeks), group):
        part = weeks[i : i + group]
        out.append(Bar(part[0].week, part[-1].week, sum(w.reps for w in part) / len(part), any(w.easy for w in part)))
    return out


def nice_ticks(top: float, most: int = 4) -> list[int]:
    """0 and round steps (1, 2, 2.5 or 5 × 10ⁿ) up to the first at or above `top`, at most `most` steps."""
    if top <= 0:
        return [0, 1]
    power = 10 ** math.floor(math.log10(top / most))
    for mult in (1, 2, 2.5, 5, 10, 20, 25, 50):
        step = mult * power
        if math.ceil(top / step) <= most and step == int(step):
            n = math.ceil(top / step)
            return [round(k * step) for k in range(n + 1)]
    step = 10 * power
    return [round(k * step) for k in range(math.ceil(top / step) + 1)]


class VolumeChart(Block):
    """Bars of reps per week over `height`; the week numbers under them and the reps beside them
    in `size`, the unit at the head of the reps' axis, right of it."""

    def __init__(self, weeks: Sequence[WeekVolume], height: float, size: float, space_before: float = 0.0, space_after: float = 0.0):
        self.weeks, self.chart_height, self.size = list(weeks), height, size
        self.space_before, self.space_after = space_before, space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.chart_height
        # As many steps as labels fit up the axis, at most four: a compact chart says less, never overprints.
        steps = max(1, min(4, int((self.height - self.size * 3.3) / (self.size * 1.4))))
        self.ticks = nice_ticks(max((w.reps for w in self.weeks), default=0), steps)
        labels = [str(t) for t in self.ticks] + ["Week", "reps"]
        self.gutter = max(text_width(t, REGULAR, self.size) for t in labels) + 1.5 * MM
        slot = (width - self.gutter) / max(1, len(self.weeks))
        self.group = max(1, math.ceil(MIN_BAR / (slot * BAR)))
        self.bars = bars(self.weeks, self.group)
        return self.height

    @property
    def plot(self) -> tuple[float, float, float, float]:
        """The plot area: x0, y0, x1, y1 in the block."""
        return self.gutter, self.size * 1.8, self.width, self.height - self.size * 1.5

    def paint(self, ctx: DrawContext) -> None:
        c, size = ctx.canv, self.size
        x0, y0, x1, y1 = self.plot
        slot = (x1 - x0) / len(self.bars)
        top = self.ticks[-1]

        def y_of(v: float) -> float:
            return y0 + (y1 - y0) * v / top

        # Easy weeks' columns first, shaded as the table's rows, under the grid and the bars.
        c.setFillColorRGB(*ctx.theme.fill)
        for i, b in enumerate(self.bars):
            if b.easy:
                c.rect(x0 + i * slot, y0, slot, y1 - y0, stroke=0, fill=1)
        c.setStrokeColorRGB(*GRID_GREY)
        c.setLineWidth(GRID)
        for t in self.ticks[1:]:
            c.line(x0, y_of(t), x1, y_of(t))
        c.setFillColorRGB(*bar_colour(ctx.theme))
        path = c.beginPath()
        bar = min(BAR * slot, MAX_BAR)
        for i, b in enumerate(self.bars):
            if b.value > 0:
                path.rect(x0 + (i + 0.5) * slot - bar / 2, y0, bar, y_of(b.value) - y0)
        c.drawPath(path, stroke=0, fill=1)
        c.setStrokeColorRGB(*ctx.theme.ink)
        c.setLineWidth(AXIS)
        c.line(x0, y0, x1, y0)
        c.line(x0, y0, x0, y1)
        every = self._label_every(slot)
        with TextBatch(c, ctx.theme.ink) as text:
            for t in self.ticks:
                text.put(x0 - 1.5 * MM, y_of(t) - size * 0.35, str(t), REGULAR, size, align="right")
            # The unit heads the axis, beside the top tick's number rather than over it: right of
            # the axis line and above the plot, where nothing else is drawn.
            text.put(x0 + UNIT_INSET, y1 + size * 0.6, "reps", REGULAR, size)
            text.put(x0 - 1.5 * MM, y0 - size * 1.4, "Week", REGULAR, size, align="right")
            for i, b in enumerate(self.bars):
                if i % every == 0:
                    text.put(x0 + (i + 0.5) * slot, y0 - size * 1.4, str(b.first), REGULAR, size, align="center")

    def _label_every(self, slot: float) -> int:
        """Label every bar when the numbers fit under them, else every 2nd, 4th, 5th or 10th."""
        need = text_width(str(self.bars[-1].first), REGULAR, self.size) + 1.2 * MM
        for k in (1, 2, 4, 5, 10, 20):
            if k * slot >= need:
                return k
        return 52
