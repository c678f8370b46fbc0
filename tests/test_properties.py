"""Property tests: whatever text arrives, the loader, the dose language and the week ranges give a
value or a message for the user (ValueError, a Problem, ContentError), never another exception."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from cardgen.content.load import load_library
from cardgen.content.yamlsource import read_yaml
from cardgen.doselang import Dose, parse_dose, parse_weeks
from cardgen.errors import ContentError

from conftest import BASIC_PLAN, GLUTE_BRIDGE

# Text near the languages' own alphabets finds more than uniformly random text.
DOSE_CHARS = string.digits + " xX×-–/,.s" + "reps steps side rest min"
WEEK_CHARS = string.digits + " -–,"
YAML_CHARS = string.printable + "×–’é\u00a0\u00ad"
PLAN = BASIC_PLAN.replace("      - exercise: side-plank\n        dose: 2 x 20 s\n", "")  # glute bridge only
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(st.one_of(st.text(DOSE_CHARS, max_size=40), st.text(max_size=20), st.integers(), st.none(), st.booleans()))
def test_any_dose_parses_or_says_why(text):
    try:
        dose = parse_dose(text)
    except ValueError as exc:
        assert str(exc)  # a message for the user
    else:
        assert isinstance(dose, Dose) and 1 <= dose.sets


@FAST
@given(st.one_of(st.text(WEEK_CHARS, max_size=30), st.integers(-5, 10**12), st.none(), st.floats()))
def test_any_week_selection_parses_or_says_why(text):
    try:
        weeks = parse_weeks(text, total=12)
    except ValueError as exc:
        assert str(exc)
    else:
        assert weeks == tuple(sorted(set(weeks))) and all(1 <= w <= 12 for w in weeks)


@FAST
@given(st.text(YAML_CHARS, max_size=300))
@example("name: Bridge\n?\n  primary: [glutes]\ndose: 3 x 12\n")  # a complex key: once a TypeError
def test_any_file_reads_or_gives_problems(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("y") / "x.yaml"
    path.write_text(text, encoding="utf-8")
    source, problems = read_yaml(path, "x.yaml")
    assert source is not None or problems
    assert all(p.file == "x.yaml" and p.message for p in problems)


def _mutations():
    """An exercise file with one of its lines replaced by arbitrary text or deleted."""
    lines = GLUTE_BRIDGE.splitlines()
    return st.tuples(st.integers(0, len(lines) - 1), st.one_of(st.none(), st.text(YAML_CHARS, max_size=60)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_mutations())
def test_any_broken_exercise_loads_or_gives_content_errors(tmp_path_factory, mutation):
    root: Path = tmp_path_factory.mktemp("content")
    (root / "exercises").mkdir()
    (root / "plans").mkdir()
    lines = GLUTE_BRIDGE.splitlines()
    at, new = mutation
    lines[at:at + 1] = [] if new is None else [new]
    (root / "exercises" / "glute-bridge.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "plans" / "basic.yaml").write_text(PLAN, encoding="utf-8")
    try:
        library = load_library(root)
    except ContentError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
    else:
        assert "glute-bridge" in library.exercises


def test_the_property_tests_files_load_unbroken_and_fail_broken(tmp_path):
    # Guard against a property test that passes because its files never load, or never fail.
    root = tmp_path
    (root / "exercises").mkdir()
    (root / "plans").mkdir()
    (root / "exercises" / "glute-bridge.yaml").write_text(GLUTE_BRIDGE, encoding="utf-8")
    (root / "plans" / "basic.yaml").write_text(PLAN, encoding="utf-8")
    assert "basic" in load_library(root).plans
    (root / "exercises" / "glute-bridge.yaml").write_text(GLUTE_BRIDGE.replace("name: Glute bridge\n", "name: [\n"), encoding="utf-8")
    with pytest.raises(ContentError):
        load_library(root)
