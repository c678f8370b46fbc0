"""Hostile or broken files are refused quickly with a plain message, never a hang, a traceback or a
memory blow-up; legal YAML that is merely unusual (merge keys, upper-case suffixes) works.

Each test is one class of input; the `content` fixture (conftest.py) is a small valid folder.
"""

from __future__ import annotations

import os
import time

import pytest

from cardgen.content.yamlsource import MAX_BYTES, MAX_DEPTH, MAX_VALUES
from cardgen.doselang import parse_weeks

EX = "content/exercises/band-walk.yaml"


def laughs(levels: int) -> str:
    """Ten aliases of ten aliases of ...: a few hundred bytes that expand to 10**levels values."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def quick(content) -> list[str]:
    """The problems of the folder, which must be found within two seconds."""
    began = time.perf_counter()
    problems = content.problems()
    assert time.perf_counter() - began < 2.0, "refusing the file took too long"
    return problems


def test_aliases_that_expand_to_a_billion_values_are_refused(content):
    content.write("exercises/band-walk.yaml", laughs(9))
    assert quick(content) == [f"{EX}:1: the file holds more than {MAX_VALUES:,} values once its aliases (*name) are expanded"]


@pytest.mark.parametrize("text", [
    "a: " + "[" * 5000 + "]" * 5000 + "\n",  # flow style: libyaml's own nesting limit
    "".join(" " * i + "a:\n" for i in range(200)) + " " * 200 + "a: 1\n",  # block style: ours
], ids=["flow", "block"])
def test_deep_nesting_is_refused_without_a_recursion_error(content, text):
    content.write("exercises/band-walk.yaml", text)
    [problem] = quick(content)
    assert problem.startswith(f"{EX}") and problem.endswith(f": the file nests lists or mappings more than {MAX_DEPTH} levels deep")


def test_a_huge_file_is_refused_before_it_is_read(content):
    content.write("exercises/band-walk.yaml", "name: " + "x" * (MAX_BYTES + 1) + "\n")
    assert quick(content) == [f"{EX}: the file is 1.0 MB; a content file may be at most 1 MB"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_named_like_a_content_file_does_not_hang(content):
    os.mkfifo(content.root / "exercises" / "pipe.yaml")
    assert quick(content) == ["content/exercises/pipe.yaml: not a regular file; content files are plain text files"]


def test_a_file_that_is_not_utf8_says_so(content):
    (content.root / "exercises" / "band-walk.yaml").write_bytes(b"name: Caf\xe9\n")
    assert quick(content) == [f"{EX}: cannot read the file: it is not UTF-8 text (byte 9)"]


def test_an_upper_case_suffix_is_read_not_ignored(content):
    (content.root / "exercises" / "band-walk.yaml").rename(content.root / "exercises" / "band-walk.YAML")
    assert "band-walk" in content.load().exercises


def test_a_merge_key_with_an_override_is_legal(content):
    content.edit("plans/basic.yaml", "  A:\n", "  A: &a\n")
    content.write("plans/basic.yaml", (content.root / "plans/basic.yaml").read_text() + "  B:\n    <<: *a\n    focus: Second day\n")
    plan = content.load().plans["basic"]
    assert [s.focus for s in plan.sessions.values()] == ["Glutes", "Second day"]
    assert [e.exercise for e in plan.sessions["B"].exercises] == ["glute-bridge", "side-plank"]


@pytest.mark.parametrize(("text", "line"), [("name: Walk\n?\n  primary: [glutes]\n", 3), ("name: Walk\n? [a, b]\n: 3\n", 2)])
def test_a_complex_key_is_refused_with_its_line(content, text, line):
    (content.root / "exercises" / "band-walk.yaml").write_text(text, encoding="utf-8")
    assert quick(content) == [f"{EX}:{line}: a list or a mapping stands where a field name should be (a '?' makes one): write each field as name: value"]


def test_a_repeated_field_is_still_reported(content):
    content.edit("exercises/band-walk.yaml", "name: Band walk\n", "name: Band walk\nname: Walk\n")
    assert any(p.endswith(": name: this field is given twice") for p in content.problems())


def test_a_huge_week_range_is_refused_before_it_is_expanded():
    began = time.perf_counter()
    with pytest.raises(ValueError, match=r"^a plan has at most 52 weeks, found week 999999999$"):
        parse_weeks("2-999999999")
    with pytest.raises(ValueError, match=r"^the plan has 8 weeks, found week 999999999$"):
        parse_weeks("2-999999999", total=8)
    assert time.perf_counter() - began < 0.5


@pytest.mark.parametrize("text, message", [
    ("Band walk مشي", "the font cannot print 'م' (U+0645, arabic letter meem), 'ش' (U+0634, arabic letter sheen) and 1 more; "
                      "write it with Latin, Greek or Cyrillic letters"),
    ("Band walk 💪", "the font cannot print '💪' (U+1F4AA, flexed biceps); write it with Latin, Greek or Cyrillic letters"),
    ("Band\\awalk", "remove the control character U+0007; it cannot be printed"),
], ids=["arabic", "emoji", "control"])
def test_text_the_font_cannot_print_is_refused_where_it_was_written(content, text, message):
    content.edit("exercises/band-walk.yaml", "name: Band walk\n", f'name: "{text}"\n')
    content.edit("exercises/band-walk.yaml", "  - Stay low\n", f'  - "Stay low {text}"\n')
    assert quick(content) == [f"{EX}:1: name: {message}", f"{EX}:11: cues[1]: {message}"]


def test_only_printed_text_is_checked_not_comments_and_an_escape_is_checked_as_the_character_it_makes(content):
    content.edit("exercises/band-walk.yaml", "name: Band walk\n", "# مشي 💪\nname: Band walk\n")
    assert content.load().exercises["band-walk"].name == "Band walk"  # a comment is never printed
    content.edit("exercises/band-walk.yaml", "name: Band walk\n", 'name: "Band walk \\U0001F4AA"\n')
    assert quick(content) == [f"{EX}:2: name: the font cannot print '💪' (U+1F4AA, flexed biceps); write it with Latin, Greek or Cyrillic letters"]


def test_greek_cyrillic_and_accented_latin_print(content):
    content.edit("exercises/band-walk.yaml", "name: Band walk\n", "name: Ходьба Ἀθηνᾶ Łódź ‘quoted’ – 30\u00a0s\n")
    assert content.load().exercises["band-walk"].name.startswith("Ходьба")


def test_text_is_read_in_one_spelling_per_character(content):
    content.edit("exercises/band-walk.yaml", "name: Band walk\n", "name: Cafe\u0301 walk\n")  # e + combining acute
    assert content.load().exercises["band-walk"].name == "Caf\u00e9 walk"


@pytest.mark.parametrize("card", ["quarter", "id1"])
def test_soft_hyphens_and_zero_width_spaces_never_print_as_characters(content, tmp_path, card):
    from cardgen.pipeline import BuildOptions, build

    from pdfcheck import text

    content.edit("exercises/glute-bridge.yaml", "name: Glute bridge\n", "name: Glute\u00adbridge\u200bvariation\n")
    content.edit("exercises/glute-bridge.yaml", "  - Squeeze at the top\n", "  - Squeeze\u00adat the top\n")
    content.edit("plans/basic.yaml", "title: Basic plan\n", "title: Basic\u00adplan\n")
    result = build(BuildOptions("basic", out=tmp_path / "out", card=card), content.load())
    for path in result.files:
        printed = text(path.read_bytes())
        assert "\u00ad" not in printed and "\u200b" not in printed, path.name
        assert "Glutebridgevariation" in printed.replace("\n", ""), path.name


def test_every_face_of_the_font_prints_the_characters_the_check_allows():
    # glyphs.py reads the regular face only; a bold or italic title must print the same characters.
    from reportlab.pdfbase.ttfonts import TTFontFile

    from cardgen.resources import shipped

    faces = [set(TTFontFile(str(shipped("fonts") / f)).charToGlyph) for f in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")]
    assert faces[0] == faces[1] == faces[2]


@pytest.mark.parametrize("face", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"])
def test_the_glyph_check_reads_the_characters_reportlab_draws(face):
    # glyphs.py reads the font's character map itself so that `check` never imports ReportLab.
    from reportlab.pdfbase.ttfonts import TTFontFile

    from cardgen.glyphs import font_characters
    from cardgen.resources import shipped

    path = shipped("fonts") / face
    assert font_characters(path.read_bytes()) == set(TTFontFile(str(path)).charToGlyph)
