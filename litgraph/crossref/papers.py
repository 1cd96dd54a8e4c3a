"""Papers added from Crossref: records and lists in the curated formats, kept under corpus/crossref/.

    corpus/crossref/papers/<slug>.yaml       the paper record (corpus/README.md format), with
                                             `source: crossref <base URL> <retrieved at>`
    corpus/crossref/references/<slug>.tsv    its deposited reference list, `position<TAB>text`
    corpus/crossref/provenance/<slug>.json   per line: deposited key, DOI, doi-asserted-by,
                                             and where and when the list was retrieved

The list and provenance are written before the record, so a paper appears
only once everything it names is in place. The build reads these like
curated papers through `load_added_papers`:

    load_added_papers(corpus_dir) -> AddedPapers(papers, entries, files)
    load_deposit_provenance(corpus_dir) -> dict[str, DepositedLine]   (by entry key)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from ..corpus import RawEntry, paper_from_record, read_list, read_record, read_yaml, resolve_list_path
from ..lines import read_lines
from ..model import Paper
from .files import CROSSREF_DIR, crossref_dir, dump_yaml
from .normalise import CrossrefWork, DepositedReference, reference_line

OPTIONAL_FIELDS = ("container", "volume", "issue", "first_page", "last_page", "article_number", "publisher")


@dataclass(frozen=True, slots=True)
class AddedPapers:
    """The papers under corpus/crossref/papers/, their list entries, and the files read."""

    papers: tuple[Paper, ...]
    entries: tuple[RawEntry, ...]
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DepositedLine:
    """Where one line of an added paper's list came from: its key in the deposit, the DOI the
    deposit gives and who asserted it ("publisher" or "crossref"), and the retrieval."""

    entry_key: str
    deposit_key: str
    doi: str | None
    doi_asserted_by: str | None
    url: str
    retrieved_at: str


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Where and when a Crossref answer came from."""

    url: str
    retrieved_at: str
    base_url: str


def slug_for(work: CrossrefWork) -> str:
    """ "<first author>-<year>-<DOI>" in lower-case ASCII, e.g. "smith-2016-10-5555-peer-2016-001"."""
    from ..identity.normalise import family_key

    first = work.authors[0] if work.authors else None
    name = family_key(first.family or first.literal) if first else ""
    doi = re.sub(r"[^a-z0-9]+", "-", work.doi.lower()).strip("-")
    return f"{name[:30] or 'anon'}-{work.year or 'nd'}-{doi}"


def added_paper_paths(corpus_dir: str | Path) -> dict[str, Path]:
    """DOI (lower case) -> record path of every paper already added."""
    folder = crossref_dir(corpus_dir) / "papers"
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        record = read_yaml(path)
        if isinstance(record, dict) and record.get("doi"):
            found[str(record["doi"]).lower()] = path
    return found


def paper_record(work: CrossrefWork, slug: str, retrieval: Retrieval) -> dict[str, Any]:
    """The record in the corpus/README.md format, from Crossref's metadata."""
    authors = [a.as_dict() for a in work.authors] or [{"literal": "Anonymous"}]
    record: dict[str, Any] = {"doi": work.doi, "title": work.title, "authors": authors,
                              "year": work.year, "type": work.type}
    record |= {f: getattr(work, f) for f in OPTIONAL_FIELDS if getattr(work, f)}
    record["source"] = f"crossref {retrieval.base_url} {retrieval.retrieved_at}"
    record["references"] = f"{CROSSREF_DIR}/references/{slug}.tsv"
    return record


def reference_lines(work: CrossrefWork) -> list[tuple[int, DepositedReference, str | None]]:
    """(position, deposited reference, printed line or None) in deposit order, positions from 1."""
    return [(n, ref, one_line(reference_line(ref))) for n, ref in enumerate(work.references, 1)]


def one_line(text: str | None) -> str | None:
    return (re.sub(r"\s+", " ", text).strip() or None) if text else None


def write_added_paper(corpus_dir: str | Path, work: CrossrefWork, retrieval: Retrieval) -> Path:
    """Write list, provenance and record for `work`; return the record's path.

    Raises:
        ValueError: Crossref gives no title or no year, which a paper record needs.
    """
    if not work.title or not work.year:
        raise ValueError("Crossref gives no " + ("title" if not work.title else "year"))
    root, slug = crossref_dir(corpus_dir), slug_for(work)
    lines = reference_lines(work)
    write_text_atomic(root / "references" / f"{slug}.tsv", list_text(work, retrieval, lines))
    write_text_atomic(root / "provenance" / f"{slug}.json", provenance_text(work, retrieval, lines))
    header = (f"# Added by `litgraph crossref add` from {retrieval.url} ({retrieval.retrieved_at}).\n"
              "# Crossref data, kept apart from curated records; `litgraph crossref refresh` updates it.\n")
    record_path = root / "papers" / f"{slug}.yaml"
    write_text_atomic(record_path, header + dump_yaml(paper_record(work, slug, retrieval)))
    return record_path


def list_text(work: CrossrefWork, retrieval: Retrieval, lines) -> str:
    head = [f"# Reference list of doi:{work.doi} as deposited with Crossref: {retrieval.url} ({retrieval.retrieved_at}).",
            "# Position = order deposited. Each line is the deposited string, or one composed from the",
            "# deposited fields; `doi:` ends a line when the deposit gives a DOI.",
            "# Keys, DOIs and who asserted them: the provenance file of the same name."]
    body = [f"{n}\t{text}" for n, _, text in lines if text]
    return "\n".join(head + body) + "\n"


def provenance_text(work: CrossrefWork, retrieval: Retrieval, lines) -> str:
    entries = [{"position": n, "key": ref.key, "doi": ref.doi, "doi_asserted_by": ref.doi_asserted_by,
                "from": "unstructured" if ref.unstructured else ("fields" if ref.fields() else "doi"),
                "written": text is not None} for n, ref, text in lines]
    record = {"doi": work.doi, "url": retrieval.url, "retrieved_at": retrieval.retrieved_at,
              "base_url": retrieval.base_url, "references": entries}
    return json.dumps(record, indent=1, ensure_ascii=False) + "\n"


def update_added_paper(record_path: Path, work: CrossrefWork, retrieval: Retrieval) -> bool:
    """Refresh a record's metadata, keeping its list; True when something changed."""
    old = read_yaml(record_path)
    slug = record_path.stem
    new = paper_record(work, slug, retrieval) | {"references": old.get("references")}
    new |= {k: v for k, v in old.items() if k not in new}   # a field a curator added is kept
    if {k: v for k, v in new.items() if k != "source"} == {k: v for k, v in old.items() if k != "source"}:
        return False
    header = "".join(line + "\n" for line in read_lines(record_path)
                     if line.startswith("#"))
    write_text_atomic(record_path, header + dump_yaml(new))
    return True


def load_added_papers(corpus_dir: str | Path) -> AddedPapers:
    """Read the papers under corpus/crossref/papers/ like curated ones (lists resolved from the corpus root).

    Raises:
        CorpusError: a malformed record or list, naming the file and line.
    """
    corpus_dir = Path(corpus_dir)
    papers, entries, files = [], [], []
    for path in sorted((crossref_dir(corpus_dir) / "papers").glob("*.yaml")):
        record = read_record(path)
        paper = paper_from_record(record, path)
        papers.append(paper)
        files.append(path.relative_to(corpus_dir).as_posix())
        if record.get("references"):
            list_path = resolve_list_path(corpus_dir, path, record, "references")
            entries.extend(read_list(list_path, paper.doi, "references"))
            files.append(list_path.relative_to(corpus_dir).as_posix())
    return AddedPapers(tuple(papers), tuple(entries), tuple(files))


def load_deposit_provenance(corpus_dir: str | Path) -> dict[str, DepositedLine]:
    """Entry key ("<paper DOI>#references/<n>") -> where that line of an added paper came from.

    Raises:
        CorpusError: a provenance file that is not the JSON `crossref add` writes.
    """
    from ..errors import CorpusError

    lines = {}
    for path in sorted((crossref_dir(corpus_dir) / "provenance").glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            for ref in record["references"]:
                if ref.get("written", True):
                    key = f"{record['doi']}#references/{ref['position']}"
                    lines[key] = DepositedLine(key, ref["key"], ref.get("doi"), ref.get("doi_asserted_by"),
                                               record["url"], record["retrieved_at"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CorpusError(str(path), f"not a provenance record of `crossref add`: {exc}") from exc
    return lines
