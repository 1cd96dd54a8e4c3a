"""The frozen records of the evidence layer: coded findings and the concepts they use.

A `Finding` is one claim coded from a seed paper's text (corpus/findings/*.yaml),
with every concept already resolved to its IRI. No rdflib types inside: concept
values are IRI strings, so the records stay plain and comparable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["entry", "doi", "self"]


@dataclass(frozen=True, slots=True)
class FindingSource:
    """What a finding rests on: an entry of the reporting paper's list, a DOI, or the paper itself."""

    kind: SourceKind
    entry: int | None = None
    doi: str | None = None

    def describe(self) -> str:
        if self.kind == "entry":
            return f"reference entry {self.entry}"
        return f"DOI {self.doi}" if self.kind == "doi" else "the reporting paper itself"


@dataclass(frozen=True, slots=True)
class CaveatTarget:
    """What a caveat casts doubt on: another finding (by id) or a study (an entry or a DOI)."""

    finding: str | None = None
    source: FindingSource | None = None

    def describe(self) -> str:
        return f"finding {self.finding}" if self.finding else self.source.describe()


@dataclass(frozen=True, slots=True)
class Finding:
    """One coded finding, its concepts resolved to IRIs.

    `path` is the findings file as shown to people (e.g. "corpus/findings/gillard-2014-apt.yaml")
    and `line` the YAML line where the finding starts.
    """

    id: str
    paper_doi: str
    path: str
    line: int
    statement: str
    quote: str
    section: str
    source: FindingSource
    design: str
    coded_by: str
    coded_on: str | None = None
    citation: str | None = None
    outcomes: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    domain: str | None = None
    factor: str | None = None
    mechanism: str | None = None
    polarity: str | None = None
    direction: str | None = None
    trials: int | None = None
    note: str | None = None
    caveats: tuple[CaveatTarget, ...] = ()
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Concept:
    """One SKOS concept of a litgraph scheme (design, outcome, role, ...)."""

    iri: str
    scheme: str
    label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    domains: tuple[str, ...] = field(default=())  # lg:inDomain, on factors
    is_trial_evidence: bool | None = None

    @property
    def slug(self) -> str:
        return self.iri.rstrip("/").rsplit("/", 1)[-1]
