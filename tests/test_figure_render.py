"""Figures drawn (issue 10): line weights, colours by theme, size limits, reproducible bytes.
One small PDF per test, read with pdfplumber."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from cardgen.figure import Figure, Item, Limbs, Pose
from cardgen.render.figure import MIN_LINE, FigureBlock, smallest_height, smallest_width
from cardgen.render.layout import DrawContext
from cardgen.style.theme import COLOR, MONO
from cardgen.units import MM

LIE = Limbs(hip=60, knee=126, ankle=-24)
BRIDGE = Figure(
    Pose(180, LIE, LIE, contact=("shoulders", "hips", "right-foot", "left-foot")),
    Pose(202, Limbs(knee=112), Limbs(knee=112), contact=("shoulders", "right-foot", "left-foot")),
    working="right",
    equipment=(Item("mat"), Item("band", at="knees")),
)


def draw(figure: Figure, theme, width: float, height: float) -> tuple[bytes, FigureBlock]:
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(width + 20, height + 20), invariant=1)
    block = FigureBlock(figure, width, height)
    block.measure(width)
    block.draw(DrawContext(canv, theme), 10, 10, width)
    canv.showPage()
    canv.save()
    return buf.getvalue(), block


def marks(data: bytes):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        return page.lines + page.curves + page.rects, page.height


def colours(objs) -> set[tuple[float, ...]]:
    out = set()
    for o in objs:
        for key in ("stroking_color", "non_stroking_color"):
            c = o.get(key)
            if c is not None and o.get("stroke" if key == "stroking_color" else "fill"):
                out.add(tuple(round(v, 3) for v in (c if isinstance(c, (list, tuple)) else (c,))))
    return out


def test_the_block_keeps_its_aspect_inside_its_box():
    _, block = draw(BRIDGE, MONO, 80 * MM, 40 * MM)
    assert block.height <= 40 * MM + 1e-6
    assert block.scale > 0
    # Wide and low: the width decides, and the block is no taller than the figure needs.
    assert block.height < 30 * MM


def test_mono_is_black_and_greys_only():
    data, _ = draw(BRIDGE, MONO, 80 * MM, 30 * MM)
    objs, _ = marks(data)
    found = colours(objs)
    assert found and all(len(c) == 1 or len(set(c)) == 1 for c in found), found


def test_the_colour_theme_draws_the_working_leg_and_the_band_in_the_accent():
    data, _ = draw(BRIDGE, COLOR, 80 * MM, 30 * MM)
    found = colours(marks(data)[0])
    assert tuple(round(v, 3) for v in COLOR.accent) in found


def test_every_line_is_at_least_the_print_minimum_even_at_the_smallest_size():
    h = smallest_height(BRIDGE)
    data, block = draw(BRIDGE, MONO, smallest_width(BRIDGE), h)
    assert block.height == pytest.approx(h, rel=1e-3)
    widths = [o["linewidth"] for o in marks(data)[0] if o.get("stroke")]
    assert widths and min(widths) >= MIN_LINE - 1e-6


def test_line_weight_grows_with_size():
    small, _ = draw(BRIDGE, MONO, 60 * MM, 20 * MM)
    large, _ = draw(BRIDGE, MONO, 180 * MM, 60 * MM)

    def widest(data):
        return max(o["linewidth"] for o in marks(data)[0] if o.get("stroke"))

    assert widest(large) == pytest.approx(3 * widest(small), rel=0.05)


def test_at_the_smallest_size_a_head_is_a_millimetre_and_a_half():
    data, _ = draw(BRIDGE, MONO, smallest_width(BRIDGE), smallest_height(BRIDGE))
    heads = [o for o in marks(data)[0] if o.get("fill") and abs(o["width"] - o["height"]) < 0.01 and o["width"] > 3]
    assert heads and all(o["width"] == pytest.approx(1.5 * MM, rel=0.01) for o in heads)
    assert len(heads) == 2  # one for each pose


def test_the_same_figure_draws_the_same_bytes():
    assert draw(BRIDGE, COLOR, 80 * MM, 30 * MM)[0] == draw(BRIDGE, COLOR, 80 * MM, 30 * MM)[0]
