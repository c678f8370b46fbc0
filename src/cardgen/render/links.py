"""Links to a place in the same document, written as small annotation objects.

ReportLab's linkRect builds each annotation as nested PDF dictionaries and arrays that are encoded
name by name when the file is written, and writes an empty /Contents with every one: a booklet has
over a hundred links (page references, the overview's weeks), so that was a tenth of its drawing
time and 17 KB of its file. This writes the same link, a rectangle that goes to a page shown whole,
in one piece.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDestinationFit, PDFObject


class _Link(PDFObject):
    def __init__(self, rect: tuple[float, float, float, float], dest: Any):
        self.rect, self.dest = rect, dest

    def format(self, document: Any) -> bytes:
        dest = self.dest
        if type(dest.fmt) is PDFDestinationFit and dest.page is not None:
            to = b"[" + document.Reference(dest.page).format(document) + b"/Fit]"
        else:  # another kind of destination, or one never bound: ReportLab writes it (or says what is wrong)
            to = dest.format(document)
        box = fp_str(*(round(v, 2) for v in self.rect)).encode()
        return b"<</Type/Annot/Subtype/Link/Border[0 0 0]/Rect[" + box + b"]/Dest" + to + b">>"


def link(canv: Any, name: str, rect: tuple[float, float, float, float]) -> None:
    """A link over `rect` (in the current coordinates) to the bookmark `name`, with no border."""
    canv._addAnnotation(_Link(canv._absRect(rect, 1), canv._bookmarkReference(name)))
