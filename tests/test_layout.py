"""The paginator, table splitting and keep-with-next on their page model: no PDF is read."""

from __future__ import annotations

import math

import pytest

from cardgen.errors import LayoutError
from cardgen.render.flow import TextBlock
from cardgen.render.layout import Block, DrawContext, Mark, PageBreak, bind_headings, paginate, stack_height
from cardgen.render.table import MIN_SPLIT, Cell, Column, RuledTable, TickStrip
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.style.text import TextStyle
from cardgen.units import MM

register()
BODY = TextStyle(REGULAR, 10, 12)
HEAD = TextStyle(BOLD, 12, 14, space_before=6, space_after=3, keep_next=True)


class Box(Block):
    """A block of a fixed height that cannot split."""

    def __init__(self, height: float, name: str = ""):
        self.h, self.name = height, name

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.h
        return self.h

    def paint(self, ctx: DrawContext) -> None:
        pass


def names(pages):
    return [[getattr(b, "name", type(b).__name__) for b, _, _ in p.placed] for p in pages]


def test_blocks_flow_onto_the_next_page_and_breaks_start_one():
    pages = paginate([Box(60, "a"), Box(60, "b"), PageBreak(), Box(10, "c")], 100, 100)
    assert names(pages) == [["a"], ["b"], ["c"]]


def test_space_between_blocks_is_the_larger_of_the_two():
    a, b = Box(10), Box(10)
    a.space_after, b.space_before = 4, 6
    assert stack_height([a, b], 100) == 26


def test_a_heading_never_ends_a_page():
    story = bind_headings([Box(80, "a"), TextBlock("Heading", HEAD), Box(30, "b")])
    pages = paginate(story, 100, 100)
    assert len(pages) == 2 and len(pages[0].placed) == 1, "the heading moved with its block"


def test_a_block_taller_than_a_page_is_a_clear_error():
    with pytest.raises(LayoutError, match="cannot split") as info:
        paginate([Box(120)], 100, 100)
    assert "Box" not in str(info.value), "no internal class names in messages"


def test_a_block_too_tall_for_a_page_after_a_continuation_heading_fails_instead_of_adding_pages_for_ever():
    """A page that holds only "Squat (continued)" is still empty for a block taller than a page:
    it must split there or fail; moving it on would open page after page with the heading."""
    story = [Mark("Squat", continued=lambda: [Box(5, "continued")]), Box(60, "a"), Box(120, "tall")]
    with pytest.raises(LayoutError, match="cannot split"):
        paginate(story, 100, 100)


def test_columns_taller_than_a_page_are_set_one_after_the_other():
    from cardgen.render.layout import Columns

    cols = Columns([[Box(40, "cue-1"), Box(40, "cue-2")], [Box(70, "mistake-1"), Box(70, "mistake-2")]], gap=5)
    assert names(paginate([Columns([[Box(40, "x")], [Box(50, "y")]], gap=5)], 100, 100)) == [["Columns"]]
    story = [Mark("Squat", continued=lambda: [Box(5, "continued")]), Box(30, "head"), cols]
    assert names(paginate(story, 100, 100)) == [["head", "cue-1"], ["continued", "cue-2"], ["continued", "mistake-1"], ["continued", "mistake-2"]]


def test_a_part_that_runs_on_opens_its_next_page_with_its_continuation():
    story = [Mark("Squat", continued=lambda: [Box(5, "continued")]), Box(60, "a"), Box(60, "b")]
    assert names(paginate(story, 100, 100)) == [["a"], ["continued", "b"]]


def _table(rows: int, strips: bool = False) -> RuledTable:
    body: list = []
    for i in range(rows):
        body.append([Cell(f"Exercise {i}"), Cell("8–10", tick=True)])
        if strips:
            body.append(TickStrip(("Knees out", "Chest up")))
    return RuledTable([Column("Exercise"), Column("Set 1", 20 * MM)], body, min_row=10 * MM)


def _rows(table: RuledTable) -> int:
    return sum(not isinstance(r, TickStrip) for r in table.rows)


@pytest.mark.parametrize("strips", [False, True])
def test_a_table_splits_with_its_header_and_at_least_three_rows_on_each_side(strips):
    table = _table(10, strips)
    full = table.measure(100 * MM)
    for room in range(20, int(full), 7):
        parts = table.split(100 * MM, room)
        if not parts:
            continue
        head, tail = parts
        assert isinstance(head, RuledTable) and isinstance(tail, RuledTable)
        assert _rows(head) >= MIN_SPLIT and _rows(tail) >= MIN_SPLIT, f"room {room}: {_rows(head)} | {_rows(tail)}"
        assert head.header and tail.header
        assert not isinstance(tail.rows[0], TickStrip), "a cue strip stays with its exercise"
        assert head.measure(100 * MM) <= room + 0.01


def test_a_short_table_moves_whole_rather_than_strand_a_row():
    table = _table(5)
    one_row_room = table.measure(100 * MM) - 2 * 10 * MM  # room for all but two rows
    assert table.split(100 * MM, one_row_room) == []


def test_text_splits_between_lines_and_never_leaves_one_alone():
    block = TextBlock(" ".join(["word"] * 200), BODY)
    block.measure(50 * MM)
    assert block.split(50 * MM, 12) == [], "one line at the foot of a page is not worth a split"
    head, tail = block.split(50 * MM, 60)
    assert head.measure(50 * MM) == 60 and tail.space_before == 0


def test_a_paragraph_does_not_end_on_a_lone_word_when_the_line_above_can_spare_one():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import wrap

    text = "Keep the hips level and lower slowly to the floor each time"
    width = stringWidth("Keep the hips level and lower slowly to the floor each", REGULAR, 10) + 1
    lines = wrap(text, REGULAR, 10, width)
    assert lines == ("Keep the hips level and lower slowly to the floor", "each time")
    # A line that cannot spare a word keeps it.
    assert wrap("Unbreakablelongword time", REGULAR, 10, stringWidth("Unbreakablelongword", REGULAR, 10) + 1)[-1] == "time"


def test_a_table_taller_than_a_page_splits_even_where_it_would_rather_not():
    table = _table(4, strips=True)
    page = table.measure(100 * MM) * 0.75  # four rows that cannot share a page
    pages = paginate([table], 100 * MM, page)
    assert len(pages) == 2 and all(isinstance(b, RuledTable) for p in pages for b, _, _ in p.placed)


def test_a_word_too_long_for_its_line_breaks_at_its_own_hyphen_first():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import wrap

    width = stringWidth("Rear-foot-elev", REGULAR, 10)
    assert wrap("Rear-foot-elevated squat", REGULAR, 10, width)[:2] == ("Rear-foot-", "elevated")
    assert all(stringWidth(line, REGULAR, 10) <= width for line in wrap("Kettlebellswingingmachine", REGULAR, 10, width))


def test_a_word_with_no_hyphen_of_its_own_breaks_at_a_syllable_not_anywhere():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import wrap

    width = stringWidth("Kettlebel", REGULAR, 10)
    assert wrap("Kettlebell", REGULAR, 10, width) == ("Kettle-", "bell")
    width = stringWidth("Rumpfstabilisation", REGULAR, 10)
    lines = wrap("Rumpfstabilisationsübungsprogramm", REGULAR, 10, width)
    assert lines[0] == "Rumpfstabilisa-" and all(stringWidth(line, REGULAR, 10) <= width for line in lines)


def test_a_german_compound_breaks_at_a_german_syllable_in_a_german_plan():
    """British English patterns broke "…kräftigung-/sübung"; a plan (or coach) that says `language: de`
    breaks it where a German reader would, "…kräftigungs-/übung"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import hyphenation, wrap

    word = "Oberschenkelrückseitenkräftigungsübung"
    width = stringWidth("Oberschenkelrückseitenkräftigungs-", BOLD, 12) + 0.5
    assert wrap(word, BOLD, 12, width) == ("Oberschenkelrückseitenkräftigung-", "sübung")
    with hyphenation("de"):
        assert wrap(word, BOLD, 12, width) == ("Oberschenkelrückseitenkräftigungs-", "übung")
        assert wrap("Kettlebell", REGULAR, 10, 200) == ("Kettlebell",)
    assert wrap(word, BOLD, 12, width)[0].endswith("kräftigung-"), "the language is set only around its build"


def test_every_language_a_coach_may_name_has_its_patterns():
    import pyphen

    from cardgen.languages import NAMES, PATTERNS

    assert set(PATTERNS.values()) <= set(pyphen.LANGUAGES)
    assert set(NAMES.values()) <= set(PATTERNS)


def test_soft_hyphens_and_zero_width_spaces_are_breaks_that_print_only_where_used():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import one_line, wrap

    soft, zwsp = "\u00ad", "\u200b"
    width = stringWidth("Super-long-", REGULAR, 10)
    assert wrap(f"Super{soft}long{soft}word{soft}ing", REGULAR, 10, width) == ("Superlong-", "wording")
    assert wrap(f"Band{zwsp}walk{zwsp}sideways", REGULAR, 10, stringWidth("Bandwalk", REGULAR, 10)) == ("Bandwalk", "sideways")
    assert wrap(f"Short{soft}word", REGULAR, 10, 200) == ("Shortword",)
    assert one_line(f"Short{soft}word{zwsp}s", REGULAR, 10, 200) == "Shortwords"


# Doses and notes as the products word them: a separator between words, no-break spaces inside.
_SEPARATED = (
    "3\u00a0×\u00a08–10 each\u00a0side · rest\u00a060\u00a0s · p.\u00a012",
    "Ramp up: light × 8, half × 5, ¾ × 3.",
    "2–9\u00a0Mar – 16\u00a0Mar 2026 | week\u00a01 / week\u00a02 — deload • taper",
)


def _widths(text: str, font: str, size: float) -> list[float]:
    """Every measure from the widest word (with a separator after it) to the whole text, in 1 pt steps."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = text.split(" ")
    narrowest = max(stringWidth(f"{a} {b}", font, size) for a, b in zip(words, words[1:], strict=False))
    return [narrowest + k for k in range(int(stringWidth(text, font, size) - narrowest) + 1)]


def _assert_no_line_starts_with_a_separator(lines: list[str], text: str, width: float, ends: list[float]) -> None:
    """`ends`: where each line's last word ends."""
    from cardgen.render.text import SEPARATORS

    assert " ".join(lines).split() == text.split(), "every word once, in order"
    starts = [line for line in lines[1:] if line.split(" ")[0] in SEPARATORS]
    assert not starts, f"at {width:.0f} pt a line starts with a separator: {lines}"
    assert max(ends) <= width + 0.01, lines


@pytest.mark.parametrize("text", _SEPARATED)
def test_a_separator_never_starts_a_line_it_ends_the_line_before(text):
    """"· rest 60 s" at the start of a line reads as a stray mark: a typographer keeps the
    separator at the end of the line before, taking the word before it down when it does not fit."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import wrap

    for width in _widths(text, REGULAR, 10):
        lines = list(wrap(text, REGULAR, 10, width))
        _assert_no_line_starts_with_a_separator(lines, text, width, [stringWidth(line, REGULAR, 10) for line in lines])


def test_a_separator_goes_down_with_the_word_before_it_when_it_does_not_fit_after_it():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.text import wrap

    text = "3\u00a0×\u00a08–10 each\u00a0side · rest\u00a060\u00a0s"
    width = stringWidth("3\u00a0×\u00a08–10 each\u00a0side", REGULAR, 10) + 1  # "·" does not fit after "side"
    assert wrap(text, REGULAR, 10, width) == ("3\u00a0×\u00a08–10", "each\u00a0side ·", "rest\u00a060\u00a0s")
    # A line whose only word is before the separator keeps it: the separator then has to start the next.
    alone = stringWidth("each\u00a0side", REGULAR, 10) + 1
    assert wrap("each\u00a0side · rest", REGULAR, 10, alone) == ("each\u00a0side", "· rest")
    # Nor does the last line take a lone separator from the line above.
    text = "Keep the hips level and lower slowly · now"
    width = stringWidth("Keep the hips level and lower slowly ·", REGULAR, 10) + 1
    assert wrap(text, REGULAR, 10, width) == ("Keep the hips level and lower", "slowly · now")


@pytest.mark.parametrize("text", _SEPARATED)
def test_a_separator_never_starts_a_line_of_mixed_runs(text):
    """The booklet's "Works: … · Equipment: …" lines and the cards' doses have line breakers of their own."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from cardgen.render.cards.blocks import _set_runs
    from cardgen.render.flow import RichText

    big, small = TextStyle(BOLD, 10, 12), TextStyle(REGULAR, 10, 12)
    head, _, tail = text.partition(" ")
    for width in _widths(text, BOLD, 10):
        rich = RichText([(head + " ", BOLD), (tail, REGULAR)], BODY)
        rich.measure(width)
        lines = [" ".join(w[1] for w in line) for line in rich._lines]
        _assert_no_line_starts_with_a_separator(lines, text, width, [line[-1][0] + line[-1][4] for line in rich._lines])
        runs = _set_runs([(head, big), (tail, small)], width)
        lines = [" ".join(w[1] for w in words) for _, words in runs]
        ends = [words[-1][0] + stringWidth(words[-1][1], words[-1][2].font, words[-1][2].size) for _, words in runs]
        _assert_no_line_starts_with_a_separator(lines, text, width, ends)


class Placed(Box):
    """A fixed-height block that records where it is drawn (x, y, width), and asks for a column of `want`."""

    def __init__(self, height: float, want: float = 0.0, space_before: float = 0.0, space_after: float = 0.0):
        super().__init__(height)
        self.want, self.at = want, None
        self.space_before, self.space_after = space_before, space_after

    def column(self, room: float) -> float:
        return self.want

    def draw(self, ctx, x, y, width):
        self.measure(width)
        self.at = (x, y, width)


def test_beside_sets_text_and_aside_in_columns_at_either_side_aligned_top_or_middle():
    """One block for a figure (or a video code) beside text: at the right, level with the text's top
    (an exercise page's title), or at the left, centred on it (a card's exercise row)."""
    from cardgen.render.layout import Beside

    text, aside = [Placed(20, space_after=4), Placed(10, space_before=6)], Placed(50, want=30)
    right = Beside(text, aside, gap=5)
    assert right.measure(100) == 50 and right.space_before == 0 and right.space_after == 0
    right.paint(None)
    assert aside.at == (70, 0, 30)
    assert [b.at for b in text] == [(0.0, 30, 65), (0.0, 14, 65)]  # from the top, 6 between them

    text, aside = Placed(12), Placed(30)
    left = Beside(text, aside, gap=2, side="left", align="middle", column=20)
    assert left.measure(100) == 30
    left.paint(None)
    assert aside.at == (0.0, 0.0, 20) and text.at == (22, 9, 78)
    stack = [Placed(8, space_after=2), Placed(4)]
    centred = Beside(stack, Placed(30), gap=2, side="left", align="middle", column=20)
    assert centred.measure(100) == 30
    centred.paint(None)
    assert [b.at for b in stack] == [(22, 14, 78), (22, 8, 78)]  # the stack's 14 centred in 30: 8 to 22
    alone = Beside(Placed(12), None, gap=2, side="left", align="middle", column=20)
    assert alone.measure(100) == 12  # a row without a figure keeps the empty column, so names line up
    alone.paint(None)
    assert alone.text[0].at == (22, 0.0, 78)


def test_drawing_a_block_leaves_the_canvas_as_it_found_it():
    import io

    from reportlab.pdfgen.canvas import Canvas

    from cardgen.style.theme import THEMES

    class Busy(Block):
        def measure(self, width: float, avail: float = math.inf) -> float:
            self.width, self.height = width, 10
            return 10

        def paint(self, ctx: DrawContext) -> None:
            ctx.canv.setFont(BOLD, 20)
            ctx.canv.setLineWidth(3)
            ctx.canv.setStrokeColorRGB(1, 0, 0)
            ctx.canv.translate(5, 5)

    canv = Canvas(io.BytesIO())
    canv.translate(3, 4)
    before = {k: canv.__dict__[k] for k in Canvas.STATE_ATTRIBUTES}
    Busy().draw(DrawContext(canv, next(iter(THEMES.values()))), 10, 20, 100)
    assert {k: canv.__dict__[k] for k in Canvas.STATE_ATTRIBUTES} == before
    assert canv._code[-1] == "Q" and canv._code.count("q") == 1 and "1 0 0 1 10 20 cm" in canv._code
