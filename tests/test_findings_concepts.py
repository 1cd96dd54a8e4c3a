"""Resolving a coder's or a user's value to a concept: slug, label, synonym or IRI, any case;
the outcome hierarchy; and reading the schemes from the ontology files."""

from __future__ import annotations

from pathlib import Path

import pytest

from litgraph.errors import InputError
from litgraph.findings import Concept, ConceptIndex, UnknownConceptError
from litgraph.findings.concepts import concept_triples, concepts_from_graph, load_concepts

FIXTURES = Path(__file__).parent / "fixtures"
C = "https://w3id.org/litgraph/concept/"


@pytest.fixture(scope="module")
def concepts():
    from rdflib import Graph

    return concepts_from_graph(Graph().parse(FIXTURES / "mini-evidence.ttl", format="turtle"))


@pytest.mark.parametrize("scheme, value, slug", [
    ("outcome", "readmission", "readmission"),                                   # slug
    ("outcome", "Readmission", "readmission"),                                   # preferred label
    ("outcome", "HOSPITAL READMISSION", "readmission"),                          # synonym, any case
    ("outcome", "hospital-readmission", "readmission"),                          # hyphens as spaces
    ("outcome", C + "outcome/readmission", "readmission"),                       # IRI
    ("outcome", "lgc:outcome/readmission", "readmission"),                       # prefixed IRI
    ("design", "Cochrane review", "systematic-review-of-rcts"),
    ("design", "rct", "randomised-controlled-trial"),
    ("role", "  Patient ", "service-user"),
    ("domain", "distinctiveness of the role", "role-distinctiveness"),
    ("polarity", "Barrier", "barrier"),
])
def test_resolve(concepts, scheme, value, slug):
    assert concepts.resolve(scheme, value).slug == slug


def test_a_value_resolves_only_in_its_own_scheme(concepts):
    with pytest.raises(UnknownConceptError):
        concepts.resolve("role", "readmission")


def test_unknown_value_suggests_close_labels_and_lists_the_known_ones(concepts):
    with pytest.raises(UnknownConceptError) as info:
        concepts.resolve("outcome", "empowerement")
    message = str(info.value)
    assert "did you mean 'Empowerment'?" in message
    assert "known outcome labels: Empowerment, Hospital admission, Readmission, Service use, Social isolation" in message
    assert info.value.suggestions == ["Empowerment"]
    assert isinstance(info.value, InputError)


def test_ambiguous_value_is_an_error():
    index = ConceptIndex([Concept(C + "role/a", "role", "Worker"), Concept(C + "role/b", "role", "Helper",
                                                                           ("worker",))])
    with pytest.raises(InputError, match="ambiguous"):
        index.resolve("role", "worker")


def test_narrower_outcomes_come_with_the_broader_one(concepts):
    assert concepts.narrower_or_self(C + "outcome/service-use") == {
        C + "outcome/service-use", C + "outcome/hospital-admission", C + "outcome/readmission"}
    assert concepts.narrower_or_self(C + "outcome/readmission") == {C + "outcome/readmission"}


def test_concept_fields_read_from_the_graph(concepts):
    review = concepts.by_iri[C + "design/systematic-review-of-rcts"]
    assert (review.scheme, review.label, review.is_trial_evidence) == ("design", "Systematic review of RCTs", True)
    assert concepts.by_iri[C + "design/qualitative-study"].is_trial_evidence is False
    assert concepts.by_iri[C + "factor/clear-job-description"].domains == (C + "domain/role-distinctiveness",)
    assert concepts.by_iri[C + "outcome/readmission"].broader == (C + "outcome/hospital-admission",)
    assert concepts.labels("polarity") == ["Barrier", "Facilitator"]


def test_shipped_ontology_loads_and_every_concept_has_a_scheme_and_label():
    index = load_concepts()
    for concept in index.by_iri.values():
        assert concept.label and concept.scheme, concept.iri
    triples = concept_triples()
    subjects = {str(s) for s, _, _ in triples}
    assert set(index.by_iri) <= subjects


def test_shipped_designs_say_whether_they_are_trial_evidence():
    designs = [c for c in load_concepts().by_iri.values() if c.scheme == "design"]
    assert all(c.is_trial_evidence is not None for c in designs), [c.iri for c in designs if c.is_trial_evidence is None]
