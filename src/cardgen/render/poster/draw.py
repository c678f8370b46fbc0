"""Drawing primitives the poster's own blocks share; the canvas and theme come in with the context."""

from __future__ import annotations

from cardgen.render.layout import DrawContext
from cardgen.render.text import text_width, visible

RGB = tuple[float, float, float]


def text(ctx: DrawContext, x: float, y: float, s: str, font: str, size: float, rgb: RGB, align: str = "left") -> None:
    if align != "left":
        w = text_width(s, font, size)
        x -= w if align == "right" else w / 2
    canv = ctx.canv
    canv.setFillColorRGB(*rgb)
    canv.setFont(font, size)
    canv.drawString(x, y, visible(s))


def lines(ctx: DrawContext, segments: list[tuple[float, float, float, float]], width: float, rgb: RGB) -> None:
    if not segments:
        return
    canv = ctx.canv
    canv.setStrokeColorRGB(*rgb)
    canv.setLineWidth(width)
    canv.setLineCap(0)
    path = canv.beginPath()
    for x1, y1, x2, y2 in segments:
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    canv.drawPath(path, stroke=1, fill=0)


def fills(ctx: DrawContext, rects: list[tuple[float, float, float, float]], rgb: RGB) -> None:
    if not rects:
        return
    ctx.canv.setFillColorRGB(*rgb)
    for x, y, w, h in rects:
        ctx.canv.rect(x, y, w, h, stroke=0, fill=1)


def boxes(ctx: DrawContext, squares: list[tuple[float, float, float]]) -> None:
    """Tick boxes: white inside, also on a shaded row, since a pen tick shows best on bare paper."""
    if not squares:
        return
    canv = ctx.canv
    canv.setStrokeColorRGB(*ctx.theme.ink)
    canv.setFillColorRGB(1, 1, 1)
    canv.setLineWidth(1.25)
    path = canv.beginPath()
    for x, y, side in squares:
        path.rect(x, y, side, side)
    canv.drawPath(path, stroke=1, fill=1)
