"""The fast reader of model.py against the schema, the judge of what is valid.

A build reads valid content without pydantic: `read_exercise` and `read_plan` must give exactly the
objects the schema gives, and never accept what the schema refuses (they decline, and the schema
says why). Checked on every shipped and stress file, and on generated variations of them.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import ValidationError

from cardgen.content import schema
from cardgen.content.model import read_exercise, read_plan
from cardgen.resources import shipped

STRESS = Path(__file__).parent / "stress"
KINDS = {"exercises": (schema.Exercise, read_exercise), "plans": (schema.PlanTemplate, read_plan)}
FILES = [(kind, path) for root in (shipped("content"), STRESS) for kind in KINDS for path in sorted((root / kind).glob("*.yaml"))]


def _judged(kind: str, data: object) -> object | None:
    """What the schema makes of `data`, as plain models; None when it refuses it."""
    try:
        return schema.to_plain(KINDS[kind][0].model_validate(data))
    except ValidationError:
        return None


@pytest.mark.parametrize(("kind", "path"), FILES, ids=[f"{p.parent.parent.name}/{k}/{p.stem}" for k, p in FILES])
def test_every_valid_file_is_read_without_the_schema_as_the_schema_reads_it(kind, path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    judged = _judged(kind, data)
    fast = KINDS[kind][1](data)
    if judged is None:
        assert fast is None
    else:
        # Every valid file of ours is read fast (else builds pay for pydantic again), and alike.
        assert fast == judged, "content/model.py reads a valid file otherwise than the schema, or not at all: teach it"


# Values a coach might write anywhere, right or wrong: the reader's checks are about types and limits.
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 700), st.floats(allow_nan=False),
    st.sampled_from(["", " ", "  x  ", "\u00a0x", "x\u2003", "\tx\n", "3 x 10", "2 x 30 s", "1-6", "3", "power", "build",
                     "reps", "glute-bridge", "A", "Day 1", "https://example.com/v", "x" * 61, "x" * 81, "x" * 241,
                     "same", " same ", "right-foot", "hips", "box", "bench", "side", "front", "start"]),
    st.lists(st.sampled_from(["a", "b c", " ", "x" * 70]), max_size=12),
    st.dictionaries(st.sampled_from(["from", "to", "over", "ramp", "by_week", "fixed", "name", "exercise", "note", "x"]),
                    st.sampled_from(["3 x 10", "3 x 12", "1-3", "2-4", 1, "y"]), max_size=4),
)


# Fields added where a variation adds one: every optional field of both formats, and some no format has.
ADDED = [
    "note", "per_week", "per_side", "rest", "kind", "counted", "key_cues", "video", "image", "setup", "secondary",
    "equipment", "mistakes", "easier", "harder", "no_equipment", "subtitle", "about", "minutes", "race_week",
    "progression", "phases", "weeks", "sets", "like_week", "dose", "from_", "fixed", "extra", 2,
    "figure", "neck", "contact", "moves", "view", "working", "pose", "under", "at", "behind",
]


def _paths(data: object, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(data, dict):
        out += [p for k, v in data.items() for p in _paths(v, (*path, k))]
    elif isinstance(data, list):
        out += [p for i, v in enumerate(data) for p in _paths(v, (*path, i))]
    return out


@st.composite
def _variations(draw):
    kind, path = draw(st.sampled_from(FILES))
    data = copy.deepcopy(yaml.safe_load(path.read_text(encoding="utf-8")))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(_paths(data)[1:]))
        parent = data
        for part in where[:-1]:
            parent = parent[part]
        change = draw(st.sampled_from(["set", "delete", "add"]))
        if change == "delete":
            del parent[where[-1]]
        elif change == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(ADDED))] = draw(VALUES)
        else:
            parent[where[-1]] = draw(VALUES)
        if not _paths(data)[1:]:
            break
    return kind, data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_variations())
def test_the_fast_reader_never_accepts_what_the_schema_refuses_nor_reads_it_otherwise(case):
    kind, data = case
    try:
        judged = _judged(kind, data)
    except Exception:  # the schema's own trouble (a validator's TypeError) is not the reader's to judge
        return
    fast = KINDS[kind][1](data)
    assert fast is None or fast == judged
