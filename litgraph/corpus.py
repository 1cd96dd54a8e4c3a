"""Read the corpus folder: seed-paper records, printed lists and curator files.

The layout is documented in corpus/README.md. Every problem is raised as a
CorpusError naming the file and, where there is one, the line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .model import Author, ListName, Paper

PAPER_KEYS = {"doi", "title", "authors", "year", "type"}
OPTIONAL_KEYS = {"container", "volume", "issue", "first_page", "last_page", "article_number",
                 "publisher", "source", "references", "cited_by"}
WORK_TYPES = {"journal-article", "book", "report", "chapter", "other"}


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
        record = read_yaml(path)
        paper = paper_from_record(record, path)
        papers.append(paper)
        files.append(path)
        for key, list_name in (("references", "references"), ("cited_by", "cited_by")):
            if record.get(key):
                list_path = resolve_list_path(root, path, record[key])
                entries.extend(read_list(list_path, paper.doi, list_name))
                files.append(list_path)
    added = load_crossref_papers(root)
    papers += added.papers
    entries += added.entries
    check_unique_dois(papers, paths + [root / f for f in added.files if f.endswith(".yaml")])
    files += [root / f for f in added.files]
    files += crossref_side_files(root)
    files += sorted((root / "findings").glob("*.yaml"))
    for path in sorted((root / "libraries").glob("*.bib")):
        from .libraries import read_library

        entries.extend(read_library(path)[0])
        files.append(path)
    # The id lock (work-ids.tsv) is derived from the corpus, so it is not part of the digest.
    files += [p for p in (root / "identity.yaml",) if p.exists()]
    return Corpus(root, tuple(papers), tuple(entries), tuple(rel(root, f) for f in files),
                  corpus_digest(root, files), frozenset(p.doi.lower() for p in added.papers))


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
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(str(path), f"cannot read: {exc}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise CorpusError(str(path), f"not valid YAML: {exc.problem}", line) from exc
    except yaml.YAMLError as exc:
        raise CorpusError(str(path), f"not valid YAML: {exc}") from exc


def paper_from_record(record: Any, path: Path) -> Paper:
    if not isinstance(record, dict):
        raise CorpusError(str(path), "a paper record must be a mapping of fields")
    missing = PAPER_KEYS - record.keys()
    if missing:
        raise CorpusError(str(path), f"missing field(s): {', '.join(sorted(missing))}")
    unknown = record.keys() - PAPER_KEYS - OPTIONAL_KEYS
    if unknown:
        raise CorpusError(str(path), f"unknown field(s): {', '.join(sorted(unknown))}")
    if record["type"] not in WORK_TYPES:
        raise CorpusError(str(path), f"type must be one of {sorted(WORK_TYPES)}, not {record['type']!r}")
    if not isinstance(record["year"], int):
        raise CorpusError(str(path), f"year must be a whole number, not {record['year']!r}")
    text = {k: none_or_str(record.get(k)) for k in OPTIONAL_KEYS}
    return Paper(
        doi=str(record["doi"]).strip(), slug=path.stem, title=str(record["title"]),
        authors=authors_from_record(record["authors"], path), year=record["year"],
        type=record["type"], container=text["container"], volume=text["volume"],
        issue=text["issue"], first_page=text["first_page"], last_page=text["last_page"],
        article_number=text["article_number"], publisher=text["publisher"],
        source=text["source"] or "",
    )


def authors_from_record(value: Any, path: Path) -> tuple[Author, ...]:
    if not isinstance(value, list) or not value:
        raise CorpusError(str(path), "authors must be a non-empty list")
    authors = []
    for item in value:
        if not isinstance(item, dict) or not ({"family", "literal"} & item.keys()):
            raise CorpusError(str(path), f"author {item!r} needs 'family' (and 'given') or 'literal'")
        authors.append(Author(family=none_or_str(item.get("family")),
                              given=none_or_str(item.get("given")),
                              literal=none_or_str(item.get("literal"))))
    return tuple(authors)


def none_or_str(value: Any) -> str | None:
    return None if value is None else str(value)


def resolve_list_path(root: Path, record_path: Path, name: Any) -> Path:
    path = root / str(name)
    if not path.is_file():
        raise CorpusError(str(record_path), f"names a list file that does not exist: {name}")
    return path


def read_list(path: Path, paper_doi: str, list_name: ListName) -> list[RawEntry]:
    """Read `position<TAB>raw` lines; `#` lines are comments, blank lines are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(str(path), f"cannot read: {exc}") from exc
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
    if not head.strip().isdigit() or int(head) < 1:
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
