"""The import command's pipeline over files: read all (refusing bad ones), then store each and report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, LitgraphError
from .read import decode_text, read_text
from .records import ImportResult
from .store import check_free, place, slug, store

Echo = Callable[..., None]


@dataclass(frozen=True, slots=True)
class Loaded:
    path: Path
    data: bytes
    found: ImportResult


def load(source: str, fmt: str | None) -> Loaded:
    """One file read and checked: missing, unreadable, not UTF-8, not the format, or empty -> exit 2."""
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc}") from exc
    found = read_text(decode_text(data, source), source, fmt)
    if found.read == 0:
        raise InputError(f"{source}: no entries found in it as {found.format}")
    return Loaded(path, data, found)


def import_files(sources, corpus: Path, fmt: str | None, paper_doi: str | None, name: str | None,
                 replace: bool, echo: Echo) -> int:
    """Import every file (all are read before any is written); return how many entries failed."""
    loaded = [load(s, fmt) for s in sources]
    owner = corpus_paper(corpus, paper_doi) if paper_doi else None
    placements = [place(corpus, slug(name or item.path.stem), item.found.format, owner) for item in loaded]
    for item, placement in zip(loaded, placements):
        check_free(placement, item.data, replace)
    failed = 0
    for item, placement in zip(loaded, placements):
        store(placement, item.data)
        failed += report(item, placement.target, member_keys(placement.target, item.found, owner), corpus, echo)
    return failed


def member_keys(target: Path, found: ImportResult, owner: str | None) -> set[str]:
    """The identity keys the build gives this file's entries."""
    if owner:
        return {f"{owner}#references/{r.index}" for r in found.records}
    return {f"library:{target.name[: -len(target.suffix)]}#library/{r.index}" for r in found.records}


def report(item: Loaded, target: Path, keys: set[str], corpus: Path, echo: Echo) -> int:
    found = item.found
    for failure in found.failures:
        echo(failure_line(str(item.path), found.format, failure), err=True)
    echo(f"imported {len(found.records)} entries from {item.path} ({found.format}): {found.read} read, "
         f"{len(found.failures)} failed; {merges(corpus, keys)}; stored as {target}; "
         "run `litgraph build` to merge them into the graph")
    return len(found.failures)


def failure_line(path: str, fmt: str, failure) -> str:
    """One stderr line per failed entry: file, line and (but for BibTeX, whose line is the entry's) index."""
    if fmt == "bibtex":
        return f"{path}:{failure.line}: skipped: {failure.message}"
    return f"{path}:{failure.line}: entry {failure.index}: skipped: {failure.message}"


def merges(corpus: Path, keys: set[str]) -> str:
    from .summary import merge_counts

    try:
        return merge_counts(corpus, keys).describe()
    except LitgraphError as exc:
        return f"merges not counted ({exc}); run `litgraph build`"


def corpus_paper(corpus: Path, doi: str) -> str:
    """The corpus paper `doi` names (as the corpus spells its DOI); refused when absent or with a list already."""
    from ..corpus import load_corpus

    loaded = load_corpus(corpus)
    paper = next((p for p in loaded.papers if p.doi.lower() == doi.lower().strip()), None)
    if paper is None:
        raise InputError(f"--paper {doi}: no paper with that DOI in {corpus}/papers")
    if any(e.paper_doi == paper.doi and e.list == "references" for e in loaded.entries):
        raise InputError(f"--paper {doi}: that paper already has a reference list")
    return paper.doi
