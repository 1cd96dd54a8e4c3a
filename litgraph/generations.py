"""Build generations: the graph files and the store of one build move together.

Layout of a build folder::

    build/
      .lock                                held by the running build (buildlock.py)
      .generations/<unique>/               one whole build: litgraph.nt, litgraph.ttl, store/
      current -> .generations/<unique>     the live generation
      litgraph.nt  -> current/litgraph.nt  fixed links, so readers keep opening
      litgraph.ttl -> current/litgraph.ttl build/litgraph.nt and build/store as before
      store        -> current/store

A build writes a fresh generation folder, then publishes it with one atomic
`os.replace` of a new `current` symlink: a reader that resolves `current` sees the
old files and store or the new ones, never a mix, however the build ended
(an error, SIGINT, SIGTERM, kill -9). Afterwards the previous generation is
deleted. On the next start, under the build lock, anything a killed run left is
removed (`remove_leftovers`), and a folder of the old layout (real files, and
perhaps `store.old` from a swap cut short) is adopted as a generation (`adopt_old_layout`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .atomic import fsync_directory, switch_symlink

OUTPUTS = ("litgraph.nt", "litgraph.ttl", "store")
GENERATIONS = ".generations"
CURRENT = "current"
RETIRED = ("store.new", "store.old")
PARSE_CACHE = "parse-cache.json"  # parsecache.CACHE_FILE: kept across builds; only a killed write's temporary goes


@contextmanager
def staged_generation(build_dir: Path) -> Iterator[Path]:
    """A fresh generation folder to write into: published when the block succeeds, removed if not.

    Call with the build lock held (`buildlock.build_lock`).
    """
    generation = new_generation(build_dir)
    try:
        yield generation
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    publish(build_dir, generation)


def new_generation(build_dir: Path, label: str = "build") -> Path:
    """An empty, uniquely named folder under build/.generations/."""
    root = build_dir / GENERATIONS
    root.mkdir(parents=True, exist_ok=True)
    generation = Path(tempfile.mkdtemp(prefix=f"{label}-{os.getpid()}-", dir=root))
    generation.chmod(build_dir.stat().st_mode & 0o7777)  # not mkdtemp's 0o700: others may read builds
    return generation


def publish(build_dir: Path, generation: Path) -> None:
    """Make `generation` the live one with one atomic switch of `current`, then drop the old one."""
    previous = live_generation(build_dir)
    fsync_directory(generation)
    switch_symlink(build_dir / CURRENT, os.path.relpath(generation, build_dir))
    link_outputs(build_dir)
    if previous is not None and previous != generation.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def live_generation(build_dir: Path) -> Path | None:
    """The generation folder `current` points to, or None when there is none."""
    current = build_dir / CURRENT
    if not current.is_symlink():
        return None
    target = current.resolve()
    return target if target.is_dir() else None


def link_outputs(build_dir: Path) -> None:
    """Make build/litgraph.nt, litgraph.ttl and store the fixed links through `current/`.

    A real file of the old layout is replaced atomically by its link; a real store
    folder must have been moved away first (`adopt_old_layout`).
    """
    for name in OUTPUTS:
        path, target = build_dir / name, f"{CURRENT}/{name}"
        if not (path.is_symlink() and os.readlink(path) == target):
            switch_symlink(path, target)


def prepare_build_dir(build_dir: Path) -> None:
    """Adopt an old-layout folder, then remove what killed runs left. Call under the build lock."""
    adopt_old_layout(build_dir)
    remove_leftovers(build_dir)
    if live_generation(build_dir) is not None:
        link_outputs(build_dir)


def adopt_old_layout(build_dir: Path) -> None:
    """Move the real litgraph.nt, litgraph.ttl and store/ of an older litgraph into a generation.

    Files are hard-linked into the generation, so they never disappear from the
    build folder; only the store folder is missing for the instant between its
    rename and its link. A store left as `store.old` by a swap that was cut short
    is taken back as the store.
    """
    retired = build_dir / "store.old"
    if retired.is_dir() and not os.path.lexists(build_dir / "store"):
        os.replace(retired, build_dir / "store")
    real = [name for name in OUTPUTS if os.path.lexists(build_dir / name) and not (build_dir / name).is_symlink()]
    if not real:
        return
    generation = new_generation(build_dir, "adopted")
    for name in real:
        (os.rename if name == "store" else os.link)(build_dir / name, generation / name)
    publish(build_dir, generation)


def remove_leftovers(build_dir: Path) -> None:
    """Delete generations `current` does not point to, store.new/store.old, and stale temporaries."""
    live = live_generation(build_dir)
    root = build_dir / GENERATIONS
    for generation in sorted(root.iterdir()) if root.is_dir() else ():
        if generation.resolve() != live:
            remove_path(generation)
    for name in RETIRED:
        remove_path(build_dir / name)
    for name in (*OUTPUTS, CURRENT, PARSE_CACHE):
        for tmp in build_dir.glob(f".{name}.*.tmp"):
            remove_path(tmp)


def remove_path(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        path.unlink()
