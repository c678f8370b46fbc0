"""An exercise's page: what it is for, how to do it, its form cues and mistakes, its alternatives."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from cardgen.plan.model import Plan
from cardgen.render.blocks import NoteLines, TickList, exercise_anchor
from cardgen.render.booklet.front import NOTE_SPACING
from cardgen.render.figure import FigureBlock, FigureStyle, Row, aspect
from cardgen.render.flow import ListBlock, RichText, TextBlock
from cardgen.render.layout import Beside, Block, Columns, Mark, fits_one_page
from cardgen.render.picture import ImageBlock
from cardgen.render.qr import VideoCode
from cardgen.render.text import wrap
from cardgen.style.booklet import BookletStyles, airier
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.theme import GAP
from cardgen.units import MM
from cardgen.wording import FORM_CUES, curly, page_ref

NOTES_MINIMUM = 26 * MM  # three lines to write on, or none
VIDEO_COLUMN = 46 * MM  # the most a video code's address takes beside the title: the title keeps the rest
# The figure stands beside the title and purpose, at the top right, where the page has width to
# spare: as tall as a standing pose needs for a head of about 3.5 mm, less on a full page; at most half
# the width (a lying pose is wide and low), its head never larger than a standing pose's.
FIGURE_HEIGHTS = (30 * MM, 25 * MM, 21 * MM, 17 * MM)
FIGURE_HEAD = 3.6 * MM
FIGURE_GAP = 5 * MM
WIDE = 2.2  # width over height: a pose wider than this goes under the purpose, not beside it
# A wide, low pose (lying, a plank) that does not fit under the purpose at a size goes into the title's
# line at that size, when it is as large there: it takes the width a short title leaves instead of a
# band of the page's height, so a full page keeps its figure large rather than shrink it. At most this
# tall (a title and a half), and with twice the gap of air between it and the title.
TITLE_FIGURE = 12 * MM
BESIDE, UNDER, TITLE = "beside", "under", "title"
PHOTO = (60 * MM, 40 * MM)  # the most a coach's photo takes


Try = tuple[float, float, str | None]  # the white space's factor, the figure's height, where it stands


def exercise_page(
    ex_id: str,
    ex: Any,
    plan: Plan,
    st: BookletStyles,
    refs: Mapping[str, int],
    frame: tuple[float, float],
    left_out: set[str] | None = None,
) -> list:
    """One page per exercise at the booklet's one type scale. A page short of room gives up some white
    space first, then some of its figure's size (and puts it under the purpose, where it takes no
    width from the text, or a wide, low one in the title's line); then, rather than run on, it leaves the figure out (and adds `ex_id` to
    `left_out`, for the build to say so). One that still does not fit runs on, and says so."""
    page, (_, _, way) = _fitted(ex_id, ex, plan, st, refs, frame)
    if way is None and ex.figure is not None and left_out is not None:
        left_out.add(ex_id)
    return page


def _fitted(ex_id: str, ex: Any, plan: Plan, st: BookletStyles, refs: Mapping[str, int], frame: tuple[float, float]) -> tuple[list, Try]:
    tall, mid, low, least = FIGURE_HEIGHTS
    plain: list[tuple[float, float, str | None]] = [(factor, 0.0, None) for factor in (1.0, 0.8, 0.6)]
    if ex.figure is None:
        tries = plain
    else:
        ways = (UNDER,) if aspect(ex.figure) > WIDE or ex.image else (BESIDE, UNDER)
        if aspect(ex.figure) > WIDE and not ex.image and ex_id not in plan.videos:
            ways = (UNDER, TITLE)  # a video code has the title's right already
        sizes = ((1.0, tall), (0.8, tall), (0.8, mid), (0.6, mid), (0.6, low), (0.6, least))
        tries = [(factor, height, way) for factor, height in sizes for way in ways] + plain
    for factor, height, way in tries:
        if way == TITLE and not _title_fits(ex, st, height, frame[0]):
            continue
        page = _page(ex_id, ex, plan, airier(st, factor), refs, height, way)
        if fits_one_page(page, *frame):
            return page, (factor, height, way)
    last: Try = (1.0, least, UNDER if ex.figure else None)
    return _page(ex_id, ex, plan, st, refs, last[1], last[2]), last


def _figure(ex: Any, height: float, space_after: float = 0.0, in_title: bool = False) -> FigureBlock:
    # Right-aligned: under the purpose too it stands where the page's other figures do.
    style = FigureStyle(align="right")
    most, share = (min(height, TITLE_FIGURE), 1.0) if in_title else (height, 0.5)
    return FigureBlock(ex.figure, math.inf, most, style, head=FIGURE_HEAD * height / FIGURE_HEIGHTS[0], space_after=space_after, share=share)


def _title_fits(ex: Any, st: BookletStyles, height: float, width: float) -> bool:
    """Whether the figure is as large in the title's line as under the purpose, with the title on
    one line beside it."""
    column = _figure(ex, height, in_title=True).column(width)
    if column < _figure(ex, height).column(math.inf) - 0.01:
        return False  # the line is too low, or the room too narrow, for the figure's size
    return len(wrap(curly(ex.name), st.h1.font, st.h1.size, width - column - 2 * FIGURE_GAP)) == 1


def _page(ex_id: str, ex: Any, plan: Plan, st: BookletStyles, refs: Mapping[str, int], figure_height: float, way: str | None) -> list:
    muscles = ", ".join(ex.muscles.primary + ex.muscles.secondary)
    equipment = ", ".join(ex.equipment) if ex.equipment else "none"
    head: list[Block] = [
        TextBlock(ex.name, st.h1),
        RichText([("Works: ", BOLD), (f"{muscles} · ", REGULAR), ("Equipment: ", BOLD), (equipment, REGULAR)], st.small),
        TextBlock(ex.purpose, st.lead),
    ]
    video = plan.videos.get(ex_id)
    out: list = [Mark(ex.name, exercise_anchor(ex_id), ex.name, 1, continued=lambda: [TextBlock(f"{ex.name} (continued)", st.h2.but(space_before=0))])]
    if video:
        # The code stands beside the title and purpose, where the page has width to spare.
        out.append(with_video(head, video.url, st))
    elif way == BESIDE:
        out.append(Beside(head, _figure(ex, figure_height), gap=FIGURE_GAP))
    elif way == TITLE:
        # Centred on the title: the ground of a lying pose about level with the title's baseline.
        out += [Beside(head[0], _figure(ex, figure_height, in_title=True), gap=FIGURE_GAP, align="middle"), *head[1:]]
    else:
        out += head
    if ex.image and way is not None:
        # A coach's photo shows a moment of the move, the figure its start and end: side by side.
        photo = ImageBlock(ex.image, *PHOTO)
        out.append(Row(photo, photo.iw, _figure(ex, figure_height), gap=FIGURE_GAP, space_after=GAP))
    elif way == UNDER or (way == BESIDE and video):
        # Under the purpose: a wide, low pose would squeeze it into a narrow column, and on a full
        # page the purpose's lines are worth more than the figure's width.
        out.append(_figure(ex, figure_height, space_after=GAP))
    elif ex.image:
        out.append(ImageBlock(ex.image, *PHOTO, space_after=GAP))
    if ex.setup:
        out += [TextBlock("Set up", st.h3), TextBlock(ex.setup, st.body)]
    out += [TextBlock("How to do it", st.h3), ListBlock(list(ex.steps), st.item, numbered=True)]
    cues: list[Block] = [TextBlock(FORM_CUES, st.h3.but(space_before=0)), TickList(list(ex.cues), st.body.size, gap=st.item.space_after * 2)]
    if ex.mistakes:
        # Side by side: what to check and what goes wrong are read together, and a page of one
        # column runs out of height long before it runs out of width.
        mistakes = [TextBlock("Common mistakes", st.h3.but(space_before=0)), ListBlock(list(ex.mistakes), st.item, numbered=False, indent=3.5 * MM)]
        out.append(Columns([cues, mistakes], gap=6 * MM, space_before=st.h3.space_before, space_after=st.body.space_after))
    else:
        out += cues
    groups = (("Easier", ex.easier), ("Harder", ex.harder), ("No equipment", ex.no_equipment))
    alts = [_alternative(label, v, plan, st, refs) for label, group in groups for v in group]
    if alts:
        out += [TextBlock("Alternatives", st.h3), *alts]
    # What the page has left is for the runner's own notes on the move (loads, how it felt); it is
    # what fills a page that an exercise runs on to, instead of a page of white.
    out.append(NoteLines(spacing=NOTE_SPACING, minimum=NOTES_MINIMUM, top_gap=st.h3.space_before))
    return out


def with_video(head: list[Block], url: str, st: BookletStyles) -> Beside:
    """`head` with the code to its demonstration at its right, its address under the code: an
    exercise page's title and purpose, an alternative's name and what it stands in for."""
    return Beside(head, VideoCode(url, st.small.but(size=st.table_note, leading=st.table_note * 1.3), VIDEO_COLUMN), gap=5 * MM)


def _alternative(label: str, v: Any, plan: Plan, st: BookletStyles, refs: Mapping[str, int]) -> Block:
    """"Easier: Glute bridge (p. 4). Hold the top for two seconds." Only an exercise of this plan
    has a page to point to and a link to follow."""
    runs: list = [(f"{label}: ", BOLD)]
    if v.exercise:
        name = plan.names[v.exercise]
        anchor = exercise_anchor(v.exercise)
        if anchor in refs:
            ref = page_ref(refs[anchor])
            # A name that ends in brackets takes its page after a comma: no "(hip thrust) (p. 10)".
            runs += [(name, REGULAR, anchor), (f", {ref}" if name.endswith(")") else f" ({ref})", REGULAR)]
        else:
            runs.append((name, REGULAR))
    else:
        runs.append((v.name, REGULAR))
    if v.note:
        runs.append((f". {v.note}", REGULAR))
    return RichText(runs, st.item)
