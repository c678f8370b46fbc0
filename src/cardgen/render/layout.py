"""Our page layout: blocks flow into a frame page after page; pages are drawn afterwards.

Laying out first and drawing later lets one layout print twice: the reading-order booklet and
the imposed print file. It also keeps ReportLab's platypus (a tenth of a second to import, and
deep copies on every page) out of the build.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Callable

from cardgen.errors import LayoutError


class Block:
    """Something that takes a width, says how tall it is, may split, and draws itself.

    Coordinates in `draw` are relative to the block's bottom-left corner.
    """

    space_before: float = 0.0
    space_after: float = 0.0
    keep_next: bool = False  # stay on the same page as the block that follows
    width: float = 0.0
    height: float = 0.0
    canv = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise NotImplementedError

    def split(self, avail_width: float, avail_height: float) -> list["Block"]:
        return []

    def draw(self) -> None:
        raise NotImplementedError

    def draw_on(self, canv, x: float, y: float) -> None:
        canv.saveState()
        canv.translate(x, y)
        self.canv = canv
        try:
            self.draw()
        finally:
            self.canv = None
            canv.restoreState()


class Spacer(Block):
    def __init__(self, height: float):
        self.height = height

    def wrap(self, avail_width, avail_height):
        return avail_width, self.height

    def draw(self) -> None:
        pass


# -- flow controls: not drawn, they steer the layout -----------------------------------------


class PageBreak:
    """Start a new page (unless the current one is still empty)."""


@dataclass
class IfOddPage:
    """Insert `blocks` when the flow stands at the top of an odd (right-hand) page."""

    blocks: list


@dataclass
class Mark:
    """Where a part starts: names the running head from here on, and optionally an anchor
    (for links and page references) and an outline entry."""

    head: str
    key: str | None = None
    title: str | None = None
    level: int = 0


@dataclass
class Page:
    number: int
    placed: list[tuple[Block, float, float]] = field(default_factory=list)  # block, x, y in the frame
    marks: list[Mark] = field(default_factory=list)
    head: str = ""

    @property
    def empty(self) -> bool:
        return not self.placed


def paginate(
    story: list, width: float, height: float, pad_to: int = 1, reserve: int = 0, filler: Callable[[], list] | None = None
) -> list[Page]:
    """Flow `story` into pages of a `width` × `height` frame.

    With `pad_to`, pages made by `filler` are added until the page count plus `reserve` pages
    still to come (a back cover) is a multiple of it: a saddle-stitched booklet needs four.
    """
    pages = [Page(1)]
    y = height  # the top of the free space, measured from the frame's bottom
    gap = 0.0  # space owed after the last placed block
    queue = deque(story)

    def new_page() -> None:
        nonlocal y, gap
        pages.append(Page(len(pages) + 1, head=pages[-1].head))
        y, gap = height, 0.0

    while queue:
        item = queue.popleft()
        page = pages[-1]
        if isinstance(item, PageBreak):
            if not page.empty:
                new_page()
        elif isinstance(item, IfOddPage):
            if page.number % 2 == 1:
                queue.extendleft(reversed(item.blocks))
        elif isinstance(item, Mark):
            page.marks.append(item)
            page.head = item.head
        else:
            # Space between blocks is the larger of the two asked for, not their sum (as in CSS).
            before = 0.0 if page.empty else max(gap, item.space_before)
            room = y - before
            _, h = item.wrap(width, room)
            if h <= room + 0.01:
                y -= before + h
                page.placed.append((item, 0.0, y))
                gap = item.space_after
                continue
            parts = item.split(width, room) if room > 0 else []
            if parts:
                queue.extendleft(reversed(parts))
            elif page.empty:
                raise LayoutError(f"a {type(item).__name__} is {h / 2.835:.0f} mm tall and cannot split; the page has {height / 2.835:.0f} mm")
            else:
                queue.appendleft(item)
                new_page()
    while filler is not None and (len(pages) + reserve) % pad_to:
        new_page()
        for block in filler():
            if isinstance(block, Mark):
                pages[-1].marks.append(block)
                pages[-1].head = block.head
            else:
                _, h = block.wrap(width, y)
                y -= h
                pages[-1].placed.append((block, 0.0, y))
    return pages


def bind_headings(story: list) -> list:
    """Pair every block marked `keep_next` with the block after it, so a page never ends on a heading."""
    from cardgen.render.flow import KeepWithNext

    out: list = []
    for item in reversed(story):
        follower = out[-1] if out else None
        if getattr(item, "keep_next", False) and isinstance(follower, Block):
            out[-1] = KeepWithNext(item, follower)
        else:
            out.append(item)
    return out[::-1]


def fits_one_page(story: list, width: float, height: float) -> bool:
    """Whether `story` lays out on a single page, by laying it out exactly as the book will."""
    try:
        return len(paginate(bind_headings(story), width, height)) == 1
    except LayoutError:
        return False
