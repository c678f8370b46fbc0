"""The fridge poster's type scale, as data: a base for A4 and Letter and an overlay for A3 and tabloid.

A poster is read from 1–1.5 m, where cap height should be about 0.5 % of the distance (print guide):
cap height in mm ≈ 0.25 × size in pt, so week labels and doses never go under 28 pt on a small sheet
(7 mm caps) and 36 pt on a big one. The fitter shrinks every role from its size toward its floor in
steps of one scale; nothing on the poster is ever under 12 pt.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

FLOOR = 12.0  # the least size of anything on a poster


@dataclass(frozen=True)
class Role:
    """A poster text role's size and the least it may shrink to."""

    size: float  # at scale 1 on an A4 sheet
    floor: float  # the least it may shrink to


@dataclass(frozen=True)
class Scale:
    """One size (and its floor) per role on the poster."""

    title: Role
    subtitle: Role
    info: Role  # the athlete's name and the race day
    key: Role  # a session's letter above its column
    focus: Role  # a session's focus under its letter
    week: Role  # "Week 3"
    note: Role  # a week's dates and phase, under its label
    dose: Role  # a session's dose in its cell
    caption: Role  # the exercise a cell's dose belongs to, when a session has no single dose
    ex_head: Role  # "A · Glutes & hips" over an exercise list
    ex_name: Role
    ex_note: Role  # "weeks 4–8"

    def overlay(self, **roles: Role) -> Scale:
        return Scale(**{f.name: roles.get(f.name, getattr(self, f.name)) for f in fields(self)})


BASE = Scale(
    title=Role(48, 36),
    subtitle=Role(22, 14),
    info=Role(20, 14),
    key=Role(30, 20),
    focus=Role(15, 12),
    week=Role(34, 28),
    note=Role(14, 12),
    dose=Role(34, 28),
    caption=Role(15, 12),
    ex_head=Role(20, 15),
    ex_name=Role(17, 14),
    ex_note=Role(13, 12),
)

# A3 and tabloid hang further away and have the room: the readable roles keep bigger floors.
LARGE = BASE.overlay(
    title=Role(48, 44),
    subtitle=Role(22, 20),
    info=Role(20, 20),
    week=Role(34, 36),
    dose=Role(34, 36),
    key=Role(30, 26),
    note=Role(14, 15),
    caption=Role(15, 16),
    ex_head=Role(20, 20),
    ex_name=Role(17, 17),
)


@dataclass(frozen=True)
class Sizes:
    """The scale at one step of the fitter: a size in points per role."""

    title: float
    subtitle: float
    info: float
    key: float
    focus: float
    week: float
    note: float
    dose: float
    caption: float
    ex_head: float
    ex_name: float
    ex_note: float

    @classmethod
    def at(cls, scale: Scale, factor: float) -> Sizes:
        # Rounded to a quarter point so that the sizes, and so the bytes, do not depend on float noise.
        out = {}
        for f in fields(scale):
            role: Role = getattr(scale, f.name)
            out[f.name] = max(FLOOR, role.floor, round(role.size * factor * 4) / 4)
        return cls(**out)

    def at_floor(self, scale: Scale) -> bool:
        return all(getattr(self, f.name) <= max(FLOOR, getattr(scale, f.name).floor) for f in fields(self))


def scale_for(big_sheet: bool) -> Scale:
    return LARGE if big_sheet else BASE
