"""The evidence layer: findings coded from the seed papers, and the concepts they use.

Stages, one module each:

    load      corpus/findings/*.yaml -> Finding records (checked; CorpusError on problems)
    concepts  ontology/*.ttl -> ConceptIndex (resolve a slug, label, synonym or IRI)
    triples   Finding -> triples (pure); finding_triples_for_corpus for the build
    evidence  query rows -> the rows of `litgraph evidence` and `litgraph equivocal`
    validate  SHACL shapes and OWL consistency over a built graph, mapped back to corpus files

Nothing here imports rdflib at module level except `triples`, so the CLI stays fast.
"""

from __future__ import annotations

from .concepts import ConceptIndex, UnknownConceptError, concept_triples, load_concepts
from .load import check_findings, load_findings
from .model import Concept, Finding, FindingSource


def finding_triples_for_corpus(*args, **kwargs):
    """See `litgraph.findings.triples.finding_triples_for_corpus` (imported lazily: it needs rdflib)."""
    from .triples import finding_triples_for_corpus as build

    return build(*args, **kwargs)


def evidence_triples(*args, **kwargs):
    """See `litgraph.findings.triples.evidence_triples`: what the build adds (concepts + findings)."""
    from .triples import evidence_triples as build

    return build(*args, **kwargs)


__all__ = [
    "Concept", "ConceptIndex", "Finding", "FindingSource", "UnknownConceptError", "check_findings",
    "concept_triples", "evidence_triples", "finding_triples_for_corpus", "load_concepts", "load_findings",
]
