"""Pose → points: the stick figure's joints in head heights, y up, the ground at y = 0.

Pure geometry (no drawing): the renderer, the validation and the tests all read the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cardgen.figure.model import Limbs, Pose

Point = tuple[float, float]

# Segment lengths in head heights: one figure for everyone (docs/content-format.md, "Figures").
TRUNK = 2.9  # hip → neck
THIGH = 1.9
SHIN = 1.8
FOOT = 0.9  # ankle → toes
HEEL = 0.25  # behind the ankle
UPPER_ARM = 1.3
FOREARM = 1.5  # with the hand
NECK = 0.3
HEAD = 1.0  # the head circle's diameter
# The limbs' stroke, in head heights: a figure drawn at any size keeps this proportion.
STROKE = 0.34
CLEAR = STROKE / 2  # a limb resting on the ground rests on its stroke's edge, not its middle line
# Front view: where the arms and legs join the trunk, either side of it.
SHOULDER_HALF = 0.72
HIP_HALF = 0.42
FRONT_FOOT = 0.45  # a foot seen from the front is a short stub turned out
# The arm and leg of one side, from the trunk outward (the order they are drawn in).
ARM = ("shoulder", "elbow", "hand")
LEG = ("hip", "knee", "ankle", "heel", "toes")


def direction(degrees: float) -> Point:
    rad = math.radians(degrees)
    return (math.cos(rad), math.sin(rad))


def along(p: Point, degrees: float, length: float) -> Point:
    dx, dy = direction(degrees)
    return (p[0] + dx * length, p[1] + dy * length)


@dataclass(frozen=True)
class Body:
    """A built pose: every named point, not yet placed (the hips at the origin) or placed."""

    view: str
    points: dict[str, Point]
    head_angle: float  # the direction from the shoulders to the head's centre

    def __getitem__(self, name: str) -> Point:
        return self.points[name]

    def moved(self, dx: float, dy: float) -> Body:
        return Body(self.view, {k: (x + dx, y + dy) for k, (x, y) in self.points.items()}, self.head_angle)


def build(pose: Pose, view: str) -> Body:
    """The pose's points with the hips at the origin. Side view: the figure faces right; front view:
    it faces the viewer, its right side on the viewer's left."""
    t = pose.trunk
    hips = (0.0, 0.0)
    shoulders = along(hips, t, TRUNK)
    head_angle = t - pose.neck  # + tips the head toward the front: the trunk turned clockwise
    pts: dict[str, Point] = {"hips": hips, "shoulders": shoulders, "head": along(shoulders, head_angle, NECK + HEAD / 2)}
    for side in ("right", "left"):
        limbs: Limbs = getattr(pose, side)
        if view == "front":
            out = 1 if side == "right" else -1  # the right side is on the trunk's counter-clockwise hand
            hip = along(hips, t + 90 * out, HIP_HALF)
            shoulder = along(shoulders, t + 90 * out, SHOULDER_HALF)
            # Abduction turns a limb away from the midline; the knee and elbow bend back toward it.
            thigh = t + 180 - out * limbs.hip
            shin = thigh + out * limbs.knee
            upper = t + 180 - out * limbs.shoulder
            fore = upper + out * limbs.elbow
            knee = along(hip, thigh, THIGH)
            ankle = along(knee, shin, SHIN)
            foot = shin - 90 * out
            toes = along(ankle, foot, FRONT_FOOT * 0.75)
            heel = along(ankle, foot, -FRONT_FOOT * 0.25)
        else:
            hip, shoulder = hips, shoulders
            thigh = t + 180 + limbs.hip
            shin = thigh - limbs.knee
            upper = t + 180 + limbs.shoulder
            fore = upper + limbs.elbow
            knee = along(hip, thigh, THIGH)
            ankle = along(knee, shin, SHIN)
            foot = shin + 90 + limbs.ankle
            toes = along(ankle, foot, FOOT)
            heel = along(ankle, foot, -HEEL)
        elbow = along(shoulder, upper, UPPER_ARM)
        pts |= {
            f"{side}-shoulder": shoulder,
            f"{side}-hip": hip,
            f"{side}-knee": knee,
            f"{side}-ankle": ankle,
            f"{side}-heel": heel,
            f"{side}-toes": toes,
            f"{side}-foot": ((heel[0] + toes[0]) / 2, (heel[1] + toes[1]) / 2),
            f"{side}-elbow": elbow,
            f"{side}-hand": along(elbow, fore, FOREARM),
        }
    return Body(view, pts, head_angle)


def rest_height(body: Body, name: str) -> float:
    """How high the point `name` rests: the bottom of the head, of a foot's sole, of a stroke."""
    if name == "head":
        return body["head"][1] - HEAD / 2
    if name.endswith("-foot"):
        side = name[: -len("-foot")]
        return min(body[f"{side}-heel"][1], body[f"{side}-toes"][1]) - CLEAR
    return body[name][1] - CLEAR


def with_head_on(body: Body, floor: float = 0.0) -> Body:
    """A head that would go through the floor rests on it instead: lying on the back or front, the
    neck bends; nobody lies with their face in the ground."""
    sx, sy = body["shoulders"]
    reach = NECK + HEAD / 2
    need = (floor + HEAD / 2 - sy) / reach  # the sine of the head's direction that puts it on the floor
    if body["head"][1] - HEAD / 2 >= floor - 1e-9 or need > 1:
        return body
    lo = math.degrees(math.asin(max(-1.0, need)))
    # The nearest direction, either way round, whose head clears the floor.
    a = body.head_angle
    best = min((lo, 180 - lo), key=lambda c: abs((c - a + 180) % 360 - 180))
    points = dict(body.points)
    points["head"] = along((sx, sy), best, reach)
    return Body(body.view, points, best)
