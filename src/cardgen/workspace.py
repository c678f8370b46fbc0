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
# The pictogram on the exercise's page: the start and end positions as joint angles (content-format.md,
# "Figures"). Seen from the side, facing right: standing on the right leg, the left knee lifts.
figure:
  working: right
  start:
    trunk: 90
    right: {hip: 0, knee: 0, ankle: 0, shoulder: -25, elbow: 110}
    left: same
    contact: [right-foot, left-foot]
  end:
    trunk: 90
    right: {hip: 0, knee: 0, ankle: 0, shoulder: -25, elbow: 110}
    left: {hip: 65, knee: 85, ankle: -20, shoulder: -25, elbow: 110}
    contact: [right-foot]
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

_COACH = """\
# You, the coach: printed on every booklet, card and poster you build from this folder, and used
# by `cardgen send` to email your clients. Only `name` is required; delete what you do not use.
name: Your Name
business: Your Coaching Business
email: you@example.com
phone: "+44 7700 900123"
web: example.com
# logo: assets/logo.png        # PNG or JPEG; printed small on covers, card backs and the poster
accent: "#1f6f8b"              # your colour, used with --theme color
footer: Questions about a session? Email me any time.
# videos: https://example.com/videos/{id}   # your demonstration videos: a QR code beside each exercise in the booklet, and on card backs

# What a client gets when their row in roster.csv leaves a column empty.
defaults:
  paper: a4                    # a4 or letter
  card: quarter                # quarter, a6, a7, index-3x5, index-4x6 or id1
  theme: mono                  # mono (black and grey) or color

# Your outgoing mail server for `cardgen send`. The password is never written here: set
# CARDGEN_SMTP_PASSWORD, or type it when cardgen asks.
smtp:
  host: smtp.example.com
  port: 587
  security: starttls           # starttls, ssl or none
  user: you@example.com

# The email each client gets. The {fields} are filled in per client: {first_name}, {plan_title},
# {weeks}, {dates} (start and race day), {printing} (how to print each attached file), {coach};
# docs/email.md lists them all. Write each paragraph on one line: mail apps wrap it.
message:
  subject: "Your {plan_title} plan, {first_name}"
  body: |
    Hi {first_name},

    Here is your {plan_title} plan: {weeks} weeks of strength work to go with your running. {dates}

    {printing}

    Stick the poster on the fridge and tick off each session as you go. If anything is unclear, just reply to this email.

    {coach}
  attach: [booklet, booklet-print, cards, poster]
"""

# One row per client; only name and plan are required. Dates are YYYY-MM-DD; `have` lists the
# equipment the client owns (none, or e.g. "band,kettlebell" in quotes) and decides the swaps.
_ROSTER = """\
name,email,plan,start,race,paper,have,card,notes
Zoë Müller,zoe@example.com,8-week-half,,2027-04-18,a4,"band,kettlebell",,Left knee: no jumps in week 1
Sam Okafor,sam@example.com,glute-strength-basics,2027-01-04,,letter,none,id1,
Priya Shah,priya@example.com,my-first-plan,2027-01-11,,a4,,,
"""

_README = """\
# Your cardgen workspace

Your own exercises and plans live here; cardgen adds them to the library it ships with.

- `exercises/`: one YAML file per exercise; the file name is its id. `single-leg-balance.yaml` is an example.
- `plans/`: one YAML file per plan. `my-first-plan.yaml` uses your example exercise and shipped ones.
- `assets/`: pictures your exercises name with `image: assets/....png`, and your logo.
- `coach.yaml`: you (name, contact, logo, colour, footer), your clients' defaults, your mail server
  and the email your clients get.
- `roster.csv`: one row per client: name, email, plan, start or race date, paper, equipment, card size.

A file named like a shipped exercise or plan replaces the shipped one. Run these inside this folder:

    cardgen check                          # every problem, with its file and line
    cardgen list                           # every plan and exercise, and where it comes from
    cardgen build --plan my-first-plan     # the PDFs, in output/my-first-plan/
    cardgen batch                          # every client of roster.csv, in output/<client>/
    cardgen send --dry-run                 # each client's email as a .eml file to open and check
    cardgen send                           # send them
"""


def init_workspace(folder: Path) -> list[Path]:
    """Write a workspace into `folder` (new or empty); return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CardgenError(f"{folder} already exists and is not empty; choose a new folder name, nothing was written")
    files = {
        Path("exercises") / f"{EXAMPLE_EXERCISE}.yaml": _EXERCISE,
        Path("plans") / f"{EXAMPLE_PLAN}.yaml": _PLAN,
        Path("coach.yaml"): _COACH,
        Path("roster.csv"): _ROSTER,
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
