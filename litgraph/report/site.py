"""The last stage of the report: render every page and write the site atomically.

`render_site` is pure (data in, {relative path: text} out); `write_site` writes the files
to a fresh folder next to the target and swaps it in, so a reader sees the old site or the
new one, never half of one. It only ever replaces a folder that holds a litgraph report
(marked by `.litgraph-report`), so `--out` pointed at the wrong folder deletes nothing, and
never a symbolic link or a path under a file (one line, exit 2, nothing written). Writes to
one folder take turns (a lock on its parent folder), and each first removes the staging and
retired folders (`.<name>.*.tmp`, `.<name>.*.old`) that a killed run left next to it.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import InputError
from .data import ReportData, work_files
from .evidencemap import domain_grid, outcome_grid
from .fragments import Context
from .mapfilter import map_data_script
from .network import network_svg
from .pages_changes import changes_page
from .pages_map import equivocal_page, map_page
from .pages_topics import domain_pages, factor_pages, outcome_pages
from .pages_works import network_page, overview, work_page, works_index
from .refs import formatted_references
from .search import search_index, search_page

MARKER = ".litgraph-report"
ASSETS = ("style.css", "search.js", "mapfilter.js")


@dataclass(frozen=True, slots=True)
class SiteSummary:
    out: Path
    pages: int
    files: int

    def as_dict(self) -> dict[str, object]:
        return {"out": str(self.out), "pages": self.pages, "files": self.files,
                "index": str(self.out / "index.html")}


def render_site(data: ReportData, style: str, progress: Callable[[str], None] = lambda _: None) -> dict[str, str]:
    """Every file of the site, by path relative to its root."""
    progress(f"formatting {len(data.works)} references ({style})")
    findings = list(data.findings)
    ctx = Context(data, formatted_references(data.works, style), work_files(data.works), style,
                  domain_grid(findings, data.concepts), outcome_grid(findings, data.concepts))
    progress("writing pages")
    svg = network_svg(data.seeds, data.citations, data.works, lambda w: f"work/{ctx.work_files[w]}")
    files = {"index.html": overview(ctx), "map.html": map_page(ctx), "equivocal.html": equivocal_page(ctx),
             "works.html": works_index(ctx), "search.html": search_page(ctx), "changes.html": changes_page(ctx),
             "network.html": network_page(ctx, svg), "network.svg": '<?xml version="1.0" encoding="UTF-8"?>\n' + svg,
             "assets/search-index.js": search_index(ctx), "assets/map-data.js": map_data_script(ctx)}
    files |= factor_pages(ctx) | domain_pages(ctx) | outcome_pages(ctx)
    files |= {f"work/{name}": work_page(ctx, iri) for iri, name in ctx.work_files.items()}
    folder = resources.files("litgraph.report") / "assets"
    files |= {f"assets/{name}": (folder / name).read_text(encoding="utf-8") for name in ASSETS}
    return files


def check_target(out: Path) -> None:
    """Refuse to replace anything but a litgraph report (or an empty folder), a link, or a path under a file."""
    out = Path(out).absolute()
    if out.is_symlink():
        raise InputError(f"{out} is a symbolic link; give the folder it points to, or another path")
    blocking = next((p for p in out.parents if p.exists() or p.is_symlink()), None)
    if blocking is not None and not blocking.is_dir():
        raise InputError(f"{out} cannot be written: {blocking} is a file, not a folder")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise InputError(f"{out} is not empty and holds no litgraph report ({MARKER}); "
                         "choose a new or empty folder, or remove it first")


def write_site(files: dict[str, str], out: str | Path) -> SiteSummary:
    """Write `files` into a fresh sibling folder of `out`, then swap it into place."""
    out = Path(out).absolute()
    check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with parent_lock(out.parent):
        remove_leftovers(out)
        stage_and_swap(files, out)
    pages = sum(1 for name in files if name.endswith(".html"))
    return SiteSummary(out, pages, len(files))


@contextmanager
def parent_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder` itself (no lock file to leave behind), held while the site is swapped."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def leftovers(out: Path) -> list[Path]:
    """Staging (.tmp) and retired (.old) folders of earlier runs for `out`, as mkdtemp names them."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.[A-Za-z0-9_]{{8}}\.(tmp|old)")
    return [p for p in out.parent.iterdir() if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]


def remove_leftovers(out: Path) -> None:
    """Only called under the lock: no other run's staging folder can be in progress."""
    for folder in leftovers(out):
        shutil.rmtree(folder, ignore_errors=True)


def stage_and_swap(files: dict[str, str], out: Path) -> None:
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        os.chmod(staged, 0o755)
        for relative, text in sorted(files.items()):
            path = staged / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (staged / MARKER).write_text("A site written by `litgraph report`; it replaces this folder whole.\n",
                                     encoding="utf-8")
        swap_in(staged, out)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def swap_in(staged: Path, out: Path) -> None:
    if not out.exists():
        os.replace(staged, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    os.replace(out, retired)      # an empty directory may be replaced by one (POSIX rename)
    os.replace(staged, out)
    shutil.rmtree(retired)        # the previous report, which `check_target` found marked as ours
