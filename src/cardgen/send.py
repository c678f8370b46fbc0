"""`cardgen send`: email every client of a roster their PDFs, once.

validate (coach.yaml, its message template, the roster, --resend names) → build what is missing or
stale → decide who gets a message (an email, not sent before) → compose → send over one SMTP
connection, or write .eml files for --dry-run. Each accepted message is appended to the sent log
at once, so a run that stops half way sends nobody twice when it is run again.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import ipaddress
import os
import smtplib
import ssl
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from cardgen import mail
from cardgen.coach import Coach, Smtp
from cardgen.content.messages import suggest
from cardgen.errors import CardgenError, ContentError, Problem
from cardgen.roster import Client, read_roster

if TYPE_CHECKING:
    from cardgen.batch import ClientReport
    from cardgen.content.library import Library

PASSWORD_ENV = "CARDGEN_SMTP_PASSWORD"
CAFILE_ENV = "CARDGEN_SMTP_CAFILE"  # a CA bundle to trust beyond the system's, e.g. a company relay's own CA
LOG_NAME = "sent-log.csv"
LOG_COLUMNS = ("time", "client", "slug", "email", "files", "sha256", "message_id")
SECURITIES = ("none", "starttls", "ssl")
DEFAULT_PORT = {"none": 25, "starttls": 587, "ssl": 465}
TIMEOUT = 60  # seconds for any one SMTP exchange: a stalled server fails that client, not the whole evening


@dataclass(frozen=True)
class SendOptions:
    """What `cardgen send` is asked for."""

    roster: Path
    out: Path = Path("output")
    content: Path | None = None
    smtp: str | None = None  # "HOST:PORT" or "HOST": overrides coach.yaml smtp host and port
    security: str | None = None  # overrides coach.yaml smtp security
    workers: int | None = None  # processes for the build of what is missing or stale (default: the machine's cores)
    dry_run: bool = False
    resend: tuple[str, ...] = ()  # client names or slugs to send again although the log has them
    context: ssl.SSLContext | None = None  # whom to trust over TLS; default: the system's CAs (+ CARDGEN_SMTP_CAFILE)


@dataclass
class Outcome:
    """What became of one client's email."""

    client: Client
    status: str  # sent, written (dry run), skipped, failed
    why: str = ""
    path: Path | None = None  # the .eml of a dry run


@dataclass
class SendReport:
    """Every client's outcome, and the warnings of the run."""

    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def of(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def failed(self) -> bool:
        return bool(self.of("failed"))


Echo = Callable[[Outcome], None]


def send(options: SendOptions, password: Callable[[], str], echo: Echo = lambda o: None, built: Callable[[str], None] = lambda name: None) -> SendReport:
    """Email (or with dry_run, write .eml for) every client of the roster; `password` is asked only
    when a login is needed, `built` hears of each client built first, `echo` of each client as it is done."""
    from cardgen.batch import build_clients
    from cardgen.pipeline import load

    coach = _coach(options.content)
    server = None if options.dry_run else server_settings(coach.smtp, options.smtp, options.security)
    clients = read_roster(options.roster)
    _check_resend(options.resend, clients)
    library = load(options.content, lenient=True)
    letters = {c.slug: _letter(c, coach, library) for c in clients if c.plan in library.plans}
    _check_values(coach, clients, letters)

    report = SendReport()

    def progress(r: ClientReport) -> None:
        if r.status == "built":
            built(r.client.name)

    reports = build_clients(clients, coach, options.content, options.out, options.workers, library=library, progress=progress)
    for r in reports:
        report.warnings += [f"{r.client.name}: {w}" for w in r.warnings]
    log = SentLog(options.out / LOG_NAME)
    pending = _pending(reports, coach, log, options.resend, report, echo)

    if options.dry_run:
        from cardgen.write import prepare_dir, write_all

        for client, files, _ in pending:
            if (msg := _compose(coach, client, letters[client.slug], files, report, echo)) is not None:
                prepare_dir(options.out / client.slug)
                [path] = write_all(options.out / client.slug, {f"{client.slug}.eml": msg.as_bytes()})
                report.outcomes.append(_tell(echo, Outcome(client, "written", path=path)))
    elif pending:
        assert server is not None
        with Session(server, password, options.context) as session:
            report.warnings += session.warnings
            # One message at a time: composed, sent, logged; a thousand clients' PDFs are never in memory at once.
            for client, files, digest in pending:
                if (msg := _compose(coach, client, letters[client.slug], files, report, echo)) is not None:
                    outcome = session.deliver(client, msg)
                    if outcome.status == "sent":
                        log.append(client, msg, digest)
                    report.outcomes.append(_tell(echo, outcome))
    order = {c.slug: i for i, c in enumerate(clients)}
    report.outcomes.sort(key=lambda o: order[o.client.slug])
    return report


def _pending(
    reports: Iterable[ClientReport], coach: Coach, log: SentLog, resend: tuple[str, ...], report: SendReport, echo: Echo
) -> list[tuple[Client, dict[str, Path], str]]:
    """The clients to email now, with their files and the files' digest; the others are reported."""
    again = {k.casefold() for k in resend}
    pending = []
    for r in reports:
        client = r.client
        if not client.email:
            report.outcomes.append(_tell(echo, Outcome(client, "skipped", "no email in the roster")))
        elif r.status == "failed":
            report.outcomes.append(_tell(echo, Outcome(client, "failed", f"not built: {r.why.splitlines()[0]}")))
        elif not (files := {p: r.files[p] for p in coach.message.attach if p in r.files}):
            report.outcomes.append(_tell(echo, Outcome(client, "failed", "none of the products to attach was built")))
        else:
            digest = _digest(files)
            earlier = log.find(client.slug, client.email)
            if earlier and not {client.name.casefold(), client.slug} & again:
                changed = f"; its PDFs changed since: --resend {client.slug} sends them" if earlier["sha256"] != digest else ""
                report.outcomes.append(_tell(echo, Outcome(client, "skipped", f"sent on {earlier['time']}{changed}")))
            else:
                pending.append((client, files, digest))
    return pending


def _compose(coach: Coach, client: Client, letter: mail.Letter, files: dict[str, Path], report: SendReport, echo: Echo) -> EmailMessage | None:
    try:
        msg = mail.compose(coach, client, letter, files)
    except CardgenError as exc:
        report.outcomes.append(_tell(echo, Outcome(client, "failed", exc.message)))
        return None
    size = len(msg.as_bytes())
    if size > mail.LIMIT:
        report.warnings.append(f"{client.name}: the message is {size / 1e6:.1f} MB; many mail servers refuse more than 10 MB")
    return msg


def _tell(echo: Echo, outcome: Outcome) -> Outcome:
    echo(outcome)
    return outcome


# ---------------------------------------------------------------- before anything is built or sent


def _coach(content: Path | None) -> Coach:
    from cardgen.pipeline import load_coach
    from cardgen.resources import default_content_dir

    coach = load_coach(content)  # every problem of coach.yaml, its message template's fields too
    if coach is None:
        folder = content or default_content_dir()
        raise CardgenError(f"no coach.yaml in {folder}: cardgen send needs your name and email from it (cardgen init writes one)")
    if not coach.email:
        raise CardgenError("coach.yaml: email: cardgen send needs your email address, the From and Reply-To of every message")
    return coach


def _check_resend(names: tuple[str, ...], clients: list[Client]) -> None:
    known = {c.name.casefold() for c in clients} | {c.slug for c in clients}
    for name in names:
        if name.casefold() not in known:
            raise CardgenError(f"--resend {name}: no such client in the roster{suggest(name, [c.name for c in clients] + [c.slug for c in clients])}")


def _letter(client: Client, coach: Coach, library: Library) -> mail.Letter:
    """What the email says of the client's plan and how to print it, as the build makes it."""
    from cardgen.roster import client_options

    plan = library.plans[client.plan]
    options = client_options(client, coach, Path())
    start = client.start
    if start is None and client.race is not None:
        from cardgen.plan.race import start_for_race

        try:
            start = start_for_race(client.race, plan.weeks)  # as the build places it
        except OverflowError:
            start = None  # the build fails this client and says why
    return mail.Letter(
        plan=client.plan, plan_title=plan.title, weeks=plan.weeks, start=start, race=client.race,
        paper=options.paper, long_edge=options.long_edge, duplex=options.duplex, poster_paper=options.poster_paper or options.paper,
    )


def _check_values(coach: Coach, clients: list[Client], letters: Mapping[str, mail.Letter]) -> None:
    """A template that says {race} needs a race date for every client it goes to: found before anything is sent."""
    problems = []
    for client in clients:
        letter = letters.get(client.slug)
        if client.email and letter:
            for column in mail.missing_values(coach.message, letter):
                why = f"coach.yaml's message uses {{{column}}} and {client.name} has none; add it here or take {{{column}}} out of the message"
                problems.append(Problem(client.file, client.line, column, why))
    if problems:
        raise ContentError(problems)


# ---------------------------------------------------------------- SMTP


@dataclass(frozen=True)
class Server:
    """The mail server a run talks to: coach.yaml's, with the command line's overrides."""

    host: str
    port: int
    security: str
    user: str | None
    cafile: Path | None = None


def server_settings(smtp: Smtp | None, address: str | None, security: str | None) -> Server:
    """coach.yaml's smtp with --smtp HOST:PORT and --security over it. --security without a port in
    --smtp takes that security's usual port (25, 587, 465)."""
    if smtp is None and address is None:
        raise CardgenError("no mail server: add smtp: host: ... to coach.yaml, or give --smtp HOST:PORT (or use --dry-run)")
    host, port = (smtp.host, smtp.port) if smtp else ("", None)
    sec = security or (smtp.security if smtp else "starttls")
    if sec not in SECURITIES:
        raise CardgenError(f"security {sec!r}: use one of {', '.join(SECURITIES)}")
    if security and smtp and security != smtp.security:
        port = None
    if address:
        host, port = _host_port(address)
    return Server(host, port or DEFAULT_PORT[sec], sec, smtp.user if smtp else None, smtp.cafile if smtp else None)


def _host_port(text: str) -> tuple[str, int | None]:
    host, port = text, ""
    if text.startswith("["):  # [::1]:25
        host, _, rest = text[1:].partition("]")
        port = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not host or (port and not (port.isdigit() and 0 < int(port) < 65536)):
        raise CardgenError(f"--smtp {text}: expected HOST or HOST:PORT, for example smtp.example.com:587")
    return host, int(port) if port else None


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_context(cafile: Path | None = None) -> ssl.SSLContext:
    """The system's trusted CAs, plus coach.yaml's smtp.cafile and CARDGEN_SMTP_CAFILE when given. Verification stays on."""
    context = ssl.create_default_context()
    for where, path in (("coach.yaml: smtp.cafile", cafile), (CAFILE_ENV, os.environ.get(CAFILE_ENV) or None)):
        if path:
            try:
                context.load_verify_locations(cafile=path)
            except (OSError, ssl.SSLError) as exc:
                raise CardgenError(f"{where}: cannot read {path} as a CA certificate ({getattr(exc, 'strerror', None) or exc})") from None
    return context


class Session:
    """One SMTP connection for the run: connected and logged in on entry, reconnected once when a
    message finds it dropped."""

    def __init__(self, server: Server, password: Callable[[], str], context: ssl.SSLContext | None = None):
        self.server = server
        self.context = context or tls_context(server.cafile)
        self.smtp: smtplib.SMTP | None = None
        self.lost = False
        self.warnings: list[str] = []
        self._password: str | None = None
        if server.user:
            if server.security == "none" and not is_loopback(server.host):
                raise CardgenError(
                    f"--security none would send your password to {server.host} as plain text; "
                    "use starttls or ssl, or a relay on this machine (localhost)"
                )
            if server.security == "none":
                self.warnings.append(f"logging in to {server.host} without TLS: only safe because the server is on this machine")
            self._password = password()

    def __enter__(self) -> Session:
        self._connect()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass  # the messages are sent or reported; a rude goodbye changes nothing
            self.smtp = None

    def _connect(self) -> None:
        s = self.server
        where = f"{s.host}:{s.port}"
        try:
            if s.security == "ssl":
                self.smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT, context=self.context)
            else:
                self.smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
                if s.security == "starttls":
                    self.smtp.starttls(context=self.context)
            if s.user:
                self.smtp.login(s.user, self._password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise CardgenError(f"{where} refused the login of {s.user}: {_reply(exc)}; check the user in coach.yaml and {PASSWORD_ENV}") from None
        except smtplib.SMTPNotSupportedError as exc:
            hint = "try --security ssl" if "STARTTLS" in str(exc) else "leave user out of coach.yaml, or try --security starttls or ssl"
            raise CardgenError(f"{where}: {str(exc).rstrip('.').replace('extension not supported', 'is not offered')}; {hint}") from None
        except ssl.SSLCertVerificationError as exc:
            raise CardgenError(f"{where}: its certificate is not trusted ({exc.verify_message}); "
                               f"give its CA certificate as smtp: cafile: in coach.yaml or {CAFILE_ENV}") from None
        except smtplib.SMTPResponseException as exc:
            raise CardgenError(f"{where}: {_reply(exc)}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise CardgenError(f"cannot reach the mail server {where} ({getattr(exc, 'strerror', None) or exc})") from None

    def deliver(self, client: Client, msg: EmailMessage) -> Outcome:
        why = ""
        for _attempt in (1, 2):
            if self.lost:
                return Outcome(client, "failed", f"not sent: the connection to {self.server.host} was lost and could not be made again")
            try:
                if self.smtp is None:
                    self._connect()
                assert self.smtp is not None
                self.smtp.send_message(msg)
                return Outcome(client, "sent")
            except smtplib.SMTPRecipientsRefused as exc:
                replies = list(exc.recipients.values())
                if not all(code == 421 for code, _ in replies):
                    return Outcome(client, "failed", "refused by the server: " + "; ".join(_reply(r) for r in replies))
                why = _reply(replies[0])  # 421: the server is closing the connection; smtplib has closed it
            except smtplib.SMTPNotSupportedError as exc:  # e.g. an address in non-ASCII letters, and no SMTPUTF8
                return Outcome(client, "failed", f"not sent: {exc}")
            except smtplib.SMTPResponseException as exc:  # sender refused, message refused (too big, spam)
                if exc.smtp_code != 421:
                    return Outcome(client, "failed", f"refused by the server: {_reply(exc)}")
                why = _reply(exc)
            except CardgenError as exc:  # the connection could not be made again
                self.lost = True
                return Outcome(client, "failed", f"not sent: {exc.message}")
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                why = getattr(exc, "strerror", None) or str(exc) or "the server closed it"
            self._drop()  # dropped (or 421, closing): connect again, once for this client
        return Outcome(client, "failed", f"not sent: the connection dropped twice ({why})")

    def _drop(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.close()
            except OSError:
                pass
        self.smtp = None


def _reply(exc: smtplib.SMTPResponseException | tuple) -> str:
    code, text = (exc.smtp_code, exc.smtp_error) if isinstance(exc, smtplib.SMTPResponseException) else exc
    return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}".strip()


# ---------------------------------------------------------------- the sent log


class SentLog:
    """`<out>/sent-log.csv`: one row per accepted message, appended and flushed at once. A client is
    sent once per email address; new PDFs are not sent again by themselves (a rebuild after an
    upgrade must not mail everyone twice): the run says so and --resend sends them."""

    def __init__(self, path: Path):
        self.path = path
        self.rows: list[dict[str, str]] = []
        if path.exists():
            try:
                with path.open(newline="", encoding="utf-8") as fh:
                    self.rows = list(csv.DictReader(fh))
            except (OSError, UnicodeDecodeError, csv.Error) as exc:
                raise CardgenError(f"{path}: cannot read the sent log ({exc}); move it away to start a new one") from None

    def find(self, slug: str, email: str) -> dict[str, str] | None:
        hits = [r for r in self.rows if r.get("slug") == slug and (r.get("email") or "").casefold() == email.casefold()]
        return hits[-1] if hits else None

    def append(self, client: Client, msg: EmailMessage, digest: str) -> None:
        row = {
            "time": dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds"),
            "client": client.name,
            "slug": client.slug,
            "email": client.email or "",
            "files": " ".join(p.get_filename() or "" for p in msg.iter_attachments()),
            "sha256": digest,
            "message_id": str(msg["Message-ID"]),
        }
        new = not self.path.exists() or self.path.stat().st_size == 0
        with self.path.open("a", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, LOG_COLUMNS)
            if new:
                writer.writeheader()
            writer.writerow(row)
            fh.flush()
            os.fsync(fh.fileno())
        self.rows.append(row)


def _digest(files: Mapping[str, Path]) -> str:
    h = hashlib.sha256()
    for path in files.values():
        h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()

