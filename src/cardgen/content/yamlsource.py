"""Read a YAML file into plain data plus the line of every field, for error messages."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import yaml

from cardgen.content.source import Path_, Source, format_path
from cardgen.errors import Problem

# Limits far above any real content file (the largest shipped one is a few kB, a few levels deep, a few
# hundred values) that stop a hostile or broken file quickly instead of hanging or exhausting memory.
MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_VALUES = 100_000  # counted with aliases expanded: ten aliases of ten aliases of ... is a billion values

# libyaml's parser is several times faster and its nodes carry the same line marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(file: Path, display: str) -> tuple[Source | None, list[Problem]]:
    """Parse `file`; on failure return the problems instead of raising."""
    try:
        if not file.is_file():  # a FIFO or a device would block the read forever
            return None, [Problem(display, 0, "", "not a regular file; content files are plain text files")]
        if (size := file.stat().st_size) > MAX_BYTES:
            return None, [Problem(display, 0, "", f"the file is {size / 1e6:.1f} MB; a content file may be at most {MAX_BYTES / 1e6:g} MB")]
        # One spelling per character: "é" typed as e + accent is measured, broken and searched as "é".
        text = unicodedata.normalize("NFC", file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 0, "", f"cannot read the file: it is not UTF-8 text (byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(display, 0, "", f"cannot read the file ({exc.strerror or exc})")]
    too_deep = Problem(display, 0, "", f"the file nests lists or mappings more than {MAX_DEPTH} levels deep")
    source = Source(display, None, text=text)
    problems: list[Problem] = []

    try:
        source.data = _read(text, source, problems)
    except _Refused as exc:
        return None, [Problem(display, exc.line, "", exc.message)]
    except RecursionError:
        return None, [too_deep]
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's own limit; the pure-Python parser would recurse until it fails
            return None, [too_deep]
        try:
            return None, [_syntax_problem(text, display)]
        except RecursionError:
            return None, [too_deep]
    return source, problems


# PyYAML's words for the mistakes people make, in plain words with the fix: (what the parser says,
# what we say, whether the place to show is where the construct opened rather than where it failed).
_SYNTAX_HINTS = (
    ("that cannot start any token", "'\\t'", "a tab character; indent with spaces, not tabs", False),
    ("mapping values are not allowed here", "", "a second ': ' on this line; put text containing ': ' in quotes, like note: \"Tempo: slow\"", False),
    ("expected <block end>", "", "this line is indented more than the line above; line it up with the fields it belongs with", False),
    ("could not find expected ':'", "", "this line is neither 'field: value' nor a '- ' list item; has a long text lost its indent?", False),
    ("found unexpected end of stream", "quoted scalar", "a quote opened here is never closed", True),
    ("expected ',' or ']'", "", "a [ opened here is never closed with ]; a comma inside an item needs quotes", True),
    ("expected ',' or '}'", "", "a { opened here is never closed with }; a comma inside a value needs quotes", True),
)


def _syntax_problem(text: str, display: str) -> Problem:
    # Parse again with the pure-Python parser: its messages are the same on every machine.
    try:
        _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        said = f"{exc.context or ''} {exc.problem or ''}"
        if mark and "mapping values are not allowed" in said and _indented_under_a_value(text, mark.line):
            return Problem(display, mark.line + 1, "", _SYNTAX_HINTS[2][2])
        for found, also, plain, at_opening in _SYNTAX_HINTS:
            if found in said and also in said:
                if at_opening and exc.context_mark:
                    mark = exc.context_mark
                return Problem(display, mark.line + 1 if mark else 0, "", plain)
        line = mark.line + 1 if mark else 0
        return Problem(display, line, "", f"malformed YAML: {exc.problem or 'invalid YAML'}")
    except yaml.YAMLError as exc:
        return Problem(display, 0, "", f"malformed YAML: {exc}")
    return Problem(display, 0, "", "malformed YAML")


def _indented_under_a_value(text: str, index: int) -> bool:
    """Whether line `index` is indented past a `field: value` line above it (so it reads as that value's continuation)."""
    lines = text.splitlines()
    if index >= len(lines) or index == 0:
        return False
    above = next((ln for ln in reversed(lines[:index]) if ln.strip() and not ln.lstrip().startswith("#")), "")
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    value = above.split(": ", 1)[1].strip() if ": " in above else ""
    return indent > len(above) - len(above.lstrip(" ")) and bool(value) and value[0] not in "|>"


class _Refused(Exception):
    """A file refused before it is built into values: too big, too deep, or a key that is no field name."""

    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def _read(text: str, source: Source, problems: list[Problem]) -> object:
    """The document's values, with the line of every field in `source` and the problems found on
    the way. Content is plain mappings, lists and scalars: those are built here in the same walk
    that records the lines; anything else (a merge key, an alias, a tag, a date) is built by PyYAML
    as before."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        source.lines[()] = node.start_mark.line + 1
        try:
            return _Plain(loader, source, problems).build(node, ())
        except _NotPlain:
            pass
        source.lines.clear()
        source.lines[()] = node.start_mark.line + 1
        del problems[:]
        # Before construction: it expands merge keys into the mapping, which would read as repeated fields.
        _index(node, (), source, problems, [MAX_VALUES])
        return loader.construct_document(node)
    finally:
        loader.dispose()


class _NotPlain(Exception):
    """The document holds more than plain mappings, lists and scalars: PyYAML builds it."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_NULL, _BOOL, _INT, _FLOAT = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


class _Plain:
    """Builds what PyYAML's safe constructor builds from plain nodes, while doing what `_index` does:
    the same lines, problems and refusals, in the same order."""

    def __init__(self, loader, source: Source, problems: list[Problem]):
        self.source, self.problems, self.lines = source, problems, source.lines
        self.budget = MAX_VALUES
        self.seen: set[int] = set()  # an alias is the same node met again: PyYAML shares its value
        self.scalars = {_INT: loader.construct_yaml_int, _FLOAT: loader.construct_yaml_float, _BOOL: loader.construct_yaml_bool}

    def build(self, node: yaml.Node, path: Path_) -> object:
        self.budget -= 1
        if self.budget < 0:
            raise _Refused(node.start_mark.line + 1, f"the file holds more than {MAX_VALUES:,} values once its aliases (*name) are expanded")
        if len(path) > MAX_DEPTH:
            raise _Refused(node.start_mark.line + 1, f"the file nests lists or mappings more than {MAX_DEPTH} levels deep")
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, tag)
        if id(node) in self.seen:
            raise _NotPlain
        self.seen.add(id(node))
        lines = self.lines
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                raise _NotPlain
            mapping: dict[object, object] = {}
            seen: set[object] = set()
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Refused(line, "a list or a mapping stands where a field name should be (a '?' makes one): write each field as name: value")
                key = key_node.value
                if key in seen:
                    self.problems.append(Problem(self.source.file, line, format_path(path + (key,)), "this field is given twice"))
                seen.add(key)
                if node.flow_style and value_node.tag.endswith(":null") and not value_node.value:
                    self.problems.append(Problem(self.source.file, line, format_path(path + (key,)),
                                                 "reads as a field of its own: inside { } a comma separates fields; put text with a comma in quotes"))
                sub = path + (key,)
                lines[sub] = line
                if key.isdigit():
                    lines[path + (int(key),)] = line  # week numbers are int keys once parsed
                constructed_key = self.scalar(key_node, key_node.tag)
                mapping[constructed_key] = self.build(value_node, sub)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                raise _NotPlain
            items = []
            for i, item in enumerate(node.value):
                lines[path + (i,)] = item.start_mark.line + 1
                items.append(self.build(item, path + (i,)))
            return items
        raise _NotPlain

    def scalar(self, node: yaml.Node, tag: str) -> object:
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        construct = self.scalars.get(tag)
        if construct is None:
            raise _NotPlain  # a merge key, a date, a tag of its own
        return construct(node)


def _parse(text: str, loader_class, before_construct: Callable[[yaml.Node], None] | None = None) -> object:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if before_construct:
            before_construct(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _index(node: yaml.Node, path: Path_, source: Source, problems: list[Problem], budget: list[int]) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise _Refused(node.start_mark.line + 1, f"the file holds more than {MAX_VALUES:,} values once its aliases (*name) are expanded")
    if len(path) > MAX_DEPTH:
        raise _Refused(node.start_mark.line + 1, f"the file nests lists or mappings more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # `<<: *base`: the fields it brings in were indexed where they were written
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                # `? [a, b]`, or a lone `?` over an indented mapping: YAML's complex keys, never a field name.
                raise _Refused(line, "a list or a mapping stands where a field name should be (a '?' makes one): write each field as name: value")
            key = key_node.value
            if key in seen:
                # PyYAML silently keeps the last value; a repeated key is almost always a mistake.
                problems.append(Problem(source.file, line, format_path(path + (key,)), "this field is given twice"))
            seen.add(key)
            if node.flow_style and isinstance(key, str) and value_node.tag.endswith(":null") and not value_node.value:
                # `{exercise: x, note: Slow, then fast}` parses "then fast" as a field with no value: almost never meant.
                problems.append(Problem(source.file, line, format_path(path + (key,)),
                                        "reads as a field of its own: inside { } a comma separates fields; put text with a comma in quotes"))
            source.lines[path + (key,)] = line
            if isinstance(key, str) and key.isdigit():
                source.lines[path + (int(key),)] = line  # week numbers are int keys once parsed
            _index(value_node, path + (key,), source, problems, budget)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            source.lines[path + (i,)] = item.start_mark.line + 1
            _index(item, path + (i,), source, problems, budget)
