"""The rows of `litgraph evidence` and `litgraph equivocal`, assembled from named-query rows.

An evidence row is one finding::

    {"finding": "apt-pitt-service-use", "domain": None, "factor": None, "polarity": None,
     "statement": "...", "design": "Systematic review of RCTs", "outcomes": ["Service use"],
     "direction": "No difference",
     "source": {"first_author": "Pitt", "year": 2013, "title": "...", "doi": "...", "work": "<IRI>"},
     "reported_in": "10.1192/apt.bp.113.011940",
     "quote": "The review found no evidence ...", "section": "Improvements in psychosocial outcomes",
     "citation": "(Pitt 2013)", "entry": "<IRI of the printed list entry>", "coded_by": "litgraph curators",
     "coded_on": "2026-11-24", "trial_evidence": True, "roles": ["Service user"],
     "settings": ["Community"], "sectors": ["NHS or statutory", ...], "doubts": []}

`doubts` holds the reasons to doubt a caveat finding gives (its `caveats:` link); other
findings have none. `entry` is the reporting paper's list entry the source was cited as
(None for a paper's own findings).

Concept values are preferred labels. Filters are given as labels, synonyms, slugs or
IRIs and resolved through the concept schemes held in the graph; a filter takes in
every narrower concept too (skos:broader): "service use" finds readmission findings,
"organisational support" finds training findings, "systematic review" finds reviews
of RCTs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..queries import get_query
from ..store import GraphStore
from .concepts import SCHEME_CLASSES, ConceptIndex, load_concepts
from .model import Concept

FINDING_PREFIX = "https://w3id.org/litgraph/id/finding/"
LG = "https://w3id.org/litgraph/ontology#"
MULTI = {LG + "outcome": "outcomes", LG + "role": "roles", LG + "setting": "settings",
         LG + "sector": "sectors", LG + "country": "countries"}
ROW_KEYS = ("finding", "domain", "factor", "polarity", "statement", "design", "outcomes", "direction",
            "source", "reported_in", "quote", "section", "citation", "entry", "coded_by", "coded_on",
            "trial_evidence", "roles", "settings", "sectors", "doubts")
FILTER_SCHEMES = {"domain": "domain", "factor": "factor", "polarity": "polarity", "role": "role",
                  "outcome": "outcome", "design": "design", "direction": "direction", "setting": "setting",
                  "sector": "sector"}


@dataclass(frozen=True, slots=True)
class EvidenceFilter:
    """Which findings to keep: each field a set of concept IRIs (None = any)."""

    domain: frozenset[str] | None = None
    factor: frozenset[str] | None = None
    polarity: frozenset[str] | None = None
    role: frozenset[str] | None = None
    outcome: frozenset[str] | None = None
    design: frozenset[str] | None = None
    direction: frozenset[str] | None = None
    setting: frozenset[str] | None = None
    sector: frozenset[str] | None = None
    trial_evidence: bool | None = None
    reported_in: str | None = None


def read_concepts(store: GraphStore) -> ConceptIndex:
    """The concept schemes as the built graph holds them (else as shipped in ontology/)."""
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(get_query("_concept-links").text).rows:
        links[row["concept"]][row["link"]].append(row["value"])
    concepts = {}
    for row in store.select(get_query("_concepts").text).rows:
        scheme = SCHEME_CLASSES[row["type"].rsplit("#", 1)[-1]]
        extra = links[row["concept"]]
        concepts[row["concept"]] = Concept(
            row["concept"], scheme, row["label"], tuple(extra["alt"]), tuple(extra["broader"]),
            tuple(extra["domain"]), row["trial_evidence"])
    return ConceptIndex(concepts.values()) if concepts else load_concepts()


def resolve_filter(concepts: ConceptIndex, trial_evidence: bool | None = None, reported_in: str | None = None,
                   **values: str | None) -> EvidenceFilter:
    """Resolve the CLI's filter values (domain, factor, ..., sector), narrower concepts included.

    `trial_evidence` keeps only findings from trial evidence (True) or other designs (False);
    `reported_in` only those coded from the seed paper with that DOI.
    """
    resolved: dict[str, frozenset[str]] = {}
    for key, value in values.items():
        if value is None:
            continue
        resolved[key] = frozenset(concepts.narrower_or_self(concepts.resolve(FILTER_SCHEMES[key], value).iri))
    doi = reported_in.strip().lower().removeprefix("https://doi.org/") if reported_in else None
    return EvidenceFilter(**resolved, trial_evidence=trial_evidence, reported_in=doi)


def finding_records(store: GraphStore) -> dict[str, dict[str, Any]]:
    """Every finding by IRI: its query row, plus its multi-valued concepts (IRIs and labels)."""
    records = {row["finding"]: dict(row, **{k: [] for k in MULTI.values()},
                                     **{k + "_labels": [] for k in MULTI.values()})
               for row in store.select(get_query("_evidence").text).rows}
    for row in store.select(get_query("_finding-concepts").text).rows:
        record = records.get(row["finding"])
        if record is not None:
            key = MULTI[row["property"]]
            record[key].append(row["concept"])
            record[key + "_labels"].append(row["label"] or row["concept"])
    for row in store.select(get_query("_caveats").text).rows:
        record = records.get(row["caveat"])
        if record is not None and (row["doubt_label"] or row["doubt"]) not in record.setdefault("doubt_labels", []):
            record["doubt_labels"].append(row["doubt_label"] or row["doubt"])
    return records


def keep(record: dict[str, Any], wanted: EvidenceFilter) -> bool:
    single = {key: record[key] for key in ("domain", "factor", "polarity", "design", "direction")}
    for key, value in single.items():
        allowed = getattr(wanted, key)
        if allowed is not None and value not in allowed:
            return False
    for key, values in (("role", record["roles"]), ("outcome", record["outcomes"]),
                        ("setting", record["settings"]), ("sector", record["sectors"])):
        allowed = getattr(wanted, key)
        if allowed is not None and not allowed & set(values):
            return False
    if wanted.trial_evidence is not None and bool(record["trial_evidence"]) != wanted.trial_evidence:
        return False
    return wanted.reported_in is None or (record["reported_in"] or "").lower() == wanted.reported_in


def evidence_row(record: dict[str, Any]) -> dict[str, Any]:
    """The public shape of one finding (see the module docstring)."""
    return {
        "finding": record["finding"].removeprefix(FINDING_PREFIX),
        "domain": record["domain_label"], "factor": record["factor_label"],
        "polarity": record["polarity_label"], "statement": record["statement"],
        "design": record["design_label"], "outcomes": list(record["outcomes_labels"]),
        "direction": record["direction_label"],
        "source": {"first_author": record["first_author"], "year": record["year"],
                   "title": record["title"], "doi": record["doi"], "work": record["source"]},
        "reported_in": record["reported_in"],
        "quote": record["quote"], "section": record["section"], "citation": record["citation"],
        "entry": record["entry"], "coded_by": record["coded_by"], "coded_on": record["coded_on"],
        "trial_evidence": bool(record["trial_evidence"]), "roles": list(record["roles_labels"]),
        "settings": list(record["settings_labels"]), "sectors": list(record["sectors_labels"]),
        "doubts": sorted(record.get("doubt_labels", [])),
    }


CSV_COLUMNS = ("finding", "domain", "factor", "polarity", "statement", "design", "outcomes", "direction",
               "source_first_author", "source_year", "source_title", "source_doi", "source_work", "reported_in",
               "quote", "section", "citation", "entry", "coded_by", "coded_on", "trial_evidence", "roles",
               "settings", "sectors", "doubts")


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row (the columns of CSV_COLUMNS): lists joined with "; ", source fields as source_<key>."""
    flat = {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items() if k != "source"}
    flat |= {f"source_{k}": v for k, v in row["source"].items()}
    return {k: flat.get(k) for k in CSV_COLUMNS}


def sort_key(row: dict[str, Any]) -> tuple:
    source = row["source"]
    return (row["domain"] is None, row["domain"] or "", row["factor"] or "", row["polarity"] or "",
            row["outcomes"][:1], row["design"] or "", source["year"] or 0, source["first_author"] or "",
            row["finding"])


def evidence_rows(store: GraphStore, wanted: EvidenceFilter = EvidenceFilter()) -> list[dict[str, Any]]:
    """One row per finding that passes `wanted`, ordered by domain, factor, polarity, outcome, year."""
    rows = [evidence_row(r) for r in finding_records(store).values() if keep(r, wanted)]
    return sorted(rows, key=sort_key)


def equivocal_rows(store: GraphStore) -> list[dict[str, Any]]:
    """The rows of `litgraph equivocal` (kept here for callers; see findings/equivocal.py)."""
    from .equivocal import equivocal_rows as rows

    return rows(store)
