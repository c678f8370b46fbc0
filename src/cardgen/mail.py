"""One email per client: the coach's message template filled in for the client, as plain text and a
simple HTML part made from the same text, with the client's PDFs attached.

Pure apart from reading the PDFs it is given: sending, the sent log and .eml files are send.py's job.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from cardgen.coach import Coach, MessageTemplate
from cardgen.errors import CardgenError
from cardgen.roster import Client
from cardgen.wording import email_dates, email_printing, long_date

LIMIT = 10_000_000  # bytes of the encoded message; many providers refuse more (some at 10 MB, most at 20-25 MB)


@dataclass(frozen=True)
class Letter:
    """What a client's email says besides the coach's and client's names: the plan and its dates,
    and how the attached products are printed (the client's paper, flip and poster sheet)."""

    plan: str
    plan_title: str
    weeks: int
    start: dt.date | None = None
    race: dt.date | None = None
    paper: str = "a4"
    long_edge: bool = False
    duplex: str = "long"
    poster_paper: str | None = None


def fields_used(text: str) -> set[str]:
    """The {fields} of a str.format template (coach.yaml's were checked against MESSAGE_FIELDS when it was read)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def missing_values(template: MessageTemplate, letter: Letter) -> list[str]:
    """The dates a template names that the client has none of: ["race"] for {race} and no race. The
    roster column and the field share the name; {dates} is the way to write one message for everyone."""
    used = fields_used(template.subject) | fields_used(template.body)
    return [name for name, value in (("start", letter.start), ("race", letter.race)) if name in used and value is None]


def compose(
    coach: Coach,
    client: Client,
    letter: Letter,
    files: Mapping[str, Path],
    *,
    template: MessageTemplate | None = None,
    when: dt.datetime | None = None,
) -> EmailMessage:
    """The email to `client`: `files` maps each product (booklet, booklet-print, cards, poster) to the
    PDF to attach, in the order to attach them."""
    if not coach.email:
        raise CardgenError("coach.yaml: email: the From address of every message; add your email to coach.yaml")
    if not client.email:
        raise CardgenError(f"{client.name} has no email")
    template = template or coach.message
    printing = email_printing({p: f.name for p, f in files.items()}, letter.paper, letter.long_edge, letter.duplex, letter.poster_paper or letter.paper)
    values = {  # every one of cardgen.coach.MESSAGE_FIELDS
        "first_name": client.first_name,
        "name": client.name,
        "plan_title": letter.plan_title,
        "plan": letter.plan,
        "start": long_date(letter.start) if letter.start else "",
        "race": long_date(letter.race) if letter.race else "",
        "weeks": str(letter.weeks),
        "coach": coach.name,
        "business": coach.business or coach.name,
        "dates": email_dates(letter.start, letter.race),
        "printing": printing,
    }
    subject = " ".join(template.subject.format_map(values).split())
    body = template.body.format_map(values).strip()
    if "printing" not in fields_used(template.body) and printing:
        body += "\n\nAbout the files:\n" + printing  # the advice belongs in every email, whatever the template says
    body = re.sub(r"\n{3,}", "\n\n", body)  # an empty field leaves no gap of blank lines

    msg = EmailMessage()
    msg["From"] = Address(coach.name, addr_spec=coach.email)
    msg["Reply-To"] = Address(coach.name, addr_spec=coach.email)
    try:
        msg["To"] = Address(client.name, addr_spec=client.email)
    except (ValueError, IndexError):
        raise CardgenError(f"{client.name}: email: not an email address: {client.email!r}") from None
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when or dt.datetime.now(dt.UTC).astimezone())
    msg["Message-ID"] = make_msgid(domain=coach.email.rpartition("@")[2] or None)
    signature = _signature(coach)
    msg.set_content(body + ("\n\n-- \n" + "\n".join(signature) if signature else "") + "\n")
    msg.add_alternative(_html(body, signature, coach.web), subtype="html")
    for path in files.values():
        msg.add_attachment(path.read_bytes(), maintype="application", subtype="pdf", filename=path.name)
    return msg


def _signature(coach: Coach) -> list[str]:
    """The coach's contact under every message: business, phone, web, email (what coach.yaml gives)."""
    return [line for line in (coach.business, coach.phone, coach.web, coach.email) if line]


def _html(body: str, signature: list[str], web: str | None) -> str:
    blocks = "\n".join(_html_block(block) for block in re.split(r"\n\s*\n", body) if block.strip())
    lines = []
    for line in signature:
        if line == web:
            href = line if "://" in line else "https://" + line
            lines.append(f'<a href="{html.escape(href, quote=True)}">{html.escape(line)}</a>')
        elif "@" in line and " " not in line:
            lines.append(f'<a href="mailto:{html.escape(line, quote=True)}">{html.escape(line)}</a>')
        else:
            lines.append(html.escape(line))
    sig = f'\n<p style="color:#555;font-size:90%">{"<br>".join(lines)}</p>' if lines else ""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        f'<body style="font-family:sans-serif;line-height:1.4;max-width:40em">\n{blocks}{sig}\n</body></html>\n'
    )


def _html_block(block: str) -> str:
    """A paragraph of the text as HTML: "- " lines become a list; a line break the coach typed stays,
    except inside a sentence (the next line starts in lower case), where the text just wrapped."""
    lines = [line.strip() for line in block.strip().splitlines()]
    head = [line for line in lines if not line.startswith("- ")]
    items = [line[2:] for line in lines if line.startswith("- ")]
    out = ""
    if head:
        text = html.escape(head[0])
        for line in head[1:]:
            text += (" " if line[:1].islower() else "<br>") + html.escape(line)
        out += f"<p>{text}</p>"
    if items:
        out += "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
    return out
