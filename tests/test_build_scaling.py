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


def printing(n: int, container: str, title: str = "Peer support in practice") -> ReferenceEntry:
    parsed = ParsedReference(raw=title, title=title, container=container, authors=(Author(family="Lee", given="A"),),
                             year=2010, type="journal-article")
    return ReferenceEntry(f"10.9/p{n:04d}", "references", 1, title, parsed)


def test_choose_container_compares_distinct_spellings_not_every_pair_of_printings(monkeypatch):
    """A work printed 600 times made 360,000 container_match calls (564k at 10k entries)."""
    import litgraph.identity.fields as fields
    from litgraph.identity.containers import container_match

    calls = []
    monkeypatch.setattr(fields, "container_match", lambda a, b: calls.append(1) or container_match(a, b))
    spellings = ["J Ment Health", "Journal of Mental Health", "Journal of mental health", "Psychiatr Serv"]
    mentions = [mention_from_entry(printing(n, spellings[n % 4] if n % 10 else spellings[3])) for n in range(600)]
    chosen = fields.choose_fields(mentions)
    assert len(calls) <= 3 * 3  # three distinct normalised names, each pair once
    assert chosen.container == "Journal of Mental Health"  # abbreviated and full vote together; fuller wins


def test_choose_title_counts_support_over_distinct_titles_with_the_same_choice():
    title = "Peer support in practice: a national survey"
    mentions = [mention_from_entry(printing(n, "J Ment Health", title if n % 7 else "Peer support in practice"))
                for n in range(500)]
    mentions += [mention_from_entry(printing(900, "J Ment Health", "Peer supprot in practice: a national survey"))]
    chosen = fields_of(mentions)
    assert chosen.title == title


def fields_of(mentions):
    from litgraph.identity.fields import choose_fields

    return choose_fields(mentions)


def test_change_summary_of_a_first_build_reads_the_decisions_once_not_once_per_work():
    """`reasons` scanned every decision for every added work: 6.4 s of a 10k build's summary."""
    from litgraph.changes import compare

    class CountedList(list):
        scans = 0

        def __iter__(self):
            CountedList.scans += 1
            return super().__iter__()

    works = {f"key/w{i}": {"title": f"W{i}", "members": [f"10.1/p#references/{i}", f"10.1/q#references/{i}"]}
             for i in range(300)}
    decisions = CountedList({"left": f"10.1/p#references/{i}", "right": f"10.1/q#references/{i}", "same": True,
                             "method": "scored", "score": 0.9, "reasons": ["title"]} for i in range(300))
    manifest = {"build": "b", "works": works, "decisions": decisions, "doi_matches": {}, "doi_rejected": {},
                "citation_counts": {}, "findings": {}}
    CountedList.scans = 0
    added = [c for c in compare({**manifest, "works": {}, "decisions": []}, manifest).changes]
    assert CountedList.scans <= 2
    assert len(added) == 300 and added[7].reasons == ("10.1/p#references/7 ~ 10.1/q#references/7: scored 0.9: title",)


def test_ntriples_lines_sorted_in_spilled_chunks_equal_one_sorted_set_and_leave_no_files(tmp_path):
    """The lines were held as a set and a sorted list at once (1.17 GB at 50k entries)."""
    from litgraph.sorted_lines import sorted_distinct

    rng = random.Random(7)
    lines = [ntriples_line((URIRef(f"http://x/{rng.randint(0, 3000)}"), P, Literal(rng.choice(AWKWARD))))
             for _ in range(20000)]  # U+2028 and form feeds inside lines, repeats across chunks
    assert list(sorted_distinct(lines, tmp_path, chunk_lines=997)) == sorted(set(lines))
    assert list(tmp_path.iterdir()) == []


def test_the_seed_graph_written_through_spilled_chunks_is_byte_identical(seed_build, tmp_path, monkeypatch):
    import litgraph.sorted_lines
    from rdflib import Graph

    from litgraph.graphfiles import write_ntriples

    graph = Graph()
    graph.parse(seed_build["build"] / "litgraph.nt", format="nt")
    monkeypatch.setattr(litgraph.sorted_lines.sorted_distinct, "__defaults__", (None, 1000))
    count = write_ntriples(iter(graph), tmp_path / "litgraph.nt")
    assert (tmp_path / "litgraph.nt").read_bytes() == (seed_build["build"] / "litgraph.nt").read_bytes()
    assert count == len(graph)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["litgraph.nt"]


def test_store_is_bulk_loaded_in_bounded_pieces_not_in_one_call(tmp_path, seed_build):
    """One bulk_load of a 424 MB file (50k entries) held 1.54 GB; 53 MB pieces 0.33 GB."""
    import pyoxigraph as ox

    from litgraph.bulk_load import PIECE_BYTES, pieces_for
    from litgraph.store import OxigraphStore

    assert pieces_for(0) == 1 and pieces_for(PIECE_BYTES) == 1 and pieces_for(PIECE_BYTES + 1) == 2
    assert pieces_for(424_412_501) == 7
    nt = seed_build["build"] / "litgraph.nt"
    whole = OxigraphStore.create(tmp_path / "whole", nt, parts=1)
    pieces = OxigraphStore.create(tmp_path / "pieces", nt, parts=9)
    dump = lambda s: sorted(s._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).split(b"\n"))  # noqa: E731
    assert len(pieces) == len(whole) == nt.read_bytes().count(b"\n")
    assert dump(pieces) == dump(whole)


def test_cached_literals_keep_one_true_and_the_string_one_apart():
    """Each literal is made once (issue 15); the cache must not hand Literal(1) back for Literal(True)."""
    from litgraph import triples

    made = [triples.Literal(1), triples.Literal(True), triples.Literal("1"), triples.Literal(1.0),
            triples.Literal("2012", datatype=XSD.gYear), triples.Literal("2012")]
    lines = {ntriples_line((S, P, o)) for o in made}
    assert len(lines) == len(made)
    assert triples.Literal("Peer support") is triples.Literal("Peer support")
    assert ntriples_line((S, P, triples.Literal(True))) == _nt_row((S, P, Literal(True)))
