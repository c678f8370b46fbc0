"""Pages written compactly (cardgen.render.pdfpage) keep every entry a reader uses."""

from __future__ import annotations

import io

from pypdf import PdfReader

from cardgen.render.document import Meta, new_canvas
from cardgen.render.links import link
from cardgen.style.fonts import REGULAR, register

register()


def test_size_contents_fonts_forms_links_and_outline_survive_and_an_unusual_page_is_left_to_reportlab():
    buf = io.BytesIO()
    canv = new_canvas(buf, (400, 600), Meta("t", "a", "s"))
    canv.beginForm("mark")
    canv.rect(0, 0, 10, 10, fill=1)
    canv.endForm()
    canv.setFont(REGULAR, 12)
    canv.drawString(20, 500, "First page")
    canv.doForm("mark")
    link(canv, "second", (0, 0, 50, 50))
    canv.showPage()
    canv.bookmarkPage("second")
    canv.addOutlineEntry("Second – “page”", "second", 0)
    canv.setPageRotation(90)
    canv.drawString(20, 500, "Second page")
    canv.showPage()
    canv.save()
    data = buf.getvalue()
    assert data.count(b"<</Type/Page/") == 1, "the first page is compact, the rotated one ReportLab's own"
    pdf = PdfReader(io.BytesIO(data))
    first, second = pdf.pages
    (entry,) = pdf.outline
    assert entry.title == "Second – “page”" and entry.page.idnum == second.indirect_reference.idnum
    assert [float(v) for v in first.mediabox] == [0, 0, 400, 600]
    assert first.extract_text().strip() == "First page" and "/Font" in first["/Resources"]
    assert list(first["/Resources"]["/XObject"]) and len(first["/Annots"]) == 1
    assert second.rotation == 90 and second.extract_text().strip() == "Second page"
