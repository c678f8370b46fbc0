"""Build variations of a plan on both papers and every card size and report where each product breaks.

Not a test (it takes minutes): run it by hand after a layout change, as docs/content-format.md's
limits were found with it (see tests/stress/README.md):

    .venv/bin/python tests/stress/matrix.py [--only NAME,...] [--quick]

Each variation changes one thing of a small plan (sets, exercises per session, sessions, weeks, text
lengths, list lengths). For every product it prints OK, or what went wrong: refused (the content
check's or a product's message), text outside its frame or its card, set cells under 12 mm, an error
message that names an internal class, a traceback, or a slow build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # pdfcheck
sys.path.insert(0, str(HERE))  # limits

from cardgen.content.load import load_library  # noqa: E402
from cardgen.errors import CardgenError  # noqa: E402
from cardgen.pipeline import BuildOptions, plan_from, render  # noqa: E402
from cardgen.prepress.cards import card_sheet  # noqa: E402
from cardgen.prepress.paper import SHEETS  # noqa: E402
from cardgen.render import table as table_mod  # noqa: E402

from pdfcheck import MM, inside, pages  # noqa: E402

CARDS = ("quarter", "a6", "a7", "index-3x5", "index-4x6", "id1")
PAPERS = ("a4", "letter")
SLOW = 5.0  # seconds for one product: more is reported
GREEK = "Άσκηση ισορροπίας σε ένα πόδι με λάστιχο"
CYRILLIC = "Болгарские выпады с гантелями"
WORD38 = "Oberschenkelrückseitenkräftigungsübung"  # 38 letters
WORD72 = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtenges"  # 72 letters


def words(n: int, seed: str = "Keep the knee") -> str:
    """Text of about `n` characters, in words."""
    base = f"{seed} over the second toe and the pelvis level while you lower slowly under control "
    out = ""
    while len(out) < n:
        out += base
    return out[:n].rstrip() or "x"


def exercise(i: int, **over) -> dict:
    ex = {
        "name": f"Split squat {i}",
        "muscles": {"primary": ["glutes"]},
        "purpose": "Builds single-leg strength.",
        "steps": ["Step forward and lower the back knee.", "Drive up through the front heel."],
        "cues": ["Knee over toe", "Ribs down", "Slow on the way down"],
        "key_cues": 2,
        "dose": "3 x 10",
    }
    ex.update(over)
    return ex


def plan(sessions: int = 1, exercises: int = 4, weeks: int = 8, sets: int = 3, per_week: int = 1, note: str = "", **over) -> dict:
    p = {
        "title": "Matrix plan",
        "weeks": weeks,
        "sessions": {
            chr(ord("A") + s): {
                "focus": "Legs",
                "per_week": per_week,
                "exercises": [{"exercise": f"ex-{s * exercises + i}", "dose": f"{sets} x 10", **({"note": note} if note else {})} for i in range(exercises)],
            }
            for s in range(sessions)
        },
    }
    p.update(over)
    return p


Variation = tuple[str, Callable[[], tuple[dict, dict[str, dict]]]]


def variation(sessions: int = 1, exercises: int = 4, ex_over: dict | None = None, **plan_over) -> Callable[[], tuple[dict, dict[str, dict]]]:
    def make() -> tuple[dict, dict[str, dict]]:
        p = plan(sessions=sessions, exercises=exercises, **plan_over)
        exs = {f"ex-{i}": exercise(i, **(ex_over or {})) for i in range(sessions * exercises)}
        return p, exs

    return make


def variations() -> list[Variation]:
    out: list[Variation] = [("base", variation())]
    out += [(f"sets-{n}", variation(sets=n)) for n in (4, 5, 6, 7, 8, 10, 12)]
    out += [(f"exercises-{n}", variation(exercises=n)) for n in (6, 8, 10, 12, 15, 20)]
    out += [(f"sessions-{n}", variation(sessions=n)) for n in (2, 3, 4, 5, 6, 7)]
    out += [("sessions-3-per-week-3", variation(sessions=3, per_week=3)), ("sessions-2-per-week-3", variation(sessions=2, per_week=3))]
    out += [(f"weeks-{n}", variation(weeks=n)) for n in (1, 12, 26, 52)]
    for n in (20, 40, 60, 80, 120, 200, 400):
        out.append((f"name-{n}", variation(ex_over={"name": words(n, "Single-leg Romanian deadlift")})))
    for n in (60, 120, 200, 400):
        out.append((f"cue-{n}", variation(ex_over={"cues": [words(n)] * 3})))
        out.append((f"step-{n}", variation(ex_over={"steps": [words(n)] * 6})))
        out.append((f"purpose-{n}", variation(ex_over={"purpose": words(n)})))
        out.append((f"mistake-{n}", variation(ex_over={"mistakes": [words(n)] * 4})))
    out += [(f"note-{n}", variation(note=words(n))) for n in (60, 120, 240)]
    out += [(f"focus-{n}", variation(sessions=3, **{"title": words(n)})) for n in (80, 200)]
    out += [
        ("word-38", variation(ex_over={"name": f"{WORD38} mit Band"})),
        ("word-72", variation(ex_over={"name": WORD72})),
        ("word-38-cue", variation(ex_over={"cues": [WORD38, WORD38, WORD38]})),
        ("greek", variation(ex_over={"name": GREEK, "cues": [GREEK] * 3})),
        ("cyrillic", variation(ex_over={"name": CYRILLIC, "cues": [CYRILLIC] * 3})),
    ]
    out += [(f"cues-8-key-3-{n}", variation(ex_over={"cues": [words(n)] * 8, "key_cues": 3})) for n in (40, 80)]
    out += [(f"steps-{n}", variation(ex_over={"steps": [words(120)] * n})) for n in (10, 20, 40)]
    out += [(f"mistakes-{n}", variation(ex_over={"mistakes": [words(120)] * n})) for n in (10, 20)]
    for n in (5, 10, 20):
        alternatives = {"easier": [{"name": words(60), "note": words(120)}] * n, "harder": [{"name": words(60)}] * n}
        out.append((f"alternatives-{n}", variation(ex_over=alternatives)))
    out.append(("limits", _at_limits))
    return out


def _at_limits() -> tuple[dict, dict[str, dict]]:
    """tests/stress/limits.py's content: every limit at once, two weeks of seven sessions."""
    import limits

    return limits.plan(2), {f"limit-{i}": limits.exercise(i) for i in range(len(limits.NAMES))}


# -- checks ------------------------------------------------------------------------------------

INTERNAL = re.compile(r"\b(KeepWithNext|RuledTable|TextBlock|ListBlock|Stack|Block|Traceback|Error:|[A-Z][a-z]+[A-Z]\w*\()")


def booklet_problems(pdf: bytes) -> list[str]:
    out = []
    for n, page in enumerate(pages(pdf), 1):
        w, h = page["size"]
        for x in page["words"]:
            if not inside(x, 6.35 * MM, 6.35 * MM, w - 6.35 * MM, h - 6.35 * MM):
                out.append(f"p{n}: {x['text'][:20]!r} outside the page frame")
            elif x["size"] < 7.95:
                out.append(f"p{n}: {x['text'][:20]!r} at {x['size']:.1f} pt")
        for r in page["rects"]:
            if r["x0"] < -0.5 or r["x1"] > w + 0.5:
                out.append(f"p{n}: a box drawn off the page at x={r['x0']:.0f}")
                break
    return out


def card_problems(pdf: bytes, paper: str, card: str) -> list[str]:
    sheet = card_sheet(SHEETS[paper], card, "long", (0.0, 0.0))
    out = []
    lead = 2 if sheet.edge else 0  # a quarter sheet's printing instructions and the blank behind them
    for n, page in enumerate(pages(pdf)[lead:], lead + 1):
        w, h = page["size"]
        slots = [*(sheet.slot(i) for i in range(sheet.per_sheet)), *(sheet.back_slot(i) for i in range(sheet.per_sheet))]
        for x in page["words"]:
            cx, cy = (x["x0"] + x["x1"]) / 2, h - (x["top"] + x["bottom"]) / 2
            slot = next((s for s in slots if s.x <= cx <= s.right and s.y <= cy <= s.top), None)
            if slot is None:
                continue  # the printing note, the instructions page
            safe = slot.inset(sheet.safe)
            if not inside(x, safe.x, h - safe.top, safe.right, h - safe.y):
                out.append(f"p{n}: {x['text'][:20]!r} leaves its card")
            elif x["size"] < 7.95:
                out.append(f"p{n}: {x['text'][:20]!r} at {x['size']:.1f} pt")
        boxes = [r for r in page["rects"] if abs(r["width"] - r["height"]) < 0.2 and 3 * MM <= r["width"] <= 8 * MM]
        for r in boxes:
            cx, cy = (r["x0"] + r["x1"]) / 2, h - (r["top"] + r["bottom"]) / 2
            slot = next((s for s in slots if s.x <= cx <= s.right and s.y <= cy <= s.top), None)
            safe = slot.inset(sheet.safe) if slot is not None else None
            if safe is not None and not inside(r, safe.x, h - safe.top, safe.right, h - safe.y):
                out.append(f"p{n}: a tick box leaves its card")
                break
        for x in page["words"]:
            if any(inside(x, r["x0"], r["top"], r["x1"], r["bottom"], tol=-0.5) or _overlap(x, r) for r in boxes):
                out.append(f"p{n}: {x['text'][:20]!r} over a tick box")
                break
    return out


def _overlap(a, b) -> bool:
    dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return dx > 0.5 and dy > 0.5


def poster_problems(pdf: bytes) -> list[str]:
    out = []
    for n, page in enumerate(pages(pdf), 1):  # a long plan's weeks go over several sheets
        w, h = page["size"]
        out += [f"p{n}: {x['text'][:20]!r} outside the frame" for x in page["words"] if not inside(x, 10 * MM, 10 * MM, w - 10 * MM, h - 10 * MM)]
        out += [f"p{n}: {x['text'][:20]!r} at {x['size']:.1f} pt" for x in page["words"] if x["size"] < 11.95]
    return out


NARROW: list[float] = []


def _watch_set_cells() -> None:
    """Record the narrowest set cell and exercise column of every session table measured."""
    measure = table_mod.RuledTable.measure

    def watched(self, width, avail=float("inf")):
        h = measure(self, width, avail)
        titles = [c.title for c in self.columns]
        if "Set 1" in titles:
            ws = self._widths
            cells = [w for c, w in zip(self.columns, ws, strict=True) if c.title.startswith("Set ")]
            NARROW.append(min(min(cells), ws[0]))
        return h

    table_mod.RuledTable.measure = watched  # type: ignore[method-assign]


def run(name: str, make, only: set[str] | None) -> list[str]:
    p, exs = make()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "plans").mkdir()
        (root / "exercises").mkdir()
        (root / "plans" / "matrix.yaml").write_text(yaml.safe_dump(p, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for k, v in exs.items():
            (root / "exercises" / f"{k}.yaml").write_text(yaml.safe_dump(v, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            t = time.perf_counter()
            built = plan_from(load_library(root), "matrix", dt.date(2027, 1, 4))
            load_s = time.perf_counter() - t
        except CardgenError as exc:
            first = exc.format_message().splitlines()[0]
            return [f"{name:28} content  REFUSED {first[:150]}"]
        except Exception:
            return [f"{name:28} content  TRACEBACK {traceback.format_exc().splitlines()[-1][:150]}"]
        jobs = [("booklet", paper, None) for paper in PAPERS] + [("poster", paper, None) for paper in PAPERS]
        jobs += [("cards", paper, card) for paper in PAPERS for card in CARDS]
        for product, paper, card in jobs:
            label = f"{product}:{paper}" + (f":{card}" if card else "")
            if only and product not in only:
                continue
            NARROW.clear()
            options = BuildOptions("matrix", paper=paper, only=(product,), card=card or "quarter", athlete="Zoë Łukasiewicz")
            t = time.perf_counter()
            try:
                pdfs = render(built, options)
            except CardgenError as exc:
                msg = exc.format_message()
                bad = " INTERNAL-NAME" if INTERNAL.search(msg) else ""
                lines.append(f"{name:28} {label:26} REFUSED{bad} {msg[:160]}")
                continue
            except Exception:
                lines.append(f"{name:28} {label:26} TRACEBACK {traceback.format_exc().splitlines()[-1][:150]}")
                continue
            secs = time.perf_counter() - t
            pdf = pdfs[{"booklet": "booklet.pdf", "poster": "poster.pdf", "cards": "cards.pdf"}[product]]
            found = []
            if secs > SLOW:
                found.append(f"slow {secs:.1f} s ({len(pdf) / 1e6:.1f} MB)")
            if len(pdf) > 5e6:
                found.append(f"{len(pdf) / 1e6:.1f} MB")
            if NARROW and min(NARROW) < 12 * MM - 0.01:
                found.append(f"a table column {min(NARROW) / MM:.1f} mm wide")
            if len(pdf) < 20e6:
                check = {"booklet": booklet_problems, "poster": poster_problems}.get(product)
                found += check(pdf) if check else card_problems(pdf, paper, card or "quarter")
            warn = [w for w in pdfs.warnings if "shrunk" not in w]
            state = "OK" if not found else "BROKEN"
            detail = "; ".join(found[:3]) + (f" (+{len(found) - 3})" if len(found) > 3 else "")
            sheets = f" ({len(pages(pdf))} sheets)" if product == "poster" and len(pages(pdf)) > 1 else ""
            lines.append(f"{name:28} {label:26} {state}{sheets} {secs:5.2f}s {detail}" + (f" | warn: {warn[0][:100]}" if warn else ""))
        lines.insert(0, f"{name:28} content  OK load {load_s:.2f}s")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="variations whose name starts with one of these, comma-separated")
    ap.add_argument("--products", help="booklet,cards,poster")
    args = ap.parse_args()
    _watch_set_cells()
    wanted = args.only.split(",") if args.only else None
    products = set(args.products.split(",")) if args.products else None
    for name, make in variations():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        for line in run(name, make, products):
            print(line, flush=True)


if __name__ == "__main__":
    main()
