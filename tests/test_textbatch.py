"""TextBatch encodes strings itself (not through ReportLab's text object): what it writes must read
back as the text it was given, in every subset of the font, beside ReportLab's own drawString."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import getFont

from cardgen.render.document import Meta, new_canvas
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD, REGULAR, register

register()


def _page_text(draw) -> list[str]:
    buf = io.BytesIO()
    canv = new_canvas(buf, (600, 8000), Meta("t", "a", "s"))
    draw(canv)
    canv.showPage()
    canv.save()
    text = PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_strings_read_back_across_several_subsets_and_beside_drawstring():
    # Over 224 distinct characters: ReportLab starts a second subset of the font, one byte a character.
    glyphs = getFont(REGULAR).face.charToGlyph
    letters = [chr(c) for c in sorted(glyphs) if 0x21 <= c < 0x2000 and chr(c).isalpha()][:400]
    words = ["".join(letters[i : i + 20]) for i in range(0, len(letters), 20)]
    assert len(words) >= 15
    again = [w[::-1] for w in words] + ["12\u00a0× 3 and"]

    def draw(canv) -> None:
        y = 7900.0
        canv.setFont(REGULAR, 9)
        canv.drawString(10, y, "Set 1 · 10–12")  # ReportLab assigns these codes first
        with TextBatch(canv) as text:
            for i, word in enumerate(words):
                y -= 20
                text.put(10, y, word, BOLD if i % 3 == 0 else REGULAR, 9)
            y -= 20
            text.put(10, y, "Set 1 · 10–12 and 3\u00a0×\u00a012", REGULAR, 9)
            y -= 20
            text.put(590, y, "Right", REGULAR, 9, align="right")
            for word in again:  # new strings of characters the document already has codes for
                y -= 20
                text.put(10, y, word, REGULAR, 9)
        y -= 20
        canv.setFont(REGULAR, 9)
        canv.drawString(10, y, words[1] + " after")  # codes the batch assigned, used by ReportLab

    lines = _page_text(draw)
    assert lines == ["Set 1 · 10–12", *words, "Set 1 · 10–12 and 3 × 12", "Right", *again[:-1], "12 × 3 and", words[1] + " after"]


def test_soft_hyphens_are_breaks_not_characters_and_empty_strings_draw_nothing():
    def draw(canv) -> None:
        with TextBatch(canv) as text:
            text.put(10, 7900, "Kettle\u00adbell", REGULAR, 9)
            text.put(10, 7880, "", REGULAR, 9)
            text.put(10, 7860, "zero\u200bwidth", REGULAR, 9)

    assert _page_text(draw) == ["Kettlebell", "zerowidth"]


def test_each_string_is_encoded_as_reportlabs_own_text_object_encodes_it():
    glyphs = getFont(REGULAR).face.charToGlyph
    letters = [chr(c) for c in sorted(glyphs) if 0x21 <= c < 0x2000 and chr(c).isalpha()][:300]
    strings = ["".join(letters[i : i + 30]) for i in range(0, len(letters), 30)]
    strings += [s[::-1] for s in strings] + ["3\u00a0×\u00a012 · 10–12", "12\u00a0× 3", "\u00a0"]
    canv = new_canvas(io.BytesIO(), (600, 800), Meta("t", "a", "s"))
    ours, theirs = [], []
    for s in strings:
        text = TextBatch(canv)
        text.put(0, 0, s, REGULAR, 9)
        text.close()
        ours.append(canv._code.pop())
    for s in strings:  # every character has its code by now: ReportLab encodes from the same table
        t = canv.beginText()
        t.setFont(REGULAR, 9)
        t._textOut(s)
        theirs.append(t.getCode())

    def operands(code: str) -> list[str]:
        return re.findall(r"\((?:\\.|[^\\)])*\) Tj", code)

    assert [operands(c) for c in ours] == [operands(c) for c in theirs]
    assert sum(len(operands(c)) > 1 for c in ours) > 0, "some strings span two subsets"


def test_each_string_starts_where_it_was_put_to_a_hundredth_of_a_point():
    import pdfplumber

    spots = [(10.0, 700.0), (123.456, 700.0), (10.004, 650.126), (300.5, 20.333), (12.0, 780.0), (0.0, 0.0)]
    buf = io.BytesIO()
    canv = new_canvas(buf, (400, 800), Meta("t", "a", "s"))
    canv.translate(20, 10)  # inside a block, as drawn
    with TextBatch(canv) as text:
        for i, (x, y) in enumerate(spots):
            text.put(x, y, f"W{i}", BOLD if i % 2 else REGULAR, 9 + i)
        text.put(380, 400, "Right", REGULAR, 9, align="right")
    canv.showPage()
    canv.save()
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        chars = pdf.pages[0].chars
        starts = {c["text"] + c_next["text"]: c["matrix"][4:] for c, c_next in zip(chars, chars[1:], strict=False) if c["text"] in "WR"}
        right = max(c["x1"] for c in pdf.pages[0].chars if c["top"] < 800 - 405 and c["bottom"] > 800 - 415)
    for i, (x, y) in enumerate(spots):
        ox, oy = starts[f"W{i}"]
        assert abs(ox - (x + 20)) <= 0.006 and abs(oy - (y + 10)) <= 0.006, (i, ox, oy)
    assert abs(right - 400) < 0.05
