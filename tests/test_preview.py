"""`cardgen preview`: PNG thumbnails of a built PDF."""

from __future__ import annotations

import pytest
from PIL import Image

from cardgen.errors import CardgenError
from cardgen.pipeline import BuildOptions, build
from cardgen.preview import page_selection, render_previews

from conftest import LIBRARY


def test_page_selection():
    assert page_selection(None, 3) == [1, 2, 3]
    assert page_selection("1-2, 4", 5) == [1, 2, 4]
    with pytest.raises(CardgenError, match=r"--pages: the PDF has 3 pages, found page 4"):
        page_selection("2-4", 3)
    with pytest.raises(CardgenError, match=r"--pages: expected pages like 1-4 or 2,5-6, found 'first'"):
        page_selection("first", 3)


def test_previews_are_pngs_of_the_page_shape(tmp_path):
    result = build(BuildOptions("8-week-half", out=tmp_path, only=("booklet",)), LIBRARY)
    booklet = result.files[0]
    written = render_previews(booklet, tmp_path / "png", "1-2", dpi=50)
    assert [p.name for p in written] == ["booklet-01.png", "booklet-02.png"]
    with Image.open(written[0]) as img:
        w, h = img.size
        assert abs(w - 148 / 25.4 * 50) <= 1 and abs(h - 210 / 25.4 * 50) <= 1  # an A5 page at 50 dpi
        assert img.convert("L").getextrema()[0] < 50, "the cover has black text on it"


def test_a_file_that_is_not_a_pdf(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_text("not a pdf")
    with pytest.raises(CardgenError, match="cannot open .*notes.pdf as a PDF"):
        render_previews(bad, tmp_path / "png")


def test_preview_command(tmp_path):
    from click.testing import CliRunner

    from cardgen.cli import main

    build(BuildOptions("8-week-half", out=tmp_path, only=("poster",)), LIBRARY)
    result = CliRunner().invoke(main, ["preview", str(tmp_path / "poster.pdf"), "--out", str(tmp_path / "png"), "--dpi", "30"])
    assert result.exit_code == 0, result.output
    assert result.output == f"{tmp_path / 'png' / 'poster-01.png'}\n"
    result = CliRunner().invoke(main, ["preview", str(tmp_path / "poster.pdf"), "--pages", "2"])
    assert result.exit_code == 1 and result.output == "Error: --pages: the PDF has 1 page, found page 2\n"
