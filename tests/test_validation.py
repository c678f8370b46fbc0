"""Bad content gives exact `FILE:LINE: field.path: message` lines, all of them at once.

The `content` fixture (conftest.py) is a small valid folder; each test breaks it in one place. The
cwd is tmp_path, so files are named `content/exercises/...` in the messages. Line numbers refer to
GLUTE_BRIDGE, SIDE_PLANK, BAND_WALK and BASIC_PLAN in conftest.py.
"""

from __future__ import annotations

import pytest

from cardgen.content.load import load_library
from cardgen.errors import ContentError, Problem
from cardgen.pipeline import plan_from, unrelated_problems

from conftest import BAND_WALK, SHIPPED_CONTENT

EX = "content/exercises/band-walk.yaml"  # no plan uses it: breaking it gives only its own problems
PLAN = "content/plans/basic.yaml"
DOSE_SYNTAX = "a dose like '3 x 10', '3 x 8-10', '3 x 30 s' or '2 x 10 steps/side, rest 45 s'"
EXERCISE_FIELDS = (
    "name, muscles, equipment, kind, counted, per_side, purpose, setup, steps, cues, key_cues, mistakes, "
    "easier, harder, no_equipment, dose, rest, image, video, figure"
)


def test_the_fixture_content_is_valid(content):
    library = content.load()
    assert sorted(library.exercises) == ["band-walk", "glute-bridge", "side-plank"]
    assert sorted(library.plans) == ["basic"]


def test_the_shipped_content_loads_without_problems():
    library = load_library(SHIPPED_CONTENT)  # raises ContentError listing every problem
    assert sorted(library.exercises) == sorted(p.stem for p in (SHIPPED_CONTENT / "exercises").glob("*.y*ml"))
    assert sorted(library.plans) == sorted(p.stem for p in (SHIPPED_CONTENT / "plans").glob("*.y*ml"))
    assert "8-week-half" in library.plans and "glute-bridge" in library.exercises


# (file under content/, text to replace, replacement, every problem line expected)
CASES = [
    pytest.param(
        "exercises/band-walk.yaml", "counted: steps", "counted: steps: many",
        [f"{EX}:4: a second ': ' on this line; put text containing ': ' in quotes, like note: \"Tempo: slow\""],
        id="yaml-unquoted-colon",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "counted: steps", "counted:\tsteps\n\t- oops",
        [f"{EX}:4: a tab character; indent with spaces, not tabs"],
        id="yaml-tab",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "counted: steps", "counted: steps\n   per_side: true",
        [f"{EX}:5: this line is indented more than the line above; line it up with the fields it belongs with"],
        id="yaml-indent",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "counted: steps", 'counted: "steps',
        [f"{EX}:4: a quote opened here is never closed"],
        id="yaml-open-quote",
    ),
    pytest.param(
        "plans/basic.yaml", "  - {weeks: 1-3, name: Build}", "  - {weeks: 1-3, name: Build, easy}",
        [f"{PLAN}:7: phases[0].easy: reads as a field of its own: inside {{ }} a comma separates fields; put text with a comma in quotes",
         f"{PLAN}:7: phases[0].easy: unknown field; known fields: weeks, name, kind, sets, like_week, note"],
        id="yaml-comma-in-flow-mapping",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "per_side: true", "per_side: maybe",
        [f"{EX}:5: per_side: expected true or false, found 'maybe'"],
        id="wrong-type-bool",
    ),
    pytest.param(
        "plans/basic.yaml", "\nweeks: 4\n", "\nweeks: eight\n",
        [f"{PLAN}:2: weeks: expected a whole number, found 'eight'"],
        id="wrong-type-int",
    ),
    pytest.param(
        "plans/basic.yaml", "\nweeks: 4\n", "\nweeks: 4.5\n",
        [f"{PLAN}:2: weeks: expected a whole number, found 4.5"],
        id="wrong-type-float",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "primary: [glutes]", "primary: glutes",
        [f"{EX}:3: muscles.primary: expected a list, found 'glutes'"],
        id="wrong-type-list",
    ),
    pytest.param(
        "plans/basic.yaml", "\nweeks: 4\n", "\nweeks: 53\n",
        [f"{PLAN}:2: weeks: expected a number at most 52, found 53"],
        id="weeks-too-many",
    ),
    pytest.param(
        "plans/basic.yaml", "\nweeks: 4\n", "\nweeks: 0\n",
        [f"{PLAN}:2: weeks: expected a number at least 1, found 0"],
        id="weeks-zero",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "counted: steps", "counted: step",
        [f"{EX}:4: counted: expected one of 'reps', 'seconds' or 'steps', found 'step'"],
        id="counted-not-a-choice",
    ),
    pytest.param(
        "plans/basic.yaml", "\nweeks: 4\n", "\nlanguage: germn\nweeks: 4\n",
        [f"{PLAN}:2: language: unknown language 'germn' (did you mean 'de'?); use a code such as en, en-us, de, fr, es, it, nl, pt "
         "(docs/content-format.md lists them all)"],
        id="language-unknown",
    ),
    pytest.param(
        "plans/basic.yaml", "kind: taper", "kind: tapper",
        [f"{PLAN}:8: phases[1].kind: expected one of 'build', 'deload' or 'taper', found 'tapper'"],
        id="phase-kind-not-a-choice",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "cues:", "cue:",
        [
            f"{EX}:1: cues: required field is missing",
            f"{EX}:9: cue: unknown field (did you mean 'cues'?); known fields: {EXERCISE_FIELDS}",
        ],
        id="unknown-field-did-you-mean",
    ),
    pytest.param(
        "plans/basic.yaml", "    focus: Glutes\n", "    focus: Glutes\n    exercise: []\n",
        [f"{PLAN}:12: sessions.A.exercise: unknown field (did you mean 'exercises'?); known fields: focus, per_week, exercises"],
        id="unknown-field-in-session",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nharder:\n  - nmae: Band higher\n",
        [f"{EX}:15: harder[0].nmae: unknown field (did you mean 'name'?); known fields: exercise, name, note"],
        id="unknown-field-in-variant",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "purpose: Wakes up the side of the hip.\n", "",
        [f"{EX}:1: purpose: required field is missing"],
        id="missing-required-field",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "  primary: [glutes]\n", "  secondary: [core]\n",
        [f"{EX}:2: muscles.primary: required field is missing"],
        id="missing-nested-field",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "name: Band walk", 'name: ""',
        [f"{EX}:1: name: expected text, found an empty value"],
        id="empty-text",
    ),
    pytest.param(
        "plans/basic.yaml", "exercise: glute-bridge", "exercise: glute-brige",
        [f"{PLAN}:13: sessions.A.exercises[0].exercise: unknown exercise 'glute-brige' (did you mean 'glute-bridge'?)"],
        id="unknown-exercise-did-you-mean",
    ),
    pytest.param(
        "plans/basic.yaml", "exercise: glute-bridge", "exercise: burpee",
        [f"{PLAN}:13: sessions.A.exercises[0].exercise: unknown exercise 'burpee'"],
        id="unknown-exercise-no-suggestion",
    ),
    pytest.param(
        "plans/basic.yaml", "      - exercise: side-plank\n", "      - exercise: glute-bridge\n      - exercise: side-plank\n",
        [f"{PLAN}:14: sessions.A.exercises[1].exercise: 'glute-bridge' is already in session A"],
        id="exercise-twice-in-a-session",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\neasier:\n  - exercise: side-plnk\n",
        [f"{EX}:15: easier[0].exercise: unknown exercise 'side-plnk' (did you mean 'side-plank'?)"],
        id="unknown-variant-exercise",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nno_equipment:\n  - exercise: band-walk\n",
        [f"{EX}:15: no_equipment[0].exercise: an exercise cannot be its own variant"],
        id="variant-is-itself",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\neasier:\n  - exercise: side-plank\n    name: Plank\n",
        [f"{EX}:15: easier[0]: give either 'exercise' (an exercise id) or 'name' (a described variant)"],
        id="variant-both-exercise-and-name",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: three sets",
        [f"{EX}:13: dose: expected {DOSE_SYNTAX}, found 'three sets'"],
        id="bad-dose-text",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 3 x 10 kg",
        [f"{EX}:13: dose: unknown unit 'kg' in '3 x 10 kg'; use reps, s or steps"],
        id="bad-dose-unit-word",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 3 x 12-8",
        [f"{EX}:13: dose: a range must rise, found 12-8 in '3 x 12-8'"],
        id="bad-dose-falling-range",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 0 x 10",
        [f"{EX}:13: dose: sets and targets must be at least 1, found '0 x 10'"],
        id="bad-dose-zero-sets",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x twenty",
        [f"{PLAN}:15: sessions.A.exercises[1].dose: expected {DOSE_SYNTAX}, found '2 x twenty'"],
        id="bad-dose-in-plan-item",
    ),
    pytest.param(
        "plans/basic.yaml", "to: 3 x 12-15", "to: 3 x 15-12",
        [f"{PLAN}:5: progression.reps.to: a range must rise, found 15-12 in '3 x 15-12'"],
        id="bad-dose-in-progression",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {from: 2 x 20 s, to: 3 x 30 s}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose.over: required field is missing"],
        id="ramp-without-over",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose: give 'ramp', 'by_week' or both"],
        id="empty-dose-rule",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {by_week: {one: 2 x 20 s}}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose.by_week.one: expected a whole number, found 'one'"],
        id="by-week-key-not-a-number",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 20 steps",
        [f"{PLAN}:15: sessions.A.exercises[1].dose: this exercise is counted in seconds, but the dose is in steps"],
        id="dose-unit-disagrees-in-plan-item",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {from: 2 x 20 steps, to: 3 x 30 s, over: 1-3}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose.from: this exercise is counted in seconds, but the dose is in steps"],
        id="dose-unit-disagrees-in-ramp",
    ),
    pytest.param(
        "plans/basic.yaml", "to: 3 x 12-15", "to: 3 x 12-15 s",
        [f"{PLAN}:5: progression.reps.to: the reps progression must be in reps, but the dose is in seconds"],
        id="dose-unit-disagrees-in-progression",
    ),
    pytest.param(
        "plans/basic.yaml", "race_week: 4", "race_week: 5",
        [f"{PLAN}:3: race_week: the plan has 4 weeks, found week 5"],
        id="race-week-out-of-range",
    ),
    pytest.param(
        "plans/basic.yaml", "{weeks: 4, name: Race", "{weeks: 4-6, name: Race",
        [f"{PLAN}:8: phases[1].weeks: the plan has 4 weeks, found week 6"],
        id="phase-week-out-of-range",
    ),
    pytest.param(
        "plans/basic.yaml", "like_week: 1", "like_week: 7",
        [f"{PLAN}:8: phases[1].like_week: the plan has 4 weeks, found week 7"],
        id="like-week-out-of-range",
    ),
    pytest.param(
        "plans/basic.yaml", "over: 1-3", "over: 1-9",
        [f"{PLAN}:5: progression.reps.over: the plan has 4 weeks, found week 9"],
        id="ramp-over-out-of-range",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 20 s\n        weeks: 2-5",
        [f"{PLAN}:16: sessions.A.exercises[1].weeks: the plan has 4 weeks, found week 5"],
        id="item-week-out-of-range",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {by_week: {1: 2 x 20 s, 6: 3 x 30 s}}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose.by_week[6]: the plan has 4 weeks, found week 6"],
        id="by-week-out-of-range",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {by_week: {0: 2 x 20 s}}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose.by_week[0]: expected a number at least 1, found 0"],
        id="by-week-zero",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: {from: 2 x 20 s, to: 2 x 40 s, over: '1-2, 4'}",
        [f"{PLAN}:15: sessions.A.exercises[1].dose.over: a ramp runs over consecutive weeks like '1-6', found weeks 1–2, 4"],
        id="ramp-with-a-gap",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 20 s\n        weeks: 3-1",
        [f"{PLAN}:16: sessions.A.exercises[1].weeks: week ranges start at 1 and rise, found '3-1'"],
        id="weeks-falling-range",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 20 s\n        weeks: first",
        [f"{PLAN}:16: sessions.A.exercises[1].weeks: expected weeks like 3, '1-6' or '1-3, 7', found 'first'"],
        id="weeks-not-weeks",
    ),
    pytest.param(
        "plans/basic.yaml", "    focus: Glutes\n", "    focus: Glutes\n    focus: Hips\n",
        [f"{PLAN}:12: sessions.A.focus: this field is given twice"],
        id="field-given-twice",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "cues:\n  - Knees out\n  - Stay low\n", "cues:\n  - Knees out\n",
        [f"{EX}:9: cues: expected at least 3 items, found 2"],
        id="too-few-cues",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "  - Toes forward\n", "  - Toes forward\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f\n",
        [f"{EX}:9: cues: expected at most 8 items, found 9"],
        id="too-many-cues",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nkey_cues: 4\n",
        [f"{EX}:14: key_cues: expected a number at most 3, found 4"],
        id="key-cues-too-many",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nkind: plyo\n",
        [f"{EX}:14: kind: expected one of 'power', 'heavy', 'eccentric', 'strength' or 'stability', found 'plyo'"],
        id="unknown-kind",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nrest: 90 s\n",
        [f"{EX}:14: rest: expected a whole number, found '90 s'"],
        id="rest-with-a-unit",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nrest: 900\n",
        [f"{EX}:14: rest: expected a number at most 600, found 900"],
        id="rest-too-long",
    ),
    pytest.param(
        "plans/basic.yaml", "race_week: 4\n", "race_week: 4\nrest: 30\n",
        [
            f"{PLAN}:4: rest: a plan's rest is given per kind of exercise, like {{strength: 45, stability: 20}}; "
            "leave it out to use each exercise's own rest"
        ],
        id="plan-rest-as-one-number",
    ),
    pytest.param(
        "plans/basic.yaml", "race_week: 4\n", "race_week: 4\nrest: {strength: 45, powr: 60}\n",
        [f"{PLAN}:4: rest.powr: expected one of 'power', 'heavy', 'eccentric', 'strength' or 'stability', found 'powr'"],
        id="plan-rest-unknown-kind",
    ),
    pytest.param(
        "plans/basic.yaml", "race_week: 4\n", "race_week: 4\nrest:\n  strength: -5\n",
        [f"{PLAN}:5: rest.strength: expected a number at least 0, found -5"],
        id="plan-rest-negative",
    ),
    pytest.param(
        "plans/basic.yaml", "    focus: Glutes\n", "    focus: Glutes\n    per_week: 4\n",
        [f"{PLAN}:12: sessions.A.per_week: expected a number at most 3, found 4"],
        id="per-week-too-many",
    ),
    pytest.param(
        "plans/basic.yaml", "    focus: Glutes\n", "    focus: Glutes\n    per_week: 0\n",
        [f"{PLAN}:12: sessions.A.per_week: expected a number at least 1, found 0"],
        id="per-week-zero",
    ),
    pytest.param(
        "plans/basic.yaml",
        "    focus: Glutes\n",
        "    focus: Glutes\n    per_week: 2\n    exercises: [{exercise: glute-bridge}]\n  A2:\n    focus: Core\n",
        [f"{PLAN}:12: sessions.A.per_week: done 2 times a week, session A is labelled A1 and A2, but 'A2' is another session"],
        id="per-week-labels-clash",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nimage: images/band-walk.png\n",
        [f"{EX}:14: image: image file not found: content/images/band-walk.png"],
        id="missing-image-file",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 20 s\n        weeks: 4",
        [f"{PLAN}:16: sessions.A.exercises[1].weeks: taper weeks bring no new exercises, but 'side-plank' starts in week 4"],
        id="taper-week-brings-new-exercise",
    ),
    pytest.param(
        "plans/basic.yaml", "{weeks: 4, name: Race", "{weeks: 3-4, name: Race",
        [f"{PLAN}:8: phases[1].weeks: week 3 is already in phase 'Build'"],
        id="overlapping-phases",
    ),
    pytest.param(
        "plans/basic.yaml", "  A:\n", '  "session number one":\n',
        [f"{PLAN}:9: sessions: session names are short labels like 'A' or 'Day 1', found 'session number one'"],
        id="session-label-too-long",
    ),
    pytest.param(
        "plans/basic.yaml",
        "      - exercise: glute-bridge\n      - exercise: side-plank\n        dose: 2 x 20 s\n",
        "      []\n",
        [f"{PLAN}:12: sessions.A.exercises: expected at least 1 item, found 0"],
        id="session-without-exercises",
    ),
    # The limits (docs/content-format.md, "Limits"): each says the limit and what to do.
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 7 x 10 steps",
        [f"{EX}:13: dose: a dose has at most 6 sets, found '7 x 10 steps'; for more work, raise the target or add a second exercise"],
        id="limit-sets",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 100000 x 10 steps",
        [f"{EX}:13: dose: a dose has at most 6 sets, found '100000 x 10 steps'; for more work, raise the target or add a second exercise"],
        id="limit-sets-absurd",
    ),
    pytest.param(
        "plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 1200 s",
        [f"{PLAN}:15: sessions.A.exercises[1].dose: a target is at most 999 (reps, seconds or steps), found '2 x 1200 s'"],
        id="limit-target",
    ),
    pytest.param(
        "plans/basic.yaml", "kind: taper, sets: 1,", "kind: taper, sets: 8,",
        [f"{PLAN}:8: phases[1].sets: a dose has at most 6 sets, found 8; for more work, raise the target"],
        id="limit-phase-sets",
    ),
    pytest.param(
        "plans/basic.yaml", "      - exercise: side-plank\n", "      - exercise: side-plank\n" + "      - exercise: band-walk\n" * 9,
        [f"{PLAN}:12: sessions.A.exercises: a session has at most 10 exercises, found 11; split it into two sessions"],
        id="limit-exercises",
    ),
    pytest.param(
        "plans/basic.yaml", "    focus: Glutes\n", "    focus: Glutes\n    per_week: 3\n  B: {focus: Hips, per_week: 3, exercises: [{exercise: band-walk}]}\n"
        "  C:\n    focus: Core\n    per_week: 2\n",
        [f"{PLAN}:9: sessions: a plan has at most 7 sessions a week (each per_week counted), found 8; merge sessions, or make it two plans"],
        id="limit-sessions-a-week",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "name: Band walk", "name: " + "Band walk " * 9,
        [f"{EX}:1: name: a name has at most 80 characters, found 89; keep the full name for the purpose or the steps"],
        id="limit-name",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "  - Knees out", "  - Knees out " + "and out " * 12,
        [f"{EX}:10: cues[0]: a form cue has at most 100 characters, found 105; a cue is a short check, like 'Knee over the second toe'"],
        id="limit-cue",
    ),
    pytest.param(
        "exercises/band-walk.yaml", "  - Step sideways against the band.", "  - Step sideways against the band.\n" * 11,
        [f"{EX}:7: steps: an exercise has at most 10 steps, found 11; merge steps, or make it two exercises"],
        id="limit-steps",
    ),
    pytest.param(
        "plans/basic.yaml", "        dose: 2 x 20 s", "        dose: 2 x 20 s\n        note: " + "Slow. " * 41,
        [f"{PLAN}:16: sessions.A.exercises[1].note: a note has at most 240 characters, found 245; keep it to a sentence or two"],
        id="limit-note",
    ),
]


@pytest.mark.parametrize("rel, old, new, expected", CASES)
def test_bad_content_gives_exact_messages(content, rel, old, new, expected):
    content.edit(rel, old, new)
    assert content.problems() == expected


def test_kind_rest_and_per_week_are_read(content):
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", "dose: 3 x 12\nkind: power\n")
    content.edit("exercises/side-plank.yaml", "dose: 3 x 30 s\n", "dose: 3 x 30 s\nkind: stability\nrest: 20\n")
    content.edit("plans/basic.yaml", "race_week: 4\n", "race_week: 4\nrest: {power: 120}\n")
    content.edit("plans/basic.yaml", "    focus: Glutes\n", "    focus: Glutes\n    per_week: 2\n")
    library = content.load()
    bridge, plank = library.exercises["glute-bridge"], library.exercises["side-plank"]
    assert (bridge.kind, bridge.rest, bridge.rest_seconds) == ("power", None, 90)
    assert (plank.kind, plank.rest, plank.rest_seconds) == ("stability", 20, 20)
    assert library.exercises["band-walk"].kind == "strength" and library.exercises["band-walk"].rest_seconds == 60
    plan = library.plans["basic"]
    assert plan.rest == {"power": 120} and plan.sessions["A"].per_week == 2


def test_yaml_that_is_a_list_is_not_an_exercise(content):
    content.write("exercises/band-walk.yaml", "- name: Band walk\n- dose: 3 x 10 steps\n")
    assert content.problems() == [f"{EX}:1: expected a mapping of fields, found a list"]


def test_an_empty_file_is_reported(content):
    content.write("plans/basic.yaml", "")
    assert content.problems() == [f"{PLAN}:1: expected a mapping of fields, found an empty file"]


def test_a_field_given_twice_keeps_the_last_value_and_says_so(content):
    # PyYAML keeps the second `counted`; its disagreement with the dose is reported too.
    content.edit("exercises/band-walk.yaml", "counted: steps\n", "counted: steps\ncounted: seconds\n")
    assert content.problems() == [
        f"{EX}:5: counted: this field is given twice",
        f"{EX}:14: dose: this exercise is counted in seconds, but the dose is in steps",
    ]


def test_dose_unit_disagreeing_with_counted_in_an_exercise(content):
    content.edit("exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 3 x 30 s")
    [problem] = content_problems(content)
    assert (problem.file, problem.message) == (EX, "this exercise is counted in steps, but the dose is in seconds")


def test_dose_unit_disagreeing_with_counted_points_at_the_dose(content):
    content.edit("exercises/band-walk.yaml", "dose: 3 x 10 steps", "dose: 3 x 30 s")
    assert content.problems() == [f"{EX}:13: dose: this exercise is counted in steps, but the dose is in seconds"]


def test_duplicate_ids_yaml_and_yml(content):
    content.write("exercises/band-walk.yml", BAND_WALK)
    assert content.problems() == [
        "content/exercises/band-walk.yml: duplicate id 'band-walk': content/exercises/band-walk.yaml has it too"
    ]


@pytest.mark.parametrize("name", ["Band_Walk.yaml", "band walk.yaml", "band--walk.yml", "-band.yaml"])
def test_file_names_must_be_kebab_case(content, name):
    content.write(f"exercises/{name}", BAND_WALK)
    assert content.problems() == [
        f"content/exercises/{name}: file names are ids in lower-case kebab-case (like 'glute-bridge.yaml'), found {name!r}"
    ]


def test_files_that_are_not_yaml_are_ignored(content):
    content.write("exercises/notes.txt", "not: [yaml")
    content.write("exercises/.band-walk.yaml.swp", "not: [yaml")
    assert sorted(content.load().exercises) == ["band-walk", "glute-bridge", "side-plank"]


def test_an_existing_image_is_accepted_and_resolved(content):
    from PIL import Image

    (content.root / "images").mkdir()
    Image.new("RGB", (4, 4)).save(content.root / "images" / "band-walk.png")
    content.edit("exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nimage: images/band-walk.png\n")
    image = content.load().exercises["band-walk"].image
    assert image == str((content.root / "images" / "band-walk.png").resolve())


def test_taper_may_keep_an_exercise_that_started_before_it(content):
    content.edit("plans/basic.yaml", "dose: 2 x 20 s", "dose: 2 x 20 s\n        weeks: 2, 4")
    assert content.load().plans["basic"].sessions["A"].exercises[1].weeks == (2, 4)


def test_content_folder_not_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as info:
        load_library(tmp_path / "nowhere")
    assert info.value.format_message() == "nowhere: content folder not found\n1 problem found."


def test_no_exercise_files(content):
    for file in (content.root / "exercises").iterdir():
        file.unlink()
    content.write("plans/basic.yaml", "title: Empty\nweeks: 1\nsessions: {A: {focus: X, exercises: [{exercise: a}]}}\n")
    assert content.problems() == [
        "content/exercises: no exercise files (*.yaml) found",
        f"{PLAN}:3: sessions.A.exercises[0].exercise: unknown exercise 'a'",
    ]


def test_every_problem_of_every_file_is_reported_together_in_file_and_line_order(content):
    content.edit("plans/basic.yaml", "\nweeks: 4\n", "\nweeks: eight\n")
    content.edit("exercises/band-walk.yaml", "cues:", "cue:")
    content.edit("exercises/band-walk.yaml", "per_side: true", "per_side: maybe")
    content.write("exercises/side-plank.yml", "a: [")
    content.write("exercises/Bad_Name.yaml", BAND_WALK)
    with pytest.raises(ContentError) as info:
        content.load()
    assert info.value.format_message() == "\n".join(
        [
            "content/exercises/Bad_Name.yaml: file names are ids in lower-case kebab-case (like 'glute-bridge.yaml'), found 'Bad_Name.yaml'",
            f"{EX}:1: cues: required field is missing",
            f"{EX}:5: per_side: expected true or false, found 'maybe'",
            f"{EX}:9: cue: unknown field (did you mean 'cues'?); known fields: {EXERCISE_FIELDS}",
            "content/exercises/side-plank.yml: duplicate id 'side-plank': content/exercises/side-plank.yaml has it too",
            f"{PLAN}:2: weeks: expected a whole number, found 'eight'",
            "6 problems found.",
        ]
    )
    assert all(isinstance(p, Problem) for p in info.value.problems)


def test_one_problem_is_counted_in_the_singular(content):
    content.edit("plans/basic.yaml", "\nweeks: 4\n", "\nweeks: eight\n")
    with pytest.raises(ContentError) as info:
        content.load()
    assert info.value.format_message().endswith("\n1 problem found.")


def test_messages_name_files_by_absolute_path_when_far_from_the_cwd(content, tmp_path, monkeypatch):
    far = tmp_path / "a" / "b" / "c"
    far.mkdir(parents=True)
    monkeypatch.chdir(far)
    content.edit("plans/basic.yaml", "\nweeks: 4\n", "\nweeks: eight\n")
    assert content.problems() == [f"{content.root / 'plans' / 'basic.yaml'}:2: weeks: expected a whole number, found 'eight'"]


def test_an_invalid_exercise_is_not_also_reported_as_unknown_in_plans(content):
    content.edit("exercises/glute-bridge.yaml", "cues:", "cue:")
    problems = content.problems()
    assert not [p for p in problems if "unknown exercise 'glute-bridge'" in p]


def test_an_invalid_exercise_used_by_a_plan_reports_its_own_problems(content):
    content.edit("exercises/glute-bridge.yaml", "per_side: false", "per_side: maybe")
    problems = content.problems()
    assert problems[0] == "content/exercises/glute-bridge.yaml:5: per_side: expected true or false, found 'maybe'"


def content_problems(content) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        content.load()
    return info.value.problems


def test_yes_is_not_a_boolean(content):
    # YAML 1.2 and a careful reader agree: a quoted "yes" is text, not true.
    content.edit("exercises/glute-bridge.yaml", "per_side: false", 'per_side: "yes"')
    assert content.problems() == ["content/exercises/glute-bridge.yaml:5: per_side: expected true or false, found 'yes'"]


def test_a_typo_in_a_ramp_is_named_as_a_ramp_field(content):
    content.edit("plans/basic.yaml", "reps: {from: 3 x 8-10", "reps: {form: 3 x 8-10")
    assert content.problems() == [
        "content/plans/basic.yaml:5: progression.reps.form: unknown field (did you mean 'from'?); known fields: from, to, over",
        "content/plans/basic.yaml:5: progression.reps.from: required field is missing",
    ]


SQUAT_JUMP = """\
name: Squat jump
muscles:
  primary: [quads]
kind: power
purpose: Jumps.
steps:
  - Jump.
cues:
  - Land soft
  - Knees out
  - Tall
dose: 3 x 6
"""


def test_power_work_after_a_fatiguing_exercise_is_a_warning_not_a_problem(content):
    content.write("exercises/squat-jump.yaml", SQUAT_JUMP)
    content.edit("exercises/side-plank.yaml", "dose: 3 x 30 s\n", "dose: 3 x 30 s\nkind: stability\n")
    content.edit("plans/basic.yaml", "        dose: 2 x 20 s\n", "        dose: 2 x 20 s\n      - exercise: squat-jump\n")
    library = content.load()
    assert [str(w) for w in library.warnings] == [
        f"{PLAN}:16: sessions.A.exercises[2].exercise: 'squat-jump' is power work after 'glute-bridge' (strength); "
        "jumps are done first in a session, while the legs are fresh"
    ]


def test_power_work_first_or_after_stability_work_is_fine(content):
    content.write("exercises/squat-jump.yaml", SQUAT_JUMP)
    content.edit("exercises/side-plank.yaml", "dose: 3 x 30 s\n", "dose: 3 x 30 s\nkind: stability\n")
    content.edit(
        "plans/basic.yaml",
        "      - exercise: glute-bridge\n      - exercise: side-plank\n        dose: 2 x 20 s\n",
        "      - exercise: side-plank\n      - exercise: squat-jump\n      - exercise: glute-bridge\n",
    )
    assert content.load().warnings == ()


def test_power_work_after_an_exercise_of_other_weeks_is_fine(content):
    content.write("exercises/squat-jump.yaml", SQUAT_JUMP)
    content.edit("plans/basic.yaml", "      - exercise: glute-bridge\n", "      - exercise: glute-bridge\n        weeks: 1-2\n")
    later = "        dose: 2 x 20 s\n        weeks: 1-2\n      - exercise: squat-jump\n        weeks: 3-4\n"
    content.edit("plans/basic.yaml", "        dose: 2 x 20 s\n", later)
    assert content.load().warnings == ()


def test_the_shipped_content_has_no_coaching_warnings():
    assert [str(w) for w in load_library(SHIPPED_CONTENT).warnings] == []


def test_a_plan_the_schema_refuses_still_has_its_exercises_checked(content):
    content.edit("plans/basic.yaml", "\nweeks: 4\n", "\nweeks: eight\n")
    content.edit("plans/basic.yaml", "exercise: side-plank", "exercise: side-plonk")
    assert content.problems() == [
        f"{PLAN}:2: weeks: expected a whole number, found 'eight'",
        f"{PLAN}:14: sessions.A.exercises[1].exercise: unknown exercise 'side-plonk' (did you mean 'side-plank'?)",
    ]


def lenient(content):
    return load_library(content.root, lenient=True)


def test_a_broken_file_a_plan_does_not_use_does_not_stop_it(content):
    content.write("plans/other.yaml", "title: Other\nweeks: [4]\nsessions: {}\n")
    content.edit("exercises/band-walk.yaml", "per_side: true", "per_side: maybe")  # no plan uses it
    library = lenient(content)
    assert sorted(library.plans) == ["basic"]
    assert sorted({p.file for p in library.problems}) == [EX, "content/plans/other.yaml"]
    assert unrelated_problems(library) == [
        f"{EX} has 1 problem (see 'cardgen check'); this plan does not use it",
        "content/plans/other.yaml has 2 problems (see 'cardgen check'); this plan does not use it",
    ]
    with pytest.raises(ContentError) as info:
        plan_from(library, "other")
    assert {p.file for p in info.value.problems} == {EX, "content/plans/other.yaml"}  # every problem, as check says them
    with pytest.raises(ContentError):
        content.load()  # `cardgen check` stays strict


def test_a_broken_exercise_stops_the_plans_that_use_it(content):
    content.edit("exercises/side-plank.yaml", "per_side: true", "per_side: maybe")
    with pytest.raises(ContentError) as info:
        lenient(content)  # its only plan uses it: nothing is left to build
    assert [str(p) for p in info.value.problems] == ["content/exercises/side-plank.yaml:5: per_side: expected true or false, found 'maybe'"]
    content.write("plans/other.yaml", "title: Other\nweeks: 2\nsessions:\n  A: {focus: Hips, exercises: [{exercise: glute-bridge}]}\n")
    library = lenient(content)
    assert sorted(library.plans) == ["other"]
    assert [str(p) for p in library.unbuildable["basic"]] == ["content/exercises/side-plank.yaml:5: per_side: expected true or false, found 'maybe'"]
