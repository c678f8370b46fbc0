"""A QR code to a demonstration video, with its address under it in type; layout.Beside sets it
beside text (an exercise page's header, an exercise's cues on a card back).

The code is drawn from ReportLab's own encoder as vector squares: black on white in every theme (a
phone reads contrast, not colour), error correction M (15 % of the code may be scuffed or folded),
its four-module quiet zone inside its size, never smaller than 15 mm with it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from cardgen.render.layout import Block, DrawContext
from cardgen.render.text import one_line, text_width
from cardgen.render.textbatch import TextBatch
from cardgen.style.text import TextStyle
from cardgen.units import MM

QUIET = 4  # modules of white around the code: the standard's quiet zone
MODULE = 0.4 * MM  # the smallest module printed: a phone reads it from 10–15 cm off a laser print
QR_MIN = 15 * MM  # the code with its quiet zone: smaller is hard to find and frame with a phone
CAPTION_GAP = 0.3 * MM  # between the code's quiet zone and the address under it: the zone is white already
BLACK = (0.0, 0.0, 0.0)
WHITE = (1.0, 1.0, 1.0)


def short_url(url: str) -> str:
    """The address as printed under its code: without the scheme or a trailing slash."""
    return re.sub(r"^https?://", "", url, flags=re.IGNORECASE).rstrip("/")


@lru_cache(maxsize=256)
def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    """The code's dark modules row by row, top first, at the smallest version that holds `data`."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    # Bytes mode always: the encoder would otherwise try Kanji mode first on some strings.
    qr.addData(qrencoder.QR8bitByte(data))
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def qr_side(data: str) -> float:
    """The printed size of the code with its quiet zone: 15 mm, or more for a long address."""
    return max(QR_MIN, (len(qr_modules(data)) + 2 * QUIET) * MODULE)


def draw_qr(canv, data: str, x: float, y: float, side: float) -> None:
    """The code with its quiet zone in a `side` square from (x, y): a white square, then each run
    of dark modules in a row as one rectangle, all in one path."""
    rows = qr_modules(data)
    module = side / (len(rows) + 2 * QUIET)
    canv.saveState()
    canv.setFillColorRGB(*WHITE)
    canv.rect(x, y, side, side, stroke=0, fill=1)
    canv.setFillColorRGB(*BLACK)
    path = canv.beginPath()
    for r, row in enumerate(rows):
        top = y + side - (QUIET + r + 1) * module
        c = 0
        while c < len(row):
            if row[c]:
                end = c
                while end < len(row) and row[end]:
                    end += 1
                path.rect(x + (QUIET + c) * module, top, (end - c) * module, module)
                c = end
            else:
                c += 1
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


URL_LINES = 3  # an address longer than this under its code is cut: the code still carries it whole
_URL_BREAK = re.compile(r"(?<=[/.?&=_-])")  # where a reader expects an address to go on: after a separator


def url_lines(text: str, font: str, size: float, width: float, most: int = URL_LINES) -> list[str]:
    """The address in lines of `width`, broken after a '/', '.', '-' or the like (at a letter only
    when a piece is wider than the line), the last line cut with an ellipsis past `most` lines."""
    pieces: list[str] = []
    for piece in _URL_BREAK.split(text):
        while text_width(piece, font, size) > width and len(piece) > 1:
            n = len(piece) - 1
            while n > 1 and text_width(piece[:n], font, size) > width:
                n -= 1
            pieces.append(piece[:n])
            piece = piece[n:]
        if piece:
            pieces.append(piece)
    lines: list[str] = []
    for piece in pieces:
        if lines and text_width(lines[-1] + piece, font, size) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    if len(lines) > most:
        lines = lines[: most - 1] + [one_line("".join(lines[most - 1 :]), font, size, width)]
    return lines


class VideoCode(Block):
    """The code at the top right of its column, the short address under it, right-aligned and
    broken over lines at its separators; in a reading copy the code and address are one link to
    the video.

    The column is as wide as the address up to `max_width`, and never narrower than the code.
    """

    def __init__(self, url: str, caption: TextStyle, max_width: float):
        self.url, self.caption, self.max_width = url, caption, max_width
        self.side = qr_side(url)
        self.text = short_url(url)

    def column(self, room: float) -> float:
        """The width the code and its address take beside text in `room`: the address's, up to
        `max_width` and a third of the room, never less than the code's."""
        want = text_width(self.text, self.caption.font, self.caption.size)
        return max(self.side, min(want, self.max_width, room / 3))

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self._lines = url_lines(self.text, self.caption.font, self.caption.size, width)
        self.height = self.side + CAPTION_GAP + len(self._lines) * self.caption.leading
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c, st = ctx.canv, self.caption
        draw_qr(c, self.url, self.width - self.side, self.height - self.side, self.side)
        base = self.height - self.side - CAPTION_GAP - st.first_baseline
        with TextBatch(c, ctx.theme.ink) as text:
            for i, line in enumerate(self._lines):
                text.put(self.width, base - i * st.leading, line, st.font, st.size, align="right")
        if ctx.links:
            widest = max(text_width(line, st.font, st.size) for line in self._lines)
            left = min(self.width - self.side, self.width - widest)
            c.linkURL(self.url, (left, 0, self.width, self.height), relative=1, thickness=0)
