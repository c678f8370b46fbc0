"""Fridge poster: the whole plan on one sheet, a tick box per session, read from across a kitchen.

Two arrangements, tried in order at shrinking type sizes until one fits:
- stacked: header, then the weeks × sessions grid across the full width, the exercise lists below;
- side: header, then the grid on the left and the name/race-day lines and exercise lists beside it,
  for long plans whose rows need the height the lists would take.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, fields

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from cardgen.errors import CardgenError, LayoutError
from cardgen.plan.dose import format_weeks
from cardgen.plan.model import Plan, Week
from cardgen.prepress.paper import A4, POSTER_SHEETS, Box, Size
from cardgen.render.document import Meta, finish_canvas, tune_reportlab
from cardgen.render.text import wrap
from cardgen.render.textbatch import TextBatch
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.style.theme import RULE, RULE_HEAVY, Theme
from cardgen.units import MM
from cardgen.wording import dose_text, week_dates

# The whole poster counts as important: the print guide wants that 10 mm from the paper edge.
MARGIN = 10.5 * MM
BOX_MIN = 12 * MM  # ticked with a pen held at arm's length, often standing
BOX_GOOD = 15 * MM  # what a short plan gets before the type starts to shrink
BOX_GAP = 2 * MM  # boxes in neighbouring rows stay this far apart (print guide: >= 2 mm)
FLOOR = 12.0  # nothing on a poster is smaller: it is read from 1-1.5 m
GUTTER = 8 * MM  # between the grid and the lists beside it, and between lists side by side
LIST_GAP = 4 * MM  # between a list and the one under it
LIST_COL_GAP = 6 * MM  # between the two halves of a single session's list
TEXT_PAD = 1.2 * MM  # between a cell's text and its edge


@dataclass(frozen=True)
class PosterOptions:
    paper: str = "a4"  # a4 | letter | a3 | tabloid
    athlete: str | None = None


# (size at scale 1 on A4, the smallest it may shrink to). Cap height in mm is about 0.25 × pt, so the
# floors give 4.5 mm week labels and doses and 3.5 mm exercise names: legible from 1.5 m.
_SIZES = {
    "title": (48, 36),
    "subtitle": (22, 14),
    "info": (20, 14),
    "key": (30, 18),
    "focus": (15, 12),
    "head": (14, 12),
    "week": (24, 18),
    "dose": (24, 18),
    "note": (14, 12),
    "ex_head": (20, 15),
    "ex_name": (17, 14),
    "ex_note": (13, 12),
}


@dataclass(frozen=True)
class Sizes:
    title: float
    subtitle: float
    info: float
    key: float
    focus: float
    head: float
    week: float
    dose: float
    note: float
    ex_head: float
    ex_name: float
    ex_note: float

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        # Rounded so that the sizes, and so the bytes, do not depend on float noise in the scale.
        return cls(**{k: max(FLOOR, floor, round(base * scale * 4) / 4) for k, (base, floor) in _SIZES.items()})

    @property
    def at_floor(self) -> bool:
        return all(getattr(self, f.name) <= _SIZES[f.name][1] for f in fields(self))


# ---------------------------------------------------------------------------------------------
# What goes on the poster, independent of the sheet


@dataclass(frozen=True)
class Row:
    label: str  # "Week 3"
    dose: str  # the week's dominant dose, "3 × 10–12"
    note: str  # dates and the phase when it matters: "2–8 Mar · Deload"
    marked: bool  # deload, taper or race week: a light band across the row
    cells: tuple[str | None, ...]  # per session column: None if no session that week, else its dose if it differs


@dataclass(frozen=True)
class ExerciseList:
    key: str
    head: str  # "A · Glutes & hips"
    items: tuple[tuple[str, str], ...]  # (exercise name, "weeks 4–8" when not in every week)


@dataclass(frozen=True)
class Content:
    title: str
    subtitle: str
    athlete: str | None
    race: str | None  # the race date as printed, or None for a line to write it on
    keys: tuple[str, ...]
    focus: tuple[str, ...]
    dose_head: str
    rows: tuple[Row, ...]
    lists: tuple[ExerciseList, ...]


def content_of(plan: Plan, athlete: str | None) -> Content:
    keys = _merged([[s.key for s in w.sessions] for w in plan.weeks])
    focus = {}
    for w in plan.weeks:
        for s in w.sessions:
            focus.setdefault(s.key, s.focus)
    rows = []
    previous_phase = None
    all_reps = True
    for w in plan.weeks:
        # The booklet's overview shows each session's dose_summary: the poster agrees with it. When
        # the sessions of a week disagree, the week shows the commonest dose and a session with
        # another one shows its own beside its box.
        summaries = {s.key: _dominant(s.items)[0] for s in w.sessions}
        dose, reps = _dominant([p for s in w.sessions for p in s.items])
        if len(set(summaries.values())) == 1:
            dose = next(iter(summaries.values()))
        all_reps = all_reps and reps
        cells = tuple(None if k not in summaries else ("" if summaries[k] == dose else summaries[k]) for k in keys)
        # The year is on the race-day line; short dates fit under "Week 12".
        note = " · ".join(x for x in (week_dates(w, year=False), _tag(w, previous_phase)) if x)
        rows.append(Row(f"Week {w.number}", dose, note, w.kind != "build" or w.race, cells))
        previous_phase = w.phase
    lists = []
    for k in keys:
        weeks_of = [w for w in plan.weeks if any(s.key == k for s in w.sessions)]
        order = _merged([[p.exercise_id for p in s.items] for w in weeks_of for s in w.sessions if s.key == k])
        items = []
        for eid in order:
            used = [w.number for w in weeks_of if any(p.exercise_id == eid for s in w.sessions if s.key == k for p in s.items)]
            name = next(p.exercise.name for w in weeks_of for s in w.sessions if s.key == k for p in s.items if p.exercise_id == eid)
            items.append((name, "" if len(used) == len(weeks_of) else _weeks_text(used)))
        lists.append(ExerciseList(k, f"{k} · {focus[k]}", tuple(items)))
    return Content(
        title=plan.title,
        subtitle=plan.subtitle,
        athlete=athlete or None,
        race=_race_day(plan),
        keys=tuple(keys),
        focus=tuple(focus[k] for k in keys),
        dose_head="Sets × reps" if all_reps else "Dose",
        rows=tuple(rows),
        lists=tuple(lists),
    )


def _merged(sequences: list[list[str]]) -> list[str]:
    """One order for items that come and go: a newcomer goes after its neighbour, so an exercise that
    replaces another from week 4 is listed next to it, not at the end."""
    order: list[str] = []
    for seq in sequences:
        for i, item in enumerate(seq):
            if item in order:
                continue
            before = next((seq[j] for j in range(i - 1, -1, -1) if seq[j] in order), None)
            if before is not None:
                order.insert(order.index(before) + 1, item)
                continue
            after = next((seq[j] for j in range(i + 1, len(seq)) if seq[j] in order), None)
            order.insert(order.index(after) if after is not None else len(order), item)
    return order


def _dominant(items) -> tuple[str, bool]:
    """The dose most of these prescriptions share, counted as SessionPlan.dose_summary counts, and
    whether it counts reps. A tie goes to more sets, then to the earlier exercise (a session's main
    lift), not to the alphabetically first dose."""
    reps = [p for p in items if p.dose.unit == "reps"]
    pool = reps or list(items)
    if not pool:
        return "", True
    texts = [dose_text(p.dose, side=False) for p in pool]
    best = max(range(len(pool)), key=lambda i: (texts.count(texts[i]), pool[i].sets, -i))
    return texts[best], bool(reps)


def _tag(week: Week, previous_phase: str | None) -> str:
    tag = week.phase if week.kind != "build" or (week.phase != "Build" and week.phase != previous_phase) else ""
    if week.race and "race" not in tag.lower():
        tag = f"{tag} · race week" if tag else "Race week"
    return tag


def _weeks_text(numbers: list[int]) -> str:
    return ("week " if len(numbers) == 1 else "weeks ") + format_weeks(numbers)


def _race_day(plan: Plan) -> str | None:
    if not plan.start or not plan.race_week or plan.race_week > len(plan.weeks):
        return None
    day = plan.weeks[plan.race_week - 1].end
    return f"{day:%A} {day.day} {day:%B %Y}"


# ---------------------------------------------------------------------------------------------
# Measuring: what each part needs at one type scale, and where it goes


@dataclass(frozen=True)
class Header:
    title_size: float
    title: tuple[str, ...]
    subtitle_size: float
    subtitle: tuple[str, ...]

    @property
    def height(self) -> float:
        h = len(self.title) * self.title_size * 1.08
        if self.subtitle:
            h += 1.5 * MM + len(self.subtitle) * self.subtitle_size * 1.22
        return h


@dataclass(frozen=True)
class Part:
    text: str
    font: str
    line: float = 0.0  # a write-in line this long follows the text


Item = tuple[Part, ...]


@dataclass(frozen=True)
class Info:
    """The athlete's name and the race day: side by side when they fit, else one under the other."""

    size: float
    rows: tuple[tuple[Item, ...], ...]
    wrapped: bool = False  # a name or date had to break over lines

    @property
    def height(self) -> float:
        return len(self.rows) * self.size * 1.55


@dataclass(frozen=True)
class ListLine:
    text: str
    size: float
    inline: bool  # a "weeks 4–8" note that goes on the line above, after the name


@dataclass(frozen=True)
class ListBlock:
    head: tuple[str, ...]
    head_size: float
    columns: tuple[tuple[ListLine, ...], ...]
    width: float
    height: float


@dataclass(frozen=True)
class Grid:
    label_w: float
    dose_w: float
    col_w: float
    keys: tuple[tuple[tuple[str, ...], float], ...]  # per session: the key's lines and their size
    focus: tuple[tuple[str, ...], ...]  # per session: the focus's lines, or () where it does not fit
    head_h: float
    row_min: float  # the least row height the week's text needs

    @property
    def width(self) -> float:
        return self.label_w + self.dose_w + len(self.keys) * self.col_w


@dataclass(frozen=True)
class Layout:
    mode: str
    frame: Box
    z: Sizes
    header: Header
    info: Info
    info_at: tuple[float, float, float]  # x, top, width
    grid: Grid
    grid_at: tuple[float, float]  # x, top
    row_h: float
    box: float
    lists: tuple[tuple[ListBlock, float, float], ...]  # block, x, top


class _NoFit(Exception):
    """This arrangement at this scale does not fit; `weeks` is how many weeks' rows would."""

    def __init__(self, weeks: int = 0, width_ok: bool = True):
        super().__init__(weeks, width_ok)
        self.weeks = weeks
        self.width_ok = width_ok


def _header(c: Content, z: Sizes, width: float) -> Header:
    size, title = _title(c.title, z.title, width)
    sub_size, sub = _one_line(c.subtitle, REGULAR, z.subtitle, _SIZES["subtitle"][1], width)
    return Header(size, title, sub_size, sub)


def _one_line(text: str, font: str, size: float, floor: float, width: float) -> tuple[float, tuple[str, ...]]:
    """A line that only just misses fitting reads better a little smaller on one line."""
    for t in _steps(size, max(floor, size * 0.75)):
        lines = wrap(text, font, t, width)
        if len(lines) <= 1:
            return t, lines
    return size, wrap(text, font, size, width)


def _title(text: str, size: float, width: float) -> tuple[float, tuple[str, ...]]:
    floor = _SIZES["title"][1]
    t, lines = _one_line(text, BOLD, size, floor, width)
    if len(lines) == 1:
        return t, lines
    # Shrink toward the floor only as far as two lines of whole words need.
    for t in _steps(size, floor):
        lines = wrap(text, BOLD, t, width)
        if len(lines) <= 2 and _whole_words(text, lines):
            return t, lines
    return floor, wrap(text, BOLD, floor, width)


def _steps(hi: float, lo: float) -> list[float]:
    out, t = [], hi
    while t >= lo - 1e-9:
        out.append(t)
        t -= 1
    return out


def _whole_words(text: str, lines: tuple[str, ...]) -> bool:
    """No word was cut with a hyphen to fit."""
    return len(" ".join(lines).split()) == len(text.split())


def _info(c: Content, size: float, width: float, k: float, stack: bool) -> Info:
    name: Item = (Part(c.athlete, BOLD),) if c.athlete else (Part("Name", REGULAR, 62 * MM * k),)
    race: Item = (Part("Race day", REGULAR), Part(c.race, BOLD)) if c.race else (Part("Race day", REGULAR, 48 * MM * k),)
    if not stack and _item_width(name, size) + _item_width(race, size) + 12 * MM <= width:
        return Info(size, ((name, race),))
    rows: list[tuple[Item, ...]] = []
    for item in (name, race):
        rows += [(i,) for i in _fit_item(item, size, width)]
    texts = sum(1 for p in (*name, *race) if p.text)
    return Info(size, tuple(rows), sum(1 for r in rows for p in r[0] if p.text) > texts)


def _item_width(item: Item, size: float) -> float:
    w = 0.0
    for i, part in enumerate(item):
        w += (2 * MM if i else 0) + (stringWidth(part.text, part.font, size) if part.text else 0)
        w += (2 * MM + part.line) if part.line else 0
    return w


def _fit_item(item: Item, size: float, width: float) -> list[Item]:
    """An item in a narrow column: a shorter write-in line, or its parts on lines of their own."""
    if _item_width(item, size) <= width:
        return [item]
    if len(item) == 1 and item[0].line:
        room = width - stringWidth(item[0].text, item[0].font, size) - 2 * MM
        if room >= 30 * MM:
            return [(Part(item[0].text, item[0].font, room),)]
        return [(Part(item[0].text, item[0].font),), (Part("", REGULAR, width - 2 * MM),)]
    out: list[Item] = []
    for part in item:
        lines = wrap(part.text, part.font, size, width)
        if not _whole_words(part.text, lines):
            raise _NoFit(width_ok=False)
        out += [(Part(t, part.font),) for t in lines]
    return out


def _grid(c: Content, z: Sizes, width: float, col_w: float | None, k: float, focus_ok: bool = True) -> Grid:
    """The text columns as wide as their text; the session columns share the rest, up to a cap beyond
    which a wider cell around the same box only pulls a week's row apart."""
    n = len(c.keys)
    label_w = max(stringWidth(r.label, BOLD, z.week) for r in c.rows) + 2 * TEXT_PAD + 2 * MM
    label_w = max(label_w, stringWidth("Week", BOLD, z.head) + 2 * TEXT_PAD)
    doses = [stringWidth(r.dose, REGULAR, z.dose) for r in c.rows] + [stringWidth(c.dose_head, BOLD, z.head)]
    dose_w = max(doses) + 2 * TEXT_PAD + 2 * MM
    # The note line runs under the label and the dose.
    note_w = max((stringWidth(r.note, BOLD, z.note) for r in c.rows), default=0) + 2 * TEXT_PAD
    dose_w = max(dose_w, note_w - label_w)
    cell_text = max((stringWidth(t, REGULAR, z.note) for r in c.rows for t in r.cells if t), default=0)
    least = max(BOX_MIN + 3 * MM, cell_text + 2 * TEXT_PAD)
    if col_w is None:
        spare = width - label_w - dose_w
        col_w = min(spare / n, 50 * MM * k)
        extra = spare - col_w * n
        label_w += extra / 2
        dose_w += extra / 2
    if col_w < least or label_w + dose_w + n * col_w > width + 0.01:
        raise _NoFit(width_ok=False)
    # One size for all the keys, the largest at which the longest fits its column.
    key_size = min(_fitted_key(key, z.key, col_w - 2 * TEXT_PAD)[1] for key in c.keys)
    keys, focus = [], []
    for key, f in zip(c.keys, c.focus):
        keys.append((wrap(key, BOLD, key_size, col_w - 2 * TEXT_PAD), key_size))
        lines = wrap(f, REGULAR, z.focus, col_w - 2 * TEXT_PAD)
        focus.append(lines if focus_ok and len(lines) <= 2 and _whole_words(f, lines) else ())
    head_h = max(len(lines) * size * 1.1 for lines, size in keys) + 2 * TEXT_PAD
    if any(focus):
        head_h += max(len(f) for f in focus) * z.focus * 1.2 + 0.8 * MM
    head_h = max(head_h, z.head * 1.4 + 2 * TEXT_PAD)
    big = max(z.week, z.dose)
    notes = any(r.note for r in c.rows)
    row_min = big * 1.15 + (z.note * 1.25 if notes else 0) + 1 * MM
    return Grid(label_w, dose_w, col_w, tuple(keys), tuple(focus), head_h, row_min)


def _fitted_key(key: str, size: float, width: float) -> tuple[tuple[str, ...], float]:
    while size > 14 and stringWidth(key, BOLD, size) > width:
        size -= 1
    return wrap(key, BOLD, size, width), size


def _list_block(lst: ExerciseList, z: Sizes, width: float, columns: int) -> ListBlock:
    inner = (width - (columns - 1) * LIST_COL_GAP) / columns
    entries: list[list[ListLine]] = []
    for name, note in lst.items:
        names = wrap(name, REGULAR, z.ex_name, inner)
        if not _whole_words(name, names):
            raise _NoFit(width_ok=False)
        lines = [ListLine(t, z.ex_name, False) for t in names]
        if note:
            after = stringWidth(names[-1], REGULAR, z.ex_name) + 2 * MM + stringWidth(note, REGULAR, z.ex_note)
            if after <= inner:
                lines.append(ListLine(note, z.ex_note, True))
            else:
                lines += [ListLine(t, z.ex_note, False) for t in wrap(note, REGULAR, z.ex_note, inner)]
        entries.append(lines)
    per = math.ceil(len(entries) / columns)
    cols = tuple(tuple(line for e in entries[i * per : (i + 1) * per] for line in e) for i in range(columns))
    head = wrap(lst.head, BOLD, z.ex_head, width)
    body = max(sum(_line_height(x) for x in col) for col in cols)
    return ListBlock(head, z.ex_head, cols, width, 1.5 * MM + len(head) * z.ex_head * 1.2 + 1.2 * MM + body)


def _line_height(line: ListLine) -> float:
    return 0.0 if line.inline else line.size * 1.3


def _box(row_h: float, grid: Grid, k: float) -> float:
    # The gap around a box widens as rows grow, so big rows do not look stuffed with their box.
    gap = BOX_GAP + 0.3 * max(0.0, row_h - BOX_MIN - BOX_GAP)
    return min(row_h - gap, grid.col_w - 3 * MM, 24 * MM * k)


def _rows(c: Content, avail: float, grid: Grid, k: float) -> tuple[float, float]:
    """The row height, and the height left over once rows reach their most useful size."""
    n = len(c.rows)
    least = max(grid.row_min, BOX_MIN + BOX_GAP)
    if avail < n * least:
        raise _NoFit(max(0, int(avail // least)))
    row_h = min(avail / n, 34 * MM * k)
    return row_h, avail - n * row_h


def _layout(c: Content, sheet: Size, scale: float, mode: str, k: float, scales: list[float]) -> Layout:
    z = Sizes.at(scale)
    frame = Box(0, 0, sheet.width, sheet.height).inset(MARGIN)
    W = frame.width
    header = _header(c, z, W)
    top = frame.top - header.height
    g_head = 5 * MM * min(scale, k)  # under the header
    lists: list[tuple[ListBlock, float, float]] = []
    if mode == "stacked":
        info = _info(c, z.info, W, k, stack=False)
        grid = _grid(c, z, W, None, k)
        per_row = {1: 1, 2: 2, 4: 2}.get(len(c.lists), 3)
        block_w = (W - (per_row - 1) * GUTTER) / per_row
        # One session's list alone would run down one narrow column: it gets two.
        blocks = [_list_block(lst, z, block_w, 2 if len(c.lists) == 1 else 1) for lst in c.lists]
        block_rows = [blocks[i : i + per_row] for i in range(0, len(blocks), per_row)]
        lists_h = sum(max(b.height for b in r) for r in block_rows) + (len(block_rows) - 1) * LIST_GAP
        g_grid = 6 * MM * min(scale, k)  # between the grid and the lists
        info_top = top - 2 * MM
        avail = info_top - info.height - g_head - grid.head_h - g_grid - lists_h - frame.y
        row_h, spare = _rows(c, avail, grid, k)
        # What the rows do not use opens up the gaps; most of it above the lists, which then sit
        # at the foot of the sheet.
        grid_top = info_top - info.height - g_head - spare * 0.4
        y = grid_top - grid.head_h - len(c.rows) * row_h - g_grid - spare * 0.6
        for r in block_rows:
            for i, b in enumerate(r):
                lists.append((b, frame.x + i * (block_w + GUTTER), y))
            y -= max(b.height for b in r) + LIST_GAP
        info_at = (frame.x, info_top, W)
    else:
        grid, side_w = _side_grid(c, z, W, k)
        grid_top = top - g_head
        row_h, spare = _rows(c, grid_top - grid.head_h - frame.y, grid, k)
        grid_top -= spare / 2
        x = frame.x + grid.width + GUTTER
        # The column beside the grid takes the largest type that fits it, which may be larger than
        # the grid's: its height does not depend on the number of weeks.
        # A name broken over lines only when no size keeps it whole.
        candidates = [(s, True) for s in scales if s >= scale] + [(scale, False)]
        for s, whole in candidates:
            zl = Sizes.at(s)
            try:
                info = _info(c, zl.info, side_w, k, stack=True)
                blocks = [_list_block(lst, zl, side_w, 1) for lst in c.lists]
            except _NoFit:
                continue
            side_h = info.height + 3 * MM + sum(b.height for b in blocks) + (len(blocks) - 1) * LIST_GAP
            if side_h <= top - g_head - frame.y and not (whole and info.wrapped):
                break
        else:
            raise _NoFit()
        info_at = (x, top - g_head, side_w)
        y = top - g_head - info.height - 3 * MM
        for b in blocks:
            lists.append((b, x, y))
            y -= b.height + LIST_GAP
    return Layout(mode, frame, z, header, info, info_at, grid, (frame.x, grid_top), row_h, _box(row_h, grid, k), tuple(lists))


def _side_grid(c: Content, z: Sizes, width: float, k: float) -> tuple[Grid, float]:
    """The widest session columns that leave the lists beside the grid a useful width."""
    for col in (22 * MM * k, 18 * MM * k, BOX_MIN + 3 * MM):
        try:
            # The lists beside the grid name each session's focus; the column heads need only the key.
            grid = _grid(c, z, width, col, k, focus_ok=False)
        except _NoFit:
            continue
        side_w = width - grid.width - GUTTER
        if side_w >= 55 * MM:
            return grid, side_w
    raise _NoFit(width_ok=False)


def _fit(c: Content, sheet: Size, paper: str) -> Layout:
    k = min(sheet.width / A4.width, sheet.height / A4.height)
    scales = []
    s = max(k, 1.0) * 1.12
    while True:
        scales.append(s)
        if Sizes.at(s).at_floor:
            break
        s *= 0.94
    weeks, width_ok = 0, False
    # Big boxes first, then type as large as they allow; the grid across the sheet first, then beside
    # the lists; only then boxes down to their least size.
    for need in (BOX_GOOD * min(k, 1.2), BOX_MIN):
        for mode in ("stacked", "side"):
            for s in scales:
                try:
                    layout = _layout(c, sheet, s, mode, k, scales)
                except _NoFit as e:
                    weeks = max(weeks, e.weeks)
                    width_ok = width_ok or e.width_ok
                    continue
                if layout.box >= need - 0.01:
                    return layout
    raise LayoutError(_too_big(c, sheet, paper, weeks, width_ok))


def _too_big(c: Content, sheet: Size, paper: str, weeks: int, width_ok: bool) -> str:
    if not width_ok:
        fix = "use fewer sessions a week, or shorter session and exercise names"
    elif 1 <= weeks < len(c.rows):
        fix = f"shorten the plan to {weeks} weeks or fewer, or list fewer exercises per session"
    else:
        fix = "shorten the title and the exercise lists"
    bigger = "" if paper in ("a3", "tabloid") else ", or print it on a bigger sheet (a3 or tabloid)"
    return (
        f"the poster of {c.title!r} ({len(c.rows)} weeks × {len(c.keys)} sessions) does not fit one {sheet.name} "
        f"sheet with {BOX_MIN / MM:g} mm tick boxes and {FLOOR:g} pt type; {fix}{bigger}"
    )


# ---------------------------------------------------------------------------------------------
# Drawing


def render_poster(plan: Plan, options: PosterOptions, theme: Theme) -> bytes:
    if options.paper not in POSTER_SHEETS:
        raise CardgenError(f"unknown poster paper {options.paper!r}; use one of {', '.join(POSTER_SHEETS)}")
    tune_reportlab()
    register()
    sheet = POSTER_SHEETS[options.paper]
    c = content_of(plan, options.athlete)
    layout = _fit(c, sheet, options.paper)
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=sheet.as_tuple(), invariant=1, pageCompression=1, initialFontName=REGULAR)
    finish_canvas(
        canv,
        Meta(
            title=f"{plan.title}: poster",
            author=options.athlete or "cardgen",
            subject=f"Fridge poster, {len(c.rows)} weeks × {len(c.keys)} sessions",
            keywords=f"{plan.id}, training plan, poster",
        ),
    )
    _Painter(canv, c, layout, theme).draw()
    canv.showPage()
    canv.save()
    return buf.getvalue()


class _Painter:
    """Collects the text, rules, fills and boxes, then draws each kind in one go."""

    def __init__(self, canv: Canvas, c: Content, layout: Layout, theme: Theme):
        self.canv, self.c, self.l, self.theme = canv, c, layout, theme
        self.ink = TextBatch(canv, theme.ink)
        self.accent = TextBatch(canv, theme.accent)
        self.fills: list[tuple[float, float, float, float]] = []
        self.rules: list[tuple[float, float, float, float]] = []
        self.heavy: list[tuple[float, float, float, float]] = []
        self.boxes: list[tuple[float, float, float]] = []

    def draw(self) -> None:
        self._header()
        self._info()
        self._grid()
        self._lists()
        canv = self.canv
        canv.setLineCap(0)
        # Fills first: rules, boxes and text lie on top of them.
        canv.setFillColorRGB(*self.theme.fill)
        for x, y, w, h in self.fills:
            canv.rect(x, y, w, h, stroke=0, fill=1)
        canv.setStrokeColorRGB(*self.theme.ink)
        self._stroke(self.rules, RULE)
        canv.setStrokeColorRGB(*self.theme.accent)
        self._stroke(self.heavy, RULE_HEAVY)
        # White inside every box, also on a shaded row: a pen tick shows best on bare paper.
        canv.setStrokeColorRGB(*self.theme.ink)
        canv.setFillColorRGB(1, 1, 1)
        canv.setLineWidth(1.25)
        path = canv.beginPath()
        for x, y, side in self.boxes:
            path.rect(x, y, side, side)
        canv.drawPath(path, stroke=1, fill=1)
        self.ink.close()
        self.accent.close()

    def _stroke(self, segments, width: float) -> None:
        if not segments:
            return
        self.canv.setLineWidth(width)
        path = self.canv.beginPath()
        for x1, y1, x2, y2 in segments:
            path.moveTo(x1, y1)
            path.lineTo(x2, y2)
        self.canv.drawPath(path, stroke=1, fill=0)

    def _header(self) -> None:
        h, x, y = self.l.header, self.l.frame.x, self.l.frame.top
        for line in h.title:
            self.ink.put(x, y - h.title_size * 0.78, line, BOLD, h.title_size)
            y -= h.title_size * 1.08
        if h.subtitle:
            y -= 1.5 * MM
            for line in h.subtitle:
                self.ink.put(x, y - h.subtitle_size * 0.9, line, REGULAR, h.subtitle_size)
                y -= h.subtitle_size * 1.22

    def _info(self) -> None:
        info = self.l.info
        x, y, width = self.l.info_at
        size = info.size
        for row in info.rows:
            base = y - size * 1.1
            for j, item in enumerate(row):
                at = x if j == 0 else x + width - _item_width(item, size)
                for i, part in enumerate(item):
                    at += 2 * MM if i else 0
                    if part.text:
                        self.ink.put(at, base, part.text, part.font, size)
                        at += stringWidth(part.text, part.font, size)
                    if part.line:
                        at += 2 * MM if part.text else 0
                        self.rules.append((at, base - 0.5, at + part.line, base - 0.5))
                        at += part.line
            y -= size * 1.55

    def _grid(self) -> None:
        l, g, z, ink = self.l, self.l.grid, self.l.z, self.ink
        x0, y = l.grid_at
        right = x0 + g.width
        cols = [x0 + g.label_w + g.dose_w + i * g.col_w for i in range(len(g.keys))]
        head_base = y - g.head_h + TEXT_PAD + 0.5 * MM
        ink.put(x0 + TEXT_PAD, head_base, "Week", BOLD, z.head)
        ink.put(x0 + g.label_w + TEXT_PAD, head_base, self.c.dose_head, BOLD, z.head)
        for cx, (lines, size), focus in zip(cols, g.keys, g.focus):
            mid, yy = cx + g.col_w / 2, y - TEXT_PAD
            for line in lines:
                self.accent.put(mid, yy - size * 0.8, line, BOLD, size, align="center")
                yy -= size * 1.1
            yy -= 0.8 * MM
            for line in focus:
                ink.put(mid, yy - z.focus * 0.85, line, REGULAR, z.focus, align="center")
                yy -= z.focus * 1.2
        y -= g.head_h
        self.heavy.append((x0, y, right, y))
        # Heavier rules between sessions (the page specs keep 1 pt for that), from the heads down.
        bottom = y - len(self.c.rows) * l.row_h
        for cx in cols:
            self.heavy.append((cx, y + g.head_h * 0.15, cx, bottom))
        big = max(z.week, z.dose)
        gap = 0.42 * big
        # Every row sets its label alike, so the labels line up down the sheet; text is centred on
        # its cap height (0.72 em in Noto Sans).
        stack = 0.72 * big + (gap + 0.72 * z.note if any(r.note for r in self.c.rows) else 0)
        # A session whose dose differs from the week's says so beside its box, room allowing; the
        # boxes of that column then all move left, so a column's boxes stay in one line.
        cell_size = [self._cell_size(j) for j in range(len(cols))]
        for row in self.c.rows:
            mid = y - l.row_h / 2
            if row.marked:
                self.fills.append((x0, y - l.row_h, g.width, l.row_h))
            base = mid + stack / 2 - 0.72 * big
            ink.put(x0 + TEXT_PAD, base, row.label, BOLD, z.week)
            ink.put(x0 + g.label_w + TEXT_PAD, base, row.dose, REGULAR, z.dose)
            if row.note:
                ink.put(x0 + TEXT_PAD, base - gap - 0.72 * z.note, row.note, BOLD if row.marked else REGULAR, z.note)
            for cx, cell, size in zip(cols, row.cells, cell_size):
                bx = cx + (1.5 * TEXT_PAD if size else (g.col_w - l.box) / 2)
                if cell is None:
                    ink.put(bx + l.box / 2, mid - 0.36 * z.dose, "–", REGULAR, z.dose, align="center")
                    continue
                if cell and size:
                    ink.put((bx + l.box + cx + g.col_w) / 2, mid - 0.36 * size, cell, REGULAR, size, align="center")
                self.boxes.append((bx, mid - l.box / 2, l.box))
            y -= l.row_h
            self.rules.append((x0, y, right, y))

    def _cell_size(self, j: int) -> float:
        """The type size for column j's own doses: as large as the week's doses where the cells allow,
        never under the note size; 0 when the column has none or they do not fit beside the box."""
        z, g = self.l.z, self.l.grid
        texts = [r.cells[j] for r in self.c.rows if r.cells[j]]
        room = g.col_w - self.l.box - 3.5 * TEXT_PAD
        for size in _steps(z.dose, z.note):
            if texts and all(stringWidth(t, REGULAR, size) <= room for t in texts):
                return size
        return 0.0

    def _lists(self) -> None:
        for block, x, top in self.l.lists:
            self.heavy.append((x, top, x + block.width, top))
            y = top - 1.5 * MM
            for line in block.head:
                self.accent.put(x, y - block.head_size * 0.95, line, BOLD, block.head_size)
                y -= block.head_size * 1.2
            y -= 1.2 * MM
            n = len(block.columns)
            inner = (block.width - (n - 1) * LIST_COL_GAP) / n
            for i, col in enumerate(block.columns):
                cx, yy = x + i * (inner + LIST_COL_GAP), y
                end, base = cx, yy
                for line in col:
                    if line.inline:
                        self.ink.put(end + 2 * MM, base, line.text, REGULAR, line.size)
                        continue
                    base = yy - line.size * 1.0
                    self.ink.put(cx, base, line.text, REGULAR, line.size)
                    end = cx + stringWidth(line.text, REGULAR, line.size)
                    yy -= _line_height(line)
