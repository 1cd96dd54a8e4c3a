"""Add papers to the corpus from Crossref: metadata and the reference list their publisher deposited.

Each DOI becomes a paper under corpus/crossref/ (see `papers.py`) that the
build reads like a curated one; its references then join existing works
through the identity rules (shared DOIs first, then the scored comparison),
so the graph grows without duplicates. A DOI that is a curated seed paper,
or was added before, is skipped and says so: curated data is never
overwritten, and a rerun asks Crossref nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..corpus import load_corpus
from ..errors import InputError, UpstreamError
from .client import CrossrefClient
from .errors import CrossrefRejected, NotInCache
from .merge import crossref_lock
from .normalise import work_from_crossref
from .papers import Retrieval, added_paper_paths, write_added_paper

DOI_SHAPE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What happened to one DOI: added (with the record path), skipped, or failed (with why)."""

    doi: str
    status: Literal["added", "skipped", "failed"]
    detail: str
    references: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"doi": self.doi, "status": self.status, "detail": self.detail, "references": self.references}


def clean_doi(text: str) -> str:
    """ "https://doi.org/10.1/X" -> "10.1/x"; raises InputError for anything that is not a DOI."""
    doi = text.strip()
    for prefix in DOI_PREFIXES:
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix):]
    if not DOI_SHAPE.match(doi):
        raise InputError(f"not a DOI: {text!r} (expected 10.<prefix>/<suffix>)")
    return doi.lower()


def add_papers(corpus_dir: str | Path, dois: list[str], client: CrossrefClient,
               on_item: Callable[[AddOutcome], None] = lambda _: None) -> list[AddOutcome]:
    """Add each DOI's paper and deposited reference list under corpus/crossref/.

    Raises:
        InputError: a DOI is malformed (checked before any request).
        UpstreamError: Crossref stayed down; the papers added so far are kept.
    """
    wanted = list(dict.fromkeys(clean_doi(d) for d in dois))
    corpus = load_corpus(corpus_dir)
    seeds = {p.doi.lower(): p.slug for p in corpus.papers if p.doi.lower() not in corpus.added_dois}
    outcomes: list[AddOutcome] = []
    try:
        for doi in wanted:
            outcome = add_one(corpus_dir, doi, seeds, client)
            outcomes.append(outcome)
            on_item(outcome)
    except UpstreamError as exc:
        added = sum(o.status == "added" for o in outcomes)
        raise UpstreamError(f"{exc}; {added} paper(s) added before it failed are kept") from exc
    return outcomes


def add_one(corpus_dir: str | Path, doi: str, seeds: dict[str, str], client: CrossrefClient) -> AddOutcome:
    if doi in seeds:
        return AddOutcome(doi, "skipped", f"a curated seed paper (papers/{seeds[doi]}.yaml); not changed")
    existing = added_paper_paths(corpus_dir).get(doi)
    if existing is not None:
        return AddOutcome(doi, "skipped", f"already added ({existing.name}); `crossref refresh` updates it")
    try:
        answer = client.work(doi)
    except NotInCache as exc:
        return AddOutcome(doi, "failed", str(exc))
    except CrossrefRejected as exc:
        return AddOutcome(doi, "failed", str(exc))
    if answer.status == 404:
        return AddOutcome(doi, "failed", "Crossref has no such DOI (404)")
    work = work_from_crossref(answer.message)
    retrieval = Retrieval(answer.url, answer.retrieved_at, client.settings.base_url)
    with crossref_lock(corpus_dir):
        existing = added_paper_paths(corpus_dir).get(doi)   # another run may have added it meanwhile
        if existing is not None:
            return AddOutcome(doi, "skipped", f"added meanwhile by another run ({existing.name})")
        try:
            path = write_added_paper(corpus_dir, work, retrieval)
        except ValueError as exc:
            return AddOutcome(doi, "failed", str(exc))
    return AddOutcome(doi, "added", f"crossref/papers/{path.name}", len(work.references))
