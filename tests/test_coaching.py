"""Coaching warnings that need plan data: a harder exercise that takes over must start low.

The `content` fixture (conftest.py) is a small valid folder; each test adds a harder bridge to it.
"""

from __future__ import annotations

from click.testing import CliRunner

from cardgen.cli import main
from cardgen.pipeline import load

from conftest import SHIPPED_CONTENT

PLAN = "content/plans/basic.yaml"

HARD_BRIDGE = """\
name: Hard bridge
muscles:
  primary: [glutes]
per_side: true
purpose: Lifts the hips on one leg.
steps:
  - Lift.
cues:
  - Hips level
  - Ribs down
  - Squeeze
dose: 3 x 8
"""

# Session A: the bridge in weeks 1-2 (ramp 3 x 8-10 → 3 x 12-15 over 1-3), the harder one from week 3.
SWAP = (
    "      - exercise: glute-bridge\n",
    "      - exercise: glute-bridge\n        weeks: 1-2\n      - exercise: hard-bridge\n        weeks: 3-4\n",
)


def warnings(content) -> list[str]:
    return [str(w) for w in load(content.root).warnings]


def test_a_harder_exercise_starting_above_the_easier_ones_start_is_a_warning(content):
    content.write("exercises/hard-bridge.yaml", HARD_BRIDGE)
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", "dose: 3 x 12\nharder:\n  - exercise: hard-bridge\n")
    content.edit("plans/basic.yaml", *SWAP)
    assert warnings(content) == [
        f"{PLAN}:15: sessions.A.exercises[1].exercise: 'hard-bridge', harder than 'glute-bridge', starts at "
        "3 × 12–15 each side in week 3, above where 'glute-bridge' started (3 × 8–10 in week 1); start it no higher"
    ]


def test_a_replacement_the_week_after_the_other_ends_is_checked_too(content):
    content.write("exercises/hard-bridge.yaml", HARD_BRIDGE)
    content.edit("plans/basic.yaml", *SWAP)
    [warning] = warnings(content)
    assert "'hard-bridge', taking over from 'glute-bridge', starts at 3 × 12–15 each side in week 3" in warning


def test_a_harder_exercise_that_starts_low_is_fine(content):
    content.write("exercises/hard-bridge.yaml", HARD_BRIDGE)
    content.edit("exercises/glute-bridge.yaml", "dose: 3 x 12\n", "dose: 3 x 12\nharder:\n  - exercise: hard-bridge\n")
    content.edit("plans/basic.yaml", SWAP[0], SWAP[1] + "        dose: 3 x 6-8\n")
    assert warnings(content) == []


def test_an_exercise_done_alongside_from_the_start_is_not_a_replacement(content):
    content.write("exercises/hard-bridge.yaml", HARD_BRIDGE)
    content.edit("plans/basic.yaml", SWAP[0], SWAP[0] + "      - exercise: hard-bridge\n        dose: 3 x 20\n")
    assert warnings(content) == []


def test_check_prints_the_warning(content):
    content.write("exercises/hard-bridge.yaml", HARD_BRIDGE)
    content.edit("plans/basic.yaml", *SWAP)
    result = CliRunner().invoke(main, ["check", "--content", "content"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {PLAN}:15: sessions.A.exercises[1].exercise: 'hard-bridge', taking over")
    assert result.stdout == "content: 4 exercises and 1 plan of yours, all valid; with the shipped library, 49 exercises and 8 plans.\n"


def test_the_shipped_plans_start_every_harder_exercise_low():
    assert [str(w) for w in load(SHIPPED_CONTENT).warnings] == []
