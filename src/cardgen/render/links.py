"""Links to a place in the same document, written as small annotation objects.

ReportLab's linkRect builds each annotation as nested PDF dictionaries and arrays that are encoded
name by name when the file is written, and writes an empty /Contents with every one: a booklet has
over a hundred links (page references, the overview's weeks), so that was a tenth of its drawing
time and 17 KB of its file. This writes the same link, a rectangle that goes to a page shown whole,
in one piece.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDestinationFit, PDFObject


def destination(dest: Any, document: Any) -> bytes:
    """A bookmark's place, "[page /Fit]", as few bytes."""
    if type(dest.fmt) is PDFDestinationFit and dest.page is not None:
        return b"[" + document.Reference(dest.page).format(document) + b"/Fit]"
    return dest.format(document)  # another kind of destination, or one never bound: ReportLab writes it (or says what is wrong)


class _Link(PDFObject):
    def __init__(self, rect: tuple[float, float, float, float], dest: Any):
        self.rect, self.dest = rect, dest

    def format(self, document: Any) -> bytes:
        to = destination(self.dest, document)
        # A place to click: whole points, grown outward, are as good as hundredths.
        x0, y0, x1, y1 = self.rect
        box = b"%d %d %d %d" % (math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1))
        # /Type is optional in an annotation (ISO 32000-1, 12.5.2); /Border [0 0 0]: no frame drawn by a viewer.
        return b"<</Subtype/Link/Border[0 0 0]/Rect[" + box + b"]/Dest" + to + b">>"


def link(canv: Any, name: str, rect: tuple[float, float, float, float]) -> None:
    """A link over `rect` (in the current coordinates) to the bookmark `name`, with no border."""
    canv._addAnnotation(_Link(canv._absRect(rect, 1), canv._bookmarkReference(name)))
