"""The overview's progression chart: the weekly volume it shows (plain numbers, no PDF), and the bars
as drawn on the "Plan at a glance" page of every shipped plan and of a year-long one."""

from __future__ import annotations

import pytest

from cardgen.doselang import Dose
from cardgen.pipeline import BuildOptions, plan_from, render
from cardgen.plan.exercise import Exercise, Muscles
from cardgen.plan.model import Prescription, SessionPlan, Week
from cardgen.plan.volume import WeekVolume, reps_of, week_volume, weekly_volume
from cardgen.render.booklet.geometry import INNER, OUTER
from cardgen.render.chart import BAR, MIN_BAR, MONO_BAR, Bar, VolumeChart, bars, nice_ticks
from cardgen.style.fonts import register
from cardgen.style.theme import COLOR, MONO

from conftest import BAND_WALK, PLANS
from pdfcheck import MM, pages

# -- the numbers ------------------------------------------------------------------------------------


def _item(dose: Dose) -> Prescription:
    ex = Exercise("Move", Muscles(("glutes",)), "For.", ("Do it.",), ("a", "b", "c"), dose, 60)
    return Prescription("move", ex, dose)


def _week(*doses: Dose, kind: str = "build", race: bool = False) -> Week:
    return Week(1, "Build", kind, "", (SessionPlan("A", "Glutes", tuple(_item(d) for d in doses)),), race=race)


def test_reps_count_the_middle_of_a_range_and_both_sides():
    assert reps_of(Dose(3, 8, 10, "reps", False)) == 27
    assert reps_of(Dose(2, 10, 10, "steps", True)) == 40


def test_a_hold_counts_one_rep_for_every_three_seconds():
    assert reps_of(Dose(3, 30, 30, "seconds", False)) == 30
    assert reps_of(Dose(2, 20, 20, "seconds", True)) == pytest.approx(80 / 3)


def test_a_week_adds_up_every_session_and_knows_its_easy_weeks():
    week = _week(Dose(3, 8, 10, "reps", False), Dose(3, 30, 30, "seconds", True))
    assert (week_volume(week).reps, week_volume(week).sets, week_volume(week).easy) == (87, 6, False)
    assert week_volume(_week(Dose(1, 5, 5, "reps", False), kind="deload")).easy
    assert week_volume(_week(Dose(1, 5, 5, "reps", False), race=True)).easy


def test_a_shipped_plan_s_build_deload_and_taper():
    from conftest import LIBRARY

    volume = weekly_volume(plan_from(LIBRARY, "8-week-half"))
    reps = [v.reps for v in volume]
    assert [v.easy for v in volume] == [False] * 6 + [True, True]
    assert reps[0] <= reps[3] <= reps[5]  # it builds
    assert reps[6] < reps[5] and reps[7] < reps[6]  # deload, then less again in race week


def test_a_chart_too_narrow_for_a_bar_a_week_groups_weeks_by_their_mean():
    register()  # the chart measures its labels in the bundled font
    weeks = [WeekVolume(n, 10 * n, 3, n % 4 == 0) for n in range(1, 53)]
    assert bars(weeks[:4], 2) == [Bar(1, 2, 15, False), Bar(3, 4, 35, True)]
    chart = VolumeChart(weeks, 30 * MM, 8)
    chart.measure(200 * MM)
    assert chart.group == 1 and len(chart.bars) == 52
    chart.measure(60 * MM)
    assert chart.group > 1 and len(chart.bars) == -(-52 // chart.group)
    slot = (60 * MM - chart.gutter) / len(chart.bars)
    assert slot * BAR >= MIN_BAR


def test_ticks_start_at_zero_in_round_steps_past_the_top():
    assert nice_ticks(610) == [0, 200, 400, 600, 800]
    assert nice_ticks(822) == [0, 250, 500, 750, 1000]
    assert nice_ticks(37) == [0, 10, 20, 30, 40]
    assert nice_ticks(0) == [0, 1]


# -- on the page ----------------------------------------------------------------------------------------


def _close(a, b) -> bool:
    return all(abs(x - y) < 0.01 for x, y in zip(a, b, strict=True))


def overview_page(pdf: bytes) -> dict:
    return next(p for p in pages(pdf) if "Reps per week" in p["text"])


def chart_bars(page: dict, colour) -> list[dict]:
    return sorted((r for r in page["rects"] if r["non_stroking_color"] and _close(r["non_stroking_color"], colour)), key=lambda r: r["x0"])


def _check(page: dict, plan, colour) -> list[dict]:
    bars = chart_bars(page, colour)
    volume = weekly_volume(plan)
    assert len(bars) == len(volume)
    # Heights in proportion to the numbers, from one baseline (the axis starts at zero).
    top = max(v.reps for v in volume)
    tallest = max(b["height"] for b in bars)
    for bar, v in zip(bars, volume, strict=True):
        assert bar["height"] / tallest == pytest.approx(v.reps / top, abs=0.005)
    assert len({round(b["bottom"], 2) for b in bars}) == 1
    # Inside the frame, and above the table (whose header row starts with "Week").
    width, height = page["size"]
    margin = min(OUTER, INNER) - 0.5
    assert all(margin <= b["x0"] and b["x1"] <= width - margin and b["top"] >= 14 * MM for b in bars)
    header = min(w["top"] for w in page["words"] if w["text"] == "Page")
    assert max(b["bottom"] for b in bars) < header
    return bars


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_shipped_plan_s_overview_has_its_chart_and_its_whole_table(built, plan_id):
    plan, pdfs = built[plan_id, "a4"]
    page = overview_page(pdfs["booklet.pdf"])
    _check(page, plan, MONO_BAR)
    labels = {w["text"] for w in page["words"]}
    assert str(len(plan.weeks)) in labels and "Page" in labels
    # The whole table on this one page: the last week's row is there.
    assert f"Week {len(plan.weeks)}" in page["text"].replace("\u00a0", " ")


def _apart(a: dict, b: dict) -> float:
    """How far apart two word boxes are: the larger of their horizontal and vertical gaps (≤ 0: they touch)."""
    return max(a["x0"] - b["x1"], b["x0"] - a["x1"], a["top"] - b["bottom"], b["top"] - a["bottom"])


@pytest.mark.parametrize("key", [(p, "a4") for p in PLANS] + [("8-week-half", "letter")])
def test_the_unit_stands_clear_of_the_top_tick_label(built, key):
    """"reps" sat on the top tick's "800", their boxes touching: the unit heads the axis beside it."""
    page = overview_page(built[key][1]["booklet.pdf"])
    [unit] = [w for w in page["words"] if w["text"] == "reps"]
    axis = [w for w in page["words"] if w["text"].isdigit() and w["x1"] < unit["x0"] and abs(w["top"] - unit["top"]) < 20]
    assert axis, "the top tick's label is beside the unit"
    top_tick = max(axis, key=lambda w: int(w["text"]))
    assert _apart(unit, top_tick) >= 1.0, (unit, top_tick)
    bars = chart_bars(page, MONO_BAR)
    assert unit["bottom"] <= min(b["top"] for b in bars) + 0.01, "above the tallest bar"
    assert unit["x0"] > top_tick["x1"]


@pytest.mark.parametrize("plan_id", PLANS)
def test_on_letter_too(plan_id):
    from conftest import LIBRARY

    plan = plan_from(LIBRARY, plan_id)
    page = overview_page(render(plan, BuildOptions(plan_id, only=("booklet",), paper="letter"))["booklet.pdf"])
    _check(page, plan, MONO_BAR)
    assert f"Week {len(plan.weeks)}" in page["text"].replace("\u00a0", " ")


def test_letter_and_the_colour_theme(built):
    plan, pdfs = built["8-week-half", "letter"]
    _check(overview_page(pdfs["booklet.pdf"]), plan, MONO_BAR)
    coloured = render(plan, BuildOptions("8-week-half", only=("booklet",), theme="color", paper="letter"))
    page = overview_page(coloured["booklet.pdf"])
    bars = _check(page, plan, COLOR.accent)
    # Deload and race week shaded behind their bars, as their table rows are.
    shaded = [r for r in page["rects"] if r["non_stroking_color"] and _close(r["non_stroking_color"], COLOR.fill) and r["bottom"] <= bars[0]["bottom"] + 0.01]
    assert sorted(round(r["x0"] + r["width"] / 2) for r in shaded) == [round(b["x0"] + b["width"] / 2) for b in bars[-2:]]
    assert MONO.fill != COLOR.fill


YEAR = """\
title: A year
weeks: 52
phases:
  - {weeks: "4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48", name: Deload, kind: deload, sets: 2}
  - {weeks: 52, name: Race week, kind: taper, sets: 1}
sessions:
  A:
    focus: Hips
    exercises:
      - exercise: band-walk
"""


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_year_long_plan_keeps_a_bar_a_week_at_least_1_mm_wide(content, paper):
    content.write("exercises/band-walk.yaml", BAND_WALK)
    content.write("plans/year.yaml", YEAR)
    plan = plan_from(content.load(), "year")
    pdf = render(plan, BuildOptions("year", only=("booklet",), paper=paper))["booklet.pdf"]
    page = overview_page(pdf)
    bars = chart_bars(page, MONO_BAR)
    assert len(bars) == 52
    assert min(b["width"] for b in bars) >= MIN_BAR - 0.01
    # At the head of the overview, on its first page, the table starting under it.
    assert page["text"].startswith("A year Plan at a glance\nPlan at a glance")
    assert "\nWeek 1 " in page["text"].replace("\u00a0", " ")
