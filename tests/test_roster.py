"""The roster: CSV or YAML rows become checked clients, and every problem of the file is named at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cardgen.errors import CardgenError, ContentError
from cardgen.roster import UNSET, Client, client_files, clients_from, read_roster, slugify

HEADER = "name,email,plan,start,race,paper,have,card,notes\n"


def write(tmp_path: Path, text: str, name: str = "roster.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        read_roster(path)
    return [str(p) for p in info.value.problems]


@pytest.fixture(autouse=True)
def _here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name the roster as the coach typed it: roster.csv


def test_a_full_row_and_a_minimal_row(tmp_path):
    path = write(tmp_path, HEADER + "Zoë Müller,zoe@example.com,8-week-half,2027-01-04,,letter,\"band, kettlebell\",a6,likes mornings\n"
                 "Ann Lee,,4-week-base,,,,,,\n")
    zoe, ann = read_roster(path)
    assert zoe == Client("Zoë Müller", "zoe@example.com", "8-week-half", dt.date(2027, 1, 4), None, "letter",
                         frozenset({"band", "kettlebell"}), "a6", "likes mornings", 2, "roster.csv")
    assert (zoe.slug, zoe.first_name, zoe.where) == ("zoe-muller", "Zoë", "roster.csv:2")
    assert ann == Client("Ann Lee", None, "4-week-base", None, None, None, UNSET, None, None, 3, "roster.csv")
    assert client_files(zoe, "8-week-half") == ["zoe-muller-8-week-half-booklet.pdf", "zoe-muller-8-week-half-booklet-print.pdf",
                                                "zoe-muller-8-week-half-cards.pdf", "zoe-muller-8-week-half-poster.pdf"]


@pytest.mark.parametrize("name, slug", [
    ("Zoë Müller", "zoe-muller"), ("  Jean-Luc   PICARD ", "jean-luc-picard"), ("Ørjan Åsheim", "orjan-asheim"),
    ("Anna Straße", "anna-strasse"), ("Seán O’Brien", "sean-obrien"), ("Σοφία Παππά", "σοφια-παππα"), ("Ann (2)", "ann-2"),
])
def test_slugs(name, slug):
    assert slugify(name) == slug


def test_only_name_and_plan_are_required_and_columns_may_come_in_any_order_and_case(tmp_path):
    path = write(tmp_path, "Plan, Name\n8-week-half,Ann Lee\n")
    (ann,) = read_roster(path)
    assert (ann.name, ann.plan, ann.email, ann.have) == ("Ann Lee", "8-week-half", None, UNSET)


def test_every_problem_of_the_file_at_once_in_line_order(tmp_path):
    path = write(tmp_path, HEADER
                 + "Ann Lee,ann@example.com,8-week-half,2027-01-04,31/02/2027,a4,,,\n"
                 + "Bo Berg,bo.example.com,8-week-half,,,a5,,wallet,\n"
                 + ",,8-week-half,,,,,,\n"
                 + "Cy Dunn,,,2027-02-31,2027-13-01,,,,\n")
    assert problems(path) == [
        "roster.csv:2: race: expected YYYY-MM-DD, found '31/02/2027'",
        "roster.csv:3: card: unknown card 'wallet'; use one of quarter, a6, a7, index-3x5, index-4x6, id1",
        "roster.csv:3: email: expected an address like ann@example.com, found 'bo.example.com'",
        "roster.csv:3: paper: unknown paper 'a5'; use one of a4, letter",
        "roster.csv:4: name: required, but empty",
        "roster.csv:5: plan: required, but empty",
        "roster.csv:5: race: expected YYYY-MM-DD, found '2027-13-01' (there is no month 13)",
        "roster.csv:5: start: expected YYYY-MM-DD, found '2027-02-31' (February 2027 has 28 days)",
    ]


def test_the_message_counts_the_problems(tmp_path):
    path = write(tmp_path, HEADER + "Ann Lee,,8-week-half,tomorrow,,,,,\n")
    with pytest.raises(ContentError) as info:
        read_roster(path)
    assert info.value.format_message() == "roster.csv:2: start: expected YYYY-MM-DD, found 'tomorrow'\n1 problem found."


def test_unknown_and_missing_columns(tmp_path):
    path = write(tmp_path, "nmae,emial,paper,paper\nAnn,ann@example.com,a4,a4\n")
    assert problems(path) == [
        "roster.csv:1: emial: unknown column (did you mean 'email'?); the columns are name, email, plan, start, race, paper, have, card, notes",
        "roster.csv:1: name: required column is missing",
        "roster.csv:1: nmae: unknown column (did you mean 'name'?); the columns are name, email, plan, start, race, paper, have, card, notes",
        "roster.csv:1: paper: this column is given twice",
        "roster.csv:1: plan: required column is missing",
    ]


def test_names_that_make_the_same_folder_are_an_error(tmp_path):
    path = write(tmp_path, "name,plan\nZoë Müller,8-week-half\nAnn Lee,8-week-half\nZoe Muller,4-week-base\nAnn Lee,4-week-base\n")
    assert problems(path) == [
        "roster.csv:4: name: 'Zoe Muller' has the same folder (zoe-muller) as 'Zoë Müller' on line 2; make the names differ, e.g. with an initial",
        "roster.csv:5: name: 'Ann Lee' has the same name on line 3; make the names differ, e.g. with an initial",
    ]


def test_a_plan_is_an_id_as_cardgen_list_shows_it(tmp_path):
    # A plan id that is well formed but unknown is the build's to report, per client (see test_batch.py).
    assert problems(write(tmp_path, "name,plan\nAnn,../8-week-half\n")) == [
        "roster.csv:2: plan: expected a plan id like 8-week-half (see 'cardgen list'), found '../8-week-half'"]


def test_a_name_without_letters_has_no_folder(tmp_path):
    assert problems(write(tmp_path, "name,plan\n---,8-week-half\n")) == ["roster.csv:2: name: needs at least one letter or digit, found '---'"]


def test_a_name_the_font_cannot_print_is_refused_where_it_was_written(tmp_path):
    assert problems(write(tmp_path, "name,plan\nAnn Lee,8-week-half\n李娜,8-week-half\n")) == [
        "roster.csv:3: name: the font cannot print '李' (U+674E, cjk unified ideograph-674e), '娜' (U+5A1C, cjk unified ideograph-5a1c); "
        "write it with Latin, Greek or Cyrillic letters"]


def test_excel_files_a_bom_semicolons_and_windows_line_ends(tmp_path):
    path = write(tmp_path, "\ufeffName;Email;Plan;Paper\r\nZoë Müller;zoe@example.com;8-week-half;A4\r\n;;;\r\n")
    (zoe,) = read_roster(path)
    assert (zoe.name, zoe.email, zoe.plan, zoe.paper, zoe.line) == ("Zoë Müller", "zoe@example.com", "8-week-half", "a4", 2)


def test_a_file_that_is_not_utf8_says_how_to_save_it(tmp_path):
    path = write(tmp_path, "name,plan\nAnn,8-week-half\nZoë,8-week-half\n", encoding="cp1252")
    assert problems(path) == ["roster.csv:3: the file is not UTF-8 text; in Excel, save it as 'CSV UTF-8 (Comma delimited)'"]


def test_empty_rows_and_commented_rows_are_skipped_and_lines_stay_true(tmp_path):
    path = write(tmp_path, "\nname,plan,notes\n\n,,\n# Bo Berg,8-week-half\n\"Ann Lee\",8-week-half,\"two\nlines\"\nCy Dunn,8-week-half,\n")
    ann, cy = read_roster(path)
    assert (ann.line, ann.notes, cy.line) == (6, "two\nlines", 8)


def test_a_row_with_more_cells_than_columns(tmp_path):
    path = write(tmp_path, "name,plan\nLee, Ann,8-week-half\n")
    assert problems(path) == ["roster.csv:2: 3 cells but 2 columns; a cell with ',' in it needs quotes, like \"Lee, Ann\""]


def test_an_empty_roster(tmp_path):
    assert problems(write(tmp_path, "")) == ["roster.csv: empty roster: the first line names the columns, e.g. name,email,plan,start"]
    assert problems(write(tmp_path, "name,plan\n\n")) == ["roster.csv: no clients: add one row per client"]


def test_have_none_all_and_a_list(tmp_path):
    path = write(tmp_path, "name,plan,have\nA,p,none\nB,p,all\nC,p,\"band,box\"\nD,p,\n")
    assert [c.have for c in read_roster(path)] == [frozenset(), None, frozenset({"band", "box"}), UNSET]


def test_yaml_roster(tmp_path):
    path = write(tmp_path, """\
- name: Zoë Müller
  plan: 8-week-half
  race: 2027-03-14
  have: [band, kettlebell]
- name: Ann Lee
  plan: 4-week-base
  start: '2027-01-04'
  have: none
""", "roster.yaml")
    zoe, ann = read_roster(path)
    assert (zoe.race, zoe.have, zoe.line, zoe.file) == (dt.date(2027, 3, 14), frozenset({"band", "kettlebell"}), 1, "roster.yaml")
    assert (ann.start, ann.have, ann.line) == (dt.date(2027, 1, 4), frozenset(), 5)


def test_yaml_roster_problems(tmp_path):
    path = write(tmp_path, """\
- name: Zoë Müller
  plann: 8-week-half
  race: 14.3.2027
- just a name
- name: [Ann, Lee]
  plan: 4-week-base
""", "roster.yaml")
    assert problems(path) == [
        "roster.yaml:1: plan: required field is missing",
        "roster.yaml:2: plann: unknown field (did you mean 'plan'?); the fields are name, email, plan, start, race, paper, have, card, notes",
        "roster.yaml:3: race: expected YYYY-MM-DD, found '14.3.2027'",
        "roster.yaml:4: expected a client's fields (name: ..., plan: ...), found 'just a name'",
        "roster.yaml:5: name: expected text, found a list",
    ]


def test_yaml_roster_that_is_not_a_list(tmp_path):
    assert problems(write(tmp_path, "name: Ann\nplan: p\n", "roster.yaml")) == [
        "roster.yaml:1: expected a list of clients (each starting with '- name:'), found a mapping"]


def test_a_roster_of_another_kind(tmp_path):
    with pytest.raises(CardgenError, match=r"^roster.xlsx: a roster is a .csv or .yaml file$"):
        read_roster(write(tmp_path, "x", "roster.xlsx"))


def test_rows_from_elsewhere_are_checked_as_a_roster_is():
    # What a platform passes a worker: plain, JSON-friendly mappings.
    (zoe,) = clients_from([{"name": "Zoë Müller", "plan": "8-week-half", "race": "2027-04-18", "have": ["band"], "paper": "letter"}])
    assert (zoe.slug, zoe.race, zoe.have, zoe.paper, zoe.where) == ("zoe-muller", dt.date(2027, 4, 18), frozenset({"band"}), "letter", "row:1")
    with pytest.raises(ContentError) as info:
        clients_from([{"name": "Ann", "plan": "p"}, {"nmae": "Bo", "race": "soon"}], "db")
    assert [str(p) for p in info.value.problems] == [
        "db:2: name: required field is missing",
        "db:2: nmae: unknown field (did you mean 'name'?); the fields are name, email, plan, start, race, paper, have, card, notes",
        "db:2: plan: required field is missing",
        "db:2: race: expected YYYY-MM-DD, found 'soon'",
    ]
