"""The `figure:` of an exercise file: its schema, and the checks that need the whole figure (an
angle's range depends on the view; an item's place depends on the item).

docs/content-format.md ("Figures") is what coaches read; cardgen.figure has the meaning of each number.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from cardgen.content.messages import suggest
from cardgen.figure import model
from cardgen.figure.place import misplaced


def _known(kind: str, names: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in names:
            # The list only when there is no likely one: a typo's message stays one short line.
            hint = suggest(value, names) or f"; {kind}s: {', '.join(names)}"
            raise ValueError(f"unknown {kind} {value!r}{hint}")
        return value

    return AfterValidator(check)


PointName = Annotated[str, _known("point", model.POINTS)]
ItemName = Annotated[str, _known("item", tuple(model.ITEMS))]
Angle = float  # its range depends on the view: checked in figure_problems


def _same_or_joints(value: object) -> object:
    # `left: same` copies the right side; anything else must be the five joints.
    if isinstance(value, str):
        if value.strip() == "same":
            return None
        hint = suggest(value.strip(), ["same"])
        raise ValueError(f"expected 'same' or the five joints ({', '.join(model.JOINTS)}), found {value!r}{hint}")
    if value is None:
        raise ValueError(f"expected 'same' or the five joints ({', '.join(model.JOINTS)}), found nothing")
    return value


class Strict(BaseModel):
    # As the rest of the schema (content/schema.py): unknown keys are errors, "90" is not a number.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class LimbsSpec(Strict):
    hip: Angle
    knee: Angle
    ankle: Angle
    shoulder: Angle
    elbow: Angle


class PoseSpec(Strict):
    trunk: Angle
    neck: Angle = 0
    right: LimbsSpec
    left: Annotated[LimbsSpec | None, BeforeValidator(_same_or_joints)]  # None: `same`
    contact: Annotated[list[PointName], Field(max_length=8)] = []


class ItemSpec(Strict):
    item: ItemName
    under: str | None = None
    at: str | None = None
    behind: str | None = None
    pose: Literal["start", "end"] | None = None  # only in that pose; default both


class FigureSpec(Strict):
    view: Literal["side", "front"] = "side"
    working: Literal["right", "left", "both"] = "both"
    moves: PointName | None = None
    equipment: Annotated[list[ItemSpec], Field(max_length=6)] = []
    start: PoseSpec
    end: PoseSpec


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
