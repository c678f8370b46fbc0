"""A session too long for one card continues onto the next: its exercises shared out in order over
numbered cards ("1/2", "2/2"), each with its own back, so the deck stays a pile of card pairs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

CONTINUED = "… continued on the next card"


def part_label(part: tuple[int, int]) -> str:
    """" · 1/2" on a session's first of two cards; nothing on a session's only card."""
    return f" · {part[0]}/{part[1]}" if part[1] > 1 else ""


def share(items: Sequence[T], parts: int) -> list[list[T]]:
    """`items` in `parts` runs, in order and as even as counts go, the first runs the longer: the
    card read first is never the shorter."""
    size, more = divmod(len(items), parts)
    out, start = [], 0
    for k in range(parts):
        end = start + size + (1 if k < more else 0)
        out.append(list(items[start:end]))
        start = end
    return out
