"""Page objects written in a few bytes.

ReportLab writes every page dictionary with /Rotate 0, an empty /Trans, a /ProcSet (a list that no
viewer has read since PDF 1.4) and spaces around every name and bracket: some 260 bytes a page,
9 KB of a 36-page booklet. A page of ours (no rotation, no transition, no extra boxes) is written
here with the same entries that mean something; anything else is left to ReportLab.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFPage, format

# Entries a page of ours never sets: one that has any is written by ReportLab as it was.
_UNUSUAL = ("CropBox", "ArtBox", "BleedBox", "TrimBox", "Thumb", "B", "Dur", "Hid", "AA", "PieceInfo", "LastModified", "SeparationInfo", "ID", "PZ")
_RESOURCES = ("ColorSpace", "XObject", "ExtGState", "Pattern", "Properties", "Shading")


class CompactPage(PDFPage):
    Rotate: Any  # set by ReportLab's canvas; not in the stubs
    Resources: Any

    def format(self, document: Any) -> bytes:
        trans = self.Trans
        if (
            self.Override_default_compilation
            or self.Rotate not in (0, None)
            or (trans is not None and (not isinstance(trans, PDFDictionary) or trans.dict))
            or any(getattr(self, k) is not None for k in _UNUSUAL)
            or self.Resources is not None
            or self.MediaBox is not None
        ):
            return super().format(document)
        annots = list(self.Annots or ())
        self.check_format(document)

        def ref(obj: Any) -> bytes:
            return format(document.Reference(obj), document)

        res: Any = self.Resources  # made by check_format
        resources = [b"/Font ", format(res.Font, document)]
        for name in _RESOURCES:
            value = getattr(res, name)
            if value:
                resources += [b"/", name.encode(), format(PDFDictionary(value) if isinstance(value, dict) else value, document)]
        out = [
            b"<</Type/Page/Parent ", ref(self.Parent),
            b"/MediaBox[0 0 ", fp_str(self.pagewidth, self.pageheight).encode(),
            b"]/Contents ", ref(self.Contents),
            b"/Resources<<", *resources, b">>",
        ]
        if annots:
            out += [b"/Annots[", b" ".join(format(a, document) for a in annots), b"]"]
        out.append(b">>")
        return b"".join(out)


def compact_pages(canv: Any) -> None:
    """Write the canvas's pages, from the next one it finishes, as CompactPage."""
    doc = canv._doc
    add = doc.addPage

    def add_page(page: Any) -> None:
        if type(page) is PDFPage:
            page.__class__ = CompactPage
        add(page)

    doc.addPage = add_page
