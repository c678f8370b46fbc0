"""Which exercises link to a demonstration, and where: their own address, else the coach's template."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cardgen.plan.exercise import Exercise


@dataclass(frozen=True)
class Video:
    """The address of an exercise's demonstration video."""

    url: str
    own: bool  # written on the exercise itself (not made from the coach's template): worth a warning when left off


def videos_for(exercises: Mapping[str, Exercise], template: str | None) -> dict[str, Video]:
    """Exercise id → its video, for the exercises that have one. `template` (checked in coach.yaml)
    has {id} where the id goes."""
    out = {}
    for key, ex in exercises.items():
        if ex.video:
            out[key] = Video(ex.video, own=True)
        elif template:
            out[key] = Video(template.format(id=key), own=False)
    return out
