"""Placing a built pose on its supports, and measuring how well it rests there.

The pose is moved, never turned, so that the lowest of its contact points rests on its support (the
ground, or the top of the item it stands on). The other contacts should then rest on theirs too:
`distances` says how far each is, `below_ground` what went through the floor.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.figure.geometry import Body, build, rest_height, with_head_on
from cardgen.figure.model import Figure, Item, Pose

# The items a point can stand on: (height, width, how far the point sits in from the item's edge
# nearest the body), in head heights (a head is about 22 cm on a 1.75 m runner).
SUPPORTS: dict[str, tuple[float, float, float]] = {
    "box": (2.2, 2.4, 0.7),  # knee-high
    "bench": (2.0, 4.2, 0.5),
    "step": (0.8, 2.0, 0.35),  # ankle-high; under the toes, the heel hangs off its back edge
}
AIR = 0.8  # a pose with no contact is in the air (a jump): its lowest point this far above the ground
TOLERANCE = 0.15  # head heights: a contact further off its support than this is drawn floating or sunk
# The points of one foot: an item under one of them holds all of them.
_FOOT = ("foot", "toes", "heel", "ankle")


@dataclass(frozen=True)
class Support:
    """An item standing on the ground under a point: from x0 to x1, its top at `top`."""

    item: str
    x0: float
    x1: float
    top: float


@dataclass(frozen=True)
class Placed:
    """A pose standing on its supports."""

    body: Body
    pose: Pose
    supports: tuple[Support, ...]  # the items standing on the ground under points
    tops: dict[str, float]  # each contact's support: the ground (0) or the top of its item

    def distance(self, point: str) -> float:
        """How far the contact `point` rests from its support: + above it, − sunk into it."""
        return rest_height(self.body, point) - self.tops.get(point, 0.0)


def _held_by(point: str, item: Item) -> bool:
    if item.under is None:
        return False
    if item.under == point:
        return True
    side, _, part = point.partition("-")
    uside, _, upart = item.under.partition("-")
    return side == uside and part in _FOOT and upart in _FOOT


def place(figure: Figure, pose: Pose) -> Placed:
    """`pose` moved so that its lowest contact rests on its support."""
    body = build(pose, figure.view)
    # Moving up and down leaves every x as built: the items stand where their points are.
    supports = tuple(_support(item, body) for item in _under_items(figure, pose))
    tops = {c: _top_under(c, figure, pose, supports, body) for c in pose.contact}
    if tops:
        dy = -min(rest_height(body, c) - h for c, h in tops.items())
    else:
        dy = AIR - min(rest_height(body, p) for p in body.points)
    body = with_head_on(body.moved(0.0, dy))
    return Placed(body, pose, supports, tops)


def _under_items(figure: Figure, pose: Pose) -> list[Item]:
    return [item for item in in_pose(figure, pose) if item.item in SUPPORTS and item.under is not None]


def in_pose(figure: Figure, pose: Pose) -> list[Item]:
    """The items of `pose`: every item, but those kept to the other pose."""
    which = "start" if pose is figure.start else "end"
    return [item for item in figure.equipment if item.pose in (None, which)]


def _top_under(contact: str, figure: Figure, pose: Pose, supports: tuple[Support, ...], body: Body) -> float:
    """The height `contact` rests at: the top of the item under it (the one it is named under, or one
    it stands over: both feet on a box), else the ground."""
    for item, s in zip(_under_items(figure, pose), supports, strict=True):
        if _held_by(contact, item):
            return s.top
    x = body[contact][0]
    return max((s.top for s in supports if s.x0 <= x <= s.x1), default=0.0)


def _support(item: Item, body: Body) -> Support:
    height, width, inset = SUPPORTS[item.item]
    assert item.under is not None
    x = body[item.under][0]
    hips = body["hips"][0]
    if abs(x - hips) < 0.3:
        x0 = x - width / 2  # under the hips themselves: centred
    elif x > hips:
        x0 = x - inset  # in front of the body: the item reaches on forward
    else:
        x0 = x + inset - width
    return Support(item.item, x0, x0 + width, height)


def distances(placed: Placed) -> dict[str, float]:
    """Every contact point's distance from its support, in head heights."""
    return {c: placed.distance(c) for c in placed.pose.contact}


def below_ground(placed: Placed) -> list[str]:
    """The body's points that went through the ground (beyond the tolerance)."""
    out = []
    for name in placed.body.points:
        if name in ("right-foot", "left-foot"):
            continue  # its heel and toes are checked
        if rest_height(placed.body, name) < -TOLERANCE:
            out.append(name)
    return out


def misplaced(figure: Figure) -> list[str]:
    """What is wrong with where a figure rests, in words: a contact off its support, a point below the
    ground. Empty for a figure that rests as written."""
    out = []
    for which in ("start", "end"):
        placed = place(figure, getattr(figure, which))
        for c, d in distances(placed).items():
            if abs(d) > TOLERANCE:
                where = "above" if d > 0 else "below"
                out.append(f"{which}: {c} rests {abs(d):.2f} head heights {where} its support (at most {TOLERANCE} is drawn as touching)")
        for name in below_ground(placed):
            out.append(f"{which}: {name} is {-rest_height(placed.body, name):.2f} head heights below the ground")
    return out


__all__ = ["AIR", "SUPPORTS", "TOLERANCE", "Placed", "Support", "below_ground", "distances", "misplaced", "place"]
