"""Pictograms from data (issue 10): the `figure:` format's messages, and the pure geometry that
builds, places and pairs the poses. No PDF here (tests/test_figure_render.py draws them)."""

from __future__ import annotations

import math

import pytest

from cardgen.figure import Figure, Item, Limbs, Pose, below_ground, distances, misplaced, pair, place
from cardgen.figure.geometry import CLEAR, FOOT, HEAD, NECK, SHIN, THIGH, TRUNK, build

EX = "content/exercises/band-walk.yaml"
STAND = Limbs()
LIE_BENT = Limbs(hip=60, knee=126, ankle=-24)  # lying face up, feet flat: the bridge's start


def close(p, q, tol=1e-6):
    return math.dist(p, q) < tol


# -- the angle conventions of docs/content-format.md, one by one --------------------------------


def test_standing_side_view_stacks_the_segments_and_faces_right():
    body = build(Pose(90, STAND, STAND), "side")
    assert close(body["shoulders"], (0, TRUNK))
    assert close(body["right-knee"], (0, -THIGH))
    assert close(body["right-ankle"], (0, -THIGH - SHIN))
    assert close(body["right-toes"], (FOOT, -THIGH - SHIN))  # the foot points to the front: right
    assert close(body["right-hand"], (0, TRUNK - 1.3 - 1.5))
    assert close(body["head"], (0, TRUNK + NECK + HEAD / 2))


def test_side_view_joint_angles():
    sit = build(Pose(90, Limbs(hip=90, knee=90, shoulder=90, elbow=90), STAND), "side")
    assert close(sit["right-knee"], (THIGH, 0))  # hip 90: the thigh forward
    assert close(sit["right-ankle"], (THIGH, -SHIN))  # knee 90: the shin folds back, down
    assert close(sit["right-elbow"], (1.3, TRUNK))  # shoulder 90: the arm forward
    assert close(sit["right-hand"], (1.3, TRUNK + 1.5))  # elbow 90: the forearm to the front, up
    toes_up = build(Pose(90, Limbs(ankle=30), STAND), "side")
    assert toes_up["right-toes"][1] > toes_up["right-ankle"][1]
    assert build(Pose(90, STAND, STAND, neck=30), "side")["head"][0] > 0  # the head tips to the front


def test_lying_face_up_has_the_head_to_the_left_and_the_front_up():
    body = build(Pose(180, Limbs(shoulder=90), STAND), "side")
    assert body["shoulders"][0] < 0
    assert body["right-hand"][1] > 1.0  # the arm raised "forward" points at the ceiling


def test_front_view_side_lunge_has_a_vertical_shin_and_the_right_leg_on_the_viewers_left():
    body = build(Pose(90, Limbs(hip=40, knee=40), STAND), "front")
    knee, ankle = body["right-knee"], body["right-ankle"]
    assert ankle[0] < 0 and abs(knee[0] - ankle[0]) < 1e-9
    straight = body["left-ankle"]
    assert straight[0] > 0 and straight[1] == pytest.approx(-THIGH - SHIN)


# -- placement on supports -------------------------------------------------------------------------


def bridge(end_knee: float = 112) -> Figure:
    start = Pose(180, LIE_BENT, LIE_BENT, contact=("shoulders", "hips", "right-foot", "left-foot"))
    # Shoulders, hips and knees in one line (hip 0), shins upright.
    end = Pose(202, Limbs(knee=end_knee), Limbs(knee=end_knee), contact=("shoulders", "right-foot", "left-foot"))
    return Figure(start, end)


def test_the_lowest_contact_rests_on_the_ground_and_the_others_are_measured():
    placed = place(bridge(), bridge().start)
    d = distances(placed)
    assert min(d.values()) == pytest.approx(0.0)
    assert d["shoulders"] == pytest.approx(0.0) and d["hips"] == pytest.approx(0.0)
    assert placed.body["hips"][1] == pytest.approx(CLEAR)  # the stroke's edge on the ground


def test_a_head_that_would_go_through_the_floor_rests_on_it():
    placed = place(bridge(), bridge().start)
    assert placed.body["head"][1] - HEAD / 2 == pytest.approx(0.0, abs=1e-9)
    assert below_ground(placed) == []


def test_a_consistent_figure_has_nothing_misplaced_and_an_inconsistent_one_says_where():
    assert misplaced(bridge()) == []
    wrong = bridge(end_knee=60)  # straighter knees: the feet would leave the floor
    found = misplaced(wrong)
    assert found and all(m.startswith("end: ") and "foot rests" in m and "above its support" in m for m in found)


def test_below_ground_names_the_point():
    # Standing on the right heel, the left foot pointed down through the floor.
    sunk = Pose(90, STAND, Limbs(ankle=-60), contact=("right-heel",))
    assert below_ground(place(Figure(sunk, sunk), sunk)) == ["left-toes"]


def test_a_box_holds_the_foot_named_under_it_at_its_height():
    step_up = Pose(90, Limbs(hip=95, knee=100), STAND, contact=("right-foot", "left-foot"))
    figure = Figure(step_up, step_up, equipment=(Item("box", under="right-foot"),))
    placed = place(figure, step_up)
    (box,) = placed.supports
    foot = placed.body["right-foot"]
    assert box.x0 < foot[0] < box.x1
    assert placed.distance("right-foot") == pytest.approx(0.0, abs=1e-9) or placed.distance("left-foot") == pytest.approx(0.0, abs=1e-9)
    assert placed.tops == {"right-foot": box.top, "left-foot": 0.0}


def test_a_pose_without_contact_is_in_the_air():
    jump = Pose(90, STAND, STAND)
    placed = place(Figure(jump, jump), jump)
    assert min(placed.body[p][1] for p in ("right-toes", "right-heel")) - CLEAR == pytest.approx(0.8)


# -- the pair and its arrow ------------------------------------------------------------------------


def test_the_pair_puts_start_before_end_on_one_ground_line():
    p = pair(bridge())
    start_xs = [x + p.start_dx for x, _ in p.start.body.points.values()]
    end_xs = [x + p.end_dx for x, _ in p.end.body.points.values()]
    assert max(start_xs) < min(end_xs)
    assert 0 < min(start_xs) and max(end_xs) < p.width
    assert p.bottom < 0 < p.top
    x0, x1, _ = p.between
    assert max(start_xs) < x0 < x1 < min(end_xs)


def test_the_arrow_follows_the_point_that_moves_most_and_stays_clear_of_the_ground():
    p = pair(bridge())
    assert p.move is not None
    hips_end = p.end.body["hips"][0] + p.end_dx
    assert abs(p.move.b[0] - hips_end) < 1.0  # the hips rise: the arrow ends near them
    assert p.move.b[1] > p.move.a[1]  # upward
    assert min(p.move.a[1], p.move.b[1]) > 0.3


def _arrow_by_brute_force(p0, p1, body, least):
    """The arrow search as first written: every candidate scored on every point and segment. The
    pruned search must choose the same arrow (same bytes in the PDFs)."""
    from cardgen.figure.pair import _SHORTEN, _curve, _segments

    def to_segment(q, a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / length2))
        return math.dist(q, (a[0] + t * dx, a[1] + t * dy))

    length = math.dist(p0, p1)
    if length < least:
        return None
    ux, uy = (p1[0] - p0[0]) / length, (p1[1] - p0[1]) / length
    nx, ny = -uy, ux
    cut = min(_SHORTEN, length * 0.2)
    a0, b0 = (p0[0] + ux * cut, p0[1] + uy * cut), (p1[0] - ux * cut, p1[1] - uy * cut)
    best = None
    for off, bend in ((o, b) for o in (0.0, 0.5, -0.5, 0.9, -0.9) for b in (0.22, -0.22, 0.0)):
        a, b = (a0[0] + nx * off, a0[1] + ny * off), (b0[0] + nx * off, b0[1] + ny * off)
        mid = ((a[0] + b[0]) / 2 + nx * bend * length, (a[1] + b[1]) / 2 + ny * bend * length)
        c = (2 * mid[0] - (a[0] + b[0]) / 2, 2 * mid[1] - (a[1] + b[1]) / 2)
        pts = _curve(a, c, b)
        if min(y for _, y in pts) < 0.35:
            continue
        clear = min(min(to_segment(q, s0, s1) for s0, s1 in _segments(body)) for q in pts)
        clear = min(clear, min(math.dist(q, body["head"]) - HEAD / 2 for q in pts))
        score = round(min(clear, 0.6), 3)
        if best is None or score > best[0]:
            best = (score, (a, c, b))
    return best[1] if best else None


def test_the_pruned_arrow_search_chooses_what_scoring_every_candidate_fully_chooses():
    import random

    from cardgen.content.figure_checks import to_figure
    from cardgen.figure.pair import _arrow
    from cardgen.pipeline import load

    rng = random.Random(7)
    figures = [to_figure(e.figure) for e in load().exercises.values() if e.figure is not None]
    chosen = 0
    for figure in rng.sample(figures, 12):
        body = place(figure, figure.end).body
        points = list(body.points.values())
        for _ in range(12):
            p1 = rng.choice(points) if rng.random() < 0.7 else (rng.uniform(-4, 4), rng.uniform(0, 8))
            p0 = (p1[0] + rng.uniform(-5, 5), p1[1] + rng.uniform(-5, 5))
            got = _arrow(p0, p1, body, 1.0)
            assert (got and (got.a, got.c, got.b)) == _arrow_by_brute_force(p0, p1, body, 1.0)
            chosen += got is not None
    assert chosen > 100  # most cases do get an arrow: the comparison is not of Nones


def test_a_still_point_gets_no_arrow():
    hold = Pose(90, STAND, STAND, contact=("right-foot", "left-foot"))
    assert pair(Figure(hold, hold)).move is None


# -- the format's messages ------------------------------------------------------------------------

FIGURE = """
figure:
  view: {view}
  moves: hips
  equipment:
    - {{item: band, at: knees}}
  start:
    trunk: 90
    right: {{hip: 0, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
    left: same
    contact: [right-foot, left-foot]
  end:
    trunk: 90
    right: {{hip: 30, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
    left: {{hip: 0, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
    contact: [left-foot]
"""


def with_figure(content, view: str = "front") -> int:
    """The band walk with a figure; returns the line `figure:` is on."""
    text = (content.root / "exercises/band-walk.yaml").read_text(encoding="utf-8")
    content.write("exercises/band-walk.yaml", text + FIGURE.format(view=view))
    return text.count("\n") + 2


def test_a_valid_figure_loads_and_reaches_the_plan_data(content):
    with_figure(content)
    library = content.load()
    spec = library.exercises["band-walk"].figure
    assert spec is not None and spec.view == "front" and spec.start.left is None  # `same`
    from cardgen.to_plan import exercise

    figure = exercise(library.exercises["band-walk"]).figure
    assert figure is not None and figure.start.left == figure.start.right and figure.equipment == (Item("band", at="knees"),)


@pytest.mark.parametrize(
    ("old", "new", "offset", "expected"),
    [
        ("hip: 30, knee: 0", "hip: 120, knee: 0", 12,
         "figure.end.right.hip: expected an angle from -30 to 90 in the front view (0 the leg straight down, + out to the side), found 120"),
        ("hip: 30, knee: 0, ankle: 0, shoulder: 0, elbow: 0", "hip: 30, knee: 0, ankle: 0, shoulder: 0", 12,
         "figure.end.right.elbow: required field is missing"),
        ("left: same", "left: sam", 8, "figure.start.left: expected 'same' or the five joints (hip, knee, ankle, shoulder, elbow), "
         "found 'sam' (did you mean 'same'?)"),
        ("moves: hips", "moves: hipps", 2, "figure.moves: unknown point 'hipps' (did you mean 'hips'?)"),
        ("contact: [left-foot]", "contact: [lefft-foot]", 14, "figure.end.contact[0]: unknown point 'lefft-foot' (did you mean 'left-foot'?)"),
        ("item: band, at: knees", "item: bands, at: knees", 4, "figure.equipment[0].item: unknown item 'bands' (did you mean 'band'?)"),
        ("item: band, at: knees", "item: band, at: knee", 4, "figure.equipment[0].at: a band goes at knees, ankles or thighs, "
         "found 'knee' (did you mean 'knees'?)"),
        ("item: band, at: knees", "item: band, under: right-foot", 4, "figure.equipment[0].under: a band is placed with 'at'"),
        ("item: band, at: knees", "item: box", 4, "figure.equipment[0]: a box needs 'under': a point of the body, like right-foot or shoulders"),
        ("trunk: 90\n    right: {hip: 0", "trunk: 90\n    neck: 80\n    right: {hip: 0", 7,
         "figure.start.neck: expected an angle from -60 to 60 (0 the head in line with the trunk), found 80"),
    ],
)
def test_a_broken_figure_names_file_line_field_and_the_fix(content, old, new, offset, expected):
    line = with_figure(content)
    content.edit("exercises/band-walk.yaml", old, new)
    assert content.problems() == [f"{EX}:{line + offset}: {expected}"]


def test_the_side_view_has_its_own_ranges(content):
    line = with_figure(content, view="side")
    content.edit("exercises/band-walk.yaml", "hip: 30, knee: 0", "hip: 30, knee: -10")
    assert content.problems() == [f"{EX}:{line + 12}: figure.end.right.knee: expected an angle from 0 to 160 in the side view (0 straight), found -10"]


def test_a_figure_that_does_not_rest_as_written_is_a_warning_and_still_loads(content):
    line = with_figure(content, view="side")
    content.edit("exercises/band-walk.yaml", "contact: [left-foot]", "contact: [left-foot, right-foot]")
    library = content.load()
    assert "band-walk" in library.exercises
    (warning,) = [str(w) for w in library.warnings]
    # The right leg is lifted 30° to the side: its foot (its lowest edge) is off the floor.
    assert warning == f"{EX}:{line}: figure: end: right-foot rests 0.37 head heights above its support (at most 0.15 is drawn as touching)"


def test_the_documented_example_is_valid_and_rests_as_written():
    import re
    from pathlib import Path

    import yaml

    from cardgen.content.figure import FigureSpec, figure_problems, figure_warnings

    doc = (Path(__file__).resolve().parent.parent / "docs" / "content-format.md").read_text(encoding="utf-8")
    section = doc.split("### Figures", 1)[1]
    block = re.search(r"```yaml\n(figure:.*?)```", section, re.S)
    assert block is not None
    spec = FigureSpec.model_validate(yaml.safe_load(block.group(1))["figure"])
    assert figure_problems(spec) == [] and figure_warnings(spec) == []


def test_an_item_holds_every_contact_over_it_both_feet_on_a_box():
    landed = Pose(90, Limbs(hip=60, knee=100, ankle=10), Limbs(hip=60, knee=100, ankle=10), contact=("right-foot", "left-foot"))
    figure = Figure(landed, landed, equipment=(Item("box", under="right-foot"),))
    placed = place(figure, landed)
    (box,) = placed.supports
    assert placed.tops == {"right-foot": box.top, "left-foot": box.top}
    assert misplaced(figure) == []


def test_an_item_kept_to_one_pose_is_not_under_the_other():
    stand = Pose(90, Limbs(hip=20, knee=30), Limbs(hip=20, knee=30), contact=("right-foot", "left-foot"))
    landed = Pose(90, Limbs(hip=60, knee=100, ankle=10), Limbs(hip=60, knee=100, ankle=10), contact=("right-foot", "left-foot"))
    figure = Figure(stand, landed, equipment=(Item("box", under="right-foot", pose="end"),))
    assert misplaced(figure) == []
    start, end = place(figure, figure.start), place(figure, figure.end)
    assert start.supports == () and start.tops == {"right-foot": 0.0, "left-foot": 0.0}
    assert len(end.supports) == 1 and pair(figure).start_shapes == ()


def test_a_named_point_gets_its_arrow_for_a_short_move_the_default_does_not():
    stand = Pose(90, Limbs(hip=5), Limbs(hip=5), contact=("right-foot", "left-foot"))
    step = Pose(90, Limbs(hip=16), Limbs(hip=5), contact=("right-foot", "left-foot"))
    assert pair(Figure(stand, step, view="front")).move is None  # the foot travels about 0.7 head heights
    assert pair(Figure(stand, step, view="front", moves="right-ankle")).move is not None


def test_the_example_exercise_of_a_new_workspace_has_a_figure_that_rests_as_written():
    import yaml

    from cardgen.content.figure import FigureSpec, figure_problems, figure_warnings
    from cardgen.workspace import _EXERCISE

    spec = FigureSpec.model_validate(yaml.safe_load(_EXERCISE)["figure"])
    assert figure_problems(spec) == [] and figure_warnings(spec) == []
