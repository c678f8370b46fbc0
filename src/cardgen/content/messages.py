"""Turn pydantic's errors into our one-line messages: what was expected, what was found."""

from __future__ import annotations

import typing
from collections.abc import Sequence, Sized
from typing import TYPE_CHECKING

from cardgen.content.source import Path_, Source, format_path
from cardgen.errors import Problem

if TYPE_CHECKING:  # pydantic is imported only when a file has problems to explain (see model.py)
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "...'"


def problems_from(errors: Sequence[ErrorDetails], source: Source, model: type[BaseModel]) -> list[Problem]:
    def fields_of(loc: tuple) -> list[str]:
        return fields_at(model, loc)

    out = []
    for err in errors:
        kind = err["type"]
        path = _source_path(err["loc"], source, keep_last=kind in ("missing", "extra_forbidden"))
        out.append(Problem(source.file, source.line_of(path), format_path(path), _message(err, fields_of)))
    return out


def _source_path(loc: tuple, source: Source, keep_last: bool) -> Path_:
    # The schema adds structure the file does not have (a plain dose string becomes dose.fixed,
    # a ramp's mapping becomes dose.ramp): keep only the parts a coach actually wrote.
    path: tuple = ()
    for i, part in enumerate(loc):
        candidate = path + (part,)
        if candidate in source.lines or (keep_last and i == len(loc) - 1):
            path = candidate
    return path


def _message(err: ErrorDetails, fields_of) -> str:
    loc = err["loc"]
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = fields_of(loc[:-1])
        hint = suggest(str(loc[-1]), allowed)
        known = f"; known fields: {', '.join(allowed)}" if allowed else ""
        return f"unknown field{hint}{known}"
    if kind in _TYPE_WORDS:
        hint = ""
        if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
            hint = " (text with ': ' in it needs quotes)"  # YAML read "Tip: go slow" as a mapping
        return f"expected {_TYPE_WORDS[kind]}, found {describe(value)}{hint}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, found {describe(value)}"
    if kind in ("too_short", "too_long"):
        lo, hi = ctx.get("min_length"), ctx.get("max_length")
        count = ctx.get("actual_length", len(value) if isinstance(value, Sized) else "?")
        if kind == "too_short":
            return f"expected at least {lo} item{'s' if lo != 1 else ''}, found {count}"
        return f"expected at most {hi} items, found {count}"
    if kind == "string_too_short":
        return "expected text, found an empty value"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        return f"expected a number {word} {bound}, found {describe(value)}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"{err['msg'].rstrip('.')}, found {describe(value)}"


def suggest(word: str, choices) -> str:
    import difflib  # here: only a message with a misspelling needs it, and a build of valid content has none

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def fields_at(model: type, loc: tuple) -> list[str]:
    """The field names a schema allows at `loc`, to list them beside an unknown field."""
    from pydantic import BaseModel

    t: object = model
    for part in loc:
        t = _unwrap(t)
        if isinstance(t, type) and issubclass(t, BaseModel):
            field = next((f for n, f in t.model_fields.items() if part in (n, f.alias)), None)
            if field is None:
                return []
            t = field.annotation
        elif typing.get_origin(t) in (list, tuple):
            t = typing.get_args(t)[0]
        elif typing.get_origin(t) is dict:
            t = typing.get_args(t)[1]
        else:
            return []
    t = _unwrap(t)
    if isinstance(t, type) and issubclass(t, BaseModel):
        return [f.alias or n for n, f in t.model_fields.items()]
    return []


def _unwrap(t: object) -> object:
    while True:
        origin = typing.get_origin(t)
        if origin is typing.Annotated:
            t = typing.get_args(t)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            args = [a for a in typing.get_args(t) if a is not type(None)]
            if len(args) != 1:
                return t
            t = args[0]
        else:
            return t
