"""Which characters the bundled font can print.

Text the font has no glyph for prints as nothing: a blank title, an empty cue. Every string a user
gives is checked against the font before anything is laid out, so the message can name the file,
line and field instead of a page coming out blank.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from cardgen.resources import shipped

SOFT_HYPHEN = "\u00ad"  # a break opportunity that shows a hyphen only where the line breaks
ZERO_WIDTH_SPACE = "\u200b"  # a break opportunity that shows nothing
_INVISIBLE = {ord(SOFT_HYPHEN), ord(ZERO_WIDTH_SPACE), ord("\n")}
_FACE = "NotoSans-Regular.ttf"  # Bold and Italic cover the same characters (tests/test_hostile.py checks it)


@cache
def _printable() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    # One face is read (a face costs ~15 ms at every start): the family's faces share one character set.
    return frozenset(set(TTFontFile(str(shipped("fonts") / _FACE)).charToGlyph) - set(range(32)) - {0x7F}) | _INVISIBLE


def unprintable(text: str) -> str:
    """The characters of `text` the font cannot print, each once, in the order they first appear."""
    printable = _printable()
    return "".join(dict.fromkeys(ch for ch in text if ord(ch) not in printable))


def glyph_message(chars: str) -> str:
    """What to tell a user about `chars` (from `unprintable`)."""
    controls = [ch for ch in chars if unicodedata.category(ch).startswith("C")]
    if controls:
        return f"remove the control character U+{ord(controls[0]):04X}; it cannot be printed"
    named = ", ".join(f"{ch!r} (U+{ord(ch):04X}, {unicodedata.name(ch, 'unnamed').lower()})" for ch in chars[:2])
    more = f" and {len(chars) - 2} more" if len(chars) > 2 else ""
    return f"the font cannot print {named}{more}; write it with Latin, Greek or Cyrillic letters"
