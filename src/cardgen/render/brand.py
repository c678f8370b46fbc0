"""Who the products are from: the coach's name, contact and logo, as blocks every product places
(the booklet's cover and page foot, the poster's corner, the card backs).

The logo is prepared once per build (read, upright, on white, grey in mono) and resampled once per
printed size; ReportLab embeds identical pixels once per PDF, however many card backs show it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cardgen.pictures import fit, printed
from cardgen.render.layout import Block, DrawContext
from cardgen.render.text import text_width
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.units import MM
from cardgen.wording import SEP, curly

if TYPE_CHECKING:
    from PIL.Image import Image


@dataclass(eq=False)
class Logo:
    """A coach's logo as read once per build, drawn at any size from the one image."""

    image: Image  # upright, opaque, RGB, at the file's resolution
    grey: bool  # printed in grey (the mono theme)
    _readers: dict[tuple[float, float], Any] = field(default_factory=dict)

    def size_in(self, max_w: float, max_h: float) -> tuple[float, float]:
        return fit(self.image.size, max_w, max_h)

    def draw(self, canv: Any, x: float, y: float, w: float, h: float) -> None:
        from reportlab.lib.utils import ImageReader

        key = (round(w, 3), round(h, 3))
        if key not in self._readers:
            self._readers[key] = ImageReader(printed(self.image, w, h, self.grey))
        canv.drawImage(self._readers[key], x, y, w, h)


@dataclass(frozen=True)
class Brand:
    """What the products print of the coach."""

    name: str
    business: str | None = None
    contact: tuple[str, ...] = ()  # email, phone, web: those given
    footer: str | None = None
    logo: Logo | None = None

    @property
    def author(self) -> str:
        """For the PDF metadata: "Ana Pérez (Run Strong Coaching)"."""
        return f"{self.name} ({self.business})" if self.business else self.name

    @property
    def signature(self) -> str:
        """The cover's coach line: "Ana Pérez · Run Strong Coaching"."""
        return curly(SEP.join(x for x in (self.name, self.business) if x))

    @property
    def byline(self) -> tuple[str, ...]:
        """Name, business and contact, each a part of a one-line byline, in reading order."""
        return tuple(curly(x) for x in (self.name, self.business, *self.contact) if x)

    def byline_parts(self) -> list[tuple[str, ...]]:
        """The byline from whole to shortest: a narrow line gives up the web address, then the phone,
        then the business, never a part cut in two."""
        parts = list(self.byline)
        out = [tuple(parts)]
        drop = [x for x in (*reversed(self.contact[1:]), self.business) if x]
        for x in drop:
            parts.remove(curly(x))
            out.append(tuple(parts))
        return out


def line_width(text: str, size: float, bold_first: bool) -> float:
    """The width of a byline: its first part (the name) bold when `bold_first`, the rest regular."""
    if not bold_first:
        return text_width(text, REGULAR, size)
    name, sep, rest = text.partition(SEP)
    return text_width(name, BOLD, size) + text_width(sep + rest, REGULAR, size)


def fitted_line(options: list[tuple[str, ...]], size: float, width: float, bold_first: bool) -> str:
    """The first of `options` whose parts, joined, fit `width`; else the last one's first part cut."""
    from cardgen.render.text import one_line

    for parts in options:
        text = SEP.join(parts)
        if line_width(text, size, bold_first) <= width:
            return text
    return one_line(options[-1][0], BOLD if bold_first else REGULAR, size, width)


class LogoBlock(Block):
    """The logo sized into a box reserved for it (aspect kept), set left or right in the width."""

    def __init__(self, logo: Logo, max_w: float, max_h: float, align: str = "left", space_after: float = 0.0):
        self.logo, self.align, self.space_after = logo, align, space_after
        self.w, self.h = logo.size_in(max_w, max_h)

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width, self.height = width, self.h
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        x = self.width - self.w if self.align == "right" else 0.0
        self.logo.draw(ctx.canv, max(0.0, x), 0, self.w, self.h)


class BrandLine(Block):
    """One line: the logo (when asked for and given) then the byline, as much of it as fits, set
    left or right; the logo keeps to its box and the text takes what is left, never the reverse."""

    def __init__(self, brand: Brand, size: float, logo_h: float = 0.0, logo_w: float = 0.0, align: str = "left", text: str | None = None):
        self.brand, self.size, self.align = brand, size, align
        self.logo = brand.logo if logo_h > 0 and brand.logo else None
        self.lw, self.lh = self.logo.size_in(logo_w or 3 * logo_h, logo_h) if self.logo else (0.0, 0.0)
        self.text = text
        self.line = ""

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        gap = 2 * MM if self.logo else 0.0
        room = width - self.lw - gap
        options: list[tuple[str, ...]] = [(curly(self.text),)] if self.text else self.brand.byline_parts()
        self.line = fitted_line(options, self.size, room, bold_first=not self.text)
        self.height = max(self.lh, self.size * 1.2)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        gap = 2 * MM if self.logo else 0.0
        used = self.lw + gap + line_width(self.line, self.size, not self.text)
        x = self.width - used if self.align == "right" else 0.0
        if self.logo:
            self.logo.draw(ctx.canv, x, (self.height - self.lh) / 2, self.lw, self.lh)
        # The text's middle on the logo's middle: cap height about 0.7 of the size.
        base = self.height / 2 - self.size * 0.35
        with TextBatch(ctx.canv, ctx.theme.ink) as text:
            at = x + self.lw + gap
            if self.text:
                text.put(at, base, self.line, REGULAR, self.size)
                return
            name, sep, rest = self.line.partition(SEP)
            text.put(at, base, name, BOLD, self.size)
            if rest:
                text.put(at + text_width(name, BOLD, self.size), base, sep + rest, REGULAR, self.size)


def client_subject(athlete: str | None, title: str) -> str:
    """The PDF subject of a coach's product: who it is for and which plan ("Zoë Müller: 8-Week Half")."""
    return f"{athlete}: {title}" if athlete else title
