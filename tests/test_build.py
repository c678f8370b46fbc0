"""Building every shipped plan: files, page sizes, content, fonts, navigation, reproducibility."""

from __future__ import annotations

import datetime as dt

import pytest

from cardgen.pipeline import BuildOptions, build, plan_from, render
from cardgen.wording import curly, rest_text

from conftest import ATHLETE, LIBRARY, PLANS
from pdfcheck import MM, outline_titles, pages, reader, reads, text, unembedded_fonts

SIZES = {  # paper → (booklet page, card sheet), in points
    "a4": ((148 * MM, 210 * MM), (210 * MM, 297 * MM)),
    "letter": ((5.5 * 72, 8.5 * 72), (8.5 * 72, 11 * 72)),
}


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 0.5 and abs(a[1] - b[1]) < 0.5


@pytest.mark.parametrize("key", [(p, "a4") for p in PLANS] + [("8-week-half", "letter")])
def test_page_sizes_match_the_paper(built, key):
    _, pdfs = built[key]
    booklet_size, sheet_size = SIZES[key[1]]
    for p in reader(pdfs["booklet.pdf"]).pages:
        assert _close((float(p.mediabox.width), float(p.mediabox.height)), booklet_size)
    for p in reader(pdfs["cards.pdf"]).pages:
        assert _close((float(p.mediabox.width), float(p.mediabox.height)), sheet_size)


@pytest.mark.parametrize("plan_id", PLANS)
def test_booklet_has_every_week_and_exercise(built, plan_id):
    plan, pdfs = built[plan_id, "a4"]
    booklet = pdfs["booklet.pdf"]
    words = " ".join(text(booklet).split())
    assert len(reader(booklet).pages) % 4 == 0, "a saddle-stitched booklet needs a multiple of four pages"
    for ex in plan.exercises.values():
        assert ex.name in words
        for cue in ex.cues:  # the exercise page's full form-cue checklist
            assert reads(words, curly(cue)), cue
    by_page = [" ".join(p["text"].split()) for p in pages(booklet)]  # wrapped names rejoin
    for week in plan.weeks:
        for session in week.sessions:
            # The session's page: one table with the targets, the cue strips, the effort cells.
            page = next(t for t in by_page if f"Week {week.number} ·" in t and f"Session {session.key} ·" in t)
            assert "Set 1" in page and "Effort" in page and "Date" in page
            assert "Log" not in page and "Load" not in page, "one table per session: no second log table"
            for item in session.items:
                assert item.exercise.name.split()[0] in page
                assert rest_text(item.dose.rest).replace("\xa0", " ") in page.replace("\xa0", " ")
                for cue in item.key_cues:
                    assert curly(cue) in page


@pytest.mark.parametrize("plan_id", PLANS)
def test_cards_have_one_card_per_session(built, plan_id):
    plan, pdfs = built[plan_id, "a4"]
    cards = pdfs["cards.pdf"]
    sessions = [(w, s) for w in plan.weeks for s in w.sessions]
    sheets = -(-len(sessions) // 4)
    assert len(reader(cards).pages) == 2 + 2 * sheets  # the instructions and a blank back, then a front and a back per sheet
    words = text(cards)
    for w, s in sessions:
        assert f"Week {w.number} · Session {s.key}" in words
        assert f"Week {w.number} · Session {s.key}: form cues" in words
    assert words.count(ATHLETE) == len(sessions)


def test_fonts_are_embedded(built):
    _, pdfs = built["8-week-half", "a4"]
    for data in pdfs.values():
        assert unembedded_fonts(data) == []


def test_same_input_gives_identical_bytes():
    plan = plan_from(LIBRARY, "8-week-half", dt.date(2026, 3, 2))
    options = BuildOptions("8-week-half", athlete=ATHLETE)
    assert render(plan, options) == render(plan, options)


def test_booklet_outline_metadata_and_links(built):
    plan, pdfs = built["8-week-half", "a4"]
    booklet = pdfs["booklet.pdf"]
    titles = outline_titles(booklet)
    assert titles[0] == "Cover"
    for week in plan.weeks:
        assert f"Week {week.number}: {week.phase}" in titles
    for ex in plan.exercises.values():
        assert ex.name in titles
    meta = reader(booklet).metadata
    assert meta.title == plan.title and meta.author == ATHLETE and meta.subject == plan.subtitle
    # The overview links every week to its page.
    overview = reader(booklet).pages[2]
    links = [a.get_object() for a in overview.get("/Annots", [])]
    assert len({str(a["/Dest"]) if "/Dest" in a else str(a["/A"]) for a in links}) >= len(plan.weeks)


def test_cover_and_cards_carry_the_athlete_and_dates(built):
    plan, pdfs = built["8-week-half", "a4"]
    cover = pages(pdfs["booklet.pdf"])[0]["text"]
    assert ATHLETE in cover and "Monday 2 March 2026" in cover and "Sunday 26 April 2026" in cover
    first_sheet = pages(pdfs["cards.pdf"])[2]["text"]  # after the printing instructions and their blank back
    assert "2–8 Mar 2026" in first_sheet and "9–15 Mar 2026" in first_sheet


def test_card_backs_mirror_the_fronts_for_long_edge_duplex(built):
    _, pdfs = built["8-week-half", "a4"]
    front, back = pages(pdfs["cards.pdf"])[2:4]  # after the printing instructions and their blank back
    width = front["size"][0]

    def x_of(page, phrase):
        first = phrase.split()[0]
        for w in page["words"]:
            if w["text"] == first and phrase in page["text"]:
                return w["x0"]
        raise AssertionError(phrase)

    # Week 1 · Session A is the top-left card; its back must print top-right.
    fronts = [w for w in front["words"] if w["text"] == "Week" and w["top"] < front["size"][1] / 2]
    backs = [w for w in back["words"] if w["text"] == "Week" and w["top"] < back["size"][1] / 2]
    assert min(w["x0"] for w in fronts) < width / 2
    session_a_back = [w for w in back["words"] if w["text"] == "A:"]
    assert session_a_back and all(w["x0"] > width / 2 for w in session_a_back if w["top"] < back["size"][1] / 2)
    assert len(backs) == 2


def test_build_writes_every_file_and_reports_them(tmp_path):
    result = build(BuildOptions("8-week-half", out=tmp_path / "out"), LIBRARY)
    assert [p.name for p in result.files] == ["booklet.pdf", "booklet-print.pdf", "cards.pdf", "poster.pdf"]
    for p in result.files:
        assert p.read_bytes().startswith(b"%PDF-")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")], "no temporary files left"


def test_only_builds_one_product(tmp_path):
    result = build(BuildOptions("8-week-half", out=tmp_path, only=("cards",)), LIBRARY)
    assert [p.name for p in result.files] == ["cards.pdf"]
    assert not (tmp_path / "booklet.pdf").exists()


def test_cli_build_options_reach_the_products(tmp_path):
    from click.testing import CliRunner

    from cardgen.cli import main

    out = tmp_path / "out"
    args = ["build", "--plan", "8-week-half", "--out", str(out), "--only", "poster", "--poster-paper", "a3", "--athlete", "  Zoë  "]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"{out / 'poster.pdf'}\n"
    poster = reader((out / "poster.pdf").read_bytes())
    assert round(float(poster.pages[0].mediabox.width) / MM) == 297 and "Zoë" in poster.pages[0].extract_text()
    result = CliRunner().invoke(main, ["build", "--plan", "8-week-half", "--out", str(out), "--only", "booklet", "--long-edge"])
    assert result.exit_code == 0, result.output
    assert "flip on long edge" in result.stderr
    back = pages((out / "booklet-print.pdf").read_bytes())[1]
    assert all(c["matrix"][0] < 0 for c in back["chars"]), "--long-edge turns the backs"


def test_a_one_shot_command_runs_without_the_cyclic_collector_and_turns_it_back_on(tmp_path, monkeypatch):
    # The collector cost ~10 % of a build (cli.py); a caller of main() in the same process gets it back,
    # after success and after failure alike.
    import gc

    from click.testing import CliRunner

    from cardgen import pipeline
    from cardgen.cli import main

    during = []
    load = pipeline.load
    monkeypatch.setattr(pipeline, "load", lambda *a, **k: during.append(gc.isenabled()) or load(*a, **k))
    for args in (["list"], ["check"], ["build", "--plan", "no-such-plan", "--out", str(tmp_path)]):
        result = CliRunner().invoke(main, args)
        assert gc.isenabled(), args
    assert result.exit_code != 0
    assert during == [False, False, False]


@pytest.mark.parametrize("key", [(p, "a4") for p in PLANS] + [("8-week-half", "letter")])
def test_an_exercise_that_runs_on_says_so(built, key):
    """Type never shrinks to make an exercise fit: a page it runs on to opens with "(continued)"."""
    plan, pdfs = built[key]
    r = reader(pdfs["booklet.pdf"])
    names = {ex.name for ex in plan.exercises.values()}
    # The exercise pages end where the next part starts: the alternatives in brief, else the weeks.
    weeks = min(r.get_destination_page_number(e) + 1 for e in r.outline if not isinstance(e, list) and e.title in ("Alternatives", "Weeks"))

    def entries(items):
        for item in items:
            if isinstance(item, list):
                yield from entries(item)
            else:
                yield item

    starts = sorted((r.get_destination_page_number(e) + 1, e.title) for e in entries(r.outline) if e.title in names)
    assert len(starts) == len(names)
    texts = [p["text"] for p in pages(pdfs["booklet.pdf"])]
    for (first, name), (nxt, _) in zip(starts, [*starts[1:], (weeks, "")], strict=True):
        for n in range(first + 1, nxt):
            body = texts[n - 1].split("\n", 1)[1]  # past the running head
            assert body.startswith(curly(f"{name} (continued)")) or body.startswith("Notes"), f"page {n}"


def test_a_week_without_sessions_still_gets_its_page(content):
    content.edit("plans/basic.yaml", "      - exercise: glute-bridge\n", "      - exercise: glute-bridge\n        weeks: 1-2\n")
    content.edit("plans/basic.yaml", "      - exercise: side-plank\n", "      - exercise: side-plank\n        weeks: 1-2, 4\n")
    plan = plan_from(content.load(), "basic")
    assert plan.weeks[2].sessions == ()
    pdfs = render(plan, BuildOptions("basic"))
    assert "Week 3: Build" in outline_titles(pdfs["booklet.pdf"])
    assert "No sessions this week" in text(pdfs["booklet.pdf"])


def test_options_are_checked_once_where_they_are_made():
    from cardgen.errors import CardgenError
    from cardgen.options import CardSize, Paper

    options = BuildOptions("8-week-half", paper="letter", card="a7")
    assert options.paper is Paper.LETTER and options.card is CardSize.A7
    with pytest.raises(CardgenError) as info:
        BuildOptions("8-week-half", card="huge")
    assert str(info.value) == "unknown card 'huge'; use one of quarter, a6, a7, index-3x5, index-4x6, id1"
    with pytest.raises(CardgenError, match="folded cards print on one side"):
        BuildOptions("8-week-half", duplex="fold", back_offset=(1.0, 0.0))
