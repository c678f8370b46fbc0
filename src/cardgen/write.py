"""The only place that writes files: whole PDFs, or a whole folder of them, or nothing."""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from cardgen.errors import OutputError

# The names write_all stages under: ".booklet.pdf.k3j_x9a2.part" (mkstemp's eight random characters).
# Only files of exactly this shape are ever removed as leftovers; nothing else in the folder is touched.
_PART = re.compile(r"\.[^/]+\.pdf\.[a-z0-9_]{8}\.part")


def prepare_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK):
        raise OutputError(f"cannot write to the output folder {folder}: permission denied")


def write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file to a temporary name beside its place, then rename them all.

    A reader never sees half a PDF, and a failure (a full disk, a folder in the way, Ctrl-C, SIGTERM)
    leaves the previous build's files as they were rather than a mix of old and new, and no
    temporary file behind. Leftovers of a process that was killed outright are removed here, by the
    next build into the same folder.
    """
    remove_leftovers(folder)
    staged: list[tuple[str, Path]] = []
    current = folder
    try:
        with _sigterm_as_exit():
            for name, data in files.items():
                current = folder / name
                if current.is_dir():
                    raise IsADirectoryError(21, "a folder is in the way")
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
                staged.append((tmp, current))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a PDF is a normal file
            for tmp, path in staged:
                current = path
                os.replace(tmp, path)
    except BaseException as exc:
        # Any way out (an OSError, KeyboardInterrupt, SystemExit from SIGTERM) takes the staged files with it.
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {current}: {exc.strerror or exc}") from None
        raise
    return [path for _, path in staged]


# The folders replace_folder stages in (".zoe-muller.k3j_x9a2.tmp") or moves the previous folder to
# (".zoe-muller.0f3a9c1e.old"): only these are ever removed as a killed run's leftovers.
_STAGED = re.compile(r"\.[^/]+\.[a-z0-9_]{8}\.(tmp|old)")


def replace_folder(folder: Path, files: Mapping[str, bytes], keep: Callable[[str], bool] = lambda name: False) -> list[Path]:
    """Make `folder` hold `files`, whole: they are staged in a folder beside it, which then takes its
    place by two renames, so a reader sees the previous folder or the new one, never a mix, and a
    failure (a full disk, Ctrl-C) leaves the previous one as it was. Entries of the previous folder
    that `keep` names are carried over (hard-linked where the file system can)."""
    parent = folder.parent
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write to {parent}: {exc.strerror or exc}") from None
    old: Path | None = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; this is a normal folder
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        if folder.is_dir():
            for entry in os.scandir(folder):
                if keep(entry.name) and entry.name not in files:
                    _carry(Path(entry.path), tmp / entry.name)
            import secrets  # here: batch's client folders come this way; a build's files go through write_all

            old = parent / f".{folder.name}.{secrets.token_hex(4)}.old"
            os.rename(folder, old)
        os.rename(tmp, folder)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not folder.exists():
            os.rename(old, folder)  # put the previous folder back
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {folder}: {exc.strerror or exc}") from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [folder / name for name in files]


def _carry(src: Path, dst: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dst, copy_function=_link_or_copy)
    else:
        _link_or_copy(str(src), str(dst))


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def remove_staged_folders(parent: Path) -> None:
    """Remove the staging folders replace_folder left in `parent` when its process was killed."""
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        if _STAGED.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


def remove_leftovers(folder: Path) -> None:
    """Remove the hidden `.NAME.pdf.XXXXXXXX.part` files an earlier, killed build left in `folder`."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # nothing to tidy; writing will report a folder it cannot use
    for entry in entries:
        if _PART.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except OSError:
                pass  # gone already, or not ours to remove: never a reason to fail a build


@contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM into SystemExit while files are staged, so the cleanup above runs.

    Python's default for SIGTERM ends the process without unwinding; signal handlers can only be set
    from the main thread, so elsewhere this does nothing and the next build tidies up instead.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        # None: a handler set outside Python, which cannot be put back; the default is the nearest
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
