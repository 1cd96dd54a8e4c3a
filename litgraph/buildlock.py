"""One build at a time per build folder: an exclusive `flock` on `<build>/.lock`.

Two builds writing one folder at once corrupted the store (issue 11). The lock is
taken for the whole build: reading the id lock and citation keys, writing the
graph, writing `corpus/work-ids.tsv` and `corpus/citation-keys.tsv`, and publishing.
The kernel drops a `flock` when its holder dies, even by kill -9, so a killed build
never leaves the folder locked. The lock file itself is never deleted: a build
that deleted it could lock a fresh file while another still holds the old one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

LOCK_NAME = ".lock"


class BuildBusyError(InputError):
    """Another build holds the build folder's lock and the caller asked not to wait (exit 2)."""


@contextmanager
def build_lock(build_dir: str | os.PathLike[str], wait: bool = True,
               on_wait: Callable[[str], None] = lambda _: None) -> Iterator[Path]:
    """Hold the exclusive lock of `build_dir` (created if missing) for the `with` block.

    Args:
        build_dir: The build folder to lock.
        wait: Wait for another build to finish (telling `on_wait` once), or fail at once.
        on_wait: Called with one line when the lock is busy and we wait for it.

    Raises:
        BuildBusyError: The lock is busy and `wait` is false.
    """
    folder = Path(build_dir)
    fd = open_lock_file(folder)
    try:
        acquire(fd, folder, wait, on_wait)
        record_holder(fd)
        yield folder
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def open_lock_file(folder: Path) -> int:
    """The lock file's descriptor (folder and file made if missing); an unwritable folder is bad input."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise InputError(f"{folder}: cannot write to the build folder: {exc.strerror or exc}") from exc


def acquire(fd: int, folder: Path, wait: bool, on_wait: Callable[[str], None]) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        holder = lock_holder(fd)
    if not wait:
        raise BuildBusyError(f"{folder}: another build{holder} is writing this build folder "
                             "(its lock is held); try again when it has finished")
    on_wait(f"waiting for another build{holder} of {folder} to finish")
    fcntl.flock(fd, fcntl.LOCK_EX)


def record_holder(fd: int) -> None:
    """Write our pid into the lock file, for the message a waiting build prints."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)


def lock_holder(fd: int) -> str:
    """' (pid N)' for the build holding the lock, or '' when the file does not say."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return f" (pid {text})" if text.isdigit() else ""
