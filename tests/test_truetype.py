"""cardgen's TrueType font (style/truetype.py) is ReportLab's, read faster: every attribute of the
font and its face as ReportLab's own TTFont sets them, for each shipped face."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from cardgen.resources import shipped
from cardgen.style.truetype import Face, Font

FACES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")


@pytest.mark.parametrize("file", FACES)
def test_the_font_is_reportlabs(file):
    path = str(shipped("fonts") / file)
    ours, theirs = Font("Ours", path), TTFont("Ours", path)
    assert isinstance(ours.face, Face)
    assert vars(ours).keys() == vars(theirs).keys()
    for name, value in vars(theirs).items():
        if name == "face":
            mine, rl = dict(vars(ours.face)), dict(vars(value))
            assert mine.pop("_pdfScale")(1234) == rl.pop("_pdfScale")(1234)  # a lambda made per face
            assert mine == rl  # name, metrics, flags, charToGlyph, charWidths, hmetrics, glyphPos, ...
        elif name == "encoding":
            assert type(ours.encoding) is type(value) and vars(ours.encoding) == vars(value)
        elif name == "state":
            assert type(ours.state) is type(value) and not ours.state and not value
        else:
            assert getattr(ours, name) == value, name
    some = [ord(c) for c in "Squat 3 × 8–10 · rest 60 s “x” ’"]
    assert ours.face.makeSubset(some) == theirs.face.makeSubset(some)  # the subset embedded in a PDF
    assert ours.stringWidth("Squat 3 × 8–10", 9.5) == theirs.stringWidth("Squat 3 × 8–10", 9.5)
