"""The dose language and the expansion of a plan template into weeks (no files, no PDF)."""

from __future__ import annotations

import datetime as dt

import pytest

from cardgen import to_plan
from cardgen.content.load import load_library
from cardgen.content.schema import Exercise, PlanTemplate
from cardgen.doselang import Dose, parse_dose, parse_weeks
from cardgen.plan.ramp import RANGES, count_ladder, ramp_at
from cardgen.wording import week_dates

from conftest import SHIPPED_CONTENT

DOSE_SYNTAX = "a dose like '3 x 10', '3 x 8-10', '3 x 30 s' or '2 x 10 steps/side, rest 45 s'"
WEEKS_SYNTAX = "expected weeks like 3, '1-6' or '1-3, 7'"


def show(dose: Dose) -> str:
    """A dose in the tests' shorthand ("3 × 10–13/side"); what products print is wording's job."""
    span = f"{dose.low}" if dose.low == dose.high else f"{dose.low}–{dose.high}"
    unit = {"seconds": " s", "steps": " steps"}.get(dose.unit or "", "")
    return f"{dose.sets} × {span}{unit}" + ("/side" if dose.per_side else "")


# --- the dose language -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, dose",
    [
        ("3 x 10", Dose(3, 10, 10)),
        ("3 x 8-10", Dose(3, 8, 10)),
        ("3×8–10", Dose(3, 8, 10)),
        ("  3 X 8 - 10  ", Dose(3, 8, 10)),
        ("3 x 10 reps", Dose(3, 10, 10, unit="reps")),
        ("3 x 1 rep", Dose(3, 1, 1, unit="reps")),
        ("3 x 30 s", Dose(3, 30, 30, unit="seconds")),
        ("3 x 30s", Dose(3, 30, 30, unit="seconds")),
        ("3 x 30 sec", Dose(3, 30, 30, unit="seconds")),
        ("3 x 30 Seconds", Dose(3, 30, 30, unit="seconds")),
        ("3 x 10 steps", Dose(3, 10, 10, unit="steps")),
        ("3 x 10 steps/side", Dose(3, 10, 10, unit="steps", per_side=True)),
        ("3 x 10/side", Dose(3, 10, 10, per_side=True)),
        ("3 x 10 per side", Dose(3, 10, 10, per_side=True)),
        ("3 x 10 each leg", Dose(3, 10, 10, per_side=True)),
        ("2 x 12, rest 45 s", Dose(2, 12, 12, rest=45)),
        ("2 x 12, rest 45", Dose(2, 12, 12, rest=45)),
        ("2 x 10 steps/side, rest 45 s", Dose(2, 10, 10, unit="steps", per_side=True, rest=45)),
        ("3 x 10-10", Dose(3, 10, 10)),
    ],
)
def test_parse_dose_good(text, dose):
    assert parse_dose(text) == dose


@pytest.mark.parametrize(
    "text, message",
    [
        ("three sets", f"expected {DOSE_SYNTAX}, found 'three sets'"),
        ("3 x", f"expected {DOSE_SYNTAX}, found '3 x'"),
        ("", f"expected {DOSE_SYNTAX}, found ''"),
        ("3 x 10, rest", f"expected {DOSE_SYNTAX}, found '3 x 10, rest'"),
        ("3 x 10 s s", f"expected {DOSE_SYNTAX}, found '3 x 10 s s'"),
        ("3 x 2.5", f"expected {DOSE_SYNTAX}, found '3 x 2.5'"),
        (10, f"expected {DOSE_SYNTAX}, found '10'"),
        (None, f"expected {DOSE_SYNTAX}, found None"),
        (True, f"expected {DOSE_SYNTAX}, found True"),
        (3.5, f"expected {DOSE_SYNTAX}, found 3.5"),
        ("3 x 10 kg", "unknown unit 'kg' in '3 x 10 kg'; use reps, s or steps"),
        ("0 x 10", "sets and targets must be at least 1, found '0 x 10'"),
        ("3 x 0", "sets and targets must be at least 1, found '3 x 0'"),
        ("3 x 12-8", "a range must rise, found 12-8 in '3 x 12-8'"),
    ],
)
def test_parse_dose_bad(text, message):
    with pytest.raises(ValueError) as info:
        parse_dose(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "dose, shown",
    [
        (Dose(3, 8, 10, unit="reps", per_side=False), "3 × 8–10"),
        (Dose(3, 12, 12, unit="reps", per_side=True), "3 × 12/side"),
        (Dose(3, 30, 30, unit="seconds", per_side=False), "3 × 30 s"),
        (Dose(3, 30, 45, unit="seconds", per_side=True), "3 × 30–45 s/side"),
        (Dose(2, 10, 10, unit="steps", per_side=True), "2 × 10 steps/side"),
    ],
)
def test_dose_as_printed(dose, shown):
    assert show(dose) == shown


def test_dose_defaults_fill_only_what_was_not_written():
    assert parse_dose("3 x 10").with_defaults("steps", True, 30) == Dose(3, 10, 10, "steps", True, 30)
    assert parse_dose("3 x 10 reps/side, rest 60 s").with_defaults("reps", False, 30) == Dose(3, 10, 10, "reps", True, 60)


@pytest.mark.parametrize(
    "text, weeks",
    [
        (3, (3,)),
        ("3", (3,)),
        ("1-6", (1, 2, 3, 4, 5, 6)),
        ("1 – 3", (1, 2, 3)),
        ("1-3, 7", (1, 2, 3, 7)),
        ("7, 1-2", (1, 2, 7)),
        ("1-3, 2-4", (1, 2, 3, 4)),
        ("5-5", (5,)),
    ],
)
def test_parse_weeks_good(text, weeks):
    assert parse_weeks(text) == weeks


@pytest.mark.parametrize(
    "text, message",
    [
        ("first", f"{WEEKS_SYNTAX}, found 'first'"),
        ("", f"{WEEKS_SYNTAX}, found ''"),
        ("1-3; 7", f"{WEEKS_SYNTAX}, found '1-3; 7'"),
        (True, f"{WEEKS_SYNTAX}, found True"),
        ([1, 2], f"{WEEKS_SYNTAX}, found [1, 2]"),
        (2.0, f"{WEEKS_SYNTAX}, found 2.0"),
        (-1, f"{WEEKS_SYNTAX}, found -1"),
        (0, "week ranges start at 1 and rise, found '0'"),
        ("3-1", "week ranges start at 1 and rise, found '3-1'"),
        ("1-2, 0-1", "week ranges start at 1 and rise, found '0-1'"),
    ],
)
def test_parse_weeks_bad(text, message):
    with pytest.raises(ValueError) as info:
        parse_weeks(text)
    assert str(info.value) == message


def test_parse_weeks_within_the_plan():
    assert parse_weeks("1-8", total=8) == tuple(range(1, 9))
    with pytest.raises(ValueError) as info:
        parse_weeks("1-3, 9", total=8)
    assert str(info.value) == "the plan has 8 weeks, found week 9"


# --- expansion of small templates --------------------------------------------------------------


def exercise(counted="reps", per_side=False, dose="3 x 10", **fields) -> Exercise:
    return Exercise.model_validate(
        {
            "name": f"A {counted} exercise",
            "muscles": {"primary": ["glutes"]},
            "counted": counted,
            "per_side": per_side,
            "purpose": "Testing.",
            "steps": ["Do it."],
            "cues": ["One", "Two", "Three"],
            "dose": dose,
            **fields,
        }
    )


EXERCISES = {
    "bridge": exercise("reps", False, "3 x 12-15"),
    "lunge": exercise("reps", True, "3 x 8"),
    "plank": exercise("seconds", False, "3 x 30 s"),
    "walk": exercise("steps", True, "3 x 10 steps"),
}


def template(weeks=8, items=({"exercise": "bridge"},), **fields) -> PlanTemplate:
    return PlanTemplate.model_validate(
        {"title": "T", "weeks": weeks, "sessions": {"A": {"focus": "F", "exercises": list(items)}}, **fields}
    )


def doses(tpl: PlanTemplate, exercise_id: str = "bridge", start=None) -> list[str | None]:
    """The printed dose of one exercise in every week (None where it is not done)."""
    out = []
    for week in to_plan.plan("t", tpl, EXERCISES, start).weeks:
        found = [p for s in week.sessions for p in s.items if p.exercise_id == exercise_id]
        out.append(show(found[0].dose) if found else None)
    return out


RAMP = {"from": "3 x 8-10", "to": "3 x 12-15", "over": "1-6"}


def test_ramp_steps_through_the_ranges_coaches_use_and_holds_after():
    # was 8–10, 9–11, 10–12, 10–13, 11–14, 12–15: interpolated ranges no coach writes (issue 6)
    tpl = template(progression={"reps": RAMP})
    assert doses(tpl) == ["3 × 8–10", "3 × 8–10", "3 × 10–12", "3 × 10–12", "3 × 12–15", "3 × 12–15", "3 × 12–15", "3 × 12–15"]


def test_ramp_weeks_before_it_get_from():
    tpl = template(weeks=6, items=[{"exercise": "bridge", "dose": {"from": "3 x 10", "to": "3 x 14", "over": "3-5"}}])
    assert doses(tpl) == ["3 × 10", "3 × 10", "3 × 10", "3 × 12", "3 × 14", "3 × 14"]


def test_ramp_of_sets_rounds_half_up():
    tpl = template(weeks=6, items=[{"exercise": "bridge", "dose": {"from": "2 x 3", "to": "3 x 6", "over": "1-6"}}])
    assert doses(tpl) == ["2 × 3", "2 × 4", "2 × 4", "3 × 5", "3 × 5", "3 × 6"]


def test_ramp_of_seconds_moves_in_5_s_steps():
    tpl = template(items=[{"exercise": "plank"}], progression={"seconds": {"from": "3 x 30 s", "to": "3 x 45 s", "over": "1-6"}})
    assert doses(tpl, "plank") == ["3 × 30 s", "3 × 35 s", "3 × 35 s", "3 × 40 s", "3 × 40 s", "3 × 45 s", "3 × 45 s", "3 × 45 s"]


def test_ramp_over_a_single_week_jumps():
    tpl = template(weeks=4, items=[{"exercise": "bridge", "dose": {"from": "3 x 8", "to": "3 x 12", "over": 3}}])
    assert doses(tpl) == ["3 × 8", "3 × 8", "3 × 8", "3 × 12"]


def test_by_week_carries_the_latest_listed_week_forward():
    tpl = template(weeks=6, items=[{"exercise": "bridge", "dose": {"by_week": {2: "3 x 8", 4: "3 x 12", 5: "2 x 10"}}}])
    # Week 1 is before the first listed week, so it takes that one.
    assert doses(tpl) == ["3 × 8", "3 × 8", "3 × 8", "3 × 12", "2 × 10", "2 × 10"]


def test_ramp_and_by_week_entries_win_in_their_weeks():
    dose = {"ramp": {"from": "3 x 8", "to": "3 x 12", "over": "1-4"}, "by_week": {5: "2 x 8"}}
    tpl = template(weeks=6, items=[{"exercise": "bridge", "dose": dose}])
    assert doses(tpl) == ["3 × 8", "3 × 10", "3 × 10", "3 × 12", "2 × 8", "3 × 12"]  # was 9, 11: counts step by 2


def test_dose_order_item_then_progression_then_exercise_default():
    items = [
        {"exercise": "bridge", "dose": "2 x 5"},
        {"exercise": "lunge"},
        {"exercise": "plank"},
    ]
    tpl = template(weeks=1, items=items, progression={"reps": {"from": "3 x 8", "to": "3 x 12", "over": 1}})
    [week] = to_plan.plan("t", tpl, EXERCISES).weeks
    assert [(p.exercise_id, show(p.dose)) for p in week.sessions[0].items] == [
        ("bridge", "2 × 5"),
        ("lunge", "3 × 8/side"),
        ("plank", "3 × 30 s"),  # no seconds progression: the exercise's own dose
    ]


def test_expanded_doses_are_complete():
    items = [{"exercise": "walk"}, {"exercise": "bridge", "dose": "2 x 10/side, rest 75 s"}]
    tpl = template(weeks=1, items=items)
    [walk, bridge] = to_plan.plan("t", tpl, EXERCISES).weeks[0].sessions[0].items
    assert walk.dose == Dose(3, 10, 10, unit="steps", per_side=True, rest=60)  # a strength exercise's rest
    assert bridge.dose == Dose(2, 10, 10, unit="reps", per_side=True, rest=75)
    assert show(walk.dose) == "3 × 10 steps/side"


REST_EXERCISES = {
    "jump": exercise(kind="power"),
    "deadlift": exercise(kind="heavy", dose="3 x 5"),
    "nordic": exercise(kind="eccentric", dose="2 x 3"),
    "bridge": exercise(),
    "plank": exercise("seconds", kind="stability", dose="3 x 30 s"),
    "split-squat": exercise(per_side=True, rest=90),
}


def rests(tpl: PlanTemplate) -> dict[str, int | None]:
    [week] = to_plan.plan("t", tpl, REST_EXERCISES).weeks
    return {p.exercise_id: p.dose.rest for s in week.sessions for p in s.items}


def test_rest_comes_from_the_kind_of_exercise_unless_the_exercise_gives_its_own():
    tpl = template(weeks=1, items=[{"exercise": e} for e in REST_EXERCISES])
    assert rests(tpl) == {"jump": 90, "deadlift": 150, "nordic": 120, "bridge": 60, "plank": 30, "split-squat": 90}


def test_a_plans_rest_overrides_its_kind_and_an_items_rest_overrides_everything():
    items = [{"exercise": e} for e in REST_EXERCISES if e != "bridge"] + [{"exercise": "bridge", "dose": "3 x 10, rest 45 s"}]
    tpl = template(weeks=1, items=items, rest={"strength": 30, "power": 120})
    # the plan's strength rest wins over split-squat's own 90 s; kinds it does not name keep theirs
    assert rests(tpl) == {"jump": 120, "deadlift": 150, "nordic": 120, "plank": 30, "split-squat": 30, "bridge": 45}


def test_a_session_done_twice_a_week_is_two_sessions_in_alternating_order():
    tpl = PlanTemplate.model_validate(
        {
            "title": "T",
            "weeks": 2,
            "sessions": {
                "A": {"focus": "Glutes", "per_week": 2, "exercises": [{"exercise": "bridge"}]},
                "B": {"focus": "Core", "exercises": [{"exercise": "plank"}]},
                "Lower": {"focus": "Legs", "per_week": 3, "exercises": [{"exercise": "lunge", "weeks": 2}]},
            },
        }
    )
    plan = to_plan.plan("t", tpl, EXERCISES)
    assert [[s.key for s in w.sessions] for w in plan.weeks] == [
        ["A1", "B", "A2"],
        ["A1", "B", "Lower 1", "A2", "Lower 2", "Lower 3"],
    ]
    week = plan.weeks[1]
    assert [(s.group, s.occurrence, s.per_week) for s in week.sessions] == [
        ("A", 1, 2), ("B", 1, 1), ("Lower", 1, 3), ("A", 2, 2), ("Lower", 2, 3), ("Lower", 3, 3)
    ]
    a1, a2 = week.sessions[0], week.sessions[3]
    assert a1.items == a2.items and a1.focus == a2.focus == "Glutes"
    assert plan.sessions_per_week == 6


def test_a_repeated_session_whose_label_ends_in_a_digit_is_numbered_in_brackets():
    tpl = PlanTemplate.model_validate(
        {"title": "T", "weeks": 1, "sessions": {"Day 1": {"focus": "F", "per_week": 2, "exercises": [{"exercise": "bridge"}]}}}
    )
    assert [s.key for s in to_plan.plan("t", tpl, EXERCISES).weeks[0].sessions] == ["Day 1 (1)", "Day 1 (2)"]


PHASES = [
    {"weeks": "1-4", "name": "Build"},
    {"weeks": 5, "name": "Deload", "kind": "deload", "sets": 2, "like_week": 2, "note": "Easy."},
    {"weeks": 6, "name": "Race week", "kind": "taper", "sets": 1},
]


def test_phases_name_the_weeks_and_change_sets_and_targets():
    tpl = template(weeks=7, progression={"reps": {"from": "3 x 8", "to": "3 x 14", "over": "1-4"}}, phases=PHASES)
    plan = to_plan.plan("t", tpl, EXERCISES)
    assert [(w.phase, w.kind, w.note) for w in plan.weeks] == [
        ("Build", "build", ""),
        ("Build", "build", ""),
        ("Build", "build", ""),
        ("Build", "build", ""),
        ("Deload", "deload", "Easy."),
        ("Race week", "taper", ""),
        ("Build", "build", ""),  # a week in no phase is a build week
    ]
    # week 5 repeats week 2 with 2 sets; week 6 keeps its own (held) target with 1 set
    assert doses(tpl) == ["3 × 8", "3 × 10", "3 × 12", "3 × 14", "2 × 10", "1 × 14", "3 × 14"]


def test_phase_sets_apply_to_a_fixed_item_dose():
    tpl = template(weeks=6, items=[{"exercise": "bridge", "dose": "3 x 6"}], phases=PHASES)
    assert doses(tpl) == ["3 × 6"] * 4 + ["2 × 6", "1 × 6"]


def test_an_items_own_by_week_beats_the_phase():
    dose = {"by_week": {1: "3 x 8", 5: "3 x 20"}}
    tpl = template(weeks=6, items=[{"exercise": "bridge", "dose": dose}], phases=PHASES)
    # week 5 is listed by the item: the deload's sets and like_week do not touch it
    assert doses(tpl) == ["3 × 8", "3 × 8", "3 × 8", "3 × 8", "3 × 20", "1 × 20"]


def test_a_progression_by_week_does_not_beat_the_phase():
    tpl = template(weeks=6, progression={"reps": {"by_week": {1: "3 x 8", 5: "3 x 20"}}}, phases=PHASES)
    assert doses(tpl) == ["3 × 8", "3 × 8", "3 × 8", "3 × 8", "2 × 8", "1 × 20"]


def test_items_with_weeks_appear_only_in_those_weeks():
    items = [
        {"exercise": "bridge", "weeks": "1-2"},
        {"exercise": "lunge", "weeks": "3-4, 6"},
        {"exercise": "walk"},
    ]
    tpl = template(weeks=6, items=items)
    plan = to_plan.plan("t", tpl, EXERCISES)
    assert [[p.exercise_id for p in w.sessions[0].items] for w in plan.weeks] == [
        ["bridge", "walk"],
        ["bridge", "walk"],
        ["lunge", "walk"],
        ["lunge", "walk"],
        ["walk"],
        ["lunge", "walk"],
    ]
    assert list(plan.exercises) == ["bridge", "walk", "lunge"]  # in order of first appearance


def test_a_session_with_nothing_that_week_is_left_out():
    tpl = PlanTemplate.model_validate(
        {
            "title": "T",
            "weeks": 3,
            "sessions": {
                "A": {"focus": "Every week", "exercises": [{"exercise": "bridge"}]},
                "B": {"focus": "Later", "exercises": [{"exercise": "lunge", "weeks": "2-3"}]},
            },
        }
    )
    plan = to_plan.plan("t", tpl, EXERCISES)
    assert [[s.key for s in w.sessions] for w in plan.weeks] == [["A"], ["A", "B"], ["A", "B"]]
    assert plan.sessions_per_week == 2


def test_week_dates_from_a_start_date():
    plan = to_plan.plan("t", template(weeks=3), EXERCISES, dt.date(2025, 3, 24))
    assert [(w.start, w.end) for w in plan.weeks] == [
        (dt.date(2025, 3, 24), dt.date(2025, 3, 30)),
        (dt.date(2025, 3, 31), dt.date(2025, 4, 6)),
        (dt.date(2025, 4, 7), dt.date(2025, 4, 13)),
    ]
    assert [week_dates(w) for w in plan.weeks] == ["24–30 Mar 2025", "31 Mar – 6 Apr 2025", "7–13 Apr 2025"]
    assert plan.start == dt.date(2025, 3, 24)


def test_week_dates_across_the_new_year():
    plan = to_plan.plan("t", template(weeks=2), EXERCISES, dt.date(2025, 12, 29))
    assert [week_dates(w) for w in plan.weeks] == ["29 Dec 2025 – 4 Jan 2026", "5–11 Jan 2026"]


def test_no_start_date_no_dates():
    plan = to_plan.plan("t", template(weeks=2), EXERCISES)
    assert [(w.start, w.end, week_dates(w)) for w in plan.weeks] == [(None, None, "")] * 2


def test_race_flag_only_in_the_race_week():
    plan = to_plan.plan("t", template(weeks=4, race_week=3), EXERCISES)
    assert [w.race for w in plan.weeks] == [False, False, True, False]
    assert plan.race_week == 3
    assert not any(w.race for w in to_plan.plan("t", template(weeks=4), EXERCISES).weeks)


def test_plan_fields_are_copied():
    tpl = template(weeks=2, subtitle="Sub", about="About.", minutes=25)
    plan = to_plan.plan("my-plan", tpl, EXERCISES)
    assert (plan.id, plan.title, plan.subtitle, plan.about, plan.minutes) == ("my-plan", "T", "Sub", "About.", 25)
    assert [w.number for w in plan.weeks] == [1, 2]


# --- the shipped 8-week-half, week by week -----------------------------------------------------


@pytest.fixture(scope="module")
def half():
    library = load_library(SHIPPED_CONTENT)
    return to_plan.plan("8-week-half", library.plans["8-week-half"], library.exercises, dt.date(2025, 3, 3))


def _dose(week, exercise_id):
    found = [p.dose for s in week.sessions for p in s.items if p.exercise_id == exercise_id]
    assert len(found) == 1, f"{exercise_id} in week {week.number}: {found}"
    return found[0]


# week: (phase, kind, session keys, the bridge of the week and its dose, lateral-band-walk, hip-thrust)
# The ramps step through coaches' ranges and counts (issue 6): was 9–11, 10–13, 11–14 and 11, 13 steps.
HALF = {
    1: ("Build", "build", ["A", "B"], "glute-bridge", "3 × 8–10", "3 × 10 steps/side", "3 × 8–10"),
    2: ("Build", "build", ["A", "B"], "glute-bridge", "3 × 8–10", "3 × 10 steps/side", "3 × 8–10"),
    3: ("Build", "build", ["A", "B"], "glute-bridge", "3 × 10–12", "3 × 12 steps/side", "3 × 10–12"),
    # the single-leg bridge replaces the two-legged one with fewer reps, not at its ramp
    4: ("Build", "build", ["A", "B"], "single-leg-bridge", "3 × 6–8/side", "3 × 12 steps/side", "3 × 10–12"),
    5: ("Build", "build", ["A", "B"], "single-leg-bridge", "3 × 8–10/side", "3 × 15 steps/side", "3 × 12–15"),
    6: ("Build", "build", ["A", "B"], "single-leg-bridge", "3 × 8–10/side", "3 × 15 steps/side", "3 × 12–15"),
    7: ("Deload", "deload", ["A", "B"], "single-leg-bridge", "2 × 6–8/side", "2 × 12 steps/side", "2 × 10–12"),
    8: ("Race week", "taper", ["A", "B"], "single-leg-bridge", "2 × 6–8/side", "2 × 10 steps/side", "2 × 8–10"),
}


@pytest.mark.parametrize("number", sorted(HALF))
def test_8_week_half_week_by_week(half, number):
    phase, kind, keys, bridge, bridge_dose, walk_dose, thrust_dose = HALF[number]
    week = half.weeks[number - 1]
    assert week.number == number
    assert (week.phase, week.kind) == (phase, kind)
    assert [s.key for s in week.sessions] == keys
    assert [s.focus for s in week.sessions] == ["Glutes & hips", "Hamstrings & power"]
    assert show(_dose(week, bridge)) == bridge_dose
    assert show(_dose(week, "lateral-band-walk")) == walk_dose
    assert show(_dose(week, "hip-thrust")) == thrust_dose
    for session in week.sessions:
        for p in session.items:  # the plan sets no rest: each exercise's own, or its kind's
            assert p.dose.rest == p.exercise.rest, p.exercise_id
    other = {"glute-bridge": "single-leg-bridge", "single-leg-bridge": "glute-bridge"}[bridge]
    assert not [p for s in week.sessions for p in s.items if p.exercise_id == other]


def test_8_week_half_exercises_come_and_go(half):
    def ids(week):
        return {s.key: [p.exercise_id for p in s.items] for s in week.sessions}

    a_early = ["glute-bridge", "step-up", "lateral-band-walk", "side-lunge", "bent-knee-calf-raise"]
    a_late = ["single-leg-bridge", "step-up", "lateral-band-walk", "side-lunge", "bent-knee-calf-raise"]
    b_base = ["single-leg-deadlift", "hip-thrust"]
    # jumps first while fresh, then the Nordic curls, then the rest
    assert ids(half.weeks[0]) == {"A": a_early, "B": ["nordic-curl", *b_base, "single-leg-calf-raise"]}
    assert ids(half.weeks[2]) == {"A": a_early, "B": ["squat-jump", "nordic-curl", *b_base, "single-leg-calf-raise"]}
    assert ids(half.weeks[6]) == {"A": a_late, "B": ["squat-jump", "nordic-curl", *b_base, "single-leg-calf-raise"]}
    # race week: no Nordic curls, no jumps, no bent-knee calf raises
    assert ids(half.weeks[7]) == {"A": a_late[:-1], "B": [*b_base, "single-leg-calf-raise"]}


def test_8_week_half_item_ramps(half):
    def by_week(exercise_id):
        return [show(_dose(w, exercise_id)) if any(p.exercise_id == exercise_id for s in w.sessions for p in s.items) else None for w in half.weeks]

    assert by_week("nordic-curl") == ["2 × 3", "2 × 4", "2 × 5", "3 × 4", "3 × 5", "3 × 6", "2 × 5", None]
    assert by_week("squat-jump") == [None, None, "3 × 6", "3 × 6", "3 × 6", "3 × 6", "2 × 6", None]
    assert by_week("bent-knee-calf-raise") == [
        "3 × 10–12/side", "3 × 10–12/side", "3 × 10–12/side", "3 × 12–15/side",
        "3 × 12–15/side", "3 × 12–15/side", "2 × 10–12/side", None,
    ]
    # a harder move replaces an easier one with fewer reps (two-legged bridge: 3 × 10–12 in week 3)
    assert by_week("single-leg-bridge") == [None, None, None, "3 × 6–8/side", "3 × 8–10/side", "3 × 8–10/side", "2 × 6–8/side", "2 × 6–8/side"]


def test_8_week_half_deload_and_race_week(half):
    deload, race = half.weeks[6], half.weeks[7]
    assert {p.sets for s in deload.sessions for p in s.items} == {2}
    assert deload.kind == "deload" and not deload.race
    assert race.race and race.kind == "taper" and race.phase == "Race week"
    assert {p.sets for s in race.sessions for p in s.items} == {2}
    assert [w.number for w in half.weeks if w.race] == [8]
    assert half.race_week == 8
    assert race.note.startswith("Keep it light")


def test_8_week_half_dates(half):
    assert week_dates(half.weeks[0]) == "3–9 Mar 2025"
    assert half.weeks[7].start == dt.date(2025, 4, 21)


def test_every_shipped_plan_expands():
    library = load_library(SHIPPED_CONTENT)
    for plan_id, tpl in library.plans.items():
        plan = to_plan.plan(plan_id, tpl, library.exercises)
        assert len(plan.weeks) == tpl.weeks
        for week in plan.weeks:
            assert week.sessions, f"{plan_id} week {week.number} has no session"
            for s in week.sessions:
                for p in s.items:
                    assert p.dose.unit == p.exercise.counted and p.dose.rest is not None and p.dose.per_side is not None


def test_a_ramp_of_holds_written_without_units_still_moves_in_5_s_steps():
    from cardgen.content.schema import DoseSpec
    from cardgen.plan.expand import rule_at

    spec = to_plan.rule(DoseSpec.model_validate({"ramp": {"from": "3 x 30", "to": "3 x 45", "over": "1-3"}}))
    assert [rule_at(spec, w, "seconds").low for w in (1, 2, 3)] == [30, 40, 45]
    assert [rule_at(spec, w, "reps").low for w in (1, 2, 3)] == [30, 40, 45]  # above 20, counts step by 5


# --- ramps a coach would write (plan/ramp.py), week by week ------------------------------------


def ramp(a: str, b: str, over: tuple[int, ...], counted: str = "reps") -> list[str]:
    return [show(ramp_at(parse_dose(a), parse_dose(b), over, w, counted).with_defaults(counted, False, 0)) for w in over]


@pytest.mark.parametrize(
    "a, b, over, counted, weeks",
    [
        ("3 x 8-10", "3 x 12-15", range(1, 7), "reps", ["3 × 8–10", "3 × 8–10", "3 × 10–12", "3 × 10–12", "3 × 12–15", "3 × 12–15"]),
        ("3 x 10-12", "3 x 12-15", range(1, 5), "reps", ["3 × 10–12", "3 × 10–12", "3 × 12–15", "3 × 12–15"]),
        ("3 x 6-8", "3 x 15-20", range(1, 5), "reps", ["3 × 6–8", "3 × 8–10", "3 × 12–15", "3 × 15–20"]),  # too few weeks: skip steps
        ("3 x 6-8", "3 x 20-25", range(1, 8), "reps", ["3 × 6–8", "3 × 8–10", "3 × 10–12", "3 × 12–15", "3 × 12–15", "3 × 15–20", "3 × 20–25"]),
        ("3 x 8-12", "3 x 12-15", range(1, 4), "reps", ["3 × 8–12", "3 × 10–12", "3 × 12–15"]),  # off the ladder: exact ends
        ("3 x 12", "3 x 20", range(1, 7), "reps", ["3 × 12", "3 × 14", "3 × 16", "3 × 16", "3 × 18", "3 × 20"]),
        ("3 x 8", "3 x 12", range(1, 6), "reps", ["3 × 8", "3 × 10", "3 × 10", "3 × 12", "3 × 12"]),
        ("3 x 9", "3 x 15", range(1, 5), "reps", ["3 × 9", "3 × 10", "3 × 14", "3 × 15"]),
        ("3 x 20", "3 x 30", range(1, 4), "reps", ["3 × 20", "3 × 25", "3 × 30"]),
        ("2 x 3", "3 x 6", range(1, 7), "reps", ["2 × 3", "2 × 4", "2 × 4", "3 × 5", "3 × 5", "3 × 6"]),
        ("3 x 10", "3 x 15", range(1, 7), "steps", ["3 × 10 steps", "3 × 12 steps", "3 × 12 steps", "3 × 14 steps", "3 × 14 steps", "3 × 15 steps"]),
        ("3 x 30", "3 x 45", range(1, 5), "seconds", ["3 × 30 s", "3 × 35 s", "3 × 40 s", "3 × 45 s"]),
        ("3 x 20", "3 x 60", range(1, 4), "seconds", ["3 × 20 s", "3 × 40 s", "3 × 60 s"]),
        ("3 x 8", "5 x 5", range(1, 4), "reps", ["3 × 8", "4 × 6", "5 × 5"]),  # heavier: sets up, reps down, both steadily
    ],
)
def test_ramp_week_by_week(a, b, over, counted, weeks):
    assert ramp(a, b, tuple(over), counted) == weeks


def test_every_ramp_in_the_shipped_plans_reads_like_a_coach_wrote_it():
    library = load_library(SHIPPED_CONTENT)
    specs = [(tpl.progression.get(kind), kind) for tpl in library.plans.values() for kind in ("reps", "seconds", "steps")]
    specs += [(i.dose, library.exercises[i.exercise].counted) for tpl in library.plans.values() for s in tpl.sessions.values() for i in s.exercises]
    ramps = [(spec.ramp, counted) for spec, counted in specs if spec is not None and spec.ramp is not None]
    assert ramps
    for r, counted in ramps:
        got = [ramp_at(r.from_, r.to, r.over, w, counted) for w in r.over]
        assert got[0] == r.from_ and got[-1] == r.to, r
        ladder = count_ladder(counted)
        for prev, dose in zip(got, got[1:], strict=False):
            if r.to.sets >= r.from_.sets:
                assert dose.sets >= prev.sets, (r, got)
            if r.to.high >= r.from_.high:
                assert (dose.low, dose.high) >= (prev.low, prev.high), (r, got)
        for dose in got[1:-1]:
            if dose.low == dose.high:
                assert dose.low in ladder, (r, dose)
            else:
                assert (dose.low, dose.high) in RANGES, (r, dose)


def test_the_boundary_turns_content_models_into_plain_plan_data():
    from cardgen.plan.exercise import Exercise as PlanExercise, Muscles, Variant

    ex = exercise(kind="eccentric", harder=[{"exercise": "bridge"}, {"name": "Slower", "note": "Five seconds down."}])
    data = to_plan.exercise(ex)
    assert isinstance(data, PlanExercise) and not isinstance(data, Exercise)
    assert (data.name, data.kind, data.rest, data.counted, data.per_side) == ("A reps exercise", "eccentric", 120, "reps", False)
    assert data.muscles == Muscles(("glutes",), ())
    assert (data.steps, data.cues, data.key_cues) == (("Do it.",), ("One", "Two", "Three"), 2)
    assert data.harder == (Variant("bridge", None, ""), Variant(None, "Slower", "Five seconds down."))
    assert data.dose == Dose(3, 10, 10)
    plan = to_plan.plan("t", template(weeks=1), EXERCISES)
    assert all(type(e) is PlanExercise for e in plan.exercises.values())
