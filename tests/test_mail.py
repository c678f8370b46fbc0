"""cardgen.mail: one client's email, composed without a server (what is sent is checked in test_send.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from cardgen.coach import Coach, MessageTemplate
from cardgen.errors import CardgenError
from cardgen.mail import Letter, compose, missing_values
from cardgen.roster import UNSET, Client
from cardgen.wording import DEFAULT_MESSAGE_BODY, DEFAULT_MESSAGE_SUBJECT

COACH = Coach(name="Jo Coach", business="Run & Lift", email="jo@example.com", web="example.com")
CLIENT = Client("Zoë Müller", "zoe@example.org", "8-week-half", None, None, None, UNSET, None, None, line=2)
LETTER = Letter(plan="8-week-half", plan_title="8-Week Half", weeks=8)


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    out = {}
    for product in ("booklet", "cards"):
        path = tmp_path / f"zoe-muller-8-week-half-{product}.pdf"
        path.write_bytes(b"%PDF-1.7\n" + product.encode() + b"\n%%EOF\n")
        out[product] = path
    return out


def parts(msg):
    again = message_from_bytes(msg.as_bytes(), policy=policy.default)  # what a mail program reads
    return again, again.get_body(("plain",)).get_content(), again.get_body(("html",)).get_content()


def test_the_default_message_without_dates_says_what_is_attached_and_how_to_print_it(files):
    msg, text, html = parts(compose(COACH, CLIENT, LETTER, files))
    assert msg["Subject"] == "Your training plan: 8-Week Half"
    assert msg["From"] == "Jo Coach <jo@example.com>" and msg["Reply-To"] == "Jo Coach <jo@example.com>"
    assert msg["To"] == "Zoë Müller <zoe@example.org>"
    assert msg["Message-ID"].endswith("@example.com>")
    assert text.startswith("Hi Zoë,\n\nAttached is 8-Week Half, your 8-week strength plan to go with your running. "
                           "Start on whichever Monday suits you.\n\n- zoe-muller-8-week-half-booklet.pdf: the booklet, to read on screen.\n")
    assert "- zoe-muller-8-week-half-cards.pdf: pocket cards for your sessions. Print on A4, two-sided, flip on long edge," in text
    assert "booklet-print" not in text and "poster" not in text  # advice only for what is attached
    assert text.endswith("\nJo Coach\n\n-- \nRun & Lift\nexample.com\njo@example.com\n")
    assert "<li>zoe-muller-8-week-half-booklet.pdf: the booklet, to read on screen.</li>" in html
    assert "Run &amp; Lift" in html and '<a href="mailto:jo@example.com">' in html
    assert [(p.get_filename(), p.get_content_type(), p.get_content()[:5]) for p in msg.iter_attachments()] == [
        ("zoe-muller-8-week-half-booklet.pdf", "application/pdf", b"%PDF-"),
        ("zoe-muller-8-week-half-cards.pdf", "application/pdf", b"%PDF-"),
    ]


def test_a_coach_template_gets_every_field_and_the_print_advice_after_it(files):
    template = MessageTemplate(
        "{first_name}: {plan_title} ({weeks} weeks) from {business}",
        "Dear {name} <3,\nYour plan {plan} starts {start}\nand ends with your race on {race}.\n\n{coach}",
    )
    letter = Letter("8-week-half", "8-Week Half", 8, dt.date(2027, 1, 18), dt.date(2027, 3, 14), paper="letter", duplex="fold")
    msg, text, html = parts(compose(COACH, CLIENT, letter, {"cards": files["cards"]}, template=template))
    assert msg["Subject"] == "Zoë: 8-Week Half (8 weeks) from Run & Lift"
    assert text.startswith("Dear Zoë Müller <3,\nYour plan 8-week-half starts Monday 18 January 2027\n"
                           "and ends with your race on Sunday 14 March 2027.\n\nJo Coach\n\nAbout the files:\n"
                           "- zoe-muller-8-week-half-cards.pdf: pocket cards for your sessions. Print on Letter, on one side; "
                           "fold on the dashed line and glue, at actual size (100\u00a0%), then cut along the marks.\n")
    # escaped; a line that wrapped inside a sentence joins, a typed break before a capital stays
    assert "<p>Dear Zoë Müller &lt;3,<br>Your plan 8-week-half starts Monday 18 January 2027 and ends with" in html


def test_a_field_the_client_has_no_value_for_is_named(files):
    template = MessageTemplate("Ready for {race}?", "Week 1: {start}. {dates}")
    assert missing_values(template, LETTER) == ["start", "race"]
    assert missing_values(MessageTemplate(DEFAULT_MESSAGE_SUBJECT, DEFAULT_MESSAGE_BODY), LETTER) == []


def test_a_subject_stays_one_line_whatever_the_fields_hold(files):
    msg, _, _ = parts(compose(COACH, CLIENT, LETTER, files, template=MessageTemplate("Files:\n{printing}", "x")))
    assert msg["Subject"].startswith("Files: - zoe-muller-8-week-half-booklet.pdf: the booklet, to read on screen. - zoe-muller")
    assert "\n" not in msg["Subject"]


def test_no_coach_email_or_a_bad_client_address_is_a_clear_error(files):
    with pytest.raises(CardgenError, match="coach.yaml: email: "):
        compose(Coach(name="Jo"), CLIENT, LETTER, files)
    with pytest.raises(CardgenError, match="Zoë Müller: email: not an email address: 'zoe at example'"):
        compose(COACH, replace(CLIENT, email="zoe at example"), LETTER, files)
