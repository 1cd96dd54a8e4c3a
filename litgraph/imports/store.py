"""The store step: an imported file joins the corpus verbatim, named by its format.

- a library: `corpus/libraries/<name><ext>` (ext from read.EXTENSIONS);
- a paper's reference list (`--as references --paper DOI`):
  `corpus/imported-references/<name><ext>` and beside it `<name>.yaml`, which
  names the paper, the format, the source file and when it was imported.

Nothing is half-written: every file goes through litgraph/atomic.py, and a
name already taken (by any format: library ids come from the name) is refused
unless `replace`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError
from .read import EXTENSIONS

REFERENCES_DIR = "imported-references"


@dataclass(frozen=True, slots=True)
class Placement:
    target: Path
    sidecar: Path | None = None
    sidecar_text: str = ""


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "library"


def place(corpus: Path, name: str, fmt: str, paper_doi: str | None = None) -> Placement:
    """Where the file goes, and for a reference list the record naming its paper."""
    if paper_doi is None:
        return Placement(corpus / "libraries" / f"{name}{EXTENSIONS[fmt]}")
    folder = corpus / REFERENCES_DIR
    when = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    text = f"paper: {paper_doi!r}\nformat: {fmt}\nfile: {name}{EXTENSIONS[fmt]}\nimported: {when!r}\n"
    return Placement(folder / f"{name}{EXTENSIONS[fmt]}", folder / f"{name}.yaml", text)


def check_free(placement: Placement, data: bytes, replace: bool) -> None:
    """Refuse a name already used by another file of the same folder (whatever its format)."""
    target = placement.target
    if replace or not target.parent.is_dir():
        return
    taken = same_name(target)
    if any(p != target or p.read_bytes() != data for p in taken):
        raise InputError(f"{taken[0]} already exists: choose another --name or pass --replace")


def store(placement: Placement, data: bytes) -> None:
    """Write the file byte for byte, then its sidecar (each atomically)."""
    from ..atomic import write_bytes_atomic, write_text_atomic

    write_bytes_atomic(placement.target, data)
    if placement.sidecar is not None:
        write_text_atomic(placement.sidecar, placement.sidecar_text)
    for other in same_name(placement.target):
        if other != placement.target:    # --replace with another format: one file per name
            other.unlink()


def same_name(target: Path) -> list[Path]:
    stem = target.name[: -len(target.suffix)]
    return [p for p in target.parent.iterdir() if p.suffix in EXTENSIONS.values() and p.stem == stem]
