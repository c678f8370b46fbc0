"""`cardgen batch`: a roster built in parallel, one folder per client written whole, re-runs that
rebuild only what changed. Real workspaces, real processes, real PDFs."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cardgen import batch
from cardgen.batch import MANIFEST, BatchReport, ClientReport, build_clients, coach_digest, input_digest
from cardgen.cli import main
from cardgen.coach import load_coach
from cardgen.options import CardSize, Paper, ThemeName
from cardgen.pipeline import load
from cardgen.roster import UNSET, Client, client_options, read_roster
from cardgen.workspace import init_workspace

MM = 72 / 25.4
# Ten clients: both papers, start and race dates, equipment lists, card sizes; Ann's plan does not
# exist, which only the build can tell (the roster's shape is fine).
ROSTER = """\
name,email,plan,start,race,paper,have,card,notes
Zoë Müller,zoe@example.com,8-week-half,,2027-04-18,a4,"band,kettlebell",,knee
Sam Okafor,sam@example.com,my-first-plan,2027-01-04,,letter,none,id1,
Priya Shah,priya@example.com,my-first-plan,2027-01-11,,a4,,,
Bo Berg,,my-first-plan,,,letter,,a6,
Cy Dunn,cy@example.com,my-first-plan,2027-02-01,,,all,,
Ann Lee,ann@example.com,8-week-hlaf,,,,,,
Dee Eno,dee@example.com,my-first-plan,,2027-03-07,a4,none,,
Eve Fox,eve@example.com,my-first-plan,2027-01-04,,letter,band,quarter,
Gus Hale,,my-first-plan,,,,,a7,
Ida Jons,ida@example.com,my-first-plan,2027-05-03,,a4,"box, band, kettlebell, dumbbell, bench",,
"""
COACH = """\
name: Kim Coach
email: kim@example.com
footer: Questions? Email me any time.
defaults:
  paper: a4
  card: quarter
message:
  subject: "Your {plan_title} plan, {first_name}"
"""
SLUGS = ["zoe-muller", "sam-okafor", "priya-shah", "bo-berg", "cy-dunn", "dee-eno", "eve-fox", "gus-hale", "ida-jons"]


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """A workspace as `cardgen init` writes it, with the ten-client roster; the current folder."""
    init_workspace(tmp_path / "ws")
    monkeypatch.chdir(tmp_path / "ws")
    Path("roster.csv").write_text(ROSTER, encoding="utf-8")
    Path("coach.yaml").write_text(COACH, encoding="utf-8")
    return Path.cwd()


def run(*args: str):
    result = CliRunner().invoke(main, ["batch", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def api(only=("cards",), workers=1, roster="roster.csv"):
    """The batch of the current workspace through the Python API, as cardgen send calls it."""
    return build_clients(read_roster(Path(roster)), load_coach(Path.cwd()), None, Path("output"), workers, only=only)


def state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file of a client's folder with its inode and mtime: what a rebuild would change."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_ten_clients_nine_built_one_reported_and_the_exit_status_says_so(ws):
    result = run("--workers", "2")
    assert result.exit_code == 1
    summary = result.stdout.splitlines()
    assert summary[0].startswith("9 built, 1 failed in ") and summary[0].endswith(" s on 2 workers:")
    assert summary[1].startswith("  Ann Lee (roster.csv:7): unknown plan '8-week-hlaf' (did you mean '8-week-half'?); plans in ")
    assert len(summary) == 2
    assert sorted(p.name for p in Path("output").iterdir()) == sorted(SLUGS)  # nothing for Ann, nothing left staged
    zoe = Path("output/zoe-muller")
    assert sorted(p.name for p in zoe.iterdir()) == [
        MANIFEST, "zoe-muller-8-week-half-booklet-print.pdf", "zoe-muller-8-week-half-booklet.pdf",
        "zoe-muller-8-week-half-cards.pdf", "zoe-muller-8-week-half-poster.pdf"]
    # Each client's row reached the build: the paper, and the name on the cover.
    sizes = {slug: PdfReader(f"output/{slug}/{slug}-{'8-week-half' if slug == 'zoe-muller' else 'my-first-plan'}-booklet.pdf").pages[0].mediabox
             for slug in ("zoe-muller", "sam-okafor")}
    assert round(float(sizes["zoe-muller"].width) / MM) == 148  # A5 pages of A4 paper
    assert round(float(sizes["sam-okafor"].width) / 72 * 2) == 11  # 5.5 in: half-letter pages of letter paper
    assert "Zoë Müller" in PdfReader(zoe / "zoe-muller-8-week-half-booklet.pdf").pages[0].extract_text()
    # One line per client as it finishes (stderr is not a terminal here), Ann's with its line.
    progress = [line for line in result.stderr.splitlines() if not line.startswith("warning:")]
    assert len(progress) == 10
    assert any(line.startswith("failed   Ann Lee  (roster.csv:7) unknown plan '8-week-hlaf'") for line in progress)
    assert "built    Zoë Müller  output/zoe-muller" in progress


def test_the_worker_count_is_honoured(ws):
    report = api(workers=2)
    built = [r for r in report if r.status == "built"]
    assert len(built) == 9 and report.workers == 2
    pids = {r.pid for r in built}
    # Worker processes, never this one, and no more than asked for. Whether the second one gets a
    # client is the scheduler's call: on a loaded machine the first can build all nine before the
    # second has started (seen in CI-like runs), so "exactly two" would be a test of the machine.
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids
    assert {r.pid for r in api(workers=1, only=("poster",)) if r.status == "built"} == {os.getpid()}


def test_a_rerun_skips_every_client_and_a_changed_row_rebuilds_that_client_only(ws):
    first = api()
    before = {slug: state(Path("output") / slug) for slug in SLUGS}
    again = api()
    assert [r.status for r in again] == ["skipped"] * 5 + ["failed"] + ["skipped"] * 4  # a failed client is tried again
    assert [r.files for r in again] == [r.files for r in first]  # the files of the earlier build, for cardgen send
    assert {slug: state(Path("output") / slug) for slug in SLUGS} == before

    # Bo Berg moves to A4; Ida's email and notes change and her row moves up: no PDF of hers changes.
    lines = ROSTER.splitlines()
    lines[4] = lines[4].replace(",letter,", ",a4,")
    ida = lines.pop(10).replace("ida@example.com", "ida@example.org") + "new notes"
    lines.insert(1, ida)
    Path("roster.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    third = {r.client.name: r.status for r in api()}
    assert [name for name, status in third.items() if status == "built"] == ["Bo Berg"]
    assert state(Path("output/bo-berg")) != before["bo-berg"]
    assert {slug: state(Path("output") / slug) for slug in SLUGS if slug != "bo-berg"} == {k: v for k, v in before.items() if k != "bo-berg"}


def test_coach_and_content_changes_rebuild_whom_they_concern(ws, monkeypatch):
    api()
    coach = Path("coach.yaml").read_text(encoding="utf-8")
    # The email template changes no PDF.
    Path("coach.yaml").write_text(coach.replace("Your {plan_title} plan", "Your plan"), encoding="utf-8")
    assert [r.status for r in api() if r.status != "failed"] == ["skipped"] * 9
    # A comment in the plan file changes nothing; its title changes the clients of that plan.
    plan = Path("plans/my-first-plan.yaml")
    assert "title: My First Plan" in plan.read_text(encoding="utf-8")
    plan.write_text("# tweaked\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    assert [r.status for r in api() if r.status != "failed"] == ["skipped"] * 9
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: My First Plan", "title: My Own Plan"), encoding="utf-8")
    assert {r.client.name for r in api() if r.status == "built"} == {"Sam Okafor", "Priya Shah", "Bo Berg", "Cy Dunn", "Dee Eno",
                                                                        "Eve Fox", "Gus Hale", "Ida Jons"}
    # An exercise the plan uses (the workspace's own example) rebuilds the same clients; the footer, everyone.
    exercise = Path("exercises/single-leg-balance.yaml")
    assert "Hips level" in exercise.read_text(encoding="utf-8")
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("Hips level", "Hips square"), encoding="utf-8")
    assert len([r for r in api() if r.status == "built"]) == 8
    Path("coach.yaml").write_text(coach.replace("Questions?", "Train smart."), encoding="utf-8")
    assert len([r for r in api() if r.status == "built"]) == 9
    # A new cardgen (its code, or a library that writes the bytes) rebuilds everyone.
    monkeypatch.setattr(batch, "code_digest", lambda: "another cardgen")
    assert len([r for r in api() if r.status == "built"]) == 9


def test_the_code_digest_follows_every_file_of_cardgen_but_not_its_bytecode(tmp_path):
    import shutil

    package = tmp_path / "cardgen"
    shutil.copytree(Path(batch.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = batch.files_digest([package])
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "batch.cpython-312.pyc").write_bytes(b"compiled")
    assert batch.files_digest([package]) == before
    source = package / "render" / "table.py"
    source.write_text(source.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    assert batch.files_digest([package]) != before


def test_a_failing_render_leaves_the_previous_build_whole(ws, monkeypatch):
    api()
    before = state(Path("output/priya-shah"))
    Path("roster.csv").write_text(ROSTER.replace("2027-01-11,,a4", "2027-01-18,,a4"), encoding="utf-8")
    real = batch.render_client

    def render(library, client, coach, only):
        if client.name == "Priya Shah":
            raise RuntimeError("the renderer fell over")
        return real(library, client, coach, only)

    monkeypatch.setattr(batch, "render_client", render)
    report = api()
    priya = next(r for r in report if r.client.name == "Priya Shah")
    assert priya.status == "failed" and priya.why == "cardgen failed unexpectedly: the renderer fell over; please report it with this client's roster row"
    assert state(Path("output/priya-shah")) == before
    assert sorted(p.name for p in Path("output").iterdir()) == sorted(SLUGS)


def test_a_write_that_fails_halfway_leaves_the_previous_build_whole_and_nothing_staged(ws, monkeypatch):
    api(only=("booklet",))
    before = state(Path("output/priya-shah"))
    contents = {name: (Path("output/priya-shah") / name).read_bytes() for name in before}
    Path("roster.csv").write_text(ROSTER.replace("2027-01-11,,a4", "2027-01-18,,a4"), encoding="utf-8")
    real, calls = Path.write_bytes, []

    def write_bytes(self, data):
        calls.append(self.name)
        if self.name == "priya-shah-my-first-plan-booklet-print.pdf":  # the second file of the two
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    report = api(only=("booklet",))
    priya = next(r for r in report if r.client.name == "Priya Shah")
    assert calls == ["priya-shah-my-first-plan-booklet.pdf", "priya-shah-my-first-plan-booklet-print.pdf"]
    assert priya.status == "failed" and priya.why.startswith("cannot write output/priya-shah: No space left on device")
    assert state(Path("output/priya-shah")) == before
    assert {name: (Path("output/priya-shah") / name).read_bytes() for name in before} == contents
    assert sorted(p.name for p in Path("output").iterdir()) == sorted(SLUGS)


def test_a_killed_runs_staging_folders_go_and_files_of_others_stay(ws):
    api(only=("poster",))
    Path("output/.priya-shah.k3j_x9a2.tmp").mkdir()
    Path("output/.bo-berg.0f3a9c1e.old").mkdir()
    Path("output/.keep-me").mkdir()
    Path("output/priya-shah/priya-shah.eml").write_text("From: coach", encoding="utf-8")
    Path("roster.csv").write_text(ROSTER.replace("2027-01-11,,a4", "2027-01-18,,a4"), encoding="utf-8")
    api(only=("poster",))
    assert sorted(p.name for p in Path("output").iterdir()) == sorted([*SLUGS, ".keep-me"])
    assert (Path("output/priya-shah/priya-shah.eml")).read_text(encoding="utf-8") == "From: coach"  # what cardgen send wrote


def test_a_client_who_changes_plan_keeps_only_the_new_plans_files(ws):
    api(only=("poster",))
    Path("roster.csv").write_text(ROSTER.replace("Priya Shah,priya@example.com,my-first-plan", "Priya Shah,priya@example.com,8-week-half"),
                                  encoding="utf-8")
    api(only=("poster",))
    assert sorted(p.name for p in Path("output/priya-shah").iterdir()) == [MANIFEST, "priya-shah-8-week-half-poster.pdf"]


def test_a_broken_roster_builds_nothing_and_names_every_problem(ws):
    Path("roster.csv").write_text(ROSTER.replace("2027-01-11", "11/01/2027").replace(",a7,", ",a8,"), encoding="utf-8")
    result = run()
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "roster.csv:4: start: expected YYYY-MM-DD, found '11/01/2027'",
        "roster.csv:10: card: unknown card 'a8'; use one of quarter, a6, a7, index-3x5, index-4x6, id1",
        "2 problems found.",
    ]
    assert not Path("output").exists()


def test_the_roster_is_found_in_the_workspace_or_named(ws):
    Path("roster.csv").rename("clients.yaml")
    result = run()
    assert result.exit_code == 1
    assert result.stderr == "Error: no roster.csv or roster.yaml here; name one (cardgen batch ROSTER), or start a workspace with cardgen init\n"
    Path("clients.yaml").write_text("- {name: Ann Lee, plan: my-first-plan, paper: letter}\n", encoding="utf-8")
    result = run("clients.yaml", "--only", "cards", "--out", "pdfs")
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("pdfs/ann-lee").iterdir() if p.suffix == ".pdf"] == ["ann-lee-my-first-plan-cards.pdf"]
    Path("clients.yaml").rename("roster.yaml")
    assert run("--only", "cards", "--out", "pdfs").stdout == "0 built, 1 skipped (unchanged) in 0.0 s.\n"


def test_client_options_take_the_coachs_defaults_where_the_row_is_empty(ws):
    Path("coach.yaml").write_text(COACH.replace("  paper: a4", "  paper: letter\n  have: [band]\n  poster_paper: a3\n  theme: color"),
                                  encoding="utf-8")
    coach = load_coach(Path.cwd())
    client = Client("Ann Lee", None, "my-first-plan", dt.date(2027, 1, 4), None, None, UNSET, None, None, 2)
    options = client_options(client, coach, Path("out"))
    assert (options.paper, options.card, options.theme, options.have, options.poster_paper) == (
        Paper.LETTER, CardSize.QUARTER, ThemeName.COLOR, frozenset({"band"}), "a3")
    assert (options.athlete, options.start, options.out, options.coach) == ("Ann Lee", dt.date(2027, 1, 4), Path("out/ann-lee"), coach)
    own = client_options(Client("Ann Lee", None, "p", None, dt.date(2027, 5, 2), "a4", None, "id1", None, 2), coach, Path("out"))
    assert (own.paper, own.card, own.have, own.race) == (Paper.A4, CardSize.ID1, None, dt.date(2027, 5, 2))


def test_the_input_hash_is_the_same_in_every_process(ws):
    # A frozenset's order (the have column) changes with the hash seed; the hash must not.
    code = (
        "from pathlib import Path; from cardgen.batch import *; from cardgen.coach import load_coach; "
        "from cardgen.pipeline import load; from cardgen.roster import read_roster; "
        "c = read_roster(Path('roster.csv'))[9]; coach = load_coach(Path.cwd()); "
        "print(input_digest(c, coach_digest(coach), content_digest(load(None), c.plan), ('cards',)))"
    )
    digests = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                              text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1
    client = read_roster(Path("roster.csv"))[9]
    assert digests == {input_digest(client, coach_digest(load_coach(Path.cwd())), batch.content_digest(load(None), client.plan), ("cards",)) + "\n"}


def test_the_summary_counts_and_names_each_failed_client_with_every_line_of_why():
    def client(name: str, line: int) -> Client:
        return Client(name, None, "p", None, None, None, UNSET, None, None, line)

    report = BatchReport([
        ClientReport(client("Zoë Müller", 2), "built"),
        ClientReport(client("Bo Berg", 3), "skipped", "unchanged"),
        ClientReport(client("Ann Lee", 7), "failed", "plans/p.yaml:4: weeks: expected a whole number, found 'six'\n1 problem found."),
    ], workers=2, seconds=3.14)
    assert report.summary() == (
        "1 built, 1 skipped (unchanged), 1 failed in 3.1 s on 2 workers:\n"
        "  Ann Lee (roster.csv:7): plans/p.yaml:4: weeks: expected a whole number, found 'six'\n"
        "    1 problem found."
    )
    assert BatchReport([ClientReport(client("Bo Berg", 3), "skipped", "unchanged")], 0, 0.04).summary() == "0 built, 1 skipped (unchanged) in 0.0 s."


def test_ctrl_c_starts_no_new_client_and_leaves_every_folder_whole(ws):
    seen = []

    def ctrl_c(report):
        # What Ctrl-C in a terminal does: SIGINT to every process of the command, the workers too.
        seen.append(report)
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGINT)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_clients(read_roster(Path("roster.csv")), load_coach(Path.cwd()), None, Path("output"), 2, only=("booklet",), progress=ctrl_c)
    assert len(seen) == 1
    folders = sorted(Path("output").iterdir())
    # The first client, those being built and the next one queued finished; the rest never started.
    assert 1 <= len(folders) <= 6
    for folder in folders:  # each whole, none staged
        assert not folder.name.startswith(".")
        assert sorted(p.name for p in folder.iterdir())[0] == MANIFEST and len(list(folder.iterdir())) == 3


def test_a_broken_file_stops_only_the_clients_whose_plan_uses_it(ws):
    # A second plan of the workspace with a mistake: the clients of my-first-plan still get theirs.
    Path("plans/broken-plan.yaml").write_text("title: Broken\nweeks: eight\nsessions: {}\n", encoding="utf-8")
    Path("roster.csv").write_text("name,plan\nAl Ant,my-first-plan\nBea Bee,broken-plan\n", encoding="utf-8")
    report = api(only=("poster",))
    assert [(r.client.name, r.status) for r in report] == [("Al Ant", "built"), ("Bea Bee", "failed")]
    [failed] = [r for r in report if r.status == "failed"]
    assert "plans/broken-plan.yaml:2: weeks: expected a whole number, found 'eight'" in failed.why


def test_the_command_too_builds_the_clients_a_broken_file_does_not_concern(ws):
    Path("plans/broken-plan.yaml").write_text("title: Broken\nweeks: eight\nsessions: {}\n", encoding="utf-8")
    Path("roster.csv").write_text("name,plan\nAl Ant,my-first-plan\nBea Bee,broken-plan\n", encoding="utf-8")
    result = run("--only", "poster")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("1 built, 1 failed in ")
    assert "  Bea Bee (roster.csv:3): " in result.stdout and "plans/broken-plan.yaml:2: weeks: expected a whole number, found 'eight'" in result.stdout
    assert [p.name for p in Path("output").iterdir()] == ["al-ant"]
