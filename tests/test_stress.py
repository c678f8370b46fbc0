"""A content set built to break layouts (tests/stress): long names, eight cues, ten exercises in a
session, four sets, three sessions a week, a long athlete name. Nothing may overflow or overlap."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cardgen.content.load import load_library
from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.wording import curly

from pdfcheck import MM, box_rows, inside, page_problems, pages, reader, reads

STRESS = Path(__file__).resolve().parent / "stress"
ATHLETE = "Zoë Łukasiewicz-Ní Bhriain of the Very Long Name Running Club"


@pytest.fixture(scope="module", params=["a4", "letter"])
def booklet(request):
    library = load_library(STRESS)
    plan = plan_from(library, "stress", dt.date(2026, 3, 2))
    pdfs = render(plan, BuildOptions("stress", paper=request.param, only=("booklet",), athlete=ATHLETE))
    return plan, pdfs, request.param


def test_every_page_keeps_the_rules(booklet):
    _, pdfs, paper = booklet
    # The print file redraws the same pages; reading it on one paper size is enough.
    for name in ("booklet.pdf", "booklet-print.pdf") if paper == "a4" else ("booklet.pdf",):
        for n, page in enumerate(pages(pdfs[name]), 1):
            assert page_problems(page, 6.35 * MM) == [], f"{name} page {n}"


def test_long_names_wrap_rather_than_run_out_of_their_cells(booklet):
    plan, pdfs, _ = booklet
    words = " ".join(" ".join(p["text"].split()) for p in pages(pdfs["booklet.pdf"]))
    for ex in plan.exercises.values():
        assert curly(ex.name) in words
        for cue in ex.cues:
            assert reads(words, curly(cue)), cue


def test_a_crowded_session_continues_with_its_table_header(booklet):
    _, pdfs, _ = booklet
    texts = [p["text"] for p in pages(pdfs["booklet.pdf"])]
    lines = [t.split("\n") for t in texts]
    continued = [ls for ls in lines if len(ls) > 1 and ls[1].startswith("Exercise")]  # a page that opens mid-table
    assert continued, "the crowded session spills onto a continuation page"
    assert all("Set 1" in ls[1] and "Effort" in ls[1] for ls in continued)


def test_page_count_is_still_a_multiple_of_four(booklet):
    _, pdfs, _ = booklet
    n = len(reader(pdfs["booklet.pdf"]).pages)
    assert n % 4 == 0 and len(reader(pdfs["booklet-print.pdf"]).pages) == n // 2


@pytest.fixture(scope="module", params=["a4", "letter"])
def cards_and_poster(request):
    library = load_library(STRESS)
    plan = plan_from(library, "stress", dt.date(2026, 3, 2))
    # With week labels and doses of 28 pt, this poster outgrows A4 and Letter (test_poster checks the
    # refusal): it is built on the bigger sheet its refusal advises.
    poster_paper = {"a4": "a3", "letter": "tabloid"}[request.param]
    options = BuildOptions("stress", paper=request.param, only=("cards", "poster"), athlete=ATHLETE, poster_paper=poster_paper)
    pdfs = render(plan, options)
    return pdfs, list(pdfs.warnings)


def test_crowded_cards_shrink_or_compact_with_warnings_and_stay_on_their_cards(cards_and_poster):
    pdfs, warnings = cards_and_poster
    assert warnings and all(w.startswith("Week ") and "to fit the card" in w for w in warnings)
    assert not any("Session B" in w for w in warnings), "three exercises fit without shrinking"
    for n, page in enumerate(pages(pdfs["cards.pdf"])[2:], 1):  # after the printing instructions and their blank back
        w, h = page["size"]
        cw, ch = w / 2, h / 2
        for word in page["words"]:
            col, row = int(word["x0"] // cw), int(word["top"] // ch)
            safe = (col * cw + 7 * MM, row * ch + 7 * MM, (col + 1) * cw - 7 * MM, (row + 1) * ch - 7 * MM)
            assert inside(word, *safe), f"sheet page {n}: {word['text']!r} leaves its card"
        assert page_problems(page, 6.35 * MM) == [], f"cards page {n}"


def test_crowded_poster_keeps_the_rules(cards_and_poster):
    pdfs, _ = cards_and_poster
    [page] = pages(pdfs["poster.pdf"])
    assert page_problems(page, 10 * MM) == []
    assert min(x["size"] for x in page["words"]) >= 12


def test_card_rows_stay_tall_enough_to_tick_and_write(cards_and_poster):
    pdfs, _ = cards_and_poster
    for n, page in enumerate(pages(pdfs["cards.pdf"])[2::2], 1):
        w, h = page["size"]
        for col, row in ((0, 0), (1, 0), (0, 1), (1, 1)):  # the four cards of a quarter sheet
            rows = box_rows(page, (col * w / 2, row * h / 2, (col + 1) * w / 2, (row + 1) * h / 2))
            pitches = [b - a for a, b in zip(rows, rows[1:], strict=False)]
            assert not pitches or min(pitches) >= 6.5 * MM - 0.1, f"front sheet {n}: rows under 6.5 mm"


def test_the_cover_contents_point_at_the_real_pages(booklet):
    _, pdfs, _ = booklet
    texts = [p["text"] for p in pages(pdfs["booklet.pdf"])]
    cover = texts[0].split("\n")
    listed = {line.rsplit(" ", 1)[0]: int(line.rsplit(" ", 1)[1]) for line in cover if line.rsplit(" ", 1)[-1].isdigit()}
    assert texts[listed["How to use this booklet"] - 1].split("\n")[1].startswith("How to use this booklet")
    assert "Plan at a glance" in texts[listed["Plan at a glance"] - 1].split("\n")[1]
    assert "Week 1 ·" in texts[listed["Weeks"] - 1]


def test_a_week_heading_never_stands_alone_on_its_page(booklet):
    """A week's title, its note and its session come as one: a session too tall for the rest of a
    page takes its heading with it (or splits), never leaving the heading behind."""
    _, pdfs, _ = booklet
    for n, page in enumerate(pages(pdfs["booklet.pdf"]), 1):
        body = page["text"].split("\n")[1:]
        if any(line.startswith("Week ") and " · " in line for line in body):
            assert "Exercise" in page["text"] or "No sessions" in page["text"], f"page {n}: a week heading with no session under it"
