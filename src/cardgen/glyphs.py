"""Which characters the bundled font can print.

Text the font has no glyph for prints as nothing: a blank title, an empty cue. Every string a user
gives is checked against the font before anything is laid out, so the message can name the file,
line and field instead of a page coming out blank.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import cache

from cardgen.resources import shipped

SOFT_HYPHEN = "\u00ad"  # a break opportunity that shows a hyphen only where the line breaks
ZERO_WIDTH_SPACE = "\u200b"  # a break opportunity that shows nothing
_INVISIBLE = {ord(SOFT_HYPHEN), ord(ZERO_WIDTH_SPACE), ord("\n")}
_FACE = "NotoSans-Regular.ttf"  # Bold and Italic cover the same characters (tests/test_hostile.py checks it)


@cache
def _printable() -> frozenset[int]:
    # One face is read: the family's faces share one character set.
    return frozenset(font_characters((shipped("fonts") / _FACE).read_bytes()) - set(range(32)) - {0x7F}) | _INVISIBLE


def font_characters(data: bytes) -> set[int]:
    """The characters a TrueType font's Unicode cmap maps, as ReportLab reads them (`TTFontFile.charToGlyph`).

    Read here rather than through ReportLab: `check` and `list` then never import it (~75 ms), and a
    build parses each face once, when it registers the fonts. Formats 4 and 12 only, which every
    Unicode font has; tests/test_hostile.py checks the result against ReportLab's for every face.
    """
    (tables,) = struct.unpack_from(">H", data, 4)
    directory = {data[12 + 16 * i : 16 + 16 * i]: struct.unpack_from(">I", data, 20 + 16 * i)[0] for i in range(tables)}
    cmap = directory[b"cmap"]
    version, count = struct.unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count = version
    chosen = None
    for i in range(count):  # the last Unicode subtable wins, as in ReportLab
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen = cmap + offset
    if chosen is None:
        raise ValueError("the font has no Unicode character map")
    (fmt,) = struct.unpack_from(">H", data, chosen)
    chars: set[int] = set()
    if fmt == 4:
        (segments,) = struct.unpack_from(">H", data, chosen + 6)
        segments //= 2
        ends = struct.unpack_from(f">{segments}H", data, chosen + 14)
        starts = struct.unpack_from(f">{segments}H", data, chosen + 16 + 2 * segments)
        for start, end in zip(starts, ends, strict=True):
            chars.update(range(start, end + 1))
    elif fmt == 12:
        (groups,) = struct.unpack_from(">I", data, chosen + 12)
        for g in range(groups):
            start, end = struct.unpack_from(">II", data, chosen + 16 + 12 * g)
            chars.update(range(start, end + 1))
    else:
        raise ValueError(f"unsupported character map format {fmt}")
    if 0x20 in chars or 0xA0 in chars:  # ReportLab draws each with the other's glyph
        chars |= {0x20, 0xA0}
    return chars


def unprintable(text: str) -> str:
    """The characters of `text` the font cannot print, each once, in the order they first appear."""
    printable = _printable()
    if printable.issuperset(map(ord, text)):  # nearly every string: decided in C, not character by character
        return ""
    return "".join(dict.fromkeys(ch for ch in text if ord(ch) not in printable))


def glyph_message(chars: str) -> str:
    """What to tell a user about `chars` (from `unprintable`)."""
    controls = [ch for ch in chars if unicodedata.category(ch).startswith("C")]
    if controls:
        return f"remove the control character U+{ord(controls[0]):04X}; it cannot be printed"
    named = ", ".join(f"{ch!r} (U+{ord(ch):04X}, {unicodedata.name(ch, 'unnamed').lower()})" for ch in chars[:2])
    more = f" and {len(chars) - 2} more" if len(chars) > 2 else ""
    return f"the font cannot print {named}{more}; write it with Latin, Greek or Cyrillic letters"
