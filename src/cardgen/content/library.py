"""The loaded content library, and which files a content folder's library is read from.

Light on purpose (no YAML, no schema): a build that finds the library in the cache
(content/cache.py) unpickles a Library without importing the loader (content/load.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cardgen.content.model import Exercise, PlanTemplate
from cardgen.content.source import Source
from cardgen.errors import Problem
from cardgen.resources import shipped

SHIPPED = "shipped"
YOURS = "yours"
REPLACES = "yours, replaces shipped"
KINDS = ("exercises", "plans")  # a content folder's subfolders, each of files named by id


@dataclass(frozen=True)
class Library:
    """Every exercise and plan template of a content folder, validated."""

    root: Path
    exercises: dict[str, Exercise]
    plans: dict[str, PlanTemplate]
    sources: dict[str, Source] = field(repr=False, compare=False, default_factory=dict)
    # Valid but questionable content (see content/coaching.py): shown to the user, never fatal.
    warnings: tuple[Problem, ...] = ()
    # Where each item comes from, keyed like `sources`: SHIPPED, YOURS or REPLACES.
    origins: dict[str, str] = field(repr=False, compare=False, default_factory=dict)
    # Loaded leniently: every problem found, and the plans they stop, each with its own problems.
    problems: tuple[Problem, ...] = ()
    unbuildable: dict[str, tuple[Problem, ...]] = field(repr=False, compare=False, default_factory=dict)
    # The picture files the exercises name, as the loader checked them: besides the content files,
    # the only files whose state the library depends on (the cache keys on them too).
    pictures: tuple[Path, ...] = field(repr=False, compare=False, default=())

    def warnings_for(self, plan_id: str) -> tuple[Problem, ...]:
        """The warnings that concern building one plan: its own, and every exercise's."""
        others = {s.file for k, s in self.sources.items() if k.startswith("plan:") and k != f"plan:{plan_id}"}
        return tuple(w for w in self.warnings if w.file not in others)


def display_path(path: Path) -> str:
    """Paths in messages are relative to where the user is, when that is shorter."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith(".." + os.sep + "..") else str(path)


def content_layers(root: Path) -> tuple[Path, ...]:
    """The folders the library of `root` is read from, bottom first: the shipped library, then `root`
    over it (`root` alone when it is the shipped library: nothing to merge twice)."""
    library = shipped("content")
    if Path(root).resolve() == library.resolve():
        return (Path(root),)
    return (library, Path(root))


def content_files(folder: Path) -> list[Path]:
    """The files of `folder` (exercises/ or plans/) that the loader reads, in its order."""
    return [folder / name for name in content_names(str(folder))]


def content_names(folder: str) -> list[str]:
    """The names of the files of `folder` that the loader reads, sorted as paths are: every *.yaml
    and *.yml, whatever the case of the suffix and whatever kind of file, except hidden ones."""
    if not os.path.isdir(folder):
        return []
    names = (n for n in os.listdir(folder) if os.path.splitext(n)[1].lower() in (".yaml", ".yml") and not n.startswith("."))
    return sorted(names, key=os.path.normcase)  # Path order: by name, without case on Windows
