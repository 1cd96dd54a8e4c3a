"""Read the corpus folder: seed-paper records, printed lists and curator files.

The layout is documented in corpus/README.md. Every problem is raised as a
CorpusError naming the file and, where there is one, the line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .lines import read_lines
from .model import ListName, Paper
from .paper_record import OPTIONAL_KEYS, PAPER_KEYS, WORK_TYPES, paper_from_record
from .yamlread import line_of, read_yaml_strict, read_yaml_with_lines

__all__ = ["OPTIONAL_KEYS", "PAPER_KEYS", "WORK_TYPES", "Corpus", "RawEntry", "load_corpus", "paper_from_record",
           "read_list", "read_record", "read_yaml", "resolve_list_path"]
POSITION = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One printed line of a list, before parsing."""

    paper_doi: str
    list: ListName
    position: int
    raw: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Corpus:
    root: Path
    papers: tuple[Paper, ...]
    entries: tuple[RawEntry, ...]
    files: tuple[str, ...]
    digest: str
    added_dois: frozenset[str] = frozenset()  # papers added from Crossref (corpus/crossref/papers)
    warnings: tuple[str, ...] = ()  # imported entries left out (`path:line: cause`), reported by the build


def load_corpus(root: str | Path) -> Corpus:
    """Load every seed paper record and the lists it names."""
    root = Path(root)
    paper_dir = root / "papers"
    if not paper_dir.is_dir():
        raise CorpusError(str(paper_dir), "no such folder: a corpus needs papers/*.yaml")
    paths = sorted(paper_dir.glob("*.yaml"))
    if not paths:
        raise CorpusError(str(paper_dir), "no paper records (*.yaml) found")
    papers, entries, files = [], [], []
    for path in paths:
        record = read_record(path)
        paper = paper_from_record(record, path)
        papers.append(paper)
        files.append(path)
        for list_name in ("references", "cited_by"):
            if record.get(list_name):
                list_path = resolve_list_path(root, path, record, list_name)
                entries.extend(read_list(list_path, paper.doi, list_name))
                files.append(list_path)
    added = load_crossref_papers(root)
    papers += added.papers
    entries += added.entries
    check_unique_dois(papers, paths + [root / f for f in added.files if f.endswith(".yaml")])
    files += [root / f for f in added.files]
    files += crossref_side_files(root)
    files += sorted((root / "findings").glob("*.yaml"))
    library_entries, library_files, library_failures = load_imports(root, papers, entries)
    entries += library_entries
    files += library_files
    # The id lock (work-ids.tsv) is derived from the corpus, so it is not part of the digest.
    files += [p for p in (root / "identity.yaml",) if p.exists()]
    return Corpus(root, tuple(papers), tuple(entries), tuple(rel(root, f) for f in files),
                  corpus_digest(root, files), frozenset(p.doi.lower() for p in added.papers),
                  tuple(library_failures))


def load_imports(root: Path, papers: list[Paper], entries: list[RawEntry]
                 ) -> tuple[list[RawEntry], list[Path], list[str]]:
    """Imported libraries (corpus/libraries/) and reference lists (corpus/imported-references/), by format.

    Entries a library holds but litgraph refuses (a failed block, braces nested too deep, a byte
    that is not UTF-8) come back as `path:line: cause` lines, so the build reports them.
    """
    from .imports import format_of_path
    from .libraries import read_library

    out, files, failures = [], [], []
    for path in sorted(p for p in (root / "libraries").glob("*") if format_of_path(p)):
        found, failed = read_library(path)
        out.extend(found)
        failures += [f"{path}:{f.line}: left out: {f.message}" for f in failed]
        files.append(path)
    for sidecar in sorted((root / "imported-references").glob("*.yaml")):
        doi, path = imported_list(root, sidecar, papers, entries)
        found, failed = read_library(path, owner=doi, list_name="references")
        out.extend(found)
        failures += [f"{path}:{f.line}: left out: {f.message}" for f in failed]
        files += [sidecar, path]
    return out, files, failures


def imported_list(root: Path, sidecar: Path, papers: list[Paper], entries: list[RawEntry]) -> tuple[str, Path]:
    """The paper an imported reference list belongs to, and its file; refused when the paper has a list already."""
    record = read_yaml(sidecar)
    doi = str(record.get("paper", "")) if isinstance(record, dict) else ""
    paper = next((p for p in papers if p.doi.lower() == doi.lower()), None)
    if paper is None:
        raise CorpusError(str(sidecar), f"paper: {doi!r} is not a paper of the corpus")
    if any(e.paper_doi == paper.doi and e.list == "references" for e in entries):
        raise CorpusError(str(sidecar), f"paper {paper.doi} already has a reference list")
    path = sidecar.parent / str(record.get("file", ""))
    if not path.is_file() or path.parent != sidecar.parent:
        raise CorpusError(str(sidecar), f"file: {record.get('file')!r} is not a file beside it")
    return paper.doi, path


def load_crossref_papers(root: Path):
    """Papers `litgraph crossref add` wrote under corpus/crossref/papers (same formats as curated ones)."""
    from .crossref.papers import load_added_papers

    return load_added_papers(root)


def crossref_side_files(root: Path) -> list[Path]:
    """Crossref decisions, counts and provenance: part of the corpus digest, never curated files."""
    folder = root / "crossref"
    names = ("matches.yaml", "review.yaml", "citation-counts.tsv")
    return [folder / n for n in names if (folder / n).exists()] + sorted((folder / "provenance").glob("*.json"))


def read_yaml(path: Path) -> Any:
    """A curated YAML file as plain dicts and lists; duplicate keys and bad YAML raise CorpusError."""
    return read_yaml_strict(path)


def read_record(path: Path) -> Any:
    """A paper record, its mappings knowing the line of every field (`LineDict`)."""
    return read_yaml_with_lines(path)


def resolve_list_path(root: Path, record_path: Path, record: Any, key: str) -> Path:
    """The list file a record's `references` or `cited_by` names, which must lie inside the corpus folder.

    The path is resolved (following symlinks) before it is checked, so neither `/etc/passwd`,
    `../x` nor a link pointing out of the corpus is read.
    """
    name, line = record[key], line_of(record, key)
    if not isinstance(name, str):
        raise CorpusError(str(record_path), f"{key}: must be the path of a list file, not {name!r}", line)
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise CorpusError(str(record_path), f"{key}: {name} is outside the corpus folder {root}", line)
    if not path.is_file():
        raise CorpusError(str(record_path), f"{key}: names a list file that does not exist: {name}", line)
    return root / name


def read_list(path: Path, paper_doi: str, list_name: ListName) -> list[RawEntry]:
    """Read `position<TAB>raw` lines; `#` lines are comments, blank lines are skipped."""
    lines = read_lines(path)
    entries: list[RawEntry] = []
    seen: dict[int, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        position, raw = split_list_line(line, path, number)
        if position in seen:
            raise CorpusError(str(path), f"position {position} already used on line {seen[position]}", number)
        seen[position] = number
        entries.append(RawEntry(paper_doi, list_name, position, raw, str(path), number))
    return entries


def split_list_line(line: str, path: Path, number: int) -> tuple[int, str]:
    head, tab, raw = line.partition("\t")
    if not tab:
        raise CorpusError(str(path), "expected '<position><TAB><printed reference>'", number)
    if not POSITION.fullmatch(head.strip()) or int(head) < 1:
        raise CorpusError(str(path), f"position must be a positive whole number, not {head!r}", number)
    if not raw.strip():
        raise CorpusError(str(path), "empty reference after the position", number)
    return int(head), raw.strip()


def check_unique_dois(papers: list[Paper], paths: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for paper, path in zip(papers, paths):
        key = paper.doi.lower()
        if key in seen:
            raise CorpusError(str(path), f"DOI {paper.doi} is also the DOI of {seen[key].name}")
        seen[key] = path


def rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def corpus_digest(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: rel(root, p)):
        digest.update(rel(root, path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
