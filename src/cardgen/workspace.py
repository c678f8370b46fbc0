"""`cardgen init`: a coach's workspace, ready to check and build, with one example of each file."""

from __future__ import annotations

from pathlib import Path

from cardgen.errors import CardgenError

EXAMPLE_EXERCISE = "single-leg-balance"
EXAMPLE_PLAN = "my-first-plan"

_EXERCISE = """\
# An exercise of your own. The file name (single-leg-balance) is its id: plans name it by that.
# Copy this file to add another; a file named like a shipped exercise (see `cardgen list`)
# replaces the shipped one. Every field is described in the cardgen docs (content-format.md).
name: Single-leg balance
muscles:
  primary: [ankle, hips]
  secondary: [core]
equipment: []
kind: stability          # power, heavy, eccentric, strength or stability: sets the rest between sets
counted: seconds         # reps, seconds or steps
per_side: true
purpose: >-
  Standing on one leg teaches the ankle and hip to keep you steady, the balance every running
  stride needs when one foot is in the air.
setup: Stand tall beside a wall or a chair back, feet together, hands on your hips.
steps:
  - Shift your weight onto one foot and lift the other foot a few centimetres off the floor.
  - Keep the standing knee soft and your hips level.
  - Hold still for the whole set, then change legs.
cues:
  - Tall through the crown
  - Hips level
  - Grip the floor with your toes
mistakes:
  - Locking the standing knee straight.
  - Letting the hip of the lifted leg drop.
easier:
  - name: Fingertip support
    note: Rest one fingertip on the wall until you can hold the whole set without it.
harder:
  - name: Eyes closed
    note: Close your eyes for the last ten seconds of each hold.
dose: 3 x 30 s
"""

_PLAN = """\
# A plan of your own. It may use your exercises (single-leg-balance) and any shipped one
# (glute-bridge, side-plank: see `cardgen list`) without copying them.
# Build it with: cardgen build --plan my-first-plan
title: My First Plan
subtitle: Balance and hips in three weeks
about: >-
  Two short sessions a week on days without a hard run. Move slowly and stop each set while your
  form is still good.
weeks: 3
minutes: 20
sessions:
  A:
    focus: Balance & glutes
    per_week: 2
    exercises:
      - exercise: single-leg-balance
      - exercise: glute-bridge
      - exercise: side-plank
        dose: 2 x 20 s
"""

_README = """\
# Your cardgen workspace

Your own exercises and plans live here; cardgen adds them to the library it ships with.

- `exercises/`: one YAML file per exercise; the file name is its id. `single-leg-balance.yaml` is an example.
- `plans/`: one YAML file per plan. `my-first-plan.yaml` uses your example exercise and shipped ones.
- `assets/`: pictures your exercises name with `image: assets/....png`.

A file named like a shipped exercise or plan replaces the shipped one. Run these inside this folder:

    cardgen check                          # every problem, with its file and line
    cardgen list                           # every plan and exercise, and where it comes from
    cardgen build --plan my-first-plan     # the PDFs, in output/my-first-plan/
"""


def init_workspace(folder: Path) -> list[Path]:
    """Write a workspace into `folder` (new or empty); return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CardgenError(f"{folder} already exists and is not empty; choose a new folder name, nothing was written")
    files = {
        Path("exercises") / f"{EXAMPLE_EXERCISE}.yaml": _EXERCISE,
        Path("plans") / f"{EXAMPLE_PLAN}.yaml": _PLAN,
        Path("README.md"): _README,
    }
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
