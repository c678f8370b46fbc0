"""Register the bundled TrueType family with ReportLab, once per process."""

from __future__ import annotations

from functools import cache

from cardgen.resources import shipped

REGULAR, BOLD, ITALIC = "CardgenSans", "CardgenSans-Bold", "CardgenSans-Italic"

_FILES = {REGULAR: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf", ITALIC: "NotoSans-Italic.ttf"}


@cache
def register() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from cardgen.style.truetype import Font  # ReportLab's TTFont, parsed faster

    folder = shipped("fonts")
    for name, file in _FILES.items():
        pdfmetrics.registerFont(Font(name, str(folder / file)))
    # ParagraphStyle (used for its fields) resolves bold and italic through this family mapping.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)


def missing_glyphs(text: str) -> str:
    """The characters of `text` the bundled font cannot draw (they would print as nothing)."""
    from cardgen.glyphs import unprintable

    return unprintable(text)
