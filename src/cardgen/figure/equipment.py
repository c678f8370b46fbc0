"""Equipment as simple shapes beside a placed pose, in the pose's head-height units."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cardgen.figure.geometry import CLEAR, HEAD, Point, along, direction
from cardgen.figure.model import Figure, Item
from cardgen.figure.place import Placed, in_pose

# What a shape is drawn as: the item's ink (black, or grey for a partner), the band's (the accent in
# colour), a light fill (a mat).
ITEM = "item"
BAND = "band"
PARTNER = "partner"
MAT = "mat"
THIN = 0.5  # an outline's stroke, of the limbs': equipment is quieter than the body
CEILING = 8.6  # how high a wall reaches: above a standing head
STRAP = 3.6  # a suspension strap above the foot


@dataclass(frozen=True)
class Shape:
    """A piece of equipment drawn as a line, a closed outline or a circle, in head heights."""

    kind: str  # line (open), poly (closed), circle
    points: tuple[Point, ...]
    radius: float = 0.0
    role: str = ITEM
    fill: bool = False  # filled with the role's ink (a mat: its light fill)
    weight: float = THIN  # stroke, as a share of the limbs' stroke
    behind: bool = True  # drawn before the body


def _back(placed: Placed) -> float:
    """The direction (degrees) of the figure's back, from its trunk."""
    return placed.pose.trunk + 90


def _pair(placed: Placed, part: str) -> tuple[Point, Point]:
    b = placed.body
    if part == "thighs":
        mid = [((b[f"{s}-hip"][0] + b[f"{s}-knee"][0]) / 2, (b[f"{s}-hip"][1] + b[f"{s}-knee"][1]) / 2) for s in ("right", "left")]
        return mid[0], mid[1]
    one = {"knees": "knee", "ankles": "ankle", "hands": "hand", "feet": "ankle"}[part]
    return b[f"right-{one}"], b[f"left-{one}"]


def _at(placed: Placed, at: str) -> Point:
    """Where an item held or worn at `at` sits."""
    b = placed.body
    if at in ("hips", "shoulders"):
        return b[at]
    if at in ("hands", "knees", "ankles", "thighs", "feet"):
        r, left = _pair(placed, at)
        if placed.body.view == "side":
            return r  # seen from the side the near one hides the far one
        return ((r[0] + left[0]) / 2, (r[1] + left[1]) / 2)
    side, _, part = at.partition("-")
    return b[f"{side}-{'ankle' if part == 'foot' else part}"]


def _box(x0: float, x1: float, y0: float, y1: float) -> tuple[Point, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _rect_along(c: Point, angle: float, length: float, width: float) -> tuple[Point, ...]:
    """A rectangle centred on `c`, its length along `angle`."""
    ux, uy = direction(angle)
    vx, vy = -uy, ux
    hl, hw = length / 2, width / 2
    return tuple((c[0] + ux * a + vx * b, c[1] + uy * a + vy * b) for a, b in ((-hl, -hw), (hl, -hw), (hl, hw), (-hl, hw)))


def shapes(figure: Figure, placed: Placed) -> list[Shape]:
    out: list[Shape] = []
    for s in placed.supports:
        if s.item == "bench":
            slab = 0.45
            out.append(Shape("poly", _box(s.x0, s.x1, s.top - slab, s.top), weight=THIN))
            for x in (s.x0 + 0.45, s.x1 - 0.45):
                out.append(Shape("line", ((x, 0.0), (x, s.top - slab)), weight=THIN * 1.2))
        else:
            out.append(Shape("poly", _box(s.x0, s.x1, 0.0, s.top), weight=THIN))
    for item in in_pose(figure, placed.pose):
        out += _item(figure, placed, item)
    return out


def _item(figure: Figure, placed: Placed, item: Item) -> list[Shape]:
    b = placed.body
    side = figure.view == "side"
    name = item.item
    if name == "mat":
        xs = [p[0] for p in b.points.values()]
        return [Shape("poly", _box(min(xs) - 0.4, max(xs) + 0.4, 0.0, 0.12), role=MAT, fill=True, weight=0.0)]
    if name == "wall":
        assert item.behind is not None
        back = math.copysign(1.0, direction(_back(placed))[0])
        # Behind the point it touches and behind the head too: a head that overhangs the shoulders
        # (a lean, a tilt) would otherwise be drawn through the wall.
        x = max(b[item.behind][0] * back + CLEAR + 0.06, b["head"][0] * back + HEAD / 2 + 0.02) * back
        return [Shape("line", ((x, 0.0), (x, CEILING)), weight=THIN * 1.4)]
    if item.at is None:
        return []
    p = _at(placed, item.at)
    if name == "kettlebell":
        fore = _forearm(placed, item.at)
        hang = fore if direction(fore)[1] < 0.3 else -90.0  # swung out along the arms; held, it hangs
        centre = along(p, hang, 0.62)
        handle = along(p, hang, 0.2)
        return [Shape("circle", (handle,), radius=0.24, weight=0.6, behind=False), Shape("circle", (centre,), radius=0.42, fill=True, behind=False)]
    if name == "dumbbell":
        if side:
            return [Shape("circle", (p,), radius=0.36, fill=True, behind=False)]
        return [Shape("line", (along(p, 0, -0.45), along(p, 0, 0.45)), weight=1.0, behind=False),
                *(Shape("poly", _rect_along(along(p, 0, d), 0, 0.22, 0.7), fill=True, behind=False) for d in (-0.45, 0.45))]
    if name in ("barbell", "trap-bar"):
        if item.at == "shoulders":
            p = along(p, _back(placed), 0.32)  # across the upper back
        elif item.at == "hips":
            p = along(p, _back(placed) + 180, 0.3)  # in the hip crease
        if side:
            return [Shape("circle", (p,), radius=0.95, weight=0.7), Shape("circle", (p,), radius=0.14, fill=True, behind=False)]
        return [Shape("line", (along(p, 0, -2.6), along(p, 0, 2.6)), weight=0.6, behind=False),
                *(Shape("poly", _rect_along(along(p, 0, d), 90, 1.9, 0.3), fill=True, behind=False) for d in (-2.2, 2.2))]
    if name == "backpack":
        if item.at == "shoulders":
            t = placed.pose.trunk
            centre = along(along(b["shoulders"], t, -1.0), _back(placed), 0.6)
            return [Shape("poly", _rect_along(centre, t, 1.4, 0.75), fill=True)]
        return [Shape("poly", _rect_along(along(p, -90, 0.6), 90, 1.0, 0.8), fill=True, behind=False)]
    if name == "band":
        r, left = _pair(placed, item.at)
        if side:
            return [Shape("circle", (r,), radius=0.3, role=BAND, weight=0.7, behind=False)]
        return [Shape("line", (r, left), role=BAND, weight=0.7, behind=False)]
    if name == "strap":
        # The Nordic curl's anchor: from the heels back and down to a point fixed on the ground.
        anchor = (p[0] + math.copysign(0.9, direction(_back(placed))[0]), 0.12)
        return [Shape("line", (p, anchor), weight=0.7), Shape("poly", _box(anchor[0] - 0.3, anchor[0] + 0.3, 0.0, 0.3), fill=True)]
    if name == "partner":
        return _partner(placed, p)
    if name == "suspension":
        # Straps from one anchor above the outstretched foot (of every strap of the pose), drawn up to
        # a short bar, not to the ceiling, so that the pose keeps its size.
        feet = [b[f"{side}-ankle"] for side in ("right", "left")] if item.at == "feet" else [p]
        held = [_at(placed, i.at) for i in in_pose(figure, placed.pose) if i.item == "suspension" and i.at is not None]
        held += [b[f"{side}-ankle"] for i in in_pose(figure, placed.pose) if i.item == "suspension" and i.at == "feet" for side in ("right", "left")]
        hips = b["hips"][0]
        ax = max(held, key=lambda f: abs(f[0] - hips))[0]
        anchor = (ax, max(f[1] for f in held) + STRAP)
        bar = Shape("line", ((ax - 0.35, anchor[1]), (ax + 0.35, anchor[1])), weight=1.0)
        return [bar, *(Shape("line", (f, anchor), weight=0.6) for f in feet), *(Shape("circle", (f,), radius=0.24, weight=0.6, behind=False) for f in feet)]
    return []


def _forearm(placed: Placed, at: str) -> float:
    b = placed.body
    side = "left" if at == "left-hand" else "right"
    (ex, ey), (hx, hy) = b[f"{side}-elbow"], b[f"{side}-hand"]
    return math.degrees(math.atan2(hy - ey, hx - ex))


def _partner(placed: Placed, ankle: Point) -> list[Shape]:
    """A partner kneeling behind the heels, leaning in, hands pressing the ankles: drawn simply."""
    back = math.copysign(1.0, direction(_back(placed))[0])
    reach = 2.7
    shoulder_y = 3.05
    dy = shoulder_y - ankle[1]
    dx = math.sqrt(max(0.0, reach**2 - dy**2))
    shoulder = (ankle[0] + back * dx, shoulder_y)
    hip = (shoulder[0] + back * 2.6, 2.05)
    knee = (hip[0] - back * 0.15, CLEAR)
    foot = (knee[0] + back * 1.7, CLEAR)
    trunk = math.degrees(math.atan2(shoulder[1] - hip[1], shoulder[0] - hip[0]))
    head = along(shoulder, trunk - 10 * back, 0.8)
    arm_mid = ((shoulder[0] + ankle[0]) / 2, (shoulder[1] + ankle[1]) / 2 + 0.1)
    return [
        Shape("line", (foot, knee, hip, shoulder), role=PARTNER, weight=1.0),
        Shape("line", (shoulder, arm_mid, ankle), role=PARTNER, weight=1.0),
        Shape("circle", (head,), radius=0.5, role=PARTNER, fill=True),
    ]


__all__ = ["BAND", "CEILING", "ITEM", "MAT", "PARTNER", "Shape", "shapes"]
