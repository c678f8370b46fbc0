"""A content file as read: its plain data and the line of every field, for messages.

Without YAML: a library loaded from the cache (content/cache.py) carries these, and unpickling them
must not import the parser (content/yamlsource.py reads the files)."""

from __future__ import annotations

from dataclasses import dataclass, field

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """A parsed YAML document and where each of its fields was written."""

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)
    text: str = field(default="", repr=False, compare=False)  # as read (NFC): every value was written in it

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest written ancestor (a missing field's parent)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
