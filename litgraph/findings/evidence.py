"""The rows of `litgraph evidence` and `litgraph equivocal`, assembled from named-query rows.

An evidence row is one finding::

    {"finding": "apt-pitt-service-use", "domain": None, "factor": None, "polarity": None,
     "statement": "...", "design": "Systematic review of RCTs", "outcomes": ["Service use"],
     "direction": "No difference",
     "source": {"first_author": "Pitt", "year": 2013, "title": "...", "doi": "...", "work": "<IRI>"},
     "reported_in": "10.1192/apt.bp.113.011940"}

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

from ..queries import get_query, run_query
from ..store import GraphStore
from .concepts import SCHEME_CLASSES, ConceptIndex, load_concepts
from .model import Concept

FINDING_PREFIX = "https://w3id.org/litgraph/id/finding/"
LG = "https://w3id.org/litgraph/ontology#"
MULTI = {LG + "outcome": "outcomes", LG + "role": "roles", LG + "setting": "settings",
         LG + "sector": "sectors", LG + "country": "countries"}
ROW_KEYS = ("finding", "domain", "factor", "polarity", "statement", "design", "outcomes", "direction",
            "source", "reported_in")


@dataclass(frozen=True, slots=True)
class EvidenceFilter:
    """Which findings to keep: each field a set of concept IRIs (None = any)."""

    domain: frozenset[str] | None = None
    factor: frozenset[str] | None = None
    polarity: frozenset[str] | None = None
    role: frozenset[str] | None = None
    outcome: frozenset[str] | None = None
    design: frozenset[str] | None = None


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


def resolve_filter(concepts: ConceptIndex, **values: str | None) -> EvidenceFilter:
    """Resolve the CLI's filter values (domain, factor, polarity, role, outcome, design), narrower concepts included."""
    schemes = {"domain": "domain", "factor": "factor", "polarity": "polarity", "role": "role",
               "outcome": "outcome", "design": "design"}
    resolved: dict[str, frozenset[str]] = {}
    for key, value in values.items():
        if value is None:
            continue
        resolved[key] = frozenset(concepts.narrower_or_self(concepts.resolve(schemes[key], value).iri))
    return EvidenceFilter(**resolved)


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
    return records


def keep(record: dict[str, Any], wanted: EvidenceFilter) -> bool:
    single = {"domain": record["domain"], "factor": record["factor"], "polarity": record["polarity"],
              "design": record["design"]}
    for key, value in single.items():
        allowed = getattr(wanted, key)
        if allowed is not None and value not in allowed:
            return False
    for key, values in (("role", record["roles"]), ("outcome", record["outcomes"])):
        allowed = getattr(wanted, key)
        if allowed is not None and not allowed & set(values):
            return False
    return True


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
    }


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
    """One row per outcome where trial and non-trial evidence disagree (query equivocal-rct)."""
    records = finding_records(store)
    sides: dict[str, dict[str, list[str]]] = {}
    for pair in run_query(get_query("equivocal-rct"), store).rows:
        outcome = sides.setdefault(pair["outcome"], {"trial": [], "non_trial": []})
        for side in ("trial", "non_trial"):
            if pair[f"{side}_finding"] not in outcome[side]:
                outcome[side].append(pair[f"{side}_finding"])
    return [{"outcome": outcome,
             "trial_evidence": [evidence_row(records[f]) for f in found["trial"] if f in records],
             "non_trial_evidence": [evidence_row(records[f]) for f in found["non_trial"] if f in records]}
            for outcome, found in sides.items()]
