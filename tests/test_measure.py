"""What the layout measures must be exactly what ReportLab would: the widths of strings."""

from __future__ import annotations

import sys

from reportlab.pdfbase.pdfmetrics import stringWidth

from cardgen.content.load import load_library
from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.render import text
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
