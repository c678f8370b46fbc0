"""TEMPORARY stand-in for batch.build_clients (issue 7's contract), deleted when batch.py lands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cardgen.coach import Coach
from cardgen.options import Paper
from cardgen.roster import Client, client_file


@dataclass
class ClientReport:
    client: Client
    status: str  # built, skipped, failed
    why: str = ""
    files: dict[str, Path] = field(default_factory=dict)


def build_clients(clients: list[Client], coach: Coach | None, content: Path | None, out: Path) -> list[ClientReport]:
    from cardgen.errors import CardgenError
    from cardgen.pipeline import BuildOptions, load, plan_from, render
    from cardgen.write import prepare_dir, write_all

    library = load(content)
    reports = []
    for c in clients:
        try:
            plan = plan_from(library, c.plan, c.start)
            paper = c.paper or (coach.defaults.paper if coach else "a4")
            pdfs = render(plan, BuildOptions(plan=c.plan, athlete=c.name, start=c.start, coach=coach, paper=Paper(paper)))
            folder = out / c.slug
            prepare_dir(folder)
            write_all(folder, {client_file(c, c.plan, k): v for k, v in pdfs.items()})
            reports.append(ClientReport(c, "built", files={k.removesuffix(".pdf"): folder / client_file(c, c.plan, k) for k in pdfs}))
        except CardgenError as exc:
            reports.append(ClientReport(c, "failed", exc.message))
    return reports
