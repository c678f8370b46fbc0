"""A coach's workspace laid over the shipped library, and `cardgen init` that writes one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.content.load import load_content
from cardgen.pipeline import plan_from
from cardgen.resources import default_content_dir

from conftest import SHIPPED_CONTENT, SIDE_PLANK

# A plan of the workspace that names only shipped exercises.
SHIPPED_ONLY_PLAN = """\
title: Coach plan
weeks: 2
sessions:
  A: {focus: Hips, exercises: [{exercise: single-leg-deadlift}, {exercise: clamshell}]}
"""


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def workspace(root: Path) -> Path:
    (root / "exercises").mkdir(parents=True)
    (root / "plans").mkdir()
    return root


def test_a_workspace_plan_uses_shipped_exercises_without_copying_them(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ws = workspace(tmp_path / "ws")
    (ws / "plans" / "coach-plan.yaml").write_text(SHIPPED_ONLY_PLAN, encoding="utf-8")
    library = load_content(ws)
    plan = plan_from(library, "coach-plan")
    assert list(plan.exercises) == ["single-leg-deadlift", "clamshell"]
    assert library.origins["plan:coach-plan"] == "yours"
    assert library.origins["single-leg-deadlift"] == "shipped"
    # The shipped exercises' alternatives resolve against the merged library: their names are known.
    assert all(v.exercise in plan.names for ex in plan.exercises.values() for v in ex.harder if getattr(v, "exercise", None))
    assert list((ws / "exercises").iterdir()) == []


def test_the_same_id_replaces_the_shipped_one_and_list_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ws = workspace(tmp_path / "ws")
    (ws / "exercises" / "side-plank.yaml").write_text(SIDE_PLANK.replace("name: Side plank", "name: Coach side plank"), encoding="utf-8")
    library = load_content(ws)
    assert library.exercises["side-plank"].name == "Coach side plank"
    assert library.origins["side-plank"] == "yours, replaces shipped"
    assert len(library.exercises) == len(list((SHIPPED_CONTENT / "exercises").glob("*.yaml")))
    lines = run("list", "--content", "ws").output.splitlines()
    assert [line.split("  ")[1:] for line in lines if line.startswith("  side-plank ")][0][-2:] == ["yours, replaces shipped", "Coach side plank: obliques"]
    assert any(line.startswith("  glute-bridge ") and "  shipped  " in line for line in lines)


def test_a_shipped_exercise_names_a_replaced_alternative(tmp_path, monkeypatch):
    # glute-bridge (shipped) lists elevated-glute-bridge as harder: the workspace's version is the one used.
    monkeypatch.chdir(tmp_path)
    ws = workspace(tmp_path / "ws")
    text = (SHIPPED_CONTENT / "exercises" / "elevated-glute-bridge.yaml").read_text(encoding="utf-8")
    assert text.startswith("name: ")
    (ws / "exercises" / "elevated-glute-bridge.yaml").write_text("name: Coach " + text[6:], encoding="utf-8")
    library = load_content(ws)
    assert library.exercises["elevated-glute-bridge"].name.startswith("Coach ")
    assert "elevated-glute-bridge" in [v.exercise for v in library.exercises["glute-bridge"].harder]


def test_a_broken_workspace_file_is_reported_with_its_own_path_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ws = workspace(tmp_path / "ws")
    (ws / "plans" / "coach-plan.yaml").write_text(SHIPPED_ONLY_PLAN.replace("clamshell", "clamshel"), encoding="utf-8")
    (ws / "exercises" / "side-plank.yaml").write_text(SIDE_PLANK.replace("cues:", "cue:"), encoding="utf-8")
    result = run("check", "--content", "ws")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "ws/exercises/side-plank.yaml:1: cues: required field is missing"
    assert lines[1].startswith("ws/exercises/side-plank.yaml:9: cue: unknown field (did you mean 'cues'?)")
    assert lines[2] == "ws/plans/coach-plan.yaml:4: sessions.A.exercises[1].exercise: unknown exercise 'clamshel' (did you mean 'clamshell'?)"
    assert lines[3:] == ["3 problems found."]


def test_a_shipped_plan_that_does_not_fit_a_replaced_exercise_is_left_out_with_a_warning(tmp_path, monkeypatch):
    # six-move-leg-workout doses lateral-band-walk in steps; counted in reps, it cannot take that dose.
    monkeypatch.chdir(tmp_path)
    ws = workspace(tmp_path / "ws")
    text = (SHIPPED_CONTENT / "exercises" / "lateral-band-walk.yaml").read_text(encoding="utf-8")
    assert "\ncounted: steps\n" in text
    (ws / "exercises" / "lateral-band-walk.yaml").write_text(text.replace("\ncounted: steps\n", "\ncounted: reps\n"), encoding="utf-8")
    result = run("check", "--content", "ws")
    assert result.exit_code == 0, result.output
    why = ("shipped plan 'six-move-leg-workout' is left out: it does not fit your lateral-band-walk "
           "(sessions.A.exercises[5].dose: this exercise is counted in reps, but the dose is in steps)")
    assert result.stderr.startswith("warning: ") and result.stderr.rstrip().endswith(why)
    result = run("build", "--plan", "six-move-leg-workout", "--content", "ws", "--out", "out")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.rstrip().endswith(why)
    assert not (tmp_path / "out").exists()


def test_the_shipped_library_is_not_merged_twice(monkeypatch, tmp_path):
    library = load_content(SHIPPED_CONTENT)
    assert set(library.origins.values()) == {"shipped"}
    assert len(library.exercises) == len(list((SHIPPED_CONTENT / "exercises").glob("*.yaml")))
    monkeypatch.chdir(tmp_path)
    assert default_content_dir() != tmp_path  # no workspace here: the shipped library
    workspace(tmp_path / "ws")
    assert default_content_dir(tmp_path / "ws") == tmp_path / "ws"


def test_init_check_build_in_a_new_workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "my-coaching")
    assert result.exit_code == 0, result.output
    ws = tmp_path / "my-coaching"
    assert sorted(str(p.relative_to(ws)) for p in ws.rglob("*")) == [
        "README.md", "assets", "coach.yaml", "exercises", "exercises/single-leg-balance.yaml", "plans", "plans/my-first-plan.yaml",
        "roster.csv",
    ]
    roster = (ws / "roster.csv").read_text(encoding="utf-8").splitlines()
    assert roster[0] == "name,email,plan,start,race,paper,have,card,notes"
    assert any(",my-first-plan," in row for row in roster[1:])  # a client on the workspace's own plan
    assert "cardgen build --plan my-first-plan" in (ws / "README.md").read_text(encoding="utf-8")
    plan = (ws / "plans" / "my-first-plan.yaml").read_text(encoding="utf-8")
    assert "exercise: single-leg-balance" in plan and "exercise: glute-bridge" in plan
    monkeypatch.chdir(ws)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{ws}: 1 exercise and 1 plan of yours, all valid; ")
    # Its one session is done twice a week: that is two sessions a week to the runner.
    listed = run("list").output
    assert any(line.startswith("  my-first-plan ") and line.endswith("(3 weeks, 2 sessions a week)") for line in listed.splitlines()), listed
    result = run("build", "--plan", "my-first-plan", "--only", "booklet")
    assert result.exit_code == 0, result.output
    with pdfplumber.open(ws / "output" / "my-first-plan" / "booklet.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Single-leg balance" in text and "Glute bridge" in text


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", "full")
    assert result.exit_code == 1
    assert result.output == "Error: full already exists and is not empty; choose a new folder name, nothing was written\n"
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert run("init", "empty").exit_code == 0


def test_init_check_build_with_the_installed_command(tmp_path):
    cardgen = Path(sys.executable).parent / "cardgen"  # the one installed beside this Python
    subprocess.run([cardgen, "init", "my-coaching"], cwd=tmp_path, check=True, capture_output=True)
    ws = tmp_path / "my-coaching"
    done = subprocess.run([cardgen, "check"], cwd=ws, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "1 exercise and 1 plan of yours, all valid" in done.stdout
    done = subprocess.run([cardgen, "build", "--plan", "my-first-plan", "--only", "cards"], cwd=ws, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (ws / "output" / "my-first-plan" / "cards.pdf").read_bytes().startswith(b"%PDF-")


def test_build_takes_coach_yaml_defaults_for_what_the_command_line_leaves_out(tmp_path, monkeypatch):
    ws = workspace(tmp_path / "ws")
    (ws / "coach.yaml").write_text("name: Ana\ndefaults:\n  paper: letter\n  have: none\n", encoding="utf-8")
    monkeypatch.chdir(ws)
    result = run("build", "--plan", "8-week-half", "--only", "poster", "--out", "letter")
    assert result.exit_code == 0, result.output
    result = run("build", "--plan", "8-week-half", "--only", "poster", "--out", "a4", "--paper", "a4")
    assert result.exit_code == 0, result.output
    sizes = {}
    for name in ("letter", "a4"):
        with pdfplumber.open(ws / name / "poster.pdf") as pdf:
            sizes[name] = (round(float(pdf.pages[0].width)), round(float(pdf.pages[0].height)))
    assert sizes == {"letter": (612, 792), "a4": (595, 842)}


def test_only_the_options_nobody_gave_take_the_coachs_defaults():
    from cardgen.coach import ClientDefaults, with_defaults

    defaults = ClientDefaults("letter", "a6", "color", frozenset(), "short", "a3")
    given = {"paper": "a4", "card": "quarter", "theme": "mono", "duplex": "long", "poster_paper": None, "have": None, "plan": "x"}
    assert with_defaults(given, {"paper", "plan"}, defaults) == {
        "paper": "a4", "card": "a6", "theme": "color", "duplex": "short", "poster_paper": "a3", "have": frozenset(), "plan": "x",
    }
