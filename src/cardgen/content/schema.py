"""The two content formats, as strict schemas. docs/content-format.md describes them for coaches.

The judge of what is valid and the source of every message about it. A build reads its valid
files through the plain models of `model.py` without importing this module (and pydantic); a file
they decline comes here, and `to_plain` turns what the schema accepts into those same models.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from cardgen.content import model
from cardgen.content.figure import FigureSpec
from cardgen.content.model import (  # noqa: F401  (the limits and ids, here too for those who read the schema)
    ID_PATTERN,
    KIND_REST,
    KINDS,
    LONGEST,
    MAX_ALTERNATIVES,
    MAX_CUES,
    MAX_EQUIPMENT,
    MAX_EXERCISES,
    MAX_MISTAKES,
    MAX_MUSCLES,
    MAX_PER_WEEK,
    MAX_REST,
    MAX_STEPS,
    MIN_CUES,
    SESSION_KEY,
    Kind,
)
from cardgen.content.urls import video_url
from cardgen.doselang import MAX_SETS, MAX_WEEKS, Dose, format_weeks, parse_dose, parse_weeks
from cardgen.languages import language_code

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _chars(n: int, what: str, advice: str):
    def check(value: str) -> str:
        if len(value) > n:
            raise ValueError(f"{what} has at most {n} characters, found {len(value)}; {advice}")
        return value

    return AfterValidator(check)


def _items(n: int, what: str, noun: str, advice: str):
    # Before the items are read: a list too long is said even when some of its items are wrong too.
    def check(value: object) -> object:
        if isinstance(value, list) and len(value) > n:
            raise ValueError(f"{what} at most {n} {noun}, found {len(value)}; {advice}")
        return value

    return BeforeValidator(check)


_REQUIRED = StringConstraints(strip_whitespace=True, min_length=1)
_OPTIONAL = StringConstraints(strip_whitespace=True)

# A note sits in a table cell or under a heading; a paragraph of it would not fit on a page.
Note = Annotated[str, _OPTIONAL, _chars(LONGEST["note"], "a note", "keep it to a sentence or two")]
Name = Annotated[str, _REQUIRED, _chars(LONGEST["name"], "a name", "keep the full name for the purpose or the steps")]
Line = Annotated[str, _REQUIRED, _chars(LONGEST["line"], "an entry", "shorten it")]
Purpose = Annotated[str, _REQUIRED, _chars(LONGEST["purpose"], "the purpose", "say what the exercise is for in one or two sentences")]
Setup = Annotated[str, _OPTIONAL, _chars(LONGEST["setup"], "the setup", "move the rest into the steps")]
Step = Annotated[str, _REQUIRED, _chars(LONGEST["step"], "a step", "split it into two steps")]
Cue = Annotated[str, _REQUIRED, _chars(LONGEST["cue"], "a form cue", "a cue is a short check, like 'Knee over the second toe'")]
Mistake = Annotated[str, _REQUIRED, _chars(LONGEST["mistake"], "a mistake", "say it in a sentence or two")]
Focus = Annotated[str, _REQUIRED, _chars(LONGEST["focus"], "a session's focus", "say it in a few words, like 'Glutes and hips'")]
PhaseName = Annotated[str, _REQUIRED, _chars(LONGEST["phase"], "a phase name", "name it in a word or two, like 'Deload'")]
Title = Annotated[str, _REQUIRED, _chars(LONGEST["title"], "the title", "move the rest into the subtitle")]
Subtitle = Annotated[str, _OPTIONAL, _chars(LONGEST["subtitle"], "the subtitle", "move the rest into 'about'")]
About = Annotated[str, _OPTIONAL, _chars(LONGEST["about"], "'about'", "it is a short paragraph for the how-to page")]
DoseText = Annotated[Dose, BeforeValidator(parse_dose)]
Weeks = Annotated[tuple[int, ...], BeforeValidator(parse_weeks)]
# Rest between sets in seconds: 10 minutes is far beyond any strength programme, so more is a typo.
Seconds = Annotated[int, Field(ge=0, le=MAX_REST)]

class Strict(BaseModel):
    # Unknown keys are errors: a typo such as "cue:" must not silently drop the cues.
    # Strict: "yes" is not true and "4" is not a number; YAML already gives real types.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Muscles(Strict):
    primary: Annotated[list[Line], Field(min_length=1), _items(MAX_MUSCLES, "a list of muscles has", "entries", "name the main ones")]
    secondary: Annotated[list[Line], _items(MAX_MUSCLES, "a list of muscles has", "entries", "name the main ones")] = []


class Variant(Strict):
    """An alternative: another exercise of the library, or a described change."""

    exercise: str | None = None
    name: Name | None = None
    note: Note = ""

    @model_validator(mode="after")
    def _one_of(self) -> Variant:
        if (self.exercise is None) == (self.name is None):
            raise ValueError("give either 'exercise' (an exercise id) or 'name' (a described variant)")
        return self


class Exercise(Strict):
    name: Name
    muscles: Muscles
    equipment: Annotated[list[Line], _items(MAX_EQUIPMENT, "equipment has", "entries", "list what the exercise cannot be done without")] = []
    kind: Kind = "strength"
    counted: Literal["reps", "seconds", "steps"] = "reps"
    per_side: bool = False
    purpose: Purpose
    setup: Setup = ""
    steps: Annotated[list[Step], Field(min_length=1), _items(MAX_STEPS, "an exercise has", "steps", "merge steps, or make it two exercises")]
    # 3-6 is the aim; 8 still lays out. A cue is ticked on a card's back and in the session table.
    cues: list[Cue] = Field(min_length=MIN_CUES, max_length=MAX_CUES)
    key_cues: int = Field(default=2, ge=1, le=3)
    mistakes: Annotated[list[Mistake], _items(MAX_MISTAKES, "an exercise lists", "mistakes", "keep the commonest")] = []
    easier: Annotated[list[Variant], _items(MAX_ALTERNATIVES, "easier lists", "alternatives", "keep the best")] = []
    harder: Annotated[list[Variant], _items(MAX_ALTERNATIVES, "harder lists", "alternatives", "keep the best")] = []
    no_equipment: Annotated[list[Variant], _items(MAX_ALTERNATIVES, "no_equipment lists", "alternatives", "keep the best")] = []
    dose: DoseText
    rest: Seconds | None = None  # seconds between sets; default: the kind's (KIND_REST)
    image: str | None = None
    video: str | None = None  # a demonstration's https address: a QR code on its page and card backs
    figure: FigureSpec | None = None  # the pictogram: start and end poses (content/figure.py)

    @field_validator("video")
    @classmethod
    def _video(cls, text: str | None) -> str | None:
        return None if text is None else video_url(text.strip())

    rest_seconds = model.Exercise.rest_seconds


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
    focus: Focus
    per_week: int = Field(default=1, ge=1, le=3)  # each time gets its own tick box, card and log
    exercises: Annotated[list[Item], Field(min_length=1), _items(MAX_EXERCISES, "a session has", "exercises", "split it into two sessions")]

    labels = model.Session.labels


def _rest_by_kind(value: object) -> object:
    # A plan's `rest: 30` used to force 30 s on every exercise, Nordic curls and jumps included.
    # ValueError, not TypeError: pydantic reports only ValueError as a problem with the content.
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(  # noqa: TRY004
            "a plan's rest is given per kind of exercise, like {strength: 45, stability: 20}; "
            "leave it out to use each exercise's own rest"
        )
    return value


def _phase_sets(value: int) -> int:
    if value > MAX_SETS:
        raise ValueError(f"a dose has at most {MAX_SETS} sets, found {value}; for more work, raise the target")
    return value


class Phase(Strict):
    """Weeks that differ from the build: a deload or a taper."""

    weeks: Weeks
    name: PhaseName
    kind: Literal["build", "deload", "taper"] = "build"
    sets: Annotated[int, Field(ge=1), AfterValidator(_phase_sets)] | None = None
    like_week: int | None = Field(default=None, ge=1)
    note: Note = ""


class PlanTemplate(Strict):
    title: Title
    subtitle: Subtitle = ""
    about: About = ""
    # The language the plan and its exercises are written in, for hyphenation; else the coach's, else British English.
    language: Annotated[str, BeforeValidator(language_code)] | None = None
    weeks: int = Field(ge=1, le=MAX_WEEKS)
    minutes: int | None = Field(default=None, ge=1)
    # Overrides the rest of every exercise of that kind in this plan (see docs/content-format.md).
    rest: Annotated[dict[Kind, Seconds], BeforeValidator(_rest_by_kind)] = {}
    race_week: int | None = Field(default=None, ge=1)
    progression: dict[Literal["reps", "seconds", "steps"], Progression] = {}
    phases: list[Phase] = []
    sessions: dict[str, Session] = Field(min_length=1)

    @field_validator("sessions", mode="before")
    @classmethod
    def _sessions_a_week(cls, value: object) -> object:
        # Counted from what was written, so that it is said even when a session has problems of its own.
        if isinstance(value, dict):
            counts = [s.get("per_week", 1) if isinstance(s, dict) else 1 for s in value.values()]
            per_week = sum(n if isinstance(n, int) and 1 <= n <= 3 else 1 for n in counts)
            if per_week > MAX_PER_WEEK:
                raise ValueError(
                    f"a plan has at most {MAX_PER_WEEK} sessions a week (each per_week counted), found {per_week}; "
                    "merge sessions, or make it two plans"
                )
        return value

    @field_validator("sessions")
    @classmethod
    def _session_keys(cls, value: dict[str, Session]) -> dict[str, Session]:
        for key in value:
            if not re.fullmatch(SESSION_KEY, key):
                raise ValueError(f"session names are short labels like 'A' or 'Day 1', found {key!r}")
        return value


def to_plain(value: object) -> object:
    """What the schema accepted, as the plain models of model.py (the objects a build works with); a
    figure stays as the figure schema read it (content/figure.py works with it)."""
    if isinstance(value, BaseModel) and (kind := getattr(model, type(value).__name__, None)) is not None:
        return kind(**{name: to_plain(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value
