"""A coach's roster (CSV or YAML) → validated clients, every problem of the file reported at once.

Only the roster's own shape is checked here: columns, dates, paper and card sizes, emails, equipment,
names that would share a folder. Whether a plan exists or a race date fits it is the build's to say,
per client, so one client's mistake does not stop the others (see batch.py).
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import enum
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cardgen.content.load import display_path
from cardgen.content.messages import describe, suggest
from cardgen.content.model import ID_PATTERN
from cardgen.content.yamlsource import read_yaml
from cardgen.errors import CardgenError, ContentError, Problem
from cardgen.glyphs import glyph_message, unprintable
from cardgen.options import CardSize, Duplex, Paper, PosterPaper, ThemeName, parse_have

if TYPE_CHECKING:
    from cardgen.coach import Coach
    from cardgen.pipeline import BuildOptions

COLUMNS = ("name", "email", "plan", "start", "race", "paper", "have", "card", "notes")
REQUIRED = ("name", "plan")
# The products' file names, as pipeline.render names them, in the order a client reads them.
PRODUCT_FILES = ("booklet.pdf", "booklet-print.pdf", "cards.pdf", "poster.pdf")


class Unset(enum.Enum):
    """A roster cell left empty: the coach's default applies (unlike None, which means 'all equipment')."""

    UNSET = "unset"


UNSET = Unset.UNSET


@dataclass(frozen=True)
class Client:
    """One roster row, checked. Empty optional cells are None (UNSET for `have`)."""

    name: str
    email: str | None
    plan: str
    start: dt.date | None
    race: dt.date | None
    paper: str | None
    have: frozenset[str] | None | Literal[Unset.UNSET]
    card: str | None
    notes: str | None
    line: int  # the roster line, for messages
    file: str = "roster.csv"  # the roster as messages show it

    @property
    def slug(self) -> str:
        """The client's folder and file-name prefix: "Zoë Müller" → "zoe-muller"."""
        return slugify(self.name)

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def where(self) -> str:
        """"roster.csv:7", for messages about this client."""
        return f"{self.file}:{self.line}"


def client_options(client: Client, coach: Coach | None, out_root: Path) -> BuildOptions:
    """What to build for a client: their row, and the coach's defaults where the row leaves a cell empty."""
    from cardgen.coach import ClientDefaults
    from cardgen.pipeline import BuildOptions

    d = coach.defaults if coach is not None else ClientDefaults()
    return BuildOptions(
        plan=client.plan,
        out=out_root / client.slug,
        paper=Paper(client.paper or d.paper),
        card=CardSize(client.card or d.card),
        theme=ThemeName(d.theme),
        duplex=Duplex(d.duplex),
        poster_paper=PosterPaper(d.poster_paper) if d.poster_paper else None,
        athlete=client.name,
        start=client.start,
        race=client.race,
        have=d.have if client.have is UNSET else client.have,
        coach=coach,
    )


def client_files(client: Client, plan_id: str) -> list[str]:
    """The names of a client's files in `<out>/<slug>/`, apart from every other client's and plan's."""
    return [client_file(client, plan_id, name) for name in PRODUCT_FILES]


def client_file(client: Client, plan_id: str, product_file: str) -> str:
    """"booklet.pdf" → "zoe-muller-8-week-half-booklet.pdf"."""
    return f"{client.slug}-{plan_id}-{product_file}"


# ---------------------------------------------------------------- slugs

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "'": "", "’": ""})  # O'Lee → olee


def slugify(name: str) -> str:
    """Lower-case words joined by hyphens, accents dropped: "Zoë Müller" → "zoe-muller", "Ørjan Ås" → "orjan-as".

    Done with unicodedata rather than a slug library: Latin names need only their accents dropped, and
    a Greek or Cyrillic name keeps its letters ("Σοφία Παππά" → "σοφια-παππα"), which every file system
    and mail client takes, where a transliteration table would guess at a spelling the client never chose.
    """
    text = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "-".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text)))


# ---------------------------------------------------------------- reading


NAMES = ("roster.csv", "roster.yaml", "roster.yml")


def find_roster(folder: Path) -> Path:
    """The workspace's roster: roster.csv, else roster.yaml."""
    for name in NAMES:
        if (folder / name).is_file():
            return folder / name
    where = "here" if Path(folder).resolve() == Path.cwd().resolve() else f"in {display_path(folder)}"
    raise CardgenError(f"no roster.csv or roster.yaml {where}; name one (cardgen batch ROSTER), or start a workspace with cardgen init")


def read_roster(path: Path) -> list[Client]:
    """The clients of a roster.csv or roster.yaml; raises ContentError listing every problem."""
    path = Path(path)
    shown = display_path(path)
    if path.suffix.lower() == ".csv":
        rows, problems = _csv_rows(path, shown)
    elif path.suffix.lower() in (".yaml", ".yml"):
        rows, problems = _yaml_rows(path, shown)
    else:
        raise CardgenError(f"{shown}: a roster is a .csv or .yaml file")
    return _clients(rows, shown, problems)


def clients_from(rows: Iterable[Mapping[str, object]], source: str = "row") -> list[Client]:
    """Clients from mappings with the roster's columns (a database's rows, a web form's JSON), checked
    as a roster file is; messages name the N-th mapping as `source:N`."""
    problems: list[Problem] = []
    prepared: Rows = []
    for i, row in enumerate(rows, start=1):
        checked: Row = {}
        for key, value in row.items():
            column = str(key).strip().lower()
            if column not in COLUMNS:
                problems.append(Problem(source, i, str(key), f"unknown field{suggest(column, COLUMNS)}; the fields are {', '.join(COLUMNS)}"))
            else:
                checked[column] = value
        problems += [Problem(source, i, column, "required field is missing") for column in REQUIRED if column not in checked]
        prepared.append((i, checked, {}))
    return _clients(prepared, source, problems)


def _clients(rows: Rows, shown: str, problems: list[Problem]) -> list[Client]:
    clients = []
    for line, row, lines in rows:
        client = _client(row, line, lines, shown, problems)
        if client is not None:
            clients.append(client)
    problems += _slug_clashes(clients)
    if not rows and not problems:
        problems.append(Problem(shown, 0, "", "no clients: add one row per client"))
    if problems:
        raise ContentError(problems)
    return clients


Row = dict[str, object]
# A row's line, its cells by column, and the line of each cell where that differs (YAML).
Rows = list[tuple[int, Row, dict[str, int]]]


def _csv_rows(path: Path, shown: str) -> tuple[Rows, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(shown, 0, "", f"cannot read the file ({exc.strerror or exc})")]
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, "", "the file is not UTF-8 text; in Excel, save it as 'CSV UTF-8 (Comma delimited)'")]
    # newline="": the csv module reads line ends itself, so a quoted cell may hold one.
    lines = list(io.StringIO(text, newline=""))
    header_at = next((i for i, t in enumerate(lines) if t.strip()), None)
    if header_at is None:
        return [], [Problem(shown, 0, "", "empty roster: the first line names the columns, e.g. name,email,plan,start")]
    # Excel writes semicolons where the decimal mark is a comma (most of Europe): read them as they come.
    delimiter = ";" if lines[header_at].count(";") > lines[header_at].count(",") else ","
    reader = csv.reader(lines[header_at:], delimiter=delimiter)
    header_line = header_at + 1
    header = [cell.strip().lower() for cell in next(reader)]
    problems = _check_columns(header, shown, header_line)
    rows: Rows = []
    end = header_line
    for cells in reader:
        line, end = end + 1, header_at + reader.line_num  # a row starts after the last one ended
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue  # blank rows, and rows a coach has commented out
        if any(c.strip() for c in cells[len(header):]):
            problems.append(Problem(shown, line, "", f"{len(cells)} cells but {len(header)} columns; "
                                    f"a cell with {delimiter!r} in it needs quotes, like \"Lee{delimiter} Ann\""))
            continue  # its cells sit under the wrong columns: anything more said about them would mislead
        row: Row = {}
        for i, (column, cell) in enumerate(zip(header, cells, strict=False)):
            if column in COLUMNS:
                row.setdefault(column, cell)  # an empty cell stays: "required, but empty" needs to know the column is there
            elif not column and cell.strip():
                problems.append(Problem(shown, line, "", f"column {i + 1} has a value but no name in the first line"))
        rows.append((line, row, {}))
    return rows, problems


def _check_columns(header: list[str], shown: str, line: int) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for column in header:
        if not column:
            continue  # an unnamed column is fine while it stays empty (Excel adds trailing ones)
        if column not in COLUMNS:
            problems.append(Problem(shown, line, column, f"unknown column{suggest(column, COLUMNS)}; the columns are {', '.join(COLUMNS)}"))
        elif column in seen:
            problems.append(Problem(shown, line, column, "this column is given twice"))
        seen.add(column)
    for column in REQUIRED:
        if column not in seen:
            problems.append(Problem(shown, line, column, "required column is missing"))
    return problems


def _yaml_rows(path: Path, shown: str) -> tuple[Rows, list[Problem]]:
    source, problems = read_yaml(path, shown)
    if source is None or source.data is None:
        return [], problems
    if not isinstance(source.data, list):
        found = describe(source.data)
        return [], [*problems, Problem(shown, source.line_of(()), "", f"expected a list of clients (each starting with '- name:'), found {found}")]
    rows: Rows = []
    for i, item in enumerate(source.data):
        line = source.line_of((i,))
        if not isinstance(item, dict):
            problems.append(Problem(shown, line, "", f"expected a client's fields (name: ..., plan: ...), found {describe(item)}"))
            continue
        row: Row = {}
        lines: dict[str, int] = {}
        for key, value in item.items():
            key_line = source.line_of((i, key))
            column = str(key).strip().lower()
            if column not in COLUMNS:
                problems.append(Problem(shown, key_line, str(key), f"unknown field{suggest(column, COLUMNS)}; the fields are {', '.join(COLUMNS)}"))
            else:
                row[column], lines[column] = value, key_line
        for column in REQUIRED:
            if column not in item:
                problems.append(Problem(shown, line, column, "required field is missing"))
        rows.append((line, row, lines))
    return rows, problems


# ---------------------------------------------------------------- one row


def _client(row: Mapping[str, object], line: int, lines: Mapping[str, int], shown: str, problems: list[Problem]) -> Client | None:
    found: list[Problem] = []

    def problem(column: str, message: str) -> None:
        found.append(Problem(shown, lines.get(column, line), column, message))

    def text(column: str) -> str | None:
        value = row.get(column)
        if value is None:
            return None
        if isinstance(value, (dict, list)) or isinstance(value, bool):
            problem(column, f"expected text, found {describe(value)}")
            return None
        return str(value).strip() or None

    name, plan = text("name"), text("plan")
    for column, value in (("name", name), ("plan", plan)):
        if value is None and column in row and not any(p.field == column for p in found):  # a missing column is reported once, for the file
            problem(column, "required, but empty")
    if plan is not None and not re.fullmatch(ID_PATTERN, plan):
        # Checked here, not only at build time: a plan id becomes part of the client's file names.
        problem("plan", f"expected a plan id like 8-week-half (see 'cardgen list'), found {plan!r}")
    if name is not None and (missing := unprintable(name)):
        problem("name", glyph_message(missing))  # it prints on every product
    elif name is not None and not slugify(name):
        problem("name", f"needs at least one letter or digit, found {name!r}")
    email = text("email")
    if email is not None and not _EMAIL.fullmatch(email):
        problem("email", f"expected an address like ann@example.com, found {email!r}")
    start, race = _date(row.get("start"), "start", problem), _date(row.get("race"), "race", problem)
    paper = _choice(text("paper"), "paper", Paper.values(), problem)
    card = _choice(text("card"), "card", CardSize.values(), problem)
    have = _have(row.get("have"), problem)
    notes = text("notes")
    problems += found
    if found or name is None or plan is None:
        return None
    return Client(name, email, plan, start, race, paper, have, card, notes, line, shown)


# Deliberately loose: one @, no spaces, a dot in the domain. The mail server is the real judge.
_EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(value: object, column: str, problem) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # YAML reads an unquoted 2027-03-14 as a date already
    raw = str(value).strip()
    if not raw:
        return None
    match = _ISO_DATE.fullmatch(raw)
    if not match:
        problem(column, f"expected YYYY-MM-DD, found {raw!r}")
        return None
    year, month, day = (int(g) for g in match.groups())
    why = ""
    if year < 1:
        why = "there is no year 0"
    elif not 1 <= month <= 12:
        why = f"there is no month {month}"
    elif not 1 <= day <= (days := calendar.monthrange(year, month)[1]):
        why = f"{calendar.month_name[month]} {year} has {days} days"
    if why:
        problem(column, f"expected YYYY-MM-DD, found {raw!r} ({why})")
        return None
    return dt.date(year, month, day)


def _choice(value: str | None, column: str, choices: Iterable[str], problem) -> str | None:
    if value is None:
        return None
    choices = list(choices)
    if value.lower() in choices:
        return value.lower()
    problem(column, f"unknown {column} {value!r}{suggest(value.lower(), choices)}; use one of {', '.join(choices)}")
    return None


def _have(value: object, problem) -> frozenset[str] | None | Literal[Unset.UNSET]:
    if value is None:
        return UNSET
    if isinstance(value, list):  # YAML: have: [band, kettlebell]
        value = ",".join(str(v) for v in value) or "none"
    raw = str(value).strip()
    if not raw:
        return UNSET
    try:
        return parse_have(raw)
    except CardgenError as exc:
        problem("have", exc.message)
        return UNSET


def _slug_clashes(clients: list[Client]) -> list[Problem]:
    """Two names that make one folder would overwrite each other's PDFs."""
    first: dict[str, Client] = {}
    problems = []
    for client in clients:
        other = first.setdefault(client.slug, client)
        if other is not client:
            same = "the same name" if other.name == client.name else f"the same folder ({client.slug}) as {other.name!r}"
            problems.append(Problem(client.file, client.line, "name", f"{client.name!r} has {same} on line {other.line}; "
                                    "make the names differ, e.g. with an initial"))
    return problems
