"""The two content formats, as strict schemas. docs/content-format.md describes them for coaches."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from cardgen.plan.dose import Dose, format_weeks, parse_dose, parse_weeks

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A note sits in a table cell or under a heading; a paragraph of it would not fit on a page.
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=240)]
DoseText = Annotated[Dose, BeforeValidator(parse_dose)]
Weeks = Annotated[tuple[int, ...], BeforeValidator(parse_weeks)]


class Strict(BaseModel):
    # Unknown keys are errors: a typo such as "cue:" must not silently drop the cues.
    # Strict: "yes" is not true and "4" is not a number; YAML already gives real types.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Muscles(Strict):
    primary: list[Text] = Field(min_length=1)
    secondary: list[Text] = []


class Variant(Strict):
    """An alternative: another exercise of the library, or a described change."""

    exercise: str | None = None
    name: Text | None = None
    note: Note = ""

    @model_validator(mode="after")
    def _one_of(self) -> "Variant":
        if (self.exercise is None) == (self.name is None):
            raise ValueError("give either 'exercise' (an exercise id) or 'name' (a described variant)")
        return self


class Exercise(Strict):
    name: Text
    muscles: Muscles
    equipment: list[Text] = []
    counted: Literal["reps", "seconds", "steps"] = "reps"
    per_side: bool = False
    purpose: Text
    setup: str = ""
    steps: list[Text] = Field(min_length=1)
    cues: list[Text] = Field(min_length=3, max_length=8)  # 3-6 is the aim; 8 still lays out
    key_cues: int = Field(default=2, ge=1, le=3)
    mistakes: list[Text] = []
    easier: list[Variant] = []
    harder: list[Variant] = []
    no_equipment: list[Variant] = []
    dose: DoseText
    image: str | None = None


class Ramp(Strict):
    """A dose that moves from one value to another across a range of weeks."""

    from_: DoseText = Field(alias="from")
    to: DoseText
    over: Weeks

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @field_validator("over")
    @classmethod
    def _consecutive(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if value != tuple(range(value[0], value[-1] + 1)):
            raise ValueError(f"a ramp runs over consecutive weeks like '1-6', found weeks {format_weeks(value)}")
        return value


class DoseSpec(Strict):
    """How one exercise's dose changes week by week: a fixed dose, a ramp, explicit weeks."""

    fixed: DoseText | None = None  # what a plain dose string means; not written as a field
    ramp: Ramp | None = None
    by_week: dict[Annotated[int, Field(ge=1)], DoseText] = {}

    @model_validator(mode="after")
    def _something(self) -> "DoseSpec":
        if self.fixed is None and self.ramp is None and not self.by_week:
            raise ValueError("give 'ramp', 'by_week' or both")
        return self


def _dose_spec(value: object) -> object:
    # A plain string is the common case: a fixed dose for every week.
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return {"fixed": value}
    if isinstance(value, dict) and value and not {"ramp", "by_week"} & set(value):
        return {"ramp": value}  # {from, to, over}, typos included, so they are named as ramp fields
    return value


Progression = Annotated[DoseSpec, BeforeValidator(_dose_spec)]


class Item(Strict):
    """One exercise in a session."""

    exercise: str
    dose: Progression | None = None
    weeks: Weeks | None = None
    note: Note = ""


class Session(Strict):
    focus: Text
    exercises: list[Item] = Field(min_length=1)


class Phase(Strict):
    """Weeks that differ from the build: a deload or a taper."""

    weeks: Weeks
    name: Text
    kind: Literal["build", "deload", "taper"] = "build"
    sets: int | None = Field(default=None, ge=1)
    like_week: int | None = Field(default=None, ge=1)
    note: Note = ""


class PlanTemplate(Strict):
    title: Text
    subtitle: str = ""
    about: str = ""
    weeks: int = Field(ge=1, le=52)
    minutes: int | None = Field(default=None, ge=1)
    rest: int = Field(default=30, ge=0)
    race_week: int | None = Field(default=None, ge=1)
    progression: dict[Literal["reps", "seconds", "steps"], Progression] = {}
    phases: list[Phase] = []
    sessions: dict[str, Session] = Field(min_length=1)

    @field_validator("sessions")
    @classmethod
    def _session_keys(cls, value: dict[str, Session]) -> dict[str, Session]:
        for key in value:
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ]{0,11}", key):
                raise ValueError(f"session names are short labels like 'A' or 'Day 1', found {key!r}")
        return value
