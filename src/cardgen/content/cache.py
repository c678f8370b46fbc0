"""The loaded content library kept on disk between builds, as Python keeps compiled modules.

Every build reads and validates the whole library (a build warns of unrelated broken files too), and
when no file changed since the last build the result is the same: the build then unpickles the
Library it stored, without importing YAML, the schema or the loader. An entry holds its key: the
stat (size, mtime, ctime, inode) of every file the loader looked at (each content file its own
discovery finds in each layer, and the pictures the exercises name), of cardgen's own code (its
version is in cardgen/__init__.py) and fonts, and of the libraries that read the files; the folders,
the working folder (messages name files relative to it) and the Python version. Any difference is a
miss: the files are read again and the entry replaced. As git does with its index, no entry is
written while a file it depends on is younger than its file system's timestamps can tell apart.

The cache never fails a build: an entry that cannot be read, or written, is as good as none.
`cardgen check` never uses it (see pipeline.load).
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from cardgen.content.library import KINDS, Library, content_layers, content_names
from cardgen.resources import shipped

ENV = "CARDGEN_CACHE"  # "off" or "0": no cache
_OFF = ("off", "0", "no", "false")
_MAGIC = b"cardgen content cache 1\n"  # a foreign or older file is a miss before it is unpickled
_PROTOCOL = 5
# A file modified this recently may be modified again within the same timestamp tick (2 s on FAT,
# ~4 ms on ext4), which the key could not see: such an entry is not written (git's "racy" files).
RACY_NS = 2_000_000_000
# Libraries whose reading of the files is in the library: an upgrade is a new key.
_READERS = ("yaml", "pydantic", "pydantic_core", "PIL")
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

Stat = tuple[int, int, int, int, int] | None


def enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() not in _OFF


def cache_dir() -> Path:
    """Where the entries are: the user's cache folder (XDG on Unix, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "cardgen" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"  # the spec ignores a relative one
    return base / "cardgen"


def entry_path(folder: Path) -> Path:
    """One entry per content folder, named by its resolved path: a second workspace is another file."""
    import zlib  # not hashlib, whose OpenSSL costs ~20 ms to import; a clash of names is only a miss

    where = os.fsencode(Path(folder).resolve())
    return cache_dir() / f"library-{zlib.crc32(where):08x}{zlib.adler32(where):08x}.pickle"


def cached(folder: Path, read: Callable[[], Library]) -> Library:
    """The library of `folder` from its entry when nothing it depends on changed, else `read()`,
    stored for the next build."""
    if not enabled():
        return read()
    try:
        path, (key, newest) = entry_path(folder), _key(folder)
    except (OSError, RuntimeError):  # no home folder, a folder that cannot be listed: the loader says why
        return read()
    found = _fetch(path, key)
    if found is not None:
        return found
    library = read()
    pictures = _pictures(library)
    newest = max([newest, *(s[2] for _, _, s in pictures if s)])
    if newest <= time.time_ns() - RACY_NS:
        _store(path, (key, pictures), library)
    # else the next build reads the files again, and stores them when they have settled
    return library


def _stat(path: str | os.PathLike[str]) -> Stat:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _key(folder: Path) -> tuple[tuple, int]:
    """Everything the library of `folder` depends on, except the pictures (known once it is read),
    and the newest modification time among the files."""
    layers = content_layers(folder)
    fonts = str(shipped("fonts"))
    join = os.path.join
    files = [
        *(join(layer, kind, name) for layer in layers for kind in KINDS for name in content_names(join(layer, kind))),
        *_code(),
        *(join(fonts, name) for name in (sorted(os.listdir(fonts)) if os.path.isdir(fonts) else ())),
        *(origin for origin in _readers() if origin),
    ]
    stats = tuple((file, _stat(file)) for file in files)
    newest = max((s[2] for _, s in stats if s), default=0)
    return (sys.version, _PROTOCOL, os.getcwd(), str(folder), tuple(str(layer.resolve()) for layer in layers), stats), newest


def _code() -> Iterator[str]:
    """cardgen's own modules: editing one in a checkout is a new key."""
    todo = [_PACKAGE]
    while todo:
        folder = todo.pop()
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_dir() and entry.name not in ("__pycache__", "_shipped"):
                todo.append(entry.path)
            elif entry.name.endswith(".py"):
                yield entry.path


def _readers() -> Iterator[str | None]:
    from importlib.util import find_spec

    for name in _READERS:
        try:
            spec = find_spec(name)  # found on the path, not imported
        except (ImportError, ValueError):
            spec = None
        yield spec.origin if spec else None


def _pictures(library: Library) -> tuple:
    return tuple((str(p), os.path.realpath(p), _stat(p)) for p in library.pictures)


def _fetch(path: Path, key: tuple) -> Library | None:
    try:
        with open(path, "rb") as f:
            if not _private(os.fstat(f.fileno())) or f.read(len(_MAGIC)) != _MAGIC:
                return None
            stored_key, pictures = pickle.load(f)
            if stored_key != key:
                return None
            library = pickle.load(f)
        if not isinstance(library, Library) or _pictures(library) != pictures:
            return None
        return library
    except Exception:  # noqa: BLE001 - truncated, corrupt, foreign, unreadable: read the files instead
        return None


def _private(st: os.stat_result) -> bool:
    """Unpickling runs what the file says: only an entry of this user's that nobody else may change is read."""
    if not hasattr(os, "getuid"):  # Windows: the folder under LOCALAPPDATA is the user's own
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _store(path: Path, entry: tuple, library: Library) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _sweep(path.parent)
        # Private from the start: created 0600, filled, then put in place in one step.
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(tmp, flags, 0o600), "wb") as f:
            f.write(_MAGIC)
            pickle.dump(entry, f, _PROTOCOL)
            pickle.dump(library, f, _PROTOCOL)
        os.replace(tmp, path)
    except BaseException as exc:  # a read-only or full disk, a library that cannot be pickled: no entry
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, Exception):
            raise  # Ctrl-C still stops the build, without leaving the temporary file


def _sweep(folder: Path) -> None:
    """Temporary files left by builds that were killed while writing an entry (an hour old: not another build's)."""
    old = time.time() - 3600
    for item in os.scandir(folder):
        if item.name.startswith(".library-") and item.name.endswith(".tmp") and item.stat(follow_symlinks=False).st_mtime < old:
            os.unlink(item.path)
