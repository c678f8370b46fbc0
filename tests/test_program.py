"""`cardgen` run as a program: it leaves without the interpreter's teardown, and nothing it says or
writes is lost on the way out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# The program's entry with an exit handler of its own: Python runs it at a normal exit, never after os._exit.
PROGRAM = "import atexit, sys; atexit.register(lambda: print('TEARDOWN', file=sys.stderr)); from cardgen.cli import run; run()"


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, cwd=cwd)


def test_a_build_exits_without_teardown_and_its_files_are_whole(tmp_path):
    done = _run("build", "--plan", "8-week-half", "--only", "poster", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "TEARDOWN" not in done.stderr
    assert done.stdout.splitlines() == [str(tmp_path / "poster.pdf")]  # piped output is flushed before the exit
    pdf = (tmp_path / "poster.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.pdf"]  # no staged .part file left


def test_errors_keep_their_exit_status_and_message():
    unknown = _run("build", "--plan", "no-such-plan")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("Error: unknown plan 'no-such-plan'")
    assert "TEARDOWN" not in unknown.stderr

    usage = _run("build", "--bogus")
    assert usage.returncode == 2
    assert "Error: No such option '--bogus'" in usage.stderr


def test_a_closed_pipe_ends_quietly():
    """`cardgen list | head -1`: the reader is gone before the output is written; click turns that
    into exit status 1, and the quick exit must not add a traceback or a note from Python."""
    proc = subprocess.Popen([sys.executable, "-c", PROGRAM, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert err == ""


def test_the_program_leaves_the_collector_off_to_the_end(tmp_path):
    """A one-shot command runs without the cyclic collector (cli.py); the program exits with the
    command, so it does not turn the collector back on: that would first scan everything the build
    allocated. No collection runs once the build has begun (the pipeline is imported inside it)."""
    code = (
        "import gc, os, sys\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and 'cardgen.pipeline' in sys.modules and seen.append(1))\n"
        "leave = os._exit  # the program's last step: report what the collector did until then\n"
        "os._exit = lambda status: (print(f'COLLECTIONS {len(seen)}', file=sys.stderr, flush=True), leave(status))\n"
        "from cardgen.cli import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, "build", "--plan", "8-week-half", "--only", "poster", "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "COLLECTIONS 0"


# How each entry starts the program: `python -m cardgen`, and the installed script (which imports
# the function pyproject.toml names and calls it).
PYTHON_M = "runpy.run_module('cardgen', run_name='__main__', alter_sys=True)"
SCRIPT = "from cardgen.__main__ import main; main()"


def _as_python_m(*args: str, before: str = "", entry: str = PYTHON_M) -> subprocess.CompletedProcess[str]:
    """`python -m cardgen ARGS`, with the collector's runs after click is imported counted and
    reported as the program leaves (`before` runs first)."""
    code = (
        "import gc, os, runpy, sys\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and 'click' in sys.modules and seen.append(1))\n"
        "leave = os._exit\n"
        "os._exit = lambda status: (print(f'COLLECTIONS {len(seen)}', file=sys.stderr, flush=True), leave(status))\n"
        f"{before}\n"
        f"{entry}\n"
    )
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)


def test_the_installed_script_is_the_same_program():
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"] == {"cardgen": "cardgen.__main__:main"}


@pytest.mark.parametrize("entry", [PYTHON_M, SCRIPT], ids=["python -m cardgen", "script"])
def test_the_program_imports_and_builds_without_the_collector(tmp_path, entry):
    done = _as_python_m("build", "--plan", "8-week-half", "--only", "poster", "--out", str(tmp_path), entry=entry)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "COLLECTIONS 0"


def test_python_m_cardgen_batch_has_the_collector(tmp_path):
    """batch and send build client after client in one process: they keep the collector on."""
    roster = tmp_path / "roster.csv"
    roster.write_text("name,plan\nAda,8-week-half\n")
    stop = "import gc, cardgen.roster\ncardgen.roster.read_roster = lambda *a: sys.exit(f'COLLECTOR {gc.isenabled()}')"
    done = _as_python_m("batch", str(roster), "--out", str(tmp_path / "out"), before=stop)
    assert "COLLECTOR True" in done.stderr, done.stderr
