"""Helpers that read our PDFs back: text, word boxes, fonts, outline, links."""

from __future__ import annotations

import io
from functools import cache

import pdfplumber
from pypdf import PdfReader

MM = 72 / 25.4


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@cache
def _pages(data: bytes):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            {
                "size": (float(p.width), float(p.height)),
                "text": p.extract_text() or "",
                "words": p.extract_words(extra_attrs=["size", "fontname"]),
                "rects": p.rects,
                "lines": p.lines,
            }
            for p in pdf.pages
        ]


def pages(data: bytes):
    return _pages(data)


def text(data: bytes) -> str:
    return "\n".join(p["text"] for p in pages(data))


def outline_titles(data: bytes) -> list[str]:
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)

    walk(reader(data).outline)
    return out


def unembedded_fonts(data: bytes) -> list[str]:
    bad = []
    for page in reader(data).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            desc = target.get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                bad.append(str(font.get("/BaseFont")))
    return bad
