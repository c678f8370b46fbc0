"""Shared fixtures: a small valid content folder that a test breaks one field at a time."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from cardgen.content.load import load_library
from cardgen.errors import ContentError
from cardgen.pipeline import BuildOptions, plan_from, render

# The content cache (cardgen/content/cache.py) of this session: never the user's, and empty at the
# start, so no test depends on what another run left. Set before any test loads, in the environment,
# so the builds that tests run in subprocesses use it too.
CACHE_HOME = tempfile.mkdtemp(prefix="cardgen-test-cache-")
os.environ["XDG_CACHE_HOME"] = os.environ["LOCALAPPDATA"] = CACHE_HOME
os.environ.pop("CARDGEN_CACHE", None)
atexit.register(shutil.rmtree, CACHE_HOME, ignore_errors=True)

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = REPO / "content"

# Tests point at these files' lines in their expected messages (line 1 is `name:`), so add lines at the end.
GLUTE_BRIDGE = """\
name: Glute bridge
muscles:
  primary: [glutes]
counted: reps
per_side: false
purpose: Lifts the hips with the glutes.
steps:
  - Press through the heels and lift the hips.
cues:
  - Heels under knees
  - Ribs down
  - Squeeze at the top
dose: 3 x 12
"""

SIDE_PLANK = """\
name: Side plank
muscles:
  primary: [obliques]
counted: seconds
per_side: true
purpose: Holds the pelvis level.
steps:
  - Lie on one side and lift the hips.
cues:
  - Straight line
  - Hips high
  - Breathe
dose: 3 x 30 s
"""

# Not used by the plan, so breaking it gives only its own problems.
BAND_WALK = """\
name: Band walk
muscles:
  primary: [glutes]
counted: steps
per_side: true
purpose: Wakes up the side of the hip.
steps:
  - Step sideways against the band.
cues:
  - Knees out
  - Stay low
  - Toes forward
dose: 3 x 10 steps
"""

BASIC_PLAN = """\
title: Basic plan
weeks: 4
race_week: 4
progression:
  reps: {from: 3 x 8-10, to: 3 x 12-15, over: 1-3}
phases:
  - {weeks: 1-3, name: Build}
  - {weeks: 4, name: Race week, kind: taper, sets: 1, like_week: 1}
sessions:
  A:
    focus: Glutes
    exercises:
      - exercise: glute-bridge
      - exercise: side-plank
        dose: 2 x 20 s
"""


class ContentDir:
    """A content folder under tmp_path; messages name its files relative to tmp_path (the cwd)."""

    def __init__(self, root: Path):
        self.root = root
        self.write("exercises/glute-bridge.yaml", GLUTE_BRIDGE)
        self.write("exercises/side-plank.yaml", SIDE_PLANK)
        self.write("exercises/band-walk.yaml", BAND_WALK)
        self.write("plans/basic.yaml", BASIC_PLAN)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace `old` (which must occur exactly once) by `new` in one file."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def load(self):
        return load_library(self.root)

    def problems(self) -> list[str]:
        """Every problem line `load_library` reports; fails the test if the folder is valid."""
        with pytest.raises(ContentError) as info:
            load_library(self.root)
        return [str(p) for p in info.value.problems]


@pytest.fixture
def content(tmp_path, monkeypatch) -> ContentDir:
    """A valid content folder at tmp_path/content, with the cwd at tmp_path."""
    monkeypatch.chdir(tmp_path)
    return ContentDir(tmp_path / "content")


LIBRARY = load_library(SHIPPED_CONTENT)
PLANS = sorted(LIBRARY.plans)
ATHLETE = "Zoë Łukasiewicz-Ní Bhriain"


@pytest.fixture(scope="session")
def built():
    """Every shipped plan on A4 (dated, with an athlete), the default plan on Letter too, rendered once."""
    out = {}
    for plan_id in PLANS:
        plan = plan_from(LIBRARY, plan_id, dt.date(2026, 3, 2))
        out[plan_id, "a4"] = (plan, render(plan, BuildOptions(plan_id, athlete=ATHLETE)))
    plan = plan_from(LIBRARY, "8-week-half")
    out["8-week-half", "letter"] = (plan, render(plan, BuildOptions("8-week-half", paper="letter")))
    return out
