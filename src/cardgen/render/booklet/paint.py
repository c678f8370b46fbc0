"""Drawing laid-out pages: one per PDF page, or two per sheet in saddle-stitch order."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from cardgen.plan.model import Plan
from cardgen.prepress.imposition import saddle_stitch
from cardgen.prepress.paper import Size
from cardgen.render.booklet.geometry import FOLD_TICK, FOLIO, FOOT, HEAD_LINE, INNER, OUTER
from cardgen.render.brand import Brand, BrandLine
from cardgen.render.document import Meta, new_canvas
from cardgen.render.layout import DrawContext, Page
from cardgen.render.text import one_line
from cardgen.render.textbatch import TextBatch
from cardgen.style.booklet import BOOKLET
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.theme import RULE, Theme
from cardgen.units import MM
from cardgen.wording import curly

FOLIO_CLEAR = 12 * MM  # the page number's room at the outer edge, which a coach's footer keeps clear of


def foot_room(page_width: float) -> float:
    """The width the coach's footer may take on a page this wide."""
    return page_width - OUTER - INNER - FOLIO_CLEAR


class Painter:
    def __init__(self, plan: Plan, theme: Theme, size: Size, brand: Brand | None = None):
        self.plan, self.theme, self.size, self.brand = plan, theme, size, brand

    def _canvas(self, buf: io.BytesIO, pagesize: tuple[float, float], meta: Meta) -> Canvas:
        return new_canvas(buf, pagesize, meta)

    def reading(self, pages: list[Page], meta: Meta) -> bytes:
        buf = io.BytesIO()
        canv = self._canvas(buf, self.size.as_tuple(), meta)
        canv.showOutline()
        for page in pages:
            for mark in page.marks:
                if mark.key:
                    canv.bookmarkPage(mark.key)
                    # A viewer's outline is not typeset: no-break spaces read as plain ones there.
                    title = (mark.title or mark.head).replace("\u00a0", " ")
                    canv.addOutlineEntry(title, mark.key, mark.level, closed=mark.level == 0 and mark.key.startswith("part-"))
            self._page(canv, page, len(pages), links=True)
            canv.showPage()
        canv.save()
        return buf.getvalue()

    def imposed(self, pages: list[Page], meta: Meta, sheet: Size, long_edge: bool) -> bytes:
        buf = io.BytesIO()
        sheet = sheet.landscape
        canv = self._canvas(buf, sheet.as_tuple(), Meta(f"{meta.title} (print file)", meta.author, meta.subject, meta.keywords))
        by_number = {p.number: p for p in pages}
        w = self.size.width
        for spread in saddle_stitch(len(pages)):
            for side, (left, right) in (("front", spread.front), ("back", spread.back)):
                turn = side == "back" and long_edge
                for slot, number in ((0, left), (1, right)):
                    canv.saveState()
                    if turn:
                        # A long-edge flip turns the back upside down; draw it turned so it lands upright.
                        canv.translate(sheet.width, sheet.height)
                        canv.rotate(180)
                    canv.translate(slot * w, 0)
                    self._page(canv, by_number[number], len(pages), links=False)
                    canv.restoreState()
                _fold_ticks(canv, sheet)
                canv.showPage()
        canv.save()
        return buf.getvalue()

    def _page(self, canv: Canvas, page: Page, count: int, links: bool) -> None:
        x0 = INNER if page.number % 2 else OUTER  # odd pages are right-hand pages: spine on the left
        ctx = DrawContext(canv, self.theme, links)  # a printed sheet has nothing to click
        width = self.size.width - OUTER - INNER
        for block, x, y in page.placed:
            block.draw(ctx, x0 + x, FOOT + y, width)
        if 1 < page.number < count:  # the covers carry no running head or number
            self._furniture(canv, page)
        if self.brand and page.number > 1:  # the front cover names the coach in full
            self._coach_foot(ctx, page)

    def _furniture(self, canv: Canvas, page: Page) -> None:
        """Running head and page number."""
        n = page.number
        w, h = self.size.width, self.size.height
        odd = n % 2 == 1
        size = BOOKLET.folio
        x_in, x_out = (INNER, w - OUTER) if odd else (w - INNER, OUTER)
        y = h - HEAD_LINE
        title = one_line(curly(self.plan.title), REGULAR, size, (w - OUTER - INNER) * 0.55)
        section = one_line(curly(page.head), BOLD, size, (w - OUTER - INNER) * 0.42)
        with TextBatch(canv, self.theme.ink) as text:
            # Title by the spine, the section at the outer edge where a thumb finds it.
            text.put(x_in, y, title, REGULAR, size, "left" if odd else "right")
            text.put(x_out, y, section, BOLD, size, "right" if odd else "left")
            text.put(x_out, FOLIO, str(n), REGULAR, BOOKLET.table, "right" if odd else "left")
        canv.saveState()
        canv.setStrokeColorRGB(*self.theme.accent)
        canv.setLineWidth(RULE)
        canv.line(min(x_in, x_out), y - 1.6 * MM, max(x_in, x_out), y - 1.6 * MM)
        canv.restoreState()


    def _coach_foot(self, ctx: DrawContext, page: Page) -> None:
        """The coach's footer (or name and contact) on the page number's baseline, from the spine
        side, kept a gap clear of the number; below the body's frame, so the body loses nothing."""
        assert self.brand is not None
        odd = page.number % 2 == 1
        width = foot_room(self.size.width)
        line = BrandLine(self.brand, BOOKLET.folio, text=self.brand.footer, align="left" if odd else "right")
        line.measure(width)
        x = INNER if odd else OUTER + FOLIO_CLEAR
        # The line's box is centred on the folio's baseline band: its text sits on that baseline.
        line.draw(ctx, x, FOLIO + BOOKLET.folio * 0.35 - line.height / 2, width)


def _fold_ticks(canv: Canvas, sheet: Size) -> None:
    """A short mark at the spine on both long edges: where to fold, found by eye and by thumb."""
    x = sheet.width / 2
    near, far = FOLD_TICK
    canv.saveState()
    canv.setStrokeColorRGB(0, 0, 0)
    canv.setLineWidth(0.5)
    canv.line(x, near, x, far)
    canv.line(x, sheet.height - near, x, sheet.height - far)
    canv.restoreState()
