"""A pictogram as data: two poses (start and end) of one stick figure, and its equipment.

Angles are in degrees; lengths in head heights. docs/content-format.md ("Figures") is the reference
coaches write from; the names and ranges below are the ones it lists.
"""

from __future__ import annotations

from dataclasses import dataclass

JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
SIDES = ("right", "left")
VIEWS = ("side", "front")
WORKING = ("right", "left", "both")

# What each joint's angle may be, by view: beyond these no body goes (and a typo such as 190 for 19
# draws a broken limb).
RANGES: dict[str, dict[str, tuple[int, int]]] = {
    "side": {"hip": (-45, 150), "knee": (0, 160), "ankle": (-60, 45), "shoulder": (-90, 200), "elbow": (0, 160)},
    "front": {"hip": (-30, 90), "knee": (-90, 160), "ankle": (-60, 45), "shoulder": (-30, 200), "elbow": (0, 160)},
}
NECK_RANGE = (-60, 60)
TRUNK_RANGE = (-180, 360)

# What each angle means, said beside a value out of its range.
MEANING: dict[str, dict[str, str]] = {
    "side": {
        "hip": "0 the thigh in line with the trunk, 90 forward at a right angle",
        "knee": "0 straight",
        "ankle": "0 the foot square to the shin, + toes up",
        "shoulder": "0 the arm hanging, 90 forward, 180 overhead",
        "elbow": "0 straight",
    },
    "front": {
        "hip": "0 the leg straight down, + out to the side",
        "knee": "0 straight, + the shin toward the midline",
        "ankle": "0 the foot square to the shin",
        "shoulder": "0 the arm hanging, 90 out to the side, 180 overhead",
        "elbow": "0 straight, + the forearm toward the midline",
    },
}

# Named points of the body. A side's points are written "right-knee", "left-hand".
TRUNK_POINTS = ("head", "shoulders", "hips")
LIMB_POINTS = ("hand", "elbow", "knee", "ankle", "foot", "heel", "toes")
POINTS: tuple[str, ...] = TRUNK_POINTS + tuple(f"{side}-{p}" for side in SIDES for p in LIMB_POINTS)

# Equipment: how each item is placed (`under` a point, `at` a part of the body, `behind` one, or
# nowhere in particular) and where it may go.
UNDER = "under"
AT = "at"
BEHIND = "behind"
HANDS = ("hands", "right-hand", "left-hand")
FEET = ("feet", "right-foot", "left-foot")
ITEMS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "box": (UNDER, POINTS),
    "bench": (UNDER, POINTS),
    "step": (UNDER, POINTS),
    "kettlebell": (AT, HANDS),
    "dumbbell": (AT, HANDS),
    "barbell": (AT, ("hips", "shoulders", "hands")),
    "trap-bar": (AT, ("hands",)),
    "backpack": (AT, ("hands", "shoulders")),
    "band": (AT, ("knees", "ankles", "thighs")),
    "strap": (AT, ("ankles",)),
    "partner": (AT, ("ankles",)),
    "suspension": (AT, FEET),
    "wall": (BEHIND, ("shoulders", "hips")),
    "mat": (None, ()),
}


@dataclass(frozen=True)
class Limbs:
    """One side's joint angles."""

    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    shoulder: float = 0.0
    elbow: float = 0.0


@dataclass(frozen=True)
class Pose:
    """One position of the figure: the trunk's angle, each side's limbs, the neck, and what touches a support."""

    trunk: float  # the hip→neck line, degrees counter-clockwise from pointing right
    right: Limbs
    left: Limbs
    neck: float = 0.0
    contact: tuple[str, ...] = ()  # points resting on the ground or on an item


@dataclass(frozen=True)
class Item:
    """A piece of equipment: under a point, at a part of the body, behind one, or in no place in particular."""

    item: str
    under: str | None = None
    at: str | None = None
    behind: str | None = None
    pose: str | None = None  # start | end: the item is in that pose only (the box a jump lands on)


@dataclass(frozen=True)
class Figure:
    """An exercise's pictogram: the start and end poses, the view, the working side, and equipment."""

    start: Pose
    end: Pose
    view: str = "side"  # side | front
    working: str = "both"  # right | left | both
    moves: str | None = None  # the point the arrow follows; None: the one that moves most
    equipment: tuple[Item, ...] = ()
