"""The duplex alignment test (crosses on the front, scales behind them on the back), and the page
of printing instructions that goes before cards that have no paper margin to carry them.

Printed two-sided and held to the light with the back facing you, each cross of the front shows
through on a scale of the back. The reading is the correction itself: a cross seen at +1.5 across
means the back printed 1.5 mm too far left, so backs must move 1.5 mm right (--back-offset 1.5,…).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import CardgenError
from cardgen.prepress.cards import Segment
from cardgen.prepress.paper import SHEETS, Size, printable_frame
from cardgen.render.document import Meta, new_canvas, tune_reportlab
from cardgen.render.text import visible, wrap
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.units import MM

REACH = 6  # mm either way on the back scales: printers misregister by 1-4 mm
OFFSET = 9 * MM  # the back's scales sit this far below and beside the point behind the cross
ARM = OFFSET + 6 * MM  # half a front cross's line: across its scale with room to spare
SPREAD = (55 * MM, 70 * MM)  # the outer targets, symmetric about the middle so either flip lands them on a scale
LINE = 0.5

FRONT = [
    "Print this sheet two-sided at 100\u00a0% (actual size), with the flip you will use for the cards: "
    "flip on long edge for --duplex long, flip on short edge for --duplex short.",
    "Check the scale at the foot of this page with a ruler: it must measure 50\u00a0mm. If it is shorter, "
    "switch off “fit to page” and print again.",
    "Then turn the sheet over: the back page says how to read the crosses.",
]
BACK = [
    "Hold the sheet against a window or a lamp with this page facing you: the crosses printed on the "
    "front show through the paper.",
    "At the middle target read where the upright line of the cross meets the scale across: that is X. "
    "Read where its level line meets the upright scale: that is Y. Both in mm; + is right and up as "
    "you look at this page.",
    "Build with those two numbers: cardgen build --plan PLAN --back-offset X,Y (for example "
    "--back-offset 1.5,-1). Crosses on 0 need no offset. If the outer crosses read differently the "
    "printer also skews the page; use the middle one.",
]


def targets(sheet: Size) -> list[tuple[float, float]]:
    """The middle and four around it, a set that either flip maps onto itself."""
    cx, cy = sheet.width / 2, sheet.height / 2
    dx, dy = SPREAD
    return [(cx, cy)] + [(cx + sx * dx, cy + sy * dy) for sy in (1, -1) for sx in (-1, 1)]


def render_print_test(paper: str) -> bytes:
    if paper not in SHEETS:
        raise CardgenError(f"unknown paper {paper!r}; use one of {', '.join(SHEETS)}")
    tune_reportlab()
    register()
    sheet = SHEETS[paper].portrait
    buf = io.BytesIO()
    canv = new_canvas(buf, sheet.as_tuple(), Meta("cardgen duplex alignment test", "cardgen", f"Alignment test for two-sided printing on {sheet.name}"))
    _text(canv, sheet, f"Alignment test, front ({sheet.name})", FRONT)
    for x, y in targets(sheet):
        _cross(canv, x, y)
    _ruler(canv, printable_frame(sheet).x + 4 * MM, printable_frame(sheet).y + 8 * MM)
    canv.showPage()
    _text(canv, sheet, f"Alignment test, back ({sheet.name})", BACK)
    for x, y in targets(sheet):
        _scales(canv, x, y, middle=(x, y) == targets(sheet)[0])
    canv.showPage()
    canv.save()
    return buf.getvalue()


def draw_instructions(
    canv: Canvas, sheet: Size, title: str, steps: list[str], cuts: Sequence[Segment] = (), folds: Sequence[Segment] = ()
) -> None:
    """A page that says how to print and cut, with the 50 mm ruler to check the scale by and a
    sketch of the sheet with its cut (solid) and fold (dashed) lines, given in sheet coordinates.

    For sheets whose paper edge is the card edge: there is no margin to put this on, and on a card
    it would be cut into the deck.
    """
    y = _text(canv, sheet, visible(title), steps)
    x = printable_frame(sheet).x + 12 * MM
    _ruler(canv, x, y - 8 * MM)
    if cuts or folds:
        _sketch(canv, sheet, x, y - 22 * MM, cuts, folds)


def _sketch(canv: Canvas, sheet: Size, x: float, top: float, cuts: Sequence[Segment], folds: Sequence[Segment]) -> None:
    """The sheet at a fifth of its size, its cut and fold lines, and what each line means."""
    k = 0.2
    w, h = sheet.width * k, sheet.height * k
    y = top - h
    canv.saveState()
    canv.setStrokeColorRGB(0, 0, 0)
    canv.setLineWidth(LINE)
    canv.rect(x, y, w, h, stroke=1, fill=0)
    canv.setLineWidth(1.0)
    for x1, y1, x2, y2 in cuts:
        canv.line(x + x1 * k, y + y1 * k, x + x2 * k, y + y2 * k)
    canv.setDash(2, 2)
    for x1, y1, x2, y2 in folds:
        canv.line(x + x1 * k, y + y1 * k, x + x2 * k, y + y2 * k)
    canv.setFont(REGULAR, 10)
    lx = x + w + 8 * MM
    canv.setDash()
    canv.line(lx, top - 4 * MM, lx + 10 * MM, top - 4 * MM)
    canv.drawString(lx + 13 * MM, top - 4 * MM - 3.5, "cut")
    if folds:
        canv.setDash(2, 2)
        canv.line(lx, top - 11 * MM, lx + 10 * MM, top - 11 * MM)
        canv.drawString(lx + 13 * MM, top - 11 * MM - 3.5, "fold, printed sides out")
    canv.restoreState()


def _text(canv: Canvas, sheet: Size, title: str, paragraphs: list[str]) -> float:
    """Numbered paragraphs under a title at the top of the page; returns the y under the last."""
    frame = printable_frame(sheet)
    x, width = frame.x + 6 * MM, frame.width - 12 * MM
    y = frame.top - 8 * MM
    canv.setFont(BOLD, 14)
    canv.drawString(x, y, title)
    y -= 8 * MM
    for n, para in enumerate(paragraphs, 1):
        canv.setFont(BOLD, 10)
        canv.drawString(x, y, f"{n}.")
        canv.setFont(REGULAR, 10)
        for line in wrap(para, REGULAR, 10, width - 6 * MM):
            canv.drawString(x + 6 * MM, y, line)
            y -= 13
        y -= 4
    return y


def _cross(canv: Canvas, x: float, y: float) -> None:
    canv.setLineWidth(LINE)
    canv.line(x - ARM, y, x + ARM, y)
    canv.line(x, y - ARM, x, y + ARM)
    canv.circle(x, y, 1.2 * MM, stroke=1, fill=0)


def _scales(canv: Canvas, x: float, y: float, middle: bool) -> None:
    """Two scales for the cross at (x, y): X under it, across the cross's upright line; Y beside it,
    across its level line. Kept apart so their labels never meet; labels every 2 mm take two rows."""
    canv.setLineWidth(LINE)
    reach = REACH * MM + 1 * MM
    sx, sy = y - OFFSET, x + OFFSET  # the X scale's line and the Y scale's line
    canv.line(x - reach, sx, x + reach, sx)
    canv.line(sy, y - reach, sy, y + reach)
    canv.setFont(BOLD if middle else REGULAR, 8)
    for v in range(-REACH, REACH + 1):
        long = v % 2 == 0
        t = (2.2 if v == 0 else 1.6 if long else 0.9) * MM
        canv.line(x + v * MM, sx, x + v * MM, sx - t)
        canv.line(sy, y + v * MM, sy + t, y + v * MM)
        if not long:
            continue
        label = "0" if v == 0 else f"{v:+d}"
        far = v % 4 != 0
        canv.drawCentredString(x + v * MM, sx - (6.6 if far else 4.2) * MM, label)
        canv.drawString(sy + (7.2 if far else 3.0) * MM, y + v * MM - 1 * MM, label)
    canv.drawRightString(x - reach - 1.5 * MM, sx - 4.2 * MM, "X")
    canv.drawCentredString(sy + 5 * MM, y + reach + 1.5 * MM, "Y")
    if middle:
        canv.drawCentredString(x, sx - 11.5 * MM, "read this target")


def _ruler(canv: Canvas, x: float, y: float) -> None:
    """A 50 mm ruler numbered every 10 mm, to check the print scale."""
    canv.setLineWidth(LINE)
    canv.line(x, y, x + 50 * MM, y)
    canv.setFont(REGULAR, 8)
    for v in range(51):
        t = 3 * MM if v % 10 == 0 else (2 * MM if v % 5 == 0 else 1.2 * MM)
        canv.line(x + v * MM, y, x + v * MM, y + t)
        if v % 10 == 0:
            canv.drawCentredString(x + v * MM, y - 3.5 * MM, str(v))
    canv.drawString(x + 54 * MM, y, "mm. Print at 100\u00a0%: this ruler must measure 50\u00a0mm.")
