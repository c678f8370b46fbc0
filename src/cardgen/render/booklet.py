"""The booklet in reading order: cover, how to use, overview, exercise pages, one spread per week."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.flowables import DocIf, Flowable

from cardgen.plan.model import Plan, Week
from cardgen.prepress.paper import BOOKLET_PAGE, Size
from cardgen.render.blocks import (
    NoteLines,
    TickList,
    exercise_anchor,
    log_table,
    set_rep_grid,
    week_anchor,
)
from cardgen.render.flow import Heading, ListBlock, RichText, TextBlock, bind_headings
from cardgen.render.document import Meta, finish_canvas, tune_reportlab
from cardgen.render.styles import Styles, measure, styles
from cardgen.render.table import Cell, Column, RuledTable
from cardgen.render.text import wrap
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.theme import GAP, RULE, SCALE, Theme
from cardgen.units import MM

# Page sketch: 12 mm at the head, foot and outer edge, 15 mm at the spine.
OUTER, INNER, HEAD, FOOT = 12 * MM, 15 * MM, 13 * MM, 12 * MM


@dataclass(frozen=True)
class BookletOptions:
    paper: str = "a4"
    athlete: str | None = None
    theme: Theme | None = None


def render_booklet(plan: Plan, options: BookletOptions, theme: Theme) -> tuple[bytes, int]:
    """The booklet PDF and its page count (a multiple of four, ready for imposition)."""
    tune_reportlab()
    page = BOOKLET_PAGE[options.paper]
    st = styles(theme)
    frame = (page.width - OUTER - INNER, page.height - HEAD - FOOT)
    refs = _predict_pages(plan)
    for _ in range(3):
        buf = io.BytesIO()
        doc = _Doc(buf, plan, options, page, theme)
        doc.build(bind_headings(_story(plan, options, st, theme, frame, refs)))
        # Page references are printed before their targets are laid out: the prediction is
        # right unless an exercise page spilled over; then lay out once more with the truth.
        actual = {k: doc.anchor_pages[k] for k in refs}
        if actual == refs:
            break
        refs = actual
    return buf.getvalue(), doc.page


def _predict_pages(plan: Plan) -> dict[str, int]:
    """Where each exercise and week will start if every part takes the pages it is designed for."""
    refs: dict[str, int] = {}
    page = 3  # cover, how to use, plan at a glance
    for ex_id in plan.exercises:
        page += 1
        refs[exercise_anchor(ex_id)] = page
    for week in plan.weeks:
        page += 1
        if len(week.sessions) > 1 and page % 2:
            page += 1
        refs[week_anchor(week.number)] = page
        page += len(week.sessions) - 1
    return refs


class _Doc(BaseDocTemplate):
    def __init__(self, buf, plan: Plan, options: BookletOptions, page: Size, theme: Theme):
        self.plan, self.options, self.theme, self.section = plan, options, theme, ""
        self.anchor_pages: dict[str, int] = {}
        meta = Meta(
            title=plan.title,
            author=options.athlete or "cardgen",
            subject=plan.subtitle or f"{len(plan.weeks)}-week training plan",
            keywords=f"{plan.id}, training plan, booklet",
        )
        self.meta = meta
        super().__init__(
            buf,
            pagesize=page.as_tuple(),
            invariant=1,
            initialFontName=REGULAR,  # else every page names Helvetica, unembedded
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            creator="cardgen",
            leftMargin=0,
            rightMargin=0,
            topMargin=0,
            bottomMargin=0,
        )
        w, h = page.width, page.height
        body_w, body_h = w - OUTER - INNER, h - HEAD - FOOT
        # Odd pages are right-hand pages: the spine is on their left.
        right = Frame(INNER, FOOT, body_w, body_h, 0, 0, 0, 0, id="right")
        left = Frame(OUTER, FOOT, body_w, body_h, 0, 0, 0, 0, id="left")
        self.addPageTemplates(
            [
                PageTemplate("right", [right], onPageEnd=self._furniture, autoNextPageTemplate="left"),
                PageTemplate("left", [left], onPageEnd=self._furniture, autoNextPageTemplate="right"),
            ]
        )

    def handle_documentBegin(self):
        super().handle_documentBegin()
        finish_canvas(self.canv, self.meta)
        self.canv.showOutline()

    def _furniture(self, canv, doc) -> None:
        """Running head and page number, drawn after the page's content so the section is current."""
        n = canv.getPageNumber()
        if n == 1:
            return
        w, h = self.pagesize
        odd = n % 2 == 1
        canv.saveState()
        canv.setFillColorRGB(*self.theme.ink)
        canv.setStrokeColorRGB(*self.theme.ink)
        canv.setFont(REGULAR, SCALE.tiny + 0.5)
        x_in, x_out = (INNER, w - OUTER) if odd else (w - INNER, OUTER)
        y = h - 10 * MM  # cap tops stay clear of the 6.35 mm a printer cannot reach
        title = _fit(self.plan.title, REGULAR, SCALE.tiny + 0.5, (w - OUTER - INNER) * 0.55)
        section = _fit(self.section, BOLD, SCALE.tiny + 0.5, (w - OUTER - INNER) * 0.42)
        # Title by the spine, the section at the outer edge where a thumb finds it.
        if odd:
            canv.drawString(x_in, y, title)
            canv.setFont(BOLD, SCALE.tiny + 0.5)
            canv.drawRightString(x_out, y, section)
        else:
            canv.drawRightString(x_in, y, title)
            canv.setFont(BOLD, SCALE.tiny + 0.5)
            canv.drawString(x_out, y, section)
        canv.setLineWidth(RULE)
        canv.line(min(x_in, x_out), y - 1.6 * MM, max(x_in, x_out), y - 1.6 * MM)
        canv.setFont(REGULAR, SCALE.small)
        (canv.drawRightString if odd else canv.drawString)(x_out, 8.5 * MM, str(n))
        canv.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    lines = wrap(text, font, size, width)
    if len(lines) <= 1:
        return text
    return lines[0].rstrip("-") + "…"


class Section(Flowable):
    """Marks where a part starts: sets the running head, a bookmark and an outline entry."""

    def __init__(self, head: str, key: str | None = None, title: str | None = None, level: int = 0):
        super().__init__()
        self.head, self.key, self.title, self.level = head, key, title, level
        self.width = self.height = 0

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate
        doc.section = self.head
        if self.key:
            doc.anchor_pages[self.key] = self.canv.getPageNumber()
            self.canv.bookmarkPage(self.key)
            self.canv.addOutlineEntry(self.title or self.head, self.key, self.level, closed=self.level == 0 and self.key.startswith("part-"))


class IfOddPage(DocIf):
    """Adds `block` when the flow stands on an odd (right-hand) page."""

    def __init__(self, block: list[Flowable]):
        super().__init__("", block)

    def funcWrap(self, aW, aH):
        return self._doctemplateAttr("page") % 2 == 1


class PadToMultiple(DocIf):
    """Appends notes pages until the page count is a multiple of `n`, as saddle stitching needs."""

    def __init__(self, n: int, page: list[Flowable]):
        super().__init__("", [])
        self.n, self.page = n, page

    def wrap(self, aW, aH):
        if self._doctemplateAttr("page") % self.n:
            self.add_content(PageBreak(), *self.page(), PadToMultiple(self.n, self.page))
        return 0, 0


def _notes_page(st: Styles, theme: Theme) -> list[Flowable]:
    return [Section("Notes"), TextBlock("Notes", st.h2), NoteLines(theme, spacing=8.5 * MM)]


def _story(plan: Plan, options: BookletOptions, st: Styles, theme: Theme, frame: tuple[float, float], refs: dict[str, int]) -> list[Flowable]:
    story: list[Flowable] = []
    story += _cover(plan, options, st, theme)
    story += [PageBreak()] + _how_to(plan, st, theme)
    story += [PageBreak()] + _overview(plan, st, theme, refs)
    first = True
    for ex_id, ex in plan.exercises.items():
        story.append(PageBreak())
        if first:
            story.append(Section("Exercises", "part-exercises", "Exercises", 0))
            first = False
        story += _exercise_page(ex_id, ex, plan, theme, frame, refs)
    for i, week in enumerate(plan.weeks):
        story.append(PageBreak())
        if len(week.sessions) > 1:
            # A week of several sessions opens as a spread: it starts on a left (even) page.
            story.append(IfOddPage(_notes_page(st, theme) + [PageBreak()]))
        if i == 0:
            story.append(Section("Weeks", "part-weeks", "Weeks", 0))
        story += _week_pages(week, st, theme, frame, refs)
    story.append(PadToMultiple(4, lambda: _notes_page(st, theme)))
    return story


def _cover(plan: Plan, options: BookletOptions, st: Styles, theme: Theme) -> list[Flowable]:
    n, s = len(plan.weeks), plan.sessions_per_week
    facts = [f"{n} week{'s' if n != 1 else ''}", f"{s} session{'s' if s != 1 else ''} a week"]
    if plan.minutes:
        facts.append(f"about {plan.minutes} minutes each")
    out: list[Flowable] = [Section("", "cover", "Cover", 0), Spacer(1, 18 * MM), TextBlock(plan.title, st.title)]
    if plan.subtitle:
        out.append(TextBlock(plan.subtitle, st.lead))
    out += [Spacer(1, GAP), Rule(theme, 1.0), Spacer(1, GAP), TextBlock(" · ".join(facts), st.h3)]
    rows = [("Athlete", options.athlete or "")]
    if plan.start:
        rows.append(("Starts", f"{plan.start:%A %-d %B %Y}"))
        if plan.race_week:
            race = plan.weeks[plan.race_week - 1].end
            rows.append(("Race day", f"{race:%A %-d %B %Y}"))
    else:
        rows += [("Starts", ""), ("Race day", "")]
    rows.append(("Coach", ""))
    out += [Spacer(1, 14 * MM), FillIn(rows, theme)]
    return out


class Rule(Flowable):
    def __init__(self, theme: Theme, weight: float = RULE, space: float = 0):
        super().__init__()
        self.theme, self.weight, self.space = theme, weight, space

    def wrap(self, aW, aH):
        self.width = aW
        return aW, self.weight + self.space

    def draw(self):
        self.canv.setStrokeColorRGB(*self.theme.accent)
        self.canv.setLineWidth(self.weight)
        self.canv.line(0, self.space / 2, self.width, self.space / 2)


class TitledLine(Flowable):
    """A heading with a labelled line to write on beside it: "Log    Date ________"."""

    keep_next = True

    def __init__(self, title: str, label: str, style, theme: Theme):
        super().__init__()
        self.title, self.label, self.style, self.theme = title, label, style, theme

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.style.fontSize * 1.6
        return self.width, self.height

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        c, size = self.canv, self.style.fontSize
        c.setFillColorRGB(*self.theme.ink)
        c.setFont(BOLD, size)
        c.drawString(0, size * 0.4, self.title)
        x = stringWidth(self.title, BOLD, size) + 8 * MM
        c.setFont(REGULAR, SCALE.small)
        c.drawString(x, size * 0.4, self.label)
        x += stringWidth(self.label, REGULAR, SCALE.small) + 2 * MM
        c.setStrokeColorRGB(0.55, 0.55, 0.55)
        c.setLineWidth(0.75)
        c.line(x, size * 0.4 - 1, min(self.width, x + 60 * MM), size * 0.4 - 1)


class FillIn(Flowable):
    """Label: value lines; an empty value gets a line to write on."""

    def __init__(self, rows: list[tuple[str, str]], theme: Theme, size: float = SCALE.lead, pitch: float = 11 * MM):
        super().__init__()
        self.rows, self.theme, self.size, self.pitch = rows, theme, size, pitch

    def wrap(self, aW, aH):
        self.width = aW
        self._values = [wrap(v, BOLD, self.size, aW - 28 * MM) if v else () for _, v in self.rows]
        self.height = sum(self.pitch + max(0, len(v) - 1) * self.size * 1.25 for v in self._values)
        return aW, self.height

    def draw(self):
        c = self.canv
        c.setFillColorRGB(*self.theme.ink)
        c.setStrokeColorRGB(0.55, 0.55, 0.55)
        c.setLineWidth(0.75)
        y = self.height
        for (label, _), lines in zip(self.rows, self._values):
            y -= self.pitch * 0.6
            c.setFont(REGULAR, self.size)
            c.drawString(0, y, label)
            if lines:
                c.setFont(BOLD, self.size)
                for line in lines:
                    c.drawString(28 * MM, y, line)
                    y -= self.size * 1.25
                y += self.size * 1.25
            else:
                c.line(28 * MM, y - 1, self.width, y - 1)
            y -= self.pitch * 0.4


def _how_to(plan: Plan, st: Styles, theme: Theme) -> list[Flowable]:
    rest = sorted({p.dose.rest for w in plan.weeks for s in w.sessions for p in s.items})
    rest_text = " or ".join(f"{r} s" for r in rest)
    points = [
        f"Do {plan.sessions_per_week} session{'s' if plan.sessions_per_week != 1 else ''} a week with at least a day "
        "between them. Put them on easy-run or rest days, or after an easy run, never before a hard one.",
        "Each session has its own page in its week: the target of every set with a box to tick when it "
        "is done, the form checks under each exercise, and a log for what you lifted and how it felt.",
        f"Rest {rest_text} between sets. Move slowly and with control; a fast rep is rarely a good one.",
        "Choose a load or band that leaves one or two good reps in reserve at the end of each set. "
        "Write it in the log so next week starts from a number.",
        "In the log, Load is the weight or band you used, each Set the reps you did, and Effort how hard "
        "the session felt from 1 (very easy) to 10 (could not do one more rep). Most sessions should feel 6–8.",
        "Check the form cues before each set. When a cue fails, stop the set there: those reps count.",
    ]
    out: list[Flowable] = [Section("How to use", "how-to", "How to use this booklet", 0), TextBlock("How to use this booklet", st.h1)]
    if plan.about:
        out.append(TextBlock(plan.about, st.body))
    out.append(ListBlock(points, st.item, numbered=True))
    out += [TextBlock("Symbols", st.h3), _legend(theme)]
    return out


def _legend(theme: Theme) -> RuledTable:
    rows = [
        [Cell("10–12", tick=True), Cell("Do 10 to 12 reps, then tick the box")],
        [Cell("30 s", tick=True), Cell("Hold for 30 seconds")],
        [Cell("each side", bold=True), Cell("The target is for each side: do both")],
        [Cell("", shade=True), Cell("No set here this week")],
    ]
    return RuledTable([Column("", 24 * MM), Column("")], rows, theme, size=9.5, min_row=7 * MM, header=False)


def _overview(plan: Plan, st: Styles, theme: Theme, refs: dict[str, int]) -> list[Flowable]:
    keys = list(dict.fromkeys(s.key for w in plan.weeks for s in w.sessions))
    columns = [Column("Week", 26 * MM)]
    if plan.start:
        columns.append(Column("Dates", 33 * MM))
    columns += [Column(f"Session {k}") for k in keys]
    rows = []
    for week in plan.weeks:
        by_key = {s.key: s for s in week.sessions}
        anchor = week_anchor(week.number)
        marked = week.kind != "build" or week.race
        phase = week.phase if week.kind != "build" else ""
        if week.race and "race" not in phase.lower():
            phase = f"{phase} · race" if phase else "Race week"
        note = " · ".join(x for x in (phase, f"p. {refs[anchor]}") if x)
        row = [Cell(f"Week {week.number}", bold=True, note=note, link=anchor, shade=marked)]
        if plan.start:
            row.append(Cell(week.dates, size=9, link=anchor))
        for k in keys:
            s = by_key.get(k)
            row.append(Cell(s.dose_summary, note=s.focus, link=anchor) if s else Cell("—", shade=True))
        rows.append(row)
    out: list[Flowable] = [
        Section("Plan at a glance", "overview", "Plan at a glance", 0),
        TextBlock("Plan at a glance", st.h1),
        TextBlock("Each cell is that session's usual dose: sets × reps. Tap a week to go to its pages.", st.small),
        RuledTable(columns, rows, theme, size=10, min_row=9 * MM),
        Spacer(1, GAP),
    ]
    notes = [w for w in plan.weeks if w.note]
    seen = set()
    for w in notes:
        if w.phase in seen:
            continue
        seen.add(w.phase)
        out.append(RichText([(f"{w.phase}: ", BOLD), (w.note, REGULAR)], st.small))
    return out


def _exercise_page(ex_id: str, ex, plan: Plan, theme: Theme, frame: tuple[float, float], refs: dict[str, int]) -> list[Flowable]:
    """One page per exercise: tightened a little when it would spill, flowing on only past that."""
    for scale in (1.0, 0.94, 0.88):
        page = _exercise_flowables(ex_id, ex, plan, styles(theme, scale), theme, refs)
        if measure(page, frame[0]) <= frame[1]:
            break
    return page


def _exercise_flowables(ex_id: str, ex, plan: Plan, st: Styles, theme: Theme, refs: dict[str, int]) -> list[Flowable]:
    muscles = ", ".join(ex.muscles.primary + ex.muscles.secondary)
    equipment = ", ".join(ex.equipment) if ex.equipment else "none"
    out: list[Flowable] = [
        Section(ex.name, exercise_anchor(ex_id), ex.name, 1),
        TextBlock(ex.name, st.h1),
        RichText([("Works: ", BOLD), (f"{muscles} · ", REGULAR), ("Equipment: ", BOLD), (equipment, REGULAR)], st.small),
        TextBlock(ex.purpose, st.lead),
    ]
    if ex.image:
        out.append(_image(plan, ex))
    if ex.setup:
        out += [TextBlock("Set up", st.h3), TextBlock(ex.setup, st.body)]
    out += [
        TextBlock("How to do it", st.h3),
        ListBlock(list(ex.steps), st.item, numbered=True),
        TextBlock("Form checks", st.h3),  # h3 keeps with the list that follows
        TickList(list(ex.cues), st.body.fontSize, theme),
    ]
    if ex.mistakes:
        out += [
            TextBlock("Common mistakes", st.h3),
            ListBlock(list(ex.mistakes), st.item, numbered=False),
        ]
    alts = []
    for label, group in (("Easier", ex.easier), ("Harder", ex.harder), ("No equipment", ex.no_equipment)):
        for v in group:
            runs = [(f"{label}: ", BOLD)]
            if v.exercise:
                anchor = exercise_anchor(v.exercise)
                # Only exercises of this plan have a page to point to.
                runs.append((plan.names[v.exercise], REGULAR, anchor) if anchor in refs else (plan.names[v.exercise], REGULAR))
                if anchor in refs:
                    runs.append((f" (page {refs[anchor]})", REGULAR))
            else:
                runs.append((v.name, REGULAR))
            if v.note:
                runs.append((f": {v.note}", REGULAR))
            alts.append(RichText(runs, st.item))
    if alts:
        out += [TextBlock("Alternatives", st.h3)] + alts
    return out


def _image(plan: Plan, ex) -> Flowable:
    from reportlab.platypus import Image

    img = Image(ex.image, width=60 * MM, height=40 * MM, kind="proportional")
    img.hAlign = "LEFT"
    return img


def _week_pages(week: Week, st: Styles, theme: Theme, frame: tuple[float, float], refs: dict[str, int]) -> list[Flowable]:
    """One page per session: what to do (the set/rep grid), how (the form checks) and the log.

    Weeks start on a left page, so a two-session week is one open spread, session A on the left.
    """
    out: list[Flowable] = []
    for i, s in enumerate(week.sessions):
        if i:
            out.append(PageBreak())
        out += _week_head(week, st, first=i == 0)
        out += [
            TextBlock(f"Session {s.key} · {s.focus}", st.h3),
            set_rep_grid(s, theme, refs=refs),
            TitledLine("Log", "Date", st.h3, theme),
            log_table(s, theme),
            NoteLines(theme, spacing=8.5 * MM, minimum=17 * MM, top_gap=GAP),
        ]
    return out


def _week_head(week: Week, st: Styles, first: bool) -> list[Flowable]:
    head = f"Week {week.number} · {week.phase}" + (" · Race week" if week.race and "race" not in week.phase.lower() else "")
    section = Section(f"Week {week.number}", week_anchor(week.number), f"Week {week.number}: {week.phase}", 1) if first else Section(f"Week {week.number}")
    out: list[Flowable] = [section, Heading(head, st.h2, week.dates, st.small) if week.dates else TextBlock(head, st.h2)]
    if week.note and first:  # said once a week, on the spread's first page
        out.append(TextBlock(week.note, st.small))
    return out
