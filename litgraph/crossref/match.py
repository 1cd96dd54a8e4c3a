"""Find DOIs for printed references that lack one: search, validate, decide, record.

    corpus entries without a DOI  ->  query.bibliographic (raw string)  ->  validate each hit
    ->  accepted | review | abstained  ->  matches.yaml (+ review.yaml for near-misses)

Decisions persist: an entry already in matches.yaml, or given a verdict by a
curator in review.yaml, is never asked about again (`--redo` re-examines
undecided review and abstained entries, never a curator's verdict).
Decisions are saved every few entries and whenever the run stops (finished,
interrupted, or Crossref down), and every response is in the cache, so the
next run continues where this one stopped and asks Crossref nothing twice.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus import RawEntry, load_corpus
from ..errors import UpstreamError
from ..model import ParsedReference
from .client import CrossrefClient
from .decide import Decision, decide
from .errors import CrossrefRejected, NotInCache
from .files import curator_decided, read_matches, read_review
from .merge import save_decisions
from .normalise import work_from_crossref
from .papers import load_added_papers

ROWS = 5                # candidates asked for each printed reference
SAVE_EVERY = 10         # decisions between saves (and at least every SAVE_SECONDS)
SAVE_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class PendingEntry:
    key: str
    raw: str
    parsed: ParsedReference


@dataclass(frozen=True, slots=True)
class MatchPlan:
    """What a run will ask about, and how many entries need no question."""

    pending: tuple[PendingEntry, ...]
    entries: int
    with_doi: int
    decided: int
    curator_decided: int


@dataclass(slots=True)
class MatchSummary:
    """What a run did (`run`) and what the files now hold (`totals`)."""

    plan: MatchPlan
    run: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)
    unanswered: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Precision-oriented numbers: what was matched, sent to review or abstained, this run and in all."""
        return {
            "entries": self.plan.entries, "with_doi": self.plan.with_doi,
            "already_decided": self.plan.decided, "curator_decided": self.plan.curator_decided,
            "asked": sum(self.run.values()),
            "matched": self.run["accepted"], "sent_to_review": self.run["review"],
            "abstained": self.run["abstained"],
            "unanswered_offline": len(self.unanswered), "failed": len(self.failures),
            "in_all": {"matched": self.totals["accepted"], "sent_to_review": self.totals["review"],
                       "abstained": self.totals["abstained"]},
        }


def match_reference(client: CrossrefClient, raw: str, parsed: ParsedReference | None = None,
                    rows: int = ROWS) -> tuple[Decision, Any]:
    """Search Crossref for one printed reference and decide; returns the decision and the response."""
    answer = client.search(raw, rows=rows)
    works = [work_from_crossref(item) for item in answer.message.get("items") or () if isinstance(item, dict)]
    return decide(raw, works, parsed), answer


def reference_entries(corpus_dir: str | Path) -> list[RawEntry]:
    """Every reference-list entry: the curated papers' and the added papers'."""
    entries = list(load_corpus(corpus_dir).entries) + list(load_added_papers(corpus_dir).entries)
    return [e for e in entries if e.list == "references"]


def plan_match(corpus_dir: str | Path, limit: int | None = None, redo: bool = False) -> MatchPlan:
    """The entries without a DOI that no earlier run or curator has decided (at most `limit`)."""
    from ..parse.reference import parse_references

    entries = reference_entries(corpus_dir)
    matches, review = read_matches(corpus_dir), read_review(corpus_dir)
    by_curator = curator_decided(review)
    pending, with_doi, decided = [], 0, 0
    for entry, parsed in zip(entries, parse_references([e.raw for e in entries])):
        key = f"{entry.paper_doi}#references/{entry.position}"
        if parsed.doi:
            with_doi += 1
        elif key in by_curator:
            continue
        elif key in matches and not (redo and matches[key].get("decision") != "accepted"):
            decided += 1
        else:
            pending.append(PendingEntry(key, entry.raw, parsed))
    chosen = pending[:limit] if limit is not None else pending
    return MatchPlan(tuple(chosen), len(entries), with_doi, decided,
                     len(by_curator & {f"{e.paper_doi}#references/{e.position}" for e in entries}))


def decision_record(decision: Decision, entry: PendingEntry, answer, base_url: str) -> dict[str, Any]:
    return {
        "decision": decision.decision, "doi": decision.doi, "score": decision.score,
        "validation": decision.validation.as_dict() if decision.validation else {},
        "reason": decision.reason,
        "candidates": [{"doi": c.work.doi, "title": c.work.title, "score": c.validation.score}
                       for c in decision.candidates],
        "query": entry.raw, "url": answer.url, "retrieved_at": answer.retrieved_at, "base_url": base_url,
    }


REVIEW_CANDIDATES = 3   # candidates shown to a curator: the best ones with any agreeing field


def review_item(decision: Decision, entry: PendingEntry, answer, base_url: str) -> dict[str, Any]:
    shown = [c for c in decision.candidates if c.validation.score > 0][:REVIEW_CANDIDATES]
    return {
        "verdict": None, "doi": None, "reference": entry.raw, "score": decision.score,
        "reason": decision.reason,
        "candidates": [{"doi": c.work.doi, "title": c.work.title, "year": c.work.year,
                        "container": c.work.container, "score": c.validation.score,
                        "validation": c.validation.as_dict()} for c in shown],
        "url": answer.url, "retrieved_at": answer.retrieved_at, "base_url": base_url,
    }


class DecisionStore:
    """This run's decisions, merged into matches.yaml and review.yaml every few decisions and on close.

    Only this run's entries are written, into the files as they are at the
    time of writing (merge.py): a verdict or note a curator writes during
    the run, and another run's decisions, are kept.
    """

    def __init__(self, corpus_dir: str | Path) -> None:
        self.corpus_dir = corpus_dir
        self.matches, self.review = read_matches(corpus_dir), read_review(corpus_dir)
        self.new_matches: dict[str, dict[str, Any]] = {}
        self.new_review: dict[str, dict[str, Any] | None] = {}
        self.saved_at = time.monotonic()

    def record(self, key: str, record: dict[str, Any], review: dict[str, Any] | None) -> None:
        self.new_matches[key] = record
        existing = self.review.get(key)
        if existing is not None and existing.get("verdict"):
            pass  # a curator's verdict is never touched
        elif review is not None:
            self.new_review[key] = review
        elif existing is not None:
            self.new_review[key] = None  # re-examined (--redo) and no longer a near-miss
        if len(self.new_matches) >= SAVE_EVERY or time.monotonic() - self.saved_at >= SAVE_SECONDS:
            self.save()

    def save(self) -> None:
        if self.new_matches:
            self.matches, self.review = save_decisions(self.corpus_dir, self.new_matches, self.new_review)
        self.new_matches, self.new_review, self.saved_at = {}, {}, time.monotonic()

    def totals(self) -> Counter:
        return Counter(str(r.get("decision")) for r in self.matches.values())


def run_match(corpus_dir: str | Path, plan: MatchPlan, client: CrossrefClient,
              on_item: Callable[[MatchSummary], None] = lambda _: None) -> MatchSummary:
    """Decide every pending entry of `plan`, saving as it goes.

    Raises:
        UpstreamError: Crossref stayed down; the decisions made so far are saved.
    """
    store = DecisionStore(corpus_dir)
    summary = MatchSummary(plan)
    try:
        for entry in plan.pending:
            match_one(entry, client, store, summary)
            on_item(summary)
    except UpstreamError as exc:
        store.save()
        done = sum(summary.run.values())
        raise UpstreamError(f"{exc}; {done} decision(s) of this run saved in "
                            f"{Path(corpus_dir) / 'crossref' / 'matches.yaml'}; run again to continue") from exc
    finally:
        store.save()
    summary.totals = store.totals()
    return summary


def match_one(entry: PendingEntry, client: CrossrefClient, store: DecisionStore, summary: MatchSummary) -> None:
    try:
        decision, answer = match_reference(client, entry.raw, entry.parsed)
    except NotInCache:
        summary.unanswered.append(entry.key)
        return
    except CrossrefRejected as exc:
        summary.failures.append((entry.key, str(exc)))
        return
    base = client.settings.base_url
    near_miss = review_item(decision, entry, answer, base) if decision.decision == "review" else None
    store.record(entry.key, decision_record(decision, entry, answer, base), near_miss)
    summary.run[decision.decision] += 1
