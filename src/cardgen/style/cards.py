"""The pocket cards' type scale: one size per role, a base for the big cards and small overlays.

A card is read at arm's length in a gym, so the dose is the largest thing on it after the title
(the print guide: numbers 12 pt or more, cues 10–12 pt). Sizes in points, spaces in points.
A crowded card shrinks every role in proportion, but no role below the floor.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from cardgen.style.fonts import BOLD, ITALIC, REGULAR
from cardgen.style.text import TextStyle
from cardgen.units import MM

FLOOR = 8.0  # nothing on a card prints smaller


@dataclass(frozen=True)
class CardStyles:
    """A card size's type at one scale."""

    title: TextStyle  # "Week 3 · Session A"
    facts: TextStyle  # dates, athlete, focus and rest, the plan's name at the foot
    name: TextStyle  # an exercise's name
    dose: TextStyle  # "3 × 8–10": the number to read mid-set
    unit: TextStyle  # the words beside a dose: "each side", "rest 45 s"
    note: TextStyle  # the plan's note for an exercise in this session
    cue: TextStyle  # form cues on the back
    box: float  # tick box side: 4–5 mm, ticked standing up
    box_gap: float  # between two boxes: at least 2 mm reads as separate boxes
    gap: float  # between two exercises
    rule: float  # the rule under the header

    def at(self, scale: float) -> CardStyles:
        """Every role scaled by `scale`, none below the floor; the boxes keep their size (a
        smaller box is harder to tick, not easier to fit)."""
        if scale == 1.0:
            return self
        styles = {f.name: _scaled(getattr(self, f.name), scale) for f in fields(self) if isinstance(getattr(self, f.name), TextStyle)}
        return replace(self, **styles, gap=self.gap * scale)  # type: ignore[arg-type]  # every field named is a TextStyle

    @property
    def at_floor(self) -> bool:
        return all(getattr(self, f.name).size <= FLOOR + 1e-9 for f in fields(self) if isinstance(getattr(self, f.name), TextStyle))


def _scaled(style: TextStyle, scale: float) -> TextStyle:
    size = max(FLOOR, style.size * scale)
    k = size / style.size
    return style.but(size=size, leading=style.leading * k, space_before=style.space_before * k, space_after=style.space_after * k)


def _overlay(base: CardStyles, sizes: dict[str, float], **other: float) -> CardStyles:
    """`base` with some roles at another size (their leading in the same proportion)."""
    changes = {role: _scaled(getattr(base, role), size / getattr(base, role).size) for role, size in sizes.items()}
    return replace(base, **changes, **other)  # type: ignore[arg-type]  # roles name TextStyle fields, `other` the float ones


# The quarter card (A4 or Letter in four), A6 and 4×6 in: room for large type.
BASE = CardStyles(
    title=TextStyle(BOLD, 16, 19),
    facts=TextStyle(REGULAR, 9, 11.2),
    name=TextStyle(BOLD, 12, 14.4),
    dose=TextStyle(REGULAR, 15, 18),
    unit=TextStyle(REGULAR, 10.5, 12.6),
    note=TextStyle(ITALIC, 9.5, 11.6),
    cue=TextStyle(REGULAR, 12, 14.8),
    box=5 * MM,
    box_gap=2 * MM,
    gap=2.6 * MM,
    rule=1.0,
)

# 3×5 in: two thirds of the quarter card's area, the same roles a step smaller.
SMALL = _overlay(
    BASE,
    {"title": 12.5, "facts": 8, "name": 10, "dose": 12, "unit": 9, "note": 8, "cue": 9.5},
    box=4.5 * MM,
    gap=1.5 * MM,
)

# A7: half the quarter card; six exercises with their notes must still fit at this size.
TINY = _overlay(SMALL, {"title": 12, "name": 9.5, "dose": 11.5, "unit": 8.5, "cue": 9}, gap=1.1 * MM)

# ID-1, the wallet card: a summary, not a log, so no boxes and tight leading.
WALLET = _overlay(
    BASE,
    {"title": 9.5, "facts": 8, "name": 8.5, "dose": 8.5, "unit": 8, "note": 8, "cue": 8},
    box=0.0,
    box_gap=0.0,
    gap=0.4 * MM,
    rule=0.75,
)
WALLET = replace(
    WALLET,
    facts=WALLET.facts.but(leading=8 * 1.2),
    name=WALLET.name.but(leading=8.5 * 1.2),
    dose=WALLET.dose.but(leading=8.5 * 1.2),
    cue=WALLET.cue.but(leading=8 * 1.2),
)

CARD_STYLES: dict[str, CardStyles] = {
    "quarter": BASE,
    "a6": BASE,
    "index-4x6": BASE,
    "a7": TINY,
    "index-3x5": SMALL,
    "id1": WALLET,
}
