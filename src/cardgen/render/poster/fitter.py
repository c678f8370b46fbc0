"""Fitting the poster to its sheet: the largest boxes, then the largest type, at which everything fits.

Two arrangements, tried in order:
- stacked: header, then the weeks × sessions grid centred across the sheet, the exercise lists below;
- side: header, then the grid on the left and the name/race-day lines and exercise lists beside it,
  for long plans whose rows need the height the lists would take.
Within each, a cell sets its dose beside its box before it stacks them, and a week's note stays on
one line before it breaks into dates and phase.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cardgen.errors import LayoutError
from cardgen.prepress.paper import A3, A4, LETTER, TABLOID, Box, Size
from cardgen.render.poster.content import Content, Row
from cardgen.render.poster.grid import Grid
from cardgen.render.poster.parts import GUTTER, Header, Info, Lists, NoFit
from cardgen.style.poster import FLOOR, Scale, Sizes, scale_for
from cardgen.units import MM

# The whole poster counts as important: the print guide wants that 10 mm from the paper edge.
MARGIN = 10.5 * MM
BOX_MIN = 12 * MM  # ticked with a pen held at arm's length, often standing
BOX_GOOD = 15 * MM  # what a short plan gets before the type starts to shrink
SIDE_MIN = 55 * MM  # the least width of the column of lists beside the grid
BIGGER = {A4.name: A3, LETTER.name: TABLOID}


@dataclass(frozen=True)
class Layout:
    """The poster's parts at one scale, and where each goes."""

    frame: Box
    header: Header
    info: Info
    info_at: tuple[float, float, float]  # x, top, width
    grid: Grid
    grid_at: tuple[float, float, float]  # x, top, width
    lists: Lists
    lists_at: tuple[float, float, float]  # x, top, width


def fit(c: Content, sheet: Size, foot: float = 0.0) -> list[Layout]:
    """The poster laid out on `sheet` above a strip `foot` tall kept free (for the coach's byline):
    on one sheet, or, when its weeks need more height than one sheet has at the least sizes, its
    weeks shared out in order over as few sheets as hold them, each a whole poster headed with
    its weeks ("Weeks 1–4 of 8"), when a sheet holds at least MIN_WEEKS weeks; else a LayoutError
    that says what to shorten."""
    layout, weeks, width_ok = _search(c, sheet, foot)
    if layout is not None:
        return [layout]
    n = len(c.rows)
    if width_ok and weeks >= MIN_WEEKS:
        least = max(2, -(-n // weeks))  # as many sheets as the weeks that fit one need; a marked week's row may need one more
        for parts in range(least, min(n, least + 2) + 1):
            layouts = []
            for rows in _shared(c.rows, parts):
                part, _, _ = _search(replace(c, rows=rows, subtitle=_weeks_of(c, rows)), sheet, foot)
                if part is None:
                    break
                layouts.append(part)
            else:
                return layouts
    raise LayoutError(_too_big(c, sheet, weeks, width_ok, foot))


MIN_WEEKS = 4  # a sheet that holds fewer weeks is a card, not a poster: a plan that needs them is refused


def _shared(rows: tuple[Row, ...], parts: int) -> list[tuple[Row, ...]]:
    """`rows` in `parts` runs in order, as even as counts go, the first the longer."""
    size, more = divmod(len(rows), parts)
    out, start = [], 0
    for k in range(parts):
        end = start + size + (1 if k < more else 0)
        out.append(rows[start:end])
        start = end
    return out


def _weeks_of(c: Content, rows: tuple[Row, ...]) -> str:
    """The subtitle of one sheet of several: which weeks it holds, after the plan's own subtitle."""
    first, last = rows[0].label.split()[-1], rows[-1].label.split()[-1]
    which = f"Weeks {first}–{last} of {len(c.rows)}"
    return f"{c.subtitle} · {which}" if c.subtitle else which


def _search(c: Content, sheet: Size, foot: float = 0.0) -> tuple[Layout | None, int, bool]:
    k = min(sheet.width / A4.width, sheet.height / A4.height)
    scale = scale_for(big_sheet=k > 1.2)
    factors = []
    f = 1.5 if k > 1.2 else 1.2  # a big sheet hangs no further away: it buys room, not much bigger type
    while True:
        factors.append(f)
        if Sizes.at(scale, f).at_floor(scale):
            break
        f *= 0.94
    weeks, width_ok = 0, False
    # Big boxes first, then type as large as they allow; the grid across the sheet first, then beside
    # the lists; only then boxes down to their least size. Rows with room around their text at a
    # smaller size look better than crammed ones at a bigger; a dose beside its box reads best, so
    # every size of that goes before stacking dose over box.
    # An exercise's name under its dose on one line reads better than a bigger dose over a broken one.
    tries = [
        (need, side, roomy, f, stacked, split, caps)
        for need in (BOX_GOOD * min(k, 1.2), BOX_MIN)
        for side in (False, True)
        for roomy in (True, False)
        for stacked in (False, True)
        for caps in (1, 99)
        for f in factors
        for split in (False, True)
    ]
    for need, side, roomy, f, stacked, split, caps in tries:
        try:
            layout = _layout(c, sheet, scale, factors, f, k, need, side, roomy, stacked, split, caps, foot)
        except NoFit as e:
            weeks = max(weeks, e.weeks)
            width_ok = width_ok or e.width_ok
            continue
        if layout.grid.box >= need - 0.01:
            return layout, weeks, width_ok
    return None, weeks, width_ok


def _layout(
    c: Content, sheet: Size, scale: Scale, factors: list[float], f: float, k: float, need: float, side: bool, roomy: bool, stacked: bool, split: bool,
    caps: int, foot: float = 0.0,
) -> Layout:
    z = Sizes.at(scale, f)
    paper = Box(0, 0, sheet.width, sheet.height).inset(MARGIN)
    frame = Box(paper.x, paper.y + foot, paper.width, paper.height - foot)
    W = frame.width
    header = Header(c.title, c.subtitle, z, scale)
    top = frame.top - header.measure(W)
    g_head = 5 * MM * min(f, k)  # under the header
    if not side:
        info = Info(c, z.info, k, stack=False)
        info_top = top - 2 * MM
        info_h = info.measure(W)
        grid = Grid(c, z, stacked=stacked, split_notes=split, box=need, k=k, roomy=roomy, caption_lines=caps)
        grid_w = grid.natural_width(W)
        lists = Lists(c.lists, z, per_row={1: 1, 2: 2, 4: 2}.get(len(c.lists), 3))
        lists_h = lists.measure(W)
        grid_x = frame.x + (W - grid_w) / 2
        lists_x, lists_w = frame.x, W
        # Under a grid narrower than the sheet, the lists line up with the grid if no name breaks
        # over more lines for it.
        lines = lists.lines
        if grid_w < W - 1 and lists.measure(grid_w) <= lists_h + 0.01 and lists.lines == lines:
            lists_x, lists_w = grid_x, grid_w
        lists_h = lists.measure(lists_w)
        g_grid = 6 * MM * min(f, k)  # between the grid and the lists
        avail = info_top - info_h - g_head - g_grid - lists_h - frame.y
        grid_h = _grow(grid, grid_w, avail)
        spare = avail - grid_h
        # What the rows do not use opens up the gaps; most of it above the lists, which then sit at
        # the foot of the sheet.
        grid_top = info_top - info_h - g_head - spare * 0.4
        lists_top = grid_top - grid_h - g_grid - spare * 0.6
        return Layout(frame, header, info, (frame.x, info_top, W), grid, (grid_x, grid_top, grid_w), lists, (lists_x, lists_top, lists_w))
    # The lists beside the grid name each session's focus; the column heads need only the key.
    grid = Grid(c, z, stacked=stacked, split_notes=split, box=need, k=k, focus=False, roomy=roomy, caption_lines=caps)
    grid_w = grid.natural_width(W - GUTTER - SIDE_MIN)
    side_w = W - grid_w - GUTTER
    grid_top = top - g_head
    avail = grid_top - frame.y
    grid_h = _grow(grid, grid_w, avail)
    grid_top -= (avail - grid_h) / 2
    # The column beside the grid takes the largest type that fits it, which may be larger than the
    # grid's: its height does not depend on the number of weeks. A name is broken over lines only
    # when no size keeps it whole.
    candidates = [(s, True) for s in factors if s >= f] + [(f, False)]
    for s, whole in candidates:
        zl = Sizes.at(scale, s)
        try:
            info = Info(c, zl.info, k, stack=True)
            info_h = info.measure(side_w)
            lists = Lists(c.lists, zl, per_row=1, columns=1)
            lists_h = lists.measure(side_w)
        except NoFit:
            continue
        if info_h + 3 * MM + lists_h <= top - g_head - frame.y and not (whole and info.wrapped):
            break
    else:
        raise NoFit()
    x = frame.x + grid_w + GUTTER
    info_top = top - g_head
    return Layout(frame, header, info, (x, info_top, side_w), grid, (frame.x, grid_top, grid_w), lists, (x, info_top - info_h - 3 * MM, side_w))


def _grow(grid: Grid, width: float, avail: float) -> float:
    """The grid's height with its rows grown into `avail`; NoFit (saying how many weeks would fit)
    when even its least rows do not."""
    height = grid.measure(width, avail)
    if height > avail + 0.01:
        raise NoFit(grid.weeks_fitting(avail))
    return height


def _too_big(c: Content, sheet: Size, weeks: int, width_ok: bool, foot: float = 0.0) -> str:
    if not width_ok:
        fix = "use fewer sessions a week, or shorter session and exercise names"
    elif 4 <= weeks < len(c.rows) and _search(replace(c, rows=c.rows[:weeks]), sheet, foot)[0] is not None:
        # Fewer than 4 would be no plan worth a poster; and the advice is given only when it holds (a
        # name with a word too long for the lists' column does not fit in fewer weeks either).
        fix = f"shorten the plan to {weeks} weeks or fewer, or list fewer exercises per session"
    else:
        fix = "shorten the title and the exercise lists"
    # A bigger sheet is offered only when the poster would fit it.
    bigger = BIGGER.get(sheet.name)
    if bigger is not None and _search(c, bigger, foot)[0] is not None:
        fix += f", or print it on a bigger sheet ({'a3' if bigger is A3 else 'tabloid'})"
    scale = scale_for(big_sheet=sheet.width > A4.width * 1.2)
    return (
        f"the poster of {c.title!r} ({_count(len(c.rows), 'week')} × {_count(len(c.keys), 'session')}) does not fit one {sheet.name} sheet "
        f"with {BOX_MIN / MM:g} mm tick boxes, {scale.dose.floor:g} pt doses and {FLOOR:g} pt type; {fix}"
    )


def _count(n: int, noun: str) -> str:
    # Not wording.plural: a message for the terminal keeps plain spaces.
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
