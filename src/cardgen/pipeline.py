"""The Python API: load → validate → expand → lay out → write. The CLI is a thin layer over this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cardgen import to_plan
from cardgen.content.library import Library
from cardgen.content.messages import suggest
from cardgen.errors import CardgenError, ContentError, LayoutError
from cardgen.options import PRODUCTS, CardSize, Choice, Duplex, Paper, PosterPaper, Product, ThemeName, parse_have
from cardgen.plan.model import Plan
from cardgen.resources import COACH_FILE, default_content_dir, shipped

if TYPE_CHECKING:
    from cardgen.coach import Coach
    from cardgen.render.brand import Brand, Logo


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build is asked for. Choices arrive as their enums or as the strings a user
    types; they are checked here, once, and nothing downstream checks them again."""

    plan: str
    content: Path | None = None
    out: Path | None = None  # default: output/<plan>
    paper: Paper = Paper.A4
    only: tuple[Product, ...] = PRODUCTS
    athlete: str | None = None
    start: dt.date | None = None
    theme: ThemeName = ThemeName.MONO
    long_edge: bool = False  # booklet-print.pdf for printers that only flip on the long edge
    card: CardSize = CardSize.QUARTER
    duplex: Duplex = Duplex.LONG  # cards' backs: long or short edge flip, or fold (front and back side by side)
    back_offset: tuple[float, float] = (0.0, 0.0)  # mm added to every card back: + right, + up on the back page
    poster_paper: PosterPaper | None = None  # default: the paper
    coach: Coach | None = None  # who the products are from: name, contact, logo, accent, footer (coach.yaml)
    race: dt.date | None = None  # race day: the plan ends with its week, and sets the start
    have: frozenset[str] | None = None  # the client's equipment (see cardgen.equipment); None: everything

    def __post_init__(self) -> None:
        for name, kind in (("paper", Paper), ("theme", ThemeName), ("card", CardSize), ("duplex", Duplex), ("poster_paper", PosterPaper)):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _choice(kind, value, name))
        object.__setattr__(self, "only", tuple(_choice(Product, v, "only") for v in self.only))
        if isinstance(self.have, str):
            object.__setattr__(self, "have", parse_have(self.have))
        elif self.have is not None:
            object.__setattr__(self, "have", frozenset(self.have))
        for name in ("start", "race"):
            if isinstance(value := getattr(self, name), dt.datetime):
                object.__setattr__(self, name, value.date())
        if self.duplex == Duplex.FOLD and any(self.back_offset):
            raise CardgenError("--back-offset corrects two-sided printing; folded cards print on one side and need none")


E = TypeVar("E", bound=Choice)


def _choice(kind: type[E], value: object, name: str) -> E:
    try:
        return kind(str(value))
    except ValueError:
        words = name.replace("_", " ")
        raise CardgenError(f"unknown {words} {value!r}; use one of {', '.join(kind.values())}") from None


class Rendered(Mapping[str, bytes]):
    """The PDFs of a build by file name, and what the products had to say about them."""

    def __init__(self, files: dict[str, bytes], warnings: list[str]):
        self.files, self.warnings = files, tuple(warnings)

    def __getitem__(self, name: str) -> bytes:
        return self.files[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


@dataclass
class BuildResult:
    """What a build wrote, and what the user should hear about it."""

    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # how to print what was written


def load(content: Path | None = None, lenient: bool = False) -> Library:
    """The content folder over the shipped library. `lenient`: a problem stops only the plans it
    concerns (see Library.unbuildable); `cardgen check` is strict and reports everything."""
    folder = content or default_content_dir()
    if lenient:  # a build: from the cache when no file changed since the last one (content/cache.py)
        from cardgen.content.cache import cached

        return cached(folder, lambda: _read(folder, lenient))
    return _read(folder, lenient)


def _read(folder: Path, lenient: bool) -> Library:
    from cardgen.content.load import load_content

    return to_plan.with_coaching_warnings(load_content(folder, lenient))


def load_coach(content: Path | None = None) -> Coach | None:
    """The coach.yaml of the workspace (`content`, or the folder default_content_dir() finds), or None."""
    folder = content or default_content_dir()
    if folder.resolve() == shipped("content").resolve():
        return None  # the shipped library is nobody's workspace
    if not (folder / COACH_FILE).is_file():
        return None  # asked before importing cardgen.coach and its schema: most builds have no coach
    from cardgen.coach import load_coach as read

    return read(folder)


def plan_from(
    library: Library,
    plan_id: str,
    start: dt.date | None = None,
    race: dt.date | None = None,
    have: frozenset[str] | None = None,
    today: dt.date | None = None,
    videos: str | None = None,
) -> Plan:
    """The plan `plan_id` expanded for one client: from `start`, or placed so that its last week is
    the week of `race` (checked against `today`), with what the client lacks of `have` swapped out;
    `videos` is the coach's template for demonstration addresses (coach.yaml's videos)."""
    template = library.plans.get(plan_id)
    if template is None and plan_id in library.unbuildable:
        raise ContentError(list(library.problems))  # all of them, as `cardgen check` would: fix once, not in rounds
    if template is None:
        # A shipped plan can be left out because it does not fit an exercise the folder replaced.
        source = library.sources.get(f"plan:{plan_id}")
        if source is not None and (why := [str(w) for w in library.warnings if w.file == source.file and "is left out" in w.message]):
            raise CardgenError(why[0])
        raise CardgenError(f"unknown plan {plan_id!r}{suggest(plan_id, library.plans)}; {_known_plans(library)}")
    if race is not None:
        start = _race_start(library, plan_id, template.weeks, race, start, today or dt.date.today())
    if start is not None:
        try:
            start + dt.timedelta(weeks=template.weeks)
        except OverflowError:
            raise CardgenError(f"--start {start}: a {template.weeks}-week plan from then runs past the end of the calendar") from None
    plan = to_plan.plan(plan_id, template, library.exercises, start, race, have, videos)
    return replace(plan, figure_at=_figure_at(library, plan.exercises))


def _figure_at(library: Library, exercises: Mapping[str, Any]) -> dict[str, str]:
    """Where each of the exercises' figures is written, as messages name it ("exercises/x.yaml:12")."""
    out = {}
    for ex_id, ex in exercises.items():
        source = library.sources.get(ex_id)
        if source is not None and ex.figure is not None:
            out[ex_id] = f"{source.file}:{source.line_of(('figure',))}"
    return out


def unrelated_problems(library: Library) -> list[str]:
    """One line per broken file a build went ahead without, since the plan does not use it."""
    by_file: dict[str, int] = {}
    for problem in library.problems:
        by_file[problem.file] = by_file.get(problem.file, 0) + 1
    return [f"{file} has {n} problem{'s' if n != 1 else ''} (see 'cardgen check'); this plan does not use it" for file, n in sorted(by_file.items())]


def plan_for(library: Library, options: BuildOptions, today: dt.date | None = None) -> Plan:
    """The plan `options` ask for: its dates, race and equipment."""
    videos = options.coach.videos if options.coach else None
    return plan_from(library, options.plan, options.start, options.race, options.have, today, videos)


def _race_start(library: Library, plan_id: str, weeks: int, race: dt.date, start: dt.date | None, today: dt.date) -> dt.date:
    """Week 1 of a plan that ends with the week of `race`; every way it cannot be is an error that
    says what would work."""
    from cardgen.plan.race import start_for_race, weeks_left
    from cardgen.wording import long_date

    try:
        wanted = start_for_race(race, weeks)
    except OverflowError:
        raise CardgenError(f"race day {race}: a {weeks}-week plan before it starts before the calendar does") from None
    if start is not None and start != wanted:
        raise CardgenError(
            f"--race {race} and --start {start} disagree: with a race on {long_date(race)}, "
            f"week 1 of this {weeks}-week plan starts on {long_date(wanted)}"
        )
    if race < today:
        raise CardgenError(f"race day {race} is in the past")
    left = weeks_left(race, today)
    if left < weeks:
        fit = sorted((-t.weeks, k) for k, t in library.plans.items() if t.weeks <= left)  # the longest first
        also = f"; plans that fit: {', '.join(f'{k} ({n} weeks)' for n, k in ((-n, k) for n, k in fit))}" if fit else ""
        raise CardgenError(
            f"race day {race} leaves {left} week{'' if left == 1 else 's'}; {plan_id} needs {weeks} "
            f"(choose a shorter plan or a later race){also}"
        )
    return wanted


def _known_plans(library: Library) -> str:
    """The plans to choose from: the folder's own, then the shipped ones it adds to."""
    own = sorted(k for k in library.plans if library.origins.get(f"plan:{k}", "yours") != "shipped")
    shipped = sorted(k for k in library.plans if k not in own)
    if not own:
        return f"plans in {library.root}: {', '.join(shipped) or 'none'}"
    return f"plans in {library.root}: {', '.join(own)}" + (f"; shipped: {', '.join(shipped)}" if shipped else "")


def render(plan: Plan, options: BuildOptions) -> Rendered:
    """Every requested product as PDF bytes, with the warnings they returned; nothing touches the disk."""
    from cardgen.render.booklet import BookletOptions, render_booklet
    from cardgen.render.cards import CardOptions, render_cards
    from cardgen.render.text import hyphenation
    from cardgen.style.theme import THEMES, with_accent

    theme = THEMES[options.theme]
    brand = None
    if options.coach is not None:
        brand = brand_of(options.coach, grey=theme.name == "mono")
        if options.coach.accent:
            theme = with_accent(theme, options.coach.accent)
    warnings: list[str] = coach_warnings(options.coach, brand, theme.name) if options.coach and brand else []
    out: dict[str, bytes] = {}

    def booklet() -> None:
        made = render_booklet(plan, BookletOptions(options.paper, options.athlete, options.long_edge, brand), theme)
        out["booklet.pdf"], out["booklet-print.pdf"] = made.reading, made.imposed
        warnings.extend(made.warnings)

    def cards() -> None:
        made = render_cards(plan, CardOptions(options.paper, options.athlete, options.card, options.duplex, options.back_offset, brand), theme)
        out["cards.pdf"] = made.pdf
        warnings.extend(made.warnings)

    def poster() -> None:
        from cardgen.render.poster import PosterOptions, render_poster

        out["poster.pdf"] = render_poster(plan, PosterOptions(options.poster_paper or options.paper, options.athlete, brand), theme)

    products = {"booklet": (booklet, "booklet.pdf and booklet-print.pdf"), "cards": (cards, "cards.pdf"), "poster": (poster, "poster.pdf")}
    # Long words break by the patterns of the language the content is written in: the plan's, else the coach's.
    with hyphenation(plan.language or (options.coach.language if options.coach else None)):
        for product in (p for p in PRODUCTS if p in options.only):
            make, files = products[product]
            try:
                make()
            except LayoutError as exc:
                if len(options.only) == 1:
                    raise
                # Every product alike: one that cannot be made (a long plan on one poster sheet, long
                # names on a small card) must not cost the user the others. It says which and what to change.
                warnings.append(f"{files} not written: {exc.message}")
    return Rendered(out, warnings)


def check_coach(content: Path | None = None) -> list[str] | None:
    """What `cardgen check` says of the workspace's coach.yaml: None when there is none, else what
    would print badly, as the build warns of it (raises ContentError with every problem). The accent
    is judged as printed in colour, which is what it is for, whatever the default theme."""
    coach = load_coach(content)
    if coach is None:
        return None
    return coach_warnings(coach, brand_of(coach, grey=False), "color")


def brand_of(coach: Coach, grey: bool) -> Brand:
    """What the products print of the coach, the logo read once for every product of the build."""
    from cardgen.pictures import PictureProblem
    from cardgen.render.brand import Brand

    logo = None
    if coach.logo is not None:
        try:
            stat = coach.logo.stat()
            logo = _logo(coach.logo, (stat.st_mtime_ns, stat.st_size), grey)
        except (PictureProblem, OSError) as exc:  # changed since coach.yaml was read
            said = exc if isinstance(exc, PictureProblem) else f"cannot read {coach.logo.name} ({exc.strerror})"
            raise CardgenError(f"coach.yaml:{coach.logo_line}: logo: {said}") from None
    return Brand(coach.name, coach.business, coach.contact, coach.footer, logo)


@lru_cache(maxsize=4)
def _logo(path: Path, stamp: tuple[int, int], grey: bool) -> Logo:
    """The logo read once per file version: a batch's worker builds client after client with it,
    and its resampled sizes are kept with it (`stamp` is the file's mtime and size)."""
    from cardgen.pictures import read_picture
    from cardgen.render.brand import Logo

    return Logo(read_picture(path, path.name, "logo"), grey)


def coach_warnings(coach: Coach, brand: Brand, theme: str) -> list[str]:
    """What will print badly: a logo with too few pixels for its box, a footer too long for the page's
    foot, characters the font lacks, an accent too pale to read."""
    from cardgen.pictures import dpi, fit
    from cardgen.render.booklet.front import LOGO_BOX
    from cardgen.style.theme import contrast_on_white

    out = []
    if brand.logo is not None and coach.logo is not None:
        w, h = brand.logo.image.size
        at = dpi(w, fit((w, h), *LOGO_BOX)[0])
        if at < 150:
            out.append(
                f"coach.yaml:{coach.logo_line}: logo: {coach.logo.name} is {w} × {h} pixels: on the cover it prints at {at:.0f} dpi "
                "and will look blurred; use one about 1000 pixels wide"
            )
    if coach.footer:
        from cardgen.prepress.paper import BOOKLET_PAGE
        from cardgen.render.booklet.paint import foot_room
        from cardgen.render.text import text_width
        from cardgen.style.booklet import BOOKLET
        from cardgen.style.fonts import REGULAR, register
        from cardgen.wording import curly

        register()
        room = min(foot_room(size.width) for size in BOOKLET_PAGE.values())
        if text_width(curly(coach.footer), REGULAR, BOOKLET.folio) > room:
            out.append(f"coach.yaml: footer: too long for the foot of a booklet page, which takes about {int(room / 4.4)} characters; it is cut short")

    if theme == "color" and coach.accent and contrast_on_white(coach.accent) < 3:
        out.append(
            f"coach.yaml: accent: {_hex(coach.accent)} is too pale to read on white paper (contrast "
            f"{contrast_on_white(coach.accent):.1f}:1, headings need 3:1); choose a darker shade"
        )
    return out


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def build(options: BuildOptions, library: Library | None = None) -> BuildResult:
    """Build the products of one plan. Invalid content or a layout error writes nothing."""
    from cardgen.write import prepare_dir, write_all

    library = library or load(options.content, lenient=True)
    plan = plan_for(library, options)
    result = BuildResult(warnings=[str(w) for w in library.warnings_for(options.plan)])
    result.warnings += unrelated_problems(library)
    from cardgen.glyphs import glyph_message, unprintable

    if options.athlete and (missing := unprintable(options.athlete)):
        raise CardgenError(f"--athlete: {glyph_message(missing)}")
    pdfs = render(plan, options)
    result.warnings += pdfs.warnings
    folder = options.out or Path("output") / options.plan
    prepare_dir(folder)
    result.files = write_all(folder, pdfs)
    if "booklet-print.pdf" in pdfs:
        from cardgen.wording import booklet_print_advice

        result.advice.append(booklet_print_advice(options.paper, options.long_edge))
    return result


def print_test(paper: str = "a4", out: Path | None = None) -> Path:
    """Write the two-page duplex alignment test that measures --back-offset; returns its path."""
    from cardgen.render.printtest import render_print_test
    from cardgen.write import prepare_dir, write_all

    path = out or Path("output") / "print-test.pdf"
    prepare_dir(path.parent)
    write_all(path.parent, {path.name: render_print_test(paper)})
    return path
