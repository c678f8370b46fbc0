"""The content models as plain frozen dataclasses, and a fast reader for content that is valid.

`schema.py` states the content formats as pydantic models: it is the one judge of what is valid and
says what is wrong, in the words the messages are made from. Importing pydantic and building those
models costs more than a third of a whole build's start-up, and a build almost always reads valid
files, so the library is read here first: `read_exercise` and `read_plan` give the same objects the
schema would, without pydantic, for content they can vouch for. Anything they are not sure of (a
wrong type, a value past a limit, a field they do not know, an unusual spelling the schema also
accepts) makes them decline, with None, and the file goes to the schema, which accepts it or says
why not. They never accept what the schema refuses: tests/test_validation.py checks them against
the schema on the shipped library, the stress content and generated variations.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from cardgen.content.urls import video_url
from cardgen.doselang import MAX_SETS, MAX_WEEKS, Dose, parse_dose, parse_weeks
from cardgen.figure import model as figure
from cardgen.languages import language_code

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# -- Limits -------------------------------------------------------------------------------------
# What every product is laid out for, on both papers and every card size (docs/content-format.md,
# "Limits"; tests/stress/matrix.py finds where each product breaks). Content past them is refused
# by the schema, with the limit and what to do, so that nothing beyond them reaches the layout.
MAX_EXERCISES = 10  # per session: the session table and a pocket card's front
MAX_PER_WEEK = 7  # sessions a week, each repeat of per_week counted
MAX_STEPS = 10
MAX_MISTAKES = 8
MAX_ALTERNATIVES = 5  # in each of easier, harder, no_equipment
MAX_MUSCLES = 10
MAX_EQUIPMENT = 8
MIN_CUES, MAX_CUES = 3, 8  # 3-6 is the aim; 8 still lays out. A cue is ticked on a card's back and in the session table.
SESSION_KEY = r"[A-Za-z0-9][A-Za-z0-9 ]{0,11}"
# The most characters of each kind of text (schema.py says what to do about more).
LONGEST = {
    "note": 240, "name": 80, "line": 60, "purpose": 300, "setup": 600, "step": 300, "cue": 100, "mistake": 300,
    "focus": 80, "phase": 40, "title": 100, "subtitle": 120, "about": 1500,
}
MAX_REST = 600  # seconds between sets: 10 minutes is far beyond any strength programme, so more is a typo

# What an exercise demands of the body, which decides how long to rest between its sets.
Kind = Literal["power", "heavy", "eccentric", "strength", "stability"]
KINDS: tuple[str, ...] = ("power", "heavy", "eccentric", "strength", "stability")
COUNTED: tuple[str, ...] = ("reps", "seconds", "steps")
PHASE_KINDS: tuple[str, ...] = ("build", "deload", "taper")

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


@dataclass(frozen=True)
class Muscles:
    """The muscles an exercise works: the main ones, and those that help."""

    primary: list[str]
    secondary: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Variant:
    """An alternative: another exercise of the library, or a described change."""

    exercise: str | None = None
    name: str | None = None
    note: str = ""


@dataclass(frozen=True)
class LimbsSpec:
    """One side's joint angles as written in a figure."""

    hip: float
    knee: float
    ankle: float
    shoulder: float
    elbow: float


@dataclass(frozen=True)
class PoseSpec:
    """One of a figure's two poses as written."""

    trunk: float
    right: LimbsSpec
    left: LimbsSpec | None  # None: `same` as the right
    neck: float = 0
    contact: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ItemSpec:
    """A piece of equipment in a figure, and where it is placed."""

    item: str
    under: str | None = None
    at: str | None = None
    behind: str | None = None
    pose: str | None = None  # only in that pose; default both


@dataclass(frozen=True)
class FigureSpec:
    """An exercise's figure as written: its start and end poses and equipment."""

    start: PoseSpec
    end: PoseSpec
    view: str = "side"
    working: str = "both"
    moves: str | None = None
    equipment: list[ItemSpec] = field(default_factory=list)


@dataclass(frozen=True)
class Exercise:
    """An exercise file, read and checked."""

    name: str
    muscles: Muscles
    purpose: str
    steps: list[str]
    cues: list[str]
    dose: Dose
    equipment: list[str] = field(default_factory=list)
    kind: str = "strength"
    counted: str = "reps"
    per_side: bool = False
    setup: str = ""
    key_cues: int = 2
    mistakes: list[str] = field(default_factory=list)
    easier: list[Variant] = field(default_factory=list)
    harder: list[Variant] = field(default_factory=list)
    no_equipment: list[Variant] = field(default_factory=list)
    rest: int | None = None  # seconds between sets; default: the kind's (KIND_REST)
    image: str | None = None
    video: str | None = None  # a demonstration's https address: a QR code on its page and card backs
    figure: FigureSpec | None = None  # the pictogram: start and end poses (content/figure.py)

    @property
    def rest_seconds(self) -> int:
        """The rest between sets this exercise asks for: its own, else its kind's default."""
        return KIND_REST[self.kind] if self.rest is None else self.rest


@dataclass(frozen=True)
class Ramp:
    """A dose that moves from one value to another across a range of weeks."""

    from_: Dose
    to: Dose
    over: tuple[int, ...]


@dataclass(frozen=True)
class DoseSpec:
    """How one exercise's dose changes week by week: a fixed dose, a ramp, explicit weeks."""

    fixed: Dose | None = None  # what a plain dose string means; not written as a field
    ramp: Ramp | None = None
    by_week: dict[int, Dose] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    """One exercise in a session."""

    exercise: str
    dose: DoseSpec | None = None
    weeks: tuple[int, ...] | None = None
    note: str = ""


@dataclass(frozen=True)
class Session:
    """A session of a plan file: its focus, exercises, and how often a week it is done."""

    focus: str
    exercises: list[Item]
    per_week: int = 1  # each time gets its own tick box, card and log

    def labels(self, key: str) -> tuple[str, ...]:
        """What each time the session is done in a week is called: A; or A1, A2; Lower 1; Day 1 (2)."""
        if self.per_week == 1:
            return (key,)
        if key[-1].isdigit():
            return tuple(f"{key} ({n})" for n in range(1, self.per_week + 1))
        gap = "" if len(key) == 1 else " "
        return tuple(f"{key}{gap}{n}" for n in range(1, self.per_week + 1))


@dataclass(frozen=True)
class Phase:
    """Weeks that differ from the build: a deload or a taper."""

    weeks: tuple[int, ...]
    name: str
    kind: str = "build"
    sets: int | None = None
    like_week: int | None = None
    note: str = ""


@dataclass(frozen=True)
class PlanTemplate:
    """A plan file, read and checked: weeks, sessions, progression and phases."""

    title: str
    weeks: int
    sessions: dict[str, Session]
    subtitle: str = ""
    about: str = ""
    minutes: int | None = None
    # Overrides the rest of every exercise of that kind in this plan (see docs/content-format.md).
    rest: dict[str, int] = field(default_factory=dict)
    race_week: int | None = None
    progression: dict[str, DoseSpec] = field(default_factory=dict)
    phases: list[Phase] = field(default_factory=list)
    language: str | None = None  # what the plan is written in, for hyphenation (cardgen.languages)


# -- the fast reader -----------------------------------------------------------------------------
# Each check below mirrors one constraint of schema.py; where the schema would say something, the
# reader only declines. It is strict in the schema's way: "yes" is not true, "4" is not a number.


class _Decline(Exception):
    """Not sure: let the schema read this file."""


T = TypeVar("T")


def read_exercise(data: object) -> Exercise | None:
    """The exercise `data` describes, as the schema would read it; None when only the schema can say."""
    try:
        return _exercise(data)
    except _Decline:
        return None


def read_plan(data: object) -> PlanTemplate | None:
    """The plan template `data` describes, as the schema would read it; None when only the schema can say."""
    try:
        return _plan(data)
    except _Decline:
        return None


_KEYS: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[frozenset[str], frozenset[str]]] = {}


def _fields(data: object, required: tuple[str, ...], optional: tuple[str, ...]) -> dict:
    keys = _KEYS.get((required, optional))
    if keys is None:  # once per kind of mapping: its required fields, and all it may have
        keys = _KEYS[required, optional] = (frozenset(required), frozenset(required) | frozenset(optional))
    if type(data) is not dict or not data.keys() <= keys[1] or not data.keys() >= keys[0]:
        raise _Decline
    return data


def _text(value: object, kind: str, required: bool = True) -> str:
    if type(value) is not str:
        raise _Decline
    # The schema strips Unicode white space its own (Rust) way; an edge Python's strip() would also
    # take but that is not ASCII white space is left to it.
    text = value.strip(" \t\n\r")
    if (text and (text[0].isspace() or text[-1].isspace())) or (required and not text) or len(text) > LONGEST[kind]:
        raise _Decline
    return text


def _plain_str(value: object) -> str:
    if type(value) is not str:
        raise _Decline
    return value


def _int(value: object, low: int | None = None, high: int | None = None) -> int:
    if type(value) is not int or (low is not None and value < low) or (high is not None and value > high):
        raise _Decline
    return value


def _one_of(value: object, choices: tuple[str, ...]) -> str:
    if type(value) is not str or value not in choices:
        raise _Decline
    return value


def _list(value: object, item: Callable[[object], T], low: int = 0, high: int | None = None) -> list[T]:
    if type(value) is not list or len(value) < low or (high is not None and len(value) > high):
        raise _Decline
    return [item(v) for v in value]


def _optional(value: object, read: Callable[[object], T]) -> T | None:
    return None if value is None else read(value)


def _dose(value: object) -> Dose:
    try:
        dose = parse_dose(value)  # the schema hands it whatever was written, as here
    except Exception:
        raise _Decline from None
    if type(dose) is not Dose:
        raise _Decline
    return dose


def _weeks(value: object) -> tuple[int, ...]:
    try:
        weeks = parse_weeks(value)
    except Exception:
        raise _Decline from None
    if type(weeks) is not tuple or not all(type(w) is int for w in weeks):
        raise _Decline
    return weeks


def _variant(data: object) -> Variant:
    d = _fields(data, (), ("exercise", "name", "note"))
    exercise = _optional(d.get("exercise"), _plain_str)
    name = _optional(d.get("name"), lambda v: _text(v, "name"))
    if (exercise is None) == (name is None):
        raise _Decline
    return Variant(exercise, name, _text(d.get("note", ""), "note", required=False))


_EXERCISE_REQUIRED = ("name", "muscles", "purpose", "steps", "cues", "dose")
_EXERCISE_OPTIONAL = (
    "equipment", "kind", "counted", "per_side", "setup", "key_cues", "mistakes", "easier", "harder", "no_equipment",
    "rest", "image", "video", "figure",
)


def _exercise(data: object) -> Exercise:
    d = _fields(data, _EXERCISE_REQUIRED, _EXERCISE_OPTIONAL)
    m = _fields(d["muscles"], ("primary",), ("secondary",))
    line = lambda v: _text(v, "line")  # noqa: E731
    per_side = d.get("per_side", False)
    if type(per_side) is not bool:
        raise _Decline
    video = _optional(d.get("video"), _plain_str)
    if video is not None:
        try:
            video = video_url(video.strip())
        except ValueError:
            raise _Decline from None
    return Exercise(
        name=_text(d["name"], "name"),
        muscles=Muscles(_list(m["primary"], line, 1, MAX_MUSCLES), _list(m.get("secondary", []), line, 0, MAX_MUSCLES)),
        purpose=_text(d["purpose"], "purpose"),
        steps=_list(d["steps"], lambda v: _text(v, "step"), 1, MAX_STEPS),
        cues=_list(d["cues"], lambda v: _text(v, "cue"), MIN_CUES, MAX_CUES),
        dose=_dose(d["dose"]),
        equipment=_list(d.get("equipment", []), line, 0, MAX_EQUIPMENT),
        kind=_one_of(d.get("kind", "strength"), KINDS),
        counted=_one_of(d.get("counted", "reps"), COUNTED),
        per_side=per_side,
        setup=_text(d.get("setup", ""), "setup", required=False),
        key_cues=_int(d.get("key_cues", 2), 1, 3),
        mistakes=_list(d.get("mistakes", []), lambda v: _text(v, "mistake"), 0, MAX_MISTAKES),
        easier=_list(d.get("easier", []), _variant, 0, MAX_ALTERNATIVES),
        harder=_list(d.get("harder", []), _variant, 0, MAX_ALTERNATIVES),
        no_equipment=_list(d.get("no_equipment", []), _variant, 0, MAX_ALTERNATIVES),
        rest=_optional(d.get("rest"), lambda v: _int(v, 0, MAX_REST)),
        image=_optional(d.get("image"), _plain_str),
        video=video,
        figure=_optional(d.get("figure"), _figure),
    )


# As content/figure.py: angles are numbers (a whole number is read as a float), checked against their
# view's range by figure_checks.py; points and items are names the figure knows.
MAX_CONTACTS, MAX_ITEMS = 8, 6


def _angle(value: object) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
        raise _Decline
    return float(value)  # type: ignore[arg-type]


def _point(value: object) -> str:
    if type(value) is not str or value not in figure.POINTS:
        raise _Decline
    return value


def _limbs(data: object) -> LimbsSpec:
    d = _fields(data, figure.JOINTS, ())
    return LimbsSpec(*(_angle(d[joint]) for joint in figure.JOINTS))


def _pose(data: object) -> PoseSpec:
    d = _fields(data, ("trunk", "right", "left"), ("neck", "contact"))
    left = d["left"]
    if isinstance(left, str):
        if left.strip() != "same":
            raise _Decline
        read_left = None
    else:
        read_left = _limbs(left)
    return PoseSpec(
        trunk=_angle(d["trunk"]),
        right=_limbs(d["right"]),
        left=read_left,
        neck=_angle(d["neck"]) if "neck" in d else 0,
        contact=_list(d.get("contact", []), _point, 0, MAX_CONTACTS),
    )


def _figure_item(data: object) -> ItemSpec:
    d = _fields(data, ("item",), ("under", "at", "behind", "pose"))
    if type(d["item"]) is not str or d["item"] not in figure.ITEMS:
        raise _Decline
    return ItemSpec(
        item=d["item"],
        under=_optional(d.get("under"), _plain_str),
        at=_optional(d.get("at"), _plain_str),
        behind=_optional(d.get("behind"), _plain_str),
        pose=_optional(d.get("pose"), lambda v: _one_of(v, ("start", "end"))),
    )


def _figure(data: object) -> FigureSpec:
    d = _fields(data, ("start", "end"), ("view", "working", "moves", "equipment"))
    return FigureSpec(
        start=_pose(d["start"]),
        end=_pose(d["end"]),
        view=_one_of(d.get("view", "side"), ("side", "front")),
        working=_one_of(d.get("working", "both"), ("right", "left", "both")),
        moves=_optional(d.get("moves"), _point),
        equipment=_list(d.get("equipment", []), _figure_item, 0, MAX_ITEMS),
    )


def _dose_spec(value: object) -> DoseSpec:
    # As schema._dose_spec: a plain dose is fixed for every week; a bare mapping is a ramp.
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return DoseSpec(fixed=_dose(value))
    if type(value) is not dict or not value or not {"ramp", "by_week"} & value.keys():
        if type(value) is dict and value and "fixed" not in value:
            return DoseSpec(ramp=_ramp(value))
        raise _Decline
    d = _fields(value, (), ("ramp", "by_week"))
    ramp = _optional(d.get("ramp"), _ramp)
    by_week = d.get("by_week", {})
    if type(by_week) is not dict or not all(type(k) is int and k >= 1 for k in by_week):
        raise _Decline
    spec = DoseSpec(ramp=ramp, by_week={k: _dose(v) for k, v in by_week.items()})
    if spec.ramp is None and not spec.by_week:
        raise _Decline
    return spec


def _ramp(data: object) -> Ramp:
    d = _fields(data, ("from", "to", "over"), ())
    over = _weeks(d["over"])
    if not over or over != tuple(range(over[0], over[-1] + 1)):
        raise _Decline
    return Ramp(_dose(d["from"]), _dose(d["to"]), over)


def _item(data: object) -> Item:
    d = _fields(data, ("exercise",), ("dose", "weeks", "note"))
    return Item(
        exercise=_plain_str(d["exercise"]),
        dose=_optional(d.get("dose"), _dose_spec),
        weeks=_optional(d.get("weeks"), _weeks),
        note=_text(d.get("note", ""), "note", required=False),
    )


def _session(data: object) -> Session:
    d = _fields(data, ("focus", "exercises"), ("per_week",))
    return Session(
        focus=_text(d["focus"], "focus"),
        exercises=_list(d["exercises"], _item, 1, MAX_EXERCISES),
        per_week=_int(d.get("per_week", 1), 1, 3),
    )


def _phase(data: object) -> Phase:
    d = _fields(data, ("weeks", "name"), ("kind", "sets", "like_week", "note"))
    return Phase(
        weeks=_weeks(d["weeks"]),
        name=_text(d["name"], "phase"),
        kind=_one_of(d.get("kind", "build"), PHASE_KINDS),
        sets=_optional(d.get("sets"), lambda v: _int(v, 1, MAX_SETS)),
        like_week=_optional(d.get("like_week"), lambda v: _int(v, 1)),
        note=_text(d.get("note", ""), "note", required=False),
    )


_PLAN_OPTIONAL = ("subtitle", "about", "minutes", "rest", "race_week", "progression", "phases", "language")


def _plan(data: object) -> PlanTemplate:
    d = _fields(data, ("title", "weeks", "sessions"), _PLAN_OPTIONAL)
    sessions = d["sessions"]
    if type(sessions) is not dict or not sessions or not all(type(k) is str and re.fullmatch(SESSION_KEY, k) for k in sessions):
        raise _Decline
    read = {key: _session(s) for key, s in sessions.items()}
    if sum(s.per_week for s in read.values()) > MAX_PER_WEEK:
        raise _Decline
    rest = d.get("rest", {})
    if type(rest) is not dict:
        raise _Decline
    progression = d.get("progression", {})
    if type(progression) is not dict:
        raise _Decline
    return PlanTemplate(
        title=_text(d["title"], "title"),
        weeks=_int(d["weeks"], 1, MAX_WEEKS),
        sessions=read,
        subtitle=_text(d.get("subtitle", ""), "subtitle", required=False),
        about=_text(d.get("about", ""), "about", required=False),
        minutes=_optional(d.get("minutes"), lambda v: _int(v, 1)),
        rest={_one_of(k, KINDS): _int(v, 0, MAX_REST) for k, v in rest.items()},
        race_week=_optional(d.get("race_week"), lambda v: _int(v, 1)),
        progression={_one_of(k, COUNTED): _dose_spec(v) for k, v in progression.items()},
        phases=_list(d.get("phases", []), _phase),
        language=_optional(d.get("language"), _language),
    )


def _language(value: object) -> str:
    try:
        return language_code(value)
    except ValueError:
        raise _Decline from None
