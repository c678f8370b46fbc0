"""Our page layout: blocks flow into a frame page after page; pages are drawn afterwards.

Laying out first and drawing later lets one layout print twice: the reading-order booklet and
the imposed print file. It also keeps ReportLab's platypus (a tenth of a second to import, and
deep copies on every page) out of the build.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, cast

from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import LayoutError
from cardgen.render.canvas import number
from cardgen.style.theme import Theme


@dataclass(frozen=True)
class DrawContext:
    """What drawing needs besides the block: passed in, never kept on the canvas or the block."""

    canv: Any  # a ReportLab canvas
    theme: Theme
    links: bool = True  # False on printed sheets: nothing to click


# What canvas.saveState() keeps and restoreState() puts back (the alpha and overprint state among
# them: cardgen sets neither, so the one object is kept, not copied).
_STATE = tuple(Canvas.STATE_ATTRIBUTES)
_state = itemgetter(*_STATE)


class Block:
    """Something placed on a page: measured for a width, then drawn from that measurement.

    `measure` wraps and caches; `draw` paints what was measured, with the canvas translated so that
    `paint` works from the block's bottom-left corner. A block never re-wraps to draw.
    """

    space_before: float = 0.0
    space_after: float = 0.0
    keep_next: bool = False  # stay on the same page as the block that follows
    width: float = -1.0
    height: float = 0.0

    def measure(self, width: float, avail: float = math.inf) -> float:
        """The height at this width (`avail` is the room left, for blocks that fill it)."""
        raise NotImplementedError

    def split(self, width: float, avail: float, force: bool = False) -> list[Block]:
        """The block cut into a part that fits `avail` and the rest, or [] to move it whole.
        With `force` the block is taller than a page and must accept a split it would avoid."""
        return []

    def draw(self, ctx: DrawContext, x: float, y: float, width: float) -> None:
        if width != self.width:
            self.measure(width)  # drawn without being placed (a card face, a test)
        canv = ctx.canv
        # canv.saveState(), translate(x, y) and restoreState() write exactly this, but copy the
        # canvas's state attribute by attribute in Python: two thousand blocks a build made that a
        # noticeable share of the drawing. The same attributes are kept and put back in one go.
        d = canv.__dict__
        saved = _state(d)
        code = canv._code
        code.append("q")
        x, y = round(x, 2), round(y, 2)  # to 0.01 pt, as the canvas writes every coordinate (render.canvas)
        if x or y:  # blocks set at their parent's corner need no move (and no "1 0 0 1 0 0 cm" in the file)
            a, b, c, dd, e, f = canv._currentMatrix
            canv._currentMatrix = (a, b, c, dd, a * x + c * y + e, b * x + dd * y + f)
            code.append(f"1 0 0 1 {number(x)} {number(y)} cm")
        try:
            self.paint(ctx)
        finally:
            code.append("Q")
            d.update(zip(_STATE, saved, strict=True))

    def paint(self, ctx: DrawContext) -> None:
        raise NotImplementedError


class Spacer(Block):
    def __init__(self, height: float):
        self.height = height

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        return self.height

    def draw(self, ctx: DrawContext, x: float, y: float, width: float) -> None:
        pass  # nothing to draw: not even an empty group on the page

    def paint(self, ctx: DrawContext) -> None:
        pass


def gap_between(a: Block | None, b: Block) -> float:
    # Space between blocks is the larger of the two asked for, not their sum (as in CSS).
    return 0.0 if a is None else max(a.space_after, b.space_before)


def stack_height(blocks: Sequence[Block], width: float) -> float:
    """The height of blocks set one under the other at `width`."""
    h, prev = 0.0, None
    for b in blocks:
        h += gap_between(prev, b) + b.measure(width)
        prev = b
    return h


def draw_stack(ctx: DrawContext, blocks: Sequence[Block], x: float, top: float, width: float) -> float:
    """Draw blocks one under the other from `top`; returns the bottom of the last."""
    y, prev = top, None
    for b in blocks:
        y -= gap_between(prev, b) + b.measure(width)
        b.draw(ctx, x, y, width)
        prev = b
    return y


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
    continued: Callable[[], list[Block]] | None = None  # what opens a page this part runs on to


@dataclass
class Page:
    """A laid-out page: the blocks placed on it, its marks and its running head."""

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
    part: Mark | None = None
    # What a page a part runs on to opens with ("Squat (continued)"): a page holding only that is
    # still empty for a block too tall for it, which must then split, or the flow would add pages for ever.
    said: set[int] = set()

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
            part = item
        else:
            # Space between blocks is the larger of the two asked for, not their sum (as in CSS).
            before = 0.0 if page.empty else max(gap, item.space_before)
            room = y - before
            h = item.measure(width, room)
            if h <= room + 0.01:
                y -= before + h
                page.placed.append((item, 0.0, y))
                gap = item.space_after
                continue
            fresh = all(id(b) in said for b, _, _ in page.placed)
            parts = item.split(width, room) if room > 0 else []
            if not parts and (fresh or h > height):
                # Taller than a whole page: it must split somewhere, even where it would rather not.
                parts = item.split(width, room, force=True)
            if parts:
                queue.extendleft(reversed(parts))
            elif fresh:
                raise LayoutError(f"a part of the page is {h / 2.835:.0f} mm tall and cannot split; the page has {height / 2.835:.0f} mm")
            else:
                queue.appendleft(item)
                new_page()
                if part is not None and part.continued is not None:
                    # A part running on says so: "Single-leg deadlift (continued)".
                    continued = part.continued()
                    said.update(id(b) for b in continued)
                    queue.extendleft(reversed(continued))
    while filler is not None and (len(pages) + reserve) % pad_to:
        new_page()
        for block in filler():
            if isinstance(block, Mark):
                pages[-1].marks.append(block)
                pages[-1].head = block.head
            else:
                h = block.measure(width, y)
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


class Columns(Block):
    """Stacks of blocks side by side, as tall as the tallest; kept whole on one page, or, taller
    than a page, set one stack after the other, each free to run on."""

    def __init__(self, stacks: Sequence[Sequence[Block]], gap: float, space_before: float = 0.0, space_after: float = 0.0):
        self.stacks = [list(s) for s in stacks]
        self.gap = gap
        self.space_before, self.space_after = space_before, space_after

    def _col(self, width: float) -> float:
        return (width - self.gap * (len(self.stacks) - 1)) / len(self.stacks)

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        col = self._col(width)
        self.height = max(stack_height(s, col) for s in self.stacks)
        return self.height

    def split(self, width: float, avail: float, force: bool = False) -> list[Block]:
        return bind_headings([b for stack in self.stacks for b in stack]) if force else []

    def paint(self, ctx: DrawContext) -> None:
        col = self._col(self.width)
        for i, stack in enumerate(self.stacks):
            draw_stack(ctx, stack, i * (col + self.gap), self.height, col)


class Beside(Block):
    """Text with a block at its side in a column of its own (a figure, a video code): the text takes
    the width the column leaves, so the two never overlap. `side` is where the aside stands, `align`
    how both sit in the row (top: level with the first line; middle: centred on each other). The
    column is `column` wide, else what the aside asks of the room (its `column(width)`); a row
    without an aside (None) keeps the empty column, so rows of a card line up."""

    def __init__(
        self,
        text: Block | Sequence[Block],
        aside: Block | None,
        gap: float,
        side: str = "right",
        align: str = "top",
        column: float | None = None,
        space_after: float | None = None,
    ):
        self.text = [text] if isinstance(text, Block) else list(text)
        self.aside, self.gap, self.side, self.align, self.column = aside, gap, side, align, column
        self.space_before = self.text[0].space_before if self.text else 0.0
        self.space_after = (self.text[-1].space_after if self.text else 0.0) if space_after is None else space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == self.width:
            return self.height  # measured at this width already: a card face is measured to fit, then to draw
        self.width = width
        # Without a `column`, the aside says what it needs of the room (FigureBlock, VideoCode do).
        self.col = self.column if self.column is not None else cast(Any, self.aside).column(width)
        self._th = stack_height(self.text, width - self.col - self.gap)
        self._ah = self.aside.measure(self.col) if self.aside is not None else 0.0
        self.height = max(self._th, self._ah)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        # Drawn in reading order, left to right.
        if self.side == "left":
            self._aside(ctx, 0.0)
            self._text(ctx, self.col + self.gap)
        else:
            self._text(ctx, 0.0)
            self._aside(ctx, self.width - self.col)

    def _aside(self, ctx: DrawContext, x: float) -> None:
        if self.aside is not None:
            y = self.height - self._ah if self.align == "top" else (self.height - self._ah) / 2
            self.aside.draw(ctx, x, y, self.col)

    def _text(self, ctx: DrawContext, x: float) -> None:
        width = self.width - self.col - self.gap
        if self.align == "top":
            draw_stack(ctx, self.text, x, self.height, width)
            return
        # Centred: each block's place counted up from the stack's bottom, then drawn top down.
        y, ys = (self.height - self._th) / 2, []
        for i in range(len(self.text) - 1, -1, -1):
            ys.append(y)
            if i:
                y += self.text[i].height + gap_between(self.text[i - 1], self.text[i])
        for block, at in zip(self.text, reversed(ys), strict=True):
            block.draw(ctx, x, at, width)
