"""The command line. Each command parses its options and calls one function of the pipeline."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, cast

import click

from cardgen import __version__
from cardgen.options import CardSize, Duplex, Paper, PosterPaper, Product, ThemeName

if TYPE_CHECKING:
    from pathlib import Path


class _Path(click.Path):
    """click.Path giving a pathlib.Path, which is imported once a path is given: `cardgen --help`
    and option parsing do without it (~10 ms)."""

    def convert(self, value, param, ctx) -> Path:
        from pathlib import Path

        return Path(cast(str, super().convert(value, param, ctx)))  # a str: click is given text, and no path_type


def _cwd() -> Path:
    from pathlib import Path

    return Path.cwd()


_content_option = click.option(
    "--content",
    type=_Path(file_okay=False),
    help="Your content folder with exercises/ and plans/, added to the shipped library "
    "[default: the current folder if it has both, else ./content if present, else the shipped library only]",
)


class _BackOffset(click.ParamType):
    """"X,Y" in millimetres: a printer's front-to-back shift, to be undone."""

    name = "X,Y"
    LIMIT = 10.0  # mm; a printer that misses by more needs fixing, not an offset

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        parts = str(value).replace(" ", "").split(",")
        try:
            x, y = (float(p) for p in parts)
        except ValueError:
            self.fail(f"expected two numbers in mm as X,Y, for example 1.5,-1; found {value!r}", param, ctx)
        if not all(abs(v) <= self.LIMIT and v == v for v in (x, y)):
            self.fail(f"each value must lie between -{self.LIMIT:g} and {self.LIMIT:g} mm; found {value!r}", param, ctx)
        return (x, y)


def _have(ctx, param, value):
    if value is None:
        return None
    from cardgen.errors import CardgenError
    from cardgen.options import parse_have

    try:
        return parse_have(value)
    except CardgenError as exc:
        raise click.BadParameter(exc.message, ctx, param) from None


_LONG_RUNNING = ("batch", "send")  # many clients in one process: the collector keeps their memory flat


def run() -> None:
    """The `cardgen` program (`python -m cardgen` and the installed script): `main`, then an exit that
    skips the interpreter's teardown. Tearing down frees every object of the run one by one, ~100 ms
    of a ~1.1 s build, for memory the system takes back at once; every file a command writes is
    closed before it returns (write.py), so nothing is lost. Only the program does this: tests call
    `main` in their own process, which must go on.

    The collector is off from here (from before the imports, through __main__.py): a one-shot
    command then never turns it on, which after a build would first scan everything it allocated
    (20-30 ms) just before the exit."""
    gc.disable()
    try:
        main()
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise  # a message for Python to print; not a path cardgen takes
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise exc from None  # a closed pipe: Python's own exit reports it as it always did
        os._exit(exc.code or 0)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cardgen")
def main() -> None:
    """Printable workout booklets, pocket cards and posters from YAML exercises and plans."""
    # cardgen uses no pydantic plugins; looking for them scans every installed package (~30 ms).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    ctx = click.get_current_context()
    # A one-shot command allocates a few tens of MB, frees little of it through cycles, and exits:
    # the cyclic collector spent ~10 % of a build re-scanning the modules it had just imported
    # (130 ms of 1.4 s measured; 1 MB more at the peak without it). A long-running one needs it. The
    # command runs with the collector as it needs it, and its caller gets its own setting back.
    wanted = ctx.invoked_subcommand in _LONG_RUNNING
    if gc.isenabled() != wanted:
        (gc.enable if wanted else gc.disable)()
        ctx.call_on_close(gc.disable if wanted else gc.enable)



@main.command()
@click.option("--plan", "plan_id", required=True, help="Plan id, e.g. 8-week-half (see 'cardgen list').")
@click.option("--paper", type=click.Choice(Paper.values()), default="a4", show_default=True, help="Sheet size of the home printer.")
@click.option("--out", type=_Path(file_okay=False), help="Output folder  [default: output/PLAN]")
@_content_option
@click.option("--only", type=click.Choice(Product.values()), help="Build one product only.")
@click.option("--athlete", help="Name printed on the cover, every card and the poster.")
@click.option("--start", type=click.DateTime(formats=["%Y-%m-%d"]), help="First day of week 1 (YYYY-MM-DD): weeks, cards and poster carry dates.")
@click.option("--race", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Race day (YYYY-MM-DD): the plan's last week is race week, and week 1 starts to fit.")
@click.option("--have", callback=_have, metavar="none|band,kettlebell,...",
              help="The client's equipment; exercises that need anything else are swapped for their no-equipment alternative  [default: all]")
@click.option("--theme", type=click.Choice(ThemeName.values()), default="mono", show_default=True, help="mono saves toner; color adds one accent colour.")
@click.option("--long-edge", is_flag=True, help="Turn the backs of booklet-print.pdf for printers that only flip on the long edge.")
@click.option("--card", type=click.Choice(CardSize.values()), default="quarter", show_default=True,
              help="Pocket card size; quarter is the sheet cut in four, id1 a wallet summary per session.")
@click.option("--duplex", type=click.Choice(Duplex.values()), default="long", show_default=True,
              help="Card backs for a long- or short-edge flip, or fold: front and back side by side, fold and glue.")
@click.option("--back-offset", type=_BackOffset(), default="0,0",
              help="X,Y in mm to move every card back (+ right, + up on the back page); measure it with 'cardgen print-test'.")
@click.option("--poster-paper", type=click.Choice(PosterPaper.values()), help="Sheet for the fridge poster  [default: --paper]")
@click.pass_context
def build(ctx, plan_id, only, athlete, start, race, **options) -> None:
    """Build the booklet, its print file, the pocket cards and the poster of a plan.

    In a workspace, coach.yaml's defaults (paper, card, theme, have, duplex, poster paper) apply to
    every option the command line leaves out."""
    from cardgen.pipeline import PRODUCTS, BuildOptions, build as run, load_coach

    athlete = (athlete or "").strip() or None
    start = start.date() if start else None
    race = race.date() if race else None
    coach = load_coach(options["content"])
    if coach is not None:
        from cardgen.coach import with_defaults  # here: most builds have no coach.yaml, and the module costs ~30 ms

        given = {name for name in options if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT}
        options = with_defaults(options, given, coach.defaults)
    result = run(BuildOptions(plan=plan_id, only=(only,) if only else PRODUCTS, athlete=athlete, start=start, race=race, coach=coach, **options))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for advice in result.advice:
        click.echo(advice.replace("\u00a0", " "), err=True)
    for path in result.files:
        click.echo(str(path))


@main.command()
@click.argument("roster", required=False, type=_Path(dir_okay=False, exists=True))
@click.option("--out", type=_Path(file_okay=False), default="output", show_default=True,
              help="Output folder; each client gets a folder inside it.")
@_content_option
@click.option("--workers", type=click.IntRange(min=1), help="Clients built at once, each in its own process  [default: the machine's cores]")
@click.option("--only", type=click.Choice(Product.values()), help="Build one product only.")
def batch(roster, out, content, workers, only) -> None:
    """Build every client of a roster (roster.csv or roster.yaml of the workspace) into OUT/<client>/.

    The whole roster is checked first; then each client whose row, coach.yaml or content changed since
    the last run is built, in parallel. A client that fails is reported and the others are built.
    """
    import sys

    from cardgen.batch import ClientReport, build_clients
    from cardgen.pipeline import PRODUCTS, load, load_coach
    from cardgen.roster import find_roster, read_roster

    clients = read_roster(roster or find_roster(content or _cwd()))
    library = load(content, lenient=True)  # a broken file stops only the clients whose plan uses it
    coach = load_coach(content)
    for warning in sorted({str(w) for plan in {c.plan for c in clients} for w in library.warnings_for(plan)}):
        click.echo(f"warning: {warning}", err=True)

    def line(r: ClientReport) -> None:
        about = f"({r.client.where}) {r.why.splitlines()[0]}" if r.status == "failed" else r.why or str(out / r.client.slug)
        click.echo(f"{r.status:<7}  {r.client.name}  {about}", err=True)

    def name(r: ClientReport | None) -> str | None:
        return r.client.name if r else None

    products = (only,) if only else PRODUCTS
    if sys.stderr.isatty():
        with click.progressbar(length=len(clients), label="Building", file=sys.stderr, show_pos=True, item_show_func=name) as bar:
            report = build_clients(clients, coach, content, out, workers, only=products, library=library, progress=lambda r: bar.update(1, r))
    else:
        report = build_clients(clients, coach, content, out, workers, only=products, library=library, progress=line)
    for r in report:
        # A roster of a hundred can repeat one warning per card; two per client say what kind it is.
        for warning in r.warnings[:2]:
            click.echo(f"warning: {r.client.name}: {warning}", err=True)
        if len(r.warnings) > 2:
            click.echo(f"warning: {r.client.name}: and {len(r.warnings) - 2} more like these", err=True)
    click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)


@main.command(name="print-test")
@click.option("--paper", type=click.Choice(Paper.values()), default="a4", show_default=True, help="Sheet size of the home printer.")
@click.option("--out", type=_Path(dir_okay=False), help="PDF to write  [default: output/print-test.pdf]")
def print_test(paper, out) -> None:
    """Write a two-page sheet that measures how far your printer shifts the backs (for --back-offset)."""
    from cardgen.pipeline import print_test as run

    click.echo(str(run(paper, out)))


@main.command()
@_content_option
def check(content) -> None:
    """Validate a content folder and report every problem with file and line.

    In a workspace, coach.yaml too: its problems as the build reports them, and what would print
    badly (a blurred logo, a pale accent, a footer too long) as warnings."""
    from cardgen.errors import ContentError
    from cardgen.pipeline import check_coach, load
    from cardgen.resources import COACH_FILE

    problems = []
    try:
        library = load(content)
    except ContentError as exc:
        problems += exc.problems
    try:
        coach_warnings = check_coach(content)
    except ContentError as exc:
        problems += exc.problems
    if problems:
        raise ContentError(problems)  # the content's and the coach's at once: fixed in one round
    for warning in [*map(str, library.warnings), *(coach_warnings or [])]:
        click.echo(f"warning: {warning}", err=True)
    own_ex = [k for k in library.exercises if library.origins.get(k) != "shipped"]
    own_plans = [k for k in library.plans if library.origins.get(f"plan:{k}") != "shipped"]
    if (len(own_ex), len(own_plans)) in ((0, 0), (len(library.exercises), len(library.plans))):
        click.echo(f"{library.root}: {_count(library.exercises, 'exercise')} and {_count(library.plans, 'plan')}, all valid.")
    else:
        click.echo(f"{library.root}: {_count(own_ex, 'exercise')} and {_count(own_plans, 'plan')} of yours, all valid; "
                   f"with the shipped library, {_count(library.exercises, 'exercise')} and {_count(library.plans, 'plan')}.")
    if coach_warnings is not None:
        click.echo(f"{COACH_FILE}: valid.")


@main.command()
@click.argument("folder", type=_Path())
def init(folder) -> None:
    """Start a workspace: your own exercises and plans, added to the shipped library."""
    from cardgen.workspace import EXAMPLE_PLAN, init_workspace

    for path in init_workspace(folder):
        click.echo(str(path))
    click.echo(f"Next: cd {folder} && cardgen check && cardgen build --plan {EXAMPLE_PLAN}; then edit coach.yaml and roster.csv and run cardgen batch")


@main.command(name="list")
@_content_option
def list_(content) -> None:
    """List the plans and exercises of the content folder."""
    from cardgen.pipeline import load

    library = load(content)
    click.echo("Plans:")
    width = max((len(k) for k in [*library.plans, *library.exercises]), default=0)
    origins = {k: library.origins.get(k, "yours") for k in [*library.exercises, *(f"plan:{k}" for k in library.plans)]}
    o_width = max((len(o) for o in origins.values()), default=0)
    for plan_id, plan in sorted(library.plans.items()):
        sessions = sum(s.per_week for s in plan.sessions.values())  # a session done twice counts twice
        about = f"{plan.title} ({plan.weeks} weeks, {sessions} session{'s' if sessions != 1 else ''} a week)"
        click.echo(f"  {plan_id:<{width}}  {origins['plan:' + plan_id]:<{o_width}}  {about}")
    click.echo("Exercises:")
    for ex_id, ex in sorted(library.exercises.items()):
        click.echo(f"  {ex_id:<{width}}  {origins[ex_id]:<{o_width}}  {ex.name}: {', '.join(ex.muscles.primary)}")


def _count(items, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


@main.command()
@click.argument("pdf", type=_Path(dir_okay=False, exists=True))
@click.option("--pages", help="Pages to render, e.g. 1-4 or 2,5-6  [default: all]")
@click.option("--out", type=_Path(file_okay=False), help="Folder for the PNGs  [default: beside the PDF]")
@click.option("--dpi", type=click.IntRange(20, 300), default=60, show_default=True, help="Resolution of the thumbnails.")
def preview(pdf, pages, out, dpi) -> None:
    """Render pages of a PDF to PNG thumbnails."""
    from cardgen.preview import render_previews

    for path in render_previews(pdf, out or pdf.parent, pages, dpi):
        click.echo(str(path))


@main.command()
@click.argument("roster", required=False, type=_Path(dir_okay=False, exists=True))
@click.option("--out", type=_Path(file_okay=False), default="output", show_default=True,
              help="Output folder of 'cardgen batch': one folder per client, and the sent log.")
@_content_option
@click.option("--workers", type=click.IntRange(min=1), help="Clients built at once, when some are missing or out of date  [default: the machine's cores]")
@click.option("--smtp", "address", metavar="HOST[:PORT]", help="Mail server  [default: smtp in coach.yaml]")
@click.option("--security", type=click.Choice(["none", "starttls", "ssl"]), help="How to talk to the server  [default: coach.yaml, else starttls]")
@click.option("--dry-run", is_flag=True, help="Write <out>/<client>/<client>.eml to open in a mail program instead of sending.")
@click.option("--resend", multiple=True, metavar="NAME", help="Send to this client (name or folder name) again although the sent log has them; repeatable.")
def send(roster, out, content, workers, address, security, dry_run, resend) -> None:
    """Email each client of the roster their PDFs (building what is missing or out of date first).

    The password comes from the CARDGEN_SMTP_PASSWORD environment variable, or is asked for."""
    from cardgen.roster import find_roster
    from cardgen.send import PASSWORD_ENV, SendOptions, send as run

    def password() -> str:
        return os.environ.get(PASSWORD_ENV) or click.prompt("SMTP password", hide_input=True, err=True)

    def echo(outcome) -> None:
        name = f"{outcome.client.name} <{outcome.client.email}>" if outcome.client.email else outcome.client.name
        detail = f": {outcome.why}" if outcome.why else (f" {outcome.path}" if outcome.path else "")
        click.echo(f"{outcome.status:<8} {name}{detail}", err=outcome.status == "failed")

    options = SendOptions(roster or find_roster(content or _cwd()), out, content, address, security, workers, dry_run, tuple(resend))
    report = run(options, password, echo, lambda name: click.echo(f"built    {name}", err=True))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    counts = [f"{len(report.of(s))} {label}" for s, label in
              (("sent", "sent"), ("written", "written (dry run)"), ("skipped", "skipped"), ("failed", "failed")) if report.of(s)]
    click.echo(", ".join(counts) + "." if counts else "nobody to email in the roster.")
    if no_email := [o.client.name for o in report.of("skipped") if not o.client.email]:
        click.echo(f"  no email: {', '.join(no_email)}")
    for outcome in report.of("failed"):
        click.echo(f"  failed: {outcome.client.name}: {outcome.why}", err=True)
    if report.failed:
        raise SystemExit(1)

