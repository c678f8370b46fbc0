"""ruff and mypy exactly as CI runs them, inside the suite too, so a change that breaks either is
seen before it lands rather than on the next CI run. The test extra installs both, pinned."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.mark.parametrize("tool, args", [("ruff", ["check", "src", "tests"]), ("mypy", ["src"])], ids=["ruff", "mypy"])
def test_clean(tool, args):
    exe = BIN / tool
    if not exe.exists():
        pytest.skip(f"{tool} is not installed: pip install -e '.[test]'")
    result = subprocess.run([str(exe), *args], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, f"{tool} {' '.join(args)}:\n{result.stdout}{result.stderr}"
