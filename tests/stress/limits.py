"""Content at every limit of docs/content-format.md at once: the harshest content the format accepts.

`write_limits(folder)` writes it: ten exercises with 80-character names (a 38- and a 79-letter German
compound, Greek, Cyrillic), eight 100-character cues, ten 300-character steps, eight mistakes, five
alternatives of each kind, six sets of 998–999 with ten minutes' rest; and two plans of three sessions
(done 3, 3 and 1 times a week: seven a week) of ten exercises, each with a 240-character note:
`limits` runs 52 weeks, `limits-short` two (the same pages and cards, a week's worth, built fast).
test_stress.py builds it on both papers and every card size; matrix.py builds it with --only limits.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cardgen.content.schema import MAX_ALTERNATIVES, MAX_EXERCISES, MAX_MISTAKES, MAX_STEPS
from cardgen.doselang import MAX_SETS

WORD38 = "Oberschenkelrückseitenkräftigungsübung"
WORD79 = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
GREEK = "Άσκηση ισορροπίας σε ένα πόδι με λάστιχο γύρω από τα γόνατα και αργή κάθοδο τώρα"
CYRILLIC = "Болгарские выпады с гантелями и резиновой петлёй вокруг коленей, медленно вниз"


def fill(n: int, seed: str) -> str:
    """`seed` repeated to exactly `n` characters, ending on a letter."""
    text = (seed.rstrip() + " ") * (n // max(1, len(seed)) + 2)
    return text[:n].rstrip().ljust(n, "x")


NAMES = [
    fill(80, f"{WORD38} mit Band und Gewicht"),
    WORD79,
    fill(80, GREEK),
    fill(80, CYRILLIC),
    fill(80, "Single-leg Romanian deadlift with a contralateral kettlebell hold and a pause"),
    fill(80, "Rear-foot-elevated split squat with a tempo of three seconds down and a pause"),
    fill(80, "Copenhagen adductor plank on a bench, long lever, with the top leg straight"),
    fill(80, "Isometric wall sit at ninety degrees with a loop band around the knees"),
    fill(80, "Lateral band walk with a mini band around the forefoot, staying low"),
    fill(80, "Walking lunge carrying two heavy dumbbells in a suitcase hold"),
]
COUNTED = ["reps"] * 5 + ["seconds"] * 3 + ["steps"] * 2
DOSES = {"reps": f"{MAX_SETS} x 998-999, rest 600 s", "seconds": f"{MAX_SETS} x 998-999 s", "steps": f"{MAX_SETS} x 998-999 steps/side"}


def exercise(i: int) -> dict:
    others = [f"limit-{j}" for j in range(MAX_EXERCISES) if j != i]
    described = {"name": fill(80, "A described variant with a long name"), "note": fill(240, f"A long note with {WORD38} in it")}
    return {
        "name": NAMES[i],
        "muscles": {"primary": [fill(60, "gluteus medius and minimus")] * 5, "secondary": [fill(60, "hamstrings")] * 10},
        "equipment": [fill(60, "a sturdy bench, chair or sofa")] * 8,
        "kind": "strength",
        "counted": COUNTED[i],
        "per_side": COUNTED[i] == "steps",
        "purpose": fill(300, f"A purpose with {WORD38} and {GREEK}"),
        "setup": fill(600, "Set up beside a wall so balance never limits the set, the equipment within reach"),
        "steps": [fill(300, f"Step {n + 1}: place the feet, brace, lower with control and {WORD38}") for n in range(MAX_STEPS)],
        "cues": [fill(100, f"Cue {n + 1}: {WORD38} knee over toe") if n % 2 else fill(100, f"Cue {n + 1}: {CYRILLIC}") for n in range(8)],
        "key_cues": 3,
        "mistakes": [fill(300, f"Mistake {n + 1}: rushing so momentum does the work, {GREEK}") for n in range(MAX_MISTAKES)],
        "easier": [{"exercise": others[0]}] + [described] * (MAX_ALTERNATIVES - 1),
        "harder": [{"exercise": o} for o in others[:MAX_ALTERNATIVES]],
        "no_equipment": [{"exercise": others[-1]}] + [described] * (MAX_ALTERNATIVES - 1),
        "dose": DOSES[COUNTED[i]],
        "rest": 600,
    }


def plan(weeks: int) -> dict:
    items = [{"exercise": f"limit-{i}", "dose": DOSES[COUNTED[i]], "note": fill(240, f"A plan note with {WORD38}")} for i in range(MAX_EXERCISES)]
    easy = [
        {"weeks": f"1-{weeks - 2}", "name": fill(40, "Build phase with a long name")},
        {"weeks": weeks - 1, "name": fill(40, "Deload phase with a long name"), "kind": "deload", "sets": 2, "like_week": 1, "note": fill(240, "Keep it easy")},
        {"weeks": weeks, "name": fill(40, "Race week with a long name"), "kind": "taper", "sets": 1, "like_week": 1, "note": fill(240, "Keep it light")},
    ]
    return {
        "title": fill(100, f"A plan title at its limit with {WORD38}"),
        "subtitle": fill(120, "A subtitle at its limit that says what the plan is for"),
        "about": fill(1500, f"About this plan: {GREEK}. {CYRILLIC}. {WORD38}."),
        "weeks": weeks,
        "minutes": 90,
        "race_week": weeks,
        "phases": easy if weeks > 2 else [{"weeks": 2, "name": fill(40, "Race week with a long name"), "kind": "taper", "sets": 1, "like_week": 1}],
        "sessions": {
            "A": {"focus": fill(80, "Glutes, hamstrings and single-leg stability"), "per_week": 3, "exercises": items},
            "Day 2": {"focus": fill(80, f"{WORD38} und Hüfte"), "per_week": 3, "exercises": items[::-1]},
            "Long label": {"focus": fill(80, GREEK), "exercises": items},
        },
    }


def write_limits(folder: Path) -> Path:
    (folder / "exercises").mkdir(parents=True, exist_ok=True)
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    for i in range(MAX_EXERCISES):
        (folder / "exercises" / f"limit-{i}.yaml").write_text(yaml.safe_dump(exercise(i), allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    for plan_id, weeks in (("limits", 52), ("limits-short", 2)):
        (folder / "plans" / f"{plan_id}.yaml").write_text(yaml.safe_dump(plan(weeks), allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return folder
