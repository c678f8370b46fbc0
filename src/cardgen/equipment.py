"""The equipment vocabulary: the words a coach types for what a client has (`--have band,kettlebell`),
and how an exercise's free-text `equipment` entries map to them.

An exercise's `equipment` is a list: every entry is needed. Within an entry, commas and "or" list
alternatives, any one of which will do ("bench, chair or sofa"). Each alternative is matched to a
word below by the first known phrase it contains ("heavy loop band" → band, "trap bar and plates" →
trap-bar). Household things (a wall, a chair, a sofa, a stair...) are always at hand, so an entry
with one of them among its alternatives never needs anything; nor does an entry cardgen cannot read
(it cannot tell, and a swap nobody asked for is worse than none). docs/content-format.md says this
for coaches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cardgen.errors import CardgenError

# What a coach types → the phrases of exercise files that mean it (singular and plural).
GEAR: dict[str, tuple[str, ...]] = {
    "band": ("resistance band", "loop band", "mini band", "band"),
    "barbell": ("barbell", "bar pad", "plates", "plate"),
    "bench": ("weight bench", "bench"),
    "box": ("plyo box", "box", "platform"),
    "dumbbell": ("dumbbell",),
    "kettlebell": ("kettlebell",),
    "rack": ("squat rack", "rack"),
    "straps": ("suspension straps", "suspension trainer", "trx", "straps"),
    "trap-bar": ("trap bar", "hex bar"),
}
HAVE_WORDS: tuple[str, ...] = tuple(GEAR)

# Always at hand in a home: never a reason to swap an exercise.
HOUSEHOLD: tuple[str, ...] = (
    "wall", "chair", "sofa", "couch", "stair", "step", "floor", "radiator", "table", "door", "post",
    "backpack", "books", "bottles", "towel", "mat", "cushion", "heel anchor",
)

_PHRASES: list[tuple[str, str | None]] = sorted(
    [(p, word) for word, phrases in GEAR.items() for p in phrases] + [(h, None) for h in HOUSEHOLD],
    key=lambda pw: -len(pw[0]),
)


def _match(alternative: str) -> tuple[bool, str | None]:
    """(known, word) for one alternative: the earliest known phrase in it, the longest on a tie;
    word is None for a household thing."""
    text = alternative.lower()
    best: tuple[int, int, str | None] | None = None
    for phrase, word in _PHRASES:
        m = re.search(rf"\b{re.escape(phrase)}(?:e?s)?\b", text)
        if m and (best is None or (m.start(), -len(phrase)) < (best[0], best[1])):
            best = (m.start(), -len(phrase), word)
    return (False, None) if best is None else (True, best[2])


def entry_options(entry: str) -> tuple[str, ...]:
    """The words any one of which meets the entry, in the order written; () when something always
    at hand meets it (or the entry names nothing cardgen knows)."""
    words: list[str] = []
    for alternative in re.split(r",|\bor\b", entry):
        if not alternative.strip():
            continue
        known, word = _match(alternative)
        if not known or word is None:
            return ()
        if word not in words:
            words.append(word)
    return tuple(words)


def unknown_entries(equipment: Iterable[str]) -> list[str]:
    """Entries with an alternative that names nothing cardgen knows (they count as at hand)."""
    return [e for e in equipment if any(a.strip() and not _match(a)[0] for a in re.split(r",|\bor\b", e))]


def lacking(equipment: Iterable[str], have: frozenset[str] | None) -> tuple[tuple[str, ...], ...]:
    """The options of each entry the client cannot meet: () when the client has all it needs.
    `have` None means everything."""
    if have is None:
        return ()
    out = []
    for entry in equipment:
        options = entry_options(entry)
        if options and not set(options) & have:
            out.append(options)
    return tuple(out)


def parse_have(text: str) -> frozenset[str] | None:
    """"none" → frozenset(), "all" → None, "band, kettlebell" → those words. Household things are
    accepted and dropped (they are always at hand); anything else is an error that lists the words."""
    items = [i.strip().lower() for i in str(text).split(",")]
    items = [re.sub(r"\s+", "-", i) for i in items if i]
    if not items:
        raise CardgenError(f"no equipment given; {_known()}")
    if len(items) == 1 and items[0] in ("none", "all"):
        return None if items[0] == "all" else frozenset()
    have: set[str] = set()
    for item in items:
        if item in ("none", "all"):
            raise CardgenError(f"{item!r} stands alone; {_known()}")
        word = _word(item)
        if word is None:
            import difflib  # here: every command imports this module, few need a suggestion

            close = difflib.get_close_matches(item, [*HAVE_WORDS, *HOUSEHOLD], n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise CardgenError(f"unknown equipment {item!r}{hint}; {_known()}")
        if word != "":
            have.add(word)
    return frozenset(have)


def _word(item: str) -> str | None:
    """The coach word an item of --have means; "" for a household thing; None when unknown."""
    if item in GEAR:
        return item
    known, word = _match(item.replace("-", " "))
    if known and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", item):
        text = item.replace("-", " ")
        phrases = [p for p, w in _PHRASES if w == word and re.fullmatch(rf"{re.escape(p)}(?:e?s)?", text)]
        if phrases:
            return word or ""
    return None


def _known() -> str:
    return f"use none, all, or any of {', '.join(HAVE_WORDS)} (a wall, chair, sofa or stair is always at hand)"


def have_text(have: frozenset[str] | None) -> str:
    """How a --have value is written back: "none", "all", "band, box"."""
    if have is None:
        return "all"
    return ", ".join(sorted(have)) or "none"
