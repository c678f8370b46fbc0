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
                "chars": p.chars,
                "rects": p.rects,
                "lines": p.lines,
            }
            for p in pdf.pages
        ]


def pages(data: bytes):
    return _pages(data)


def text(data: bytes) -> str:
    """The text of every page; no-break spaces read as spaces, so tests can say "3 × 10"."""
    return "\n".join(p["text"] for p in pages(data)).replace("\u00a0", " ").replace("\u202f", " ")


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


def inside(word, x0, top, x1, bottom, tol=0.5) -> bool:
    """Whether a pdfplumber word box lies within a box given in pdfplumber's top-down coordinates."""
    return word["x0"] >= x0 - tol and word["x1"] <= x1 + tol and word["top"] >= top - tol and word["bottom"] <= bottom + tol


def overlapping(words):
    """Pairs of words whose boxes overlap by more than half a point both ways."""
    boxes = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b["top"] > a["bottom"]:
                break
            dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if dx > 0.5 and dy > 0.5:
                yield a["text"], b["text"]


def page_problems(page, margin: float) -> list[str]:
    """What breaks the house rules on one page: words outside the frame, overlaps, type under 8 pt."""
    w, h = page["size"]
    out = [f"outside the printable frame: {x['text']!r}" for x in page["words"] if not inside(x, margin, margin, w - margin, h - margin)]
    out += [f"overlap: {a!r} / {b!r}" for a, b in overlapping(page["words"])]
    out += [f"under 8 pt: {x['text']!r} at {x['size']:.1f}" for x in page["words"] if x["size"] < 7.95]
    return out


def box_rows(page, box: tuple[float, float, float, float], low: float = 3.9 * MM, high: float = 8 * MM) -> list[float]:
    """The distinct tops (rounded) of rows of tick boxes inside `box` (x0, top, x1, bottom):
    squares between `low` and `high` on a side."""
    x0, top, x1, bottom = box
    squares = [
        r for r in page["rects"]
        if abs(r["width"] - r["height"]) < 0.2 and low <= r["width"] <= high and x0 <= r["x0"] < x1 and top <= r["top"] < bottom
    ]
    return sorted({round(r["top"], 1) for r in squares})


def reads(text_: str, phrase: str) -> bool:
    """Whether the words of `phrase` occur in order in `text_`: true of a phrase that wraps inside
    one column of a two-column page, whose lines extraction interleaves with the other column's."""
    words = iter(text_.split())
    return all(any(w == t for t in words) for w in phrase.split())
