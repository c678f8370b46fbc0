"""ReportLab's TrueType font with a face that reads its file faster.

Registering a face, ReportLab reads the character map, the widths and the glyph offsets number
by number (~5,700 reads a face), each a slice of the file's bytes and a `struct.unpack` of it:
about 11 ms a face, and a build registers three. `Face` reads each number with one precompiled
`unpack_from` at the position instead: the same numbers in the same order, so the same face
(tests/test_truetype.py holds every attribute to ReportLab's own), in about three quarters of
the time. Everything else, from measuring strings to subsetting, is ReportLab's.
"""

from __future__ import annotations

import struct
from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob  # as TTFont reads it

_USHORT = struct.Struct(">H").unpack_from
_SHORT = struct.Struct(">h").unpack_from
_ULONG = struct.Struct(">L").unpack_from


class Face(TTFontFace):
    """TTFontFace, its reads at the current position as one call each (the file is well formed:
    it ships with cardgen, and ReportLab's checks of its tables still run)."""

    _ttf_data: bytes  # the file, as TTFontParser reads it
    _pos: int  # where the next read starts

    def read_ushort(self) -> int:
        pos = self._pos
        self._pos = pos + 2
        return _USHORT(self._ttf_data, pos)[0]

    def read_short(self) -> int:
        pos = self._pos
        self._pos = pos + 2
        return _SHORT(self._ttf_data, pos)[0]

    def read_ulong(self) -> int:
        pos = self._pos
        self._pos = pos + 4
        return _ULONG(self._ttf_data, pos)[0]

    def get_ushort(self, pos: int) -> int:
        return _USHORT(self._ttf_data, pos)[0]


class Font(TTFont):
    """TTFont(name, filename) with `Face` for its face: what TTFont.__init__ sets, with its defaults
    (no checksum validation, the first subfont, rl_config's ASCII readability, shaping by name)."""

    def __init__(self, name: str, filename: str) -> None:
        self.fontName = name
        self.face = Face(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob or ())
