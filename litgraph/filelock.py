"""An exclusive lock held through a lock file, for writers of one folder (Crossref, OpenCitations, findings).

    with exclusive_lock(corpus / "crossref" / ".lock"):
        ...   # re-read, apply this run's entries, write atomically

A second process waits until the first releases it; the lock goes with the process, so a
killed writer never leaves a folder locked. (Builds use `buildlock.py`, which also says who holds it.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive_lock(path: str | Path) -> Iterator[None]:
    """Hold `fcntl.flock(LOCK_EX)` on `path` (created, with its folder, if missing) for the `with` block."""
    import fcntl

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
