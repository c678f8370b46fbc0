"""Many short strings in one PDF text object.

canvas.drawString builds a text object per call; a table of a thousand cells spends more time on
that than on its text. A batch sets the font only when it changes and emits everything at once.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.render.text import visible


class TextBatch:
    def __init__(self, canv, rgb: tuple[float, float, float] = (0, 0, 0)):
        self.canv = canv
        self.text = canv.beginText()
        self.text.setFillColorRGB(*rgb)
        self._font: tuple[str, float] | None = None

    def put(self, x: float, y: float, s: str, font: str, size: float, align: str = "left") -> None:
        if self._font != (font, size):
            self.text.setFont(font, size)
            self._font = (font, size)
        if align != "left":
            w = stringWidth(s, font, size)
            x -= w if align == "right" else w / 2
        self.text.setTextOrigin(x, y)
        self.text._textOut(visible(s))

    def close(self) -> None:
        if self._font is not None:
            self.canv.drawText(self.text)

    def __enter__(self) -> TextBatch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
