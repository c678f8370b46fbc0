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

from cardgen.doselang import MAX_WEEKS, Dose, format_weeks, parse_dose, parse_weeks

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A note sits in a table cell or under a heading; a paragraph of it would not fit on a page.
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=240)]
DoseText = Annotated[Dose, BeforeValidator(parse_dose)]
Weeks = Annotated[tuple[int, ...], BeforeValidator(parse_weeks)]
# Rest between sets in seconds: 10 minutes is far beyond any strength programme, so more is a typo.
Seconds = Annotated[int, Field(ge=0, le=600)]

# What an exercise demands of the body, which decides how long to rest between its sets.
Kind = Literal["power", "heavy", "eccentric", "strength", "stability"]
KINDS: tuple[str, ...] = ("power", "heavy", "eccentric", "strength", "stability")

# Default rest between sets by kind, in seconds (an exercise's `rest:` overrides it). Why these:
# - power 90 s: jumps, hops and swings are only worth doing fresh; a set lasts a few seconds, and
#   plyometric guidance rests 1:5 to 1:10 work to rest, i.e. 60-120 s for short sets.
# - heavy 150 s: loaded lifts at 6 reps or fewer need 2-3 min (NSCA: 2-5 min for strength) for the
#   next set to be as good; 150 s is the low end a busy runner will actually wait.
# - eccentric 120 s: Nordic curls and slow lowering damage the muscle most per rep; full rest keeps
#   every rep slow and controlled rather than a fall.
# - strength 60 s: moderate reps (8-15) at bodyweight or light load; 60 s keeps form from slipping
#   while the session stays about 30 minutes.
# - stability 30 s: trunk, isometric and activation work is low-load; the seeds rest 30 s.
KIND_REST: dict[str, int] = {"power": 90, "heavy": 150, "eccentric": 120, "strength": 60, "stability": 30}


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
    def _one_of(self) -> Variant:
        if (self.exercise is None) == (self.name is None):
            raise ValueError("give either 'exercise' (an exercise id) or 'name' (a described variant)")
        return self


class Exercise(Strict):
    name: Text
    muscles: Muscles
    equipment: list[Text] = []
    kind: Kind = "strength"
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
    rest: Seconds | None = None  # seconds between sets; default: the kind's (KIND_REST)
    image: str | None = None

    @property
    def rest_seconds(self) -> int:
        """The rest between sets this exercise asks for: its own, else its kind's default."""
        return KIND_REST[self.kind] if self.rest is None else self.rest


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
    def _something(self) -> DoseSpec:
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
    per_week: int = Field(default=1, ge=1, le=3)  # each time gets its own tick box, card and log
    exercises: list[Item] = Field(min_length=1)

    def labels(self, key: str) -> tuple[str, ...]:
        """What each time the session is done in a week is called: A; or A1, A2; Lower 1; Day 1 (2)."""
        if self.per_week == 1:
            return (key,)
        if key[-1].isdigit():
            return tuple(f"{key} ({n})" for n in range(1, self.per_week + 1))
        gap = "" if len(key) == 1 else " "
        return tuple(f"{key}{gap}{n}" for n in range(1, self.per_week + 1))


def _rest_by_kind(value: object) -> object:
    # A plan's `rest: 30` used to force 30 s on every exercise, Nordic curls and jumps included.
    # ValueError, not TypeError: pydantic reports only ValueError as a problem with the content.
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(  # noqa: TRY004
            "a plan's rest is given per kind of exercise, like {strength: 45, stability: 20}; "
            "leave it out to use each exercise's own rest"
        )
    return value


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
    weeks: int = Field(ge=1, le=MAX_WEEKS)
    minutes: int | None = Field(default=None, ge=1)
    # Overrides the rest of every exercise of that kind in this plan (see docs/content-format.md).
    rest: Annotated[dict[Kind, Seconds], BeforeValidator(_rest_by_kind)] = {}
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
