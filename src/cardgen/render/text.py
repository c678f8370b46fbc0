"""Measuring text, and wrapping it to a width, including words too long for any line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import cast

from reportlab.lib import rl_accel
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from cardgen.languages import DEFAULT, PATTERNS

# A word of one of these never starts a line ("· rest 60 s" reads as a stray mark): it ends the line
# before, and when it does not fit there the word before it goes down with it ("side · rest 60 s").
SEPARATORS = frozenset("·•–—×|/")

# The language of the content being laid out: a plan's `language`, or its coach's; set around a build.
LANGUAGE: ContextVar[str] = ContextVar("language", default=DEFAULT)


# What fonts have measured: by font name, each string's advance in the font's units (1/1000 em).
_UNITS: dict[str, dict[str, int]] = {}
_UNITS_KEPT = 50_000  # strings a font remembers: a build measures ~1,000 distinct ones, a batch few more
_FRACTIONAL: set[str] = set()  # fonts measured by ReportLab every time (see _measure)


def text_width(s: str, font: str, size: float) -> float:
    """The width of `s` in `font` at `size`: exactly ReportLab's `stringWidth`, without its wrappers.

    Every layout decision measures strings (~8,000 times a build, mostly the same few hundred
    words), and ReportLab looks the font up and walks the string in C at each call. Here each
    string's width in font units is remembered per font and scaled as ReportLab scales it
    (`units * 0.001 * size`, in that order: the same float to the last bit).
    """
    known = _UNITS.get(font)
    units = known.get(s) if known is not None else None
    if units is None:
        units = _measure(s, font)
        if units is None:
            return stringWidth(s, font, size)
    return units * 0.001 * size


def _measure(s: str, font: str) -> int | None:
    """`s`'s advance in `font`'s units, now remembered; None for a font not measured here."""
    known = _UNITS.get(font)
    if known is None:
        if font in _FRACTIONAL or not _whole_units(font):
            _FRACTIONAL.add(font)
            return None
        known = _UNITS[font] = {}
    elif len(known) >= _UNITS_KEPT:
        known.clear()
    face = cast(TTFont, getFont(font)).face
    widths, default = face.charWidths, face.defaultWidth
    units = known[s] = sum([widths.get(ord(ch), default) for ch in s])
    return units


def _whole_units(font: str) -> bool:
    """Whether `font` is a TrueType face whose widths are whole units, as Noto's (a 1000-unit em):
    their sum is exact in any order. Another em gives fractions, which ReportLab adds up in C in an
    order of its own. (And whether ReportLab measures with its C helpers, whose way of scaling
    `text_width` copies: its Python fallback multiplies in another order.)"""
    f = getFont(font)
    return (
        "instanceStringWidthTTF" in getattr(rl_accel, "_c_funcs", {})  # not in the stubs
        and isinstance(f, TTFont)
        and all(type(w) is int for w in (f.face.defaultWidth, *f.face.charWidths.values()))
    )


@contextmanager
def hyphenation(language: str | None) -> Iterator[None]:
    """Words too long for a line break by `language`'s patterns (a code of cardgen.languages)."""
    token = LANGUAGE.set(language or DEFAULT)
    try:
        yield
    finally:
        LANGUAGE.reset(token)


def wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Lines of `text` no wider than `width`, broken at plain spaces.

    A no-break space ("30 s", "3 × 10") joins its neighbours into one word; ReportLab's
    simpleSplit would break there. A separator ("·", "–", "×": see SEPARATORS) never starts a
    line. A word that cannot fit any line breaks where a reader expects:
    after a hyphen of its own, at a soft hyphen or zero-width space the writer put in, or at a
    syllable (the hyphenation patterns of the content's language, see `hyphenation`); only a word
    with none of those is cut where it must be.
    """
    return _wrap(text, font, size, width, LANGUAGE.get())


@lru_cache(maxsize=8192)
def _wrap(text: str, font: str, size: float, width: float, language: str) -> tuple[str, ...]:
    if not text:
        return ()
    space = text_width(" ", font, size)
    lines: list[str] = []
    for para in text.split("\n"):
        start = len(lines)
        line, used = "", 0.0
        for word in para.split(" "):
            if not word:
                continue
            shown = visible(word)
            w = text_width(shown, font, size)
            if line and used + space + w <= width:
                line, used = f"{line} {shown}", used + space + w
                continue
            if line and shown in SEPARATORS and (moved := _carried(line, shown, font, size, width)):
                lines.append(line.rpartition(" ")[0])
                line, used = moved, text_width(moved, font, size)
                continue
            if line:
                lines.append(line)
            while w > width and len(shown) > 1:
                cut, hyphen = _cut(word, font, size, width, language)
                lines.append(visible(word[:cut]) + hyphen)
                word = word[cut:]
                shown = visible(word)
                w = text_width(shown, font, size)
            line, used = shown, w
        if line:
            lines.append(line)
            _no_lone_word(lines, start, font, size, width)
    return tuple(lines)


def _carried(line: str, separator: str, font: str, size: float, width: float) -> str:
    """The last word of `line` with `separator` after it, to start the next line with, when the
    line has a word to spare and the two fit a line; else ""."""
    head, _, last = line.rpartition(" ")
    if not head or last in SEPARATORS:
        return ""
    moved = f"{last} {separator}"
    return moved if text_width(moved, font, size) <= width else ""


def _no_lone_word(lines: list[str], start: int, font: str, size: float, width: float) -> None:
    """A paragraph should not end on one short word when the line above can spare one: a last
    line of two words reads as the end of a sentence, a lone word as an accident."""
    if len(lines) - start < 2 or " " in lines[-1] or lines[-2].count(" ") < 3:
        return
    head, _, moved = lines[-2].rpartition(" ")
    if moved in SEPARATORS:  # the word before it goes too: a line never starts with a separator
        head, _, before = head.rpartition(" ")
        moved = f"{before} {moved}"
    joined = f"{moved} {lines[-1]}"
    if text_width(joined, font, size) <= width:
        lines[-2:] = [head, joined]


SOFT_HYPHEN, ZERO_WIDTH_SPACE = "\u00ad", "\u200b"  # break opportunities the writer put in; never printed as such


def visible(word: str) -> str:
    """`word` as printed: the writer's soft hyphens and zero-width spaces are breaks, not characters."""
    if SOFT_HYPHEN in word or ZERO_WIDTH_SPACE in word:
        return word.replace(SOFT_HYPHEN, "").replace(ZERO_WIDTH_SPACE, "")
    return word


def _cut(word: str, font: str, size: float, width: float, language: str = DEFAULT) -> tuple[int, str]:
    """Where to break a word too long for a line (an index into `word`, and the hyphen to add):
    the writer's own breaks first ("Rear-foot-/elevated", a soft hyphen, a zero-width space),
    then the last syllable break that fits, then as late as fits."""
    def fits(at: int, hyphen: str) -> bool:
        return text_width(visible(word[:at]) + hyphen, font, size) <= width

    own = [(i + 1, "-" if ch == SOFT_HYPHEN else "") for i, ch in enumerate(word[:-1]) if i > 0 and ch in "-–/" + SOFT_HYPHEN + ZERO_WIDTH_SPACE]
    for at, hyphen in reversed(own):
        if fits(at, hyphen):
            return at, hyphen
    if not own:
        for at in reversed(_syllables(word, language)):
            if fits(at, "-"):
                return at, "-"
    cut = len(word) - 1
    while cut > 1 and not fits(cut, "-"):
        cut -= 1
    return cut, "-"


@lru_cache(maxsize=1024)
def _syllables(word: str, language: str = DEFAULT) -> tuple[int, ...]:
    """Where `word` may be hyphenated, by the patterns of the content's language (British English
    unless a plan or its coach says otherwise): at least two letters before a break and three after
    it, trailing punctuation not counted."""
    core = word.rstrip(".,;:!?)»”’")
    return tuple(_hyphenator(language).positions(core))


@cache
def _hyphenator(language: str = DEFAULT):
    import pyphen  # loading the patterns costs a quarter of a second: only once a word is too long for its line

    return pyphen.Pyphen(lang=PATTERNS[language], left=2, right=3)


def one_line(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to one line with an ellipsis when it does not fit (running heads, card feet)."""
    text = visible(text)
    if text_width(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and text_width(" ".join(words) + "…", font, size) > width:
        words.pop()  # running heads are never cut mid-word while a whole word can go
    head = " ".join(words)
    while head and text_width(head + "…", font, size) > width:
        head = head[:-1]
    return head.rstrip(" ,;·–") + "…"
