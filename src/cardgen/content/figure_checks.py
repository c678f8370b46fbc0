"""What an exercise's figure says beyond its schema, and the figure it draws: the checks that need
the whole figure (an angle's range depends on the view; an item's place depends on the item).

Without pydantic, so that a build reads figures through content/model.py without importing it; the
schema (content/figure.py) re-exports these for those who read it there. They read only attributes,
so they take the plain models of content/model.py and the schema's alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cardgen.content.messages import suggest
from cardgen.figure import model
from cardgen.figure.place import misplaced

if TYPE_CHECKING:
    from cardgen.content.model import FigureSpec, LimbsSpec, PoseSpec

Path = tuple[str | int, ...]


def figure_problems(spec: FigureSpec) -> list[tuple[Path, str]]:
    """What the schema cannot see alone: each angle against its view's range, each item's place."""
    out: list[tuple[Path, str]] = []
    ranges = model.RANGES[spec.view]
    for which in ("start", "end"):
        pose: PoseSpec = getattr(spec, which)
        lo, hi = model.TRUNK_RANGE
        if not lo <= pose.trunk <= hi:
            out.append(((which, "trunk"), f"expected an angle from {lo} to {hi} (90 upright, 180 lying face up), found {pose.trunk:g}"))
        lo, hi = model.NECK_RANGE
        if not lo <= pose.neck <= hi:
            out.append(((which, "neck"), f"expected an angle from {lo} to {hi} (0 the head in line with the trunk), found {pose.neck:g}"))
        for side in model.SIDES:
            limbs = getattr(pose, side)
            if limbs is None:
                continue
            for joint in model.JOINTS:
                lo, hi = ranges[joint]
                value = getattr(limbs, joint)
                if not lo <= value <= hi:
                    meaning = model.MEANING[spec.view][joint]
                    out.append(((which, side, joint), f"expected an angle from {lo} to {hi} in the {spec.view} view ({meaning}), found {value:g}"))
    for i, item in enumerate(spec.equipment):
        how, where = model.ITEMS[item.item]
        given = {key: getattr(item, key) for key in (model.UNDER, model.AT, model.BEHIND) if getattr(item, key) is not None}
        wrong = [key for key in given if key != how]
        for key in wrong:
            said = f"a {item.item} is placed with '{how}'" if how else f"a {item.item} lies under the whole body and takes no '{key}'"
            out.append((("equipment", i, key), said))
        if how is not None and how not in given and not wrong:
            out.append((("equipment", i), f"a {item.item} needs '{how}': {_choices(where)}"))
        value = given.get(how) if how else None
        if how is not None and value is not None and value not in where:
            out.append((("equipment", i, how), f"a {item.item} goes {how} {_choices(where)}, found {value!r}{suggest(value, where)}"))
    return out


def _choices(names: tuple[str, ...]) -> str:
    if len(names) > 6:
        return "a point of the body, like right-foot or shoulders"
    return " or ".join(", ".join(names).rsplit(", ", 1)) if len(names) > 1 else names[0]


def to_figure(spec: FigureSpec) -> model.Figure:
    def pose(p: PoseSpec) -> model.Pose:
        right = _limbs(p.right)
        return model.Pose(p.trunk, right, right if p.left is None else _limbs(p.left), p.neck, tuple(p.contact))

    items = tuple(model.Item(i.item, i.under, i.at, i.behind, i.pose) for i in spec.equipment)
    return model.Figure(pose(spec.start), pose(spec.end), spec.view, spec.working, spec.moves, items)


def _limbs(limbs: LimbsSpec) -> model.Limbs:
    return model.Limbs(limbs.hip, limbs.knee, limbs.ankle, limbs.shoulder, limbs.elbow)


def figure_warnings(spec: FigureSpec) -> list[str]:
    """Where a valid figure does not rest as written (a foot in the air, a knee through the floor): it
    still prints, drawn where the lowest contact puts it."""
    return misplaced(to_figure(spec))
