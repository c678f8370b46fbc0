"""Writing: whole PDFs or nothing, clear messages for folders that cannot be written, cards that must fit."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.errors import CardgenError, LayoutError, OutputError
from cardgen.pipeline import BuildOptions, build


def test_output_under_a_file_is_a_clear_error(content, tmp_path):
    (tmp_path / "afile").write_text("not a folder")
    result = CliRunner().invoke(main, ["build", "--plan", "basic", "--out", "afile/sub"])
    assert result.exit_code == 1
    assert result.output == "Error: cannot create the output folder afile/sub: Not a directory\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_failed_write_leaves_no_partial_file_and_keeps_the_old_one(content, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "booklet.pdf").write_bytes(b"previous booklet")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OutputError) as info:
        build(BuildOptions("basic", out=out), content.load())
    assert str(info.value.message) == f"cannot write {out / 'booklet.pdf'}: No space left on device"
    assert sorted(p.name for p in out.iterdir()) == ["booklet.pdf"]
    assert (out / "booklet.pdf").read_bytes() == b"previous booklet"


def _session_of(content, count: int, name_words: int) -> None:
    """Make the plan's session hold `count` exercises with long names."""
    long = " ".join(["Extraordinarily"] * name_words)
    items = []
    for i in range(count):
        text = (content.root / "exercises" / "glute-bridge.yaml").read_text().replace("name: Glute bridge", f"name: {long} {i}")
        content.write(f"exercises/long-{i}.yaml", text)
        items.append(f"      - exercise: long-{i}")
    plan = (content.root / "plans" / "basic.yaml").read_text()
    head = plan.split("    exercises:\n")[0]
    content.write("plans/basic.yaml", head + "    exercises:\n" + "\n".join(items) + "\n")


def test_a_crowded_card_shrinks_with_a_warning(content, tmp_path):
    _session_of(content, 9, 2)  # larger card type (issue 6): nine long names need a smaller size
    result = build(BuildOptions("basic", out=tmp_path / "out", only=("cards",)), content.load())
    assert "Week 1 · Session A (front): text shrunk to 86% to fit the card" in result.warnings


def test_cards_that_cannot_fit_are_skipped_like_a_poster_and_fail_when_asked_for_alone(content, tmp_path, monkeypatch):
    """Cards and poster behave alike: a product that cannot be made is not written, the build says
    which and what to change and writes the others; asked for alone, it is an error that writes nothing.
    (Content within the limits always makes cards now, continued onto more cards where a session is
    long: a card that cannot be made is simulated.)"""
    from cardgen.render.cards import sheet

    advice = "card 'Session A' (ID-1 front) does not fit even at the smallest type (8 pt); use fewer exercises in the session, or shorter exercise names"

    def refuse(*args, **kwargs):
        raise LayoutError(advice)

    monkeypatch.setattr(sheet, "fit", refuse)
    result = build(BuildOptions("basic", out=tmp_path / "all", card="id1"), content.load())
    assert [p.name for p in result.files] == ["booklet.pdf", "booklet-print.pdf", "poster.pdf"]
    assert f"cards.pdf not written: {advice}" in result.warnings
    with pytest.raises(LayoutError) as info:
        build(BuildOptions("basic", out=tmp_path / "out", only=("cards",), card="id1"), content.load())
    assert info.value.message == advice
    assert not (tmp_path / "out").exists()


def test_a_session_too_long_for_a_wallet_card_is_written_on_more_cards(content, tmp_path):
    """Ten exercises with long names were refused on a wallet card; they continue onto more cards."""
    _session_of(content, 10, 4)
    result = build(BuildOptions("basic", out=tmp_path / "all", card="id1"), content.load())
    assert [p.name for p in result.files] == ["booklet.pdf", "booklet-print.pdf", "cards.pdf", "poster.pdf"]
    assert any(w.startswith("Session A (ID-1 cards): too long for one card, continued onto ") for w in result.warnings), result.warnings


def test_a_folder_in_the_way_writes_none_of_the_files(content, tmp_path):
    out = tmp_path / "out"
    (out / "cards.pdf").mkdir(parents=True)
    with pytest.raises(OutputError) as info:
        build(BuildOptions("basic", out=out), content.load())
    assert info.value.message == f"cannot write {out / 'cards.pdf'}: a folder is in the way"
    assert sorted(p.name for p in out.iterdir()) == ["cards.pdf"]


def test_a_poster_that_cannot_fit_is_skipped_with_a_warning_when_other_products_are_built(content, tmp_path):
    # Six sessions a week are too wide for the sheet: more sheets do not help (a long plan now goes on more sheets).
    session = "    focus: Glutes\n    per_week: 3\n    exercises:\n      - exercise: glute-bridge\n"
    content.edit("plans/basic.yaml", "    focus: Glutes\n    exercises:\n", "    focus: Glutes\n    per_week: 3\n    exercises:\n")
    content.write("plans/basic.yaml", (content.root / "plans" / "basic.yaml").read_text() + "  B:\n" + session)
    result = build(BuildOptions("basic", out=tmp_path / "out"), content.load())
    assert [p.name for p in result.files] == ["booklet.pdf", "booklet-print.pdf", "cards.pdf"]
    assert [w for w in result.warnings if w.startswith("poster.pdf not written: the poster of 'Basic plan' (4 weeks × 6 sessions)")], result.warnings
    with pytest.raises(LayoutError):
        build(BuildOptions("basic", out=tmp_path / "poster", only=("poster",)), content.load())


def test_a_start_date_at_the_end_of_the_calendar_is_a_clear_error(content):
    from click.testing import CliRunner

    from cardgen.cli import main

    result = CliRunner().invoke(main, ["build", "--plan", "basic", "--start", "9999-12-20"])
    assert result.exit_code == 1
    assert result.output == "Error: --start 9999-12-20: a 4-week plan from then runs past the end of the calendar\n"


def test_a_booklet_too_thick_to_fold_says_so(content, tmp_path):
    content.edit("plans/basic.yaml", "weeks: 4\n", "weeks: 40\n")
    content.edit("plans/basic.yaml", "race_week: 4\n", "race_week: 40\n")
    content.edit("plans/basic.yaml", "{weeks: 4, name: Race week", "{weeks: 40, name: Race week")
    plan = (content.root / "plans" / "basic.yaml").read_text()
    content.write("plans/basic.yaml", plan + "  B:\n    focus: Again\n    exercises:\n      - exercise: glute-bridge\n")
    result = build(BuildOptions("basic", out=tmp_path / "out", only=("booklet",)), content.load())
    [warning] = result.warnings
    assert warning.startswith("booklet.pdf has ")
    assert warning.endswith("too thick to fold and staple; print booklet.pdf single-sided instead, or split the plan into shorter ones")


def test_names_in_greek_and_cyrillic_print_and_other_scripts_are_refused(content, tmp_path):
    from pdfcheck import text

    result = build(BuildOptions("basic", out=tmp_path / "a", only=("booklet",), athlete="Дмитрий Ἀθηνᾶ Zoë"), content.load())
    assert result.warnings == []
    assert "Дмитрий Ἀθηνᾶ Zoë" in text((tmp_path / "a" / "booklet.pdf").read_bytes())
    with pytest.raises(CardgenError) as info:
        build(BuildOptions("basic", out=tmp_path / "b", only=("booklet",), athlete="Zoë 山田"), content.load())
    assert info.value.message == (
        "--athlete: the font cannot print '山' (U+5C71, cjk unified ideograph-5c71), '田' (U+7530, cjk unified ideograph-7530); "
        "write it with Latin, Greek or Cyrillic letters"
    )
    assert not (tmp_path / "b").exists()


def test_a_folder_is_replaced_whole_keeping_what_it_is_told_to(tmp_path, monkeypatch):
    from cardgen.write import replace_folder

    folder = tmp_path / "zoe"
    replace_folder(folder, {"a.pdf": b"one", "b.pdf": b"one"})
    (folder / "zoe.eml").write_bytes(b"mail")
    assert replace_folder(folder, {"a.pdf": b"two"}, keep=lambda name: name.endswith(".eml")) == [folder / "a.pdf"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {"a.pdf": b"two", "zoe.eml": b"mail"}  # b.pdf went with the old folder

    def rename(src, dst):
        if str(src).endswith(".tmp"):  # the new folder taking the old one's place
            raise OSError(28, "No space left on device")
        return real(src, dst)

    real = os.rename
    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OutputError, match=r"^cannot write .*zoe: No space left on device$"):
        replace_folder(folder, {"a.pdf": b"three"})
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["zoe"]  # the previous folder back in its place, nothing staged
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {"a.pdf": b"two", "zoe.eml": b"mail"}
