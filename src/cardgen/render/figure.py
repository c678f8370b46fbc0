"""A figure drawn: start, arrow, end side by side on one ground line, at one scale, into a box.

The geometry is cardgen.figure's, in head heights; here it becomes strokes. The line weight is a
share of the head's size (a figure keeps its look at any size) and never under the print minimum.
Side view: the far side's limbs are lighter and drawn first. Colour theme: the working leg in the
accent; mono: black and greys only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from cardgen.figure import Figure, Pair, pair
from cardgen.figure.equipment import BAND, MAT, PARTNER, Shape
from cardgen.figure.geometry import HEAD, STROKE, Body
from cardgen.figure.pair import Arrow, end_alone
from cardgen.render.layout import Block, DrawContext
from cardgen.style.theme import Theme
from cardgen.units import MM

MIN_LINE = 0.5  # pt: the thinnest line a laser printer prints solid
MIN_HEAD = 1.5 * MM  # below this a head is a dot and the limbs a smudge: the figure is left out
GREY_FAR = 0.62  # the far side's limbs in mono
GREY_ITEM = 0.35  # equipment outlines and fills
GREY_MAT = 0.85
GREY_ARROW = 0.45


@dataclass(frozen=True)
class FigureStyle:
    """How a figure is placed and what it shows."""

    align: str = "center"  # left | center | right: where a figure narrower than its box sits
    arrow: bool = True  # the moving point's path over the end pose
    alone: bool = False  # the end pose only (with its arrow): a thumbnail where the pair would be a smudge
    repeated: bool = False  # printed many times in one PDF (a deck's cards): drawn once, as a form, and placed


@lru_cache(maxsize=256)
def _pair(figure: Figure, alone: bool = False) -> Pair:
    return end_alone(figure) if alone else pair(figure)


def figure_scale(figure: Figure, width: float, height: float, alone: bool = False) -> float:
    """Points per head height for the pair (or the end pose alone) to fit `width` × `height`."""
    p = _pair(figure, alone)
    return min(width / p.width, height / p.height)


def smallest_height(figure: Figure, alone: bool = False) -> float:
    """The least height (pt) at which the figure stays recognisable; a product with less room leaves
    it out rather than shrink it to a smudge."""
    return _pair(figure, alone).height * MIN_HEAD


def smallest_width(figure: Figure, alone: bool = False) -> float:
    return _pair(figure, alone).width * MIN_HEAD


def aspect(figure: Figure) -> float:
    """Width over height of the drawn pair."""
    p = _pair(figure)
    return p.width / p.height


def _tint(rgb: tuple[float, float, float], strength: float) -> tuple[float, float, float]:
    return (round(1 - strength * (1 - rgb[0]), 4), round(1 - strength * (1 - rgb[1]), 4), round(1 - strength * (1 - rgb[2]), 4))


def _grey(level: float) -> tuple[float, float, float]:
    return (level, level, level)


class FigureBlock(Block):
    """A figure's start and end poses in a box of at most `width` × `height`: as large as the box
    allows, its own aspect kept."""

    def __init__(self, figure: Figure, width: float, height: float, style: FigureStyle | None = None,
                 space_before: float = 0.0, space_after: float = 0.0, head: float = math.inf, share: float = 0.5):
        self.figure = figure
        self.max_width, self.max_height = width, height
        self.style = style or FigureStyle()
        self.space_before, self.space_after = space_before, space_after
        self.head = head  # the largest head drawn (pt): a low, wide pose is not blown up to fill the width
        self.share = share  # the most of a row's width it takes beside text (see `column`)

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self.scale = min(self.head / HEAD, figure_scale(self.figure, min(width, self.max_width), self.max_height, self.style.alone))
        self.height = _pair(self.figure, self.style.alone).height * self.scale
        return self.height

    def column(self, room: float) -> float:
        """The width the figure takes beside text in `room`: what its height asks, up to its `share` of it."""
        p = _pair(self.figure, self.style.alone)
        return p.width * min(self.head / HEAD, self.max_height / p.height, room * self.share / p.width)

    def paint(self, ctx: DrawContext) -> None:
        p = _pair(self.figure, self.style.alone)
        drawn = p.width * self.scale
        x = {"left": 0.0, "center": (self.width - drawn) / 2, "right": self.width - drawn}[self.style.align]
        draw_pair(ctx.canv, ctx.theme, self.figure, p, x, 0.0, self.scale, arrow=self.style.arrow, repeated=self.style.repeated)


def draw_figure(canv, theme: Theme, figure: Figure, x: float, y: float, width: float, height: float) -> None:
    """The figure as large as fits the box from (x, y), centred in it."""
    p = _pair(figure)
    s = figure_scale(figure, width, height)
    draw_pair(canv, theme, figure, p, x + (width - p.width * s) / 2, y + (height - p.height * s) / 2, s)


def draw_pair(canv, theme: Theme, figure: Figure, p: Pair, x: float, y: float, scale: float, arrow: bool = True,
              repeated: bool = False) -> None:
    """The pair with its bottom-left at (x, y), `scale` points to a head height.

    `repeated`: drawn once per PDF as a form and placed again wherever the same figure prints at the
    same size (a deck repeats each exercise's figure on every week's card): less to write, a smaller
    file. A figure printed once (a booklet page) is drawn in place: a form would only add to it."""
    if not repeated:
        _draw_pair(canv, theme, figure, p, x, y, scale, arrow)
        return
    forms: dict = canv.__dict__.setdefault("_cardgen_figures", {})
    key = (theme.name, theme.accent, theme.ink, figure, p.alone, round(scale, 4), arrow)
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"CardgenFigure{len(forms)}"
        pad = 2 * scale  # the strokes' caps and the arrow's head past the pair's box
        canv.beginForm(name, lowerx=-pad, lowery=-pad, upperx=p.width * scale + pad, uppery=p.height * scale + pad)
        _draw_pair(canv, theme, figure, p, 0.0, 0.0, scale, arrow)
        canv.endForm()
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(name)
    canv.restoreState()


# The operators of figures drawn, by what decides them (theme, figure, pair, scale, arrow): a booklet
# draws each exercise's figure twice, on its page and on the print file's sheet, at one size.
_DRAWN: dict[tuple, list[str]] = {}
_DRAWN_KEPT = 256


def _draw_pair(canv, theme: Theme, figure: Figure, p: Pair, x: float, y: float, scale: float, arrow: bool) -> None:
    canv.saveState()
    canv.translate(x, y - p.bottom * scale)
    # What a figure writes inside its own saved state depends on nothing else (its pen starts with
    # no colour or width set): drawn once, its operators are written again as they were.
    key = (theme.name, theme.accent, theme.ink, figure, p.alone, scale, arrow)
    code = _DRAWN.get(key)
    if code is None:
        if len(_DRAWN) >= _DRAWN_KEPT:
            _DRAWN.clear()
        start = len(canv._code)
        _strokes(canv, theme, figure, p, scale, arrow)
        code = _DRAWN[key] = canv._code[start:]
    else:
        canv._code.extend(code)
    canv.restoreState()


def _strokes(canv, theme: Theme, figure: Figure, p: Pair, scale: float, arrow: bool) -> None:
    line = max(MIN_LINE, STROKE * scale)
    colour = theme.name != "mono"
    canv.setLineCap(1)
    canv.setLineJoin(1)
    ink = _Ink(theme, colour, line, scale)
    # The end pose alone is a thumbnail where the pair would be a smudge (a card).
    poses = [*([(p.start.body, p.start_shapes, p.start_dx)] if not p.alone else []), (p.end.body, p.end_shapes, p.end_dx)]
    # A mat lies on the floor: under the ground line, which runs on unbroken across it.
    for _, items, dx in poses:
        for s in items:
            if s.role == MAT:
                ink.shape(canv, s, dx)
    # The ground: one thin line under both poses.
    ink.flush(canv)
    ink.stroke(canv, theme.ink, max(MIN_LINE, line * 0.3))
    canv.line(0, 0, p.width * scale, 0)
    for body, items, dx in poses:
        # Each pose drawn from its own origin: the start and end poses then share most of their
        # numbers, which the compressed page stores once.
        ink.flush(canv)
        outside = ink.state()
        canv.saveState()
        canv.translate(dx * scale, 0)
        for s in items:
            if s.behind and s.role != MAT:
                ink.shape(canv, s)
        _body(canv, ink, figure, body)
        for s in items:
            if not s.behind:
                ink.shape(canv, s)
        ink.flush(canv)
        canv.restoreState()
        ink.restore(outside)
    if not p.alone:
        x0, x1, mid = p.between
        ink.arrow(canv, Arrow((x0, mid), ((x0 + x1) / 2, mid), (x1, mid)), quiet=True)
    if arrow and p.move is not None:
        ink.arrow(canv, p.move, quiet=False)
    ink.flush(canv)


RGB = tuple[float, float, float]


class _Ink:
    """The colours and weights of one drawing, and the pen that draws it.

    Consecutive limbs of one colour and weight are stroked as one path, and a colour or weight is
    set only when it changes: a figure was a third of an exercise page's content, mostly the same
    two settings written again before every limb. The painting order is kept.
    """

    def __init__(self, theme: Theme, colour: bool, line: float, scale: float):
        self.theme, self.colour, self.line, self.scale = theme, colour, line, scale
        self.accent = theme.accent if colour else theme.ink
        self.far = _grey(GREY_FAR)
        self.far_accent = _tint(theme.accent, 0.5) if colour else self.far
        self.ox = 0.0  # where the pose being drawn stands (pt)
        self._stroke: tuple[RGB, float] | None = None  # the canvas's stroke colour and width inside this figure
        self._fill: RGB | None = None
        self._open: list[list[tuple[float, float]]] = []  # limbs in the current stroke style, not yet drawn

    def stroke(self, canv, rgb: RGB, width: float) -> None:
        if self._stroke != (rgb, width):
            self.flush(canv)
            if self._stroke is None or self._stroke[0] != rgb:
                canv.setStrokeColorRGB(*rgb)
            if self._stroke is None or self._stroke[1] != width:
                canv.setLineWidth(width)
            self._stroke = (rgb, width)

    def state(self) -> tuple:
        return self._stroke, self._fill

    def restore(self, state: tuple) -> None:
        """What the canvas has again after a restoreState."""
        self._stroke, self._fill = state

    def fill(self, canv, rgb: RGB) -> None:
        if self._fill != rgb:
            self.flush(canv)
            canv.setFillColorRGB(*rgb)
            self._fill = rgb

    def flush(self, canv) -> None:
        """Draw the limbs waiting to be stroked."""
        if self._open:
            path = canv.beginPath()
            for points in self._open:
                path.moveTo(*points[0])
                for point in points[1:]:
                    path.lineTo(*point)
            self._open = []
            canv.drawPath(path, stroke=1, fill=0)

    def path(self, canv, points, rgb, width: float, close: bool = False, fill: RGB | None = None) -> None:
        s, ox = self.scale, self.ox
        placed = [(px * s + ox, py * s) for px, py in points]
        if fill is None and not close and width > 0:
            self.stroke(canv, rgb, width)
            self._open.append(placed)
            return
        self.flush(canv)
        self.stroke(canv, rgb, width)
        if fill is not None:
            self.fill(canv, fill)
        path = canv.beginPath()
        path.moveTo(*placed[0])
        for point in placed[1:]:
            path.lineTo(*point)
        if close:
            path.close()
        canv.drawPath(path, stroke=1 if width > 0 else 0, fill=1 if fill is not None else 0)

    def shape(self, canv, shape: Shape, dx: float = 0.0) -> None:
        if dx:
            ox = self.ox
            self.ox += dx * self.scale
            self.shape(canv, shape)
            self.ox = ox
            return
        s = self.scale
        if shape.role == BAND:
            # Lighter than the legs it rings: in the legs' own ink a band between the knees reads as
            # part of the figure (a letter A), not as a thing around it.
            rgb = _tint(self.accent, 0.55) if self.colour else _grey(GREY_ITEM)
        elif shape.role == PARTNER:
            rgb = _grey(GREY_FAR)
        else:
            rgb = _grey(GREY_ITEM)
        width = max(MIN_LINE, self.line * shape.weight) if shape.weight > 0 else 0.0
        if shape.role == MAT:
            self.path(canv, shape.points, rgb, 0.0, close=True, fill=_grey(GREY_MAT))
        elif shape.kind == "circle":
            (cx, cy) = shape.points[0]
            self.stroke(canv, rgb, width)
            self.fill(canv, rgb)
            self.flush(canv)
            canv.circle(cx * s + self.ox, cy * s, shape.radius * s, stroke=0 if shape.fill else 1, fill=1 if shape.fill else 0)
        elif shape.kind == "poly":
            # An outlined item is white inside: a limb behind it is hidden, as on paper.
            self.path(canv, shape.points, rgb, width, close=True, fill=rgb if shape.fill else (1.0, 1.0, 1.0))
        else:
            self.path(canv, shape.points, rgb, width)

    def arrow(self, canv, a: Arrow, quiet: bool) -> None:
        s = self.scale
        rgb = _grey(GREY_ARROW) if quiet or not self.colour else self.accent
        width = max(MIN_LINE, self.line * (0.38 if quiet else 0.42))
        head = max(4 * width, 0.42 * s)
        # The curve stops where the head begins: its end would show through the point.
        dx, dy = a.b[0] - a.c[0], a.b[1] - a.c[1]
        n = math.hypot(dx, dy) or 1.0
        ux, uy = dx / n, dy / n
        bx, by = a.b[0] * s, a.b[1] * s
        stop = (bx - ux * head * 0.8, by - uy * head * 0.8)
        path = canv.beginPath()
        path.moveTo(a.a[0] * s, a.a[1] * s)
        c1 = (a.a[0] * s + 2 / 3 * (a.c[0] * s - a.a[0] * s), a.a[1] * s + 2 / 3 * (a.c[1] * s - a.a[1] * s))
        c2 = (stop[0] + 2 / 3 * (a.c[0] * s - stop[0]), stop[1] + 2 / 3 * (a.c[1] * s - stop[1]))
        path.curveTo(*c1, *c2, *stop)
        self.stroke(canv, rgb, width)
        self.flush(canv)
        canv.drawPath(path, stroke=1, fill=0)
        tip = canv.beginPath()
        tip.moveTo(bx, by)
        for side in (1, -1):
            tip.lineTo(bx - ux * head + side * -uy * head * 0.45, by - uy * head + side * ux * head * 0.45)
        tip.close()
        self.fill(canv, rgb)
        canv.drawPath(tip, stroke=0, fill=1)


def _body(canv, ink: _Ink, figure: Figure, body: Body) -> None:
    """Far limbs, trunk and head, near limbs: the order a side view overlaps them in."""
    side_view = figure.view == "side"
    working = ("right", "left") if figure.working == "both" else (figure.working,)
    order = ("left", None, "right") if side_view else (None, "right", "left")
    for part in order:
        if part is None:
            _trunk(canv, ink, body, side_view)
            continue
        far = side_view and part == "left"
        leg_rgb = (ink.far_accent if far else ink.accent) if part in working else (ink.far if far else ink.theme.ink)
        arm_rgb = ink.far if far else ink.theme.ink
        pts = body.points
        ink.path(canv, [pts[f"{part}-hip"], pts[f"{part}-knee"], pts[f"{part}-ankle"]], leg_rgb, ink.line)
        ink.path(canv, [pts[f"{part}-heel"], pts[f"{part}-toes"]], leg_rgb, ink.line)
        ink.path(canv, [pts[f"{part}-shoulder"], pts[f"{part}-elbow"], pts[f"{part}-hand"]], arm_rgb, ink.line)
    if not side_view:
        return


def _trunk(canv, ink: _Ink, body: Body, side_view: bool) -> None:
    pts = body.points
    rgb = ink.theme.ink
    if side_view:
        ink.path(canv, [pts["hips"], pts["shoulders"]], rgb, ink.line * 1.25)
    else:
        # Seen from the front: a spine between a shoulder line and a hip line.
        ink.path(canv, [pts["right-shoulder"], pts["left-shoulder"]], rgb, ink.line)
        ink.path(canv, [pts["right-hip"], pts["left-hip"]], rgb, ink.line)
        ink.path(canv, [pts["hips"], pts["shoulders"]], rgb, ink.line * 1.25)
    s = ink.scale
    hx, hy = pts["head"]
    ink.fill(canv, rgb)
    ink.flush(canv)
    canv.circle(hx * s + ink.ox, hy * s, HEAD / 2 * s, stroke=0, fill=1)


class Row(Block):
    """A block of its own width (a photo) with the figure beside it in the width left, both standing
    on one line: the photo shows a moment of the move, the figure its start and end."""

    def __init__(self, first: Block, own_width: float, figure: FigureBlock, gap: float, space_after: float = 0.0):
        self.first, self.own, self.figure, self.gap = first, own_width, figure, gap
        self.space_after = space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self.height = max(self.first.measure(self.own), self.figure.measure(width - self.own - self.gap))
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        self.first.draw(ctx, 0, 0, self.own)
        self.figure.draw(ctx, self.own + self.gap, 0, self.width - self.own - self.gap)
