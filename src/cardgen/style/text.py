"""A text style as plain data: what a block needs to set a run of type. Colours come from the theme."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class TextStyle:
    """How a run of text is set."""

    font: str
    size: float
    leading: float
    space_before: float = 0.0
    space_after: float = 0.0
    accent: bool = False  # set in the theme's accent colour (titles), else in ink
    keep_next: bool = False  # a heading: never the last thing on a page
    indent: float = 0.0

    def but(self, **changes: object) -> TextStyle:
        """An overlay: this style with a few fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]  # dataclasses.replace takes **object

    @property
    def first_baseline(self) -> float:
        """How far below a block's top its first baseline sits: one ascent, with the leading's
        extra split above and below."""
        return self.size * 0.95 + (self.leading - self.size * 1.2) / 2
