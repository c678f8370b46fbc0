"""The YAML reader builds plain content itself, in the walk that records every field's line: it must
give what PyYAML's safe constructor gives, with the lines, problems and refusals of the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from cardgen.content import yamlsource
from cardgen.content.yamlsource import Source, read_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(ROOT.glob("content/**/*.yaml")) + sorted(ROOT.glob("tests/**/*.yaml"))

ODD = {
    "alias.yaml": "a: &x {b: 1}\nc: *x\n",
    "merge.yaml": "base: &b {focus: A, note: x}\nB: {<<: *b, focus: X}\n",
    "date.yaml": "start: 2026-01-05\n",
    "tag.yaml": "a: !!str 5\nb: !!set {x, y}\n",
    "scalars.yaml": "a: 0x1F\nb: 1_000\nc: 1:30\nd: .inf\nf: yes\ng: ~\nh: NULL\n1: week\n'2': quoted\n",
    "repeated.yaml": "a: 1\nb: {c: 2, c: 3}\na: 4\n",
    "flow.yaml": "- {exercise: x, note: Slow, then fast}\n",
}


def _as_pyyaml_reads(text: str, display: str) -> tuple[object, dict, list]:
    """The reader as it was: the index of every line first, then PyYAML's constructor."""
    source, problems = Source(display, None), []
    loader = yamlsource._Loader(text)
    try:
        node = loader.get_single_node()
        source.lines[()] = node.start_mark.line + 1
        yamlsource._index(node, (), source, problems, [yamlsource.MAX_VALUES])
        return loader.construct_document(node), source.lines, problems
    finally:
        loader.dispose()


@pytest.mark.parametrize("name", [*(str(f.relative_to(ROOT)) for f in FILES), *ODD])
def test_the_reader_gives_what_pyyaml_gives_with_every_line(name, tmp_path):
    text = ODD.get(name) or (ROOT / name).read_text(encoding="utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    source, problems = read_yaml(path, "x.yaml")
    assert source is not None
    data, lines, expected = _as_pyyaml_reads(text, "x.yaml")
    assert repr(source.data) == repr(data) and source.data == data  # repr: also the types (1 vs 1.0 vs True)
    assert source.lines == lines
    assert problems == expected


def test_an_alias_is_one_value_as_pyyaml_makes_it(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(ODD["alias.yaml"], encoding="utf-8")
    source, _ = read_yaml(path, "x.yaml")
    assert source is not None and isinstance(source.data, dict)
    assert source.data["a"] is source.data["c"]
