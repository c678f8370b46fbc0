"""coach.yaml: what a good file gives, and every problem of a bad one at once, each with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cardgen.cli import main
from cardgen.coach import PASSWORD_MESSAGE, ClientDefaults, Coach, MessageTemplate, Smtp, load_coach
from cardgen.equipment import parse_have
from cardgen.errors import CardgenError, ContentError
from cardgen.pipeline import load_coach as pipeline_load_coach
from cardgen.wording import DEFAULT_MESSAGE_BODY, DEFAULT_MESSAGE_SUBJECT

FULL = """\
name: Ana Pérez
business: Run Strong Coaching
email: ana@runstrong.example
phone: +44 7700 900123
web: runstrong.example
accent: "#1f6f8b"
footer: Questions? Text me any day before 8 pm.
defaults:
  paper: letter
  card: id1
  theme: color
  have: [band, kettlebell]
  duplex: short
  poster_paper: a3
smtp:
  host: smtp.runstrong.example
  security: ssl
  user: ana
message:
  subject: "{first_name}, your {plan_title} plan"
  body: "Hi {first_name},\\n\\nAttached.\\n\\n{coach}"
  attach: [booklet, poster]
"""


def known_equipment() -> str:
    """What --have says after an unknown word: the same list, said the same way in coach.yaml."""
    with pytest.raises(CardgenError) as info:
        parse_have("zzz")
    return info.value.message.split("; ", 1)[1]


KNOWN_EQUIPMENT = known_equipment()


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "coach.yaml").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_coach(folder)
    return [str(p) for p in info.value.problems]


def test_no_coach_yaml_is_no_coach(tmp_path):
    assert load_coach(tmp_path) is None


def test_a_full_coach_yaml(tmp_path):
    coach = load_coach(write(tmp_path, FULL))
    assert coach == Coach(
        name="Ana Pérez",
        business="Run Strong Coaching",
        email="ana@runstrong.example",
        phone="+44 7700 900123",
        web="runstrong.example",
        logo=None,
        accent=(0x1F / 255, 0x6F / 255, 0x8B / 255),
        footer="Questions? Text me any day before 8 pm.",
        defaults=ClientDefaults("letter", "id1", "color", frozenset({"band", "kettlebell"}), "short", "a3"),
        smtp=Smtp("smtp.runstrong.example", 465, "ssl", "ana"),
        message=MessageTemplate("{first_name}, your {plan_title} plan", "Hi {first_name},\n\nAttached.\n\n{coach}", ("booklet", "poster")),
    )
    assert coach.contact == ("ana@runstrong.example", "+44 7700 900123", "runstrong.example")


def test_a_name_alone_takes_every_default(tmp_path):
    coach = load_coach(write(tmp_path, "name: Ana\n"))
    assert coach == Coach("Ana")
    assert coach.defaults == ClientDefaults("a4", "quarter", "mono", None, "long", None)
    assert coach.message == MessageTemplate(DEFAULT_MESSAGE_SUBJECT, DEFAULT_MESSAGE_BODY, ("booklet", "cards", "poster"))
    assert coach.smtp is None and coach.contact == ()


@pytest.mark.parametrize("security, port", [("starttls", 587), ("ssl", 465), ("none", 25)])
def test_the_port_follows_the_security(tmp_path, security, port):
    coach = load_coach(write(tmp_path, f"name: Ana\nsmtp:\n  host: mail.example\n  security: {security}\n"))
    assert coach.smtp == Smtp("mail.example", port, security, None)


@pytest.mark.parametrize("have, expected", [
    ("none", frozenset()), ("all", None), ("[Band]", frozenset({"band"})), ("band, kettlebell", frozenset({"band", "kettlebell"})),
])
def test_defaults_have(tmp_path, have, expected):
    assert load_coach(write(tmp_path, f"name: Ana\ndefaults:\n  have: {have}\n")).defaults.have == expected


def test_every_problem_at_once_with_its_line(tmp_path):
    folder = write(tmp_path, """\
name: Ana
busines: Run Strong
email: ana@@example
accent: "#12345"
logo: assets/none.png
defaults:
  paper: a5
smtp:
  host: smtp.example
  password: hunter2
  securty: ssl
  port: 70000
message:
  subject: "Plan for {firstname}"
  attach: [booklet, pdf]
""")
    assert problems(folder) == [
        "coach.yaml:2: busines: unknown field (did you mean 'business'?); known fields: name, business, email, phone, web, "
        "logo, accent, footer, defaults, smtp, message, videos, language",
        "coach.yaml:3: email: expected an email address such as coach@example.com, found 'ana@@example'",
        "coach.yaml:4: accent: expected a colour as #RRGGBB, such as \"#1f6f8b\", found '#12345'",
        "coach.yaml:5: logo: no file assets/none.png (a path is read from the folder of coach.yaml)",
        "coach.yaml:7: defaults.paper: expected one of 'a4' or 'letter', found 'a5'",
        f"coach.yaml:10: smtp.password: {PASSWORD_MESSAGE}",
        "coach.yaml:11: smtp.securty: unknown field (did you mean 'security'?); known fields: host, port, security, user, cafile",
        "coach.yaml:12: smtp.port: expected a number at most 65535, found 70000",
        "coach.yaml:14: message.subject: unknown field {firstname} (did you mean 'first_name'?); use {first_name}, {name}, "
        "{plan_title}, {plan}, {start}, {race}, {weeks}, {coach}, {business}, {dates}, {printing}",
        "coach.yaml:15: message.attach[1]: expected one of 'booklet', 'booklet-print', 'cards' or 'poster', found 'pdf'",
    ]


def test_the_password_message_is_exact_and_never_echoes_the_password(tmp_path):
    folder = write(tmp_path, "name: Ana\nsmtp:\n  host: smtp.example\n  password: hunter2\n")
    assert PASSWORD_MESSAGE == "never write the password in coach.yaml; set CARDGEN_SMTP_PASSWORD or type it when asked"
    with pytest.raises(ContentError) as info:
        load_coach(folder)
    assert str(info.value.message) == f"coach.yaml:4: smtp.password: {PASSWORD_MESSAGE}\n1 problem found."
    assert "hunter2" not in info.value.message


@pytest.mark.parametrize("text, expected", [
    ("", "coach.yaml:1: name: required field is missing (coach.yaml is empty)"),
    ("- name: Ana\n", "coach.yaml:1: expected a mapping of fields such as name: and email:"),
    ("email: ana@example.com\n", "coach.yaml:1: name: required field is missing"),
    ("name: Ana\nmessage:\n  body: 'Hi {first_name'\n", "coach.yaml:3: message.body: a { or } without its pair; write {{ or }} for a brace itself"),
    ("name: Ana\ndefaults:\n  have: [band, kettlebel]\n", "coach.yaml:3: defaults.have: unknown equipment 'kettlebel' (did you mean "
     "'kettlebell'?); " + KNOWN_EQUIPMENT),
    ("name: [Ana\n", "coach.yaml:1: a [ opened here is never closed with ]; a comma inside an item needs quotes"),
    ("name: Ana\nlanguage: frnch\n", "coach.yaml:2: language: unknown language 'frnch' (did you mean 'fr'?); use a code such as "
     "en, en-us, de, fr, es, it, nl, pt (docs/content-format.md lists them all)"),
])
def test_one_problem(tmp_path, text, expected):
    assert problems(write(tmp_path, text)) == [expected]


def test_a_language_is_read_as_a_code(tmp_path):
    assert load_coach(write(tmp_path, "name: Ana\nlanguage: de_AT\n")).language == "de-at"
    assert load_coach(write(tmp_path, "name: Ana\n")).language is None


def test_the_pipeline_finds_the_workspace_coach(tmp_path, monkeypatch):
    write(tmp_path, "name: Ana\n")
    assert pipeline_load_coach(tmp_path) == Coach("Ana")
    monkeypatch.chdir(tmp_path)  # not a workspace (no exercises/ and plans/): the shipped library rules
    assert pipeline_load_coach(None) is None
    (tmp_path / "exercises").mkdir()
    (tmp_path / "plans").mkdir()
    assert pipeline_load_coach(None) == Coach("Ana")


def test_build_refuses_a_bad_coach_yaml_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "ws", "name: Ana\nsmtp:\n  host: x\n  password: secret\n")
    result = CliRunner().invoke(main, ["build", "--plan", "8-week-half", "--content", "ws", "--only", "poster"])
    assert result.exit_code != 0
    assert result.output == f"coach.yaml:4: smtp.password: {PASSWORD_MESSAGE}\n1 problem found.\n"
    assert not (tmp_path / "output").exists()
