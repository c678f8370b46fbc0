"""Our canvas: ReportLab's, writing the coordinates of lines, boxes and paths to 0.01 pt.

ReportLab writes every number to seven significant digits ("11.90551 11.90551 re"): in a
booklet's tables, tick boxes and figures a fifth of the page content was digits past the
hundredth of a point (0.0035 mm), which no printer or screen can show.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import PATH_OPS, Canvas  # type: ignore[attr-defined]  # PATH_OPS is not in the stubs
from reportlab.pdfgen.pathobject import PDFPathObject

# Numbers as written, by value to 0.01 pt: a render writes ~32,000 numbers, ~1,200 of them distinct
# (the same rules, boxes, baselines and moves page after page), and ReportLab's fp_str, C as it
# is, costs several times a dictionary lookup.
_WRITTEN: dict[float, str] = {}
_WRITTEN_KEPT = 100_000


def coords(*values: float) -> str:
    """Numbers as a PDF content stream takes them, to 0.01 pt: what fp_str writes for each rounded."""
    return " ".join([number(round(v, 2)) for v in values])


def number(v: float) -> str:
    """fp_str(v), remembered by the exact value: a coordinate rounded to 0.01 pt (coords rounds; a
    text move is a whole number of hundredths over 100), a colour channel or a type size."""
    written = _WRITTEN.get(v)
    if written is None:
        if len(_WRITTEN) >= _WRITTEN_KEPT:
            _WRITTEN.clear()
        written = _WRITTEN[v] = fp_str(v)
    return written


# The stubs leave out the private attributes these write to (_code, _code_append, _fillMode, ...).


class Path(PDFPathObject):
    _code_append: Any

    def moveTo(self, x: float, y: float) -> None:
        self._code_append(f"{coords(x, y)} m")

    def lineTo(self, x: float, y: float) -> None:
        self._code_append(f"{coords(x, y)} l")

    def curveTo(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        self._code_append(f"{coords(x1, y1, x2, y2, x3, y3)} c")

    def rect(self, x: float, y: float, width: float, height: float) -> None:
        self._code_append(f"{coords(x, y, width, height)} re")


class PageCanvas(Canvas):
    _code: list[str]
    _fillMode: int
    _strokeAndFill: Any

    def beginPath(self) -> Path:
        return Path()

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._code.append(f"n {coords(x1, y1)} m {coords(x2, y2)} l S")

    def rect(self, x: float, y: float, width: float, height: float, stroke: float = 1, fill: float = 0) -> None:
        self._code.append(f"n {coords(x, y, width, height)} re " + PATH_OPS[stroke, fill, self._fillMode])

    def ellipse(self, x1: float, y1: float, x2: float, y2: float, stroke: float = 1, fill: float = 0) -> None:
        Path(code=self._code).ellipse(x1, y1, x2 - x1, y2 - y1)
        self._strokeAndFill(stroke, fill)

    def translate(self, dx: float, dy: float) -> None:
        super().translate(round(dx, 2), round(dy, 2))

    def setLineWidth(self, width: float) -> None:
        self._lineWidth = width
        self._code.append(f"{coords(width)} w")
