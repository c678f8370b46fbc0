"""Card sheets: where each card sits on the front, where its back sits, and the cut marks."""

from __future__ import annotations

from dataclasses import dataclass

from cardgen.prepress.paper import PRINTABLE_MARGIN, Box, Size
from cardgen.units import MM

Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


@dataclass(frozen=True)
class CardSheet:
    """A sheet cut into a grid of equal cards, in reading order (left to right, top to bottom)."""

    sheet: Size
    cols: int
    rows: int

    @property
    def card_width(self) -> float:
        return self.sheet.width / self.cols

    @property
    def card_height(self) -> float:
        return self.sheet.height / self.rows

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    def slot(self, i: int) -> Box:
        """The i-th card on the front."""
        col, row = i % self.cols, i // self.cols
        return Box(col * self.card_width, self.sheet.height - (row + 1) * self.card_height, self.card_width, self.card_height)

    def back_slot(self, i: int) -> Box:
        """Where the back of card i goes so that it lands behind the front after a long-edge flip.

        Flipping over the long (vertical, for portrait) edge mirrors the columns; rows stay.
        """
        col, row = i % self.cols, i // self.cols
        return self.slot(row * self.cols + (self.cols - 1 - col))

    def cut_marks(self, length: float = 4 * MM) -> list[Segment]:
        """Short ticks where each interior cut line meets the printable frame.

        The paper edge is a card edge here, so the ticks lie on the cut lines themselves
        and vanish with the cut; they start at the printable margin so every printer shows them.
        """
        m = PRINTABLE_MARGIN
        w, h = self.sheet.width, self.sheet.height
        marks: list[Segment] = []
        for c in range(1, self.cols):
            x = c * self.card_width
            marks += [(x, h - m, x, h - m - length), (x, m, x, m + length)]
        for r in range(1, self.rows):
            y = h - r * self.card_height
            marks += [(m, y, m + length, y), (w - m, y, w - m - length, y)]
        return marks


def quarter_sheet(sheet: Size) -> CardSheet:
    """Four cards from two straight cuts: A4 → 4 × A6, Letter → 4 × quarter-letter."""
    return CardSheet(sheet.portrait, 2, 2)
