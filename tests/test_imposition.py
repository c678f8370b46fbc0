"""Saddle-stitch imposition: the pure page order, and the print file built from it."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.prepress.imposition import SheetPages, saddle_stitch

from conftest import LIBRARY
from pdfcheck import MM, pages, reader, text as pdf_text


def test_eight_pages():
    assert saddle_stitch(8) == [SheetPages((8, 1), (2, 7)), SheetPages((6, 3), (4, 5))]


def test_four_pages_make_one_sheet():
    assert saddle_stitch(4) == [SheetPages((4, 1), (2, 3))]


def test_every_page_once_and_each_fold_pair_sums_to_n_plus_one():
    n = 32
    sheets = saddle_stitch(n)
    numbers = [p for s in sheets for p in (*s.front, *s.back)]
    assert sorted(numbers) == list(range(1, n + 1))
    assert all(sum(side) == n + 1 for s in sheets for side in (s.front, s.back))


@pytest.mark.parametrize("pages", [0, 6, 30])
def test_only_multiples_of_four(pages):
    with pytest.raises(ValueError, match=f"a saddle-stitched booklet needs a multiple of four pages, not {pages}"):
        saddle_stitch(pages)


@pytest.fixture(scope="module")
def default_plan():
    return plan_from(LIBRARY, "8-week-half")


def _halves(page):
    w = page["size"][0]
    left = " ".join(x["text"] for x in page["words"] if x["x1"] <= w / 2 + 0.5)
    right = " ".join(x["text"] for x in page["words"] if x["x0"] >= w / 2 - 0.5)
    return left, right


def _footer_number(half_text: str) -> str:
    return half_text.split()[-1]


@pytest.mark.parametrize("paper, sheet", [("a4", (297 * MM, 210 * MM)), ("letter", (11 * 72, 8.5 * 72))])
def test_print_file_puts_pages_in_saddle_stitch_order(built, paper, sheet):
    default_plan, pdfs = built["8-week-half", paper]
    n = len(reader(pdfs["booklet.pdf"]).pages)
    sheets = pages(pdfs["booklet-print.pdf"])
    assert len(sheets) == n // 2
    for p in reader(pdfs["booklet-print.pdf"]).pages:
        assert abs(float(p.mediabox.width) - sheet[0]) < 0.5 and abs(float(p.mediabox.height) - sheet[1]) < 0.5
    order = saddle_stitch(n)
    for i, s in enumerate(order):
        for side, (left, right) in ((2 * i, s.front), (2 * i + 1, s.back)):
            l_text, r_text = _halves(sheets[side])
            for number, text in ((left, l_text), (right, r_text)):
                if number == 1:
                    assert default_plan.title.split()[0] in text  # the cover has no page number
                elif number == n:
                    assert text.split() == ["Notes"]  # nor has the back cover
                else:
                    assert str(number) in text.split(), f"page {number} not on sheet side {side + 1}"


def test_no_printing_instructions_on_the_pages_a_runner_keeps(default_plan):
    pdfs = render(default_plan, BuildOptions("8-week-half", only=("booklet",)))
    booklet = pdf_text(pdfs["booklet.pdf"]).lower()
    assert "flip on" not in booklet and "100 %" not in booklet and "print it" not in booklet


def test_the_build_says_how_to_print_the_booklet(tmp_path):
    from click.testing import CliRunner

    from cardgen.cli import main

    result = CliRunner().invoke(main, ["build", "--plan", "8-week-half", "--only", "booklet", "--paper", "letter", "--long-edge", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "booklet-print.pdf on Letter, two-sided, flip on long edge, actual size (100 %)" in result.stderr


def test_long_edge_turns_the_backs(default_plan):
    pdfs = render(default_plan, BuildOptions("8-week-half", only=("booklet",), long_edge=True))
    with pdfplumber.open(io.BytesIO(pdfs["booklet-print.pdf"])) as pdf:
        front, back = pdf.pages[0], pdf.pages[1]
        # Upside-down text runs right to left: a turned back's characters read in falling x.
        words = back.extract_words()
        assert words
        chars = back.chars
        assert all(c["matrix"][0] < 0 for c in chars), "every character on a back is turned 180°"
        assert all(c["matrix"][0] > 0 for c in front.chars)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_sheet_has_a_fold_tick_at_the_spine(built, paper):
    _, pdfs = built["8-week-half", paper]
    for n, sheet in enumerate(pages(pdfs["booklet-print.pdf"]), 1):
        w, h = sheet["size"]
        ticks = [ln for ln in sheet["lines"] if abs(ln["x0"] - w / 2) < 0.1 and abs(ln["x1"] - w / 2) < 0.1]
        # One at each long edge, inside the frame a printer can reach, short enough to hide in the fold.
        assert len(ticks) == 2, f"sheet side {n}"
        for t in ticks:
            assert min(t["top"], h - t["bottom"]) >= 6.35 * MM and t["bottom"] - t["top"] <= 5 * MM
