"""Paper sizes and the printable frame of a home printer."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.units import INCH, MM


@dataclass(frozen=True)
class Size:
    """A sheet of paper, in points."""

    name: str
    width: float
    height: float

    @property
    def landscape(self) -> Size:
        return Size(self.name, max(self.width, self.height), min(self.width, self.height))

    @property
    def portrait(self) -> Size:
        return Size(self.name, min(self.width, self.height), max(self.width, self.height))

    def as_tuple(self) -> tuple[float, float]:
        return (self.width, self.height)


A4 = Size("A4", 210 * MM, 297 * MM)
A5 = Size("A5", 148 * MM, 210 * MM)
LETTER = Size("Letter", 8.5 * INCH, 11 * INCH)
# ReportLab's HALF_LETTER is 5.5 x 8 in; the real half of a Letter sheet is 5.5 x 8.5 in.
HALF_LETTER = Size("half-letter", 5.5 * INCH, 8.5 * INCH)

SHEETS = {"a4": A4, "letter": LETTER}
# Poster sheets only: A3 and tabloid (11 x 17 in) need a bigger printer or a copy shop.
A3 = Size("A3", 297 * MM, 420 * MM)
TABLOID = Size("Tabloid", 11 * INCH, 17 * INCH)
POSTER_SHEETS = {"a4": A4, "letter": LETTER, "a3": A3, "tabloid": TABLOID}
BOOKLET_PAGE = {"a4": A5, "letter": HALF_LETTER}

# Home printers cannot print the outer 3-6 mm of a sheet; 0.25 in clears all common models.
PRINTABLE_MARGIN = 6.35 * MM


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF coordinates (origin bottom-left)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width

    def inset(self, d: float) -> Box:
        return Box(self.x + d, self.y + d, self.width - 2 * d, self.height - 2 * d)

    def contains(self, other: Box, tol: float = 0.01) -> bool:
        return (
            other.x >= self.x - tol
            and other.y >= self.y - tol
            and other.right <= self.right + tol
            and other.top <= self.top + tol
        )


def printable_frame(sheet: Size) -> Box:
    return Box(0, 0, sheet.width, sheet.height).inset(PRINTABLE_MARGIN)
