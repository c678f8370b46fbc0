"""The booklet's type scale: one size per role on every page. Sizes in points, spaces in points.

A page that is short of room gets less white space or continues on the next page; its type never
shrinks, so facing pages always match.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from cardgen.style.fonts import BOLD, ITALIC, REGULAR
from cardgen.style.text import TextStyle
from cardgen.style.theme import GAP


@dataclass(frozen=True)
class BookletStyles:
    """The booklet's type: one style per role."""

    title: TextStyle  # the cover
    h1: TextStyle  # a page's title: exercise name, "Plan at a glance"
    h2: TextStyle  # a week's heading
    h3: TextStyle  # a section: "How to do it", "Session A · Glutes & hips"
    body: TextStyle
    lead: TextStyle  # the one-sentence purpose under a title
    small: TextStyle  # notes, facts lines
    item: TextStyle  # list items: body with tighter space after
    table: float  # table text
    table_note: float  # the second line in a table cell
    table_head: float
    cue: float  # the tick strips of form cues
    folio: float  # page number and running head


BODY = 9.5

BOOKLET = BookletStyles(
    title=TextStyle(BOLD, 30, 33.6, space_after=GAP * 2, accent=True),
    h1=TextStyle(BOLD, 18, 20.7, space_after=GAP, accent=True, keep_next=True),
    h2=TextStyle(BOLD, 14, 16.8, space_before=GAP, space_after=GAP * 0.6, accent=True, keep_next=True),
    h3=TextStyle(BOLD, 11, 13.5, space_before=GAP * 0.9, space_after=GAP * 0.3, keep_next=True),
    body=TextStyle(REGULAR, BODY, BODY * 1.32, space_after=GAP * 0.6),
    lead=TextStyle(ITALIC, 10.5, 10.5 * 1.32, space_after=GAP * 0.6),
    small=TextStyle(REGULAR, 8.5, 8.5 * 1.3, space_after=GAP * 0.4),
    item=TextStyle(REGULAR, BODY, BODY * 1.32, space_after=GAP * 0.3),
    table=9.0,
    table_note=8.0,
    table_head=8.0,
    cue=8.5,
    folio=8.5,
)


def airier(styles: BookletStyles, factor: float) -> BookletStyles:
    """The same type with the white space between blocks scaled by `factor`: a page short of room
    gives up air before it runs on, and never its type size."""
    changes: dict[str, Any] = {
        f.name: v.but(space_before=v.space_before * factor, space_after=v.space_after * factor)
        for f in fields(styles)
        if isinstance(v := getattr(styles, f.name), TextStyle) and f.name != "title"
    }
    return replace(styles, **changes)
