"""The booklet: laid out once, drawn in reading order (booklet.pdf) and imposed to fold (booklet-print.pdf)."""

from cardgen.render.booklet.assemble import Booklet, BookletOptions, render_booklet

__all__ = ["Booklet", "BookletOptions", "render_booklet"]
