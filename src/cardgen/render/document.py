"""Settings every PDF of ours shares: reproducible bytes, metadata, print scaling, fast output."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Meta:
    """A PDF's document properties."""

    title: str
    author: str
    subject: str
    keywords: str = ""


def tune_reportlab() -> None:
    from reportlab import rl_config

    # Raw deflate instead of ASCII85 text: smaller files and less pure-Python work per stream.
    rl_config.useA85 = 0


def finish_canvas(canv: Canvas, meta: Meta) -> None:
    """Metadata and viewer hints, for a canvas made by a doc template or by hand."""
    canv.setTitle(meta.title)
    canv.setAuthor(meta.author)
    canv.setSubject(meta.subject)
    canv.setKeywords(meta.keywords)
    canv.setCreator("cardgen")
    # A hint to print at 100 %; many viewers honour it, the sheets also say so in words.
    canv.setViewerPreference("PrintScaling", "None")


def new_canvas(buf: io.BytesIO, pagesize: tuple[float, float], meta: Meta) -> Canvas:
    """A canvas that writes the same bytes for the same input, with compressed pages, our font and `meta`."""
    from cardgen.render.canvas import PageCanvas
    from cardgen.render.pdfpage import compact_pages
    from cardgen.style.fonts import REGULAR

    # types-reportlab declares initialFontName a float; ReportLab takes a font name (canvas.py passes it to setFont).
    canv = PageCanvas(buf, pagesize=pagesize, invariant=1, pageCompression=1, initialFontName=REGULAR)  # type: ignore[arg-type]
    compact_pages(canv)
    finish_canvas(canv, meta)
    return canv
