"""What the layout measures and reuses must be exactly what it would compute afresh: the widths of
strings as ReportLab gives them, and a booklet laid out again from the parts that did not change."""

from __future__ import annotations

import sys

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.content.load import load_library
from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.render import text
from cardgen.render.booklet import assemble
from cardgen.render.text import text_width
from cardgen.resources import shipped
from cardgen.style.fonts import BOLD, ITALIC, REGULAR, register

LIBRARY = load_library(shipped("content"))


def test_text_width_is_reportlabs_string_width_for_every_string_a_build_measures(monkeypatch):
    register()
    asked: list[tuple[str, str, float]] = []

    def recording(s: str, font: str, size: float) -> float:
        asked.append((s, font, size))
        return text_width(s, font, size)

    # Every module that measures imported the function by name: record the calls of all of them.
    for module in [m for name, m in sys.modules.items() if name.startswith("cardgen.") and getattr(m, "text_width", None) is text_width]:
        monkeypatch.setattr(module, "text_width", recording)
    monkeypatch.setattr(text, "_UNITS", {})  # measured afresh, not from an earlier test's build
    for plan_id, paper, card in (("8-week-half", "a4", "quarter"), ("heavy-strength-runners", "letter", "id1"), ("six-move-leg-workout", "a4", "a7")):
        plan = plan_from(LIBRARY, plan_id)
        render(plan, BuildOptions(plan_id, paper=paper, card=card, athlete="Zoë Łukasiewicz-Ní Bhriain"))
    assert len(asked) > 5_000 and {f for _, f, _ in asked} >= {REGULAR, BOLD}
    wrong = [(s, f, z) for s, f, z in set(asked) if text_width(s, f, z) != stringWidth(s, f, z)]
    assert wrong == []


def test_text_width_is_exact_at_any_size_and_for_characters_the_font_lacks():
    register()
    strings = ["", " ", "3\u00a0×\u00a012", "Hip lift (hip thrust)", "Ωμέγα · Straße – “quoted”", "\u0634\u0645\u0633 🙂", "fi" * 200]
    sizes = [5 + i * 0.05 for i in range(700)] + [8, 9.5, 12, 2.0 / 3.0, 1e-3, 144]
    for font in (REGULAR, BOLD, ITALIC):
        for s in strings:
            assert [text_width(s, font, z) for z in sizes] == [stringWidth(s, font, z) for z in sizes], (font, s)


def test_a_font_not_measured_in_whole_units_is_measured_by_reportlab():
    assert text_width("Hello", "Helvetica", 10) == stringWidth("Hello", "Helvetica", 10)
    assert "Helvetica" not in text._UNITS


def test_refs_note_every_reference_a_part_looks_up_found_or_not():
    refs = assemble._Refs({"ex-a": 4, "week-1": 9})
    assert refs["ex-a"] == 4 and "ex-b" not in refs and refs.get("ex-c", 0) == 0
    assert refs.read == {"ex-a": 4, "ex-b": None, "ex-c": None}
    assert dict(refs.items()) == {"ex-a": 4, "week-1": 9}  # walking them all depends on them all
    assert refs.read == {"ex-a": 4, "ex-b": None, "ex-c": None, "week-1": 9}


@pytest.mark.parametrize("plan_id", ["8-week-half", "heavy-strength-runners", "distance-runner-legs"])
def test_a_booklet_laid_out_again_from_the_parts_that_did_not_move_is_the_booklet_laid_out_afresh(monkeypatch, plan_id):
    # 8-week-half settles in a second round where a few alternatives' pages moved; in
    # heavy-strength-runners nearly every reference moved.
    plan = plan_from(LIBRARY, plan_id)
    options = BuildOptions(plan_id, only=("booklet",))
    rounds: list[int] = []
    real = assemble._layout

    def counted(*args, **kwargs):
        rounds.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(assemble, "_layout", counted)
    reused = render(plan, options).files
    assert len(rounds) >= 2  # the case this is about: a second round
    monkeypatch.setattr(assemble._Kept, "part", lambda self, key, refs, left_out, make: make(refs))
    assert render(plan, options).files == reused


def test_no_card_front_is_built_twice_for_the_same_card_type_and_figure_size(monkeypatch):
    # The deck's figure size is found by building every front with figures at full type; the fit
    # then starts with those very fronts instead of building them again.
    from cardgen.render.cards import week

    built: list[tuple[int, int, float, bool, bool]] = []
    real = week.front

    def counted(card, plan, athlete, z, boxes, width, rows, notes, figures=0.0):
        built.append((id(card), id(z), figures, rows, notes))
        return real(card, plan, athlete, z, boxes, width, rows, notes, figures)

    monkeypatch.setattr(week, "front", counted)
    plan = plan_from(LIBRARY, "8-week-half")
    render(plan, BuildOptions("8-week-half", only=("cards",)))
    assert any(figures for _, _, figures, _, _ in built)  # the plan's cards have figures
    assert len(built) == len(set(built))


@pytest.mark.parametrize("alone", [False, True])
def test_a_figure_drawn_again_writes_what_drawing_it_afresh_writes(monkeypatch, alone):
    # A figure's operators are kept and written again (a booklet draws each twice, on its page and on
    # the print file's sheet): the same as drawing it afresh, after any drawing that came before.
    import io

    from cardgen.render import figure as fig
    from cardgen.render.document import Meta, new_canvas
    from cardgen.style.theme import COLOR, MONO

    register()
    plan = plan_from(LIBRARY, "8-week-half")
    figures = [ex.figure for ex in [*plan.exercises.values(), *plan.alternatives.values()] if ex.figure is not None]
    assert figures

    def drawn(theme, order: list[int]) -> dict[int, list[str]]:
        """Each figure's operators, drawn in `order` on one page after other drawing."""
        canv = new_canvas(io.BytesIO(), (600, 800), Meta("t", "a", "s"))
        canv.setLineCap(2)  # a state the figure must not depend on
        canv.setStrokeColorRGB(0.2, 0.4, 0.6)
        out = {}
        for i in order:
            start = len(canv._code)
            fig.draw_pair(canv, theme, figures[i], fig._pair(figures[i], alone), 10.0 + i, 20.0, 2.5 + i / 7, arrow=i % 2 == 0)
            out[i] = canv._code[start:]
        return out

    forwards, backwards = list(range(len(figures))), list(range(len(figures)))[::-1]
    for theme in (MONO, COLOR):
        monkeypatch.setattr(fig, "_DRAWN", {})
        fresh = drawn(theme, forwards)
        assert len(fig._DRAWN) == len(figures)
        assert drawn(theme, backwards) == fresh  # written again, each after other figures than before
        monkeypatch.setattr(fig, "_DRAWN", {})
        assert drawn(theme, backwards) == fresh  # and drawn afresh in that order, the same


def test_numbers_are_written_as_reportlab_writes_them():
    # The canvas writes numbers to 0.01 pt from a table of those it wrote before: each must be
    # ReportLab's own fp_str of the rounded value, and a list of them fp_str's of the list.
    import random

    from reportlab.lib.rl_accel import fp_str

    from cardgen.render.canvas import coords, number

    rng = random.Random(9)
    values = [0.0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.5, -0.5, 1.0, 12.345, 99999.99, -1e-9]
    values += [rng.uniform(-2000, 2000) for _ in range(5000)] + [rng.uniform(-1, 1) for _ in range(2000)]
    for v in values:
        assert number(round(v, 2)) == fp_str(round(v, 2)) and number(round(v, 2)) == fp_str(round(v, 2))  # written, then remembered
    for k in range(-100_000, 100_000, 7):  # a text move: whole hundredths
        assert number(k / 100) == fp_str(k / 100)
    for v in [rng.random() for _ in range(2000)] + [8, 9.5, 10.45, 2.0 / 3.0, 0.125, 1e-8]:  # colours, type sizes
        assert number(v) == fp_str(v)
    for i in range(0, len(values) - 6, 6):
        assert coords(*values[i : i + 6]) == fp_str(*[round(v, 2) for v in values[i : i + 6]])
