"""Wrapping text to a width, including words too long for any line."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth


@lru_cache(maxsize=8192)
def wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Lines of `text` no wider than `width`, broken at plain spaces.

    A no-break space ("30 s", "3 × 10") joins its neighbours into one word; ReportLab's
    simpleSplit would break there. A word that cannot fit any line breaks after a hyphen of its
    own, or is cut with one.
    """
    if not text:
        return ()
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for para in text.split("\n"):
        start = len(lines)
        line, used = "", 0.0
        for word in para.split(" "):
            if not word:
                continue
            w = stringWidth(word, font, size)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                lines.append(line)
            while w > width and len(word) > 1:
                cut, hyphen = _cut(word, font, size, width)
                lines.append(word[:cut] + hyphen)
                word = word[cut:]
                w = stringWidth(word, font, size)
            line, used = word, w
        if line:
            lines.append(line)
            _no_lone_word(lines, start, font, size, width)
    return tuple(lines)


def _no_lone_word(lines: list[str], start: int, font: str, size: float, width: float) -> None:
    """A paragraph should not end on one short word when the line above can spare one: a last
    line of two words reads as the end of a sentence, a lone word as an accident."""
    if len(lines) - start < 2 or " " in lines[-1] or lines[-2].count(" ") < 3:
        return
    head, _, moved = lines[-2].rpartition(" ")
    joined = f"{moved} {lines[-1]}"
    if stringWidth(joined, font, size) <= width:
        lines[-2:] = [head, joined]


def _cut(word: str, font: str, size: float, width: float) -> tuple[int, str]:
    """Where to break a word too long for a line: after a hyphen it already has ("Rear-foot-/
    elevated") when one fits, else as late as fits, with a hyphen added."""
    hyphens = [i + 1 for i, ch in enumerate(word[:-1]) if ch in "-–/" and i > 0]
    for at in reversed(hyphens):
        if stringWidth(word[:at], font, size) <= width:
            return at, ""
    cut = len(word) - 1
    while cut > 1 and stringWidth(word[:cut] + "-", font, size) > width:
        cut -= 1
    return cut, "-"


def one_line(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to one line with an ellipsis when it does not fit (running heads, card feet)."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and stringWidth(" ".join(words) + "…", font, size) > width:
        words.pop()  # running heads are never cut mid-word while a whole word can go
    head = " ".join(words)
    while head and stringWidth(head + "…", font, size) > width:
        head = head[:-1]
    return head.rstrip(" ,;·–") + "…"
