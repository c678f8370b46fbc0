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


# ---------------------------------------------------------------- content at every limit at once
# tests/stress/limits.py writes it: six sets of 998–999, ten exercises a session with 80-character
# names (German compounds, Greek, Cyrillic) and 240-character notes, seven sessions a week, every text
# and list at its longest. The booklet must lay out inside its frames on both papers, the cards on
# every size (a session continued onto more cards); a product that cannot be made (the poster) is
# refused naming it and what to change. The full matrix of variations
# is tests/stress/matrix.py (see tests/stress/README.md).


@pytest.fixture(scope="module")
def at_limits(tmp_path_factory):
    from stress.limits import write_limits

    return load_library(write_limits(tmp_path_factory.mktemp("limits")))


def _checked_pages(pdf: bytes, numbers: list[int]):
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for n in numbers:
            p = doc.pages[n - 1]
            words = p.extract_words(extra_attrs=["size"])
            yield n, {"size": (float(p.width), float(p.height)), "words": words, "rects": p.rects, "text": p.extract_text() or ""}


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_booklet_at_every_limit_lays_out_inside_its_frames(at_limits, paper):
    plan = plan_from(at_limits, "limits-short", dt.date(2027, 1, 4))
    pdfs = render(plan, BuildOptions("limits-short", paper=paper, only=("booklet",), athlete=ATHLETE))
    count = len(reader(pdfs["booklet.pdf"]).pages)
    # The front matter and the first exercise's pages, and the last weeks' pages: the rest repeats them.
    numbers = [*range(1, 13), *range(count - 24, count + 1)]
    tables = 0
    for n, page in _checked_pages(pdfs["booklet.pdf"], numbers):
        assert page_problems({**page, "chars": []}, 6.35 * MM) == [], f"{paper} page {n}"
        w = page["size"][0]
        assert all(0 <= r["x0"] and r["x1"] <= w for r in page["rects"]), f"{paper} page {n}: drawn off the page"
        heads = sorted(x["x0"] for x in page["words"] if x["text"] == "Set")
        if "Set 6" in page["text"] and "Effort" in page["text"]:
            # Six sets: the names go across the table over their cells, which keep room for a pen.
            tables += 1
            assert "Set 1 Set 2 Set 3 Set 4 Set 5 Set 6 Effort" in page["text"] and "Exercise" not in page["text"]
            assert min(b - a for a, b in zip(heads, heads[1:], strict=False)) >= 14 * MM, f"{paper} page {n}: set cells under 14 mm"
    assert tables >= 10


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("card", ["quarter", "a6", "a7", "index-3x5", "index-4x6", "id1"])
def test_cards_at_every_limit_continue_onto_more_cards_inside_their_cut_lines(at_limits, paper, card):
    """Ten 80-character names fit on no pocket card (see the Limits in docs/content-format.md): each
    session continues onto numbered cards, every word inside its card's safe area, none under 8 pt."""
    from cardgen.prepress.cards import card_sheet
    from cardgen.prepress.paper import SHEETS

    plan = plan_from(at_limits, "limits-short", dt.date(2027, 1, 4))
    made = render(plan, BuildOptions("limits-short", paper=paper, only=("cards",), card=card))
    said = [w for w in made.warnings if "continued onto" in w]
    assert [w.split("cards): ")[0].rsplit(" (", 1)[0] for w in said] == (["Session A", "Session Day 2", "Session Long label"] if card == "id1" else [
        "Session A1", "Session Day 2 (1)", "Session Long label", "Session A2", "Session Day 2 (2)", "Session A3", "Session Day 2 (3)"])
    sheet = card_sheet(SHEETS[paper], card, "long")
    lead = 2 if sheet.edge else 0
    count = len(reader(made["cards.pdf"]).pages)
    for n, page in _checked_pages(made["cards.pdf"], [lead + 1, lead + 2, count - 1, count]):
        h = page["size"][1]
        slots = [*(sheet.slot(i) for i in range(sheet.per_sheet)), *(sheet.back_slot(i) for i in range(sheet.per_sheet))]
        placed = 0
        for x in page["words"]:
            cx, cy = (x["x0"] + x["x1"]) / 2, h - (x["top"] + x["bottom"]) / 2
            slot = next((s for s in slots if s.x <= cx <= s.right and s.y <= cy <= s.top), None)
            if slot is None:
                continue  # the printing note
            safe = slot.inset(sheet.safe)
            assert safe.x - 0.5 <= x["x0"] and x["x1"] <= safe.right + 0.5, f"{card} {paper} page {n}: {x['text']!r} leaves its card"
            assert h - safe.top - 0.5 <= x["top"] and x["bottom"] <= h - safe.y + 0.5, f"{card} {paper} page {n}: {x['text']!r} leaves its card"
            assert x["size"] >= 7.95, f"{card} {paper} page {n}: {x['text']!r} at {x['size']:.1f} pt"
            placed += 1
        assert placed, f"page {n} is empty"
    assert "… continued on the next card" in reader(made["cards.pdf"]).pages[lead].extract_text()


def test_a_build_at_every_limit_writes_the_booklet_and_says_which_products_it_could_not_make(at_limits, tmp_path):
    from cardgen.errors import LayoutError
    from cardgen.pipeline import build

    result = build(BuildOptions("limits-short", paper="letter", out=tmp_path / "out", card="id1"), at_limits)
    assert [p.name for p in result.files] == ["booklet.pdf", "booklet-print.pdf", "cards.pdf"]
    said = [w for w in result.warnings if " not written: " in w]
    assert [w.split(":")[0] for w in said] == ["poster.pdf not written"]
    assert "(2 weeks × 7 sessions) does not fit one Letter sheet" in said[0]
    # A year of seven sessions a week fits no poster sheet; asked for alone, that is an error.
    year = plan_from(at_limits, "limits", dt.date(2027, 1, 4))
    for paper in ("a3", "tabloid"):
        with pytest.raises(LayoutError) as info:
            render(year, BuildOptions("limits", only=("poster",), poster_paper=paper))
        assert "(52 weeks × 7 sessions) does not fit one" in info.value.message and "bigger sheet" not in info.value.message
