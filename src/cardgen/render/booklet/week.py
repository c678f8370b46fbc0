"""A week: one page per session, a week of two sessions as one open spread."""

from __future__ import annotations

from collections.abc import Mapping

from cardgen.plan.model import SessionPlan, Week
from cardgen.render.blocks import Ghost, NoteLines, WriteLine, session_table, week_anchor
from cardgen.render.booklet.front import NOTE_SPACING
from cardgen.render.flow import Heading, TextBlock
from cardgen.render.layout import Block, Mark, PageBreak
from cardgen.style.booklet import BookletStyles
from cardgen.style.theme import GAP
from cardgen.units import MM
from cardgen.wording import week_dates_to_race, week_label, week_title


def week_pages(week: Week, st: BookletStyles, refs: Mapping[str, int], sets: int, width: float) -> list:
    """One page per session: its table of sets, cues and effort, then lines for notes.

    Weeks start on a left page, so a two-session week is one open spread, session A on the left;
    every page of the week has the same head, so the two tables start level across the spread.
    """
    if not week.sessions:
        # Every item skips this week: it still gets its page, so its dates and notes have a home.
        return [
            *_head(week, st, 0),
            TextBlock("No sessions this week: rest, run, and note how the legs feel.", st.body),
            NoteLines(spacing=NOTE_SPACING, minimum=17 * MM, top_gap=GAP),
        ]
    out: list = []
    for i, s in enumerate(week.sessions):
        if i:
            out.append(PageBreak())
        out += [*_head(week, st, i), *_session(s, st, refs, sets, width)]
    return out


def _session(s: SessionPlan, st: BookletStyles, refs: Mapping[str, int], sets: int, width: float) -> list[Block]:
    return [
        WriteLine(f"Session {s.key} · {s.focus}", "Date", st.h3, st.small.size),
        session_table(s, sets, st.table, st.table_note, st.cue, refs, width),
        NoteLines(spacing=NOTE_SPACING, minimum=17 * MM, top_gap=GAP),
    ]


def _head(week: Week, st: BookletStyles, page: int) -> list:
    first = page == 0
    label = week_label(week)
    mark = Mark(label, week_anchor(week.number), f"{label}: {week.phase}", 1) if first else Mark(label)
    title = week_title(week)
    out: list = [mark, Heading(title, st.h2, week_dates_to_race(week), st.small) if week.start else TextBlock(title, st.h2)]
    if week.note:
        note = TextBlock(week.note, st.small.but(keep_next=True))  # with the session it is about
        # Said once, on the week's first page; the pages after keep its room so the tables line up.
        out.append(note if first else Ghost(note))
    return out
