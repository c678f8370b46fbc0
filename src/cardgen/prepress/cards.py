"""Card sheets: where each card sits on the front, where its back sits, and the cut marks.

Two kinds of sheet. The quarter sheet is cut in four by two straight cuts: the paper edge is a card
edge, so the ticks sit on the cut lines. Every other size is laid out in a grid inside the printable
frame with room around it for corner marks that never touch a card.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from cardgen.prepress import CARDS, DUPLEX  # noqa: F401  (re-exported)
from cardgen.prepress.paper import PRINTABLE_MARGIN, Box, Size, printable_frame
from cardgen.units import INCH, MM

Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


EDGE_TICK = 4 * MM  # quarter sheets: ticks on the cut lines, starting at the printable margin
EDGE_SAFE = 7 * MM  # the paper edge is a card edge: a printer's unprintable edge plus a margin

MARK_OFFSET = 1.5 * MM  # corner marks start this far from the card so a mis-cut never shows one
MARK_LENGTH = 3 * MM
MARK_ROOM = MARK_OFFSET + MARK_LENGTH  # kept free around the grid, inside the printable frame
MIN_TICK = 1.5 * MM  # a shorter tick is hard to see and harder to aim a knife at
GAP_MAX = 6 * MM  # leaves 3 mm ticks between cards, so each card can also be cut out on its own
GAP_MIN = 3 * MM  # below this a gap is a sliver to cut twice; such cards share one cut instead


@dataclass(frozen=True)
class CardSize:
    """A card as designed: portrait width and height, and its text margin inside the trim."""

    key: str
    label: str
    width: float
    height: float
    safe: float  # the guide's floor is 3 mm; bigger cards get more, which also absorbs duplex misregistration


CARD_SIZES = {
    "a6": CardSize("a6", "A6", 105 * MM, 148 * MM, 5 * MM),
    "a7": CardSize("a7", "A7", 74 * MM, 105 * MM, 4 * MM),
    "index-3x5": CardSize("index-3x5", "3×5 in", 3 * INCH, 5 * INCH, 4 * MM),
    "index-4x6": CardSize("index-4x6", "4×6 in", 4 * INCH, 6 * INCH, 5 * MM),
    "id1": CardSize("id1", "ID-1", 85.60 * MM, 53.98 * MM, 3 * MM),
}


@dataclass(frozen=True)
class CardSheet:
    """A grid of equal cards on one sheet, in reading order (left to right, top to bottom).

    `left` and `top` place the grid's top-left corner. `edge` sheets fill the paper (quarter);
    the others sit inside the printable frame. `fold` ("vertical" or "horizontal") puts the backs
    on the same page, mirrored across the fold line through the middle of the sheet.
    """

    sheet: Size
    cols: int
    rows: int
    card_width: float
    card_height: float
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    edge: bool = True
    safe: float = EDGE_SAFE
    duplex: str = "long"
    fold: str | None = None
    back_offset: tuple[float, float] = (0.0, 0.0)  # points, + right and + up as seen on the back page

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def grid(self) -> Box:
        w = self.cols * self.card_width + (self.cols - 1) * self.gap_x
        h = self.rows * self.card_height + (self.rows - 1) * self.gap_y
        return Box(self.left, self.top - h, w, h)

    def slot(self, i: int) -> Box:
        """The i-th card on the front."""
        col, row = i % self.cols, i // self.cols
        x = self.left + col * (self.card_width + self.gap_x)
        top = self.top - row * (self.card_height + self.gap_y)
        return Box(x, top - self.card_height, self.card_width, self.card_height)

    @property
    def mirror_rows(self) -> bool:
        """Which way the back lands behind the front.

        Turning a sheet over its long (vertical) edge, or folding it along a vertical line, mirrors
        the columns; the short edge or a horizontal fold mirrors the rows.
        """
        return self.duplex == "short" or self.fold == "horizontal"

    @property
    def back_turned(self) -> bool:
        """Backs drawn upside down on their page.

        A back that reads upright after a flip over the short edge reads upside down when the cut
        card is turned over sideways like a page; turning it makes every mode give the same card.
        """
        return self.mirror_rows

    @property
    def backs_on_front(self) -> bool:
        return self.fold is not None

    def back_slot(self, i: int) -> Box:
        """Where the back of card i goes so that it lands behind the front."""
        s = self.slot(i)
        w, h = self.sheet.width, self.sheet.height
        box = Box(s.x, h - s.top, s.width, s.height) if self.mirror_rows else Box(w - s.right, s.y, s.width, s.height)
        if self.backs_on_front:
            return box  # the fold aligns by itself; an offset would only misalign it
        dx, dy = self.back_offset
        return Box(box.x + dx, box.y + dy, box.width, box.height)

    def used(self, count: int) -> CardSheet:
        """The sheet cut down to the rows (and, on a one-row sheet, the columns) that hold `count` cards.

        A last sheet with two wallet cards should not carry the marks of ten. Quarter sheets keep
        theirs: their cuts cross the whole sheet anyway.
        """
        if self.edge or count >= self.per_sheet:
            return self
        return replace(self, cols=min(self.cols, count), rows=-(-count // self.cols))

    def cards_on_front_page(self, count: int | None = None) -> list[Box]:
        n = self.per_sheet if count is None else count
        boxes = [self.slot(i) for i in range(n)]
        return boxes + [self.back_slot(i) for i in range(n)] if self.backs_on_front else boxes

    @property
    def front_region(self) -> Box:
        """The part of the sheet the fronts (and their marks) live in: all of it, or one side of the fold."""
        w, h = self.sheet.width, self.sheet.height
        if self.fold == "vertical":
            return Box(0, 0, w / 2, h)
        if self.fold == "horizontal":
            return Box(0, h / 2, w, h / 2)
        return Box(0, 0, w, h)

    def cut_marks(self) -> list[Segment]:
        return self._edge_ticks() if self.edge else self._corner_marks()

    def _edge_ticks(self) -> list[Segment]:
        """Short ticks where each interior cut line meets the printable frame (or the fold).

        The paper edge is a card edge here, so the ticks lie on the cut lines themselves and vanish
        with the cut; they start at the printable margin so every printer shows them.
        """
        m, length = PRINTABLE_MARGIN, EDGE_TICK
        r = self.front_region
        lo_x, hi_x = max(r.x, m), min(r.right, self.sheet.width - m)
        lo_y, hi_y = max(r.y, m), min(r.top, self.sheet.height - m)
        marks: list[Segment] = []
        for c in range(1, self.cols):
            x = self.left + c * self.card_width
            marks += [(x, hi_y, x, hi_y - length), (x, lo_y, x, lo_y + length)]
        for k in range(1, self.rows):
            y = self.top - k * self.card_height
            marks += [(lo_x, y, lo_x + length, y), (hi_x, y, hi_x - length, y)]
        return marks

    def _corner_marks(self) -> list[Segment]:
        """Ticks on every trim line, outside the grid at both ends and in every gap wide enough.

        Each tick starts MARK_OFFSET from the nearest card, so none touches a card. Cards that share
        a cut (no gap) share its ticks.
        """
        g = self.grid
        xs = sorted({round(v, 6) for c in range(self.cols) for v in (self.slot(c).x, self.slot(c).right)})
        ys = sorted({round(v, 6) for k in range(self.rows) for v in (self.slot(k * self.cols).y, self.slot(k * self.cols).top)})
        marks: list[Segment] = []
        for x in xs:
            marks += [(x, g.top + MARK_OFFSET, x, g.top + MARK_ROOM), (x, g.y - MARK_OFFSET, x, g.y - MARK_ROOM)]
            for k in range(1, self.rows):
                marks += self._gap_tick(x, self.slot(k * self.cols).top, self.gap_y, vertical=True)
        for y in ys:
            marks += [(g.x - MARK_OFFSET, y, g.x - MARK_ROOM, y), (g.right + MARK_OFFSET, y, g.right + MARK_ROOM, y)]
            for c in range(1, self.cols):
                marks += self._gap_tick(y, self.slot(c - 1).right, self.gap_x, vertical=False)
        return marks

    @staticmethod
    def _gap_tick(at: float, start: float, gap: float, vertical: bool) -> list[Segment]:
        """The tick on the line `at` across one gap, which runs from `start` to `start + gap`."""
        if gap - 2 * MARK_OFFSET < MIN_TICK - 1e-6:
            return []
        a, b = start + MARK_OFFSET, start + gap - MARK_OFFSET
        return [(at, a, at, b)] if vertical else [(a, at, b, at)]

    def fold_line(self) -> list[Segment]:
        """The line to fold along, drawn dashed: the whole centre line of a quarter sheet, else a line
        down the gutter between the fronts and their backs."""
        if not self.fold:
            return []
        w, h, m = self.sheet.width, self.sheet.height, PRINTABLE_MARGIN
        if self.edge:
            # Quarter: the fold is the shared edge of a front and its back. A line along all of it
            # shows where to crease; once folded it sits on the folded edge, where no cut goes.
            if self.fold == "vertical":
                return [(w / 2, m, w / 2, h - m)]
            return [(m, h / 2, w - m, h / 2)]
        g = self.grid  # stops with the corner marks, so the margins stay free for the print note
        if self.fold == "vertical":
            return [(w / 2, g.y - MARK_ROOM, w / 2, g.top + MARK_ROOM)]
        return [(g.x - MARK_ROOM, h / 2, g.right + MARK_ROOM, h / 2)]

    def note_place(self, width: float, height: float) -> tuple[float, float, bool] | None:
        """Bottom-left corner of a free box for the print note, and whether it runs upwards.

        The note goes where it touches no card (nor the mark clearance around one), no mark and no
        fold line: under or over the grid, else turned along a side or the fold gutter. A quarter
        sheet has no free paper at all (None): its note needs a page of its own.
        """
        if self.edge:
            return None
        frame = printable_frame(self.sheet)
        pad = 0.3 * MM
        g = self.grid
        cx = g.x + g.width / 2
        flat = [(x, y) for y in (frame.y + pad, frame.top - height - pad) for x in (cx - width / 2, frame.x + pad, frame.right - width - pad)]
        upright_x = [frame.x + pad, frame.right - height - pad]
        if self.fold == "vertical":
            upright_x += [self.sheet.width / 2 + 0.8 * MM, self.sheet.width / 2 - 0.8 * MM - height]
        tall = [(x, (self.sheet.height - width) / 2) for x in upright_x]
        candidates = [(Box(x, y, width, height), False) for x, y in flat] + [(Box(x, y, height, width), True) for x, y in tall]
        for box, turned in candidates:
            if self._free(box, frame):
                return (box.x, box.y, turned)
        raise ValueError(f"no room for the print note on a {self.sheet.name} sheet of {self.cols}×{self.rows} cards")

    def _free(self, box: Box, frame: Box) -> bool:
        if not frame.contains(box):
            return False
        keep = [c.inset(-MARK_OFFSET) for c in self.cards_on_front_page()]
        keep += [_segment_box(s).inset(-0.5 * MM) for s in self.cut_marks() + self.fold_line()]
        return not any(_overlap(box, k) for k in keep)


def _segment_box(s: Segment) -> Box:
    x1, y1, x2, y2 = s
    return Box(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.top and b.y < a.top


def quarter_sheet(sheet: Size, duplex: str = "long", back_offset: tuple[float, float] = (0.0, 0.0)) -> CardSheet:
    """Four cards from two straight cuts: A4 → 4 × A6, Letter → 4 × quarter-letter.

    Folded, the left column holds the fronts and the right one their backs: fold down the middle,
    glue, and one cut across gives two cards with a folded edge.
    """
    s = sheet.portrait
    w, h = s.width / 2, s.height / 2
    if duplex == "fold":
        return CardSheet(s, 1, 2, w, h, 0.0, s.height, duplex=duplex, fold="vertical")
    return CardSheet(s, 2, 2, w, h, 0.0, s.height, duplex=duplex, back_offset=back_offset)


def card_sheet(sheet: Size, card: str = "quarter", duplex: str = "long", back_offset: tuple[float, float] = (0.0, 0.0)) -> CardSheet:
    """The sheet for one card size and duplex mode: the most cards that fit, centred."""
    if duplex not in DUPLEX:
        raise ValueError(f"unknown duplex mode {duplex!r}; use one of {', '.join(DUPLEX)}")
    if card == "quarter":
        return quarter_sheet(sheet, duplex, back_offset)
    size = CARD_SIZES[card]
    s = sheet.portrait
    frame = printable_frame(s).inset(MARK_ROOM)
    regions: dict[str | None, Box]
    if duplex == "fold":
        regions = {
            "vertical": Box(frame.x, frame.y, s.width / 2 - MARK_ROOM - frame.x, frame.height),
            "horizontal": Box(frame.x, s.height / 2 + MARK_ROOM, frame.width, frame.top - s.height / 2 - MARK_ROOM),
        }
    else:
        regions = {None: frame}
    best = None
    # Ties keep the first: portrait cards (as designed) and a vertical fold (backs stay upright).
    for fold, region in regions.items():
        for cw, ch in ((size.width, size.height), (size.height, size.width)):
            cols, rows = _fit(region.width, cw), _fit(region.height, ch)
            if cols * rows and (best is None or cols * rows > best[0]):
                best = (cols * rows, fold, region, cw, ch, cols, rows)
    if best is None:
        raise ValueError(f"a {size.label} card does not fit on a {s.name} sheet")
    _, fold, region, cw, ch, cols, rows = best
    gx, gy = _gap(region.width, cw, cols), _gap(region.height, ch, rows)
    gw, gh = cols * cw + (cols - 1) * gx, rows * ch + (rows - 1) * gy
    left = region.x + (region.width - gw) / 2
    top = region.top - (region.height - gh) / 2
    return CardSheet(
        s, cols, rows, cw, ch, left, top, gx, gy,
        edge=False, safe=size.safe, duplex=duplex, fold=fold, back_offset=back_offset,
    )


def _fit(room: float, card: float) -> int:
    return max(0, math.floor(room / card + 1e-9))


def _gap(room: float, card: float, n: int) -> float:
    if n < 2:
        return 0.0
    gap = min(GAP_MAX, (room - n * card) / (n - 1))
    return gap if gap >= GAP_MIN - 1e-9 else 0.0

