"""Issue 15: the build at size: the N-Triples writer, blocking that stays near-linear, decisions per member."""

from __future__ import annotations

import doctest
import random

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.serializers.nt import _nt_row

import litgraph.graphfiles
from litgraph.graphfiles import ntriples_line, sorted_ntriples
from litgraph.identity import load_curator, resolve_works
from litgraph.identity.blocking import MAX_BLOCK, WINDOW, candidate_pairs
from litgraph.identity.mentions import mention_from_entry
from litgraph.model import Author, ParsedReference, ReferenceEntry

S, P = URIRef("https://w3id.org/litgraph/data/work/doi/10.1/x"), URIRef("http://purl.org/dc/terms/title")
AWKWARD = ['plain', 'say "hi"', "back\\slash", "line\nbreak", "carriage\rreturn", "line\u2028separator",
           "form\x0cfeed", "tab\there", "non-BMP \U0001F600 \U00010348", "", "trailing space ", "é ß ñ"]


def test_ntriples_line_is_byte_identical_to_rdflibs_row_for_awkward_literals():
    objects = [Literal(t) for t in AWKWARD] + [Literal(t, lang="en") for t in AWKWARD]
    objects += [Literal(t, lang="en-GB") for t in AWKWARD[:3]] + [Literal(t, datatype=XSD.string) for t in AWKWARD]
    objects += [Literal(True), Literal(42), Literal(0.8312), Literal("2012", datatype=XSD.gYear),
                URIRef("http://example.org/o"), BNode("b1")]
    for o in objects:
        assert ntriples_line((S, P, o)) == _nt_row((S, P, o)), repr(o)
    assert ntriples_line((BNode("b2"), P, S)) == _nt_row((BNode("b2"), P, S))


def test_ntriples_line_refuses_an_iri_rdflib_would_refuse():
    import pytest

    with pytest.raises(ValueError, match="does not look like a valid URI"):
        ntriples_line((URIRef("http://x/a b"), P, S))


def test_sorted_ntriples_matches_rdflibs_rows_on_the_seed_graph(seed_build):
    from rdflib import Graph

    graph = Graph()
    graph.parse(seed_build["build"] / "litgraph.nt", format="nt")
    assert sorted_ntriples(graph) == sorted({_nt_row(t) for t in graph})
    assert "".join(sorted_ntriples(graph)) == (seed_build["build"] / "litgraph.nt").read_text(encoding="utf-8")


def test_graphfiles_doctests_run():
    assert doctest.testmod(litgraph.graphfiles).failed == 0


def entry(paper: str, position: int, title: str, family: str, year: int = 2010) -> ReferenceEntry:
    parsed = ParsedReference(raw=title, title=title, authors=(Author(family=family, given="A"),), year=year,
                             type="journal-article")
    return ReferenceEntry(paper, "references", position, title, parsed)


def test_a_common_surname_no_longer_gives_a_quadratic_block():
    """At 50k entries one surname's block held 1,751 mentions: every pair was compared."""
    rng = random.Random(1)
    words = [f"w{i}" for i in range(400)]
    entries = [entry(f"10.1/p{i}", 1, " ".join(rng.sample(words, 8)), "Smith", 1990 + i % 30)
               for i in range(2000)]
    pairs = candidate_pairs([mention_from_entry(e) for e in entries])
    assert len(pairs) < 2000 * (MAX_BLOCK + 2 * WINDOW)
    assert len(pairs) < 2000 * 1999 // 2 // 50


def test_a_popular_work_printed_alike_many_times_is_one_work_with_one_decision_per_member():
    """A popular work's printings were compared pairwise, each pair a decision of about 12 triples."""
    title = "Peer support workers in community mental health teams: a qualitative study"
    entries = [entry(f"10.1/p{i}", 1, title, "Gillard") for i in range(300)]
    entries += [entry(f"10.2/p{i}", 1, title.replace("workers", "wokrers"), "Gillard") for i in range(40)]
    result = resolve_works([], entries, load_curator(None), {})
    assert len(result.works) == 1
    assert sum(d.same for d in result.decisions) == len(entries) - 1
    assert len(result.decisions) == len(entries) - 1


def test_one_list_printing_a_work_twice_alike_keeps_both_apart_with_one_near_miss():
    title = "Recovery and the peer workforce: a national survey of services"
    entries = [entry("10.1/a", 1, title, "Repper"), entry("10.1/a", 2, title, "Repper"),
               entry("10.1/b", 1, title, "Repper")]
    result = resolve_works([], entries, load_curator(None), {})
    assert len(result.works) == 2
    apart = [d for d in result.decisions if not d.same]
    assert len(apart) == 1 and "kept apart: one list prints both: 10.1/a#references" in apart[0].reasons
