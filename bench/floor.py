"""The practical floor: the default products drawn on a bare ReportLab canvas, every coordinate by hand.

No platypus, no cardgen. The same kind of content as cardgen's booklet (A5) and pocket cards (A4):
running heads and page numbers, a cover, paragraphs wrapped greedily with stringWidth and drawn with
drawString, numbered steps, tick-box checklists, ruled set/rep grids of ~40 cells with tick boxes,
blank log tables and note lines; cards 4-up with cut marks. The same two TrueType fonts (Noto Sans
Regular and Bold) are registered once per process and embedded (subset) in every PDF; `invariant=1`,
page compression on, `useA85 = 0` as cardgen sets it: this is the tuned floor of docs/performance.md.

    python bench/floor.py OUT.pdf [--pages 36] [--cards-pages 8]

writes the floor PDF; bench/run.py times it in-process (`draw_floor`) and as a whole process.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
A5 = (148 * MM, 210 * MM)
A4 = (210 * MM, 297 * MM)
REG, BOLD = "FloorSans", "FloorSans-Bold"
FONTS = Path(__file__).resolve().parent.parent / "fonts"
TICK = 4.2 * MM
GREY = (0.55, 0.55, 0.55)
FILL = (0.88, 0.88, 0.88)

_registered = False


def register_fonts() -> None:
    """Once per process, as cardgen does."""
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(REG, str(FONTS / "NotoSans-Regular.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "NotoSans-Bold.ttf")))
        _registered = True


# Text of roughly the booklet's length and character mix (en dashes, ×, ·, curly quotes).
TITLE = "Half Marathon Leg Strength"
SUBTITLE = "Eight weeks of glute and hamstring work for race day"
PARA = (
    "Two short sessions a week, about 30 minutes each, built around the glutes and hamstrings that carry you "
    "through the later miles. Do session A and session B on different days with at least a day between them. "
    "The best time is after an easy run or on a rest day; keep them away from the day before a long run."
)
LEAD = "A one-legged hip hinge that strengthens the hamstrings and glutes while training the balance you need on every stride."
SETUP = "Stand with feet hip-width apart and a soft bend in both knees. Hold a chair back lightly with one hand if you need it."
STEPS = [
    "Shift your weight onto one leg and keep a soft bend in that knee throughout.",
    "Hinge at the hip, sending the free leg straight back as your chest comes forward.",
    "Lower until you feel a stretch in the back of the standing thigh, or your body is level.",
    "Squeeze the glute of the standing leg to return to tall; don’t let the hips twist open.",
]
CUES = ["Hips square to the floor", "Back flat, neck long", "Standing knee soft, not locked", "Slow on the way down"]
MISTAKES = [
    "Rounding the back to reach lower: stop where the back stays flat.",
    "Opening the hip of the free leg so the pelvis twists.",
    "Rushing the lowering: take three seconds down.",
]
ALTS = [
    ("Easier", "Kickstand deadlift: keep the toes of the back foot on the floor."),
    ("Harder", "Hold a kettlebell in the opposite hand, or pause for two seconds at the bottom."),
]
EXERCISES = [
    ("Single-leg bridge", "each side"),
    ("Step-up", "each side"),
    ("Lateral band walk", "steps, each side"),
    ("Clamshell", "each side"),
    ("Side lunge", "each side"),
    ("Nordic curl", ""),
]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width: the least a real layout has to do."""
    lines, line = [], ""
    space = stringWidth(" ", font, size)
    w = 0.0
    for word in text.split():
        ww = stringWidth(word, font, size)
        if line and w + space + ww > width:
            lines.append(line)
            line, w = word, ww
        else:
            line, w = (line + " " + word, w + space + ww) if line else (word, ww)
    if line:
        lines.append(line)
    return lines


def paragraph(c: Canvas, x: float, y: float, text: str, font: str, size: float, width: float, indent: float = 0) -> float:
    """Wrapped lines from the top `y` down; returns the top of what comes next."""
    c.setFont(font, size)
    for line in wrap(text, font, size, width - indent):
        c.drawString(x + indent, y - size, line)
        y -= size * 1.3
    return y


def tick(c: Canvas, x: float, y: float, side: float = TICK) -> None:
    c.rect(x, y, side, side, stroke=1, fill=0)


# ---------------------------------------------------------------- booklet pages (A5)


def _frame(n: int) -> tuple[float, float, float, float]:
    """x, top, width, bottom of the text frame: 15 mm at the spine, 12 mm outside."""
    w, h = A5
    x = 15 * MM if n % 2 else 12 * MM
    return x, h - 14 * MM, w - 27 * MM, 14 * MM


def _furniture(c: Canvas, n: int, section: str) -> None:
    w, h = A5
    x, _, width, _ = _frame(n)
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)
    y = h - 8.5 * MM
    c.setFont(REG, 8.5)
    c.drawString(x, y, TITLE)
    c.setFont(BOLD, 8.5)
    c.drawRightString(x + width, y, section)
    c.setLineWidth(0.5)
    c.line(x, y - 2 * MM, x + width, y - 2 * MM)
    c.setFont(REG, 9)
    c.drawRightString(x + width, 7 * MM, str(n))


def _heading(c: Canvas, x: float, y: float, text: str, size: float) -> float:
    c.setFont(BOLD, size)
    c.drawString(x, y - size, text)
    return y - size * 1.6


def _cover(c: Canvas, n: int) -> None:
    x, top, width, _ = _frame(n)
    y = top - 18 * MM
    c.setFont(BOLD, 30)
    for line in wrap(TITLE, BOLD, 30, width):
        c.drawString(x, y, line)
        y -= 36
    y = paragraph(c, x, y, SUBTITLE, REG, 11.5, width) - 2.5 * MM
    c.setLineWidth(1)
    c.line(x, y, x + width, y)
    y -= 8 * MM
    c.setFont(BOLD, 12)
    c.drawString(x, y, "8 weeks · 2 sessions a week · about 30 minutes each")
    y -= 16 * MM
    c.setStrokeColorRGB(*GREY)
    c.setLineWidth(0.75)
    for label in ("Athlete", "Starts", "Race day", "Coach"):
        c.setFont(REG, 11.5)
        c.drawString(x, y, label)
        c.line(x + 28 * MM, y - 1, x + width, y - 1)
        y -= 11 * MM


def _how_to(c: Canvas, n: int) -> None:
    x, top, width, _ = _frame(n)
    y = _heading(c, x, top, "How to use this booklet", 20)
    y = paragraph(c, x, y, PARA + " " + PARA, REG, 10, width) - 2 * MM
    for i, step in enumerate(STEPS + STEPS[:2]):
        c.setFont(BOLD, 10)
        c.drawString(x, y - 10, f"{i + 1}")
        y = paragraph(c, x, y, step + " " + CUES[i % 4] + ".", REG, 10, width, indent=6 * MM) - 1.5 * MM
    y = _heading(c, x, y - 2 * MM, "Symbols", 12)
    symbols = [["10–12", "Do 10 to 12 reps, then tick the box"], ["30 s", "Hold for 30 seconds"], ["each side", "The target is for each side"],
               ["", "No set here this week"]]
    _table(c, x, y, [24 * MM, width - 24 * MM], symbols, 7 * MM, header=False, ticks=True)


def _overview(c: Canvas, n: int) -> None:
    x, top, width, _ = _frame(n)
    y = _heading(c, x, top, "Plan at a glance", 20)
    y = paragraph(c, x, y, "Each cell is that session's usual dose: sets × reps. Tap a week to go to its pages.", REG, 9, width) - 2 * MM
    rows = [["Week", "Session A", "Session B"]] + [[f"Week {w}", f"3 × {7 + w}–{9 + w}", f"3 × {6 + w}–{8 + w}"] for w in range(1, 9)]
    y = _table(c, x, y, [20 * MM, (width - 20 * MM) / 2, (width - 20 * MM) / 2], rows, 9 * MM, notes={1: "Glutes & hips", 2: "Hamstrings & power"})
    paragraph(c, x, y - 3 * MM, "Deload: Fewer sets at week 3 targets; you should finish feeling fresh.", REG, 9, width)


def _exercise(c: Canvas, n: int) -> None:
    x, top, width, _ = _frame(n)
    y = _heading(c, x, top, "Single-leg deadlift", 20)
    y = paragraph(c, x, y, "Works: hamstrings, glutes, core, ankle stabilisers · Equipment: none", REG, 9, width)
    y = paragraph(c, x, y - 1 * MM, LEAD, REG, 11.5, width)
    y = _heading(c, x, y - 2 * MM, "Set up", 12)
    y = paragraph(c, x, y, SETUP, REG, 10, width)
    y = _heading(c, x, y - 2 * MM, "How to do it", 12)
    for i, step in enumerate(STEPS):
        c.setFont(BOLD, 10)
        c.drawString(x, y - 10, str(i + 1))
        y = paragraph(c, x, y, step, REG, 10, width, indent=6 * MM) - 1 * MM
    y = _heading(c, x, y - 2 * MM, "Form checks", 12)
    c.setLineWidth(0.75)
    for cue in CUES:
        tick(c, x, y - TICK)
        paragraph(c, x, y, cue, REG, 10, width, indent=TICK + 2.5 * MM)
        y -= TICK + 2.2 * MM
    y = _heading(c, x, y - 2 * MM, "Common mistakes", 12)
    for m in MISTAKES:
        c.setFont(REG, 10)
        c.drawString(x, y - 10, "–")
        y = paragraph(c, x, y, m, REG, 10, width, indent=6 * MM)
    y = _heading(c, x, y - 2 * MM, "Alternatives", 12)
    for label, text in ALTS:
        c.setFont(BOLD, 10)
        c.drawString(x, y - 10, label + ":")
        y = paragraph(c, x, y, text, REG, 10, width, indent=stringWidth(label + ": ", BOLD, 10))


def _table(c: Canvas, x: float, y: float, widths: list[float], rows: list[list[str]], row_h: float,
           header: bool = True, ticks: bool = False, notes: dict[int, str] | None = None) -> float:
    """Rows of text cells with rules; a header row shaded; `notes` a small second line in those columns."""
    total = sum(widths)
    c.setLineWidth(0.5)
    for r, row in enumerate(rows):
        top = y
        if header and r == 0:
            c.setFillColorRGB(*FILL)
            c.rect(x, y - row_h, total, row_h, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        cx = x
        for k, (text, w) in enumerate(zip(row, widths, strict=False)):
            bold = (header and r == 0) or k == 0
            c.setFont(BOLD if bold else REG, 9)
            tx = cx + 1.6 * MM
            if ticks and k == 0 and text:
                tick(c, tx, y - row_h / 2 - TICK / 2)
                tx += TICK + 1.6 * MM
            if text:  # blank cells are left blank, not drawn as empty strings
                c.drawString(tx, y - 4 * MM, text)
            if notes and r and k in notes:
                c.setFont(REG, 7.5)
                c.drawString(tx, y - 7.5 * MM, notes[k])
            cx += w
        y -= row_h
        c.line(x, y, x + total, y)
        if r == 0:
            c.line(x, top, x + total, top)
    cx = x
    for w in [0.0] + widths:
        cx += w
        c.line(cx, y, cx, y + row_h * len(rows))
    return y


def _session(c: Canvas, n: int, week: int) -> None:
    """One session page: the set/rep grid with tick boxes and cue strips, the log, note lines."""
    x, top, width, bottom = _frame(n)
    y = _heading(c, x, top, f"Week {week} · Build", 15)
    y = _heading(c, x, y, "Session A · Glutes & hips", 12)
    # Set/rep grid: name | 3 sets (target + tick) | rest; a cue strip with two ticks under each row.
    set_w, rest_w = 19 * MM, 11 * MM
    name_w = width - 3 * set_w - rest_w
    cols = [x, x + name_w, x + name_w + set_w, x + name_w + 2 * set_w, x + name_w + 3 * set_w, x + width]
    row_h, strip_h = 6.6 * MM, 5.6 * MM
    c.setLineWidth(0.5)
    c.setFillColorRGB(*FILL)
    c.rect(x, y - row_h, width, row_h, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(BOLD, 9)
    for cx, title in zip(cols, ["Exercise", "Set 1", "Set 2", "Set 3", "Rest"], strict=False):
        c.drawString(cx + 1.6 * MM, y - 4.4 * MM, title)
    grid_top = y
    y -= row_h
    c.line(x, grid_top, x + width, grid_top)
    c.line(x, y, x + width, y)
    dose = f"{7 + week}–{9 + week}"
    exercises = EXERCISES[: 5 + n % 2]
    for name, note in exercises:
        c.setFont(BOLD, 9)
        c.drawString(x + 1.6 * MM, y - 3.6 * MM, name)
        if note:
            c.setFont(REG, 7.5)
            c.drawString(x + 1.6 * MM, y - 6.2 * MM, note)
        c.setLineWidth(0.75)
        for k in range(1, 4):
            tick(c, cols[k] + 1.6 * MM, y - row_h / 2 - TICK / 2)
            c.setFont(REG, 9)
            c.drawString(cols[k] + 1.6 * MM + TICK + 1.6 * MM, y - 4.2 * MM, dose)
        c.drawCentredString((cols[4] + cols[5]) / 2, y - 4.2 * MM, "30 s")
        c.setLineWidth(0.5)
        for cx in cols[1:5]:
            c.line(cx, y, cx, y - row_h)
        y -= row_h
        c.setFont(REG, 8.5)
        sx = x + 1.6 * MM
        for cue in CUES[:2]:
            tick(c, sx, y - strip_h / 2 - 1.5 * MM, 3 * MM)
            c.drawString(sx + 3 * MM + 1.6 * MM, y - 3.6 * MM, cue)
            sx += 3 * MM + 1.6 * MM + stringWidth(cue, REG, 8.5) + 4 * MM
        y -= strip_h
        c.line(x, y, x + width, y)
    c.line(x, grid_top, x, y)
    c.line(x + width, grid_top, x + width, y)
    # Log: "Log  Date ____", then a blank table of 6 exercises × 7 columns.
    y -= 6 * MM
    c.setFont(BOLD, 12)
    c.drawString(x, y, "Log")
    c.setFont(REG, 9)
    c.drawString(x + 16 * MM, y, "Date")
    c.setStrokeColorRGB(*GREY)
    c.setLineWidth(0.75)
    c.line(x + 26 * MM, y - 1, x + 86 * MM, y - 1)
    c.setStrokeColorRGB(0, 0, 0)
    y -= 4 * MM
    widths = [width - 16 * MM - 30 * MM - 12 * MM - 22 * MM, 16 * MM, 10 * MM, 10 * MM, 10 * MM, 12 * MM, 22 * MM]
    rows = [["Exercise", "Load", "Set 1", "Set 2", "Set 3", "Effort", "Notes"]] + [[name, "", "", "", "", "", ""] for name, _ in exercises]
    y = _table(c, x, y, widths, rows, 8.2 * MM, notes={0: f"{dose} each side"})
    _note_lines(c, x, y - 2.5 * MM, width, bottom)


def _note_lines(c: Canvas, x: float, y: float, width: float, bottom: float) -> None:
    c.setStrokeColorRGB(*GREY)
    c.setLineWidth(0.75)
    y -= 8.5 * MM
    while y >= bottom:
        c.line(x, y, x + width, y)
        y -= 8.5 * MM
    c.setStrokeColorRGB(0, 0, 0)


def _notes(c: Canvas, n: int) -> None:
    x, top, width, bottom = _frame(n)
    y = _heading(c, x, top, "Notes", 15)
    _note_lines(c, x, y, width, bottom)


def booklet_plan(pages: int) -> list[str]:
    """Page kinds in the default booklet's proportions (36 pages: 3 + 14 exercise + 16 session + 3 notes)."""
    rest = max(0, pages - 3)
    sessions = round(rest * 16 / 33)
    notes = round(rest * 3 / 33)
    kinds = ["cover", "how-to", "overview"][: min(3, pages)] + ["exercise"] * (rest - sessions - notes)
    kinds += ["notes"] + ["session"] * sessions if notes else ["session"] * sessions
    kinds += ["notes"] * max(0, notes - 1)
    return kinds


def draw_booklet_pages(c: Canvas, pages: int) -> None:
    c.setPageSize(A5)
    week = 0
    for n, kind in enumerate(booklet_plan(pages), start=1):
        if kind == "cover":
            _cover(c, n)
        else:
            if kind == "how-to":
                _how_to(c, n)
            elif kind == "overview":
                _overview(c, n)
            elif kind == "exercise":
                _exercise(c, n)
            elif kind == "session":
                week += 1
                _session(c, n, (week + 1) // 2)
            else:
                _notes(c, n)
            _furniture(c, n, kind.capitalize())
        c.showPage()


# ---------------------------------------------------------------- pocket cards (A4, 4-up, duplex)


def _card_front(c: Canvas, x: float, top: float, width: float, number: int) -> None:
    c.setFillColorRGB(0, 0, 0)
    y = top - 15
    c.setFont(BOLD, 15)
    c.drawString(x, y, f"Week {number // 2 + 1} · Session {'AB'[number % 2]}")
    c.setFont(REG, 8.5)
    y -= 12
    c.drawString(x, y, "Date __________ · Build")
    y -= 11
    c.drawString(x, y, "Glutes & hips")
    y -= 4 * MM
    c.setLineWidth(1)
    c.line(x, y, x + width, y)
    y -= 2 * MM
    box = 5 * MM
    for name, note in EXERCISES[: 5 + number % 2]:
        y -= 14
        c.setFont(BOLD, 11)
        c.drawString(x, y, name)
        y -= 8 * MM
        c.setFont(REG, 11)
        c.drawString(x, y + 1.5 * MM, f"3 × 10–12 {note} · 30 s".replace("  ", " "))
        c.setLineWidth(0.75)
        bx = x + width - box
        for _ in range(3):
            c.rect(bx, y, box, box, stroke=1, fill=0)
            bx -= box + 1.6 * MM
    c.setFont(REG, 8.5)
    c.drawString(x, top - 125 * MM, TITLE)


def _card_back(c: Canvas, x: float, top: float, width: float, number: int) -> None:
    c.setFillColorRGB(0, 0, 0)
    y = top - 14
    c.setFont(BOLD, 12)
    c.drawString(x, y, f"Week {number // 2 + 1} · Session {'AB'[number % 2]}: form cues")
    y -= 4 * MM
    c.setLineWidth(1)
    c.line(x, y, x + width, y)
    y -= 2 * MM
    for name, _ in EXERCISES[: 5 + number % 2]:
        y -= 13
        c.setFont(BOLD, 11)
        c.drawString(x, y, name)
        c.setFont(REG, 10)
        for cue in CUES[:2]:
            y -= 12.8
            c.drawString(x + 0.8 * MM, y, "•")
            c.drawString(x + 4 * MM, y, cue)


def draw_card_pages(c: Canvas, pages: int) -> None:
    c.setPageSize(A4)
    w, h = A4
    cw, ch = w / 2, h / 2
    safe, m = 7 * MM, 6.35 * MM
    for p in range(pages):
        front = p % 2 == 0
        for i in range(4):
            col, row = i % 2, i // 2
            if not front:
                col = 1 - col  # backs mirrored for a long-edge flip
            x, top = col * cw + safe, h - row * ch - safe
            (_card_front if front else _card_back)(c, x, top, cw - 2 * safe, (p // 2) * 4 + i)
        if front:
            c.setLineWidth(0.4)
            for a, b, cc, d in [(cw, h - m, cw, h - m - 4 * MM), (cw, m, cw, m + 4 * MM), (m, ch, m + 4 * MM, ch), (w - m, ch, w - m - 4 * MM, ch)]:
                c.line(a, b, cc, d)
            c.setFont(REG, 8)
            note = "Print at 100 %; this bar is 50 mm:"
            c.drawString(m + MM, m - 0.5 * MM + 1, note)
            bx = m + MM + stringWidth(note, REG, 8) + 2 * MM
            c.setLineWidth(0.75)
            c.line(bx, m + 1, bx + 50 * MM, m + 1)
        c.showPage()


# ---------------------------------------------------------------- entry points


def draw_floor(pages: int, cards_pages: int) -> bytes:
    """`pages` A5 booklet pages, then `cards_pages` A4 card sheets, in one PDF; returns its bytes."""
    rl_config.useA85 = 0
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5, invariant=1, pageCompression=1)
    c.setTitle(TITLE)
    c.setAuthor("floor")
    if pages:
        draw_booklet_pages(c, pages)
    if cards_pages:
        draw_card_pages(c, cards_pages)
    c.save()
    return buf.getvalue()


def draw_floor_split(pages: int, cards_pages: int) -> dict[str, bytes]:
    """The same pages as two documents, as cardgen writes them (booklet.pdf, cards.pdf)."""
    return {"booklet.pdf": draw_floor(pages, 0), "cards.pdf": draw_floor(0, cards_pages)}


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=36)
    ap.add_argument("--cards-pages", type=int, default=8)
    ap.add_argument("--split", action="store_true", help="write OUT-booklet.pdf and OUT-cards.pdf instead of one file")
    a = ap.parse_args(argv)
    if a.split:
        for name, data in draw_floor_split(a.pages, a.cards_pages).items():
            a.out.with_name(f"{a.out.stem}-{name}").write_bytes(data)
    else:
        a.out.write_bytes(draw_floor(a.pages, a.cards_pages))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
