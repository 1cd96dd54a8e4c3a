"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        handle.write(data)


def write_lines_atomic(path: str | os.PathLike[str], lines: Iterable[str]) -> None:
    """Write UTF-8 `lines` (each with its own line end) atomically, without joining them first."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.writelines(lines)


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `path` to write to; on success it replaces `path`, else it is removed.

    The temporary file is synced and given the target's mode (`file_mode`) before the rename,
    so a reader sees the old file or the whole new one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fchmod(handle.fileno(), file_mode(target))
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def file_mode(target: Path) -> int:
    """The mode a rewritten file keeps, or a new file's usual one (0o666 less the umask).

    mkstemp creates its file 0o600: without this every written file (the work-id lock,
    the report a web server serves) would become readable by its owner only.
    """
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def switch_symlink(link: Path, target: str) -> None:
    """Point `link` at `target` in one step: a new symlink beside it, renamed over it.

    rename(2) replaces the old link (or a plain file) atomically, so a reader
    resolving `link` finds the old target or the new one, never nothing.
    """
    tmp = link.with_name(f".{link.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(link.parent)


def fsync_directory(folder: Path) -> None:
    """Flush a folder's entries (renames, new names) to disk."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
