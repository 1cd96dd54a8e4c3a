"""The Crossref files of the corpus, apart from the curated ones, and the loaders the build calls.

    corpus/crossref/
      matches.yaml          every match decision, keyed by entry ("<paper DOI>#references/<n>")
      review.yaml           near-misses for a curator: `verdict: accept` or `verdict: reject`
      citation-counts.tsv   doi, date, count, source: one row per refresh, rows only ever added
      metadata.jsonl        Crossref's metadata for every DOI refreshed, one JSON object a line
      papers/, references/, provenance/   papers added with `litgraph crossref add` (see papers.py)

Every file is rewritten whole and atomically, merged under a lock with what
it holds at the time of writing (merge.py). A curator's verdict in
review.yaml is never changed by litgraph, and overrides matches.yaml for its
entry (a curator can also reject an accepted match by adding the entry).
Loaders are pure reads returning frozen records:

    load_accepted_matches(corpus_dir) -> dict[str, Match]
    load_citation_counts(corpus_dir) -> list[CitationCount]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..atomic import write_text_atomic
from ..errors import CorpusError
from ..lines import read_lines  # split on \n only: a U+2028 in a title is not a line end

CROSSREF_DIR = "crossref"
VERDICTS = (None, "accept", "reject")
COUNT_COLUMNS = ("doi", "date", "count", "source")

MATCHES_HEADER = """\
# DOI matches for printed references without one, written by `litgraph crossref match`.
# Crossref data, kept apart from curated files: do not edit; decide near-misses in review.yaml.
# Each entry: decision (accepted | review | abstained), doi (accepted only), score, which fields
# the printed string shows (validation), the candidates, the query, and where and when it ran.
"""
REVIEW_HEADER = """\
# Near-misses from `litgraph crossref match`, for a curator. For each entry set
#   verdict: accept    (links `doi`, or the first candidate when `doi` is empty)
#   verdict: reject    (no DOI for this entry)
# A verdict is never changed by litgraph and always wins over matches.yaml. To reject an
# accepted match, add its entry here with `verdict: reject`. Use a `note:` field for remarks
# (comments are not kept when litgraph adds new entries).
"""
COUNTS_HEADER = """\
# Global citation counts (Crossref is-referenced-by-count), appended by `litgraph crossref refresh`.
# One row per DOI and date; earlier rows are never changed. source: the Crossref API asked.
"""


def crossref_dir(corpus_dir: str | Path) -> Path:
    return Path(corpus_dir) / CROSSREF_DIR


@dataclass(frozen=True, slots=True)
class Match:
    """An accepted DOI for one reference entry, with the evidence for it."""

    key: str
    doi: str
    score: float | None
    validated_fields: tuple[str, ...]
    title_similarity: float | None
    decided_by: Literal["crossref", "curator"]
    query_url: str | None
    retrieved_at: str | None
    base_url: str | None


@dataclass(frozen=True, slots=True)
class CitationCount:
    """Crossref's count of works citing `doi`, as seen on `date` (ISO) from `source` (an API URL)."""

    doi: str
    date: str
    count: int
    source: str


# -- YAML ----------------------------------------------------------------------------------------

def dump_yaml(data: Any) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def load_yaml_mapping(path: Path, top: str) -> dict[str, dict[str, Any]]:
    """The `top` mapping of a Crossref YAML file; {} when the file does not exist."""
    from ..corpus import read_yaml

    if not path.exists():
        return {}
    data = read_yaml(path) or {}
    if not isinstance(data, dict) or not isinstance(data.get(top) or {}, dict):
        raise CorpusError(str(path), f"expected a mapping under '{top}:'")
    items = data.get(top) or {}
    for key, value in items.items():
        if not isinstance(value, dict):
            raise CorpusError(str(path), f"entry {key!r} must be a mapping")
    return {str(k): v for k, v in items.items()}


def entry_order(key: str) -> tuple[str, str, int]:
    paper, _, rest = key.partition("#")
    name, _, position = rest.partition("/")
    return paper.lower(), name, int(position) if position.isdigit() else 0


def write_keyed_yaml(path: Path, header: str, top: str, items: dict[str, dict[str, Any]]) -> None:
    ordered = {k: items[k] for k in sorted(items, key=entry_order)}
    write_text_atomic(path, header + dump_yaml({top: ordered}))


# -- matches.yaml and review.yaml ----------------------------------------------------------------

def read_matches(corpus_dir: str | Path) -> dict[str, dict[str, Any]]:
    return load_yaml_mapping(crossref_dir(corpus_dir) / "matches.yaml", "matches")


def write_matches(corpus_dir: str | Path, matches: dict[str, dict[str, Any]]) -> None:
    write_keyed_yaml(crossref_dir(corpus_dir) / "matches.yaml", MATCHES_HEADER, "matches", matches)


def read_review(corpus_dir: str | Path) -> dict[str, dict[str, Any]]:
    path = crossref_dir(corpus_dir) / "review.yaml"
    items = load_yaml_mapping(path, "review")
    for key, item in items.items():
        if item.get("verdict") not in VERDICTS:
            raise CorpusError(str(path), f"{key}: verdict must be accept, reject or empty, "
                                         f"not {item.get('verdict')!r}")
    return items


def write_review(corpus_dir: str | Path, review: dict[str, dict[str, Any]]) -> None:
    write_keyed_yaml(crossref_dir(corpus_dir) / "review.yaml", REVIEW_HEADER, "review", review)


def curator_decided(review: dict[str, dict[str, Any]]) -> set[str]:
    """Entries a curator has given a verdict: litgraph never asks about them again."""
    return {key for key, item in review.items() if item.get("verdict")}


def load_accepted_matches(corpus_dir: str | Path) -> dict[str, Match]:
    """Entry key -> accepted DOI: auto-accepted ones plus curator-accepted near-misses, minus rejected.

    Raises:
        CorpusError: matches.yaml or review.yaml is malformed, or a curator
            accepted an entry without a DOI and without candidates.
    """
    accepted = {key: match_from_record(key, rec, "crossref") for key, rec in read_matches(corpus_dir).items()
                if rec.get("decision") == "accepted" and rec.get("doi")}
    review_path = crossref_dir(corpus_dir) / "review.yaml"
    for key, item in read_review(corpus_dir).items():
        if item.get("verdict") == "reject":
            accepted.pop(key, None)
        elif item.get("verdict") == "accept":
            accepted[key] = curator_match(key, item, review_path)
    return accepted


def match_from_record(key: str, record: dict[str, Any], decided_by: Literal["crossref", "curator"]) -> Match:
    validation = record.get("validation") or {}
    return Match(key=key, doi=str(record["doi"]).lower(), score=record.get("score"),
                 validated_fields=tuple(f for f, v in validation.items() if v == "agree"),
                 title_similarity=validation.get("title_similarity"), decided_by=decided_by,
                 query_url=record.get("url"), retrieved_at=record.get("retrieved_at"),
                 base_url=record.get("base_url"))


def curator_match(key: str, item: dict[str, Any], path: Path) -> Match:
    candidates = item.get("candidates") or []
    doi = item.get("doi") or (candidates[0].get("doi") if candidates else None)
    if not doi:
        raise CorpusError(str(path), f"{key}: verdict accept needs a doi (no candidates to take one from)")
    chosen = next((c for c in candidates if str(c.get("doi", "")).lower() == str(doi).lower()), {})
    record = dict(item, doi=doi, score=chosen.get("score"), validation=chosen.get("validation") or {})
    return match_from_record(key, record, "curator")


# -- citation-counts.tsv -------------------------------------------------------------------------

def counts_path(corpus_dir: str | Path) -> Path:
    return crossref_dir(corpus_dir) / "citation-counts.tsv"


def load_citation_counts(corpus_dir: str | Path) -> list[CitationCount]:
    """Every recorded count, in file order (oldest first).

    Raises:
        CorpusError: a row that is not `doi<TAB>date<TAB>count<TAB>source`.
    """
    path = counts_path(corpus_dir)
    if not path.exists():
        return []
    rows = []
    for number, line in enumerate(read_lines(path), 1):
        if not line.strip() or line.startswith("#") or line.split("\t")[0] == "doi":
            continue
        rows.append(count_from_line(line, path, number))
    return rows


def count_from_line(line: str, path: Path, number: int) -> CitationCount:
    parts = line.split("\t")
    if len(parts) != 4 or not parts[2].isdigit() or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", parts[1]):
        raise CorpusError(str(path), "expected 'doi<TAB>YYYY-MM-DD<TAB>count<TAB>source'", number)
    return CitationCount(parts[0], parts[1], int(parts[2]), parts[3])


def append_citation_counts(corpus_dir: str | Path, counts: list[CitationCount]) -> None:
    """Add rows after the existing ones, rewriting the file atomically with all prior rows kept."""
    if not counts:
        return
    path = counts_path(corpus_dir)
    text = path.read_text(encoding="utf-8") if path.exists() else COUNTS_HEADER + "\t".join(COUNT_COLUMNS) + "\n"
    if not text.endswith("\n"):
        text += "\n"
    text += "".join(f"{c.doi}\t{c.date}\t{c.count}\t{c.source}\n" for c in counts)
    write_text_atomic(path, text)


# -- metadata.jsonl ------------------------------------------------------------------------------

def metadata_path(corpus_dir: str | Path) -> Path:
    return crossref_dir(corpus_dir) / "metadata.jsonl"


def read_metadata(corpus_dir: str | Path) -> dict[str, dict[str, Any]]:
    """DOI -> the latest metadata Crossref gave for it (as `CrossrefWork.as_dict()` plus provenance)."""
    path = metadata_path(corpus_dir)
    if not path.exists():
        return {}
    records = {}
    for number, line in enumerate(read_lines(path), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            records[str(record["doi"]).lower()] = record
        except (ValueError, KeyError, TypeError) as exc:
            raise CorpusError(str(path), f"not a JSON object with a doi: {exc}", number) from exc
    return records


def write_metadata(corpus_dir: str | Path, records: dict[str, dict[str, Any]]) -> None:
    lines = [json.dumps(records[doi], ensure_ascii=False, sort_keys=True) for doi in sorted(records)]
    write_text_atomic(metadata_path(corpus_dir), "".join(line + "\n" for line in lines))
