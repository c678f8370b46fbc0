"""The only place that writes files: whole PDFs or nothing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from cardgen.errors import OutputError


def prepare_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK):
        raise OutputError(f"cannot write to the output folder {folder}: permission denied")


def write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file to a temporary name beside its place, then rename them all.

    A reader never sees half a PDF, and a failure (a full disk, a folder in the way) leaves the
    previous build's files as they were rather than a mix of old and new.
    """
    staged: list[tuple[str, Path]] = []
    current = folder
    try:
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
    except OSError as exc:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise OutputError(f"cannot write {current}: {exc.strerror or exc}") from None
    return [path for _, path in staged]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
