"""Links inside a document (page references, the overview's weeks), written by cardgen.render.links."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from cardgen.render.document import Meta, new_canvas
from cardgen.render.links import link
from cardgen.style.fonts import register

register()


def _doc(bind: bool) -> bytes:
    buf = io.BytesIO()
    canv = new_canvas(buf, (400, 600), Meta("t", "a", "s"))
    canv.saveState()
    canv.translate(30, 40)  # a block's corner: the rectangle is given in its coordinates
    link(canv, "week-2", (10.3, 20, 110.004, 31.6))
    canv.restoreState()
    canv.showPage()
    if bind:
        canv.bookmarkPage("week-2")
    canv.showPage()
    canv.save()
    return buf.getvalue()


def test_a_link_goes_to_its_page_from_the_rectangle_where_it_was_drawn():
    pdf = PdfReader(io.BytesIO(_doc(bind=True)))
    (annot,) = [a.get_object() for a in pdf.pages[0]["/Annots"]]
    assert annot["/Subtype"] == "/Link"
    assert [float(v) for v in annot["/Rect"]] == [40, 60, 141, 72], "whole points, grown outward"
    assert list(annot["/Border"]) == [0, 0, 0], "no frame drawn around it by a viewer"
    page, fit = annot["/Dest"]
    assert page.idnum == pdf.pages[1].indirect_reference.idnum and fit == "/Fit"


def test_a_link_to_a_place_never_marked_fails_the_build_as_reportlab_does():
    with pytest.raises(ValueError, match="week-2"):
        _doc(bind=False)
