"""Geometry read back from the PDFs: nothing outside the printable frame or a card, no overlaps,
no type below the floor, rows tall enough to write in, boxes big enough to tick."""

from __future__ import annotations

import pytest

from cardgen.style.booklet import BOOKLET

from conftest import PLANS
from pdfcheck import MM, box_rows, inside, overlapping, pages

PRINTABLE = 6.35 * MM
CARD_SAFE = 7 * MM
LEAD = 2  # quarter cards: the printing instructions and their blank back come before the first sheet
KEYS = [(p, "a4") for p in PLANS] + [("8-week-half", "letter")]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("product", ["booklet.pdf", "cards.pdf"])
def test_words_inside_the_printable_frame_unoverlapped_and_readable(built, key, product):
    _, pdfs = built[key]
    for n, page in enumerate(pages(pdfs[product]), 1):
        w, h = page["size"]
        outside = [x["text"] for x in page["words"] if not inside(x, PRINTABLE, PRINTABLE, w - PRINTABLE, h - PRINTABLE)]
        assert outside == [], f"page {n}: outside the printable frame"
        assert list(overlapping(page["words"])) == [], f"page {n}: overlapping words"
        small = {(x["text"], round(x["size"], 1)) for x in page["words"] if x["size"] < 7.95}
        assert small == set(), f"page {n}: type below 8 pt"


@pytest.mark.parametrize("key", KEYS)
def test_card_text_stays_in_its_card_safe_area(built, key):
    _, pdfs = built[key]
    for n, page in enumerate(pages(pdfs["cards.pdf"])[LEAD:], 1):
        w, h = page["size"]
        cw, ch = w / 2, h / 2
        for word in page["words"]:
            col, row = int(word["x0"] // cw), int(word["top"] // ch)
            box = (col * cw + CARD_SAFE, row * ch + CARD_SAFE, (col + 1) * cw - CARD_SAFE, (row + 1) * ch - CARD_SAFE)
            assert inside(word, *box), f"sheet page {n}: {word['text']!r} leaves its card's 7 mm safe area"


def test_card_type_sizes(built):
    _, pdfs = built["8-week-half", "a4"]
    sheets = pages(pdfs["cards.pdf"])[LEAD:]
    fronts, backs = sheets[0::2], sheets[1::2]
    for page in fronts:
        # the set and rep numbers either side of each "×" (not the rest or dates beside them)
        times = [x for x in page["words"] if x["text"] == "×"]
        numbers = [
            x for t in times for x in page["words"]
            if x["text"][0].isdigit() and abs(x["bottom"] - t["bottom"]) < 1 and min(abs(x["x1"] - t["x0"]), abs(t["x1"] - x["x0"])) < 6
        ]
        assert times and len(numbers) == 2 * len(times)
        assert min(x["size"] for x in numbers) >= 11, "set and rep numbers are at least 11 pt"
    for page in backs:
        cues = [x for x in page["words"] if "Bold" not in x["fontname"]]
        assert cues and min(x["size"] for x in cues) >= 9, "cues on the back are at least 9 pt"


def test_print_note_and_scale_bar_on_the_first_page_and_off_the_cards(built):
    _, pdfs = built["8-week-half", "a4"]
    sheets = pages(pdfs["cards.pdf"])
    first = sheets[0]
    assert "Print at 100 % (actual size)" in first["text"] and sheets[1]["chars"] == []
    bars = [ln for ln in first["lines"] if abs((ln["x1"] - ln["x0"]) - 50 * MM) < 0.2 and abs(ln["top"] - ln["bottom"]) < 0.1]
    assert len(bars) == 1
    for page in sheets[LEAD:]:
        assert "100 %" not in page["text"] and "50 mm" not in page["text"], "the note stays off the cards"
    for page in sheets[LEAD + 1 :: 2]:
        w, h = page["size"]
        on_cut_lines = [ln for ln in page["lines"] if abs(ln["x0"] - w / 2) < 1 or abs(ln["top"] - h / 2) < 1]
        assert "Print at 100 %" not in page["text"] and on_cut_lines == [], "no marks on backs"


def test_cut_marks_sit_on_the_cut_lines_inside_the_frame(built):
    _, pdfs = built["8-week-half", "a4"]
    page = pages(pdfs["cards.pdf"])[LEAD]
    w, h = page["size"]
    marks = [ln for ln in page["lines"] if ln not in [] and abs((ln["x1"] - ln["x0"]) - 50 * MM) > 1]
    vertical = [m for m in marks if abs(m["x0"] - w / 2) < 0.1 and abs(m["x1"] - w / 2) < 0.1]
    horizontal = [m for m in marks if abs(m["top"] - h / 2) < 0.1 and abs(m["bottom"] - h / 2) < 0.1]
    assert len(vertical) == 2 and len(horizontal) == 2
    for m in vertical + horizontal:
        assert PRINTABLE - 0.1 <= min(m["x0"], m["top"]) and max(m["x1"], m["bottom"]) <= max(w, h) - PRINTABLE + 0.1


@pytest.mark.parametrize("key", KEYS)
def test_session_cells_are_big_enough_to_write_in_and_boxes_to_tick(built, key):
    """One table per session, made for a pen: every set's cell at least 18 × 9 mm, boxes ≥ 4 mm."""
    _, pdfs = built[key]
    sessions = 0
    for n, page in enumerate(pages(pdfs["booklet.pdf"]), 1):
        squares = [r for r in page["rects"] if abs(r["width"] - r["height"]) < 0.2 and r["width"] < 8 * MM]
        assert all(r["width"] >= 4 * MM - 0.05 for r in squares), f"page {n}: a tick box under 4 mm"
        effort = [x for x in page["words"] if x["text"] == "Effort" and "Bold" in x["fontname"]]
        if not effort:
            continue
        head = {x["text"]: x for x in page["words"] if abs(x["top"] - effort[0]["top"]) < 1 and x["text"] in ("1", "2", "Effort")}
        sessions += 1
        assert head["2"]["x1"] - head["1"]["x1"] >= 18 * MM - 0.1, f"page {n}: set cells under 18 mm wide"
        left = head["1"]["x1"] - 18 * MM
        cells = [r for r in squares if left <= r["x0"] < head["Effort"]["x0"]]
        for x in {round(r["x0"]) for r in cells}:
            tops = sorted(r["top"] for r in cells if round(r["x0"]) == x)
            assert all(b - a >= 9 * MM for a, b in zip(tops, tops[1:], strict=False)), f"page {n}: rows under 9 mm"
    assert sessions, "no session table found"


@pytest.mark.parametrize("key", KEYS)
def test_one_size_per_role_on_every_exercise_page(built, key):
    """Exercise pages never shrink their type to fit: regular text is body, small or the folio size."""
    plan, pdfs = built[key]
    names = {ex.name for ex in plan.exercises.values()}
    sizes = set()
    for page in pages(pdfs["booklet.pdf"]):
        first = page["text"].split("\n")[1] if "\n" in page["text"] else ""
        if not any(first.startswith(name) for name in names):
            continue
        sizes |= {round(c["size"], 2) for c in page["chars"] if c["fontname"].endswith("Regular") and c["text"].strip()}
    assert sizes and sizes <= {BOOKLET.body.size, BOOKLET.small.size, BOOKLET.folio, BOOKLET.table}, sizes


@pytest.mark.parametrize("key", [("8-week-half", "a4"), ("8-week-half", "letter")])
def test_card_rows_are_tall_enough_and_boxes_big_enough(built, key):
    _, pdfs = built[key]
    for n, page in enumerate(pages(pdfs["cards.pdf"])[LEAD::2], 1):
        w, h = page["size"]
        squares = [r for r in page["rects"] if abs(r["width"] - r["height"]) < 0.2 and r["width"] < 8 * MM]
        assert squares and min(r["width"] for r in squares) >= 4 * MM - 0.05
        for col, row in ((0, 0), (1, 0), (0, 1), (1, 1)):
            rows = box_rows(page, (col * w / 2, row * h / 2, (col + 1) * w / 2, (row + 1) * h / 2))
            assert all(b - a >= 6.5 * MM - 0.1 for a, b in zip(rows, rows[1:], strict=False)), f"front sheet {n}: rows under 6.5 mm"


@pytest.mark.parametrize("key", KEYS)
def test_body_text_keeps_clear_of_the_page_number(built, key):
    _, pdfs = built[key]
    for n, page in enumerate(pages(pdfs["booklet.pdf"]), 1):
        h = page["size"][1]
        folio = [w for w in page["words"] if w["text"] == str(n) and w["top"] > h - 16 * MM]
        if n in (1, len(pages(pdfs["booklet.pdf"]))):
            assert folio == [], "the covers have no page number"
            continue
        assert len(folio) == 1, f"page {n}: one page number at the foot"
        assert h - folio[0]["bottom"] >= 10 * MM - 0.2, f"page {n}: a foot margin of at least 10 mm under the page number"
        body = [w for w in page["words"] if w is not folio[0]]
        lowest = max(w["bottom"] for w in body)
        assert folio[0]["top"] - lowest >= 2.5 * MM, f"page {n}: text runs down onto the page number"


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("product", ["booklet.pdf", "cards.pdf"])
def test_no_printed_line_starts_with_a_separator(built, key, product):
    """"· rest 60 s" under "3 × 8–10 each side" (the default quarter cards) and "· Equipment: none"
    (the booklet's exercise pages) read as stray marks: a separator ends the line before. A
    separator starts a line when no word sits just before it on its baseline (a list's bullets
    start theirs, and are not tested)."""
    from cardgen.render.text import SEPARATORS

    _, pdfs = built[key]
    for n, page in enumerate(pages(pdfs[product]), 1):
        words = page["words"]
        for sep in (x for x in words if x["text"] in SEPARATORS - {"•"}):
            before = [x for x in words if abs(x["bottom"] - sep["bottom"]) < 1 and sep["x0"] - sep["size"] < x["x1"] <= sep["x0"] + 0.1]
            assert before, f"page {n}: a line starts with {sep['text']!r} at {sep['x0'] / MM:.1f} mm, {sep['top'] / MM:.1f} mm"
