"""The `figure:` of an exercise file: its schema, and the checks that need the whole figure (an
angle's range depends on the view; an item's place depends on the item).

docs/content-format.md ("Figures") is what coaches read; cardgen.figure has the meaning of each number.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from cardgen.content.messages import suggest
from cardgen.figure import model


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


# The checks and the conversion live in figure_checks.py, without pydantic (a build reads figures
# through content/model.py); here too for those who read the schema.
from cardgen.content.figure_checks import figure_problems, figure_warnings, to_figure  # noqa: E402, F401
