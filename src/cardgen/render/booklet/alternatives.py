"""Alternatives in brief: every library exercise the booklet names as easier, harder or without
equipment but does not teach on a page of its own, so "Harder: Bulgarian split squat" points at
something the runner can read. Each entry is kept whole, a page holds as many as fit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cardgen.plan.model import Plan
from cardgen.render.blocks import NoteLines, exercise_anchor
from cardgen.render.booklet.exercise import NOTES_MINIMUM, with_video
from cardgen.render.booklet.front import NOTE_SPACING
from cardgen.render.flow import ListBlock, RichText, TextBlock
from cardgen.render.layout import Block, Columns, Mark, PageBreak, fits_one_page
from cardgen.style.booklet import BookletStyles
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.theme import GAP
from cardgen.wording import ALTERNATIVES, ALTERNATIVES_INTRO, FORM_CUES, alternative_to, page_ref

CUES = 3  # an entry's form cues: the first few, as on a card


def alternatives_part(plan: Plan, st: BookletStyles, refs: Mapping[str, int], frame: tuple[float, float]) -> list:
    """PageBreak-separated pages of entries; [] when the plan names no exercise it leaves out."""
    if not plan.alternatives:
        return []
    opening: list = [
        Mark(ALTERNATIVES, "part-alternatives", ALTERNATIVES, 0),
        TextBlock(ALTERNATIVES, st.h1),
        TextBlock(ALTERNATIVES_INTRO, st.small),
    ]
    story: list = []
    page: list = opening
    for ex_id, ex in plan.alternatives.items():
        entry = [Mark(ALTERNATIVES, exercise_anchor(ex_id), ex.name, 1), _entry(ex_id, ex, plan, st, refs)]
        if page and not fits_one_page([*page, *entry], *frame):
            story += [PageBreak(), *page]
            page = []
        page += entry
    # The last page's white is for the runner's notes, as on an exercise page.
    return [*story, PageBreak(), *page, NoteLines(spacing=NOTE_SPACING, minimum=NOTES_MINIMUM, top_gap=st.h3.space_before)]


def _entry(ex_id: str, ex: Any, plan: Plan, st: BookletStyles, refs: Mapping[str, int]) -> Block:
    """Name; what it stands in for, with those pages; equipment; how to do it; its first cues."""
    named: list = []
    for other_id, other in plan.exercises.items():
        # Named twice by one exercise (easier, and without equipment): said once, the first way.
        for group, variants in (("easier", other.easier), ("harder", other.harder), ("no_equipment", other.no_equipment)):
            if any(v.exercise == ex_id for v in variants):
                anchor = exercise_anchor(other_id)
                named += [("; " if named else "", REGULAR), (alternative_to(group, not named), REGULAR), (other.name, REGULAR, anchor)]
                if anchor in refs:
                    named.append((f" ({page_ref(refs[anchor])})", REGULAR))
                break
    equipment = ", ".join(ex.equipment) if ex.equipment else "none"
    small = st.small.but(space_after=GAP * 0.3)
    head: list[Block] = [
        TextBlock(ex.name, st.h3.but(space_before=0)),
        RichText([*named, (". ", REGULAR), ("Equipment: ", BOLD), (equipment, REGULAR)], small),
    ]
    video = plan.videos.get(ex_id)
    if video:
        # As on an exercise page: the code beside the name, the steps below at the full width.
        head = [with_video(head, video.url, st)]
    blocks: list[Block] = [
        *head,
        ListBlock(list(ex.steps), small, numbered=True),
        RichText([(f"{FORM_CUES}: ", BOLD), (" · ".join(ex.cues[:CUES]), REGULAR)], small),
    ]
    return Columns([blocks], gap=0, space_before=GAP * 1.2, space_after=GAP * 0.6)
