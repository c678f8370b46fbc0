"""An exercise as the products show it: plain data, filled from the validated library at the boundary."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.doselang import Dose
from cardgen.figure.model import Figure


@dataclass(frozen=True)
class Muscles:
    """The muscles an exercise works: the main ones, and those that help."""

    primary: tuple[str, ...]
    secondary: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variant:
    """An alternative: another exercise of the library (`exercise` is its id), or a described change."""

    exercise: str | None = None
    name: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Exercise:
    """An exercise as the products print it."""

    name: str
    muscles: Muscles
    purpose: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]  # the form-cue checklist, most important first
    dose: Dose  # the exercise's default dose, as written
    rest: int  # seconds between sets: the exercise's own, or its kind's default
    kind: str = "strength"  # power | heavy | eccentric | strength | stability
    counted: str = "reps"  # reps | seconds | steps
    per_side: bool = False
    equipment: tuple[str, ...] = ()
    setup: str = ""
    key_cues: int = 2  # how many of the first cues go on cards and week checklists
    mistakes: tuple[str, ...] = ()
    easier: tuple[Variant, ...] = ()
    harder: tuple[Variant, ...] = ()
    no_equipment: tuple[Variant, ...] = ()
    image: str | None = None  # a path ready to open, or None
    video: str | None = None  # the exercise's own demonstration address (https), or None
    figure: Figure | None = None  # the pictogram's two poses, or None
