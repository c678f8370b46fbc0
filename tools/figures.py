"""Every exercise's figure on one contact sheet, to look at them all (a developer's tool, not shipped).

    python tools/figures.py [--content FOLDER] [--theme mono|color] [--only ID ...] [-o figures.pdf]

Reads each exercises/*.yaml of the folder (default: the shipped library) on its own, so one broken
figure does not hide the others: its problems are printed, the rest are drawn, each with its name,
and a warning line under any that does not rest as written. Then, for a PNG:
pdftoppm -png -r 80 figures.pdf figures
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from cardgen.content.figure import FigureSpec, figure_problems, to_figure
from cardgen.figure import misplaced
from cardgen.render.figure import draw_figure
from cardgen.resources import shipped
from cardgen.style.fonts import BOLD, REGULAR, register
from cardgen.style.theme import THEMES
from cardgen.units import MM

COLUMNS, ROWS = 3, 6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=shipped("content"))
    parser.add_argument("--theme", choices=sorted(THEMES), default="color")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("-o", "--output", type=Path, default=Path("figures.pdf"))
    args = parser.parse_args(argv)
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    register()
    theme = THEMES[args.theme]
    found = []
    for file in sorted((args.content / "exercises").glob("*.yaml")):
        if args.only and file.stem not in args.only:
            continue
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if "figure" not in data:
            print(f"{file.name}: no figure")
            continue
        try:
            spec = FigureSpec.model_validate(data["figure"])
        except ValidationError as exc:
            for err in exc.errors():
                print(f"{file.name}: figure.{'.'.join(map(str, err['loc']))}: {err['msg']}")
            continue
        if problems := figure_problems(spec):
            for path, message in problems:
                print(f"{file.name}: figure.{'.'.join(map(str, path))}: {message}")
            continue
        figure = to_figure(spec)
        found.append((file.stem, data.get("name", file.stem), figure, misplaced(figure)))
    canv = Canvas(str(args.output), pagesize=A4, invariant=1)
    w, h = A4
    margin = 10 * MM
    cw, ch = (w - 2 * margin) / COLUMNS, (h - 2 * margin) / ROWS
    for i, (ex_id, name, figure, wrong) in enumerate(found):
        if i and i % (COLUMNS * ROWS) == 0:
            canv.showPage()
        col, row = i % COLUMNS, (i // COLUMNS) % ROWS
        x, top = margin + col * cw, h - margin - row * ch
        canv.setFont(BOLD, 8)
        canv.setFillColorRGB(0, 0, 0)
        canv.drawString(x + 2 * MM, top - 4 * MM, f"{name} ({ex_id})")
        box_h = ch - 13 * MM
        draw_figure(canv, theme, figure, x + 2 * MM, top - 6 * MM - box_h, cw - 4 * MM, box_h)
        canv.setFont(REGULAR, 6)
        canv.setFillColorRGB(0.7, 0, 0)
        for k, message in enumerate(wrong[:2]):
            canv.drawString(x + 2 * MM, top - ch + 5 * MM - k * 2.6 * MM, message[:95])
        for message in wrong:
            print(f"{ex_id}.yaml: {message}")
    canv.showPage()
    canv.save()
    print(f"{len(found)} figures: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
