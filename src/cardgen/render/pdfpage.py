"""Page objects, their content streams and the outline's entries written in a few bytes.

ReportLab writes every page dictionary with /Rotate 0, an empty /Trans, a /ProcSet (a list that no
viewer has read since PDF 1.4) and spaces around every name and bracket: some 260 bytes a page,
9 KB of a 36-page booklet. A page of ours (no rotation, no transition, no extra boxes) is written
here with the same entries that mean something; anything else is left to ReportLab. The same for
the stream dictionary of a page's content and for an outline entry.
"""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    BasicFonts,
    OutlineEntryObject,
    PDFDictionary,
    PDFObjectReference,
    PDFPage,
    PDFPages,
    PDFStream,
    PDFString,
    PDFZCompress,
    format,
)

from cardgen.render.links import destination

# Entries a page of ours never sets: one that has any is written by ReportLab as it was.
_UNUSUAL = ("CropBox", "ArtBox", "BleedBox", "TrimBox", "Thumb", "B", "Dur", "Hid", "AA", "PieceInfo", "LastModified", "SeparationInfo", "ID", "PZ")
_FONTS = b"/Font %s"  # the resources most pages have, the fonts alone: inherited from the page tree
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
        if type(self.Contents) is PDFStream:
            self.Contents.__class__ = _PageStream

        def ref(obj: Any) -> bytes:
            return format(document.Reference(obj), document)

        res: Any = self.Resources  # made by check_format
        resources = [b"/Font ", format(res.Font, document)]
        for name in _RESOURCES:
            value = getattr(res, name)
            if value:
                resources += [b"/", name.encode(), format(PDFDictionary(value) if isinstance(value, dict) else value, document)]
        box = fp_str(self.pagewidth, self.pageheight).encode()
        own = b"".join(resources)
        out = [
            b"<</Type/Page/Parent ", ref(self.Parent),
            b"" if box == _shared_box(document.Pages) else b"/MediaBox[0 0 " + box + b"]",
            b"/Contents ", ref(self.Contents),
            b"" if own == _FONTS % format(res.Font, document) else b"/Resources<<" + own + b">>",
        ]
        if annots:
            out += [b"/Annots[", b" ".join(format(a, document) for a in annots), b"]"]
        out.append(b">>")
        return b"".join(out)


def _shared_box(pages: Any) -> bytes | None:
    """The size every page of the document has, which they then inherit from the page tree."""
    if not hasattr(pages, "_cardgen_box"):
        sizes = {(p.pagewidth, p.pageheight) for p in pages.pages}
        pages._cardgen_box = fp_str(*sizes.pop()).encode() if len(sizes) == 1 else None
    box: bytes | None = pages._cardgen_box
    return box


class _Pages(PDFPages):
    """The page tree, with the page size its pages share and the fonts (inherited entries, ISO 32000-1,
    7.7.3.4): a page with other resources (a form, a picture) has its own."""

    def format(self, document: Any) -> bytes:
        box = _shared_box(self)
        if box is None or getattr(self, "Parent", None) is not None:
            return super().format(document)
        kids = b" ".join(format(document.Reference(p), document) for p in self.pages)
        fonts = _FONTS % format(PDFObjectReference(BasicFonts), document)
        return b"<</Type/Pages/Kids[" + kids + b"]/Count %d/MediaBox[0 0 " % len(self.pages) + box + b"]/Resources<<" + fonts + b">>>>"


class _PageStream(PDFStream):
    def format(self, document: Any) -> bytes:
        if self.filters != [PDFZCompress] or self.dictionary.dict or not isinstance(self.content, str):
            return super().format(document)
        data = document.encrypt.encode(zlib.compress(self.content.encode("utf8")))
        return b"<</Filter/FlateDecode/Length %d>>stream\n" % len(data) + data + b"endstream\n"


class _OutlineEntry(OutlineEntryObject):
    def format(self, document: Any) -> bytes:
        out = [b"<</Title", format(PDFString(self.Title), document), b"/Parent ", format(self.Parent, document), b"/Dest", destination(self.Dest, document)]
        for name in ("Prev", "Next", "First", "Last", "Count"):
            value = getattr(self, name)
            if value is not None:
                out += [b"/", name.encode(), b" ", format(value, document)]
        out.append(b">>")
        return b"".join(out)


def compact_pages(canv: Any) -> None:
    """Write the canvas's pages (from the next one it finishes) and its outline compactly."""
    doc = canv._doc
    add = doc.addPage

    def add_page(page: Any) -> None:
        if type(page) is PDFPage:
            page.__class__ = CompactPage
        add(page)

    doc.addPage = add_page
    if type(doc.Pages) is PDFPages:
        doc.Pages.__class__ = _Pages
    outline = doc.outline
    make = outline.maketree

    def maketree(document: Any, tree: Any, Parent: Any = None, toplevel: int = 0) -> Any:  # noqa: N803  (ReportLab's name)
        made = make(document, tree, Parent, toplevel)
        if toplevel:  # every entry is registered by now, none formatted yet
            for obj in document.idToObject.values():
                if type(obj) is OutlineEntryObject:
                    obj.__class__ = _OutlineEntry
        return made

    outline.maketree = maketree
