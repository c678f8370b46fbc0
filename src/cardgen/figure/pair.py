"""Start and end side by side on one ground line, at one scale, and the arrow that shows the move."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from cardgen.figure.equipment import Shape, shapes
from cardgen.figure.geometry import CLEAR, HEAD, Body, Point
from cardgen.figure.model import Figure
from cardgen.figure.place import Placed, place

GAP = 2.4  # head heights between the two poses: room for the arrow from one to the other
MARGIN = 0.25  # around the pair: the strokes' round caps
# The points the arrow may follow when the figure does not say which moves.
_MOVERS = ("hips", "shoulders", "head", "right-hand", "left-hand", "right-knee", "left-knee", "right-ankle", "left-ankle")
_SHORTEN = 0.45  # the arrow stops short of both positions of the point, so it touches nothing
_MIN_MOVE = 1.0  # a point moving less than this gets no arrow: it would be a dot
_MIN_ASKED = 0.5  # unless the figure names it (`moves`): a short step sideways is the whole move
_CLEAR_ENOUGH = 0.6  # an arrow this far from the body is as good as any: then the straighter, nearer one


@dataclass(frozen=True)
class Arrow:
    """A quadratic curve from `a` through control `c` to `b`; the head is at `b`."""

    a: Point
    c: Point
    b: Point


@dataclass(frozen=True)
class Pair:
    """Both poses in one frame of head heights: the ground at y = 0, the pair from x = 0 to `width`."""

    start: Placed
    end: Placed
    start_dx: float  # where each pose is moved to stand in the pair
    end_dx: float
    start_shapes: tuple[Shape, ...]
    end_shapes: tuple[Shape, ...]
    width: float
    bottom: float
    top: float
    move: Arrow | None  # the moving point's path, drawn over the end pose (already in pair coordinates)
    between: tuple[float, float, float]  # the arrow from start to end: x from, x to, at height y
    alone: bool = False  # the end pose only, with its arrow: see `end_alone`

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _bounds(body: Body, items: list[Shape]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for name, (x, y) in body.points.items():
        r = HEAD / 2 if name == "head" else CLEAR
        xs += [x - r, x + r]
        ys += [y - r, y + r]
    for s in items:
        for x, y in s.points:
            xs += [x - s.radius, x + s.radius]
            ys += [y - s.radius, y + s.radius]
    return min(xs), min(ys), max(xs), max(ys)


def _anchor(figure: Figure) -> str:
    """The point both poses share a position at: a contact kept from start to end (a planted foot; not
    one on the side that `moves`), else the hips."""
    kept = [c for c in figure.start.contact if c in figure.end.contact]
    if figure.moves is not None:
        # Not the moving foot itself: a step out to the side moves from the foot that stays.
        limb = figure.moves.split("-")[0] if "-" in figure.moves else None
        kept = [c for c in kept if limb is None or not c.startswith(limb + "-")] or kept
    return kept[0] if kept else "hips"


def mover(figure: Figure, start: Placed, end: Placed) -> str:
    """The point the arrow follows: the figure's `moves`, or the one that travels furthest."""
    if figure.moves is not None:
        return "right-ankle" if figure.moves == "right-foot" else "left-ankle" if figure.moves == "left-foot" else figure.moves
    return max(_MOVERS, key=lambda p: math.dist(start.body[p], end.body[p]))


@lru_cache(maxsize=256)  # end_alone and every product ask again for the same figure's pair
def pair(figure: Figure) -> Pair:
    start, end = place(figure, figure.start), place(figure, figure.end)
    # One frame for both: the shared anchor at the same x, so the point that moves can be followed.
    anchor = _anchor(figure)
    shift = start.body[anchor][0] - end.body[anchor][0]
    end = Placed(end.body.moved(shift, 0.0), end.pose, tuple(type(s)(s.item, s.x0 + shift, s.x1 + shift, s.top) for s in end.supports), end.tops)
    s_items, e_items = shapes(figure, start), shapes(figure, end)
    sx0, sy0, sx1, sy1 = _bounds(start.body, s_items)
    ex0, ey0, ex1, ey1 = _bounds(end.body, e_items)
    start_dx = MARGIN - sx0
    end_dx = start_dx + sx1 + GAP - ex0
    point = mover(figure, start, end)
    move = _arrow(start.body[point], end.body[point], end.body, _MIN_ASKED if figure.moves else _MIN_MOVE)
    if move is not None:
        move = Arrow(*((x + end_dx, y) for x, y in (move.a, move.c, move.b)))
    bottom = min(0.0, sy0, ey0) - MARGIN
    top = max(sy1, ey1) + MARGIN
    for a in [move] if move else []:
        top = max(top, a.a[1] + MARGIN, a.c[1], a.b[1] + MARGIN)
    width = end_dx + ex1 + MARGIN
    mid = max(1.2, min(sy1, ey1) * 0.45)
    between = (start_dx + sx1 + GAP * 0.22, end_dx + ex0 - GAP * 0.22, mid)
    return Pair(start, end, start_dx, end_dx, tuple(s_items), tuple(e_items), width, bottom, top, move, between)


def end_alone(figure: Figure) -> Pair:
    """The end pose alone, with the moving point's arrow over it: where two poses side by side
    would be too small to read (a pocket card's row), the position worked in and the way into it."""
    p = pair(figure)
    x0, y0, x1, y1 = _bounds(p.end.body, list(p.end_shapes))
    dx = MARGIN - x0
    shift = dx - p.end_dx
    move = Arrow(*((x + shift, y) for x, y in (p.move.a, p.move.c, p.move.b))) if p.move else None
    bottom = min(0.0, y0) - MARGIN
    top = y1 + MARGIN
    for a in [move] if move else []:
        top = max(top, a.a[1] + MARGIN, a.c[1], a.b[1] + MARGIN)
    return Pair(p.start, p.end, p.start_dx, dx, (), p.end_shapes, dx + x1 + MARGIN, bottom, top, move, p.between, alone=True)


def _segments(body: Body) -> list[tuple[Point, Point]]:
    p = body.points
    out = [(p["hips"], p["shoulders"])]
    for side in ("right", "left"):
        chain = [f"{side}-shoulder", f"{side}-elbow", f"{side}-hand"], [f"{side}-hip", f"{side}-knee", f"{side}-ankle", f"{side}-toes"]
        for names in chain:
            out += [(p[a], p[b]) for a, b in zip(names, names[1:], strict=False)]
    return out


def _weights(n: int) -> tuple[tuple[float, float, float], ...]:
    """The quadratic Bézier's weights of a, c and b at n + 1 even steps of t."""
    return tuple(((1 - t) ** 2, 2 * (1 - t) * t, t * t) for t in (i / n for i in range(n + 1)))


_WEIGHTS = _weights(16)


def _curve(a: Point, c: Point, b: Point) -> list[Point]:
    (ax, ay), (cx, cy), (bx, by) = a, c, b
    return [(u * ax + v * cx + w * bx, u * ay + v * cy + w * by) for u, v, w in _WEIGHTS]


# A segment as its start, its vector, its squared length and its box (x0, x1, y0, y1).
_Segment = tuple[float, float, float, float, float, float, float, float, float]
_SLACK = 1e-9  # far above the rounding of a distance: a part skipped by its box is surely further away


def _score(pts: list[Point], segments: list[_Segment], head: Point, beat: float) -> float | None:
    """How far the curve's points keep from the body's lines and the head's outline, capped at
    clear enough and rounded; None as soon as the score cannot exceed `beat`, the best so far (ties
    go to the earlier candidate, so an equal score is no better). A distance matters only while it
    is below both the nearest so far and clear enough: a segment whose box is further away than
    that is not measured."""
    hypot = math.hypot
    hx, hy = head
    radius = HEAD / 2
    clear = _CLEAR_ENOUGH
    reach = clear + _SLACK
    # The end of the curve is next to the pose (the point moved there): most candidates that lose,
    # lose there, so it is measured first.
    for qx, qy in reversed(pts):
        for ax, ay, dx, dy, length2, x0, x1, y0, y1 in segments:
            if x0 - qx > reach or qx - x1 > reach or y0 - qy > reach or qy - y1 > reach:
                continue
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((qx - ax) * dx + (qy - ay) * dy) / length2))
            d = hypot(qx - (ax + t * dx), qy - (ay + t * dy))
            if d < clear:
                clear, reach = d, d + _SLACK
                if round(clear, 3) <= beat:
                    return None
        if abs(qx - hx) - radius > reach or abs(qy - hy) - radius > reach:
            continue
        d = hypot(qx - hx, qy - hy) - radius
        if d < clear:
            clear, reach = d, d + _SLACK
            if round(clear, 3) <= beat:
                return None
    return round(clear, 3)


def _arrow(p0: Point, p1: Point, body: Body, least: float = _MIN_MOVE) -> Arrow | None:
    """The point's path from where it was to where it is, beside the end pose: of a few offsets and
    bends, the one that keeps furthest from the body's lines and above the ground."""
    length = math.dist(p0, p1)
    if length < least:
        return None
    ux, uy = (p1[0] - p0[0]) / length, (p1[1] - p0[1]) / length
    nx, ny = -uy, ux
    cut = min(_SHORTEN, length * 0.2)
    a0 = (p0[0] + ux * cut, p0[1] + uy * cut)
    b0 = (p1[0] - ux * cut, p1[1] - uy * cut)
    segments = [
        (ax, ay, dx, dy, dx * dx + dy * dy, min(ax, bx), max(ax, bx), min(ay, by), max(ay, by))
        for (ax, ay), (bx, by) in _segments(body)
        for dx, dy in [(bx - ax, by - ay)]
    ]
    head = body["head"]
    best: tuple[float, int, Arrow] | None = None
    for rank, (off, bend) in enumerate((o, b) for o in (0.0, 0.5, -0.5, 0.9, -0.9) for b in (0.22, -0.22, 0.0)):
        a = (a0[0] + nx * off, a0[1] + ny * off)
        b = (b0[0] + nx * off, b0[1] + ny * off)
        mid = ((a[0] + b[0]) / 2 + nx * bend * length, (a[1] + b[1]) / 2 + ny * bend * length)
        c = (2 * mid[0] - (a[0] + b[0]) / 2, 2 * mid[1] - (a[1] + b[1]) / 2)  # the curve passes through `mid`
        pts = _curve(a, c, b)
        if min(y for _, y in pts) < 0.35:
            continue
        # Clear enough is clear enough: then the straighter, nearer one (the earlier candidate).
        score = _score(pts, segments, head, -math.inf if best is None else best[0])
        if score is None:
            continue  # cannot beat the best so far
        best = (score, rank, Arrow(a, c, b))
        if score >= _CLEAR_ENOUGH:
            break  # no later candidate can score more, and a tie goes to this one
    return best[2] if best else None
