"""Reproducible bytes need pinned dependencies: constraints.txt pins all of them, and the README's
commands and CI install with it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]).lower()


def _pins() -> dict[str, str]:
    lines = [line for line in (REPO / "constraints.txt").read_text().splitlines() if line and not line.startswith("#")]
    for line in lines:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+]+", line), f"not an exact pin: {line}"
    return {_name(line): line.split("==")[1] for line in lines}


def test_every_dependency_of_the_package_and_its_test_extra_is_pinned_exactly():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]}
    assert wanted - set(_pins()) == set()


def test_the_readme_commands_install_with_the_constraints_and_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```sh\n(.*?)\n```", (REPO / "README.md").read_text(), re.S)
    build_cmd, test_cmd = blocks[0], blocks[1]
    assert "pip install -q -c constraints.txt -e . " in build_cmd
    assert "pip install -q -c constraints.txt -e '.[test]' " in test_cmd and test_cmd.endswith("python -m pytest")
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert test_cmd in ci
    assert all("-c constraints.txt" in line for line in ci if "pip install" in line)
