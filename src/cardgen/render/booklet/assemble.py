"""The booklet's story, its pagination, and page references that settle before anything is drawn."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from cardgen.errors import LayoutError
from cardgen.plan.model import Plan
from cardgen.prepress.paper import BOOKLET_PAGE, SHEETS
from cardgen.render.blocks import exercise_anchor, week_anchor
from cardgen.render.booklet.alternatives import alternatives_part
from cardgen.render.booklet.exercise import exercise_page
from cardgen.render.booklet.front import cover, how_to, notes_page, overview
from cardgen.render.booklet.geometry import FOLDABLE_PAGES, FOOT, HEAD, INNER, OUTER
from cardgen.render.booklet.paint import Painter
from cardgen.render.booklet.progress import with_chart
from cardgen.render.booklet.week import week_pages
from cardgen.render.brand import Brand, client_subject
from cardgen.render.document import Meta, tune_reportlab
from cardgen.render.layout import IfOddPage, Mark, Page, PageBreak, bind_headings, paginate
from cardgen.style.booklet import BOOKLET
from cardgen.style.fonts import register
from cardgen.style.theme import Theme


@dataclass(frozen=True)
class BookletOptions:
    """What a booklet is made for: the paper, the athlete, the printer's flip, the coach."""

    paper: str = "a4"
    athlete: str | None = None
    long_edge: bool = False  # the print file's backs turned for printers that only flip on the long edge
    brand: Brand | None = None  # the coach: on the cover, and at every page's foot


@dataclass(frozen=True)
class Booklet:
    """A booklet's two PDFs and what the build says about them."""

    reading: bytes  # pages in reading order, for screens and email
    imposed: bytes  # two pages a sheet in saddle-stitch order, to print duplex and fold
    warnings: tuple[str, ...] = ()


Frame = tuple[float, float]


def render_booklet(plan: Plan, options: BookletOptions, theme: Theme) -> Booklet:
    """Lay the booklet out once and draw it twice: in reading order and imposed for folding."""
    tune_reportlab()
    register()
    size = BOOKLET_PAGE[options.paper]
    frame = (size.width - OUTER - INNER, size.height - HEAD - FOOT)
    pages, left_out = _settled(plan, options, frame)
    brand = options.brand
    meta = Meta(
        title=plan.title,
        author=brand.author if brand else options.athlete or "cardgen",
        subject=client_subject(options.athlete, plan.title) if brand else plan.subtitle or f"{len(plan.weeks)}-week training plan",
        keywords=f"{plan.id}, training plan, booklet",
    )
    warnings = []
    if len(pages) > FOLDABLE_PAGES:
        warnings.append(
            f"booklet.pdf has {len(pages)} pages, {len(pages) // 4} sheets folded together: too thick to fold and staple; "
            "print booklet.pdf single-sided instead, or split the plan into shorter ones"
        )
    for ex_id, ex in plan.exercises.items():
        if ex_id in left_out:
            where = plan.figure_at.get(ex_id, ex.name)
            warnings.append(
                f"{where}: figure: left out of the exercise's booklet page, which has no room for it even at its smallest; "
                "shorten the purpose, steps, cues or mistakes to make room"
            )
    painter = Painter(plan, theme, size, brand)
    return Booklet(painter.reading(pages, meta), painter.imposed(pages, meta, SHEETS[options.paper], options.long_edge), tuple(warnings))


def _settled(plan: Plan, options: BookletOptions, frame: Frame) -> tuple[list[Page], set[str]]:
    """Pages whose printed references agree with where their targets landed, and the exercises whose
    page left its figure out.

    References are printed before their targets are laid out: lay out with a guess, then with what
    that layout found, until the two agree. A reference that moves its own target (a longer number
    that pushes a page over) could swing for ever: that is an error, never a stale number in print.
    """
    refs = _predict_pages(plan)
    seen: list[dict[str, int]] = []
    kept = _Kept()
    while True:
        left_out: set[str] = set()
        pages = _layout(plan, options, frame, refs, left_out, kept)
        actual = {m.key: p.number for p in pages for m in p.marks if m.key in refs}
        if actual == refs:
            return pages, left_out
        if actual in seen:
            raise LayoutError("the booklet's page numbers do not settle: a page reference keeps moving the page it points to")
        seen.append(refs)
        refs = actual


def _layout(plan: Plan, options: BookletOptions, frame: Frame, refs: dict[str, int], left_out: set[str], kept: _Kept) -> list[Page]:
    st = BOOKLET
    story = bind_headings(_story(plan, options, frame, refs, left_out, kept))
    pages = paginate(story, *frame, pad_to=4, reserve=1, filler=lambda: notes_page(st))
    # The back cover is a notes page too: how to print is said by the build and the README,
    # never on paper the runner keeps.
    back = paginate(bind_headings(notes_page(st)), *frame)
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
    per_page = 3  # alternatives in brief: a guess the layout corrects
    for i, ex_id in enumerate(plan.alternatives):
        refs[exercise_anchor(ex_id)] = page + 1 + i // per_page
    page += -(-len(plan.alternatives) // per_page)
    for week in plan.weeks:
        page += 1
        if len(week.sessions) > 1 and page % 2:
            page += 1
        refs[week_anchor(week.number)] = page
        page += max(len(week.sessions), 1) - 1
    return refs


class _Refs(Mapping[str, int]):
    """The page references, noting each one a part of the story looks up and what it found there
    (None: not there): all that a part takes from one round of the layout to the next."""

    def __init__(self, refs: Mapping[str, int]):
        self._refs = refs
        self.read: dict[str, int | None] = {}

    def __getitem__(self, key: str) -> int:
        self.read[key] = self._refs.get(key)  # `in` and `get` come here too, and note an absence
        return self._refs[key]

    def __iter__(self) -> Iterator[str]:
        self.read.update(self._refs)  # a part that walks them all depends on them all
        return iter(self._refs)

    def __len__(self) -> int:
        return len(self._refs)


class _Kept:
    """One booklet's parts from the round before: the references each read, its blocks, and the
    exercises it left the figure out of."""

    def __init__(self) -> None:
        self.parts: dict[Hashable, tuple[dict[str, int | None], list, frozenset[str]]] = {}

    def part(self, key: Hashable, refs: Mapping[str, int], left_out: set[str], make: Callable[[Mapping[str, int]], list]) -> list:
        """The part `make` builds from `refs`: the last round's blocks, when every reference it read
        is where it was (the rest of its inputs are the same booklet's), else built afresh.

        Laying a part out is most of the booklet's layout (an exercise page tries several sizes
        to fit), and most parts point to pages that did not move from one round to the next."""
        old = self.parts.get(key)
        if old is not None and all(refs.get(k) == v for k, v in old[0].items()):
            left_out.update(old[2])
            return old[1]
        reading, before = _Refs(refs), set(left_out)
        blocks = make(reading)
        self.parts[key] = (reading.read, blocks, frozenset(left_out - before))
        return blocks


def _story(plan: Plan, options: BookletOptions, frame: Frame, refs: dict[str, int], left_out: set[str], kept: _Kept) -> list:
    st = BOOKLET

    def part(key: Hashable, make: Callable[[Mapping[str, int]], list]) -> list:
        return kept.part(key, refs, left_out, make)

    story: list = []
    story += part("cover", lambda r: cover(plan, options.athlete, st, r, frame, options.brand))
    story += [PageBreak(), *how_to(plan, st)]
    story += [PageBreak(), *part("overview", lambda r: with_chart(overview(plan, st, r, frame[0]), plan, st, frame))]
    for i, (ex_id, ex) in enumerate(plan.exercises.items()):
        story.append(PageBreak())
        if i == 0:
            story.append(Mark("Exercises", "part-exercises", "Exercises", 0))
        story += part(("exercise", ex_id), partial(exercise_page, ex_id, ex, plan, st, frame=frame, left_out=left_out))
    story += part("alternatives", lambda r: alternatives_part(plan, st, r, frame))
    sets = max((p.sets for w in plan.weeks for s in w.sessions for p in s.items), default=1)
    for i, week in enumerate(plan.weeks):
        story.append(PageBreak())
        if len(week.sessions) > 1:
            # A week of several sessions opens as a spread: it starts on a left (even) page.
            story.append(IfOddPage([*notes_page(st), PageBreak()]))
        if i == 0:
            story.append(Mark("Weeks", "part-weeks", "Weeks", 0))
        story += part(("week", i), partial(week_pages, week, st, sets=sets, width=frame[0]))
    return story
