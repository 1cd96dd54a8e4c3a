"""Stage 2 of the report: the evidence map as a grid, and the findings behind every cell (pure).

Two grids, both with study designs as columns:

- domains: a row per organisational domain (its findings, narrower domains included, as
  `litgraph evidence --domain D --design X` returns them), followed by a row per factor coded
  under that domain (the findings with that factor *and that domain*, which for a factor coded
  under one domain is exactly `litgraph evidence --factor F --design X`), and a row for the
  findings coded with that domain but no factor;
- outcomes: a row per outcome, narrower outcomes included (`litgraph evidence --outcome O --design X`),
  narrower outcomes indented under their broader one.

A design column takes in its narrower designs too, as the `--design` filter does. Membership
is decided here once, and the map cells and the page sections they link to both use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..findings.concepts import ConceptIndex
from ..findings.model import Concept

# Display order of the design columns: trials and reviews of them, then designs with a comparison,
# then uncontrolled, qualitative and secondary sources. Designs not named here follow, by label.
DESIGN_ORDER = (
    "systematic-review-of-rcts", "systematic-review", "randomised-controlled-trial",
    "non-randomised-comparison-group-study", "observational-historical-controls", "before-and-after-study",
    "cross-sectional-survey", "mixed-methods", "comparative-case-study", "qualitative-interview-study",
    "delphi-study", "literature-review", "policy-or-guidance", "theory", "expert-opinion", "study-protocol",
)
Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class GridRow:
    """One row of a grid: its concept(s), indent level, and the findings in each design column."""

    kind: str                          # "domain" | "factor" | "general" | "outcome"
    concept: Concept
    level: int
    cells: dict[str, tuple[Row, ...]]  # design slug -> findings
    domain: Concept | None = None      # a factor row's domain

    @property
    def total(self) -> int:
        return len({f["finding"] for cell in self.cells.values() for f in cell})


@dataclass(frozen=True, slots=True)
class Grid:
    axis: str                          # "domain" | "outcome"
    columns: tuple[Concept, ...]
    rows: tuple[GridRow, ...] = field(default=())


class Membership:
    """Which findings a concept takes in: itself and every narrower concept, matched by label."""

    def __init__(self, concepts: ConceptIndex) -> None:
        self.concepts = concepts

    def labels(self, concept: Concept) -> set[str]:
        return {self.concepts.by_iri[i].label for i in self.concepts.narrower_or_self(concept.iri)
                if i in self.concepts.by_iri}

    def design(self, design: Concept) -> Callable[[Row], bool]:
        labels = self.labels(design)
        return lambda row: row["design"] in labels

    def domain(self, domain: Concept) -> Callable[[Row], bool]:
        labels = self.labels(domain)
        return lambda row: row["domain"] in labels

    def general(self, domain: Concept) -> Callable[[Row], bool]:
        """Findings coded with this very domain but with no factor."""
        return lambda row: row["factor"] is None and row["domain"] == domain.label

    def factor(self, factor: Concept, domain: Concept) -> Callable[[Row], bool]:
        labels = self.labels(factor)
        return lambda row: row["factor"] in labels and row["domain"] == domain.label

    def outcome(self, outcome: Concept) -> Callable[[Row], bool]:
        labels = self.labels(outcome)
        return lambda row: bool(labels & set(row["outcomes"]))


def concept_of(concepts: ConceptIndex, scheme: str, label: str) -> Concept:
    return concepts.resolve(scheme, label)


def design_columns(findings: Iterable[Row], concepts: ConceptIndex) -> tuple[Concept, ...]:
    """The designs the findings use, in DESIGN_ORDER (others after, by label)."""
    used = {concept_of(concepts, "design", r["design"]) for r in findings if r["design"]}
    rank = {slug: n for n, slug in enumerate(DESIGN_ORDER)}
    return tuple(sorted(used, key=lambda c: (rank.get(c.slug, len(rank)), c.label)))


def split(findings: Iterable[Row], columns: tuple[Concept, ...], member: Membership) -> dict[str, tuple[Row, ...]]:
    """The findings of one row, per design column (empty columns left out)."""
    findings = list(findings)
    cells = {}
    for design in columns:
        inside = member.design(design)
        chosen = tuple(r for r in findings if inside(r))
        if chosen:
            cells[design.slug] = chosen
    return cells


def ordered_tree(concepts: list[Concept], weight: Callable[[Concept], int]) -> list[tuple[Concept, int]]:
    """Concepts with their depth, broader before narrower, siblings by weight (desc) then label."""
    present = {c.iri for c in concepts}
    children: dict[str | None, list[Concept]] = {}
    for c in concepts:
        parent = next((b for b in c.broader if b in present), None)
        children.setdefault(parent, []).append(c)
    out: list[tuple[Concept, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for c in sorted(children.get(parent, []), key=lambda c: (-weight(c), c.label)):
            out.append((c, depth))
            walk(c.iri, depth + 1)

    walk(None, 0)
    return out


def with_ancestors(concepts: ConceptIndex, used: set[str]) -> list[Concept]:
    """The concepts named in `used` and every broader concept above them."""
    seen, todo = set(), list(used)
    while todo:
        iri = todo.pop()
        if iri in seen or iri not in concepts.by_iri:
            continue
        seen.add(iri)
        todo.extend(concepts.by_iri[iri].broader)
    return [concepts.by_iri[i] for i in sorted(seen)]


def domain_grid(findings: list[Row], concepts: ConceptIndex) -> Grid:
    member = Membership(concepts)
    coded = [r for r in findings if r["domain"]]
    columns = design_columns(coded, concepts)
    used = {concept_of(concepts, "domain", r["domain"]).iri for r in coded}
    domains = with_ancestors(concepts, used)
    rows: list[GridRow] = []
    for domain, depth in ordered_tree(domains, lambda d: sum(map(member.domain(d), coded))):
        rows.append(GridRow("domain", domain, depth, split(filter(member.domain(domain), coded), columns, member)))
        factors = {concept_of(concepts, "factor", r["factor"]) for r in coded
                   if r["factor"] and r["domain"] == domain.label}
        for factor in sorted(factors, key=lambda f: (-sum(map(member.factor(f, domain), coded)), f.label)):
            chosen = filter(member.factor(factor, domain), coded)
            rows.append(GridRow("factor", factor, depth + 1, split(chosen, columns, member), domain))
        general = split(filter(member.general(domain), coded), columns, member)
        if general:
            rows.append(GridRow("general", domain, depth + 1, general, domain))
    return Grid("domain", columns, tuple(rows))


def outcome_grid(findings: list[Row], concepts: ConceptIndex) -> Grid:
    member = Membership(concepts)
    coded = [r for r in findings if r["outcomes"]]
    columns = design_columns(coded, concepts)
    used = {concept_of(concepts, "outcome", o).iri for r in coded for o in r["outcomes"]}
    rows = [GridRow("outcome", o, depth, split(filter(member.outcome(o), coded), columns, member))
            for o, depth in ordered_tree(with_ancestors(concepts, used),
                                         lambda o: sum(map(member.outcome(o), coded)))]
    return Grid("outcome", columns, tuple(rows))


def tally(findings: Iterable[Row], key: str) -> Counter:
    """How many findings have each value of `key` ("polarity" or "direction", lower case; None when not coded)."""
    return Counter(r[key].lower() if r[key] else None for r in findings)
