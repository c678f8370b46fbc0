"""The one place that words doses, dates and weeks: exact strings, no PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from cardgen.doselang import Dose
from cardgen.wording import curly, date_range, dose_text, page_ref, plural, rest_text, weeks_text

NB = "\u00a0"


@pytest.mark.parametrize(
    "dose, text",
    [
        (Dose(3, 8, 10, "reps", False, 60), f"3{NB}×{NB}8–10"),
        (Dose(3, 12, 12, "reps", True, 60), f"3{NB}×{NB}12 each side"),
        (Dose(3, 30, 45, "seconds", False, 30), f"3{NB}×{NB}30–45{NB}s"),
        (Dose(2, 10, 10, "steps", True, 45), f"2{NB}×{NB}10{NB}steps each side"),
    ],
)
def test_dose_text_never_breaks_inside_a_number_and_its_unit(dose, text):
    assert dose_text(dose) == text


def test_rest_plural_pages_and_weeks():
    assert rest_text(45) == f"rest 45{NB}s"
    assert rest_text(120) == f"rest 2{NB}min"
    assert [plural(1, "week"), plural(3, "week")] == [f"1{NB}week", f"3{NB}weeks"]
    assert page_ref(12) == f"p.{NB}12"
    assert weeks_text([4]) == f"week{NB}4"
    assert weeks_text([1, 2, 3, 5, 7, 8]) == f"weeks{NB}1–3, 5, 7–8"


def test_date_ranges_say_the_year_once():
    assert date_range(dt.date(2026, 3, 2), dt.date(2026, 3, 8)) == f"2–8{NB}Mar 2026"
    assert date_range(dt.date(2026, 3, 30), dt.date(2026, 4, 5)) == f"30{NB}Mar – 5{NB}Apr 2026"
    assert date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3)) == f"28{NB}Dec 2026 – 3{NB}Jan 2027"
    assert date_range(dt.date(2026, 3, 30), dt.date(2026, 4, 5), year=False) == f"30{NB}Mar – 5{NB}Apr"


def test_curly_quotes_and_apostrophes():
    assert curly("Don't lock the knees") == "Don’t lock the knees"
    assert curly('Say "up" (and \'hold\')') == "Say “up” (and ‘hold’)"
    assert curly("no quotes") == "no quotes"


def test_a_session_summary_is_true_of_the_whole_session_or_names_its_main_lift():
    from cardgen.pipeline import load, plan_from
    from cardgen.wording import session_summary

    plan = plan_from(load(), "8-week-half")
    for week in plan.weeks:
        for s in week.sessions:
            text = session_summary(s)
            doses = {dose_text(p.dose, side=False) for p in s.items}
            if len(doses) == 1:
                assert text == doses.pop()
            else:
                named = [p for p in s.items if text == f"{p.exercise.name} {dose_text(p.dose, side=False)}"]
                assert named and named[0].exercise.kind != "power", text


def test_rest_summary_names_the_exceptions_to_the_usual_rest():
    from cardgen.pipeline import load, plan_from
    from cardgen.wording import rest_summary

    week = plan_from(load(), "8-week-half").weeks[3]
    for s in week.sessions:
        text = rest_summary(s.items).replace(NB, " ")
        rests = [p.dose.rest for p in s.items]
        usual = max(set(rests), key=rests.count)
        assert text.startswith(rest_text(usual).replace(NB, " "))
        for p in s.items:
            assert (p.exercise.name in text) == (p.dose.rest != usual), text
