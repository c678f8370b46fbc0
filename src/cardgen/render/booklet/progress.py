"""The overview's progression chart: the plan's weekly volume under the page's title, as large as the
page allows without sending any of the overview's table to another page."""

from __future__ import annotations

from cardgen.errors import LayoutError
from cardgen.plan.model import Plan
from cardgen.plan.volume import SECONDS_PER_REP, weekly_volume
from cardgen.render.chart import VolumeChart
from cardgen.render.flow import TextBlock
from cardgen.render.layout import bind_headings, paginate
from cardgen.style.booklet import BookletStyles
from cardgen.units import MM

HEIGHTS = (34 * MM, 26 * MM, 20 * MM)  # the chart's sizes, tried in turn: the compact one has room for two steps up its axis


def caption(plan: Plan) -> str:
    holds = any(p.dose.unit == "seconds" for w in plan.weeks for s in w.sessions for p in s.items)
    easy = any(w.kind != "build" or w.race for w in plan.weeks)
    text = "Reps per week, all sessions, both sides counted"
    if holds:
        text += f"; a hold counts one rep for every {SECONDS_PER_REP}\u00a0s"
    text += "."
    if easy:
        text += " Shaded: deload, taper and race weeks, as in the table."
    return text


def with_chart(overview: list, plan: Plan, st: BookletStyles, frame: tuple[float, float]) -> list:
    """`overview` with the chart and its caption after its title (its second item): the largest
    chart that takes no more pages than the overview alone. A one-page overview with no room for
    even the compact chart takes it at its end; a table that runs over pages anyway (a long plan)
    takes the compact one at its head, where the build is seen before the weeks."""
    weeks = weekly_volume(plan)
    alone = _pages(overview, frame)

    def chart(height: float) -> list:
        return [
            VolumeChart(weeks, height, st.table_note, space_before=0.0, space_after=1 * MM),
            TextBlock(caption(plan), st.small.but(space_after=st.h3.space_before)),
        ]

    for height in HEIGHTS:
        story = [*overview[:2], *chart(height), *overview[2:]]
        if _pages(story, frame) <= alone:
            return story
    if alone > 1:
        return story
    return [*overview, *chart(HEIGHTS[-1])]


def _pages(story: list, frame: tuple[float, float]) -> int:
    try:
        return len(paginate(bind_headings(story), *frame))
    except LayoutError:
        return 999
