"""Benchmark: the default plan's products against a bare ReportLab canvas floor (bench/floor.py).

    python bench/run.py [--runs N] [--quick] [--plan ID] [--profile]

In-process figures are the best and median of N runs after a warm-up, cardgen and the floor
interleaved so that both see the same machine; whole-process figures are medians of a few runs.
Ratios against the floor are what docs/performance.md's targets are about; the milliseconds
depend on the machine. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))  # floor.py sits beside this script

ENV = dict(os.environ)
# An installed cardgen runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE set (some shells and
# containers set it) every timed process would compile cardgen's ~100 modules again, ~0.1-0.2 s that
# no user pays. The untimed first run writes the bytecode.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
# A build reads the content library from the cache (cardgen/content/cache.py) when no file changed
# since the last one: after the untimed first run, the build row times that, as a user's second
# build; the no-cache row beside it times a build that reads every file.
ENV.pop("CARDGEN_CACHE", None)
ENV_NO_CACHE = {**ENV, "CARDGEN_CACHE": "off"}
try:
    import cardgen  # noqa: F401  (installed in the venv, editable)
except ImportError:  # a checkout without an install: use the source tree, here and in the subprocesses
    sys.path.insert(0, str(REPO / "src"))
    ENV["PYTHONPATH"] = os.pathsep.join(x for x in (str(REPO / "src"), ENV.get("PYTHONPATH")) if x)

# Targets from docs/performance.md: ratios against the floor, measured side by side in one run, so
# that they hold on any machine; the two absolute ones assume a machine like the 2-core reference.
TARGET_RATIO = 1.2  # in process: render / floor, medians
TARGET_PROCESS_RATIO = 1.5  # whole process: cardgen build / floor.py as a script, medians
TARGET_HELP_MS = 100
TARGET_BOOKLET_KB = 100


def ms(ns: int | float) -> float:
    return ns / 1e6


def timed(fn, cpu: list[int]) -> int:
    """Wall time of fn() in ns; its CPU time (this process, user + system) is appended to `cpu`."""
    gc.collect()
    c, t = time.process_time_ns(), time.perf_counter_ns()
    fn()
    dt = time.perf_counter_ns() - t
    cpu.append(time.process_time_ns() - c)
    return dt


def pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def run_process(cmd: list[str], runs: int, cwd: Path, env: dict[str, str] = ENV) -> tuple[list[int], list[int]]:
    """Wall and CPU time (user + system, ns) of a whole process, after one untimed run (bytecode and
    page cache warm). CPU time is what the process itself cost: on a machine shared with other jobs
    the wall clock also counts the time spent waiting for a core."""
    wall, cpu = [], []
    for i in range(runs + 1):
        t = time.perf_counter_ns()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if hasattr(os, "wait4"):
            stderr = proc.stderr.read() if proc.stderr else b""
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            used = round((usage.ru_utime + usage.ru_stime) * 1e9)
        else:  # no per-process CPU figures here: report the wall clock twice
            stderr = proc.communicate()[1]
            used = 0
        dt = time.perf_counter_ns() - t
        if proc.returncode:
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr.decode(errors='replace')}")
        if i:
            wall.append(dt)
            cpu.append(used or dt)
    return wall, cpu


def mark(value: float, target: float) -> str:
    return "ok" if value <= target else "MISS"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Benchmark cardgen's default plan against a bare ReportLab canvas floor.")
    ap.add_argument("--runs", type=int, default=10, help="in-process runs after the warm-up [10]")
    ap.add_argument("--process-runs", type=int, default=5, help="whole-process runs [5]")
    ap.add_argument("--quick", action="store_true", help="3 in-process and 3 whole-process runs")
    ap.add_argument("--plan", default="8-week-half", help="plan id [8-week-half]")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of one in-process render")
    a = ap.parse_args(argv)
    runs, pruns = (3, 3) if a.quick else (max(1, a.runs), max(1, a.process_runs))

    from reportlab import Version as rl_version
    from reportlab.lib import rl_accel

    from cardgen import pipeline

    import floor

    # ---------------------------------------------------------------- in-process
    library = pipeline.load()
    plan = pipeline.plan_from(library, a.plan)
    options = pipeline.BuildOptions(plan=a.plan)

    def render():
        return pipeline.render(plan, options)

    def full():
        lib = pipeline.load()  # strict, as `cardgen check`: every file read, never the cache
        return pipeline.render(pipeline.plan_from(lib, a.plan), options)

    def cached():
        lib = pipeline.load(lenient=True)  # as `cardgen build`: from the content cache after the warm-up
        return pipeline.render(pipeline.plan_from(lib, a.plan), options)

    products = render()  # warm-up: imports, font registration, caches
    booklet, cards = products.get("booklet.pdf", b""), products.get("cards.pdf", b"")
    imposed = products.get("booklet-print.pdf", b"")
    # The print file draws every booklet page again, two to a sheet: the floor draws them too.
    bp, cp = pages(booklet) + 2 * pages(imposed) if imposed else pages(booklet), pages(cards)
    total = bp + cp
    floor_pdf = floor.draw_floor(bp, cp)  # warm-up
    full()
    cached()
    assert pages(floor_pdf) == total, "the floor must draw the same number of pages"

    t_render, t_full, t_cached, t_floor = [], [], [], []
    c_render, c_full, c_cached, c_floor = [], [], [], []  # the same runs in CPU time: steadier on a shared machine
    for _ in range(runs):
        t_floor.append(timed(lambda: floor.draw_floor(bp, cp), c_floor))
        t_render.append(timed(render, c_render))
        t_full.append(timed(full, c_full))
        t_cached.append(timed(cached, c_cached))

    # ---------------------------------------------------------------- whole process
    py = sys.executable
    script = Path(py).with_name("cardgen")
    help_cmd = [str(script), "--help"] if script.exists() else [py, "-m", "cardgen", "--help"]
    tmp = Path(tempfile.mkdtemp(prefix="cardgen-bench-"))
    try:
        build_cmd = [py, "-m", "cardgen", "build", "--plan", a.plan, "--out", str(tmp / "out")]
        p_build = run_process(build_cmd, pruns, REPO)
        p_cold = run_process(build_cmd, pruns, REPO, ENV_NO_CACHE)
        p_floor = run_process([py, str(HERE / "floor.py"), str(tmp / "floor.pdf"), "--pages", str(bp), "--cards-pages", str(cp)], pruns, REPO)
        p_help = run_process(help_cmd, pruns, REPO)
        p_python = run_process([py, "-c", "pass"], pruns, REPO)
        p_import = run_process([py, "-c", "import reportlab.pdfgen.canvas"], pruns, REPO)
        cli_sizes = {f.name: f.stat().st_size for f in sorted((tmp / "out").glob("*.pdf"))}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # ---------------------------------------------------------------- report
    best = lambda xs: ms(min(xs))  # noqa: E731
    med = lambda xs: ms(statistics.median(xs))  # noqa: E731
    accel = "yes" if "fp_str" in getattr(rl_accel, "_c_funcs", {}) else "no"
    print(f"cardgen benchmark: plan {a.plan}: booklet pages drawn {bp} (reading order + print file) + cards {cp} p A4 = {total} pages")
    load = " (load average {:.1f} {:.1f} {:.1f})".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    print(f"Python {platform.python_version()}, ReportLab {rl_version}, rl_accel C helpers: {accel}, "
          f"{os.cpu_count()} CPUs{load}; {runs} in-process runs after a warm-up, {pruns} process runs")
    print("Content cache: after the warm-up (in process) and the untimed first run (whole process), the rows of "
          "`cardgen build` read the library from the cache, as a second build does; the no-cache rows read every file.")
    print()
    w = 34
    print(f"{'in-process':<{w}} {'best ms':>9} {'median ms':>10} {'CPU ms':>8} {'ms/page':>8}   target")
    rows = [
        ("cardgen render (layout + PDF)", t_render, c_render),
        ("cardgen load + expand + render", t_full, c_full),
        ("the same, load from the cache", t_cached, c_cached),
        ("floor: bare canvas, same pages", t_floor, c_floor),
    ]
    for label, xs, cs in rows:
        print(f"  {label:<{w - 2}} {best(xs):9.1f} {med(xs):10.1f} {med(cs):8.1f} {med(xs) / total:8.2f}")
    r_best, r_med, r_cpu = best(t_render) / best(t_floor), med(t_render) / med(t_floor), med(c_render) / med(c_floor)
    r_full, r_full_cpu = med(t_full) / med(t_floor), med(c_full) / med(c_floor)
    print(f"  {'ratio render / floor':<{w - 2}} {r_best:8.2f}x {r_med:9.2f}x {r_cpu:7.2f}x {'':8}   <= {TARGET_RATIO}x "
          f"{mark(r_med, TARGET_RATIO)} (wall), {mark(r_cpu, TARGET_RATIO)} (CPU)")
    print(f"  {'ratio load+expand+render / floor':<{w - 2}} {'':9} {r_full:9.2f}x {r_full_cpu:7.2f}x")
    print()
    print(f"{'whole process (medians)':<{w}} {'wall ms':>9} {'CPU ms':>8}   target")
    wall_build, cpu_build = p_build
    wall_floor, cpu_floor = p_floor
    r_process, r_cpu = med(wall_build) / med(wall_floor), med(cpu_build) / med(cpu_floor)
    print(f"  {'cardgen build --plan ' + a.plan:<{w - 2}} {med(wall_build):9.0f} {med(cpu_build):8.0f}")
    print(f"  {'cardgen build, no cache':<{w - 2}} {med(p_cold[0]):9.0f} {med(p_cold[1]):8.0f}   (CARDGEN_CACHE=off)")
    print(f"  {'floor.py as a script, same pages':<{w - 2}} {med(wall_floor):9.0f} {med(cpu_floor):8.0f}")
    print(f"  {'ratio build / floor':<{w - 2}} {r_process:8.2f}x {r_cpu:7.2f}x   <= {TARGET_PROCESS_RATIO}x {mark(r_process, TARGET_PROCESS_RATIO)}"
          f" (wall), {mark(r_cpu, TARGET_PROCESS_RATIO)} (CPU)")
    help_ms = med(p_help[0])
    print(f"  {'cardgen --help':<{w - 2}} {help_ms:9.0f} {med(p_help[1]):8.0f}   <= {TARGET_HELP_MS} ms {mark(help_ms, TARGET_HELP_MS)}")
    for label, (wall, cpu) in (("python -c pass (start-up)", p_python), ("python -c import reportlab canvas", p_import)):
        print(f"  {label:<{w - 2}} {med(wall):9.0f} {med(cpu):8.0f}")
    print()
    print(f"{'files':<{w}} {'KB':>9}   target")
    kb = lambda n: n / 1024  # noqa: E731
    print(f"  {'booklet.pdf':<{w - 2}} {kb(len(booklet)):9.1f}   <= {TARGET_BOOKLET_KB} KB {mark(kb(len(booklet)), TARGET_BOOKLET_KB)}")
    print(f"  {'cards.pdf':<{w - 2}} {kb(len(cards)):9.1f}")
    print(f"  {'floor, both in one PDF':<{w - 2}} {kb(len(floor_pdf)):9.1f}")
    if cli_sizes != {"booklet.pdf": len(booklet), "cards.pdf": len(cards)}:
        print(f"  (the CLI wrote other sizes: {cli_sizes})")

    if a.profile:
        print()
        prof = cProfile.Profile()
        prof.runcall(render)
        for key in ("cumulative", "tottime"):
            print(f"---- one render, top 15 by {key}")
            pstats.Stats(prof, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(15)
        print("---- one render, cardgen's own functions, top 15 by cumulative")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(r"cardgen[/\\]", 15)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
