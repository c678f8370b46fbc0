"""Fridge poster: the whole plan on one sheet, a tick box per session, read from across a kitchen.

content.py says what goes on it, grid.py and parts.py are its blocks, fitter.py finds the sizes at which
they fit the sheet; this module draws the fitted layout into a PDF.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from cardgen.errors import CardgenError
from cardgen.options import PosterPaper
from cardgen.plan.model import Plan
from cardgen.prepress.paper import A4, POSTER_SHEETS
from cardgen.render.brand import Brand, BrandLine, client_subject
from cardgen.render.document import Meta, new_canvas, tune_reportlab
from cardgen.render.layout import DrawContext
from cardgen.render.poster.content import content_of
from cardgen.render.poster.fitter import MARGIN, fit
from cardgen.style.fonts import register
from cardgen.style.poster import FLOOR
from cardgen.style.theme import Theme
from cardgen.units import MM

__all__ = ["PosterOptions", "render_poster"]


@dataclass(frozen=True)
class PosterOptions:
    """What a poster is made for: the paper, the athlete, the coach."""

    paper: PosterPaper | str = PosterPaper.A4  # a str (from the pipeline, a test) is checked into the enum
    athlete: str | None = None
    brand: Brand | None = None  # the coach: logo and byline in the bottom corner, in a strip of their own

    def __post_init__(self) -> None:
        # Checked here, once: a plain string from a caller becomes the enum or a clear error.
        try:
            object.__setattr__(self, "paper", PosterPaper(self.paper))
        except ValueError:
            raise CardgenError(f"unknown poster paper {str(self.paper)!r}; use one of {', '.join(PosterPaper.values())}") from None


def render_poster(plan: Plan, options: PosterOptions, theme: Theme) -> bytes:
    tune_reportlab()
    register()
    sheet = POSTER_SHEETS[options.paper]
    c = content_of(plan, options.athlete)
    byline = _byline(options.brand, sheet.width > A4.width * 1.2)
    # The byline's strip is taken from the sheet before the fitter sees it: the grid cannot reach it.
    layouts = fit(c, sheet, byline.measure(sheet.width) + BYLINE_GAP if byline else 0.0)
    buf = io.BytesIO()
    canv = new_canvas(
        buf,
        sheet.as_tuple(),
        Meta(
            title=f"{plan.title}: poster",
            author=options.brand.author if options.brand else options.athlete or "cardgen",
            subject=client_subject(options.athlete, plan.title) if options.brand else f"Fridge poster, {len(c.rows)} weeks × {len(c.keys)} sessions",
            keywords=f"{plan.id}, training plan, poster",
        ),
    )
    # Nothing on a fridge poster is clicked.
    ctx = DrawContext(canv, theme, links=False)
    for layout in layouts:
        for block, (x, top, width) in (
            (layout.grid, layout.grid_at),
            (layout.header, (layout.frame.x, layout.frame.top, layout.frame.width)),
            (layout.info, layout.info_at),
            (layout.lists, layout.lists_at),
        ):
            block.draw(ctx, x, top - block.height, width)
        if byline:
            byline.draw(ctx, layout.frame.x, MARGIN, layout.frame.width)
        canv.showPage()
    canv.save()
    return buf.getvalue()


BYLINE_GAP = 4 * MM  # between the byline's strip and what the fitter lays out above it


def _byline(brand: Brand | None, big: bool) -> BrandLine | None:
    """The coach's logo and byline for the bottom right corner, at the poster's least type size."""
    if brand is None:
        return None
    size = 14.0 if big else FLOOR
    return BrandLine(brand, size, logo_h=(10 if big else 8) * MM, logo_w=(36 if big else 30) * MM, align="right")
