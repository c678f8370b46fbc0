"""The booklet in reading order: cover, how to use, overview, exercise pages, one spread per week."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import LayoutError
from cardgen.plan.model import Plan, Week
from cardgen.prepress.imposition import saddle_stitch
from cardgen.prepress.paper import BOOKLET_PAGE, SHEETS, Size
from cardgen.render.blocks import (
    NoteLines,
    TickList,
    exercise_anchor,
    log_table,
    set_rep_grid,
    week_anchor,
)
from cardgen.render.document import Meta, finish_canvas, tune_reportlab
from cardgen.render.flow import Heading, ListBlock, RichText, TextBlock
from cardgen.render.layout import Block, Columns, DrawContext, IfOddPage, Mark, Page, PageBreak, Spacer, bind_headings, fits_one_page, paginate
from cardgen.style.booklet import BOOKLET, BookletStyles as Styles
from cardgen.render.table import Cell, Column, RuledTable
from cardgen.render.text import one_line, wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.style.theme import GAP, RULE, SCALE, Theme
from cardgen.units import MM
from cardgen.wording import FORM_CUES, long_date, page_ref, session_summary, week_dates

# Page sketch: 12 mm at the head, foot and outer edge, 15 mm at the spine.
OUTER, INNER, HEAD, FOOT = 12 * MM, 15 * MM, 13 * MM, 13 * MM
FOLIO = 7.5 * MM  # the page number's baseline: figures have no descenders, so it clears 6.35 mm


@dataclass(frozen=True)
class BookletOptions:
    paper: str = "a4"
    athlete: str | None = None
    long_edge: bool = False  # the print file's backs turned for printers that only flip on the long edge


@dataclass(frozen=True)
class Booklet:
    reading: bytes  # pages in reading order, for screens and email
    imposed: bytes  # two pages a sheet in saddle-stitch order, to print duplex and fold
    warnings: tuple[str, ...] = ()


# Past about sixteen sheets a folded stack will not close flat or take a staple.
FOLDABLE_PAGES = 64


def render_booklet(plan: Plan, options: BookletOptions, theme: Theme) -> Booklet:
    """Lay the booklet out once and draw it twice: in reading order and imposed for folding."""
    tune_reportlab()
    register()
    size = BOOKLET_PAGE[options.paper]
    st = BOOKLET
    frame = (size.width - OUTER - INNER, size.height - HEAD - FOOT)
    # Page references are printed before their targets are laid out: lay out with a guess, then
    # with what that layout found, until the two agree. A reference that moves its own target
    # (a longer number that pushes a page over) could swing for ever: that is an error, never a
    # stale number in print.
    refs = _predict_pages(plan)
    seen: list[dict[str, int]] = []
    while True:
        pages = _layout(plan, options, st, theme, frame, refs)
        actual = {m.key: p.number for p in pages for m in p.marks if m.key in refs}
        if actual == refs:
            break
        if actual in seen:
            raise LayoutError("the booklet's page numbers do not settle: a page reference keeps moving the page it points to")
        seen.append(refs)
        refs = actual
    meta = Meta(
        title=plan.title,
        author=options.athlete or "cardgen",
        subject=plan.subtitle or f"{len(plan.weeks)}-week training plan",
        keywords=f"{plan.id}, training plan, booklet",
    )
    warnings = []
    if len(pages) > FOLDABLE_PAGES:
        warnings.append(
            f"booklet.pdf has {len(pages)} pages, {len(pages) // 4} sheets folded together: too thick to fold and staple; "
            "print booklet.pdf single-sided instead, or split the plan into shorter ones"
        )
    painter = _Painter(plan, theme, size)
    return Booklet(painter.reading(pages, meta), painter.imposed(pages, meta, SHEETS[options.paper], options.long_edge), tuple(warnings))


def _layout(plan: Plan, options: BookletOptions, st: Styles, theme: Theme, frame, refs) -> list[Page]:
    story = bind_headings(_story(plan, options, st, theme, frame, refs))
    pages = paginate(story, *frame, pad_to=4, reserve=1, filler=lambda: _notes_page(st, theme))
    back = paginate(bind_headings(_back_cover(options, st, theme)), *frame)
    for p in back:
        p.number += len(pages)
    return pages + back


def _predict_pages(plan: Plan) -> dict[str, int]:
    """Where each exercise and week will start if every part takes the pages it is designed for."""
    refs: dict[str, int] = {"how-to": 2, "overview": 3}
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


class _Painter:
    """Draws laid-out pages: one per PDF page, or two per sheet in saddle-stitch order."""

    def __init__(self, plan: Plan, theme: Theme, size: Size):
        self.plan, self.theme, self.size = plan, theme, size

    def _canvas(self, buf, pagesize, meta: Meta) -> Canvas:
        canv = Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1, initialFontName=REGULAR)
        finish_canvas(canv, meta)
        return canv

    def reading(self, pages: list[Page], meta: Meta) -> bytes:
        buf = io.BytesIO()
        canv = self._canvas(buf, self.size.as_tuple(), meta)
        canv.showOutline()
        for page in pages:
            for mark in page.marks:
                if mark.key:
                    canv.bookmarkPage(mark.key)
                    canv.addOutlineEntry(mark.title or mark.head, mark.key, mark.level, closed=mark.level == 0 and mark.key.startswith("part-"))
            self._page(canv, page, links=True)
            canv.showPage()
        canv.save()
        return buf.getvalue()

    def imposed(self, pages: list[Page], meta: Meta, sheet: Size, long_edge: bool) -> bytes:
        buf = io.BytesIO()
        sheet = sheet.landscape
        canv = self._canvas(buf, sheet.as_tuple(), Meta(f"{meta.title} (print file)", meta.author, meta.subject, meta.keywords))
        by_number = {p.number: p for p in pages}
        w = self.size.width
        for spread in saddle_stitch(len(pages)):
            for side, (left, right) in (("front", spread.front), ("back", spread.back)):
                turn = side == "back" and long_edge
                for slot, number in ((0, left), (1, right)):
                    canv.saveState()
                    if turn:
                        # A long-edge flip turns the back upside down; draw it turned so it lands upright.
                        canv.translate(sheet.width, sheet.height)
                        canv.rotate(180)
                    canv.translate(slot * w, 0)
                    self._page(canv, by_number[number], links=False)
                    canv.restoreState()
                canv.showPage()
        canv.save()
        return buf.getvalue()

    def _page(self, canv: Canvas, page: Page, links: bool) -> None:
        x0 = INNER if page.number % 2 else OUTER  # odd pages are right-hand pages: spine on the left
        ctx = DrawContext(canv, self.theme, links)  # a printed sheet has nothing to click
        width = self.size.width - OUTER - INNER
        for block, x, y in page.placed:
            block.draw(ctx, x0 + x, FOOT + y, width)
        if page.number > 1:
            self._furniture(canv, page)

    def _furniture(self, canv: Canvas, page: Page) -> None:
        """Running head and page number."""
        n = page.number
        w, h = self.size.width, self.size.height
        odd = n % 2 == 1
        size = SCALE.tiny + 0.5
        x_in, x_out = (INNER, w - OUTER) if odd else (w - INNER, OUTER)
        y = h - 10 * MM  # cap tops stay clear of the 6.35 mm a printer cannot reach
        title = one_line(self.plan.title, REGULAR, size, (w - OUTER - INNER) * 0.55)
        section = one_line(page.head, BOLD, size, (w - OUTER - INNER) * 0.42)
        with TextBatch(canv, self.theme.ink) as text:
            # Title by the spine, the section at the outer edge where a thumb finds it.
            text.put(x_in, y, title, REGULAR, size, "left" if odd else "right")
            text.put(x_out, y, section, BOLD, size, "right" if odd else "left")
            text.put(x_out, FOLIO, str(n), REGULAR, SCALE.small, "right" if odd else "left")
        canv.saveState()
        canv.setStrokeColorRGB(*self.theme.ink)
        canv.setLineWidth(RULE)
        canv.line(min(x_in, x_out), y - 1.6 * MM, max(x_in, x_out), y - 1.6 * MM)
        canv.restoreState()


def _back_cover(options: BookletOptions, st: Styles, theme: Theme) -> list:
    """The last page sits on the first printed sheet, beside the cover: it says how to print."""
    paper = "A4" if options.paper == "a4" else "Letter"
    flip = "long edge" if options.long_edge else "short edge"
    steps = [
        "Open booklet-print.pdf: it holds these pages two to a sheet, in the order that folds into this booklet.",
        f"Print it on {paper}, double-sided, flip on {flip}, at actual size (100 %, no fit to page).",
        "Keep the sheets in the order they come out, fold the stack in half and staple twice along the fold.",
        "To read on a screen or send by email, use booklet.pdf: the same pages in reading order.",
    ]
    return [
        Mark("Printing"),
        TextBlock("Notes", st.h2),
        NoteLines(spacing=8.5 * MM, height=95 * MM),
        Spacer(GAP),
        TextBlock("How to print this booklet", st.h3),
        ListBlock(steps, st.small, numbered=True),
    ]


def _notes_page(st: Styles, theme: Theme) -> list:
    return [Mark("Notes"), TextBlock("Notes", st.h2), NoteLines(spacing=8.5 * MM)]


def _story(plan: Plan, options: BookletOptions, st: Styles, theme: Theme, frame: tuple[float, float], refs: dict[str, int]) -> list:
    story: list = []
    story += _cover(plan, options, st, theme, refs, frame)
    story += [PageBreak()] + _how_to(plan, st, theme)
    story += [PageBreak()] + _overview(plan, st, theme, refs)
    first = True
    for ex_id, ex in plan.exercises.items():
        story.append(PageBreak())
        if first:
            story.append(Mark("Exercises", "part-exercises", "Exercises", 0))
            first = False
        story += _exercise_page(ex_id, ex, plan, theme, frame, refs)
    for i, week in enumerate(plan.weeks):
        story.append(PageBreak())
        if len(week.sessions) > 1:
            # A week of several sessions opens as a spread: it starts on a left (even) page.
            story.append(IfOddPage(_notes_page(st, theme) + [PageBreak()]))
        if i == 0:
            story.append(Mark("Weeks", "part-weeks", "Weeks", 0))
        story += _week_pages(week, st, theme, refs)
    return story


def _cover(plan: Plan, options: BookletOptions, st: Styles, theme: Theme, refs: dict[str, int], frame) -> list:
    """The cover, airy when it can be; a long title or name takes the air first, then the contents."""
    n, s = len(plan.weeks), plan.sessions_per_week
    facts = [f"{n} week{'s' if n != 1 else ''}", f"{s} session{'s' if s != 1 else ''} a week"]
    if plan.minutes:
        facts.append(f"about {plan.minutes} minutes each")
    rows = [("Athlete", options.athlete or "")]
    if plan.start:
        rows.append(("Starts", long_date(plan.start)))
        if plan.race_week:
            rows.append(("Race day", long_date(plan.weeks[plan.race_week - 1].end)))
    else:
        rows += [("Starts", ""), ("Race day", "")]
    rows.append(("Coach", ""))
    title = TextBlock(plan.title, st.title)
    if title.measure(frame[0]) > 3 * st.title.leading:
        title = TextBlock(plan.title, st.h1)  # four lines of display type would crowd out the rest
    for top, mid, contents in ((18, 14, True), (4, 6, True), (0, 4, False)):
        out: list = [Mark("", "cover", "Cover", 0), Spacer(top * MM), title]
        if plan.subtitle:
            out.append(TextBlock(plan.subtitle, st.lead))
        out += [Spacer(GAP), Rule(1.0), Spacer(GAP), TextBlock(" · ".join(facts), st.h3), Spacer(mid * MM), FillIn(rows)]
        if contents:
            out += [Spacer(mid * 0.7 * MM), _contents(plan, st, theme, refs)]
        if fits_one_page(out, *frame):
            break
    return out


def _contents(plan: Plan, st: Styles, theme: Theme, refs: dict[str, int]) -> Block:
    first_ex = exercise_anchor(next(iter(plan.exercises)))
    first_week = week_anchor(plan.weeks[0].number)
    entries = [
        ("How to use this booklet", "how-to", refs["how-to"]),
        ("Plan at a glance", "overview", refs["overview"]),
        ("Exercises", first_ex, refs[first_ex]),
        ("Weeks", first_week, refs[first_week]),
    ]
    rows = [[Cell(label, link=key), Cell(str(page), align="right")] for label, key, page in entries]
    return RuledTable([Column("", None), Column("", 14 * MM, "right")], rows, size=SCALE.body, min_row=7 * MM, header=False, row_links=True)


class Rule(Block):
    def __init__(self, weight: float = RULE, space: float = 0):
        self.weight, self.space = weight, space

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self.height = self.weight + self.space
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        ctx.canv.setStrokeColorRGB(*ctx.theme.accent)
        ctx.canv.setLineWidth(self.weight)
        ctx.canv.line(0, self.space / 2, self.width, self.space / 2)


class TitledLine(Block):
    """A heading with a labelled line to write on beside it: "Log    Date ________"."""

    keep_next = True

    def __init__(self, title: str, label: str, style):
        self.title, self.label, self.style = title, label, style

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.style.size * 1.6
        return self.height

    @property
    def space_before(self):
        return self.style.space_before

    @property
    def space_after(self):
        return self.style.space_after

    def paint(self, ctx: DrawContext) -> None:
        c, size = ctx.canv, self.style.size
        c.setFillColorRGB(*ctx.theme.ink)
        c.setFont(BOLD, size)
        c.drawString(0, size * 0.4, self.title)
        x = stringWidth(self.title, BOLD, size) + 8 * MM
        c.setFont(REGULAR, SCALE.small)
        c.drawString(x, size * 0.4, self.label)
        x += stringWidth(self.label, REGULAR, SCALE.small) + 2 * MM
        c.setStrokeColorRGB(0.55, 0.55, 0.55)
        c.setLineWidth(0.75)
        c.line(x, size * 0.4 - 1, min(self.width, x + 60 * MM), size * 0.4 - 1)


class FillIn(Block):
    """Label: value lines; an empty value gets a line to write on."""

    def __init__(self, rows: list[tuple[str, str]], size: float = SCALE.lead, pitch: float = 11 * MM):
        self.rows, self.size, self.pitch = rows, size, pitch

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self._values = [wrap(v, BOLD, self.size, width - 28 * MM) if v else () for _, v in self.rows]
        self.height = sum(self.pitch + max(0, len(v) - 1) * self.size * 1.25 for v in self._values)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c = ctx.canv
        c.setFillColorRGB(*ctx.theme.ink)
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


def _how_to(plan: Plan, st: Styles, theme: Theme) -> list:
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
    out: list = [Mark("How to use", "how-to", "How to use this booklet", 0), TextBlock("How to use this booklet", st.h1)]
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
    return RuledTable([Column("", 24 * MM), Column("")], rows, size=9.5, min_row=7 * MM, header=False)


def _overview(plan: Plan, st: Styles, theme: Theme, refs: dict[str, int]) -> list:
    keys = list(dict.fromkeys(s.key for w in plan.weeks for s in w.sessions))
    crowded = len(keys) > 2  # narrow session columns: short heads, no focus line
    columns = [Column("Week", 24 * MM)]
    if plan.start:
        columns.append(Column("Dates", 24 * MM))
    columns += [Column(k if crowded else f"Session {k}") for k in keys] + [Column("Page", 11 * MM, "right")]
    rows = []
    for week in plan.weeks:
        by_key = {s.key: s for s in week.sessions}
        anchor = week_anchor(week.number)
        phase = week.phase if week.kind != "build" else ""
        if week.race and "race" not in phase.lower():
            phase = f"{phase} · race" if phase else "Race week"
        row = [Cell(f"Week {week.number}", bold=True, note=phase, link=anchor, shade=week.kind != "build" or week.race)]
        if plan.start:
            row.append(Cell(week_dates(week, year=False), size=9))
        for k in keys:
            s = by_key.get(k)
            row.append(Cell(session_summary(s), note="" if crowded else s.focus) if s else Cell("—", shade=True))
        row.append(Cell(str(refs[anchor]), align="right"))
        rows.append(row)
    out: list = [
        Mark("Plan at a glance", "overview", "Plan at a glance", 0),
        TextBlock("Plan at a glance", st.h1),
        TextBlock("Each cell is that session's usual dose: sets × reps. Tap a week to go to its pages.", st.small),
        RuledTable(columns, rows, size=10, min_row=9 * MM, row_links=True),
        Spacer(GAP),
    ]
    notes = [w for w in plan.weeks if w.note]
    seen = set()
    for w in notes:
        if w.phase in seen:
            continue
        seen.add(w.phase)
        out.append(RichText([(f"{w.phase}: ", BOLD), (w.note, REGULAR)], st.small))
    return out


def _exercise_page(ex_id: str, ex, plan: Plan, theme: Theme, frame: tuple[float, float], refs: dict[str, int]) -> list:
    return _exercise_flowables(ex_id, ex, plan, BOOKLET, theme, refs)


def _exercise_flowables(ex_id: str, ex, plan: Plan, st: Styles, theme: Theme, refs: dict[str, int]) -> list:
    muscles = ", ".join(ex.muscles.primary + ex.muscles.secondary)
    equipment = ", ".join(ex.equipment) if ex.equipment else "none"
    out: list = [
        Mark(ex.name, exercise_anchor(ex_id), ex.name, 1, continued=lambda: [TextBlock(f"{ex.name} (continued)", st.h2.but(space_before=0))]),
        TextBlock(ex.name, st.h1),
        RichText([("Works: ", BOLD), (f"{muscles} · ", REGULAR), ("Equipment: ", BOLD), (equipment, REGULAR)], st.small),
        TextBlock(ex.purpose, st.lead),
    ]
    if ex.image:
        out.append(_image(ex))
    if ex.setup:
        out += [TextBlock("Set up", st.h3), TextBlock(ex.setup, st.body)]
    out += [
        TextBlock("How to do it", st.h3),
        ListBlock(list(ex.steps), st.item, numbered=True),
    ]
    cues: list[Block] = [TextBlock(FORM_CUES, st.h3.but(space_before=0)), TickList(list(ex.cues), st.body.size, gap=1.6 * MM)]
    if ex.mistakes:
        # Side by side: what to check and what goes wrong are read together, and a page of one
        # column runs out of height long before it runs out of width.
        mistakes = [TextBlock("Common mistakes", st.h3.but(space_before=0)), ListBlock(list(ex.mistakes), st.item, numbered=False, indent=3.5 * MM)]
        out.append(Columns([cues, mistakes], gap=6 * MM, space_before=st.h3.space_before, space_after=st.body.space_after))
    else:
        out += cues
    alts = []
    for label, group in (("Easier", ex.easier), ("Harder", ex.harder), ("No equipment", ex.no_equipment)):
        for v in group:
            runs = [(f"{label}: ", BOLD)]
            if v.exercise:
                anchor = exercise_anchor(v.exercise)
                # Only exercises of this plan have a page to point to.
                runs.append((plan.names[v.exercise], REGULAR, anchor) if anchor in refs else (plan.names[v.exercise], REGULAR))
                if anchor in refs:
                    name = plan.names[v.exercise]
                    runs.append((f", {page_ref(refs[anchor])}" if name.endswith(")") else f" ({page_ref(refs[anchor])})", REGULAR))
            else:
                runs.append((v.name, REGULAR))
            if v.note:
                runs.append((f": {v.note}", REGULAR))
            alts.append(RichText(runs, st.item))
    if alts:
        out += [TextBlock("Alternatives", st.h3)] + alts
    return out


class ImageBlock(Block):
    """An exercise picture, upright as the camera meant it, scaled to fit a box."""

    def __init__(self, path: str, max_width: float, max_height: float):
        self.image = _upright_image(path)
        iw, ih = self.image.getSize()
        scale = min(max_width / iw, max_height / ih)
        self.iw, self.ih = iw * scale, ih * scale
        self.space_after = GAP

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.ih
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        ctx.canv.drawImage(self.image, 0, 0, self.iw, self.ih, mask="auto")


@lru_cache(maxsize=64)
def _upright_image(path: str):
    """The picture turned by its EXIF orientation, from its bytes: ReportLab names an image by
    its file path, which would make the PDF depend on where the content folder lives."""
    from PIL import Image, ImageOps
    from reportlab.lib.utils import ImageReader

    with Image.open(path) as img:
        upright = ImageOps.exif_transpose(img)
        upright.load()
    return ImageReader(upright)


def _image(ex) -> Block:
    return ImageBlock(ex.image, 60 * MM, 40 * MM)


def _week_pages(week: Week, st: Styles, theme: Theme, refs: dict[str, int]) -> list:
    """One page per session: what to do (the set/rep grid), how (the form checks) and the log.

    Weeks start on a left page, so a two-session week is one open spread, session A on the left.
    """
    if not week.sessions:
        # Every item skips this week: it still gets its page, so its dates and notes have a home.
        return _week_head(week, st, first=True) + [
            TextBlock("No sessions this week: rest, run, and note how the legs feel.", st.body),
            NoteLines(spacing=8.5 * MM, minimum=17 * MM, top_gap=GAP),
        ]
    out: list = []
    for i, s in enumerate(week.sessions):
        if i:
            out.append(PageBreak())
        out += _week_head(week, st, first=i == 0)
        out += [
            TextBlock(f"Session {s.key} · {s.focus}", st.h3),
            set_rep_grid(s, refs=refs),
            TitledLine("Log", "Date", st.h3),
            log_table(s),
            NoteLines(spacing=8.5 * MM, minimum=17 * MM, top_gap=GAP),
        ]
    return out


def _week_head(week: Week, st: Styles, first: bool) -> list:
    head = f"Week {week.number} · {week.phase}" + (" · Race week" if week.race and "race" not in week.phase.lower() else "")
    section = Mark(f"Week {week.number}", week_anchor(week.number), f"Week {week.number}: {week.phase}", 1) if first else Mark(f"Week {week.number}")
    out: list = [section, Heading(head, st.h2, week_dates(week), st.small) if week.start else TextBlock(head, st.h2)]
    if week.note and first:  # said once a week, on the spread's first page
        out.append(TextBlock(week.note, st.small))
    return out
