"""Saddle-stitch imposition: which booklet page goes where on which sheet. Pure arithmetic."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SheetPages:
    """One sheet, folded: (left, right) page numbers on its front and on its back, 1-based."""

    front: tuple[int, int]
    back: tuple[int, int]


def saddle_stitch(pages: int) -> list[SheetPages]:
    """Sheets of a single-signature booklet of `pages` pages (a multiple of four).

    Sheet i carries N−2i | 1+2i on its front and 2+2i | N−1−2i on its back, so that the stacked,
    folded sheets read 1, 2, …, N. For 8 pages: 8|1, 2|7 and 6|3, 4|5.
    """
    if pages <= 0 or pages % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of four pages, not {pages}")
    return [SheetPages((pages - 2 * i, 1 + 2 * i), (2 + 2 * i, pages - 1 - 2 * i)) for i in range(pages // 4)]
