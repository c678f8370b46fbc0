"""Race dates and the client's equipment, on plan data (no PDF): the race rule, its errors, --have."""

from __future__ import annotations

import datetime as dt

import pytest

from cardgen.content.load import load_library
from cardgen.equipment import entry_options, lacking, parse_have
from cardgen.errors import CardgenError
from cardgen.pipeline import BuildOptions, plan_from
from cardgen.plan.race import start_for_race, weeks_left

from conftest import SHIPPED_CONTENT

TODAY = dt.date(2026, 11, 27)  # a Friday
KNOWN = "use none, all, or any of band, barbell, bench, box, dumbbell, kettlebell, rack, straps, trap-bar (a wall, chair, sofa or stair is always at hand)"


@pytest.fixture(scope="module")
def library():
    return load_library(SHIPPED_CONTENT)


# --- the race rule -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("race", "weeks", "start"),
    [
        (dt.date(2027, 3, 14), 8, dt.date(2027, 1, 18)),  # a Sunday race: its week's Monday is 8 March
        (dt.date(2027, 3, 13), 8, dt.date(2027, 1, 18)),  # Saturday: the same week
        (dt.date(2027, 3, 8), 8, dt.date(2027, 1, 18)),  # Monday: race week starts that day
        (dt.date(2027, 3, 15), 8, dt.date(2027, 1, 25)),  # the next Monday is the next week
        (dt.date(2027, 3, 14), 1, dt.date(2027, 3, 8)),
    ],
)
def test_week_1_starts_n_minus_1_weeks_before_the_monday_of_race_week(race, weeks, start):
    assert start_for_race(race, weeks) == start
    assert start.weekday() == 0


@pytest.mark.parametrize(
    ("race", "today", "left"),
    [
        (dt.date(2027, 1, 24), TODAY, 8),  # Friday: the first week that can be whole starts on Monday 30 Nov
        (dt.date(2026, 11, 29), TODAY, 0),  # this Sunday: no whole week left
        (dt.date(2026, 11, 29), dt.date(2026, 11, 23), 1),  # on the Monday of race week, that week is whole
        (dt.date(2026, 12, 1), TODAY, 1),
    ],
)
def test_weeks_left_count_whole_weeks_from_the_next_monday(race, today, left):
    assert weeks_left(race, today) == left


def test_race_places_the_plan_so_race_day_is_in_its_last_week(library):
    plan = plan_from(library, "glute-strength-basics", race=dt.date(2027, 3, 14), today=TODAY)  # no race_week of its own
    assert plan.start == dt.date(2027, 2, 1)
    assert plan.race_day == dt.date(2027, 3, 14)
    assert plan.race_week == 6
    assert [w.race for w in plan.weeks] == [False] * 5 + [True]
    assert plan.weeks[-1].start <= plan.race_day <= plan.weeks[-1].end


def test_a_start_that_agrees_with_the_race_is_accepted(library):
    plan = plan_from(library, "8-week-half", start=dt.date(2027, 1, 18), race=dt.date(2027, 3, 14), today=TODAY)
    assert plan.start == dt.date(2027, 1, 18)


def test_race_and_start_that_disagree_say_which_start_agrees(library):
    with pytest.raises(CardgenError) as err:
        plan_from(library, "8-week-half", start=dt.date(2027, 1, 5), race=dt.date(2027, 3, 14), today=TODAY)
    assert err.value.message == (
        "--race 2027-03-14 and --start 2027-01-05 disagree: with a race on Sunday 14 March 2027, "
        "week 1 of this 8-week plan starts on Monday 18 January 2027"
    )


def test_a_race_in_the_past_is_an_error(library):
    with pytest.raises(CardgenError) as err:
        plan_from(library, "8-week-half", race=dt.date(2026, 11, 1), today=TODAY)
    assert err.value.message == "race day 2026-11-01 is in the past"


def test_too_few_weeks_left_says_how_many_and_which_plans_fit(library):
    with pytest.raises(CardgenError) as err:
        plan_from(library, "8-week-half", race=dt.date(2027, 1, 10), today=TODAY)
    assert err.value.message == (
        "race day 2027-01-10 leaves 6 weeks; 8-week-half needs 8 (choose a shorter plan or a later race); "
        "plans that fit: distance-runner-legs (6 weeks), glute-hamstring-half (6 weeks), glute-strength-basics (6 weeks), "
        "six-move-leg-workout (4 weeks), suspended-glute-bridge (4 weeks)"
    )


def test_too_few_weeks_and_no_plan_fits(library):
    with pytest.raises(CardgenError) as err:
        plan_from(library, "8-week-half", race=dt.date(2026, 12, 20), today=TODAY)
    assert err.value.message == "race day 2026-12-20 leaves 3 weeks; 8-week-half needs 8 (choose a shorter plan or a later race)"


def test_a_race_today_is_not_in_the_past_but_leaves_no_week(library):
    with pytest.raises(CardgenError, match=r"^race day 2026-11-27 leaves 0 weeks; six-move-leg-workout needs 4 "):
        plan_from(library, "six-move-leg-workout", race=TODAY, today=TODAY)


def test_build_options_take_dates_and_have_as_typed():
    options = BuildOptions(plan="x", race=dt.datetime(2027, 3, 14, 0, 0), have="band, kettlebell")
    assert options.race == dt.date(2027, 3, 14)
    assert options.have == frozenset({"band", "kettlebell"})
    assert BuildOptions(plan="x").have is None


# --- what a client has -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "have"),
    [
        ("none", frozenset()),
        ("all", None),
        ("band,kettlebell,box", frozenset({"band", "kettlebell", "box"})),
        (" Band , KETTLEBELLS ", frozenset({"band", "kettlebell"})),
        ("trap bar, resistance band", frozenset({"trap-bar", "band"})),
        ("wall, chair", frozenset()),  # always at hand: accepted, nothing to add
    ],
)
def test_parse_have(text, have):
    assert parse_have(text) == have


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kettlebel", f"unknown equipment 'kettlebel' (did you mean 'kettlebell'?); {KNOWN}"),
        ("band,rowing machine", f"unknown equipment 'rowing-machine'; {KNOWN}"),
        ("none,band", f"'none' stands alone; {KNOWN}"),
        (" , ", f"no equipment given; {KNOWN}"),
    ],
)
def test_parse_have_errors(text, message):
    with pytest.raises(CardgenError) as err:
        parse_have(text)
    assert err.value.message == message


@pytest.mark.parametrize(
    ("entry", "options"),
    [
        ("kettlebell or dumbbell", ("kettlebell", "dumbbell")),
        ("kettlebell or dumbbells", ("kettlebell", "dumbbell")),
        ("heavy loop band", ("band",)),
        ("trap bar and plates", ("trap-bar",)),
        ("barbell and plates", ("barbell",)),
        ("suspension straps with bands", ("straps",)),
        ("box or sturdy platform", ("box",)),
        ("bench, chair or sofa", ()),  # a chair is always at hand
        ("stair or low box", ()),
        ("fixed post", ()),
        ("backpack with books or bottles", ()),
        ("foam roller", ()),  # unknown: never a reason to swap
    ],
)
def test_equipment_entries_map_to_the_words_a_coach_types(entry, options):
    assert entry_options(entry) == options


def test_lacking_lists_each_unmet_entry():
    needs = ("barbell and plates", "squat rack")
    assert lacking(needs, None) == ()
    assert lacking(needs, frozenset()) == (("barbell",), ("rack",))
    assert lacking(needs, frozenset({"barbell"})) == (("rack",),)
    assert lacking(("kettlebell or dumbbell",), frozenset({"dumbbell"})) == ()


def test_every_shipped_equipment_entry_is_understood(library):
    from cardgen.equipment import unknown_entries

    assert {k: unknown_entries(ex.equipment) for k, ex in library.exercises.items() if unknown_entries(ex.equipment)} == {}


# --- swaps on plan data ------------------------------------------------------------------------


def _ids(plan, week=1):
    return {s.key: [p.exercise_id for p in s.items] for s in plan.weeks[week - 1].sessions}


def _doses(plan, exercise_id, week=1):
    from cardgen.wording import dose_text

    return {dose_text(p.dose).replace("\u00a0", " ") for s in plan.weeks[week - 1].sessions for p in s.items if p.exercise_id == exercise_id}


def test_have_none_swaps_each_exercise_that_needs_equipment(library):
    plan = plan_from(library, "8-week-half", have=frozenset())
    assert [(s.original, s.substitute, s.missing) for s in plan.swaps] == [
        ("lateral-band-walk", "knee-press-isometric", (("band",),)),
        ("single-leg-deadlift", "backpack-hinge", (("kettlebell", "dumbbell"),)),
    ]
    assert "lateral-band-walk" not in plan.exercises and "knee-press-isometric" in plan.exercises
    assert _ids(plan)["B"] == ["nordic-curl", "backpack-hinge", "hip-thrust", "single-leg-calf-raise"]
    # Counted the same and of the same kind: the slot's by-week dose stays (3 × 6–8, then 8–10 ...).
    assert _doses(plan, "backpack-hinge") == {"3 × 6–8"} and _doses(plan, "backpack-hinge", 3) == {"3 × 8–10"}
    # Steps become a hold: the plan's progression for seconds, and the hold's own side and rest.
    assert _doses(plan, "knee-press-isometric") == {"3 × 30 s each side"}


def test_what_the_client_has_is_not_swapped(library):
    plan = plan_from(library, "8-week-half", have=frozenset({"band", "dumbbell"}))
    assert plan.swaps == ()
    assert plan_from(library, "8-week-half", have=None).swaps == ()


def test_a_jump_that_stands_in_takes_its_own_dose_and_two_moves_do_not_become_one(library):
    plan = plan_from(library, "glute-hamstring-half", have=frozenset())
    # The swing could become a backpack hinge or a broad jump; the hamstring deadlift only a hinge.
    assert _ids(plan)["B"][:2] == ["broad-jump", "backpack-hinge"]
    assert _doses(plan, "broad-jump") == {"3 × 5"}  # not the swing's 3 × 10


def test_a_stand_in_the_session_already_does_leaves_the_original_out(library):
    plan = plan_from(library, "heavy-strength-runners", have=frozenset())
    assert _ids(plan)["A"] == ["pogo-hops", "bulgarian-split-squat", "bent-knee-calf-raise", "side-plank"]
    assert [(s.original, s.left_out) for s in plan.swaps] == [("back-squat", True), ("trap-bar-deadlift", False)]


def test_every_shipped_plan_expands_with_nothing(library):
    for plan_id in library.plans:
        plan = plan_from(library, plan_id, have=frozenset())
        from cardgen.equipment import lacking

        assert [k for k, ex in plan.exercises.items() if lacking(ex.equipment, frozenset())] == [], plan_id


def test_no_exercise_to_stand_in_is_an_error_naming_exercise_plan_and_equipment(tmp_path):
    from cardgen.pipeline import load

    (tmp_path / "exercises").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "exercises" / "sled-push.yaml").write_text(
        "name: Sled push\nmuscles: {primary: [quads]}\nequipment: [sled, kettlebell]\npurpose: Push.\n"
        "steps: [Push the sled.]\ncues: [Low, Drive, Breathe]\nno_equipment:\n  - name: Wall push\n    note: Lean and drive.\n"
        "dose: 3 x 10\n",
        encoding="utf-8",
    )
    (tmp_path / "plans" / "pushes.yaml").write_text(
        "title: Pushes\nweeks: 2\nsessions:\n  A:\n    focus: Push\n    exercises:\n      - exercise: sled-push\n", encoding="utf-8"
    )
    lib = load(tmp_path)
    assert plan_from(lib, "pushes", have=frozenset({"kettlebell"})).swaps == ()  # a sled is nothing cardgen knows
    with pytest.raises(CardgenError) as err:
        plan_from(lib, "pushes", have=frozenset({"band"}))
    assert err.value.message == (
        "Sled push (sled-push) in plan pushes needs kettlebell, which the client lacks (have: band), "
        "and no exercise under its no_equipment can stand in: list one there, or choose another plan"
    )


def test_swap_and_race_wording():
    from cardgen.plan.model import Week
    from cardgen.wording import swap_reason, to_race, to_race_short, week_dates_to_race, week_tag

    assert swap_reason((("kettlebell", "dumbbell"),)) == "No kettlebell or dumbbell"
    assert swap_reason((("barbell",), ("rack",))) == "No barbell or rack"
    assert swap_reason((("trap-bar",),)) == "No trap bar"
    week = Week(3, "Build", "build", "", (), start=dt.date(2027, 2, 1), to_race=5)
    assert to_race(week) == "5\u00a0weeks to race"
    assert to_race_short(week) == "5\u00a0to go"
    assert week_dates_to_race(week) == "1–7\u00a0Feb 2027 · 5\u00a0weeks to race"
    assert week_tag(Week(7, "Deload", "deload", "", (), to_race=1)) == "Deload · 1\u00a0week to race"
    assert to_race(Week(8, "Race week", "taper", "", (), race=True, to_race=0)) == "Race week"
    assert week_tag(Week(8, "Race week", "taper", "", (), race=True, to_race=0)) == "Race week"
    assert to_race(Week(8, "Build", "build", "", ())) == ""


@pytest.mark.parametrize(("have", "band"), [(None, True), (frozenset({"band"}), True), (frozenset(), False), (frozenset({"dumbbell"}), False)])
def test_the_how_to_page_names_a_band_only_to_a_client_who_has_one(library, have, band):
    """A client whose `have:` excludes a band was told to "choose a load or band" and shown "12, red band"."""
    from cardgen.render.booklet.front import how_to
    from cardgen.render.flow import ListBlock
    from cardgen.style.booklet import BOOKLET

    plan = plan_from(library, "8-week-half", have=have)
    [points] = [b for b in how_to(plan, BOOKLET) if isinstance(b, ListBlock)]
    said = " ".join(points.items)
    assert ("band" in said) == band, said
    assert ("Choose a load or band that leaves" in said) == band
    assert "Choose a load that leaves" in said or band
    assert ("“12, red band”" in said) == band and ("“12, bodyweight”" in said) != band
