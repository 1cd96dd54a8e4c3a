"""The build manifest: a compact record of what one build produced, to compare builds with.

One JSON object per build, written into the build's generation folder
(`build/current/manifest.json`, so it moves with the graph) and kept in
`build/history/<build id>.json`::

    {"build": "20260101T120000.000000Z-1a2b3c4d", "created": "2026-01-01T12:00:00.000000+00:00",
     "corpus_digest": "...",
     "works": {"doi/10.1/x": {"doi", "title", "year", "authors": ["Moran GS", ...], "type",
                              "container", "volume", ..., "members": [entry keys],
                              "sources": {"title": entry key, ...}}},
     "decisions": [{"left", "right", "same", "method", "score", "reasons"}],
     "doi_matches": {entry key: DOI}, "doi_rejected": {entry key: DOI or ""},
     "citation_counts": {work id: count}, "findings": {finding id: content hash}}

`manifest_from` is pure; `manifest_for_build` gathers its inputs from the corpus.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..model import Author, MergeDecision, Work

WORK_FIELDS = ("doi", "title", "year", "authors", "type", "container", "volume", "issue", "first_page",
               "last_page", "article_number", "publisher", "place")


def manifest_from(works: Sequence[Work], decisions: Sequence[MergeDecision], doi_matches: Mapping[str, str],
                  doi_rejected: Mapping[str, str], citation_counts: Mapping[str, int],
                  findings: Mapping[str, str], corpus_digest: str, now: datetime | None = None) -> dict[str, Any]:
    """The manifest of one build; its id is the time it was made and a digest of its content."""
    body = {
        "corpus_digest": corpus_digest,
        "works": {w.id: work_record(w) for w in works},
        "decisions": [decision_record(d) for d in decisions],
        "doi_matches": dict(sorted(doi_matches.items())),
        "doi_rejected": dict(sorted(doi_rejected.items())),
        "citation_counts": dict(sorted(citation_counts.items())),
        "findings": dict(sorted(findings.items())),
    }
    now = now or datetime.now(timezone.utc)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:8]
    return {"build": f"{now:%Y%m%dT%H%M%S.%fZ}-{digest}", "created": now.isoformat(), **body}


def work_record(work: Work) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(work, name) for name in WORK_FIELDS}
    record["authors"] = [author_text(a) for a in work.authors]
    record["members"] = [m.key for m in work.members]
    record["sources"] = dict(work.sources)
    return record


def author_text(author: Author) -> str:
    return author.literal or " ".join(x for x in (author.family, author.given) if x)


def decision_record(decision: MergeDecision) -> dict[str, Any]:
    return {"left": decision.left, "right": decision.right, "same": decision.same,
            "method": decision.method, "score": round(decision.score, 4), "reasons": list(decision.reasons)}


def finding_hashes(corpus_dir: Path) -> dict[str, str]:
    """Finding id -> a hash of its record as written, from every corpus/findings/*.yaml."""
    import yaml

    hashes = {}
    for path in sorted((corpus_dir / "findings").glob("*.yaml")):
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for item in (record or {}).get("findings") or []:
            if isinstance(item, dict) and "id" in item:
                text = json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)
                hashes[str(item["id"])] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return hashes


def latest_counts(corpus_dir: Path, works: Sequence[Work]) -> dict[str, int]:
    """Work id -> the latest citation count recorded for its DOI (corpus/crossref/citation-counts.tsv)."""
    from ..crossref import load_citation_counts

    by_doi = {w.doi.lower(): w.id for w in works if w.doi}
    counts = {}
    for row in load_citation_counts(corpus_dir):  # oldest first: the last one wins
        if row.doi.lower() in by_doi:
            counts[by_doi[row.doi.lower()]] = row.count
    return counts


def rejected_dois(corpus_dir: Path) -> dict[str, str]:
    """Entry key -> the DOI a curator rejected for it (`verdict: reject` in crossref/review.yaml)."""
    from ..crossref.files import read_review

    return {key: str(item.get("doi") or (item.get("candidates") or [{}])[0].get("doi") or "")
            for key, item in read_review(corpus_dir).items() if item.get("verdict") == "reject"}


def manifest_for_build(corpus_dir: Path, corpus_digest: str, identity, entry_keys: set[str],
                       matches: Mapping) -> dict[str, Any]:
    """The manifest of the build being written, from its identity result and the corpus files."""
    return manifest_from(identity.works, identity.decisions,
                         {k: m.doi for k, m in matches.items() if k in entry_keys},
                         rejected_dois(corpus_dir), latest_counts(corpus_dir, identity.works),
                         finding_hashes(corpus_dir), corpus_digest)
