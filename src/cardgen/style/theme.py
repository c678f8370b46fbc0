"""The type scale, spacing and ink of every product. Sizes in points."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.units import MM


@dataclass(frozen=True)
class Theme:
    """The colours a product prints in."""

    name: str
    ink: tuple[float, float, float]  # text and rules: 100 % black prints crisp in B/W
    fill: tuple[float, float, float]  # light fills only: header rows, shaded cells
    accent: tuple[float, float, float]  # headings' rules and markers
    accent_fill: tuple[float, float, float]


MONO = Theme("mono", ink=(0, 0, 0), fill=(0.88, 0.88, 0.88), accent=(0, 0, 0), accent_fill=(0.88, 0.88, 0.88))
COLOR = Theme("color", ink=(0, 0, 0), fill=(0.90, 0.93, 0.97), accent=(0.05, 0.33, 0.60), accent_fill=(0.85, 0.91, 0.97))
THEMES = {"mono": MONO, "color": COLOR}


def with_accent(theme: Theme, accent: tuple[float, float, float]) -> Theme:
    """The colour theme in the coach's accent, its fills the accent at a tenth (shaded cells) and
    a seventh (accent fills) of its strength on white: as light as the shipped theme's, so text on
    them stays black on near-white. Mono keeps its black and grey: an accent is ignored."""
    if theme.name != "color":
        return theme
    return Theme(theme.name, theme.ink, _tint(accent, 0.10), accent, _tint(accent, 0.15))


def contrast_on_white(rgb: tuple[float, float, float]) -> float:
    """The WCAG contrast ratio of a colour against white paper (21 for black, 1 for white)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def _tint(rgb: tuple[float, float, float], strength: float) -> tuple[float, float, float]:
    r, g, b = (round(1 - strength * (1 - c), 4) for c in rgb)
    return (r, g, b)


@dataclass(frozen=True)
class Scale:
    """One type scale; products pick their sizes from it so everything stays in proportion."""

    tiny: float = 8.0  # the floor: nothing prints smaller
    small: float = 9.0
    body: float = 10.0
    lead: float = 11.5
    h3: float = 12.0
    h2: float = 15.0
    h1: float = 20.0
    display: float = 30.0


SCALE = Scale()

RULE = 0.5  # grid rules; heavier rules separate sessions
RULE_HEAVY = 1.0
TICK = 4.2 * MM  # tick box side: the print guide asks 4-5 mm
GAP = 2.5 * MM  # the base spacing unit
