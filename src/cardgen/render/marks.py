"""Drawing print marks: cut ticks, the scale bar and the 'print at 100 %' note."""

from __future__ import annotations

from cardgen.prepress.cards import Segment
from cardgen.style.fonts import REGULAR
from cardgen.units import MM

MARK_WIDTH = 0.4  # pt: the print guide's 0.25-0.5 pt


def draw_segments(canv, segments: list[Segment]) -> None:
    canv.saveState()
    canv.setStrokeColorRGB(0, 0, 0)
    canv.setLineWidth(MARK_WIDTH)
    for x1, y1, x2, y2 in segments:
        canv.line(x1, y1, x2, y2)
    canv.restoreState()


def draw_scale_note(canv, x: float, y: float, text: str = "Print at 100\u00a0%; this bar is 50\u00a0mm:", bar: float = 50 * MM) -> float:
    """A one-line note and a 50 mm bar to check the print scale with a ruler; returns its width."""
    from cardgen.render.text import text_width

    size = 8
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.setStrokeColorRGB(0, 0, 0)
    canv.setFont(REGULAR, size)
    canv.drawString(x, y, text)
    bx = x + text_width(text, REGULAR, size) + 2 * MM
    canv.setLineWidth(0.75)
    canv.line(bx, y + 1, bx + bar, y + 1)
    for t in (bx, bx + bar):
        canv.line(t, y - 1, t, y + 3)
    canv.restoreState()
    return bx + bar - x


NOTE_SIZE = 8
NOTE_HEIGHT = 4.2 * MM  # the note's box: descenders, the bar's end ticks and the ascent of 8 pt type
NOTE_BASE = 1.0 * MM  # baseline above the bottom of that box
BAR = 50 * MM


def note_width(text: str, bar: bool = True) -> float:
    from cardgen.render.text import text_width

    return text_width(text, REGULAR, NOTE_SIZE) + (2 * MM + BAR if bar else 0)


def draw_print_note(canv, x: float, y: float, turned: bool, text: str, bar: bool = True) -> None:
    """The note in the box whose bottom-left corner is (x, y); `turned` runs it upwards along a side."""
    canv.saveState()
    if turned:
        # Turned a quarter left, the box's right side is the text's bottom.
        canv.translate(x + NOTE_HEIGHT - NOTE_BASE, y)
        canv.rotate(90)
        x, y = 0.0, 0.0
    else:
        y += NOTE_BASE
    if bar:
        draw_scale_note(canv, x, y, text)
    else:
        canv.setFillColorRGB(0, 0, 0)
        canv.setFont(REGULAR, NOTE_SIZE)
        canv.drawString(x, y, text)
    canv.restoreState()


def draw_dashed(canv, segments: list[Segment], dash: float = 2 * MM) -> None:
    """Fold lines: dashed, so they never pass for a cut."""
    if not segments:
        return
    canv.saveState()
    canv.setDash(dash, dash)
    draw_segments(canv, segments)
    canv.restoreState()
