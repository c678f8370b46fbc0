"""Fridge poster: the whole plan on one sheet, a tick box per session, read from across a kitchen.

content.py says what goes on it, grid.py and parts.py are its blocks, fitter.py finds the sizes at which
they fit the sheet; this module draws the fitted layout into a PDF.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import CardgenError
from cardgen.plan.model import Plan
from cardgen.prepress.paper import POSTER_SHEETS
from cardgen.render.document import Meta, finish_canvas, tune_reportlab
from cardgen.render.poster.content import content_of
from cardgen.render.poster.draw import DrawContext
from cardgen.render.poster.fitter import fit
from cardgen.style.fonts import REGULAR, register
from cardgen.style.theme import Theme

__all__ = ["PosterOptions", "render_poster"]


@dataclass(frozen=True)
class PosterOptions:
    paper: str = "a4"  # a4 | letter | a3 | tabloid
    athlete: str | None = None


def render_poster(plan: Plan, options: PosterOptions, theme: Theme) -> bytes:
    if options.paper not in POSTER_SHEETS:
        raise CardgenError(f"unknown poster paper {options.paper!r}; use one of {', '.join(POSTER_SHEETS)}")
    tune_reportlab()
    register()
    sheet = POSTER_SHEETS[options.paper]
    c = content_of(plan, options.athlete)
    layout = fit(c, sheet)
    buf = io.BytesIO()
    # The stubs type initialFontName as a float; ReportLab takes a font name (and then never
    # references an unembedded Helvetica).
    canv = Canvas(buf, pagesize=sheet.as_tuple(), invariant=1, pageCompression=1, initialFontName=REGULAR)  # type: ignore[arg-type]
    finish_canvas(
        canv,
        Meta(
            title=f"{plan.title}: poster",
            author=options.athlete or "cardgen",
            subject=f"Fridge poster, {len(c.rows)} weeks × {len(c.keys)} sessions",
            keywords=f"{plan.id}, training plan, poster",
        ),
    )
    ctx = DrawContext(canv, theme, links=False)
    x, top, w = layout.grid_at
    layout.grid.draw(ctx, x, top - layout.grid.height, w)
    layout.header.draw(ctx, layout.frame.x, layout.frame.top - layout.header.height, layout.frame.width)
    x, top, w = layout.info_at
    layout.info.draw(ctx, x, top - layout.info.height, w)
    x, top, w = layout.lists_at
    layout.lists.draw(ctx, x, top - layout.lists.height, w)
    canv.showPage()
    canv.save()
    return buf.getvalue()
