"""Wrapping text to a width, including words too long for any line."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib.utils import simpleSplit


@lru_cache(maxsize=4096)
def wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Lines of `text` no wider than `width`; a word that cannot fit is broken with a hyphen."""
    if not text:
        return ()
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width):
        while stringWidth(line, font, size) > width and len(line) > 1:
            # simpleSplit leaves an over-long word whole; cut it where it still fits.
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut] + "-", font, size) > width:
                cut -= 1
            lines.append(line[:cut] + "-")
            line = line[cut:]
        lines.append(line)
    return tuple(lines)


def one_line(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to one line with an ellipsis when it does not fit (running heads, card feet)."""
    lines = wrap(text, font, size, width)
    if len(lines) <= 1:
        return text
    head = lines[0].rstrip("-")
    while head and stringWidth(head + "…", font, size) > width:
        head = head[:-1]
    return head.rstrip() + "…"
