"""The only place that writes files: whole PDFs or nothing."""

from __future__ import annotations

import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
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
