"""Errors a user can act on. The CLI prints them without a traceback."""

from __future__ import annotations

from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, pinned to where it was written."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class CardgenError(click.ClickException):
    """Base for every error that should reach the user as a message, not a traceback."""


class ContentError(CardgenError):
    """The content folder has problems; all of them are reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
        super().__init__("\n".join(lines))

    def show(self, file=None) -> None:
        # Each line starts with FILE:LINE so editors can jump to it; no "Error: " in front.
        click.echo(self.format_message(), err=True, file=file)


class OutputError(CardgenError):
    """The PDF could not be written where it was asked to go."""


class LayoutError(CardgenError):
    """Content is valid but cannot be laid out (for example, too long for a card)."""
