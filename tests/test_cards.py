"""Pocket cards for any printer: sheet geometry per size and paper, duplex and fold mapping, marks,
back offset, safe areas read back from the PDFs, wallet cards, the alignment test and the CLI."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.errors import CardgenError, LayoutError
from cardgen.pipeline import BuildOptions, build, plan_from, print_test, render
from cardgen.prepress.cards import CARDS, DUPLEX, MARK_OFFSET, card_sheet
from cardgen.prepress.paper import A4, LETTER, SHEETS, Box, printable_frame
from cardgen.render.printtest import render_print_test, targets

from conftest import ATHLETE, GLUTE_BRIDGE, LIBRARY
from pdfcheck import MM, pages, reader, text

PAPERS = {"a4": A4, "letter": LETTER}
GAP_SIZES = [c for c in CARDS if c != "quarter"]


def mm(box: Box) -> tuple[float, ...]:
    return tuple(round(v / MM, 2) for v in (box.x, box.y, box.width, box.height))


def same(a: Box, b: Box) -> bool:
    return all(abs(u - v) < 1e-6 for u, v in zip((a.x, a.y, a.width, a.height), (b.x, b.y, b.width, b.height), strict=True))


# ---------------------------------------------------------------- geometry, exact


COUNTS = {  # (paper, card) → cards per sheet printed two-sided, and folded
    ("a4", "quarter"): (4, 2), ("letter", "quarter"): (4, 2),
    ("a4", "a6"): (2, 1), ("letter", "a6"): (2, 1),
    ("a4", "a7"): (4, 2), ("letter", "a7"): (4, 2),
    ("a4", "index-3x5"): (4, 2), ("letter", "index-3x5"): (4, 2),
    ("a4", "index-4x6"): (2, 1), ("letter", "index-4x6"): (2, 1),
    ("a4", "id1"): (10, 5), ("letter", "id1"): (9, 4),
}


@pytest.mark.parametrize("key", sorted(COUNTS), ids="-".join)
def test_cards_per_sheet(key):
    paper, card = key
    duplex, fold = COUNTS[key]
    assert card_sheet(PAPERS[paper], card, "long").per_sheet == duplex
    assert card_sheet(PAPERS[paper], card, "short").per_sheet == duplex
    assert card_sheet(PAPERS[paper], card, "fold").per_sheet == fold


# paper, card → cols × rows, first slot and last slot (x, y, w, h in mm, origin bottom-left)
SLOTS = {
    ("a4", "quarter"): (2, 2, (0, 148.5, 105, 148.5), (105, 0, 105, 148.5)),
    ("letter", "quarter"): (2, 2, (0, 139.7, 107.95, 139.7), (107.95, 0, 107.95, 139.7)),
    # A6 fits only landscape inside the margins: two cards, 6 mm apart, centred.
    ("a4", "a6"): (1, 2, (31, 151.5, 148, 105), (31, 40.5, 148, 105)),
    ("a4", "a7"): (2, 2, (28, 151.5, 74, 105), (108, 40.5, 74, 105)),
    ("a4", "index-3x5"): (2, 2, (25.8, 151.5, 76.2, 127), (108, 18.5, 76.2, 127)),
    # Letter leaves 3.7 mm between the rows of 3×5 cards.
    ("letter", "index-3x5"): (2, 2, (28.75, 141.55, 76.2, 127), (110.95, 10.85, 76.2, 127)),
    ("a4", "index-4x6"): (1, 2, (28.8, 151.5, 152.4, 101.6), (28.8, 43.9, 152.4, 101.6)),
    # ID-1 10 on A4 only if the rows share their cuts; the columns keep a 6 mm gap.
    ("a4", "id1"): (2, 5, (16.4, 229.47, 85.6, 53.98), (108, 13.55, 85.6, 53.98)),
    # ID-1 9 on Letter, upright cards, rows again sharing their cuts.
    ("letter", "id1"): (3, 3, (20.98, 182.5, 53.98, 85.6), (140.94, 11.3, 53.98, 85.6)),
}


@pytest.mark.parametrize("key", sorted(SLOTS), ids="-".join)
def test_slot_boxes_in_mm(key):
    cols, rows, first, last = SLOTS[key]
    sheet = card_sheet(PAPERS[key[0]], key[1])
    assert (sheet.cols, sheet.rows) == (cols, rows)
    assert mm(sheet.slot(0)) == pytest.approx(first, abs=0.01)
    assert mm(sheet.slot(sheet.per_sheet - 1)) == pytest.approx(last, abs=0.01)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("card", GAP_SIZES)
@pytest.mark.parametrize("duplex", ["long", "short"])
def test_gap_grids_are_centred_inside_the_frame_and_apart(paper, card, duplex):
    sheet = card_sheet(PAPERS[paper], card, duplex)
    frame = printable_frame(sheet.sheet)
    slots = [sheet.slot(i) for i in range(sheet.per_sheet)]
    assert all(frame.inset(MARK_OFFSET).contains(s) for s in slots)
    g = sheet.grid
    assert g.x + g.width / 2 == pytest.approx(sheet.sheet.width / 2)
    assert g.y + g.height / 2 == pytest.approx(sheet.sheet.height / 2)
    for gap in (sheet.gap_x, sheet.gap_y):
        assert gap == 0 or 3 * MM - 1e-6 <= gap <= 6 * MM + 1e-6
    for i, a in enumerate(slots):
        for b in slots[i + 1 :]:
            assert not _overlap(a, b)


def _overlap(a: Box, b: Box, tol: float = 0.01) -> bool:
    return a.x < b.right - tol and b.x < a.right - tol and a.y < b.top - tol and b.y < a.top - tol


# ---------------------------------------------------------------- duplex and fold mapping


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("card", CARDS)
def test_long_edge_mirrors_columns_and_short_edge_rows(paper, card):
    long, short = card_sheet(PAPERS[paper], card, "long"), card_sheet(PAPERS[paper], card, "short")
    assert (long.back_turned, short.back_turned) == (False, True)
    for i in range(long.per_sheet):
        col, row = i % long.cols, i // long.cols
        assert same(long.back_slot(i), long.slot(row * long.cols + long.cols - 1 - col))
        assert same(short.back_slot(i), short.slot((short.rows - 1 - row) * short.cols + col))


def test_quarter_mirror_by_index():
    long, short = card_sheet(A4, "quarter", "long"), card_sheet(A4, "quarter", "short")
    # Reading order 0 1 / 2 3: a long-edge flip swaps the columns, a short-edge flip the rows.
    assert all(same(long.slot(j), long.back_slot(i)) for i, j in enumerate((1, 0, 3, 2)))
    assert all(same(short.slot(j), short.back_slot(i)) for i, j in enumerate((2, 3, 0, 1)))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("card", CARDS)
def test_fold_pairs_each_front_with_its_back_across_the_fold(paper, card):
    sheet = card_sheet(PAPERS[paper], card, "fold")
    w, h = sheet.sheet.width, sheet.sheet.height
    assert sheet.backs_on_front
    for i in range(sheet.per_sheet):
        front, back = sheet.slot(i), sheet.back_slot(i)
        if sheet.fold == "vertical":
            assert front.right <= w / 2 + 0.01 and back.x >= w / 2 - 0.01
            assert same(back, Box(w - front.right, front.y, front.width, front.height))
            assert not sheet.back_turned
        else:
            assert front.y >= h / 2 - 0.01 and back.top <= h / 2 + 0.01
            assert same(back, Box(front.x, h - front.top, front.width, front.height))
            assert sheet.back_turned
    boxes = sheet.cards_on_front_page()
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_fold_sides_chosen_for_the_most_cards():
    assert card_sheet(A4, "id1", "fold").fold == "vertical"  # 5 beside the fold, 4 above it
    assert card_sheet(A4, "a6", "fold").fold == "horizontal"  # an A6 is too wide for half an A4
    assert card_sheet(A4, "quarter", "fold").fold == "vertical"


@pytest.mark.parametrize("duplex", ["long", "short"])
@pytest.mark.parametrize("card", CARDS)
def test_back_offset_moves_every_back_by_exactly_x_y(card, duplex):
    plain = card_sheet(A4, card, duplex)
    moved = card_sheet(A4, card, duplex, (1.5 * MM, -2 * MM))
    for i in range(plain.per_sheet):
        a, b = plain.back_slot(i), moved.back_slot(i)
        assert (b.x - a.x, b.y - a.y) == pytest.approx((1.5 * MM, -2 * MM))
        assert same(moved.slot(i), plain.slot(i))


def test_fold_refuses_a_back_offset():
    plan = plan_from(LIBRARY, "8-week-half")
    with pytest.raises(CardgenError, match="folded cards print on one side"):
        render(plan, BuildOptions("8-week-half", only=("cards",), duplex="fold", back_offset=(1, 0)))


# ---------------------------------------------------------------- marks


def _segment_box(seg) -> Box:
    x1, y1, x2, y2 = seg
    return Box(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))


def _distance(a: Box, b: Box) -> float:
    dx = max(b.x - a.right, a.x - b.right, 0)
    dy = max(b.y - a.top, a.y - b.top, 0)
    return math.hypot(dx, dy)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("card", CARDS)
@pytest.mark.parametrize("duplex", DUPLEX)
def test_marks_never_inside_a_card_and_inside_the_frame(paper, card, duplex):
    sheet = card_sheet(PAPERS[paper], card, duplex)
    frame = printable_frame(sheet.sheet)
    marks = sheet.cut_marks() + sheet.fold_line()
    assert sheet.cut_marks(), "every sheet has cut marks"
    cards = sheet.cards_on_front_page()
    for seg in marks:
        box = _segment_box(seg)
        assert frame.contains(box), f"{seg} leaves the printable frame"
        for c in cards:
            assert not _overlap(box, c), f"{seg} runs into a card"
            if not sheet.edge:
                assert _distance(box, c) >= MARK_OFFSET - 0.01, f"{seg} touches a card"
    if sheet.edge:  # quarter: the ticks lie on the cut lines (or the fold), never across a card
        for seg in sheet.cut_marks():
            on_line = any(abs(seg[0] - seg[2]) < 1e-6 and abs(seg[0] - c.right) < 1e-6 for c in cards)
            on_line |= any(abs(seg[1] - seg[3]) < 1e-6 and abs(seg[1] - c.y) < 1e-6 for c in cards)
            assert on_line


def test_every_trim_line_is_marked_at_both_ends():
    sheet = card_sheet(A4, "a7")
    g = sheet.grid
    marks = sheet.cut_marks()
    for c in range(sheet.cols):
        for x in (sheet.slot(c).x, sheet.slot(c).right):
            ups = [s for s in marks if abs(s[0] - x) < 1e-6 and abs(s[2] - x) < 1e-6]
            assert any(min(s[1], s[3]) > g.top for s in ups) and any(max(s[1], s[3]) < g.y for s in ups)
    # a 6 mm gap holds a 3 mm tick for the cards on either side of it
    inner = [s for s in marks if g.x < s[0] < g.right and g.x < s[2] < g.right and s[1] == s[3]]
    assert inner and all(abs(abs(s[2] - s[0]) - 3 * MM) < 1e-6 for s in inner)


def test_a_part_sheet_marks_only_the_cards_on_it():
    sheet = card_sheet(A4, "id1")  # the default plan has two sessions: two wallet cards on a 10-up sheet
    part = sheet.used(2)
    assert (part.cols, part.rows) == (2, 1) and part.slot(1) == sheet.slot(1)
    lowest = min(min(s[1], s[3]) for s in part.cut_marks())
    assert lowest >= sheet.slot(1).y - 4.5 * MM - 1e-6
    assert card_sheet(A4, "quarter").used(1).cut_marks() == card_sheet(A4, "quarter").cut_marks()


# ---------------------------------------------------------------- the PDFs


# Every size in every duplex mode on A4; on Letter (the same code, other numbers) long-edge only,
# which keeps reading the PDFs back to a few seconds.
ALL = [("a4", c, d) for c in CARDS for d in DUPLEX] + [("letter", c, "long") for c in CARDS]
# The printing instructions must stay off the cards in every mode, so that test reads every mode on Letter too.
EVERY = ALL + [("letter", c, d) for c in CARDS for d in DUPLEX if d != "long"]


@pytest.fixture(scope="module")
def sheets():
    """The default plan, dated and named, as cards of every size, mode and paper: (sheet, pdf)."""
    plan = plan_from(LIBRARY, "8-week-half", dt.date(2026, 3, 2))
    out = {}
    for paper, card, duplex in EVERY:
        options = BuildOptions("8-week-half", paper=paper, only=("cards",), athlete=ATHLETE, card=card, duplex=duplex)
        rendered = render(plan, options)
        pdf = rendered["cards.pdf"]
        assert rendered.warnings == (), f"{paper} {card} {duplex}: the default plan fits every card size as designed"
        out[paper, card, duplex] = (card_sheet(PAPERS[paper], card, duplex), pdf)
    return out


def _top_box(box: Box, height: float) -> tuple[float, float, float, float]:
    """A Box in pdfplumber's coordinates: x0, top, x1, bottom."""
    return (box.x, height - box.top, box.right, height - box.y)


def _inside(ch, x0, top, x1, bottom, tol=0.5) -> bool:
    return ch["x0"] >= x0 - tol and ch["x1"] <= x1 + tol and ch["top"] >= top - tol and ch["bottom"] <= bottom + tol


def _lead(sheet) -> int:
    """Pages before the first card: a quarter sheet's instructions, and a blank back when two-sided."""
    return 0 if not sheet.edge else 1 if sheet.backs_on_front else 2


def _card_pages(sheet, pdf) -> list:
    return pages(pdf)[_lead(sheet) :]


def _plain(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def _cards_on_page(sheet, n: int, count: int) -> list[Box]:
    """The card boxes on card page n (0-based, counted after the instructions), `count` cards in all."""
    if sheet.backs_on_front:
        on_sheet = min(sheet.per_sheet, count - n * sheet.per_sheet)
        return sheet.cards_on_front_page(on_sheet)
    on_sheet = min(sheet.per_sheet, count - (n // 2) * sheet.per_sheet)
    return [sheet.slot(i) if n % 2 == 0 else sheet.back_slot(i) for i in range(on_sheet)]


def _count(card: str) -> int:
    plan = plan_from(LIBRARY, "8-week-half")
    return len({s.key for w in plan.weeks for s in w.sessions}) if card == "id1" else sum(len(w.sessions) for w in plan.weeks)


@pytest.mark.parametrize("key", ALL, ids="-".join)
def test_every_character_stays_in_its_card_safe_area(sheets, key):
    sheet, pdf = sheets[key]
    count = _count(key[1])
    frame = printable_frame(sheet.sheet)
    expected_pages = _lead(sheet) + -(-count // sheet.per_sheet) * (1 if sheet.backs_on_front else 2)
    assert len(pages(pdf)) == expected_pages
    for n, page in enumerate(_card_pages(sheet, pdf)):
        w, h = page["size"]
        cards = _cards_on_page(sheet, n, count)
        safe = [_top_box(c.inset(sheet.safe), h) for c in cards]
        note = []
        for ch in page["chars"]:
            if any(_inside(ch, *s) for s in safe):
                continue
            note.append(ch)
        front = sheet.backs_on_front or n % 2 == 0
        if sheet.edge:
            # Quarter: the paper edge is the card edge; the print note has a page of its own.
            assert note == [], f"card page {n + 1}: {''.join(ch['text'] for ch in note)!r} outside the safe areas"
            continue
        assert note == [] or front, f"page {n + 1}: text off the cards of a back page"
        for ch in note:
            assert _inside(ch, *_top_box(frame, h), tol=0.01), f"page {n + 1}: {ch['text']!r} leaves the printable frame"
            for c in cards:
                x0, top, x1, bottom = _top_box(c, h)
                assert ch["x1"] <= x0 or ch["x0"] >= x1 or ch["bottom"] <= top or ch["top"] >= bottom, f"page {n + 1}: note on a card"
        if front:
            assert "".join(ch["text"] for ch in note).replace(" ", "").replace("\u00a0", "").lower().count("thisbaris50mm") == 1


INSTRUCTIONS = ("print at", "100 %", "50 mm", "flip on", "one-sided", "fold on", "not a card")


@pytest.mark.parametrize("key", EVERY, ids="-".join)
def test_no_printing_instructions_inside_any_card_trim(sheets, key):
    sheet, pdf = sheets[key]
    count = _count(key[1])
    for n, page in enumerate(_card_pages(sheet, pdf)):
        h = page["size"][1]
        for c in _cards_on_page(sheet, n, count):
            x0, top, x1, bottom = _top_box(c, h)
            inside = [ch for ch in page["chars"] if ch["x1"] > x0 and ch["x0"] < x1 and ch["bottom"] > top and ch["top"] < bottom]
            said = _plain("".join(ch["text"] for ch in sorted(inside, key=lambda ch: (round(ch["top"]), ch["x0"])))).lower()
            assert not [x for x in INSTRUCTIONS if x in said], f"card page {n + 1}: {said!r}"
    if sheet.edge:  # the quarter sheet's instructions come first, with a blank back when two-sided
        first = _plain(pages(pdf)[0]["text"])
        assert "Print at 100 % (actual size)" in first and "50 mm" in first
        assert ("Print one-sided" if key[2] == "fold" else f"Print two-sided, flip on {key[2]} edge") in first
        assert _lead(sheet) == 1 or pages(pdf)[1]["chars"] == [] and pages(pdf)[1]["lines"] == []
        # a sketch of the sheet: its cuts solid, a fold dashed and said to be one
        dashed = [ln for ln in pages(pdf)[0]["lines"] if ln.get("dash") and ln["dash"][0]]
        assert bool(dashed) == (key[2] == "fold") and ("fold, printed sides out" in first) == (key[2] == "fold")


@pytest.mark.parametrize("key", [k for k in EVERY if k[2] == "fold"], ids="-".join)
def test_fold_sheets_draw_the_dashed_fold_line(sheets, key):
    sheet, pdf = sheets[key]
    if sheet.edge:  # quarter: all along the centre line, from margin to margin
        [(x1, y1, x2, y2)] = sheet.fold_line()
        assert (x1, x2) == (sheet.sheet.width / 2,) * 2 and abs(y2 - y1) == pytest.approx(sheet.sheet.height - 12.7 * MM)
    count = _count(key[1])
    for n, page in enumerate(_card_pages(sheet, pdf), 1):
        h = page["size"][1]
        # a last sheet with fewer cards folds along a shorter line, as far as its cards reach
        [(x1, y1, x2, y2)] = sheet.used(min(sheet.per_sheet, count - (n - 1) * sheet.per_sheet)).fold_line()
        dashed = [ln for ln in page["lines"] if ln.get("dash") and ln["dash"][0]]
        assert [(ln["x0"], h - ln["bottom"], ln["x1"], h - ln["top"]) for ln in dashed] == [
            pytest.approx((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)), abs=0.01)
        ], f"card page {n}: one dashed fold line"


@pytest.mark.parametrize("key", ALL, ids="-".join)
def test_no_type_below_the_floor(sheets, key):
    _, pdf = sheets[key]
    for n, page in enumerate(pages(pdf), 1):
        # A turned character's box is as wide as its size is tall.
        sizes = {round(ch["size"] if ch["upright"] else ch["x1"] - ch["x0"], 2) for ch in page["chars"]}
        assert min(sizes, default=8) >= 7.99, f"page {n}: type below 8 pt"


@pytest.mark.parametrize("key", [k for k in ALL if k[2] == "long"], ids="-".join)
def test_no_words_overlap(sheets, key):
    _, pdf = sheets[key]
    for n, page in enumerate(pages(pdf), 1):
        words = [x for x in page["words"] if x["upright"]]
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                assert not (dx > 0.5 and dy > 0.5), f"page {n}: {a['text']!r} overlaps {b['text']!r}"


@pytest.mark.parametrize("key", ALL, ids="-".join)
def test_print_note_and_scale_bar_on_fronts_no_marks_on_backs(sheets, key):
    sheet, pdf = sheets[key]

    def bars(page):
        return [ln for ln in page["lines"] if abs(math.hypot(ln["x1"] - ln["x0"], ln["bottom"] - ln["top"]) - 50 * MM) < 0.2]

    if sheet.edge:
        assert len(bars(pages(pdf)[0])) == 1 and "100 %" in _plain(pages(pdf)[0]["text"])
    for n, page in enumerate(_card_pages(sheet, pdf)):
        w, h = page["size"]
        if sheet.backs_on_front or n % 2 == 0:
            assert len(bars(page)) == (0 if sheet.edge else 1), f"card page {n + 1}: one 50 mm bar, on the margin"
            # A turned note reads backwards in the extracted text; the characters keep their order.
            assert sheet.edge or "100 %" in _plain("".join(c["text"] for c in page["chars"]))
        else:
            cards = [_top_box(c, h) for c in _cards_on_page(sheet, n, _count(key[1]))]
            stray = [ln for ln in page["lines"] if not any(_inside(ln, *c, tol=0.01) for c in cards)]
            assert bars(page) == [] and stray == [], f"card page {n + 1}: marks on a back page"


@pytest.mark.parametrize("key", [("a4", c, d) for c in CARDS for d in ("long", "short")], ids="-".join)
def test_pdf_backs_move_by_the_offset(key):
    paper, card, duplex = key
    plan = plan_from(LIBRARY, "suspended-glute-bridge")  # small: one sheet of each size
    base = BuildOptions(plan.id, only=("cards",), card=card, duplex=duplex)
    moved = BuildOptions(plan.id, only=("cards",), card=card, duplex=duplex, back_offset=(1.5, -2.0))
    lead = _lead(card_sheet(A4, card, duplex))
    a, b = pages(render(plan, base)["cards.pdf"])[lead:], pages(render(plan, moved)["cards.pdf"])[lead:]
    for n in range(2):
        assert a[n]["chars"], "a card page"
        for ca, cb in zip(a[n]["chars"], b[n]["chars"], strict=True):
            dx, dy = cb["x0"] - ca["x0"], cb["top"] - ca["top"]
            if n % 2 == 0:
                assert (dx, dy) == pytest.approx((0, 0), abs=0.02), "fronts stay put"  # positions are written to 0.01 pt
            else:
                assert (dx, dy) == pytest.approx((1.5 * MM, 2.0 * MM), abs=0.02), "backs move 1.5 mm right, 2 mm down"


def test_short_edge_backs_are_the_long_edge_backs_turned_round(sheets):
    _, long = sheets["a4", "a7", "long"]
    _, short = sheets["a4", "a7", "short"]
    a, b = pages(long)[1], pages(short)[1]  # a7: no instructions page
    w, h = a["size"]
    for ca, cb in zip(a["chars"], b["chars"], strict=True):
        assert ca["text"] == cb["text"]
        assert (w - cb["x1"], h - cb["bottom"]) == pytest.approx((ca["x0"], ca["top"]), abs=0.02)  # positions are written to 0.01 pt


def test_page_sizes_and_card_text(sheets):
    plan = plan_from(LIBRARY, "8-week-half")
    for (paper, card, _), (_, pdf) in sheets.items():
        size = SHEETS[paper].portrait
        for p in reader(pdf).pages:
            assert abs(float(p.mediabox.width) - size.width) < 0.5 and abs(float(p.mediabox.height) - size.height) < 0.5
        words = " ".join(" ".join(p["text"] for p in pages(pdf)).split())
        if card == "id1":
            continue
        for w in plan.weeks:
            for s in w.sessions:
                assert f"Week {w.number} · Session {s.key}" in words
        assert words.count(ATHLETE) == sum(len(w.sessions) for w in plan.weeks)


def _card_text(page, card: Box) -> str:
    """The text inside one card's trim, line by line (lines of side-by-side cards do not mix)."""
    h = page["size"][1]
    x0, top, x1, bottom = _top_box(card, h)
    chars = [ch for ch in page["chars"] if ch["x0"] >= x0 - 0.5 and ch["x1"] <= x1 + 0.5 and ch["top"] >= top - 0.5 and ch["bottom"] <= bottom + 0.5]
    lines: dict[float, list] = {}
    for ch in chars:
        key = next((k for k in lines if abs(k - ch["bottom"]) < 1.5), ch["bottom"])
        lines.setdefault(key, []).append(ch)
    return " ".join(_plain("".join(c["text"] for c in sorted(lines[k], key=lambda c: c["x0"]))) for k in sorted(lines))


def _fronts(sheet, pdf, count: int):
    """(page, [card boxes]) for every page of fronts."""
    for n, page in enumerate(_card_pages(sheet, pdf)):
        if sheet.backs_on_front or n % 2 == 0:
            on_sheet = min(sheet.per_sheet, count - (n if sheet.backs_on_front else n // 2) * sheet.per_sheet)
            yield page, [sheet.slot(i) for i in range(on_sheet)]


@pytest.mark.parametrize("paper", PAPERS)
def test_quarter_card_doses_are_at_least_14_pt(sheets, paper):
    sheet, pdf = sheets[paper, "quarter", "long"]
    plan = plan_from(LIBRARY, "8-week-half")
    times = [ch for page, _ in _fronts(sheet, pdf, _count("quarter")) for ch in page["chars"] if ch["text"] == "×"]
    assert len(times) == sum(len(s.items) for w in plan.weeks for s in w.sessions), "one dose per exercise"
    assert min(ch["size"] for ch in times) >= 14, "doses read at arm's length"


@pytest.mark.parametrize("key", [k for k in EVERY if k[1] != "id1" and k[2] != "short"], ids="-".join)
def test_tick_boxes_share_one_column_on_every_card(sheets, key):
    sheet, pdf = sheets[key]
    sets = max(p.sets for w in plan_from(LIBRARY, "8-week-half").weeks for s in w.sessions for p in s.items)
    everywhere: list[float] = []
    for n, (page, cards) in enumerate(_fronts(sheet, pdf, _count(key[1])), 1):
        h = page["size"][1]
        columns: list[float] = []
        for card in cards:
            x0, top, x1, bottom = _top_box(card, h)
            boxes = [r for r in page["rects"] if 4 * MM - 0.05 <= r["width"] <= 8 * MM and abs(r["width"] - r["height"]) < 0.2
                     and x0 <= r["x0"] < x1 and top <= r["top"] < bottom]
            assert boxes, f"sheet {n}: a card without boxes"
            columns += [r["x0"] - x0 for r in boxes]
            # every row of the card starts at the column's first box
            rows = {round(r["top"], 1) for r in boxes}
            assert all(min(r["x0"] for r in boxes if round(r["top"], 1) == t) == pytest.approx(min(r["x0"] for r in boxes), abs=0.05) for t in rows)
        assert len(_distinct(columns)) <= sets, f"sheet {n}: box n sits at the same x on every card ({_distinct(columns)})"
        everywhere += columns
    # ... and on every sheet: a deload week's two boxes are the first two of the same column
    assert len(_distinct(everywhere)) == sets and max(everywhere) <= sheet.card_width - sheet.safe


def _distinct(values: list[float], tol: float = 0.05) -> list[float]:
    """The values as positions a reader could tell apart: within `tol` (pt) of each other they are
    one (coordinates are written to 0.01 pt, so one column's boxes differ by a hundredth)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(round(v, 2))
    return out


@pytest.mark.parametrize("key", [("a4", c, "long") for c in CARDS if c != "id1"] + [("letter", "quarter", "long")], ids="-".join)
def test_item_notes_and_a_date_line_on_every_front(sheets, key):
    sheet, pdf = sheets[key]
    plan = plan_from(LIBRARY, "8-week-half")
    cards = [(w, s) for w in plan.weeks for s in w.sessions]
    seen = 0
    for page, boxes in _fronts(sheet, pdf, len(cards)):
        h = page["size"][1]
        for box in boxes:
            week, session = cards[seen]
            seen += 1
            said = _card_text(page, box)
            assert f"Week {week.number} · Session {session.key}" in said
            for p in session.items:
                assert not p.note or _plain(p.note) in said, f"{p.note!r} on week {week.number} session {session.key}"
            # "Date" and a ruled line after it to write on, at least 28 mm long, inside the card
            x0, top, x1, bottom = _top_box(box, h)
            label = [w for w in page["words"] if w["text"] == "Date" and x0 <= w["x0"] < x1 and top <= w["top"] < bottom]
            assert len(label) == 1
            lines = [ln for ln in page["lines"] if ln["x0"] > label[0]["x1"] and ln["x1"] <= x1 and abs(ln["top"] - label[0]["bottom"]) < 2.5]
            assert lines and lines[0]["x1"] - lines[0]["x0"] >= 28 * MM - 0.1
    assert seen == len(cards)


# ---------------------------------------------------------------- wallet cards (ID-1)


def test_wallet_cards_are_one_per_session_with_the_dose_progression(sheets):
    _, pdf = sheets["a4", "id1", "long"]
    front, back = (" ".join(p["text"].split()) for p in pages(pdf))
    assert "Session A · Glutes & hips" in front and "Session B · Hamstrings & power" in front
    assert "Week 1" not in front, "one card per session, not per week"
    # The arrow is drawn (the font has none): week 1's dose, then the last build week's, spaced
    # as everywhere else ("3 × 8–10"), the words once at the end.
    assert "Glute bridge weeks 1–3 3 × 8–10 3 × 10–12" in front
    assert "Step-up 3 × 8–10 3 × 12–15 each side" in front
    assert "Squat jump weeks 3–7 3 × 6" in front
    assert "Week 7 deload, week 8 race week: 2 sets, lighter targets." in front
    assert "2 Mar – 26 Apr 2026" in front and ATHLETE in front
    # The checklist has one name on every product.
    assert "Session A: form cues" in back and "Glute bridge:" in back and "Push through the heels." in back


def _crowd(content, count: int, words: int) -> None:
    """Session A becomes `count` exercises with names `words` long words long."""
    items = []
    for i in range(count):
        name = " ".join(["Extraordinarily"] * words) + f" {i}"
        content.write(f"exercises/crowd-{i}.yaml", GLUTE_BRIDGE.replace("name: Glute bridge", f"name: {name}"))
        items.append(f"      - exercise: crowd-{i}")
    head = (content.root / "plans" / "basic.yaml").read_text().split("    exercises:\n")[0]
    content.write("plans/basic.yaml", head + "    exercises:\n" + "\n".join(items) + "\n")


def test_small_cards_shrink_with_a_warning_naming_the_card(content, tmp_path):
    _crowd(content, 7, 2)
    result = build(BuildOptions("basic", out=tmp_path / "a7", only=("cards",), card="a7"), content.load())
    shrunk = [w for w in result.warnings if "text shrunk to" in w]
    assert shrunk and shrunk[0].startswith("Week 1 · Session A (A7 front): text shrunk to"), result.warnings


def _centred_in(word: dict, box: Box, page_height: float) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, page_height - (word["top"] + word["bottom"]) / 2
    return box.x <= cx <= box.right and box.y <= cy <= box.top


def _long_session(content, length: int) -> None:
    """Session A becomes ten exercises with names `length` characters long, the n-th ending "exN"."""
    items = []
    for i in range(10):
        name = ("Extraordinarily long exercise name " * 3)[: length - 4].rstrip() + f" ex{i}"
        content.write(f"exercises/crowd-{i}.yaml", GLUTE_BRIDGE.replace("name: Glute bridge", f"name: {name}"))
        items.append(f"      - exercise: crowd-{i}")
    head = (content.root / "plans" / "basic.yaml").read_text().split("    exercises:\n")[0]
    content.write("plans/basic.yaml", head + "    exercises:\n" + "\n".join(items) + "\n")


EX = re.compile(r"\bex(\d)\b")


@pytest.mark.parametrize(("card", "duplex", "length"), [("id1", "long", 64), ("a7", "long", 64), ("a7", "fold", 64), ("quarter", "long", 80)])
def test_a_session_too_long_for_a_card_continues_onto_the_next_each_with_its_back(content, card, duplex, length):
    """Ten exercises with long names fit no card of these (they were refused): the session continues
    onto numbered cards, "… continued on the next card" at the foot of all but the last, every
    exercise on exactly one front, in order, and on the back behind it, all inside the cut lines."""
    _long_session(content, length)
    plan = plan_from(content.load(), "basic", dt.date(2027, 1, 4))
    made = render(plan, BuildOptions("basic", only=("cards",), card=card, duplex=duplex))
    said = [w for w in made.warnings if "continued onto" in w]
    assert len(said) == 1 and said[0].startswith("Session A ("), made.warnings
    parts = int(said[0].split("continued onto ")[1].split(" ")[0])
    assert parts >= 2
    sheet = card_sheet(A4, card, duplex)
    docs = pages(made["cards.pdf"])[2 if sheet.edge else 0 :]
    per_page = 1 if sheet.backs_on_front else 2
    fronts: list[str] = []  # each card's front text and back text, in deck order
    backs: list[str] = []
    for k in range(0, len(docs), per_page):
        front, back = docs[k], docs[k + per_page - 1]
        h = front["size"][1]
        for i in range(sheet.per_sheet):
            safe = sheet.slot(i).inset(sheet.safe)
            words = [w for w in front["words"] if _centred_in(w, sheet.slot(i), h)]
            if not words:
                continue
            for w in words:
                assert safe.x - 0.5 <= w["x0"] and w["x1"] <= safe.right + 0.5, f"{w['text']!r} leaves its card"
                assert h - safe.top - 0.5 <= w["top"] and w["bottom"] <= h - safe.y + 0.5, f"{w['text']!r} leaves its card"
            fronts.append(" ".join(w["text"] for w in words))
            backs.append(" ".join(w["text"] for w in back["words"] if _centred_in(w, sheet.back_slot(i), h)))
    session = fronts[:parts]  # week 1's session A comes first
    title = (lambda f: f.split(" · ")[1]) if card == "id1" else (lambda f: f.split(" · ")[2])
    assert [title(f).split()[0] for f in session] == [f"{k}/{parts}" for k in range(1, parts + 1)]
    assert ["… continued on the next card" in f for f in session] == [True] * (parts - 1) + [False]
    assert [int(n) for f in session for n in EX.findall(f)] == list(range(10)), "every exercise once, in order"
    for f, b in zip(session, backs[:parts], strict=True):
        assert EX.findall(f) == EX.findall(b), "each card's back lists the exercises on its front"


def test_a_session_continues_the_same_way_every_week(content):
    """The deck is a pile of card pairs in order: every week the session takes as many cards."""
    _long_session(content, 64)
    made = render(plan_from(content.load(), "basic", dt.date(2027, 1, 4)), BuildOptions("basic", only=("cards",), card="a7"))
    said = text(made["cards.pdf"])
    parts = int(next(w for w in made.warnings if "continued onto" in w).split("continued onto ")[1].split(" ")[0])
    for week in (1, 2, 3, 4):
        for k in range(1, parts + 1):
            assert f"Week {week} · Session A · {k}/{parts}" in said
    assert said.count("… continued on the next card") == 4 * (parts - 1)


def test_a_card_that_one_exercise_does_not_fit_is_refused_naming_it():
    """Past one exercise a card there is nothing left to continue: the last card's error stands."""
    from cardgen.render.cards.sheet import _continued

    class Card:
        exercises = 3

        def split(self, parts: int) -> list[str]:
            return [f"{k}/{parts}" for k in range(1, parts + 1)]

    tried: list[tuple[str, bool]] = []

    def pair(piece: str, lossless: bool) -> list:
        tried.append((piece, lossless))
        if piece.endswith("/2") and not lossless:  # two cards fit, leaving something off
            return []
        raise LayoutError(f"card {piece!r} does not fit")

    assert _continued(Card(), 1, pair) == ([], 2)  # type: ignore[type-var]
    assert tried == [("1/1", True), ("1/1", False), ("1/2", True), ("1/2", False), ("2/2", False)]
    tried.clear()
    with pytest.raises(LayoutError) as info:
        _continued(Card(), 3, lambda piece, lossless: pair("x" + piece, lossless))  # type: ignore[type-var]
    assert info.value.message == "card 'x1/3' does not fit"


# ---------------------------------------------------------------- alignment test and CLI


@pytest.mark.parametrize("paper", PAPERS)
def test_print_test_has_two_pages_that_say_how_to_read_them(paper):
    pdf = render_print_test(paper)
    front, back = (" ".join(p["text"].split()) for p in pages(pdf))
    assert len(pages(pdf)) == 2
    assert "Alignment test, front" in front and "two-sided at 100 %" in front and "50 mm" in front
    assert "Alignment test, back" in back and "--back-offset X,Y" in back and "+ is right and up" in back
    for label in ("+6", "+2", "0", "-4"):
        assert label in back.split()


@pytest.mark.parametrize("paper", PAPERS)
def test_print_test_targets_land_on_each_other_with_either_flip(paper):
    sheet = PAPERS[paper]
    points = sorted(targets(sheet))
    assert len(points) == 5
    for flip in (lambda x, y: (sheet.width - x, y), lambda x, y: (x, sheet.height - y)):  # long, short edge
        flipped = sorted(flip(x, y) for x, y in points)
        assert [c for p in flipped for c in p] == pytest.approx([c for p in points for c in p])


def test_print_test_command_writes_the_pdf(tmp_path):
    result = CliRunner().invoke(main, ["print-test", "--paper", "letter", "--out", str(tmp_path / "t" / "align.pdf")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "t" / "align.pdf")
    assert len(reader((tmp_path / "t" / "align.pdf").read_bytes()).pages) == 2
    assert print_test("a4", tmp_path / "b.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    "value, message",
    [
        ("abc", "expected two numbers in mm as X,Y, for example 1.5,-1; found 'abc'"),
        ("1", "expected two numbers in mm as X,Y, for example 1.5,-1; found '1'"),
        ("1,2,3", "expected two numbers in mm as X,Y, for example 1.5,-1; found '1,2,3'"),
        ("12,0", "each value must lie between -10 and 10 mm; found '12,0'"),
    ],
)
def test_cli_rejects_a_bad_back_offset(content, value, message):
    result = CliRunner().invoke(main, ["build", "--plan", "basic", "--only", "cards", f"--back-offset={value}"])
    assert result.exit_code == 2
    assert f"Invalid value for '--back-offset': {message}" in result.output
    assert not (content.root.parent / "output").exists()


def test_cli_passes_card_options_through(content, tmp_path):
    args = ["build", "--plan", "basic", "--only", "cards", "--out", str(tmp_path / "o"), "--card", "a7", "--duplex", "short", "--back-offset", "-1.5,2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "o" / "cards.pdf").read_bytes()
    assert len(reader(pdf).pages) == 2 and "Week 4 · Session A" in text(pdf)


def test_the_cli_offers_exactly_the_sizes_the_geometry_knows():
    from cardgen.prepress.cards import CARD_SIZES

    assert CARDS == ("quarter", *CARD_SIZES)


def test_wallet_easy_weeks_say_only_what_changes(content):
    from cardgen.render.cards.wallet import easy_weeks as _easy_weeks, session_cards as _session_cards

    [card] = _session_cards(plan_from(content.load(), "basic"))
    assert _easy_weeks(card) == "Week\u00a04 race week: 1\u00a0set, lighter targets."
    content.edit("plans/basic.yaml", "kind: taper, sets: 1, like_week: 1", "kind: deload")
    [card] = _session_cards(plan_from(content.load(), "basic"))
    assert _easy_weeks(card) == "Week\u00a04 race week: as planned."


def test_a_session_done_twice_a_week_is_one_wallet_card_that_says_so():
    plan = plan_from(LIBRARY, "glute-strength-basics")
    groups = {s.group or s.key for w in plan.weeks for s in w.sessions}
    assert any(s.per_week == 2 for w in plan.weeks for s in w.sessions), "the plan repeats a session"
    words = " ".join(text(render(plan, BuildOptions("glute-strength-basics", only=("cards",), card="id1"))["cards.pdf"]).split())
    for g in groups:
        assert words.count(f"Session {g} ·") == 1, f"one wallet card for session {g}"
    assert "A1" not in words and "twice a week" in words


def test_ten_exercises_go_in_two_columns_on_a_landscape_a6_card(content, tmp_path):
    """A landscape card is short: ten exercises stack in two columns rather than being refused."""
    _crowd(content, 10, 1)
    pdf = build(BuildOptions("basic", out=tmp_path / "a6", only=("cards",), card="a6"), content.load()).files[0].read_bytes()
    page = pages(pdf)[0]
    first = [w for w in page["words"] if w["text"] == "Extraordinarily"][:10]
    lefts = sorted({round(w["x0"]) for w in first})
    assert len(lefts) == 2 and lefts[1] - lefts[0] > 50 * MM, "two columns of exercise names"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_word_longer_than_a_wallet_card_line_breaks_inside_the_card(content, tmp_path, paper):
    """A 38-letter compound in a name ran 13 mm past a wallet card's cut line into the next card."""
    from stress.matrix import card_problems

    word = "Oberschenkelrückseitenkräftigungsübung"
    content.edit("exercises/glute-bridge.yaml", "name: Glute bridge", f"name: {word} mit Band")
    result = build(BuildOptions("basic", paper=paper, out=tmp_path / "id1", only=("cards",), card="id1"), content.load())
    pdf = result.files[0].read_bytes()
    assert card_problems(pdf, paper, "id1") == []
    assert word[:20] in text(pdf)


@pytest.mark.parametrize("where", ["plan", "coach"])
def test_a_german_plan_breaks_its_compounds_at_german_syllables_on_the_cards(content, where):
    """`language: de` in the plan, or in the coach's coach.yaml, hyphenates by German patterns: a
    compound too long for an A7 card's line breaks "…kräftigungs-" / "übung", never "…kräftigung-" / "sübung"
    (British English patterns, still the default)."""
    from cardgen.coach import Coach

    word = "Oberschenkelrückseitenkräftigungsübung"
    content.write("exercises/glute-bridge.yaml", GLUTE_BRIDGE.replace("name: Glute bridge", f"name: Lange {word}"))
    if where == "plan":
        content.edit("plans/basic.yaml", "title: Basic plan\n", "title: Basic plan\nlanguage: de\n")
    coach = Coach("Ana", language="de") if where == "coach" else None
    plan = plan_from(content.load(), "basic", dt.date(2027, 1, 4))
    said = text(render(plan, BuildOptions("basic", only=("cards",), card="a7", coach=coach))["cards.pdf"])
    broken = [w for w in said.split() if w.endswith("-") and word.startswith(w[:-1])]
    assert broken, "the compound is broken on the card"
    assert "Oberschenkelrückseitenkräftigungs-" in broken and "Oberschenkelrückseitenkräftigung-" not in broken
    import pyphen

    syllables = set(pyphen.Pyphen(lang="de_DE", left=2, right=3).positions(word))
    assert all(len(piece) - 1 in syllables for piece in broken), broken
    plain = text(render(plan, BuildOptions("basic", only=("cards",), card="a7"))["cards.pdf"])
    assert (plain == said) == (where == "plan"), "the coach's language is used only when the coach is"
