"""`cardgen batch`: every client of a roster, built in parallel, each into `<out>/<slug>/` all or nothing.

The build of one client is a pure function (`render_client`: library, coach and client in, named PDF
bytes out); this module only decides which clients need it, runs it on a process pool, writes each
client's folder whole, and reports. Any other executor (Celery, Dask, a queue of your own) can call
`render_client` the same way.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import signal
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cardgen import __version__
from cardgen.errors import CardgenError, OutputError
from cardgen.options import PRODUCTS, Product
from cardgen.roster import UNSET, Client, client_file, client_options
from cardgen.write import remove_staged_folders, replace_folder

if TYPE_CHECKING:
    from cardgen.coach import Coach
    from cardgen.content.library import Library

MANIFEST = ".cardgen-build.json"  # in each client's folder: what it was built from, and its files

Status = Literal["built", "skipped", "failed"]


@dataclass(frozen=True)
class ClientReport:
    """What became of one client."""

    client: Client
    status: Status
    why: str = ""  # failed: what went wrong; skipped: "unchanged"
    files: dict[str, Path] = field(default_factory=dict)  # product ("booklet", "booklet-print", "cards", "poster") → file
    warnings: tuple[str, ...] = ()
    pid: int | None = None  # the process that built it


@dataclass
class BatchReport:
    """What a batch did: each client's report, and how it was built."""

    clients: list[ClientReport]
    workers: int  # the processes that built (1: in this process)
    seconds: float

    def __iter__(self) -> Iterator[ClientReport]:
        return iter(self.clients)

    def with_status(self, status: Status) -> list[ClientReport]:
        return [r for r in self.clients if r.status == status]

    @property
    def failed(self) -> list[ClientReport]:
        return self.with_status("failed")

    def summary(self) -> str:
        """"9 built, 1 skipped (unchanged), 1 failed in 12.4 s on 2 workers:" then one line per failed client."""
        counts = [f"{len(self.with_status('built'))} built"]
        if skipped := self.with_status("skipped"):
            counts.append(f"{len(skipped)} skipped (unchanged)")
        if self.failed:
            counts.append(f"{len(self.failed)} failed")
        head = f"{', '.join(counts)} in {self.seconds:.1f} s"
        if self.with_status("built"):
            head += f" on {self.workers} worker{'s' if self.workers != 1 else ''}"
        lines = [head + (":" if self.failed else ".")]
        # A content error lists several problems, one a line: they stay under the client they belong to.
        lines += [f"  {r.client.name} ({r.client.where}): " + r.why.replace("\n", "\n    ") for r in self.failed]
        return "\n".join(lines)


# ---------------------------------------------------------------- the pure build of one client


def render_client(library: Library, client: Client, coach: Coach | None, only: Sequence[Product] = PRODUCTS) -> tuple[dict[str, bytes], list[str]]:
    """One client's PDFs by their file names ("zoe-muller-8-week-half-booklet.pdf"), and the warnings
    of the build. Nothing is read or written: this is the function any executor runs per client."""
    from cardgen.pipeline import plan_for, render

    options = dataclasses.replace(client_options(client, coach, Path()), only=tuple(only))
    pdfs = render(plan_for(library, options), options)
    return {client_file(client, client.plan, name): data for name, data in pdfs.items()}, list(pdfs.warnings)


# ---------------------------------------------------------------- what a build depends on


def input_digest(client: Client, coach_digest: str, content_digest: str, only: Sequence[Product]) -> str:
    """The hash a client's folder is skipped by: its row, the coach, the content its plan reads, the products, cardgen's code."""
    have = "unset" if client.have is UNSET else None if client.have is None else sorted(client.have)
    # email, notes and the line are left out: they change no PDF (moving a row or fixing an address rebuilds nothing).
    row = [client.name, client.plan, str(client.start), str(client.race), client.paper, client.card, have]
    text = json.dumps([code_digest(), row, [str(p) for p in only], coach_digest, content_digest])
    return hashlib.sha256(text.encode()).hexdigest()


@functools.cache
def code_digest() -> str:
    """cardgen's own files and the versions of the libraries that write the PDF's bytes: a new
    cardgen, or a fix to it installed in place, rebuilds every client; nothing else does."""
    from cardgen.resources import shipped

    return files_digest([Path(__file__).parent, shipped("fonts")])


def files_digest(folders: Sequence[Path]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(__version__.encode())
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for dist in ("reportlab", "pillow", "pyphen"):
        try:
            h.update(f"{dist} {version(dist)}".encode())
        except PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()


def coach_digest(coach: Coach | None) -> str:
    """The coach's profile as the products see it: the mail template and server change no PDF, the logo's bytes do."""
    if coach is None:
        return "none"
    profile = {f.name: _canonical(getattr(coach, f.name)) for f in dataclasses.fields(coach) if f.name not in ("smtp", "message", "logo", "logo_line")}
    logo = hashlib.sha256(_file_bytes(coach.logo)).hexdigest() if coach.logo is not None else None
    return hashlib.sha256(json.dumps([profile, logo], sort_keys=True, default=str).encode()).hexdigest()


def _canonical(value: object) -> object:
    """Plain data with one spelling per value (a frozenset's order changes from run to run)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(str(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def content_digest(library: Library, plan_id: str) -> str:
    """The plan's file and every exercise it reaches (its own, and the alternatives and substitutes they
    name, and so on), as parsed, with their pictures' bytes. Comments and other exercises do not count."""
    h = hashlib.sha256()
    source = library.sources.get(f"plan:{plan_id}")
    if source is None:
        return "no such plan"  # the build will say so
    todo: list[object] = [source.data]
    seen: set[str] = set()
    while todo:
        data = todo.pop()
        h.update(json.dumps(data, sort_keys=True, default=str).encode())
        for word in sorted(_strings(data) - seen):
            # Any text that is an exercise id may name that exercise, whatever field it sits in.
            if word in library.exercises and word in library.sources:
                seen.add(word)
                todo.append(library.sources[word].data)
                if image := library.exercises[word].image:
                    h.update(_file_bytes(Path(image)))
    return h.hexdigest()


def _strings(data: object) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(_strings(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_strings(v) for v in data)) if data else set()
    return set()


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"missing"  # the build reports it


# ---------------------------------------------------------------- a client's folder, all or nothing


def built_files(folder: Path, digest: str) -> dict[str, Path] | None:
    """The files of an earlier build of the same inputs, or None when the folder must be built."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("inputs") != digest or not isinstance(manifest.get("files"), dict):
        return None
    files = {product: folder / name for product, name in manifest["files"].items()}
    return files if all(p.is_file() for p in files.values()) else None


def write_client(out: Path, client: Client, files: Mapping[str, bytes], digest: str) -> dict[str, Path]:
    """Write a client's folder whole, with the manifest that lets the next run skip it (see
    write.replace_folder). Files that are not the build's own (an .eml cardgen send wrote, a note of
    the coach's) are kept."""
    products = {name.removeprefix(f"{client.slug}-{client.plan}-").removesuffix(".pdf"): name for name in files}
    manifest = {"cardgen": __version__, "inputs": digest, "files": products}
    ours = re.compile(re.escape(client.slug) + r"-.+\.pdf|" + re.escape(MANIFEST))
    content = {**files, MANIFEST: (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()}
    folder = out / client.slug
    replace_folder(folder, content, keep=lambda name: not ours.fullmatch(name))
    return {product: folder / name for product, name in products.items()}


# ---------------------------------------------------------------- the workers


@dataclass(frozen=True)
class _Job:
    """One client to build in a worker: the row, its digest (what the build depends on), where to write."""

    client: Client
    digest: str
    out: Path
    only: tuple[Product, ...]


# This process's library and coach, loaded once (by _init_worker in a pool's worker, or handed over
# when the batch runs in the calling process).
_state: dict[str, object] = {}


def _init_worker(content: Path | None, coach: Coach | None) -> None:
    from cardgen.pipeline import load

    # Ctrl-C reaches every process of the terminal; the parent alone decides what stops (see _run_pool).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state["library"], _state["coach"] = load(content, lenient=True), coach


def _run(job: _Job) -> ClientReport:
    """Build one client in this process; its failure is its report, never an exception."""
    client = job.client
    try:
        files, warnings = render_client(_state["library"], client, _state["coach"], job.only)  # type: ignore[arg-type]
        paths = write_client(job.out, client, files, job.digest)
    except CardgenError as exc:
        return ClientReport(client, "failed", exc.format_message(), pid=os.getpid())
    except Exception as exc:  # noqa: BLE001 - one client's bug must not cost the others their PDFs
        # A bug, not the coach's mistake: say so plainly; the details go to the report, not the summary.
        said = f": {exc}" if str(exc) else ""
        return ClientReport(client, "failed", f"cardgen failed unexpectedly{said}; please report it with this client's roster row", pid=os.getpid())
    return ClientReport(client, "built", files=paths, warnings=tuple(warnings), pid=os.getpid())


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def build_clients(
    clients: Sequence[Client],
    coach: Coach | None,
    content: Path | None,
    out: Path,
    workers: int | None = None,
    *,
    only: Sequence[Product | str] = PRODUCTS,
    library: Library | None = None,
    progress: Callable[[ClientReport], None] | None = None,
) -> BatchReport:
    """Build every client whose folder is missing or stale, in parallel; skip the rest.

    The roster is already checked (read_roster); the library and coach are loaded once (`library`
    may be given to save that). One client's failure is in its report, not raised. Each report
    lists the client's files by product, built now or before: what `cardgen send` attaches.
    """
    from cardgen.pipeline import load

    started = time.perf_counter()
    products = tuple(Product(p) for p in only)
    library = library or load(content, lenient=True)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    remove_staged_folders(out)
    cdigest = coach_digest(coach)
    plans = {c.plan: content_digest(library, c.plan) for c in clients}

    reports: dict[int, ClientReport] = {}
    jobs: list[tuple[int, _Job]] = []
    for i, client in enumerate(clients):
        digest = input_digest(client, cdigest, plans[client.plan], products)
        if (files := built_files(out / client.slug, digest)) is not None:
            reports[i] = ClientReport(client, "skipped", "unchanged", files)
            if progress:
                progress(reports[i])
        else:
            jobs.append((i, _Job(client, digest, out, products)))

    workers = max(1, min(workers or default_workers(), len(jobs)))
    if workers == 1:
        _state["library"], _state["coach"] = library, coach
        for i, job in jobs:
            reports[i] = _run(job)
            if progress:
                progress(reports[i])
    elif jobs:
        _run_pool(jobs, workers, content, coach, reports, progress)
    ordered = [reports[i] for i in range(len(clients))]
    return BatchReport(ordered, workers if jobs else 0, time.perf_counter() - started)


def _run_pool(
    jobs: list[tuple[int, _Job]],
    workers: int,
    content: Path | None,
    coach: Coach | None,
    reports: dict[int, ClientReport],
    progress: Callable[[ClientReport], None] | None,
) -> None:
    from concurrent.futures import as_completed

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(content, coach))
    try:
        futures: dict[Future[ClientReport], tuple[int, _Job]] = {pool.submit(_run, job): (i, job) for i, job in jobs}
        for future in as_completed(futures):
            i, job = futures[future]
            try:
                reports[i] = future.result()
            except BrokenProcessPool:
                # A worker died outright (killed, out of memory): its clients fail, the built ones stay built.
                reports[i] = ClientReport(job.client, "failed", "the process building it stopped unexpectedly; run batch again")
            if progress:
                progress(reports[i])
    except BaseException:
        # Ctrl-C: no new client is started; the ones being built finish their folders (the workers
        # ignore SIGINT), so nothing is left half done, and a re-run carries on from there.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
