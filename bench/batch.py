"""Benchmark: `cardgen batch` for a roster of 100 clients, clients per second on 1 and 2 workers.

    python bench/batch.py [--clients 100] [--workers 1,2] [--runs 1] [--keep DIR]

Each run is a whole `python -m cardgen batch --workers N` process (start-up, the roster checked, the
library and coach loaded, every client's booklet, print file, cards and poster built and written)
into an empty output folder, timed by the wall clock, the worker counts taking turns; then the same
command once more per worker count, when every client is skipped as unchanged. The roster mixes every plan the workspace has, both papers, every
card size, equipment lists and start and race dates, so the clients are not 100 copies of one build.
See bench/README.md and docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ENV = dict(os.environ)
# An installed cardgen runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE set (some shells and
# containers set it) every timed process would compile cardgen's ~100 modules again, ~0.1-0.2 s that
# no user pays (a batch's workers each once). The first run writes the bytecode.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
try:
    import cardgen  # noqa: F401  (installed in the venv, editable)
except ImportError:  # a checkout without an install: use the source tree, here and in the subprocesses
    sys.path.insert(0, str(REPO / "src"))
    ENV["PYTHONPATH"] = os.pathsep.join(x for x in (str(REPO / "src"), ENV.get("PYTHONPATH")) if x)

PAPERS = ("a4", "letter")
CARDS = ("quarter", "a6", "a7", "index-3x5", "index-4x6", "id1")
HAVE = ("", "all", "band,kettlebell,box,bench,dumbbell", "band,kettlebell,dumbbell,box,bench,barbell,rack")


def roster(n: int, plans: list[tuple[str, int]], today: dt.date) -> str:
    """n clients, every plan, paper, card size and equipment list in turn; a start date for two
    clients in three, a race date (far enough for the longest plan) for the third."""
    monday = today + dt.timedelta(days=7 - today.weekday())
    rows = ["name,email,plan,start,race,paper,have,card,notes"]
    for i in range(n):
        plan, weeks = plans[i % len(plans)]
        start = race = ""
        if i % 3 == 2:
            race = (monday + dt.timedelta(weeks=weeks + 2, days=6)).isoformat()  # the Sunday of a week
        else:
            start = (monday + dt.timedelta(weeks=i % 5)).isoformat()
        have = HAVE[i % len(HAVE)]
        rows.append(f'Client {i + 1:03d},client{i + 1}@example.com,{plan},{start},{race},{PAPERS[i % 2]},"{have}",{CARDS[i % len(CARDS)]},')
    return "\n".join(rows) + "\n"


def batch(ws: Path, out: Path, workers: int) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and its workers, user + system) and the summary line."""
    cmd = [sys.executable, "-m", "cardgen", "batch", "--workers", str(workers), "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ws, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers were waited for by batch, so they count
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}{proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, proc.stdout.strip().splitlines()[0]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Time cardgen batch for a roster of many clients on 1 and 2 workers.")
    ap.add_argument("--clients", type=int, default=100, help="clients in the roster [100]")
    ap.add_argument("--workers", default="1,2", help="worker counts to time, comma-separated [1,2]")
    ap.add_argument("--runs", type=int, default=1, help="runs per worker count; the median is reported [1]")
    ap.add_argument("--keep", type=Path, help="build the workspace here and keep it, to look at the PDFs")
    args = ap.parse_args(argv)
    counts = [int(w) for w in args.workers.split(",")]
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # each run shows as it ends, also into a file

    from cardgen import __version__
    from cardgen.pipeline import load
    from cardgen.workspace import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = args.keep or Path(tmp) / "ws"
        init_workspace(ws)
        library = load(ws)
        plans = sorted((k, t.weeks) for k, t in library.plans.items())
        (ws / "roster.csv").write_text(roster(args.clients, plans, dt.date.today()), encoding="utf-8")
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"cardgen {__version__}, Python {platform.python_version()}, {cores} cores; "
              f"{args.clients} clients over {len(plans)} plans, every product each")
        first: dict[int, list[float]] = {}
        cpus: dict[int, list[float]] = {}
        reruns: dict[int, float] = {}
        # Worker counts take turns run by run, so that each sees the same machine (others' jobs come and go).
        for run in range(args.runs):
            for workers in counts:
                out = ws / f"output-{workers}-{run}"
                seconds, cpu, summary = batch(ws, out, workers)
                first.setdefault(workers, []).append(seconds)
                cpus.setdefault(workers, []).append(cpu)
                print(f"  run {run + 1}, {workers} worker{'s' if workers > 1 else ' '}: {seconds:6.1f} s  "
                      f"{args.clients / seconds:5.2f} clients/s  CPU {cpu:5.1f} s   ({summary})")
        for workers in counts:
            reruns[workers], _, summary = batch(ws, ws / f"output-{workers}-0", workers)
            print(f"  re-run, {workers} worker{'s' if workers > 1 else ' '}: {reruns[workers]:6.2f} s, nothing changed ({summary})")
        # Wall time is what a coach waits; CPU time per client is what a build costs, and holds on a busy machine.
        print("\nworkers  wall s (median)  clients/s  speed-up  CPU ms/client  re-run s")
        base = statistics.median(first[counts[0]])
        for workers in counts:
            median = statistics.median(first[workers])
            cpu_ms = statistics.median(cpus[workers]) / args.clients * 1000
            print(f"{workers:>7}  {median:>15.1f}  {args.clients / median:>9.2f}  {base / median:>7.2f}x  {cpu_ms:>13.0f}  {reruns[workers]:>8.2f}")
        pdfs = sum(1 for _ in (ws / f"output-{counts[-1]}-0").rglob("*.pdf"))
        print(f"\n{pdfs} PDFs in the last output folder")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
