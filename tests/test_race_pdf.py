"""Race dates, equipment swaps and alternatives as they print: a few PDFs, read back."""

from __future__ import annotations

import datetime as dt

import pytest

from cardgen.pipeline import BuildOptions, plan_from, render

from conftest import LIBRARY, PLANS
from pdfcheck import pages

TODAY = dt.date(2026, 11, 27)
RACE = dt.date(2027, 3, 14)  # a Sunday: an 8-week plan starts on Monday 18 January 2027


def _texts(data: bytes) -> list[str]:
    return [p["text"].replace("\u00a0", " ") for p in pages(data)]


def flat(text: str) -> str:
    """Text without its spaces: a line of mixed bold and regular runs reads back with gaps lost."""
    return "".join(text.split())


def _title(text: str) -> str:
    """A page's first line after its running head."""
    lines = text.split("\n")
    return lines[1] if len(lines) > 1 else ""


def _page_titled(texts: list[str], title: str) -> int:
    """The 1-based number of the page titled `title`."""
    return next(i + 1 for i, t in enumerate(texts) if _title(t) == title)


@pytest.fixture(scope="module")
def no_equipment():
    plan = plan_from(LIBRARY, "8-week-half", race=RACE, have=frozenset(), today=TODAY)
    return plan, render(plan, BuildOptions("8-week-half", race=RACE, have="none"))


def test_the_substitute_has_its_page_and_the_overview_names_the_swap(no_equipment):
    _, pdfs = no_equipment
    texts = _texts(pdfs["booklet.pdf"])
    knee = _page_titled(texts, "Side knee press (hold)")
    hinge = _page_titled(texts, "Backpack hinge")
    overview = texts[_page_titled(texts, "Plan at a glance") - 1]
    assert flat(f"No band: Lateral band walk swapped for Side knee press (hold) (p. {knee})") in flat(overview)
    assert flat(f"No kettlebell or dumbbell: Single-leg deadlift swapped for Backpack hinge (p. {hinge})") in flat(overview)
    assert not {_title(t) for t in texts} & {"Lateral band walk", "Single-leg deadlift"}
    assert "Lateral band walk" not in "\n".join(_texts(pdfs["cards.pdf"]))
    poster = "\n".join(_texts(pdfs["poster.pdf"]))
    assert "Side knee press (hold)" in poster and "Lateral band walk" not in poster


def test_race_dates_on_the_cover_a_week_page_the_cards_and_the_poster(no_equipment):
    _, pdfs = no_equipment
    texts = _texts(pdfs["booklet.pdf"])
    assert "Starts Monday 18 January 2027" in texts[0]
    assert "Race day Sunday 14 March 2027" in texts[0]
    week1 = texts[_page_titled(texts, "Week 1 · Build") - 1]
    assert week1.split("\n")[2] == "18–24 Jan 2027 · 7 weeks to race"
    week8 = texts[_page_titled(texts, "Week 8 · Race week") - 1]
    assert week8.split("\n")[2] == "8–14 Mar 2027"  # its title says race week; no "0 weeks to race"
    cards = _texts(pdfs["cards.pdf"])
    first = next(t for t in cards if t.startswith("Week 1 · Session A"))
    assert first.split("\n")[1] == "7 weeks to race 7 weeks to race"  # the two cards side by side
    assert any("Deload · 1 week to race" in t for t in cards)
    poster = "\n".join(_texts(pdfs["poster.pdf"]))
    assert "Race day Sunday 14 March 2027" in poster and "18–24 Jan · 7 to go" in poster


def test_an_alternative_the_plan_does_not_do_has_an_entry_the_naming_page_points_to():
    plan = plan_from(LIBRARY, "8-week-half")
    texts = _texts(render(plan, BuildOptions("8-week-half", only=("booklet",)))["booklet.pdf"])
    step_up = texts[_page_titled(texts, "Step-up") - 1]
    ref = int(flat(step_up).split("Noequipment:Reverselunge(p.")[1].split(")")[0])
    entry = texts[ref - 1]
    assert "Alternatives" in entry.split("\n")[0]  # the running head
    named = f"Reverse lunge Without equipment, instead of Step-up (p. {_page_titled(texts, 'Step-up')}). Equipment: none"
    assert flat(named) in flat(entry)


@pytest.mark.parametrize("plan_id", PLANS)
@pytest.mark.parametrize("have", [None, frozenset()])
def test_every_named_alternative_has_a_page_or_an_entry(plan_id, have):
    plan = plan_from(LIBRARY, plan_id, have=have)
    named = {v.exercise for ex in plan.exercises.values() for v in (*ex.easier, *ex.harder, *ex.no_equipment) if v.exercise}
    assert named <= set(plan.exercises) | set(plan.alternatives)
    assert not set(plan.exercises) & set(plan.alternatives)
