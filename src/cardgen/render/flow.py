"""Plain-text flowables that wrap with our cached line breaker and draw with drawString.

Most text in a workout booklet is one style per block (headings, steps, cues). ReportLab's
Paragraph parses markup and breaks lines in pure Python on every wrap, which made it the largest
cost of a build; these blocks keep Paragraph for the few lines that mix styles or carry links.
"""

from __future__ import annotations

import math

from cardgen.render.layout import Block, DrawContext
from cardgen.render.links import link as add_link
from cardgen.render.text import SEPARATORS, text_width, visible, wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD
from cardgen.style.text import TextStyle
from cardgen.style.theme import Theme
from cardgen.units import MM
from cardgen.wording import curly


def colour(style: TextStyle, theme: Theme) -> tuple[float, float, float]:
    return theme.accent if style.accent else theme.ink


class TextBlock(Block):
    """One style of text, wrapped to the frame; splits between lines across pages."""

    def __init__(self, text: str, style: TextStyle, lines: tuple[str, ...] | None = None, first: bool = True):
        self.text, self.style, self._fixed, self._first = curly(text), style, lines, first
        self.keep_next = style.keep_next
        # A piece continued from the page before starts at the top of its page: no space above.
        self.space_before, self.space_after = (style.space_before if first else 0.0), style.space_after

    def _wrap_lines(self, width: float) -> tuple[str, ...]:
        if self._fixed is not None:
            return self._fixed
        return wrap(self.text, self.style.font, self.style.size, width - self.style.indent)

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self._lines = self._wrap_lines(width)
        self.height = len(self._lines) * self.style.leading
        return self.height

    def split(self, width: float, avail: float, force: bool = False) -> list[Block]:
        lines = self._wrap_lines(width)
        fit = int(avail // self.style.leading)
        if fit < 2 or fit >= len(lines):  # no lone line at the foot of a page
            return []
        return [TextBlock(self.text, self.style, lines[:fit], self._first), TextBlock(self.text, self.style, lines[fit:], False)]

    def paint(self, ctx: DrawContext) -> None:
        st = self.style
        y = self.height - st.first_baseline
        with TextBatch(ctx.canv, colour(st, ctx.theme)) as text:
            for line in self._lines:
                text.put(st.indent, y, line, st.font, st.size)
                y -= st.leading


class ListBlock(Block):
    """A numbered or bulleted list: the marker hangs in the margin, the text wraps beside it."""

    def __init__(self, items: list[str], style: TextStyle, numbered: bool, indent: float = 6 * MM):
        self.items, self.style, self.numbered, self.indent = [curly(t) for t in items], style, numbered, indent
        self.space_after = style.space_after

    def _marker(self, i: int) -> str:
        return str(i + 1) if self.numbered else "•"

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        st = self.style
        self._wrapped = [wrap(t, st.font, st.size, width - self.indent) for t in self.items]
        gaps = st.space_after * (len(self.items) - 1)
        self.height = sum(len(ls) for ls in self._wrapped) * st.leading + gaps
        return self.height

    def split(self, width: float, avail: float, force: bool = False) -> list[Block]:
        self.measure(width, avail)
        st, used = self.style, 0.0
        for n, lines in enumerate(self._wrapped):
            used += len(lines) * st.leading + (st.space_after if n else 0)
            if used > avail:
                break
        else:
            return []
        if n == 0:
            return []
        head = ListBlock(self.items[:n], st, self.numbered, self.indent)
        tail = _Continued(self.items[n:], st, self.numbered, self.indent, n)
        return [head, tail]

    def paint(self, ctx: DrawContext) -> None:
        st = self.style
        y = self.height - st.first_baseline
        with TextBatch(ctx.canv, colour(st, ctx.theme)) as text:
            for i, lines in enumerate(self._wrapped):
                text.put(0, y, self._marker(i), BOLD if self.numbered else st.font, st.size)
                for line in lines:
                    text.put(self.indent, y, line, st.font, st.size)
                    y -= st.leading
                y -= st.space_after


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

    def __init__(self, runs: list[tuple[str, str] | tuple[str, str, str]], style: TextStyle):
        self.runs: list[tuple[str, ...]] = [(curly(r[0]), *r[1:]) for r in runs]
        self.style = style
        self.space_after = style.space_after

    def _words(self):
        # (word, font, link, width); a run's words keep their trailing spaces apart.
        size = self.style.size
        out = []
        spaced = True  # whether a space separates the next word from the one before
        for run in self.runs:
            text, font = run[0], run[1]
            link = run[2] if len(run) > 2 else None
            for i, word in enumerate(text.split(" ")):
                if i:
                    spaced = True
                if word:
                    out.append((word, font, link, text_width(word, font, size), not spaced))
                    spaced = False
        return out

    def measure(self, width: float, avail: float = math.inf) -> float:
        if width == getattr(self, "_wrapped_at", None):
            return self.height
        self._wrapped_at = width
        self.width = width
        space = text_width(" ", self.style.font, self.style.size)
        lines: list[list[tuple[float, str, str, str | None, float]]] = [[]]
        x = 0.0
        for word, font, link, w, glue in self._words():
            gap = 0.0 if (glue or not lines[-1]) else space
            if lines[-1] and x + gap + w > width:
                # A separator never starts a line: the word before it goes down with it, when it can.
                moved = _carried(lines[-1], w, space, width) if not glue and word in SEPARATORS else []
                del lines[-1][len(lines[-1]) - len(moved) :]
                lines.append([(mx - moved[0][0], mw, mf, ml, mwidth) for mx, mw, mf, ml, mwidth in moved])
                x, gap = (moved[-1][0] - moved[0][0] + moved[-1][4], space) if moved else (0.0, 0.0)
            if w > width:
                # Longer than a line ("Donaudampfschifffahrts…"): broken where wrap breaks it, each piece a line.
                *whole, word = wrap(word, font, self.style.size, width)
                for piece in whole:
                    lines[-1].append((0.0, piece, font, link, text_width(piece, font, self.style.size)))
                    lines.append([])
                w = text_width(word, font, self.style.size)
            lines[-1].append((x + gap, word, font, link, w))
            x += gap + w
        self._lines = lines
        self.height = len(lines) * self.style.leading
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c, st = ctx.canv, self.style
        text = TextBatch(c, colour(st, ctx.theme))
        y = self.height - st.first_baseline
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
                text.put(x, y, string, font, st.size)
                if link and ctx.links:
                    add_link(c, link, (x, y - 2, end, y + st.size))
            y -= st.leading
        text.close()

    def _space(self, font: str) -> float:
        return text_width(" ", font, self.style.size)


def _carried(line: list[tuple[float, str, str, str | None, float]], w: float, space: float, width: float) -> list[tuple[float, str, str, str | None, float]]:
    """The last word of `line` (with the pieces glued to it), to go down with a separator of width
    `w` that does not fit after it: none when it is the line's only word, is itself a separator, or
    would not fit beside the separator on a line of its own."""
    k = len(line) - 1
    while k > 0 and line[k][0] <= line[k - 1][0] + line[k - 1][4] + 0.01:  # glued: no space before it
        k -= 1
    moved = line[k:]
    if k == 0 or moved[-1][1] in SEPARATORS or moved[-1][0] + moved[-1][4] - moved[0][0] + space + w > width:
        return []
    return moved


class Heading(Block):
    """A heading with a small aside on its baseline ("Week 3 · Build   16–22 Mar"), or under it
    when both do not fit on one line."""

    def __init__(self, text: str, style: TextStyle, aside: str, aside_style: TextStyle):
        self.text, self.style, self.aside, self.aside_style = curly(text), style, aside, aside_style
        self.keep_next = style.keep_next
        self.space_before, self.space_after = style.space_before, style.space_after

    def measure(self, width: float, avail: float = math.inf) -> float:
        st, ast = self.style, self.aside_style
        self.width = width
        self._lines = wrap(self.text, st.font, st.size, width)
        last = text_width(self._lines[-1], st.font, st.size)
        self._gap = 3 * MM
        self._inline = last + self._gap + text_width(self.aside, ast.font, ast.size) <= width
        self._last = last
        self.height = len(self._lines) * st.leading + (0 if self._inline else ast.leading)
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        c, st, ast = ctx.canv, self.style, self.aside_style
        c.setFillColorRGB(*colour(st, ctx.theme))
        c.setFont(st.font, st.size)
        y = self.height - st.first_baseline
        for line in self._lines:
            c.drawString(0, y, line)
            y -= st.leading
        c.setFillColorRGB(*colour(ast, ctx.theme))
        c.setFont(ast.font, ast.size)
        if self._inline:
            c.drawString(self._last + self._gap, y + st.leading, visible(self.aside))
        else:
            c.drawString(0, y + st.leading - ast.leading, visible(self.aside))


class KeepWithNext(Block):
    """A heading and what follows it, never parted by a page break; the follower may split."""

    def __init__(self, head: Block, body: Block):
        self.head, self.body = head, body
        self.space_before, self.space_after = head.space_before, body.space_after

    def _gap(self) -> float:
        return max(self.head.space_after, self.body.space_before)

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self._hh = self.head.measure(width, avail)
        self._bh = self.body.measure(width, avail - self._hh - self._gap())
        self.height = self._hh + self._gap() + self._bh
        return self.height

    def split(self, width: float, avail: float, force: bool = False) -> list[Block]:
        room = avail - self.head.measure(width, avail) - self._gap()
        parts = self.body.split(width, room, force) if room > 0 else []
        if len(parts) < 2:
            return []
        return [KeepWithNext(self.head, parts[0]), *parts[1:]]

    def paint(self, ctx: DrawContext) -> None:
        self.head.draw(ctx, 0, self.height - self._hh, self.width)
        self.body.draw(ctx, 0, 0, self.width)
