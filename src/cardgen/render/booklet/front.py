"""The front matter and the back: cover with contents, how to use, plan at a glance, notes pages."""

from __future__ import annotations

import math
from collections.abc import Mapping

from cardgen.plan.model import Plan
from cardgen.render.blocks import FillIn, NoteLines, Rule, exercise_anchor, week_anchor
from cardgen.render.brand import Brand, LogoBlock
from cardgen.render.flow import ListBlock, RichText, TextBlock
from cardgen.render.layout import Block, Mark, Spacer, fits_one_page
from cardgen.render.table import Cell, Column, RuledTable
from cardgen.style.booklet import BookletStyles
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.theme import GAP
from cardgen.units import MM
from cardgen.wording import (
    ALTERNATIVES,
    FORM_CUES,
    NBSP,
    long_date,
    page_ref,
    phase_tag,
    plural,
    rest_text,
    session_dose,
    session_summary,
    swap_reason,
    to_race,
    week_dates,
    week_label,
)

NOTE_SPACING = 8.5 * MM  # wide-ruled: a pen's line


LOGO_BOX = (30 * MM, 12 * MM)  # the most a coach's logo takes on the cover: it brands, the plan is the news


def cover(plan: Plan, athlete: str | None, st: BookletStyles, refs: Mapping[str, int], frame: tuple[float, float], brand: Brand | None = None) -> list:
    """The cover, airy when it can be; a long title or name takes the air first, then the contents.
    A coach's logo stands in the top corner, in the air above the title."""
    facts = [plural(len(plan.weeks), "week"), f"{plural(plan.sessions_per_week, 'session')} a week"]
    if plan.minutes:
        facts.append(f"about {plan.minutes}\u00a0minutes each")
    rows = [("Athlete", athlete or "")]
    race = plan.weeks[plan.race_week - 1] if plan.race_week and plan.race_week <= len(plan.weeks) else None
    if plan.start:
        rows.append(("Starts", long_date(plan.start)))
        end = plan.race_day or (race.end if race else None)  # the client's race, else the end of race week
        if end:
            rows.append(("Race day", long_date(end)))
    else:
        rows += [("Starts", ""), ("Race day", "")]
    rows.append(("Coach", brand.signature if brand else ""))
    if brand and brand.contact:
        # Each part whole on its line, the separator ending the line it follows.
        rows.append(("Contact", f"{NBSP}· ".join(c.replace(" ", NBSP) for c in brand.contact)))
    title = TextBlock(plan.title, st.title)
    if title.measure(frame[0]) > 3 * st.title.leading:
        title = TextBlock(plan.title, st.h1)  # four lines of display type would crowd out the rest
    out: list = []
    for top, mid, contents in ((18, 14, True), (4, 6, True), (0, 4, False)):
        out = [Mark("", "cover", "Cover", 0)]
        if brand and brand.logo:
            logo = LogoBlock(brand.logo, *LOGO_BOX, align="right", space_after=4 * MM)
            out += [logo, Spacer(max(0.0, top * MM - logo.h - 4 * MM))]
        else:
            out.append(Spacer(top * MM))
        out.append(title)
        if plan.subtitle:
            out.append(TextBlock(plan.subtitle, st.lead))
        out += [Spacer(GAP), Rule(1.0), Spacer(GAP), TextBlock(" · ".join(facts), st.h3), Spacer(mid * MM), FillIn(rows, st.lead.size)]
        if contents:
            out += [Spacer(mid * 0.7 * MM), _contents(plan, st, refs)]
        if fits_one_page(out, *frame):
            break
    return out


def _contents(plan: Plan, st: BookletStyles, refs: Mapping[str, int]) -> Block:
    first_ex = exercise_anchor(next(iter(plan.exercises)))
    first_week = week_anchor(plan.weeks[0].number)
    entries = [
        ("How to use this booklet", "how-to", refs["how-to"]),
        ("Plan at a glance", "overview", refs["overview"]),
        ("Exercises", first_ex, refs[first_ex]),
    ]
    if plan.alternatives:
        first_alt = exercise_anchor(next(iter(plan.alternatives)))  # on the part's first page
        entries.append((ALTERNATIVES, first_alt, refs[first_alt]))
    entries.append(("Weeks", first_week, refs[first_week]))
    rows: list = [[Cell(label, link=key), Cell(str(page), align="right")] for label, key, page in entries]
    return RuledTable([Column("", None), Column("", 14 * MM, "right")], rows, size=st.body.size, min_row=7 * MM, header=False, row_links=True)


def how_to(plan: Plan, st: BookletStyles) -> list:
    # A client without a band is not told to choose one, nor shown one in the examples.
    band = plan.have is None or "band" in plan.have
    rests = sorted({p.dose.rest or 0 for w in plan.weeks for s in w.sessions for p in s.items})
    rest = rest_text(rests[0]) if len(rests) == 1 else f"{rest_text(rests[0])} to {rest_text(rests[-1]).removeprefix('rest ')}"
    points = [
        f"Do {plural(plan.sessions_per_week, 'session')} a week with at least a day between them. Put them on easy-run or "
        "rest days, or after an easy run, never the day before a long run or a hard workout.",
        "Each session has its own page in its week, with one table: a row per exercise with the target of every set "
        f"in its cell, its {FORM_CUES.lower()} to tick underneath, and an Effort cell.",
        "Tick a set’s box when it is done and write what you did in the cell: reps and load, such as "
        f"“10 @ 12 kg” or {'“12, red band”' if band else '“12, bodyweight”'}. Next week starts from that number.",
        f"{rest.capitalize()} between sets, as each exercise says: more after jumps and heavy or slow lowering work, "
        "less after light ones. Move with control; a fast rep is rarely a good one.",
        f"Choose a load{' or band' if band else ''} that leaves one or two good reps in reserve at the end of each set.",
        "Effort is how hard the exercise felt, from 1 (very easy) to 10 (could not do one more rep). Most should feel 6–8.",
        f"Read the {FORM_CUES.lower()} before each set. When a cue fails, stop the set there: those reps count.",
    ]
    out: list = [Mark("How to use", "how-to", "How to use this booklet", 0), TextBlock("How to use this booklet", st.h1)]
    if plan.about:
        out.append(TextBlock(plan.about, st.body))
    out.append(ListBlock(points, st.item, numbered=True))
    out += [TextBlock("Symbols", st.h3), _legend(st)]
    return out


def _legend(st: BookletStyles) -> RuledTable:
    rows: list = [
        [Cell("10–12", tick=True), Cell("Do 10 to 12 reps, tick the box, write what you did")],
        [Cell("30\u00a0s", tick=True), Cell("Hold for 30 seconds")],
        [Cell("each side", bold=True), Cell("The target is for each side: do both")],
        [Cell("", shade=True), Cell("No set here this week")],
    ]
    return RuledTable([Column("", 24 * MM), Column("")], rows, size=st.table, min_row=7 * MM, header=False)


NAMED_CELL = 28 * MM  # a session column narrower than this gives its dose alone: a name would break letter by letter


def overview(plan: Plan, st: BookletStyles, refs: Mapping[str, int], width: float = math.inf) -> list:
    keys = list(dict.fromkeys(s.key for w in plan.weeks for s in w.sessions))
    crowded = len(keys) > 2  # narrow session columns: short heads, no focus line
    week_w = 26 * MM if plan.start else 22 * MM
    named = (width - week_w - 11 * MM) / len(keys) >= NAMED_CELL if keys else True
    # The week's dates and phase go under its label: the session columns keep the width.
    columns = [Column("Week", week_w)]
    columns += [Column(k if crowded else f"Session {k}") for k in keys] + [Column("Page", 11 * MM, "right")]
    rows: list = []
    for week in plan.weeks:
        by_key = {s.key: s for s in week.sessions}
        anchor = week_anchor(week.number)
        marked = week.kind != "build" or week.race
        note = "\n".join(x for x in (week_dates(week, year=False), phase_tag(week), to_race(week) if week.to_race else "") if x)
        row = [Cell(week_label(week), bold=True, note=note, link=anchor, shade=marked)]
        for k in keys:
            s = by_key.get(k)
            # A narrow column may break a dose after its ×: "6 ×" over "8–10" reads, "6 × 8–" does not.
            text = session_summary(s) if s and named else session_dose(s)[0].replace(f"×{NBSP}", "× ") if s else ""
            row.append(Cell(text, note="" if crowded else s.focus) if s else Cell("—", shade=True))
        row.append(Cell(str(refs[anchor]), align="right"))
        rows.append(row)
    out: list = [
        Mark("Plan at a glance", "overview", "Plan at a glance", 0),
        TextBlock("Plan at a glance", st.h1),
        TextBlock(
            "Each cell gives the session’s sets × target; where its exercises differ, its main lift’s"
            + (", named. " if named else ". ")
            + "Tap a week to go to its pages.",
            st.small.but(keep_next=True),
        ),
        RuledTable(columns, rows, size=st.table + 0.5, min_row=9 * MM, row_links=True),
        Spacer(GAP),
    ]
    seen = set()
    for w in plan.weeks:
        if w.note and w.phase not in seen:
            seen.add(w.phase)
            out.append(RichText([(f"{w.phase}: ", BOLD), (w.note, REGULAR)], st.small))
    # What the client's equipment changed, and where the exercise that stands in is explained.
    for swap in plan.swaps:
        anchor = exercise_anchor(swap.substitute)
        name = plan.names[swap.substitute]
        ref = [(f" ({page_ref(refs[anchor])})", REGULAR)] if anchor in refs else []
        runs: list = [(f"{swap_reason(swap.missing)}: ", BOLD)]
        if swap.left_out:
            runs += [(f"{plan.names[swap.original]} left out where its stand-in, ", REGULAR), (name, REGULAR, anchor), *ref, (", is already done", REGULAR)]
        else:
            runs += [(f"{plan.names[swap.original]} swapped for ", REGULAR), (name, REGULAR, anchor), *ref]
        out.append(RichText(runs, st.small))
    return out


def notes_page(st: BookletStyles) -> list:
    return [Mark("Notes"), TextBlock("Notes", st.h2), NoteLines(spacing=NOTE_SPACING)]
