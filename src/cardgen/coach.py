"""The coach's profile, `coach.yaml` in the workspace: who prints the plans (name, business, contact,
logo, accent colour, footer), the defaults for clients a roster leaves open, the SMTP server and the
message that goes with the PDFs. Read once, every problem reported at once with its line."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from cardgen.content.load import unprintable_fields
from cardgen.content.messages import problems_from, suggest
from cardgen.content.urls import video_template
from cardgen.content.yamlsource import Source, read_yaml
from cardgen.equipment import parse_have
from cardgen.errors import CardgenError, ContentError, Problem
from cardgen.languages import language_code
from cardgen.options import CardSize, Duplex, Paper, PosterPaper, ThemeName
from cardgen.pictures import PictureProblem, read_picture
from cardgen.resources import COACH_FILE
from cardgen.wording import DEFAULT_MESSAGE_BODY, DEFAULT_MESSAGE_SUBJECT

FILE = COACH_FILE
PASSWORD_MESSAGE = "never write the password in coach.yaml; set CARDGEN_SMTP_PASSWORD or type it when asked"
# The fields a message template may name, each filled per client by cardgen.mail: {dates} is a sentence
# with the client's dates (whatever of start and race they have), {printing} how to print the files attached.
MESSAGE_FIELDS = ("first_name", "name", "plan_title", "plan", "start", "race", "weeks", "coach", "business", "dates", "printing")
ATTACHABLE = ("booklet", "booklet-print", "cards", "poster")
DEFAULT_ATTACH = ("booklet", "cards", "poster")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


# -- what the rest of cardgen receives -------------------------------------------------------


@dataclass(frozen=True)
class Smtp:
    """coach.yaml's mail server: where `cardgen send` connects and how."""

    host: str
    port: int  # default 587 for starttls, 465 for ssl, 25 for none
    security: str  # "none" | "starttls" | "ssl"
    user: str | None
    cafile: Path | None = None  # a CA certificate (PEM) to trust besides the system's: a relay with its own CA


@dataclass(frozen=True)
class MessageTemplate:
    """coach.yaml's message: the email each client gets, and which PDFs it carries."""

    subject: str  # str.format fields: see MESSAGE_FIELDS
    body: str  # plain text; the HTML part is made from it
    attach: tuple[str, ...] = DEFAULT_ATTACH  # any of ATTACHABLE


@dataclass(frozen=True)
class ClientDefaults:
    """What a roster row leaves out."""

    paper: str = "a4"
    card: str = "quarter"
    theme: str = "mono"
    have: frozenset[str] | None = None  # None: the client has all equipment
    duplex: str = "long"
    poster_paper: str | None = None  # None: the paper


def with_defaults(options: dict[str, Any], given: set[str], defaults: ClientDefaults) -> dict[str, Any]:
    """A build's options with the coach's defaults in place of every option nobody gave: the coach
    who prints on Letter says so once, in coach.yaml, not on every command."""
    out = dict(options)
    for name in ("paper", "card", "theme", "duplex", "poster_paper", "have"):
        if name not in given:
            out[name] = getattr(defaults, name)
    return out


@dataclass(frozen=True)
class Coach:
    """coach.yaml, read and checked: who the products are from, and the workspace's defaults."""

    name: str
    business: str | None = None
    email: str | None = None
    phone: str | None = None
    web: str | None = None
    logo: Path | None = None  # resolved against the workspace folder; checked to be a readable PNG or JPEG
    accent: tuple[float, float, float] | None = None  # from "#1f6f8b"
    footer: str | None = None
    defaults: ClientDefaults = ClientDefaults()
    smtp: Smtp | None = None
    message: MessageTemplate = MessageTemplate(DEFAULT_MESSAGE_SUBJECT, DEFAULT_MESSAGE_BODY)
    logo_line: int = 0  # where coach.yaml names the logo, for a message about it at build time
    videos: str | None = None  # the coach's demonstration videos: an https address with {id} for the exercise's id
    language: str | None = None  # what the coach's content is written in (cardgen.languages), for hyphenation

    @property
    def contact(self) -> tuple[str, ...]:
        """Email, phone and web, those given, in that order."""
        return tuple(x for x in (self.email, self.phone, self.web) if x)


# -- the file's schema --------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _Defaults(_Strict):
    paper: Literal[tuple(Paper.values())] = "a4"  # type: ignore[valid-type]
    card: Literal[tuple(CardSize.values())] = "quarter"  # type: ignore[valid-type]
    theme: Literal[tuple(ThemeName.values())] = "mono"  # type: ignore[valid-type]
    have: list[Text] | Text = "all"  # a list, or "band, kettlebell", or all, or none
    duplex: Literal[tuple(Duplex.values())] = "long"  # type: ignore[valid-type]
    poster_paper: Literal[tuple(PosterPaper.values())] | None = None  # type: ignore[valid-type]


    @field_validator("have")
    @classmethod
    def _have(cls, value: list[str] | str) -> list[str] | str:
        try:
            parse_have(_have_text(value))
        except CardgenError as exc:
            raise ValueError(exc.message) from None
        return value


def _have_text(value: list[str] | str) -> str:
    return value if isinstance(value, str) else ",".join(value)


class _Smtp(_Strict):
    host: Text
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: Text | None = None
    cafile: Text | None = None


class _Message(_Strict):
    subject: Line = DEFAULT_MESSAGE_SUBJECT
    body: Text = DEFAULT_MESSAGE_BODY
    attach: list[Literal[ATTACHABLE]] = Field(default=list(DEFAULT_ATTACH), min_length=1)  # type: ignore[valid-type]

    @field_validator("subject", "body")
    @classmethod
    def _known_fields(cls, text: str) -> str:
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError:
            raise ValueError("a { or } without its pair; write {{ or }} for a brace itself") from None
        for name in names:
            if name not in MESSAGE_FIELDS:
                known = ", ".join("{" + f + "}" for f in MESSAGE_FIELDS)
                raise ValueError(f"unknown field {{{name}}}{suggest(name, MESSAGE_FIELDS)}; use {known}")
        return text


class _CoachFile(_Strict):
    name: Line
    business: Line | None = None
    email: Line | None = None
    phone: Line | None = None
    web: Line | None = None
    logo: Text | None = None
    accent: Text | None = None
    footer: Line | None = None
    defaults: _Defaults = _Defaults()
    smtp: _Smtp | None = None
    message: _Message = _Message()
    videos: Text | None = None
    language: Annotated[str, BeforeValidator(language_code)] | None = None

    @field_validator("videos")
    @classmethod
    def _videos(cls, text: str | None) -> str | None:
        return None if text is None else video_template(text)

    @field_validator("email")
    @classmethod
    def _email(cls, text: str | None) -> str | None:
        if text is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
            raise ValueError(f"expected an email address such as coach@example.com, found {text!r}")
        return text

    @field_validator("accent")
    @classmethod
    def _accent(cls, text: str | None) -> str | None:
        if text is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
            raise ValueError(f"expected a colour as #RRGGBB, such as \"#1f6f8b\", found {text!r}")
        return text


# -- reading ------------------------------------------------------------------------------------


def load_coach(folder: Path) -> Coach | None:
    """folder/coach.yaml, or None when there is none. Every problem at once, as ContentError."""
    file = Path(folder) / FILE
    if not file.is_file():
        return None
    source, problems = read_yaml(file, FILE)
    if source is None:
        raise ContentError(problems)
    problems += unprintable_fields(source)
    if source.data is None:
        raise ContentError([Problem(FILE, 1, "name", "required field is missing (coach.yaml is empty)")])
    data = source.data
    if not isinstance(data, dict):
        raise ContentError([Problem(FILE, source.line_of(()), "", "expected a mapping of fields such as name: and email:")])
    smtp = data.get("smtp")
    if isinstance(smtp, dict) and "password" in smtp:
        # Said before anything else is checked, and the value is never echoed.
        problems.append(Problem(FILE, source.line_of(("smtp", "password")), "smtp.password", PASSWORD_MESSAGE))
        data = {**data, "smtp": {k: v for k, v in smtp.items() if k != "password"}}
    try:
        model = _CoachFile.model_validate(data)
    except ValidationError as exc:
        problems += problems_from(exc.errors(), source, _CoachFile)
        model = None
    logo = None
    if isinstance(data.get("logo"), str) and data["logo"].strip():
        logo = Path(folder) / data["logo"].strip()
        try:
            read_picture(logo, data["logo"].strip(), "logo")
        except PictureProblem as exc:
            said = f"{exc} (a path is read from the folder of coach.yaml)" if not logo.is_file() else str(exc)
            problems.append(Problem(FILE, source.line_of(("logo",)), "logo", said))
    cafile = None
    if isinstance(smtp, dict) and isinstance(smtp.get("cafile"), str) and smtp["cafile"].strip():
        cafile = Path(folder) / smtp["cafile"].strip()
        if not cafile.is_file():
            problems.append(Problem(FILE, source.line_of(("smtp", "cafile")), "smtp.cafile",
                                    f"no file {smtp['cafile'].strip()} (a path is read from the folder of coach.yaml)"))
    if problems or model is None:
        raise ContentError(problems)
    return _coach(model, logo, source, cafile)


def _coach(m: _CoachFile, logo: Path | None, source: Source, cafile: Path | None = None) -> Coach:
    d = m.defaults
    have = parse_have(_have_text(d.have))
    smtp = None
    if m.smtp is not None:
        port = m.smtp.port or DEFAULT_PORTS[m.smtp.security]
        smtp = Smtp(m.smtp.host, port, m.smtp.security, m.smtp.user, cafile)
    return Coach(
        name=m.name,
        business=m.business,
        email=m.email,
        phone=m.phone,
        web=m.web,
        logo=logo,
        accent=_rgb(m.accent) if m.accent else None,
        footer=m.footer,
        defaults=ClientDefaults(d.paper, d.card, d.theme, have, d.duplex, d.poster_paper),
        smtp=smtp,
        message=MessageTemplate(m.message.subject, m.message.body, tuple(m.message.attach)),
        logo_line=source.line_of(("logo",)) if logo else 0,
        videos=m.videos,
        language=m.language,
    )


def _rgb(text: str) -> tuple[float, float, float]:
    return (int(text[1:3], 16) / 255, int(text[3:5], 16) / 255, int(text[5:7], 16) / 255)
