"""The content cache (cardgen/content/cache.py): a build reads the library it stored when no file it
depends on changed, and reads the files again when one did; it never fails a build.

Real files in real folders. The session's cache folder is a temporary one (conftest.py). Files a
test writes are aged a few seconds, as files are by the time of a user's second build: the cache
does not store a library while a file is younger than its timestamps can tell apart.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from cardgen.content import cache
from cardgen.errors import ContentError
from cardgen.pipeline import BuildOptions, build, load

from conftest import BAND_WALK, ContentDir

OLD = 1_000_000_000  # an entry's mtime (ns) set by a test: a rewrite of the entry would change it


def age(root: Path, seconds: float = 10) -> None:
    """Every file under `root` last modified `seconds` ago."""
    when = time.time_ns() - int(seconds * 1e9)
    for path in root.rglob("*"):
        os.utime(path, ns=(when, when))


@pytest.fixture(autouse=True, scope="module")
def _settled_code() -> None:
    """cardgen's own files are in every key, and a test cannot age them: right after an edit of one
    (or a checkout) no entry would be stored, and the tests that expect one would fail. Wait until
    they are as old as the cache needs, as a user's installed copy always is."""
    newest = max(os.stat(path).st_mtime_ns for path in cache._code())
    wait = newest + cache.RACY_NS - time.time_ns()
    if wait > 0:
        time.sleep(wait / 1e9 + 0.01)


def entry(content: ContentDir) -> Path:
    return cache.entry_path(content.root)


def mark_entry(content: ContentDir) -> None:
    """Set the entry's mtime to OLD: still OLD after a load means the load did not rewrite it (a hit)."""
    os.utime(entry(content), ns=(OLD, OLD))


def was_hit(content: ContentDir) -> bool:
    return entry(content).stat().st_mtime_ns == OLD


def lenient(content: ContentDir):
    return load(content.root, lenient=True)


def same(a, b) -> None:
    """Two libraries alike in everything a build reads from one."""
    assert a == b
    assert (a.root, a.warnings, a.problems, a.unbuildable, a.origins, a.pictures) == (b.root, b.warnings, b.problems, b.unbuildable, b.origins, b.pictures)
    assert a.sources == b.sources
    assert {k: s.text for k, s in a.sources.items()} == {k: s.text for k, s in b.sources.items()}


def test_a_second_load_reads_the_stored_library(content):
    age(content.root)
    first = lenient(content)
    assert entry(content).is_file()
    assert entry(content).stat().st_mode & 0o777 == 0o600
    mark_entry(content)
    second = lenient(content)
    assert was_hit(content)
    same(second, first)
    assert second.exercises["glute-bridge"].name == "Glute bridge"


def test_an_edit_of_the_same_size_is_seen(content):
    age(content.root, 20)
    lenient(content)
    content.edit("exercises/glute-bridge.yaml", "name: Glute bridge", "name: Glute Bridge")
    age(content.root, 10)
    assert lenient(content).exercises["glute-bridge"].name == "Glute Bridge"


def test_an_edit_that_keeps_size_and_mtime_is_seen(content):
    # As `cp -p` or unpacking an archive does: the file changed, its mtime did not (its ctime did).
    age(content.root, 20)
    lenient(content)
    before = (content.root / "exercises/glute-bridge.yaml").stat().st_mtime_ns
    content.edit("exercises/glute-bridge.yaml", "name: Glute bridge", "name: Glute Bridge")
    os.utime(content.root / "exercises/glute-bridge.yaml", ns=(before, before))
    assert lenient(content).exercises["glute-bridge"].name == "Glute Bridge"


def test_an_edit_of_another_size_is_seen(content):
    age(content.root, 20)
    lenient(content)
    content.edit("exercises/glute-bridge.yaml", "name: Glute bridge", "name: Glute bridge on the floor")
    age(content.root, 10)
    assert lenient(content).exercises["glute-bridge"].name == "Glute bridge on the floor"


def test_a_new_a_deleted_and_a_renamed_file_are_seen(content):
    age(content.root, 30)
    lenient(content)
    content.write("exercises/band-walk-wide.yaml", BAND_WALK)
    age(content.root, 25)
    assert "band-walk-wide" in lenient(content).exercises
    (content.root / "exercises/band-walk-wide.yaml").unlink()
    age(content.root, 20)
    assert "band-walk-wide" not in lenient(content).exercises
    (content.root / "exercises/band-walk.yaml").rename(content.root / "exercises/band-walk-slow.yaml")
    age(content.root, 15)
    exercises = lenient(content).exercises
    assert "band-walk-slow" in exercises and "band-walk" not in exercises


def test_a_file_the_loader_refuses_is_part_of_the_key(content):
    # A *.YAML file is read (and refused by its name): adding one must be seen like any other file.
    age(content.root, 20)
    lenient(content)
    content.write("exercises/Band-Walk.YAML", BAND_WALK)
    age(content.root, 10)
    problems = [str(p) for p in lenient(content).problems]
    assert problems == ["content/exercises/Band-Walk.YAML: file names are ids in lower-case kebab-case (like 'glute-bridge.yaml'), found 'Band-Walk.YAML'"]


def test_a_broken_files_problems_are_still_warned_about_on_a_hit(content, tmp_path):
    content.edit("exercises/band-walk.yaml", "counted: steps", "counted: stepz")
    age(content.root)
    first = build(BuildOptions("basic", content=content.root, out=tmp_path / "a", only=("cards",)))
    mark_entry(content)
    second = build(BuildOptions("basic", content=content.root, out=tmp_path / "b", only=("cards",)))
    assert was_hit(content)
    assert second.warnings == first.warnings
    assert "content/exercises/band-walk.yaml has 1 problem (see 'cardgen check'); this plan does not use it" in second.warnings
    assert (tmp_path / "a/cards.pdf").read_bytes() == (tmp_path / "b/cards.pdf").read_bytes()


def test_check_reads_the_files_whatever_is_stored(content):
    content.edit("exercises/band-walk.yaml", "counted: steps", "counted: stepz")
    age(content.root)
    lenient(content)
    assert entry(content).is_file()
    with pytest.raises(ContentError) as info:
        load(content.root)  # `cardgen check`, `cardgen list`: strict, from the files
    assert [str(p) for p in info.value.problems] == ["content/exercises/band-walk.yaml:4: counted: expected one of 'reps', 'seconds' or 'steps', found 'stepz'"]


def test_only_a_lenient_load_reads_the_entry(content):
    # An entry rewritten by hand with another name under the same key: the build's lenient load takes
    # it (that is what a hit is), the strict load of `cardgen check` and `cardgen list` never looks.
    age(content.root)
    library = lenient(content)
    with open(entry(content), "rb") as f:
        assert f.read(len(cache._MAGIC)) == cache._MAGIC
        key = pickle.load(f)
    renamed = replace(library.exercises["glute-bridge"], name="Stored bridge")
    with open(entry(content), "wb") as f:
        f.write(cache._MAGIC)
        pickle.dump(key, f)
        pickle.dump(replace(library, exercises={**library.exercises, "glute-bridge": renamed}), f)
    assert lenient(content).exercises["glute-bridge"].name == "Stored bridge"
    assert load(content.root).exercises["glute-bridge"].name == "Glute bridge"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign", "empty"])
def test_a_damaged_entry_is_ignored_and_replaced(content, damage):
    age(content.root)
    first = lenient(content)
    data = entry(content).read_bytes()
    bad = {
        "garbage": b"\x00not a cache\xff" * 100,
        "truncated": data[: len(data) // 2],
        "foreign": cache._MAGIC + pickle.dumps(("someone", "else's")) + pickle.dumps({"a": 1}),
        "empty": b"",
    }[damage]
    entry(content).write_bytes(bad)
    same(lenient(content), first)
    assert entry(content).read_bytes() == data  # written again, whole
    mark_entry(content)
    lenient(content)
    assert was_hit(content)


def test_an_entry_others_may_write_is_not_read(content):
    age(content.root)
    first = lenient(content)
    entry(content).chmod(0o666)
    mark_entry(content)
    same(lenient(content), first)
    assert not was_hit(content)
    assert entry(content).stat().st_mode & 0o777 == 0o600  # replaced by a private one


def test_temporary_files_of_killed_builds_are_swept_when_an_entry_is_written(content):
    age(content.root)
    folder = cache.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stale, recent = folder / ".library-0123.pickle.99999.tmp", folder / ".library-4567.pickle.99998.tmp"
    for tmp in (stale, recent):
        tmp.write_bytes(b"half an entry")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    lenient(content)
    assert entry(content).is_file()
    assert not stale.exists()
    assert recent.exists()  # perhaps another build writing now
    recent.unlink()


@pytest.mark.parametrize("value", ["off", "0", "OFF"])
def test_cardgen_cache_off_writes_nothing(content, monkeypatch, value):
    monkeypatch.setenv("CARDGEN_CACHE", value)
    age(content.root)
    assert "band-walk" in lenient(content).exercises
    assert not entry(content).exists()


def test_cardgen_cache_off_does_not_read_either(content, monkeypatch):
    age(content.root)
    lenient(content)
    stored = entry(content).read_bytes()
    content.edit("exercises/glute-bridge.yaml", "name: Glute bridge", "name: Glute Bridge")
    os.utime(content.root / "exercises/glute-bridge.yaml", ns=(OLD, OLD))
    monkeypatch.setenv("CARDGEN_CACHE", "off")
    assert lenient(content).exercises["glute-bridge"].name == "Glute Bridge"
    assert entry(content).read_bytes() == stored


@pytest.mark.parametrize("how", ["a file in the way", "read-only"])
def test_a_cache_folder_that_cannot_be_written_does_not_fail_the_build(content, tmp_path, monkeypatch, how):
    home = tmp_path / "cache-home"
    home.mkdir()
    if how == "a file in the way":
        (home / "cardgen").write_text("not a folder")
    else:
        (home / "cardgen").mkdir()
        (home / "cardgen").chmod(0o500)  # root may write anyway: then the build must still be right
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    age(content.root)
    try:
        result = build(BuildOptions("basic", content=content.root, out=tmp_path / "out", only=("cards",)))
        again = lenient(content)
    finally:
        if how == "read-only":
            (home / "cardgen").chmod(0o700)
    assert [f.name for f in result.files] == ["cards.pdf"]
    assert "band-walk" in again.exercises
    assert not list(home.glob("cardgen/.*.tmp"))  # no temporary file left behind


def test_two_workspaces_do_not_share_an_entry(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one, two = ContentDir(tmp_path / "one"), ContentDir(tmp_path / "two")
    two.edit("exercises/glute-bridge.yaml", "name: Glute bridge", "name: Hip thrust")
    age(tmp_path)
    assert cache.entry_path(one.root) != cache.entry_path(two.root)
    for _ in range(2):
        assert load(one.root, lenient=True).exercises["glute-bridge"].name == "Glute bridge"
        assert load(two.root, lenient=True).exercises["glute-bridge"].name == "Hip thrust"
    assert cache.entry_path(one.root).is_file() and cache.entry_path(two.root).is_file()


def test_the_working_folder_is_part_of_the_key(content, tmp_path, monkeypatch):
    # Messages name files relative to where the user is.
    content.edit("exercises/band-walk.yaml", "counted: steps", "counted: stepz")
    age(content.root)
    assert lenient(content).problems[0].file == "content/exercises/band-walk.yaml"
    monkeypatch.chdir(content.root)
    assert lenient(content).problems[0].file == "exercises/band-walk.yaml"


def test_a_just_modified_file_is_not_stored(content):
    lenient(content)  # the fixture's files were written a moment ago
    assert not entry(content).exists()
    age(content.root)
    lenient(content)
    assert entry(content).exists()


def test_a_changed_picture_is_seen(content):
    from PIL import Image

    (content.root / "images").mkdir()
    Image.new("RGB", (4, 4)).save(content.root / "images" / "band-walk.png")
    content.edit("exercises/band-walk.yaml", "dose: 3 x 10 steps\n", "dose: 3 x 10 steps\nimage: images/band-walk.png\n")
    age(content.root)
    assert lenient(content).problems == ()
    (content.root / "images" / "band-walk.png").write_bytes(b"not a picture")
    age(content.root, 5)
    assert [p.field for p in lenient(content).problems] == ["image"]
    (content.root / "images" / "band-walk.png").unlink()
    problems = [str(p) for p in lenient(content).problems]
    assert problems == ["content/exercises/band-walk.yaml:14: image: image file not found: content/images/band-walk.png"]


# ---------------------------------------------------------------- whole builds, in subprocesses

LOADER = ("yaml", "pydantic", "cardgen.content.yamlsource", "cardgen.content.schema", "cardgen.content.load")


def _cli_build(cwd: Path, out: str, cache_off: bool = False) -> tuple[dict[str, bytes], str, set[str]]:
    """`cardgen build` of the shipped 8-week-half over a workspace with a broken file: the PDFs,
    what it printed on stderr, and the modules it imported (from -X importtime, which reports an
    import as it happens, however the process ends)."""
    env = {**os.environ, "CARDGEN_CACHE": "off"} if cache_off else dict(os.environ)
    cmd = [sys.executable, "-X", "importtime", "-m", "cardgen", "build", "--plan", "8-week-half", "--content", "content", "--out", out]
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=True)
    said = [line for line in done.stderr.splitlines() if not line.startswith("import time:")]
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return {f.name: f.read_bytes() for f in sorted((cwd / out).glob("*.pdf"))}, "\n".join(said), imported


@pytest.fixture(scope="module")
def three_builds(tmp_path_factory):
    """The same build three times: without the cache, then twice with it (the first stores, the second reads)."""
    ws = tmp_path_factory.mktemp("ws")
    content = ContentDir(ws / "content")
    content.edit("exercises/band-walk.yaml", "counted: steps", "counted: stepz")  # warned about, not used by the plan
    age(ws)
    return [_cli_build(ws, "off", cache_off=True), _cli_build(ws, "first"), _cli_build(ws, "second")]


def test_the_pdfs_and_warnings_are_the_same_with_and_without_the_cache(three_builds):
    (off, off_said, _), (first, first_said, _), (second, second_said, _) = three_builds
    assert sorted(off) == ["booklet-print.pdf", "booklet.pdf", "cards.pdf", "poster.pdf"]
    assert second == off and first == off
    assert "warning: content/exercises/band-walk.yaml has 1 problem (see 'cardgen check'); this plan does not use it" in off_said
    assert second_said == first_said == off_said


def test_a_build_that_reads_the_cache_imports_no_yaml_schema_or_loader(three_builds):
    (_, _, off), (_, _, first), (_, _, second) = three_builds
    assert {"yaml", "cardgen.content.yamlsource", "cardgen.content.load"} <= off
    assert {"yaml", "cardgen.content.yamlsource", "cardgen.content.load"} <= first
    assert not {m for m in second if m.startswith(LOADER)}


def test_a_batch_reads_the_cache_and_sees_an_edit(tmp_path, monkeypatch):
    # `cardgen batch` loads once in the calling process (and once per worker): from the cache too.
    from cardgen.batch import build_clients
    from cardgen.coach import load_coach
    from cardgen.roster import read_roster
    from cardgen.workspace import init_workspace

    ws = tmp_path / "ws"
    init_workspace(ws)
    monkeypatch.chdir(ws)
    age(ws)
    clients = read_roster(Path("roster.csv"))

    def statuses() -> dict[str, str]:
        return {r.client.name: r.status for r in build_clients(clients, load_coach(ws), None, Path("output"), 1, only=("cards",))}

    assert set(statuses().values()) == {"built"}
    os.utime(cache.entry_path(ws), ns=(OLD, OLD))
    assert set(statuses().values()) == {"skipped"}
    assert cache.entry_path(ws).stat().st_mtime_ns == OLD  # read, not written again
    exercise = ws / "exercises/single-leg-balance.yaml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("Hips level", "Hips square"), encoding="utf-8")
    age(ws / "exercises", 5)
    uses_it = {c.name for c in clients if c.plan == "my-first-plan"}
    assert uses_it and len(uses_it) < len(clients)
    assert {name for name, status in statuses().items() if status == "built"} == uses_it
