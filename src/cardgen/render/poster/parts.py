"""The poster's blocks other than the grid: the header (shared text blocks), the name and race-day
line, and the exercise lists. Each is measured for a width (which lays it out) and then drawn from
that layout with the shared measure/draw protocol."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cardgen.render.blocks import WRITE_GREY
from cardgen.render.flow import TextBlock
from cardgen.render.layout import Block, DrawContext, draw_stack, stack_height
from cardgen.render.poster import draw as d
from cardgen.render.poster.content import Content, ExerciseList
from cardgen.render.text import text_width, wrap
from cardgen.style.fonts import BOLD, REGULAR
from cardgen.style.poster import Scale, Sizes
from cardgen.style.text import TextStyle
from cardgen.style.theme import RULE_HEAVY
from cardgen.units import MM

GUTTER = 8 * MM  # between lists side by side, and between the grid and the lists beside it
LIST_GAP = 5 * MM  # between a list and the one under it
LIST_COL_GAP = 6 * MM  # between the two halves of a single session's list


class NoFit(Exception):
    """This arrangement at this scale does not fit; `weeks` is how many weeks' rows would."""

    def __init__(self, weeks: int = 0, width_ok: bool = True):
        super().__init__(weeks, width_ok)
        self.weeks = weeks
        self.width_ok = width_ok


def whole_words(text: str, lines: tuple[str, ...]) -> bool:
    """No word was cut with a hyphen to fit."""
    return len(" ".join(lines).split()) == len(text.split())


def steps(hi: float, lo: float) -> list[float]:
    out, t = [], hi
    while t >= lo - 1e-9:
        out.append(t)
        t -= 1
    return out


# -- the header ------------------------------------------------------------------------------


class Header(Block):
    """The title (one line if a slightly smaller size allows it, else two of whole words) and the
    subtitle under it."""

    def __init__(self, title: str, subtitle: str, z: Sizes, scale: Scale):
        self.title, self.subtitle, self.z, self.scale = title, subtitle, z, scale
        self.title_size = z.title
        self._blocks: list[Block] = []

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        self.title_size, title_lines = self._title(width)
        size = self.title_size
        self._blocks = [TextBlock(self.title, TextStyle(BOLD, size, size * 1.08, space_after=1.5 * MM), lines=title_lines)]
        sub_size, sub_lines = _one_line(self.subtitle, REGULAR, self.z.subtitle, self.scale.subtitle.floor, width)
        if sub_lines:
            self._blocks.append(TextBlock(self.subtitle, TextStyle(REGULAR, sub_size, sub_size * 1.22), lines=sub_lines))
        self.height = stack_height(self._blocks, width)
        return self.height

    def _title(self, width: float) -> tuple[float, tuple[str, ...]]:
        size, floor = self.z.title, self.scale.title.floor
        t, lines = _one_line(self.title, BOLD, size, floor, width)
        if len(lines) == 1:
            return t, lines
        # Shrink toward the floor only as far as two lines of whole words need.
        for t in steps(size, floor):
            lines = wrap(self.title, BOLD, t, width)
            if len(lines) <= 2 and whole_words(self.title, lines):
                return t, lines
        return floor, wrap(self.title, BOLD, floor, width)

    def paint(self, ctx: DrawContext) -> None:
        draw_stack(ctx, self._blocks, 0, self.height, self.width)


def _one_line(text: str, font: str, size: float, floor: float, width: float) -> tuple[float, tuple[str, ...]]:
    """A line that only just misses fitting reads better a little smaller on one line."""
    for t in steps(size, max(floor, size * 0.75)):
        lines = wrap(text, font, t, width)
        if len(lines) <= 1:
            return t, lines
    return size, wrap(text, font, size, width)


# -- the name and race-day line ----------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A run of text in one font, with an optional line to write on after it."""

    text: str
    font: str
    line: float = 0.0  # a write-in line this long follows the text


Item = tuple[Part, ...]


class Info(Block):
    """The athlete's name and the race day: side by side when they fit (unless `stack`), else one
    under the other, a write-in line where either is unknown."""

    def __init__(self, c: Content, size: float, k: float, stack: bool):
        self.size, self.stack = size, stack
        self.name: Item = (Part(c.athlete, BOLD),) if c.athlete else (Part("Name", REGULAR, 62 * MM * k),)
        self.race: Item = (Part("Race day", REGULAR), Part(c.race, BOLD)) if c.race else (Part("Race day", REGULAR, 48 * MM * k),)
        self.rows: tuple[tuple[Item, ...], ...] = ()
        self.wrapped = False  # a name or date had to break over lines

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        size = self.size
        if not self.stack and _item_width(self.name, size) + _item_width(self.race, size) + 12 * MM <= width:
            self.rows = ((self.name, self.race),)
        else:
            rows: list[tuple[Item, ...]] = []
            for item in (self.name, self.race):
                rows += [(i,) for i in _fit_item(item, size, width)]
            self.rows = tuple(rows)
            texts = sum(1 for p in (*self.name, *self.race) if p.text)
            self.wrapped = sum(1 for r in self.rows for p in r[0] if p.text) > texts
        self.height = len(self.rows) * size * 1.55
        return self.height

    def paint(self, ctx: DrawContext) -> None:
        size, x, width = self.size, 0.0, self.width
        top = self.height
        rules = []
        for row in self.rows:
            base = top - size * 1.1
            for j, item in enumerate(row):
                at = x if j == 0 else x + width - _item_width(item, size)
                for i, part in enumerate(item):
                    at += 2 * MM if i else 0
                    if part.text:
                        d.text(ctx, at, base, part.text, part.font, size, ctx.theme.ink)
                        at += text_width(part.text, part.font, size)
                    if part.line:
                        at += 2 * MM if part.text else 0
                        rules.append((at, base - 0.5, at + part.line, base - 0.5))
                        at += part.line
            top -= size * 1.55
        # Ruled like every line to write on, in the booklet and on the cards.
        d.lines(ctx, rules, 0.75, WRITE_GREY)


def _item_width(item: Item, size: float) -> float:
    w = 0.0
    for i, part in enumerate(item):
        w += (2 * MM if i else 0) + (text_width(part.text, part.font, size) if part.text else 0)
        w += (2 * MM + part.line) if part.line else 0
    return w


def _fit_item(item: Item, size: float, width: float) -> list[Item]:
    """An item in a narrow column: a shorter write-in line, or its parts on lines of their own."""
    if _item_width(item, size) <= width:
        return [item]
    if len(item) == 1 and item[0].line:
        room = width - text_width(item[0].text, item[0].font, size) - 2 * MM
        if room >= 30 * MM:
            return [(Part(item[0].text, item[0].font, room),)]
        return [(Part(item[0].text, item[0].font),), (Part("", REGULAR, width - 2 * MM),)]
    out: list[Item] = []
    for part in item:
        lines = wrap(part.text, part.font, size, width)
        if not whole_words(part.text, lines):
            raise NoFit(width_ok=False)
        out += [(Part(t, part.font),) for t in lines]
    return out


# -- the exercise lists ----------------------------------------------------------------------


@dataclass(frozen=True)
class ListLine:
    """A line of an exercise list, at its size."""

    text: str
    size: float
    inline: bool  # a "weeks 4–8" note that goes on the line above, after the name

    @property
    def height(self) -> float:
        return 0.0 if self.inline else self.size * 1.3


@dataclass(frozen=True)
class _Laid:
    """Exercise lists laid out in columns at one width."""

    head: tuple[str, ...]
    columns: tuple[tuple[ListLine, ...], ...]
    height: float


class Lists(Block):
    """Every session's exercises under its key and focus, `per_row` lists side by side; a lone
    session's list in two columns of (nearly) equal height."""

    def __init__(self, lists: tuple[ExerciseList, ...], z: Sizes, per_row: int, columns: int | None = None):
        self.lists, self.z, self.per_row = lists, z, per_row
        self.columns = columns if columns is not None else (2 if len(lists) == 1 else 1)
        self.laid: list[_Laid] = []
        self.block_w = 0.0

    def measure(self, width: float, avail: float = math.inf) -> float:
        self.width = width
        per_row = self.per_row
        self.block_w = (width - (per_row - 1) * GUTTER) / per_row
        self.laid = [self._lay(lst, self.block_w, self.columns) for lst in self.lists]
        rows = [self.laid[i : i + per_row] for i in range(0, len(self.laid), per_row)]
        self.height = sum(max(b.height for b in r) for r in rows) + (len(rows) - 1) * LIST_GAP
        return self.height

    @property
    def lines(self) -> int:
        """How many lines the lists take at the width last measured."""
        return sum(1 for b in self.laid for col in b.columns for x in col if not x.inline)

    def _lay(self, lst: ExerciseList, width: float, columns: int) -> _Laid:
        z = self.z
        inner = (width - (columns - 1) * LIST_COL_GAP) / columns
        entries: list[list[ListLine]] = []
        for name, note in lst.items:
            names = wrap(name, REGULAR, z.ex_name, inner)
            if not whole_words(name, names):
                raise NoFit(width_ok=False)
            lines = [ListLine(t, z.ex_name, False) for t in names]
            if note:
                after = text_width(names[-1], REGULAR, z.ex_name) + 2 * MM + text_width(note, REGULAR, z.ex_note)
                if after <= inner:
                    lines.append(ListLine(note, z.ex_note, True))
                else:
                    lines += [ListLine(t, z.ex_note, False) for t in wrap(note, REGULAR, z.ex_note, inner)]
            entries.append(lines)
        cols = _balanced(entries, columns)
        head = wrap(lst.head, BOLD, z.ex_head, width)
        body = max(sum(x.height for x in col) for col in cols)
        return _Laid(head, cols, 1.5 * MM + len(head) * z.ex_head * 1.2 + 1.2 * MM + body)

    def paint(self, ctx: DrawContext) -> None:
        x, top = 0.0, self.height
        heavy = []
        for start in range(0, len(self.laid), self.per_row):
            row = self.laid[start : start + self.per_row]
            for i, block in enumerate(row):
                bx = x + i * (self.block_w + GUTTER)
                heavy.append((bx, top, bx + self.block_w, top))
                self._draw_one(ctx, block, bx, top)
            top -= max(b.height for b in row) + LIST_GAP
        d.lines(ctx, heavy, RULE_HEAVY, ctx.theme.accent)

    def _draw_one(self, ctx: DrawContext, block: _Laid, x: float, top: float) -> None:
        z = self.z
        y = top - 1.5 * MM
        for head in block.head:
            d.text(ctx, x, y - z.ex_head * 0.95, head, BOLD, z.ex_head, ctx.theme.accent)
            y -= z.ex_head * 1.2
        y -= 1.2 * MM
        n = len(block.columns)
        inner = (self.block_w - (n - 1) * LIST_COL_GAP) / n
        for i, col in enumerate(block.columns):
            cx, yy = x + i * (inner + LIST_COL_GAP), y
            end, base = cx, yy
            for line in col:
                if line.inline:
                    d.text(ctx, end + 2 * MM, base, line.text, REGULAR, line.size, ctx.theme.ink)
                    continue
                base = yy - line.size * 1.0
                d.text(ctx, cx, base, line.text, REGULAR, line.size, ctx.theme.ink)
                end = cx + text_width(line.text, REGULAR, line.size)
                yy -= line.height


def _balanced(entries: list[list[ListLine]], columns: int) -> tuple[tuple[ListLine, ...], ...]:
    """Entries in order over `columns` columns, split where the columns' heights differ least (the
    first column the taller one on a tie), so a list does not run down one side of the sheet."""
    if columns == 1 or len(entries) < 2:
        return (tuple(x for e in entries for x in e),) + ((),) * (columns - 1)
    heights = [sum(x.height for x in e) for e in entries]
    total = sum(heights)
    best, best_key = 1, (math.inf, 0.0)
    run = 0.0
    for i in range(1, len(entries)):
        run += heights[i - 1]
        key = (max(run, total - run), -(run - (total - run)))
        if key < best_key:
            best, best_key = i, key
    first = tuple(x for e in entries[:best] for x in e)
    rest = tuple(x for e in entries[best:] for x in e)
    return (first, rest)
