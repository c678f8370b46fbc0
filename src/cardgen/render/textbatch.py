"""Many short strings in one PDF text object.

canvas.drawString builds a text object per call, and ReportLab encodes every string for the
font's subset character by character in Python (`TTFont.splitString`): for a booklet of some
four thousand strings that was most of the drawing. A batch sets the font only when it changes,
encodes a string whose characters the document's subset already holds in one `str.translate`,
and emits everything at once; a character the document has not used yet goes through ReportLab,
which assigns its code, and is known from then on.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont

from cardgen.render.canvas import number
from cardgen.render.text import text_width, visible

NBSP = 0xA0  # ReportLab draws a no-break space as the font's space


class _Encoder:
    """One font's strings as the bytes of one PDF document's subsets of it."""

    def __init__(self, font: Any, doc: Any):
        self.font, self.doc = font, doc
        self.table: dict[int, str] = {}  # character -> its one-byte code in subset 0
        self.known: set[str] = set()  # the characters `table` holds
        self.names: dict[int, str] = {}  # subset -> its resource name ("/F1+0")
        self.shown: dict[str, list[tuple[int, str]]] = {}  # string -> its Tj operands, per subset

    def runs(self, s: str) -> list[tuple[int, str]]:
        """`s` as (subset, "(escaped bytes) Tj") runs: the bytes ReportLab would write for it."""
        done = self.shown.get(s)
        if done is not None:
            return done
        if self.known.issuperset(s):
            out = [(0, f"({escapePDF(s.translate(self.table).encode('latin-1'))}) Tj")]
        else:
            out = [(subset, f"({escapePDF(t)}) Tj") for subset, t in self.font.splitString(s, self.doc)]
            self._learn(s)
        self.shown[s] = out
        return out

    def _learn(self, s: str) -> None:
        state = self.font.state[self.doc]
        glyphs, assigned = self.font.face.charToGlyph, state.assignments
        for ch in set(s) - self.known:
            code = ord(ch)
            if code == NBSP:
                code = 32
            n = assigned.get(code, 0) if code in glyphs else 0
            if n < 256:  # subset 0: one byte, one translate
                self.table[ord(ch)] = chr(n)
                self.known.add(ch)

    def name(self, subset: int) -> str:
        name = self.names.get(subset)
        if name is None:
            name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
        return name


_ENCODERS: WeakKeyDictionary[Any, dict[str, _Encoder]] = WeakKeyDictionary()


def _encoder(doc: Any, font: str) -> _Encoder:
    by_font = _ENCODERS.get(doc)
    if by_font is None:
        by_font = _ENCODERS[doc] = {}
    enc = by_font.get(font)
    if enc is None:
        enc = by_font[font] = _Encoder(getFont(font), doc)
    return enc


class TextBatch:
    """Strings in one BT ... ET: the colour set once, the font only when it changes, each string
    placed by a move from the one before (`Td`), positions to 0.01 pt."""

    def __init__(self, canv, rgb: tuple[float, float, float] = (0, 0, 0)):
        self.canv = canv
        self._code = [f"BT {number(rgb[0])} {number(rgb[1])} {number(rgb[2])} rg"]
        self._font, self._fsize = "", 0.0  # none yet
        self._enc: _Encoder | None = None
        self._size = ""
        self._subset = -1
        self._at = (0, 0)  # where the last line started, in hundredths of a point (a text object starts at 0 0)
        self._drawn = False

    def put(self, x: float, y: float, s: str, font: str, size: float, align: str = "left") -> None:
        if not s:
            return
        if font != self._font or size != self._fsize:
            self._font, self._fsize = font, size
            self._enc = _encoder(self.canv._doc, font)
            self._size = f" {number(size)} Tf"
            self._subset = -1
        if align != "left":
            w = text_width(s, font, size)
            x -= w if align == "right" else w / 2
        # Rounded where they are, not move by move: the small errors never add up along a page.
        at = (round(x * 100), round(y * 100))
        code = self._code
        code.append(f"{number((at[0] - self._at[0]) / 100)} {number((at[1] - self._at[1]) / 100)} Td")
        self._at = at
        enc = self._enc
        assert enc is not None
        # A string printed as it is (most: no soft hyphen) is looked up before it is made visible.
        for subset, shown in enc.shown.get(s) or enc.runs(visible(s)):
            if subset != self._subset:
                code.append(enc.name(subset) + self._size)
                self._subset = subset
            code.append(shown)
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self._code.append("ET")
            self.canv._code.append(" ".join(self._code))

    def __enter__(self) -> TextBatch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
