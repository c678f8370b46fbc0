"""Every phrase a product prints about doses, rest, dates, weeks and pages, in one place.

`plan/` is plain data; what a runner reads is said here, once, so the booklet, the cards and the
poster cannot drift apart and a translation has one file to replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cardgen.doselang import Dose
    from cardgen.plan.model import Prescription, SessionPlan, Week

NBSP = "\u00a0"  # between a number and its unit: "30 s" never breaks over two lines
TIMES = f"{NBSP}×{NBSP}"  # "3 × 10": spaced the same everywhere, never broken
SEP = " · "  # between the parts of a line: "Ana Pérez · Run Strong · ana@example.com"
DASH = "–"  # ranges: "8–10", "3–9 Mar"

FORM_CUES = "Form cues"  # the one name of the checklist, on every product
ALTERNATIVES = "Alternatives"
ALTERNATIVES_INTRO = (
    "The exercises the pages before name as easier, harder or equipment-free alternatives, in brief: "
    "swap one in when a move is too hard, too easy, or the kit is missing, at the same sets and target."
)


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    return f"{n}{NBSP}{noun if n == 1 else plural_form or noun + 's'}"


def times_a_week(n: int) -> str:
    """"twice a week" for a session done more than once; "" for the usual once."""
    return {1: "", 2: "twice a week"}.get(n, f"{n} times a week")


def span(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low}{DASH}{high}"


def count(dose: Dose) -> str:
    """One set's target as written in its cell: "8–10", "12", "30 s"."""
    text = span(dose.low, dose.high)
    return text + f"{NBSP}s" if dose.unit == "seconds" else text


def unit_note(dose: Dose) -> str:
    """The words a bare count leaves out: "steps, each side", "hold", ""."""
    words = []
    if dose.unit == "steps":
        words.append("steps")
    if dose.unit == "seconds":
        words.append("hold")
    if dose.per_side:
        words.append("each side")
    return ", ".join(words)


def dose_text(dose: Dose, *, side: bool = True) -> str:
    """"3 × 8–10", "3 × 30 s", "2 × 10 steps each side"."""
    text = f"{dose.sets}{TIMES}{count(dose)}"
    if dose.unit == "steps":
        text += f"{NBSP}steps"
    if side and dose.per_side:
        text += " each side"
    return text


def rest_text(seconds: int | None) -> str:
    if not seconds:
        return "no rest"
    if seconds >= 120 and seconds % 60 == 0:
        return f"rest {seconds // 60}{NBSP}min"
    return f"rest {seconds}{NBSP}s"


def rest_summary(items: Iterable[Prescription]) -> str:
    """One line of rest for a list of exercises: "rest 60 s" when all share it, else the usual rest
    and the exceptions by name: "rest 60 s; Nordic curl 2 min, Squat jump 90 s"."""
    items = list(items)
    rests = [p.dose.rest for p in items]
    usual = max(sorted(set(rests), key=lambda r: r or 0), key=rests.count)
    others = [f"{p.exercise.name} {rest_text(p.dose.rest).removeprefix('rest ')}" for p in items if p.dose.rest != usual]
    return rest_text(usual) + (f"; {', '.join(others)}" if others else "")


def date_range(a: dt.date, b: dt.date, *, year: bool = True) -> str:
    """"3–9 Mar 2026", "30 Mar – 5 Apr 2026", "28 Dec 2026 – 3 Jan 2027"; without the year for
    tables whose year is said elsewhere."""
    y = f" {b.year}" if year else ""
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}{DASH}{b.day}{NBSP}{b:%b}{y}"
    if a.year == b.year or not year:
        return f"{a.day}{NBSP}{a:%b} {DASH} {b.day}{NBSP}{b:%b}{y}"
    return f"{a.day}{NBSP}{a:%b} {a.year} {DASH} {b.day}{NBSP}{b:%b}{y}"


def week_dates(week: Week, *, year: bool = True) -> str:
    end = week.end
    return date_range(week.start, end, year=year) if week.start and end else ""


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"  # no %-d: it is not portable


def week_label(week: Week) -> str:
    return f"Week{NBSP}{week.number}"


def phase_tag(week: Week) -> str:
    """What sets a week apart: "Deload", "Race week", "Taper · race week"; "" for a plain build week."""
    tag = week.phase if week.kind != "build" else ""
    if week.race and "race" not in tag.lower():
        tag = f"{tag} · race week" if tag else "Race week"
    return tag


def to_race(week: Week) -> str:
    """"3 weeks to race", "1 week to race", "Race week"; "" when no race day was given."""
    if week.to_race is None:
        return ""
    return "Race week" if week.to_race == 0 else f"{plural(week.to_race, 'week')} to race"


def to_race_short(week: Week) -> str:
    """"7 to go": the countdown where a week has one short line (the poster, under its race day)."""
    return f"{week.to_race}{NBSP}to go" if week.to_race else to_race(week)


def week_tag(week: Week) -> str:
    """What sets the week apart and how far off the race is: "Deload · 4 weeks to race",
    "3 weeks to race", "Taper · race week"."""
    tag = phase_tag(week)
    countdown = to_race(week) if week.to_race else ""
    return " · ".join(x for x in (tag, countdown) if x)


def week_dates_to_race(week: Week, *, year: bool = True) -> str:
    """"1–7 Feb 2027 · 5 weeks to race": the week's dates, and the countdown when there is a race."""
    countdown = to_race(week) if week.to_race else ""
    return " · ".join(x for x in (week_dates(week, year=year), countdown) if x)


def swap_reason(missing: Iterable[Iterable[str]]) -> str:
    """"No kettlebell or dumbbell", "No barbell or rack": why an exercise was swapped."""
    words = list(dict.fromkeys(w.replace("-", " ") for options in missing for w in options))
    return "No " + " or ".join(words)


def alternative_to(group: str, first: bool) -> str:
    """What an alternative is to the exercise that names it: "Easier than ", "harder than ",
    "Without equipment, instead of " (capitalised when it opens the line)."""
    text = {"easier": "easier than ", "harder": "harder than ", "no_equipment": "without equipment, instead of "}[group]
    return text[0].upper() + text[1:] if first else text


def week_title(week: Week) -> str:
    """"Week 3 · Build", "Week 7 · Deload", "Week 8 · Race week"."""
    title = f"{week_label(week)} · {week.phase}"
    if week.race and "race" not in week.phase.lower():
        title += " · Race week"
    return title


def weeks_text(numbers: Iterable[int]) -> str:
    """"week 4", "weeks 4–8", "weeks 1–3, 5"."""
    numbers = sorted(numbers)
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(span(r[0], r[-1]) for r in runs)
    return ("week" if len(numbers) == 1 else "weeks") + NBSP + text


def page_ref(n: int) -> str:
    return f"p.{NBSP}{n}"


MAIN_KINDS = ("heavy", "strength", "eccentric")  # what a coach calls a session's main lift


def main_lift(session: SessionPlan) -> Prescription:
    """The session's main lift: its first heavy, strength or eccentric exercise (power work opens
    a session but is not what it is built around), else its first exercise."""
    return next((p for p in session.items if p.exercise.kind in MAIN_KINDS), session.items[0])


def session_dose(session: SessionPlan) -> tuple[str, str]:
    """The session's dose, and the exercise it belongs to when it is not every exercise's: ("3 × 8–10", "")
    when all share it, else the main lift's dose and name, so no number stands for exercises that
    do something else."""
    doses = {dose_text(p.dose, side=False) for p in session.items}
    if len(doses) == 1:
        return doses.pop(), ""
    main = main_lift(session)
    return dose_text(main.dose, side=False), main.exercise.name


def session_summary(session: SessionPlan) -> str:
    """session_dose in one line: "3 × 8–10", or "Single-leg deadlift 3 × 6–8"."""
    dose, name = session_dose(session)
    return f"{name} {dose}" if name else dose


def curly(text: str) -> str:
    """Typewriter quotes and apostrophes made typographic: don't → don’t, "x" → “x”."""
    if "'" not in text and '"' not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        opening = before.isspace() or before in "([{–—/"
        if ch == "'":
            out.append("‘" if opening else "’")
        elif ch == '"':
            out.append("“" if opening else "”")
        else:
            out.append(ch)
    return "".join(out)


def booklet_print_advice(paper: str, long_edge: bool) -> str:
    """How to print the imposed booklet: said by the build, never printed on the runner's pages."""
    sheet = "A4" if paper == "a4" else "Letter"
    flip = "long" if long_edge else "short"
    return (
        f"to print the booklet: booklet-print.pdf on {sheet}, two-sided, flip on {flip} edge, actual size (100{NBSP}%); "
        "fold the stack in half and staple twice on the fold"
    )


# ---------------------------------------------------------------- the email to a client (cardgen send)

# The message that goes with a client's PDFs when coach.yaml has none (str.format fields, see
# cardgen.coach). {dates} and {printing} are worked out per client: the plan's dates as far as the
# client has them, and how to print exactly the files attached; no field here can be empty.
DEFAULT_MESSAGE_SUBJECT = "Your training plan: {plan_title}"
DEFAULT_MESSAGE_BODY = """\
Hi {first_name},

Attached is {plan_title}, your {weeks}-week strength plan to go with your running. {dates}

{printing}

If anything is unclear, just reply to this email.

{coach}"""


def email_dates(start: dt.date | None, race: dt.date | None) -> str:
    """The dates sentence of the default email: "Week 1 starts on Monday 5 January 2027; race day is ..."."""
    if start and race:
        return f"Week{NBSP}1 starts on {long_date(start)}, and race day is {long_date(race)}."
    if start:
        return f"Week{NBSP}1 starts on {long_date(start)}."
    if race:
        return f"Race day is {long_date(race)}."
    return "Start on whichever Monday suits you."


_SHEET = {"a4": "A4", "letter": "Letter", "a3": "A3", "tabloid": "Tabloid"}


def email_printing(files: dict[str, str], paper: str, long_edge: bool, duplex: str, poster_paper: str) -> str:
    """How to print what is attached, one "- " line per file: `files` maps a product (booklet, booklet-print,
    cards, poster) to the attached file's name. The advice goes in the email, never on the client's pages."""
    sheet = _SHEET.get(paper, paper)
    lines = []
    if "booklet" in files:
        lines.append(f"{files['booklet']}: the booklet, to read on screen.")
    if "booklet-print" in files:
        flip = "long" if long_edge else "short"
        lines.append(
            f"{files['booklet-print']}: the booklet to print. Print it on {sheet}, two-sided, flip on {flip} edge, "
            f"at actual size (100{NBSP}%); fold the stack in half and staple twice on the fold."
        )
    if "cards" in files:
        how = {
            "long": "two-sided, flip on long edge",
            "short": "two-sided, flip on short edge",
            "fold": "on one side; fold on the dashed line and glue",
        }.get(duplex, "two-sided")
        lines.append(f"{files['cards']}: pocket cards for your sessions. Print on {sheet}, {how}, at actual size (100{NBSP}%), then cut along the marks.")
    if "poster" in files:
        lines.append(f"{files['poster']}: a one-page poster for the fridge. Print it on {_SHEET.get(poster_paper, poster_paper)} at actual size (100{NBSP}%).")
    return "\n".join("- " + line for line in lines)
