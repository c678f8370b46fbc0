"""`cardgen send` against a real SMTP server on loopback (aiosmtpd), started here: plain, STARTTLS
with AUTH, and SSL; what the server received is what is checked."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import socket
import ssl
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner
from pypdf import PdfReader

from cardgen import send as send_module
from cardgen.batch import build_clients
from cardgen.cli import main
from cardgen.pipeline import load_coach
from cardgen.plan.race import monday_of
from cardgen.roster import read_roster
from cardgen.wording import long_date
from cardgen.workspace import init_workspace

PASSWORD = "s3cret-Pa55word"
PLAN = "my-first-plan"  # three weeks: the quickest plan to build

# Dates ahead of today, whenever the tests run: a race in the past is an error of the build.
START = monday_of(dt.date.today()) + dt.timedelta(weeks=4)
RACE = monday_of(dt.date.today()) + dt.timedelta(weeks=10, days=6)  # a Sunday
ROSTER = f"""\
name,email,plan,start,race
Zoë Müller,zoe@example.com,my-first-plan,{START},
Sam O'Neil,sam@example.org,my-first-plan,,{RACE}
Ann Lee,,my-first-plan,,
"""


def coach_yaml(smtp: str = "", message: str = "") -> str:
    return (
        "name: Jo Coach\nbusiness: Run Strong\nemail: jo@runstrong.example\nphone: +44 20 7946 0000\nweb: runstrong.example\n"
        + smtp
        + (message or "message:\n  attach: [booklet, cards]\n")
    )


# ---------------------------------------------------------------- a real server on loopback


class Recorder:
    """aiosmtpd handler: keeps every message it accepts; refuses the addresses in `refuse` with 550."""

    def __init__(self, refuse: tuple[str, ...] = ()):
        self.refuse = refuse
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.logins: list[tuple[bytes, bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), msg))
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            self.logins.append((auth_data.login, auth_data.password))
            ok = auth_data.login == b"jo" and auth_data.password == PASSWORD.encode()
            return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself
        return AuthResult(success=False, handled=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    started = []

    def start(handler: Recorder, **kwargs) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


def tls_server_context(ca) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


# ---------------------------------------------------------------- a workspace with a roster


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A workspace whose clients are built once; each test copies it, and send finds nothing to rebuild
    (the smtp and message of coach.yaml change no PDF)."""
    ws = tmp_path_factory.mktemp("built") / "ws"
    init_workspace(ws)
    (ws / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (ws / "coach.yaml").write_text(coach_yaml(), encoding="utf-8")
    report = build_clients(read_roster(ws / "roster.csv"), load_coach(ws), ws, ws / "output", workers=1)
    assert [r.status for r in report] == ["built"] * 3
    return ws


@pytest.fixture
def ws(built, tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "ws"
    shutil.copytree(built, folder)
    monkeypatch.chdir(folder)
    monkeypatch.delenv(send_module.PASSWORD_ENV, raising=False)
    monkeypatch.delenv(send_module.CAFILE_ENV, raising=False)
    return folder


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["send", *args], input=input, catch_exceptions=False)


def log_rows(ws: Path) -> list[dict[str, str]]:
    with (ws / "output" / "sent-log.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def pdf_attachments(msg: EmailMessage) -> dict[str, int]:
    """File name → page count of every attachment, each opened by pypdf."""
    out = {}
    for part in msg.iter_attachments():
        assert part.get_content_type() == "application/pdf"
        data = part.get_content()
        assert data.startswith(b"%PDF-")
        out[part.get_filename()] = len(PdfReader(io.BytesIO(data)).pages)
    return out


# ---------------------------------------------------------------- the cases


def test_plain_on_loopback_sends_each_client_with_an_email_once(ws, server):
    handler = Recorder()
    port = server(handler)
    result = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert result.exit_code == 0, result.output
    assert [rcpt for rcpt, _ in handler.received] == [["zoe@example.com"], ["sam@example.org"]]
    zoe = handler.received[0][1]
    assert zoe["Subject"] == "Your training plan: My First Plan"
    assert zoe["To"] == "Zoë Müller <zoe@example.com>"
    assert zoe["From"] == "Jo Coach <jo@runstrong.example>" and zoe["Reply-To"] == "Jo Coach <jo@runstrong.example>"
    pages = pdf_attachments(zoe)
    assert list(pages) == ["zoe-muller-my-first-plan-booklet.pdf", "zoe-muller-my-first-plan-cards.pdf"]
    assert all(n >= 1 for n in pages.values())
    text = zoe.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith("Hi Zoë,\n") and f"Week\u00a01 starts on {long_date(START)}." in text
    assert "zoe-muller-my-first-plan-cards.pdf: pocket cards" in text and "Run Strong" in text
    html = zoe.get_body(("html",)).get_content()
    assert "<p>Hi Zoë,</p>" in html and 'href="https://runstrong.example"' in html
    sam_html = handler.received[1][1].get_body(("html",)).get_content()
    assert f"race day is {long_date(RACE)}" in sam_html and "O&#x27;Neil" not in sam_html  # first name only
    assert "skipped  Ann Lee: no email in the roster" in result.output
    assert result.output.strip().endswith("2 sent, 1 skipped.\n  no email: Ann Lee")
    rows = log_rows(ws)
    assert [(r["client"], r["email"]) for r in rows] == [("Zoë Müller", "zoe@example.com"), ("Sam O'Neil", "sam@example.org")]
    assert rows[0]["message_id"] == zoe["Message-ID"]
    assert rows[0]["files"] == "zoe-muller-my-first-plan-booklet.pdf zoe-muller-my-first-plan-cards.pdf"

    again = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert again.exit_code == 0, again.output
    assert len(handler.received) == 2  # nothing sent twice
    assert "skipped  Zoë Müller <zoe@example.com>: sent on " in again.output
    assert len(log_rows(ws)) == 2

    resent = run("--smtp", f"127.0.0.1:{port}", "--security", "none", "--resend", "zoe-muller")
    assert resent.exit_code == 0, resent.output
    assert [rcpt for rcpt, _ in handler.received[2:]] == [["zoe@example.com"]]
    assert len(log_rows(ws)) == 3


def test_starttls_with_auth_from_the_environment_leaves_the_password_nowhere(ws, server, ca, monkeypatch, tmp_path):
    handler = Recorder()
    port = server(handler, tls_context=tls_server_context(ca), require_starttls=True, authenticator=handler.authenticate, auth_require_tls=True)
    (ws / "coach.yaml").write_text(coach_yaml(f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  security: starttls\n  user: jo\n"), encoding="utf-8")
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv(send_module.CAFILE_ENV, str(tmp_path / "ca.pem"))
    monkeypatch.setenv(send_module.PASSWORD_ENV, PASSWORD)
    result = CliRunner().invoke(main, ["send"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert handler.logins == [(b"jo", PASSWORD.encode())]
    assert [rcpt for rcpt, _ in handler.received] == [["zoe@example.com"], ["sam@example.org"]]
    dry = run("--dry-run", "--resend", "Zoë Müller")
    assert dry.exit_code == 0, dry.output
    _no_password_anywhere(ws, result.output + dry.output)


def test_starttls_asks_for_the_password_without_echoing_it(ws, server, ca, tmp_path, monkeypatch):
    handler = Recorder()
    port = server(handler, tls_context=tls_server_context(ca), require_starttls=True, authenticator=handler.authenticate)
    (ws / "coach.yaml").write_text(coach_yaml(f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  user: jo\n"), encoding="utf-8")
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv(send_module.CAFILE_ENV, str(tmp_path / "ca.pem"))
    result = run(input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "SMTP password" in result.output
    assert len(handler.received) == 2
    _no_password_anywhere(ws, result.output)


def test_a_wrong_password_is_a_clear_error_and_sends_nothing(ws, server, ca, tmp_path, monkeypatch):
    handler = Recorder()
    port = server(handler, tls_context=tls_server_context(ca), require_starttls=True, authenticator=handler.authenticate)
    (ws / "coach.yaml").write_text(coach_yaml(f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  user: jo\n"), encoding="utf-8")
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv(send_module.CAFILE_ENV, str(tmp_path / "ca.pem"))
    monkeypatch.setenv(send_module.PASSWORD_ENV, "not-" + PASSWORD)
    result = run()
    assert result.exit_code == 1
    assert f"127.0.0.1:{port} refused the login of jo: 535" in result.output
    assert "Traceback" not in result.output and PASSWORD not in result.output
    assert handler.received == []


def test_an_untrusted_certificate_is_refused(ws, server, ca, monkeypatch):
    handler = Recorder()
    port = server(handler, tls_context=tls_server_context(ca), require_starttls=True)
    result = run("--smtp", f"127.0.0.1:{port}", "--security", "starttls")
    assert result.exit_code == 1
    assert "its certificate is not trusted" in result.output and send_module.CAFILE_ENV in result.output
    assert handler.received == []


def test_ssl_with_auth_trusting_the_ca_file_coach_yaml_names(ws, server, ca, monkeypatch):
    handler = Recorder()
    # aiosmtpd offers AUTH over implicit TLS only when told that TLS is not required "first"
    port = server(handler, ssl_context=tls_server_context(ca), authenticator=handler.authenticate, auth_require_tls=False)
    ca.cert_pem.write_to_path(str(ws / "relay-ca.pem"))
    smtp = f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  security: ssl\n  user: jo\n  cafile: relay-ca.pem\n"
    (ws / "coach.yaml").write_text(coach_yaml(smtp), encoding="utf-8")
    monkeypatch.setenv(send_module.PASSWORD_ENV, PASSWORD)
    result = run()
    assert result.exit_code == 0, result.output
    assert handler.logins == [(b"jo", PASSWORD.encode())]
    assert len(handler.received) == 2


def test_a_login_without_tls_is_warned_about_on_this_machine(ws, server, monkeypatch):
    handler = Recorder()
    port = server(handler, authenticator=handler.authenticate, auth_require_tls=False)
    (ws / "coach.yaml").write_text(coach_yaml(f"smtp:\n  host: 127.0.0.1\n  port: {port}\n  security: none\n  user: jo\n"), encoding="utf-8")
    monkeypatch.setenv(send_module.PASSWORD_ENV, PASSWORD)
    result = run()
    assert result.exit_code == 0, result.output
    assert "warning: logging in to 127.0.0.1 without TLS: only safe because the server is on this machine" in result.output
    assert handler.logins == [(b"jo", PASSWORD.encode())] and len(handler.received) == 2


def test_no_server_listening_is_a_clear_error(ws):
    result = run("--smtp", f"127.0.0.1:{free_port()}", "--security", "none")
    assert result.exit_code == 1
    assert "Error: cannot reach the mail server 127.0.0.1:" in result.output and "Connection refused" in result.output
    assert "Traceback" not in result.output


def test_a_refused_recipient_fails_that_client_only(ws, server):
    handler = Recorder(refuse=("zoe@example.com",))
    port = server(handler)
    result = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert result.exit_code == 1
    assert [rcpt for rcpt, _ in handler.received] == [["sam@example.org"]]
    assert "failed   Zoë Müller <zoe@example.com>: refused by the server: 550 5.1.1 no such mailbox here" in result.output
    assert "1 sent, 1 skipped, 1 failed." in result.output
    assert [r["client"] for r in log_rows(ws)] == ["Sam O'Neil"]

    handler.refuse = ()
    again = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert again.exit_code == 0, again.output
    assert [rcpt for rcpt, _ in handler.received[1:]] == [["zoe@example.com"]]  # only the one not sent before


class Dropper(Recorder):
    """Drops the line (or answers 421, closing) at the next `drops` messages after the first."""

    def __init__(self, how: str, drops: int):
        super().__init__()
        self.how, self.drops, self.dropped = how, drops, 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.received and self.dropped < self.drops:
            self.dropped += 1
            if self.how == "drop":
                server.transport.close()
            return "421 4.3.2 closing, try again"
        envelope.mail_from = address
        return "250 OK"


@pytest.mark.parametrize("how", ["drop", "421"])
def test_a_dropped_connection_is_made_again_once(ws, server, how):
    handler = Dropper(how, drops=1)
    port = server(handler)
    result = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert result.exit_code == 0, result.output
    assert handler.dropped == 1
    assert [rcpt for rcpt, _ in handler.received] == [["zoe@example.com"], ["sam@example.org"]]


def test_a_connection_that_drops_twice_fails_that_client_only(ws, server):
    handler = Dropper("drop", drops=2)
    port = server(handler)
    result = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert result.exit_code == 1
    assert [rcpt for rcpt, _ in handler.received] == [["zoe@example.com"]]
    assert "failed   Sam O'Neil <sam@example.org>: not sent: the connection dropped twice (Connection unexpectedly closed)" in result.output
    assert [r["client"] for r in log_rows(ws)] == ["Zoë Müller"]


def test_dry_run_writes_eml_files_a_mail_program_opens(ws, monkeypatch):
    monkeypatch.setattr(send_module.mail, "LIMIT", 50_000)  # the real limit is 10 MB; these messages are smaller
    result = run("--dry-run")
    assert result.exit_code == 0, result.output
    eml = ws / "output" / "zoe-muller" / "zoe-muller.eml"
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg["To"] == "Zoë Müller <zoe@example.com>" and msg["Subject"] == "Your training plan: My First Plan"
    assert list(pdf_attachments(msg)) == ["zoe-muller-my-first-plan-booklet.pdf", "zoe-muller-my-first-plan-cards.pdf"]
    assert msg.get_body(("html",)) is not None
    assert (ws / "output" / "sam-oneil" / "sam-oneil.eml").is_file()
    assert not (ws / "output" / "ann-lee" / "ann-lee.eml").exists()
    assert not (ws / "output" / "sent-log.csv").exists()  # nothing was sent
    assert "warning: Zoë Müller: the message is " in result.output and "10 MB" in result.output
    assert "2 written (dry run), 1 skipped." in result.output


def test_an_unknown_field_in_the_template_names_its_line_and_the_known_fields(ws):
    message = "message:\n  subject: Plan for {first_name}\n  body: |\n    Hi {firstname},\n    see you.\n"
    (ws / "coach.yaml").write_text(coach_yaml(message=message), encoding="utf-8")
    result = run("--dry-run")
    assert result.exit_code == 1
    assert "coach.yaml:8: message.body: unknown field {firstname} (did you mean 'first_name'?); use {first_name}, {name}," in result.output
    assert "Traceback" not in result.output
    assert not list((ws / "output").glob("*/*.eml")) if (ws / "output").exists() else True


def test_a_field_a_client_has_no_value_for_is_found_before_sending(ws):
    (ws / "coach.yaml").write_text(coach_yaml(message="message:\n  subject: Ready for {race}?\n"), encoding="utf-8")
    result = run("--dry-run")
    assert result.exit_code == 1
    assert "roster.csv:2: race: coach.yaml's message uses {race} and Zoë Müller has none" in result.output


def test_login_over_plain_text_is_refused_off_this_machine(ws):
    (ws / "coach.yaml").write_text(coach_yaml("smtp:\n  host: 192.0.2.1\n  security: none\n  user: jo\n"), encoding="utf-8")
    result = run(input=PASSWORD + "\n")
    assert result.exit_code == 1
    assert "--security none would send your password to 192.0.2.1 as plain text" in result.output
    assert "SMTP password" not in result.output  # refused before asking


def test_resend_of_someone_not_in_the_roster_is_an_error(ws):
    result = run("--dry-run", "--resend", "Zoe Muller")
    assert result.exit_code == 1
    assert "--resend Zoe Muller: no such client in the roster (did you mean 'Zoë Müller'?)" in result.output


def _no_password_anywhere(ws: Path, output: str) -> None:
    assert PASSWORD not in output
    for path in (ws / "output").rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_changed_pdfs_are_not_sent_again_by_themselves(ws, server):
    handler = Recorder()
    port = server(handler)
    assert run("--smtp", f"127.0.0.1:{port}", "--security", "none").exit_code == 0
    roster = ws / "roster.csv"
    roster.write_text(roster.read_text(encoding="utf-8").replace(str(START), str(START + dt.timedelta(weeks=1))), encoding="utf-8")
    again = run("--smtp", f"127.0.0.1:{port}", "--security", "none")
    assert again.exit_code == 0, again.output
    assert len(handler.received) == 2
    assert "skipped  Zoë Müller <zoe@example.com>: sent on " in again.output
    assert "; its PDFs changed since: --resend zoe-muller sends them" in again.output
    assert "Sam O'Neil <sam@example.org>: sent on " in again.output and again.output.count("changed since") == 1


def test_what_is_missing_is_built_first_and_a_client_that_cannot_be_built_is_reported(tmp_path, monkeypatch):
    ws = tmp_path / "fresh"
    init_workspace(ws)
    (ws / "coach.yaml").write_text(coach_yaml(), encoding="utf-8")
    (ws / "roster.csv").write_text(ROSTER + "Kim Park,kim@example.com,no-such-plan,,\n", encoding="utf-8")
    monkeypatch.chdir(ws)
    result = run("--dry-run", "--workers", "1")
    assert result.exit_code == 1
    assert "built    Zoë Müller" in result.output and "built    Kim Park" not in result.output
    assert (ws / "output" / "zoe-muller" / "zoe-muller-my-first-plan-cards.pdf").is_file()
    assert (ws / "output" / "zoe-muller" / "zoe-muller.eml").is_file()
    assert "failed   Kim Park <kim@example.com>: not built: unknown plan 'no-such-plan'" in result.output
    assert "2 written (dry run), 1 skipped, 1 failed." in result.output


def test_a_ca_file_that_is_not_there_is_named_with_its_line(ws):
    (ws / "coach.yaml").write_text(coach_yaml("smtp:\n  host: mail.example\n  cafile: certs/relay.pem\n"), encoding="utf-8")
    result = run()
    assert result.exit_code == 1
    assert "coach.yaml:8: smtp.cafile: no file certs/relay.pem (a path is read from the folder of coach.yaml)" in result.output
