"""Figures on the pocket cards' fronts (issue 10): the end pose alone at the left of each exercise,
inside the card, over no word; only on cards with room for them, and gone before the type shrinks."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.render.cards.week import THUMB_HEADS, THUMB_WIDTH
from cardgen.units import MM

from test_figure_page import figures  # noqa: F401  (the fixture: two exercises with a coach's figure)

SAFE = 3 * MM  # every card's safe area is at least this far inside its cut
THUMB = THUMB_WIDTH * max(THUMB_HEADS)  # the widest figure column


def cards(content, card: str) -> bytes:
    return render(plan_from(content.load(), "basic"), BuildOptions("basic", only=("cards",), card=card))["cards.pdf"]


def card_pages(data: bytes):
    """The pages with cards on them (a quarter deck starts with its printing page and a blank)."""
    pdf = pdfplumber.open(io.BytesIO(data))
    return pdf, [p for p in pdf.pages if "Session A" in (p.extract_text() or "") and "printing" not in (p.extract_text() or "")]


def test_quarter_card_fronts_show_each_figure_at_the_left_of_its_exercise_inside_the_card(figures):  # noqa: F811
    pdf, pages = card_pages(cards(figures, "quarter"))
    with pdf:
        front = pages[0]
        curves = front.curves
        assert curves, "no figure on the front"
        half_w, half_h = float(front.width) / 2, float(front.height) / 2
        words = front.extract_words()
        for c in curves:
            # Inside one quarter's safe area, in the figure column at its left.
            left = 0.0 if c["x0"] < half_w else half_w
            top = 0.0 if c["top"] < half_h else half_h
            assert left + SAFE <= c["x0"] and c["x1"] <= left + SAFE + 5 * MM + THUMB, c
            assert top + SAFE <= c["top"] and c["bottom"] <= top + half_h - SAFE, c
            over = [w["text"] for w in words if w["x0"] < c["x1"] and w["x1"] > c["x0"] and w["top"] < c["bottom"] and w["bottom"] > c["top"]]
            assert over == [], over
        # The names stand right of the figure column, on every card of the page.
        for name in ("Glute", "Band"):
            for w in (w for w in words if w["text"] == name):
                assert w["x0"] >= (0.0 if w["x0"] < half_w else half_w) + SAFE + THUMB, w


def test_card_backs_and_small_cards_draw_no_figure(figures):  # noqa: F811
    pdf, pages = card_pages(cards(figures, "quarter"))
    with pdf:
        assert [p for p in pages if "form cues" in (p.extract_text() or "") and p.curves] == []
    for small in ("a7", "index-3x5"):  # the wallet card (id1) has no exercise rows to put them in
        pdf, pages = card_pages(cards(figures, small))
        with pdf:
            assert pages and all(p.curves == [] for p in pages), small


def test_a_card_without_room_for_figures_leaves_them_off_without_a_word_before_the_type_shrinks(figures):  # noqa: F811
    walk = (figures.root / "exercises" / "band-walk.yaml").read_text(encoding="utf-8")
    for n in range(2, 6):
        figures.write(f"exercises/walk-{n}.yaml", walk.replace("name: Band walk", f"name: Band walk {n}"))
    many = "".join(f"      - exercise: walk-{n}\n" for n in range(2, 6))
    figures.edit("plans/basic.yaml", "      - exercise: band-walk\n", "      - exercise: band-walk\n" + many)
    made = render(plan_from(figures.load(), "basic"), BuildOptions("basic", only=("cards",)))
    pdf, pages = card_pages(made["cards.pdf"])
    with pdf:
        assert pages[0].curves == []
    assert list(made.warnings) == []  # neither the figures' going nor a smaller type


@pytest.mark.parametrize("card", ["a6", "index-4x6"])
def test_landscape_cards_with_room_set_each_exercise_as_a_row_beside_its_figure(figures, card):  # noqa: F811
    pdf, pages = card_pages(cards(figures, card))
    with pdf:
        page = pages[0]
        assert page.curves
        words = page.extract_words()
        # One row: the dose on the name's line ("Glute bridge 3 × 8–10"), right of the figure.
        glute = next(w for w in words if w["text"] == "Glute")
        dose = next(w for w in words if w["text"].startswith("3") and abs(w["bottom"] - glute["bottom"]) < 3)
        assert dose["x0"] > glute["x1"]
        assert max(c["x1"] for c in page.curves if c["top"] < glute["bottom"] + 20 and c["bottom"] > glute["top"] - 20) < glute["x0"]


def test_a_deck_shows_figures_on_every_card_or_on_none(figures):  # noqa: F811
    pdf, pages = card_pages(cards(figures, "a6"))
    with pdf:
        fronts = [p for p in pages if "form cues" not in (p.extract_text() or "")]
        assert fronts and all(p.curves for p in fronts)
    # A session B of five standing figures leaves no room for them on a landscape A6 card: session
    # A's three, which have room, get none either.
    walk = (figures.root / "exercises" / "band-walk.yaml").read_text(encoding="utf-8")
    for n in range(2, 6):
        figures.write(f"exercises/walk-{n}.yaml", walk.replace("name: Band walk", f"name: Band walk {n}"))
    five = "".join(f"      - exercise: {e}\n" for e in ("band-walk", "walk-2", "walk-3", "walk-4", "walk-5"))
    figures.edit("plans/basic.yaml", "sessions:\n", "sessions:\n  B:\n    focus: More\n    exercises:\n" + five)
    pdf, pages = card_pages(cards(figures, "a6"))
    with pdf:
        fronts = [p for p in pages if "form cues" not in (p.extract_text() or "")]
        assert fronts and not any(p.curves for p in fronts)


def test_a_deck_draws_each_figure_once_and_places_it_on_every_card(figures):  # noqa: F811
    from pypdf import PdfReader

    forms = set()
    placed = 0
    for page in PdfReader(io.BytesIO(cards(figures, "quarter"))).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        for name, ref in xobjects.items():
            if ref.get_object().get("/Subtype") == "/Form":
                forms.add(ref.idnum)
                placed += page.get_contents().get_data().count(f"{name} Do".encode())
    assert len(forms) == 2  # the bridge and the band walk: four weeks of cards share them
    assert placed == 8
