"""Where the shipped content and fonts are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

# Leaf module (imports nothing of cardgen) so content, style and the pipeline can all ask it.
_PACKAGE = Path(__file__).resolve().parent

COACH_FILE = "coach.yaml"  # a workspace's who-the-products-are-from file (cardgen.coach reads it)


def shipped(name: str) -> Path:
    """`content` or `fonts`: inside the wheel, or at the top of a source checkout."""
    inside = _PACKAGE / "_shipped" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name


def is_workspace(folder: Path) -> bool:
    """A coach's workspace (as `cardgen init` writes it): a folder with both exercises/ and plans/."""
    return (folder / "exercises").is_dir() and (folder / "plans").is_dir()


def default_content_dir(cwd: Path | None = None) -> Path:
    """The current folder when it is a workspace, else `./content` when the user has one, else the shipped library."""
    here = cwd or Path.cwd()
    if is_workspace(here):
        return here
    local = here / "content"
    if (local / "exercises").is_dir() or (local / "plans").is_dir():
        return local
    return shipped("content")
