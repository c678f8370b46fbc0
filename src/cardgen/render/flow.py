"""Plain-text flowables that wrap with our cached line breaker and draw with drawString.

Most text in a workout booklet is one style per block (headings, steps, cues). ReportLab's
Paragraph parses markup and breaks lines in pure Python on every wrap, which made it the largest
cost of a build; these blocks keep Paragraph for the few lines that mix styles or carry links.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from cardgen.render.layout import Block
from cardgen.render.text import wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD
from cardgen.units import MM


def first_baseline(st: ParagraphStyle) -> float:
    """How far below a block's top its first baseline sits: one ascent, with the leading's extra
    split above and below, as ReportLab's Paragraph places it."""
    return st.fontSize * 0.95 + (st.leading - st.fontSize * 1.2) / 2


class TextBlock(Block):
    """One style of text, wrapped to the frame; splits between lines across pages."""

    def __init__(self, text: str, style: ParagraphStyle, lines: tuple[str, ...] | None = None, first: bool = True):
        self.text, self.style, self._fixed, self._first = text, style, lines, first
        # Our own flag, not platypus' keepWithNext: bind_headings() pairs it with what follows.
        self.keep_next = bool(getattr(style, "keepWithNext", 0))

    def _wrap_lines(self, width: float) -> tuple[str, ...]:
        if self._fixed is not None:
            return self._fixed
        return wrap(self.text, self.style.fontName, self.style.fontSize, width - self.style.leftIndent)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self._lines = self._wrap_lines(aW)
        self.height = len(self._lines) * self.style.leading
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Block]:
        lines = self._wrap_lines(aW)
        fit = int(aH // self.style.leading)
        if fit < 2 or fit >= len(lines):  # no lone line at the foot of a page
            return []
        return [TextBlock(self.text, self.style, lines[:fit], self._first), TextBlock(self.text, self.style, lines[fit:], False)]

    @property
    def space_before(self) -> float:
        return self.style.spaceBefore if self._first else 0

    @property
    def space_after(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        st = self.style
        y = self.height - first_baseline(st)
        with TextBatch(self.canv, st.textColor.rgb()) as text:
            for line in self._lines:
                text.put(st.leftIndent, y, line, st.fontName, st.fontSize)
                y -= st.leading


class ListBlock(Block):
    """A numbered or bulleted list: the marker hangs in the margin, the text wraps beside it."""

    def __init__(self, items: list[str], style: ParagraphStyle, numbered: bool, indent: float = 6 * MM):
        self.items, self.style, self.numbered, self.indent = items, style, numbered, indent

    @property
    def space_after(self) -> float:
        return self.style.spaceAfter

    def _marker(self, i: int) -> str:
        return str(i + 1) if self.numbered else "•"

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        st = self.style
        self._wrapped = [wrap(t, st.fontName, st.fontSize, aW - self.indent) for t in self.items]
        gaps = st.spaceAfter * (len(self.items) - 1)
        self.height = sum(len(ls) for ls in self._wrapped) * st.leading + gaps
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Block]:
        self.wrap(aW, aH)
        st, used = self.style, 0.0
        for n, lines in enumerate(self._wrapped):
            used += len(lines) * st.leading + (st.spaceAfter if n else 0)
            if used > aH:
                break
        else:
            return []
        if n == 0:
            return []
        head = ListBlock(self.items[:n], st, self.numbered, self.indent)
        tail = _Continued(self.items[n:], st, self.numbered, self.indent, n)
        return [head, tail]

    def draw(self) -> None:
        st = self.style
        y = self.height - first_baseline(st)
        with TextBatch(self.canv, st.textColor.rgb()) as text:
            for i, lines in enumerate(self._wrapped):
                text.put(0, y, self._marker(i), BOLD if self.numbered else st.fontName, st.fontSize)
                for line in lines:
                    text.put(self.indent, y, line, st.fontName, st.fontSize)
                    y -= st.leading
                y -= st.spaceAfter


class _Continued(ListBlock):
    """The rest of a list split across a page: numbering carries on."""

    def __init__(self, items, style, numbered, indent, offset: int):
        super().__init__(items, style, numbered, indent)
        self.offset = offset

    def _marker(self, i: int) -> str:
        return super()._marker(i + self.offset)


class RichText(Block):
    """Words in runs of their own font, wrapped as one paragraph; a run may link to a destination.

    For the few lines that mix a bold label with plain text ("Harder: Single-leg bridge").
    """

    def __init__(self, runs: list[tuple[str, str] | tuple[str, str, str]], style: ParagraphStyle):
        self.runs, self.style = runs, style

    @property
    def space_after(self) -> float:
        return self.style.spaceAfter

    def _words(self):
        # (word, font, link, width); a run's words keep their trailing spaces apart.
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = self.style.fontSize
        out = []
        spaced = True  # whether a space separates the next word from the one before
        for run in self.runs:
            text, font = run[0], run[1]
            link = run[2] if len(run) > 2 else None
            for i, word in enumerate(text.split(" ")):
                if i:
                    spaced = True
                if word:
                    out.append((word, font, link, stringWidth(word, font, size), not spaced))
                    spaced = False
        return out

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        if aW == getattr(self, "_wrapped_at", None):
            return self.width, self.height
        self._wrapped_at = aW
        self.width = aW
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        lines: list[list[tuple[float, str, str, str | None, float]]] = [[]]
        x = 0.0
        for word, font, link, w, glue in self._words():
            gap = 0.0 if (glue or not lines[-1]) else space
            if lines[-1] and x + gap + w > aW:
                lines.append([])
                x, gap = 0.0, 0.0
            lines[-1].append((x + gap, word, font, link, w))
            x += gap + w
        self._lines = lines
        self.height = len(lines) * self.style.leading
        return aW, self.height

    def draw(self) -> None:
        c, st = self.canv, self.style
        text = TextBatch(c, st.textColor.rgb())
        y = self.height - first_baseline(st)
        for line in self._lines:
            # Words of one font and link go out as one string: far fewer text operations.
            pieces: list[list] = []
            for x, word, font, link, w in line:
                if pieces and pieces[-1][2] == font and pieces[-1][3] == link:
                    piece = pieces[-1]
                    piece[1] += " " * round((x - piece[4]) / max(self._space(font), 0.01)) + word
                    piece[4] = x + w
                else:
                    pieces.append([x, word, font, link, x + w])
            for x, string, font, link, end in pieces:
                text.put(x, y, string, font, st.fontSize)
                if link and getattr(c, "cardgen_links", True):
                    c.linkRect("", link, (x, y - 2, end, y + st.fontSize), relative=1, thickness=0)
            y -= st.leading
        text.close()

    def _space(self, font: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(" ", font, self.style.fontSize)


class Heading(Block):
    """A heading with a small aside on its baseline ("Week 3 · Build   16–22 Mar"), or under it
    when both do not fit on one line."""

    def __init__(self, text: str, style: ParagraphStyle, aside: str, aside_style: ParagraphStyle):
        self.text, self.style, self.aside, self.aside_style = text, style, aside, aside_style

    @property
    def space_before(self) -> float:
        return self.style.spaceBefore

    @property
    def space_after(self) -> float:
        return self.style.spaceAfter

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        st, ast = self.style, self.aside_style
        self.width = aW
        self._lines = wrap(self.text, st.fontName, st.fontSize, aW)
        last = stringWidth(self._lines[-1], st.fontName, st.fontSize)
        self._gap = 3 * MM
        self._inline = last + self._gap + stringWidth(self.aside, ast.fontName, ast.fontSize) <= aW
        self._last = last
        self.height = len(self._lines) * st.leading + (0 if self._inline else ast.leading)
        return aW, self.height

    def draw(self) -> None:
        c, st, ast = self.canv, self.style, self.aside_style
        c.setFillColor(st.textColor)
        c.setFont(st.fontName, st.fontSize)
        y = self.height - first_baseline(st)
        for line in self._lines:
            c.drawString(0, y, line)
            y -= st.leading
        c.setFillColor(ast.textColor)
        c.setFont(ast.fontName, ast.fontSize)
        if self._inline:
            c.drawString(self._last + self._gap, y + st.leading, self.aside)
        else:
            c.drawString(0, y + st.leading - ast.leading, self.aside)


class KeepWithNext(Block):
    """A heading and what follows it, never parted by a page break; the follower may split."""

    def __init__(self, head: Block, body: Block):
        self.head, self.body = head, body

    @property
    def space_before(self) -> float:
        return self.head.space_before

    @property
    def space_after(self) -> float:
        return self.body.space_after

    def _gap(self) -> float:
        return max(self.head.space_after, self.body.space_before)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self._hh = self.head.wrap(aW, aH)[1]
        self._bh = self.body.wrap(aW, aH)[1]
        self.height = self._hh + self._gap() + self._bh
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Block]:
        room = aH - self.head.wrap(aW, aH)[1] - self._gap()
        parts = self.body.split(aW, room) if room > 0 else []
        if len(parts) < 2:
            return []
        return [KeepWithNext(self.head, parts[0]), *parts[1:]]

    def draw(self) -> None:
        self.head.wrap(self.width, self.height)
        self.head.draw_on(self.canv, 0, self.height - self._hh)
        self.body.wrap(self.width, self.height)
        self.body.draw_on(self.canv, 0, 0)
