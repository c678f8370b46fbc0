"""The two content formats, as strict schemas. docs/content-format.md describes them for coaches."""

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

from cardgen.content.figure import FigureSpec
from cardgen.content.urls import video_url
from cardgen.doselang import MAX_SETS, MAX_WEEKS, Dose, format_weeks, parse_dose, parse_weeks

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# -- Limits -------------------------------------------------------------------------------------
# What every product is laid out for, on both papers and every card size (docs/content-format.md,
# "Limits"; tests/stress/matrix.py finds where each product breaks). Content past them is refused
# here, with the limit and what to do, so that nothing beyond them reaches the layout.
MAX_EXERCISES = 10  # per session: the session table and a pocket card's front
MAX_PER_WEEK = 7  # sessions a week, each repeat of per_week counted
MAX_STEPS = 10
MAX_MISTAKES = 8
MAX_ALTERNATIVES = 5  # in each of easier, harder, no_equipment
MAX_MUSCLES = 10


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
Note = Annotated[str, _OPTIONAL, _chars(240, "a note", "keep it to a sentence or two")]
Name = Annotated[str, _REQUIRED, _chars(80, "a name", "keep the full name for the purpose or the steps")]
Line = Annotated[str, _REQUIRED, _chars(60, "an entry", "shorten it")]
Purpose = Annotated[str, _REQUIRED, _chars(300, "the purpose", "say what the exercise is for in one or two sentences")]
Setup = Annotated[str, _OPTIONAL, _chars(600, "the setup", "move the rest into the steps")]
Step = Annotated[str, _REQUIRED, _chars(300, "a step", "split it into two steps")]
Cue = Annotated[str, _REQUIRED, _chars(100, "a form cue", "a cue is a short check, like 'Knee over the second toe'")]
Mistake = Annotated[str, _REQUIRED, _chars(300, "a mistake", "say it in a sentence or two")]
Focus = Annotated[str, _REQUIRED, _chars(80, "a session's focus", "say it in a few words, like 'Glutes and hips'")]
PhaseName = Annotated[str, _REQUIRED, _chars(40, "a phase name", "name it in a word or two, like 'Deload'")]
Title = Annotated[str, _REQUIRED, _chars(100, "the title", "move the rest into the subtitle")]
Subtitle = Annotated[str, _OPTIONAL, _chars(120, "the subtitle", "move the rest into 'about'")]
About = Annotated[str, _OPTIONAL, _chars(1500, "'about'", "it is a short paragraph for the how-to page")]
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
    equipment: Annotated[list[Line], _items(8, "equipment has", "entries", "list what the exercise cannot be done without")] = []
    kind: Kind = "strength"
    counted: Literal["reps", "seconds", "steps"] = "reps"
    per_side: bool = False
    purpose: Purpose
    setup: Setup = ""
    steps: Annotated[list[Step], Field(min_length=1), _items(MAX_STEPS, "an exercise has", "steps", "merge steps, or make it two exercises")]
    # 3-6 is the aim; 8 still lays out. A cue is ticked on a card's back and in the session table.
    cues: list[Cue] = Field(min_length=3, max_length=8)
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
    focus: Focus
    per_week: int = Field(default=1, ge=1, le=3)  # each time gets its own tick box, card and log
    exercises: Annotated[list[Item], Field(min_length=1), _items(MAX_EXERCISES, "a session has", "exercises", "split it into two sessions")]

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
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ]{0,11}", key):
                raise ValueError(f"session names are short labels like 'A' or 'Day 1', found {key!r}")
        return value
