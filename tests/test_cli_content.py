"""The command line on good and bad content: check, list, --version, and build's refusals."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from cardgen import __version__
from cardgen.cli import main

from conftest import SHIPPED_CONTENT
from test_validation import SQUAT_JUMP

SHIPPED_PLANS = "; shipped: " + ", ".join(sorted(p.stem for p in (SHIPPED_CONTENT / "plans").glob("*.yaml")))
SECOND_PLAN = """\
title: Bridges only
weeks: 2
sessions:
  A: {focus: Glutes, exercises: [{exercise: glute-bridge}]}
  B: {focus: Glutes again, exercises: [{exercise: glute-bridge}]}
"""


def run(*args):
    result = CliRunner().invoke(main, list(args))
    # A user-facing error ends in SystemExit; anything else is an unhandled exception (a traceback).
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def break_content(content):
    content.edit("plans/basic.yaml", "\nweeks: 4\n", "\nweeks: eight\n")
    content.edit("exercises/band-walk.yaml", "cues:", "cue:")


BROKEN = [
    "content/exercises/band-walk.yaml:1: cues: required field is missing",
    "content/exercises/band-walk.yaml:9: cue: unknown field (did you mean 'cues'?); known fields: name, muscles, "
    "equipment, kind, counted, per_side, purpose, setup, steps, cues, key_cues, mistakes, easier, harder, no_equipment, "
    "dose, rest, image, video, figure",
    "content/plans/basic.yaml:2: weeks: expected a whole number, found 'eight'",
    "3 problems found.",
]


def test_check_good_content_prints_one_line_and_exits_0(content):
    content.write("plans/bridges.yaml", SECOND_PLAN)
    result = run("check", "--content", "content")
    assert result.exit_code == 0
    assert result.output == "content: 3 exercises and 2 plans of yours, all valid; with the shipped library, 48 exercises and 9 plans.\n"


def test_check_counts_one_plan_in_the_singular(content):
    result = run("check", "--content", "content")
    assert result.output == "content: 3 exercises and 1 plan of yours, all valid; with the shipped library, 48 exercises and 8 plans.\n"


def test_check_uses_the_content_folder_of_the_cwd_by_default(content):
    result = run("check")
    assert result.exit_code == 0
    assert result.output.startswith(f"{content.root}: 3 exercises and 1 plan of yours, all valid; ")


def test_check_the_shipped_content():
    exercises = len(list((SHIPPED_CONTENT / "exercises").glob("*.yaml")))
    plans = len(list((SHIPPED_CONTENT / "plans").glob("*.yaml")))
    result = run("check", "--content", str(SHIPPED_CONTENT))
    assert result.exit_code == 0, result.output
    assert result.output == f"{SHIPPED_CONTENT}: {exercises} exercises and {plans} plans, all valid.\n"


def test_check_bad_content_lists_every_problem_without_a_traceback(content):
    break_content(content)
    result = run("check", "--content", "content")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output == "\n".join(BROKEN) + "\n"
    assert "Traceback" not in result.output


def test_check_bad_content_in_a_real_process_has_no_traceback(content):
    break_content(content)
    proc = subprocess.run(
        [sys.executable, "-m", "cardgen", "check", "--content", "content"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == "\n".join(BROKEN) + "\n"
    assert "Traceback" not in proc.stderr


def test_check_in_a_workspace_checks_coach_yaml_with_the_content_every_problem_at_once(content):
    """A coach runs `check` before a batch: coach.yaml's problems come with the content's, in the
    build's words, and the exit is not 0."""
    break_content(content)
    content.write("coach.yaml", "name: Ana Pérez\naccent: teal-ish\nsmtp:\n  host: x\n  password: secret\n")
    result = run("check", "--content", "content")
    assert result.exit_code == 1
    coach = [str(p) for p in _coach_problems(content.root)]
    assert coach and all(line.startswith("coach.yaml:") for line in coach)
    assert result.output == "\n".join(sorted([*coach, *BROKEN[:-1]])) + f"\n{len(coach) + 3} problems found.\n"
    assert "secret" not in result.output


def test_check_in_a_workspace_warns_of_what_would_print_badly_and_says_coach_yaml_is_valid(content):
    from PIL import Image

    Image.new("RGB", (90, 30), (0, 0, 0)).save(content.root / "logo.png")
    long = "Questions about a session, a missed week or a niggle? Email me any time, I answer within a day."
    content.write("coach.yaml", f'name: Ana Pérez\nlogo: logo.png\naccent: "#ffee00"\nfooter: {long}\n')
    result = CliRunner().invoke(main, ["check", "--content", "content"])
    assert result.exit_code == 0, result.output
    # The accent is judged as printed in colour, what it is for, though this coach's default theme is mono.
    assert result.stderr == (
        "warning: coach.yaml:2: logo: logo.png is 90 × 30 pixels: on the cover it prints at 76 dpi and will look blurred; use one about 1000 pixels wide\n"
        "warning: coach.yaml: footer: too long for the foot of a booklet page, which takes about 64 characters; it is cut short\n"
        "warning: coach.yaml: accent: #ffee00 is too pale to read on white paper (contrast 1.2:1, headings need 3:1); choose a darker shade\n"
    )
    assert result.stdout.endswith("coach.yaml: valid.\n")


def _coach_problems(folder):
    from cardgen.coach import load_coach
    from cardgen.errors import ContentError

    with pytest.raises(ContentError) as info:
        load_coach(folder)
    return info.value.problems


def test_check_missing_folder(content):
    result = run("check", "--content", "nowhere")
    assert result.exit_code == 1
    assert result.output == "nowhere: content folder not found\n1 problem found.\n"


def test_list_plans_and_exercises_and_where_each_comes_from(content):
    content.write("plans/bridges.yaml", SECOND_PLAN)
    result = run("list", "--content", "content")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    own = [line for line in lines if "  shipped  " not in line]
    assert own == [
        "Plans:",
        "  basic                         yours                    Basic plan (4 weeks, 1 session a week)",
        "  bridges                       yours                    Bridges only (2 weeks, 2 sessions a week)",
        "Exercises:",
        "  band-walk                     yours                    Band walk: glutes",
        "  glute-bridge                  yours, replaces shipped  Glute bridge: glutes",
        "  side-plank                    yours, replaces shipped  Side plank: obliques",
    ]
    # The shipped items the folder does not replace are listed too, in order among its own.
    assert "  8-week-half                   shipped                  Half Marathon Leg Strength (8 weeks, 2 sessions a week)" in lines
    assert lines.index("Exercises:") - 1 == len([p for p in (SHIPPED_CONTENT / "plans").glob("*.yaml")]) + 2


def test_list_the_shipped_content():
    result = run("list", "--content", str(SHIPPED_CONTENT))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Plans:" and "Exercises:" in lines
    plans = [line.split()[0] for line in lines[1 : lines.index("Exercises:")]]
    exercises = [line.split()[0] for line in lines[lines.index("Exercises:") + 1 :]]
    assert plans == sorted(p.stem for p in (SHIPPED_CONTENT / "plans").glob("*.yaml"))
    assert exercises == sorted(p.stem for p in (SHIPPED_CONTENT / "exercises").glob("*.yaml"))
    assert any(line.startswith("  8-week-half ") and "Half Marathon Leg Strength (8 weeks, 2 sessions a week)" in line for line in lines)


def test_list_on_bad_content_reports_the_problems(content):
    break_content(content)
    result = run("list", "--content", "content")
    assert result.exit_code == 1
    assert result.output == "\n".join(BROKEN) + "\n"


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"cardgen, version {__version__}\n"


def test_build_unknown_plan_suggests_the_closest(content, tmp_path):
    content.write("plans/bridges.yaml", SECOND_PLAN)
    result = run("build", "--plan", "basc", "--content", "content", "--out", "out")
    assert result.exit_code == 1
    assert result.output == "Error: unknown plan 'basc' (did you mean 'basic'?); plans in content: basic, bridges" + SHIPPED_PLANS + "\n"
    assert not (tmp_path / "out").exists()


def test_build_unknown_plan_without_a_close_one(content):
    result = run("build", "--plan", "nope", "--content", "content")
    assert result.exit_code == 1
    assert result.output == "Error: unknown plan 'nope'; plans in content: basic" + SHIPPED_PLANS + "\n"


def test_build_unknown_plan_in_the_shipped_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("build", "--plan", "8-week-hlaf", "--content", str(SHIPPED_CONTENT), "--out", "out")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: unknown plan '8-week-hlaf' (did you mean '8-week-half'?); plans in {SHIPPED_CONTENT}: ")
    assert "8-week-half" in result.output.split(": ")[-1]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("existing", [False, True])
def test_build_on_invalid_content_writes_nothing(content, tmp_path, existing):
    out = tmp_path / "out"
    if existing:
        out.mkdir()
    break_content(content)
    result = run("build", "--plan", "basic", "--content", "content", "--out", str(out))
    assert result.exit_code == 1
    assert result.output == "\n".join(BROKEN) + "\n"
    assert not out.exists() or list(out.iterdir()) == []
    assert not (tmp_path / "output").exists()  # nor into the default output folder


def test_build_without_plan_is_a_usage_error(content):
    result = run("build", "--content", "content")
    assert result.exit_code == 2
    assert "Missing option '--plan'" in result.output


def jump_last(content):
    content.write("exercises/squat-jump.yaml", SQUAT_JUMP)
    content.edit("plans/basic.yaml", "        dose: 2 x 20 s\n", "        dose: 2 x 20 s\n      - exercise: squat-jump\n")


JUMP_WARNING = (
    "warning: content/plans/basic.yaml:16: sessions.A.exercises[2].exercise: 'squat-jump' is power work after "
    "'glute-bridge' (strength); jumps are done first in a session, while the legs are fresh\n"
)


def test_check_prints_warnings_and_still_passes(content):
    jump_last(content)
    result = run("check", "--content", "content")
    assert result.exit_code == 0
    assert result.stderr == JUMP_WARNING
    assert result.stdout == "content: 4 exercises and 1 plan of yours, all valid; with the shipped library, 48 exercises and 8 plans.\n"


def test_build_prints_the_warnings_of_its_plan_only(content, tmp_path):
    jump_last(content)
    content.write("plans/bridges.yaml", SECOND_PLAN)
    result = run("build", "--plan", "bridges", "--content", "content", "--out", "out", "--only", "poster")
    assert result.exit_code == 0 and result.stderr == ""
    result = run("build", "--plan", "basic", "--content", "content", "--out", "out", "--only", "poster")
    assert result.exit_code == 0
    assert result.stderr == JUMP_WARNING
    assert result.stdout == "out/poster.pdf\n"
