"""The shipped library as a coach and an editor would check it: our own words, no dangling
alternative, enough exercises. Reads the YAML only (no PDF), so it runs in well under a second."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import SHIPPED_CONTENT

SHARED_RUN = 6  # this many consecutive words in common with an article is copying, not a fact
ALTERNATIVE_GROUPS = ("easier", "harder", "no_equipment")


def _seeds_folder() -> Path | None:
    """The source articles: $CARDGEN_SEEDS, else ../shared/seeds beside the repository."""
    candidates = [Path(os.environ["CARDGEN_SEEDS"])] if os.environ.get("CARDGEN_SEEDS") else []
    candidates.append(Path(__file__).resolve().parents[2] / "shared" / "seeds")
    for folder in candidates:
        if folder.is_dir() and any(folder.iterdir()):
            return folder
    return None


def _words(text: str) -> list[str]:
    # Apostrophes join ("don't" is one word, straight or curly); every other mark separates.
    text = text.lower().replace("’", "").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def _text_fields(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text value of a YAML tree with its field path, e.g. ('steps[2]', 'Lower slowly ...')."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _text_fields(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _text_fields(value, f"{path}[{i}]")


def _library_files() -> list[Path]:
    return sorted((SHIPPED_CONTENT / "exercises").glob("*.yaml")) + sorted((SHIPPED_CONTENT / "plans").glob("*.yaml"))


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def shared_runs(text: str, seed_grams: set[tuple[str, ...]], n: int = SHARED_RUN) -> list[str]:
    """The longest runs of `n` or more consecutive words of `text` that also occur in a seed."""
    words = _words(text)
    hit = [tuple(words[i : i + n]) in seed_grams for i in range(len(words) - n + 1)]
    runs, i = [], 0
    while i < len(hit):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hit) and hit[j + 1]:
            j += 1
        runs.append(" ".join(words[i : j + n]))
        i = j + 1
    return runs


def test_the_overlap_check_finds_a_copied_run_and_ignores_case_and_punctuation():
    grams = {tuple(_words("Drive through the heels, lifting the hips towards the ceiling")[i : i + 6]) for i in range(4)}
    assert shared_runs("Then DRIVE through the heels; lifting the hips!", grams) == ["drive through the heels lifting the hips"]
    assert shared_runs("Press through the heels and lift the hips.", grams) == []


def test_no_text_copies_six_words_in_a_row_from_a_source_article():
    seeds = _seeds_folder()
    if seeds is None:
        pytest.skip("source articles not found: set CARDGEN_SEEDS or place them in ../shared/seeds beside the repository")
    seed_grams: set[tuple[str, ...]] = set()
    for article in sorted(seeds.iterdir()):
        words = _words(article.read_text(encoding="utf-8", errors="replace"))
        seed_grams.update(tuple(words[i : i + SHARED_RUN]) for i in range(len(words) - SHARED_RUN + 1))
    assert seed_grams, f"no words read from the articles in {seeds}"
    hits = []
    for path in _library_files():
        for field, text in _text_fields(_load(path)):
            for run in shared_runs(text, seed_grams):
                hits.append(f"{path.parent.name}/{path.name}: {field}: “{run}”")
    assert not hits, "text shared with a source article (six or more words in a row):\n" + "\n".join(hits)


def test_every_alternative_names_an_exercise_of_the_library():
    exercise_files = sorted((SHIPPED_CONTENT / "exercises").glob("*.yaml"))
    ids = {p.stem for p in exercise_files}
    dangling = []
    for path in exercise_files:
        data = _load(path)
        for group in ALTERNATIVE_GROUPS:
            for i, variant in enumerate(data.get(group) or []):
                ref = variant.get("exercise")
                if ref is not None and ref not in ids:
                    dangling.append(f"{path.name}: {group}[{i}].exercise: {ref}")
    assert not dangling, "alternatives naming no exercise of the library:\n" + "\n".join(dangling)


def test_the_library_has_at_least_40_exercises():
    count = len(list((SHIPPED_CONTENT / "exercises").glob("*.yaml")))
    assert count >= 40, f"the shipped library has {count} exercises; runners' programmes need at least 40"
