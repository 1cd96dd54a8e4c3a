"""Merge on write: what a curator or another run wrote to corpus/crossref/ meanwhile is never lost.

A `crossref` run works for minutes; a curator may decide a near-miss in
review.yaml, or a second run may record its own decisions, while it does.
So no run writes what it read at its start. Each save takes an exclusive
lock (`fcntl.flock` on corpus/crossref/.lock), re-reads the file, applies
only this run's new entries, and writes the result atomically:

    matches.yaml   this run's decisions replace the same entries; all others kept
    review.yaml    this run's near-misses are added; an entry with a verdict is never
                   touched, and a curator's fields (verdict, note, doi, anything added) survive
    citation-counts.tsv, metadata.jsonl   rows and records of this run added to the current file

Example:
    >>> merge_review_item({"verdict": None, "score": 0.7}, {"verdict": None, "note": "ask Ann"})
    {'verdict': None, 'score': 0.7, 'note': 'ask Ann'}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..filelock import exclusive_lock
from .files import (CitationCount, append_citation_counts, crossref_dir, load_citation_counts, read_matches,
                    read_metadata, read_review, write_matches, write_metadata, write_review)

LOCK_NAME = ".lock"
# The fields litgraph writes into a review entry; any other field is the curator's.
REVIEW_GENERATED = frozenset({"verdict", "doi", "reference", "score", "reason", "candidates", "url",
                              "retrieved_at", "base_url"})
CURATOR_FIELDS = frozenset({"verdict", "note", "doi"})   # the curator's whenever they hold a value

Item = dict[str, Any]


@contextmanager
def crossref_lock(corpus_dir: str | Path) -> Iterator[None]:
    """Hold the exclusive lock on corpus/crossref/ (waits for another run's save to finish)."""
    with exclusive_lock(crossref_dir(corpus_dir) / LOCK_NAME):
        yield


def curated_fields(item: Mapping[str, Any]) -> Item:
    """The fields of a review entry that a curator wrote."""
    return {k: v for k, v in item.items()
            if k not in REVIEW_GENERATED or (k in CURATOR_FIELDS and v not in (None, ""))}


def merge_review_item(new: Item, on_disk: Item | None) -> Item:
    """This run's near-miss over the entry the file holds now: a verdict wins whole, curated fields survive."""
    if on_disk is None:
        return new
    if on_disk.get("verdict"):
        return on_disk
    return new | curated_fields(on_disk)


def merge_review(on_disk: dict[str, Item], changes: Mapping[str, Item | None]) -> dict[str, Item]:
    """Apply this run's review changes (None: no longer a near-miss) to the file's current entries."""
    merged = dict(on_disk)
    for key, new in changes.items():
        current = merged.get(key)
        if new is not None:
            merged[key] = merge_review_item(new, current)
        elif current is not None and not curated_fields(current):
            del merged[key]
    return merged


def save_decisions(corpus_dir: str | Path, matches: Mapping[str, Item],
                   review: Mapping[str, Item | None]) -> tuple[dict[str, Item], dict[str, Item]]:
    """Merge this run's decisions into matches.yaml and review.yaml; returns what both now hold."""
    with crossref_lock(corpus_dir):
        all_matches = read_matches(corpus_dir) | dict(matches)
        if matches:
            write_matches(corpus_dir, all_matches)
        on_disk = read_review(corpus_dir)
        all_review = merge_review(on_disk, review)
        if all_review != on_disk:
            write_review(corpus_dir, all_review)
    return all_matches, all_review


def save_counts(corpus_dir: str | Path, rows: list[CitationCount], metadata: Mapping[str, Item]) -> None:
    """Append this run's count rows not recorded meanwhile, and merge its metadata records."""
    with crossref_lock(corpus_dir):
        recorded = {(c.doi, c.date, c.source) for c in load_citation_counts(corpus_dir)}
        append_citation_counts(corpus_dir, [r for r in rows if (r.doi, r.date, r.source) not in recorded])
        if metadata:
            write_metadata(corpus_dir, read_metadata(corpus_dir) | dict(metadata))
