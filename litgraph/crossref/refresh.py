"""Refresh metadata and global citation counts for every work litgraph knows a DOI for.

DOIs come from the seed papers, the added papers, the DOIs printed in every
list, and accepted matches. For each, Crossref's `is-referenced-by-count` is
appended to citation-counts.tsv with the date and the API asked (C4O global
citation counts: history is kept, never overwritten); the metadata goes to
metadata.jsonl; an added paper's record is updated in place (its list is
kept, so positions never change). Curated records are never touched.

Counts are dated by when Crossref answered. Cached answers from an earlier
day are not reused (except `--offline`, which records them with their own
date), so a refresh always asks for today's count. Resumable: a DOI that
already has a count for today from this API is skipped, and counts are
saved every few DOIs and whenever the run stops.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..corpus import load_corpus
from ..errors import UpstreamError
from .client import CrossrefClient
from .errors import CrossrefRejected, NotInCache
from .files import CitationCount, load_accepted_matches, load_citation_counts
from .merge import crossref_lock, save_counts
from .match import reference_entries
from .normalise import work_from_crossref
from .papers import Retrieval, added_paper_paths, update_added_paper

SAVE_EVERY = 10
SAVE_SECONDS = 5.0


@dataclass(slots=True)
class RefreshSummary:
    dois: int
    done_today: int
    run: Counter = field(default_factory=Counter)
    unanswered: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"dois": self.dois, "already_refreshed_today": self.done_today,
                "counts_recorded": self.run["counted"], "not_found": self.run["not_found"],
                "papers_updated": self.run["paper_updated"],
                "unanswered_offline": len(self.unanswered), "failed": len(self.failures)}


def known_dois(corpus_dir: str | Path, only_papers: bool = False) -> list[str]:
    """Every DOI litgraph knows (lower case, sorted): papers first, then, unless `only_papers`, the rest."""
    from ..parse.reference import parse_references

    papers = {p.doi.lower() for p in load_corpus(corpus_dir).papers} | set(added_paper_paths(corpus_dir))
    if only_papers:
        return sorted(papers)
    printed = {p.doi.lower() for p in parse_references([e.raw for e in reference_entries(corpus_dir)]) if p.doi}
    matched = {m.doi for m in load_accepted_matches(corpus_dir).values()}
    return sorted(papers) + sorted((printed | matched) - papers)


class CountStore:
    """This run's count rows and metadata, merged into the files every few DOIs and when the run stops."""

    def __init__(self, corpus_dir: str | Path) -> None:
        self.corpus_dir = corpus_dir
        self.rows: list[CitationCount] = []
        self.recorded = {(c.doi, c.date, c.source) for c in load_citation_counts(corpus_dir)}
        self.metadata: dict[str, dict] = {}
        self.unsaved, self.saved_at = 0, time.monotonic()

    def add(self, row: CitationCount | None, metadata: dict) -> bool:
        """Keep the metadata, and the row unless that count (DOI, date, source) is recorded already."""
        new = row is not None and (row.doi, row.date, row.source) not in self.recorded
        if new:
            self.rows.append(row)
            self.recorded.add((row.doi, row.date, row.source))
        self.metadata[metadata["doi"]] = metadata
        self.unsaved += 1
        if self.unsaved >= SAVE_EVERY or time.monotonic() - self.saved_at >= SAVE_SECONDS:
            self.save()
        return new

    def save(self) -> None:
        if self.unsaved:
            save_counts(self.corpus_dir, self.rows, self.metadata)
        self.rows, self.metadata, self.unsaved, self.saved_at = [], {}, 0, time.monotonic()


def utc_today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def not_refreshed_today(corpus_dir: str | Path, dois: list[str], source: str, today: str | None = None) -> list[str]:
    """The DOIs without a count from `source` dated today: what a (resumed) run still has to ask."""
    today = today or utc_today()
    done = {c.doi for c in load_citation_counts(corpus_dir) if c.date == today and c.source == source}
    return [d for d in dois if d not in done]


def run_refresh(corpus_dir: str | Path, client: CrossrefClient, dois: list[str], today: str | None = None,
                on_item: Callable[[RefreshSummary], None] = lambda _: None) -> RefreshSummary:
    """Record today's count and metadata for each DOI not yet refreshed today from this API.

    Raises:
        UpstreamError: Crossref stayed down; the counts recorded so far are saved.
    """
    today = today or utc_today()
    todo = not_refreshed_today(corpus_dir, dois, client.settings.base_url, today)
    summary = RefreshSummary(len(dois), len(dois) - len(todo))
    store, papers = CountStore(corpus_dir), added_paper_paths(corpus_dir)
    try:
        for doi in todo:
            refresh_one(doi, client, store, papers, summary, today)
            on_item(summary)
    except UpstreamError as exc:
        store.save()
        raise UpstreamError(f"{exc}; {summary.run['counted']} count(s) of this run saved; "
                            "run again to continue") from exc
    finally:
        store.save()
    return summary


def refresh_one(doi: str, client: CrossrefClient, store: CountStore, papers: dict[str, Path],
                summary: RefreshSummary, today: str) -> None:
    try:
        answer = client.work(doi, fresh_since=f"{today}T00:00:00Z")
    except NotInCache:
        summary.unanswered.append(doi)
        return
    except CrossrefRejected as exc:
        summary.failures.append((doi, str(exc)))
        return
    if answer.status == 404:
        summary.run["not_found"] += 1
        return
    work = work_from_crossref(answer.message)
    source = client.settings.base_url
    metadata = work.as_dict() | {"doi": doi, "url": answer.url, "retrieved_at": answer.retrieved_at}
    row = None
    if work.is_referenced_by_count is not None:
        # Dated by retrieval: offline, a cached answer from an earlier day keeps its own date.
        row = CitationCount(doi, answer.retrieved_at[:10], work.is_referenced_by_count, source)
    if store.add(row, metadata):
        summary.run["counted"] += 1
    if doi in papers and update_paper_locked(store.corpus_dir, papers[doi], work,
                                             Retrieval(answer.url, answer.retrieved_at, source)):
        summary.run["paper_updated"] += 1


def update_paper_locked(corpus_dir: str | Path, record_path: Path, work, retrieval: Retrieval) -> bool:
    with crossref_lock(corpus_dir):
        return update_added_paper(record_path, work, retrieval)
