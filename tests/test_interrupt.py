"""Interrupts while writing: no hidden `.part` file is left behind, the previous PDFs stay as they were."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import cardgen.write
from cardgen.pipeline import BuildOptions, build


def _previous_build(content, out: Path) -> dict[str, bytes]:
    build(BuildOptions("basic", out=out), content.load())
    return {p.name: p.read_bytes() for p in out.iterdir()}


def _listing(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def test_ctrl_c_midway_through_writing_leaves_no_part_file_and_the_previous_pdfs(content, tmp_path, monkeypatch):
    out = tmp_path / "out"
    before = _previous_build(content, out)
    staged = []

    def chmod_then_interrupt(path, mode):
        staged.append(path)
        if len(staged) == 2:  # the first PDF is staged, the second written but not yet renamed
            raise KeyboardInterrupt
        os.chmod(path, mode)

    monkeypatch.setattr(cardgen.write.os, "chmod", chmod_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions("basic", out=out, athlete="Someone Else"), content.load())  # other bytes than before
    assert len(staged) == 2 and all(Path(p).name.endswith(".part") for p in staged)
    assert _listing(out) == sorted(before)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_stale_part_files_of_a_killed_build_go_with_the_next_build_and_nothing_else_does(content, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = [".booklet.pdf.k3j_x9a2.part", ".cards.pdf.00000000.part", ".print-test.pdf.abcdefgh.part"]
    others = [".booklet.pdf.part", ".notes.txt.abcdefgh.part", "booklet.pdf.k3j_x9a2.part", ".cards.pdf.TOOLONG99.part", "mine.part"]
    for name in stale + others:
        (out / name).write_bytes(b"leftover")
    (out / ".poster.pdf.zzzzzzzz.part").mkdir()  # a folder of that name is not a leftover file
    build(BuildOptions("basic", out=out, only=("cards",)), content.load())
    assert _listing(out) == sorted([*others, ".poster.pdf.zzzzzzzz.part", "cards.pdf"])


_CHILD = """
    import os, sys, time
    import cardgen.write
    from cardgen.cli import main

    real_chmod = os.chmod

    def chmod_then_wait(path, mode):
        real_chmod(path, mode)
        open(sys.argv[1], "w").close()  # tell the test a .part file is on disk, then wait for its signal
        time.sleep(60)

    cardgen.write.os.chmod = chmod_then_wait
    main(["build", "--plan", "basic", "--out", "out", "--athlete", "Someone Else"])
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_real_signal_while_writing_leaves_no_part_file_and_the_previous_pdfs(content, tmp_path, signum):
    out = tmp_path / "out"
    before = _previous_build(content, out)
    ready = tmp_path / "ready"
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_CHILD), str(ready)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the build never reached its write step"
            time.sleep(0.02)
        assert any(name.endswith(".part") for name in _listing(out))  # the signal does land mid-write
        child.send_signal(signum)
        _, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode != 0
    assert b"Traceback" not in err
    assert _listing(out) == sorted(before)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
