"""Read a YAML file into plain data plus the line of every field, for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cardgen.errors import Problem

Path_ = tuple[str | int, ...]

# libyaml's parser is several times faster and its nodes carry the same line marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Source:
    """A parsed YAML document and where each of its fields was written."""

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

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


def read_yaml(file: Path, display: str) -> tuple[Source | None, list[Problem]]:
    """Parse `file`; on failure return the problems instead of raising."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(display, 0, "", f"cannot read the file ({exc})")]
    try:
        node, data = _parse(text, _Loader)
    except yaml.YAMLError:
        # Parse again with the pure-Python parser: its messages are the same on every machine.
        try:
            _parse(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if exc.context and "quoted scalar" in exc.context and exc.context_mark:
                mark = exc.context_mark  # an unclosed quote: where it opened, not the end of the file
            line = mark.line + 1 if mark else 0
            return None, [Problem(display, line, "", f"malformed YAML: {exc.problem or 'invalid YAML'}")]
        except yaml.YAMLError as exc:
            return None, [Problem(display, 0, "", f"malformed YAML: {exc}")]
        return None, [Problem(display, 0, "", "malformed YAML")]
    source = Source(display, data)
    problems: list[Problem] = []
    if node is not None:
        source.lines[()] = node.start_mark.line + 1
        _index(node, (), source, problems)
    return source, problems


def _parse(text: str, loader_class) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _index(node: yaml.Node, path: Path_, source: Source, problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                # PyYAML silently keeps the last value; a repeated key is almost always a mistake.
                problems.append(Problem(source.file, line, format_path(path + (key,)), "this field is given twice"))
            seen.add(key)
            source.lines[path + (key,)] = line
            if isinstance(key, str) and key.isdigit():
                source.lines[path + (int(key),)] = line  # week numbers are int keys once parsed
            _index(value_node, path + (key,), source, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            source.lines[path + (i,)] = item.start_mark.line + 1
            _index(item, path + (i,), source, problems)
