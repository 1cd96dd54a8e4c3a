"""Findings to triples: the pure function, the golden fixture (YAML in, hand-written Turtle out),
and every emitted term declared in the ontology."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, SKOS

from litgraph.corpus import load_corpus
from litgraph.errors import CorpusError
from litgraph.findings import Finding, FindingSource
from litgraph.findings.concepts import concepts_from_graph, ontology_graph
from litgraph.findings.triples import agent_iri, finding_triples, finding_triples_for_corpus

FIXTURES = Path(__file__).parent / "fixtures"
W = "https://w3id.org/litgraph/id/work/"
C = "https://w3id.org/litgraph/concept/"
LG = "https://w3id.org/litgraph/ontology#"
CITO = "http://purl.org/spar/cito/"
# The identity stage's answers for the fixture corpus, as in tests/fixtures/mini.ttl.
ENTRIES = {"10.1000/A#references/1": W + "key/xxxxxxxxxxxx", "10.1000/A#references/2": W + "key/yyyyyyyyyyyy",
           "10.1000/A#references/3": W + "doi/10.1000/b", "10.1000/b#references/1": W + "key/yyyyyyyyyyyy",
           "10.1000/b#references/2": W + "key/xxxxxxxxxxxx"}
PAPERS = {"10.1000/A": W + "doi/10.1000/a", "10.1000/b": W + "doi/10.1000/b"}
DOIS = {"10.1000/r": W + "doi/10.1000/r", "10.9999/c": W + "doi/10.9999/c"}


def finding(**changes) -> Finding:
    fields = dict(id="x-1", paper_doi="10.1000/A", path="corpus/findings/paper-a.yaml", line=5,
                  statement="Peer support helped.", quote="it helped", section="Results",
                  source=FindingSource("entry", entry=2), design=C + "design/qualitative-study",
                  coded_by="litgraph curators", outcomes=(C + "outcome/empowerment",),
                  direction=C + "direction/benefit")
    return Finding(**(fields | changes))


def test_one_finding_as_triples():
    triples = set(finding_triples(finding(), W + "doi/10.1000/a", W + "key/y", W + "doi/10.1000/a/references/2"))
    f = URIRef("https://w3id.org/litgraph/id/finding/x-1")
    assert (f, RDF.type, URIRef(LG + "Finding")) in triples
    assert (f, URIRef(LG + "statement"), Literal("Peer support helped.", lang="en")) in triples
    assert (f, URIRef(CITO + "obtainsSupportFrom"), URIRef(W + "key/y")) in triples
    assert (f, URIRef(LG + "fromReferenceEntry"), URIRef(W + "doi/10.1000/a/references/2")) in triples
    assert (URIRef(W + "doi/10.1000/a"), URIRef(CITO + "citesAsEvidence"), URIRef(W + "key/y")) in triples
    assert (f, URIRef(LG + "outcome"), URIRef(C + "outcome/empowerment")) in triples
    assert (f, URIRef(LG + "codedInFile"), Literal("corpus/findings/paper-a.yaml")) in triples
    assert not any(p == URIRef(LG + "polarity") for _, p, _ in triples)


def test_self_source_cites_nothing_as_evidence():
    paper = W + "doi/10.1000/a"
    triples = finding_triples(finding(source=FindingSource("self")), paper, paper)
    assert not any(p == URIRef(CITO + "citesAsEvidence") for _, p, _ in triples)
    assert not any(p == URIRef(LG + "fromReferenceEntry") for _, p, _ in triples)


def test_pure_same_input_same_triples():
    args = (finding(), W + "doi/10.1000/a", W + "key/y")
    assert finding_triples(*args) == finding_triples(*args)


def test_agent_iri_is_a_slug():
    assert str(agent_iri("litgraph Curators!")) == "https://w3id.org/litgraph/id/agent/litgraph-curators"


@pytest.fixture(scope="module")
def evidence_graph():
    return Graph().parse(FIXTURES / "mini-evidence.ttl", format="turtle")


def corpus_triples(corpus_dir, evidence_graph, dois=DOIS):
    return finding_triples_for_corpus(load_corpus(corpus_dir), ENTRIES.__getitem__, PAPERS.__getitem__,
                                      lambda doi: dois.get(doi.lower()), concepts_from_graph(evidence_graph))


def test_yaml_findings_give_the_hand_written_triples(evidence_graph):
    """tests/fixtures/findings/corpus/findings/*.yaml -> exactly the findings of mini-evidence.ttl."""
    got = Graph()
    for triple in corpus_triples(FIXTURES / "findings" / "corpus", evidence_graph):
        got.add(triple)
    not_findings = set(evidence_graph.subjects(RDF.type, SKOS.Concept)) | {URIRef(W + "doi/10.1000/r")}
    expected = Graph()
    for triple in evidence_graph:
        if triple[0] not in not_findings:
            expected.add(triple)
    _, extra, missing = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    assert isomorphic(got, expected), f"extra: {sorted(extra)}\nmissing: {sorted(missing)}"


def test_doi_source_must_be_a_work_of_the_graph(evidence_graph):
    with pytest.raises(CorpusError, match=r"finding a-review-service-use: no work in the graph has DOI 10.1000/R") as info:
        corpus_triples(FIXTURES / "findings" / "corpus", evidence_graph, dois={"10.9999/c": W + "doi/10.9999/c"})
    assert info.value.path == "corpus/findings/paper-a.yaml" and info.value.line == 5


def test_every_emitted_term_is_declared_in_the_ontology(evidence_graph):
    ontology = ontology_graph()
    declared = {s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                for s in ontology.subjects(RDF.type, kind)}
    triples = corpus_triples(FIXTURES / "findings" / "corpus", evidence_graph)
    predicates = {p for _, p, _ in triples if p != RDF.type}
    classes = {o for _, p, o in triples if p == RDF.type}
    assert predicates - declared == set()
    assert classes - declared == set()
