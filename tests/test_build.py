"""Building the seed corpus: summary, stable bytes, stable ids, store parity, no half-written output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from litgraph.build import build_graph
from litgraph.errors import CorpusError
from litgraph.queries import get_query, list_queries, run_query
from litgraph.store import OxigraphStore, RdflibStore


def test_summary_counts(seed_build):
    s = seed_build["summary"]
    assert (s.papers, s.reference_entries, s.cited_by_entries) == (4, 158, 14)
    # every entry and seed paper lands in some work, and merging made fewer works than members
    assert 100 < s.works < 158 + 14 + 4
    assert s.works_cited_by_two_or_more_lists >= 15
    assert s.triples > 3000


def test_rebuild_is_byte_identical(seed_build, tmp_path):
    build_graph(seed_build["corpus"], tmp_path / "again")
    for name in ("litgraph.ttl", "litgraph.nt"):
        assert (tmp_path / "again" / name).read_bytes() == (seed_build["build"] / name).read_bytes(), name


def test_lock_file_unchanged_by_rebuild(seed_build, tmp_path):
    lock = seed_build["corpus"] / "work-ids.tsv"
    before = lock.read_bytes()
    build_graph(seed_build["corpus"], tmp_path / "again")
    assert lock.read_bytes() == before


def test_seed_papers_are_their_own_works(seed_build):
    store = OxigraphStore(seed_build["build"] / "store")
    rows = store.select(get_query("_seed-papers").text).rows
    assert {r["doi"] for r in rows} == {"10.1186/1472-6963-13-188", "10.1192/apt.bp.113.011940",
                                       "10.3310/hsdr02190", "10.1017/S2045796014000407"}
    # 001 and 003 cite 000 (a seed): the reference points at the seed paper's own node
    citing = run_query(get_query("citing-papers"), store, {"work": "10.1186/1472-6963-13-188"}).rows
    assert {r["doi"] for r in citing} >= {"10.1192/apt.bp.113.011940", "10.1017/S2045796014000407"}


def test_reference_list_in_printed_order(seed_build):
    store = OxigraphStore(seed_build["build"] / "store")
    rows = run_query(get_query("reference-list"), store, {"paper": "10.1186/1472-6963-13-188"}).rows
    assert [r["position"] for r in rows] == [n for n in range(1, 48) if n != 24]
    assert rows[0]["raw"].startswith("Sells DL, Davidson L, Jewell C, Falzer P, Rowe M: The treatment")


@pytest.mark.parametrize("query", [q.name for q in list_queries()])
def test_oxigraph_and_rdflib_give_the_same_rows(seed_build, query):
    ox = OxigraphStore(seed_build["build"] / "store")
    rl = RdflibStore.from_file(seed_build["build"] / "litgraph.nt")
    params = {"reference-list": {"paper": "10.1192/apt.bp.113.011940"},
              "citing-papers": {"work": "10.1192/apt.bp.113.011940"},
              "works-by-author": {"name": "Gillard"},
              "factor-evidence": {"factor": "clear job description"}}.get(query, {})
    a = run_query(get_query(query), ox, params)
    b = run_query(get_query(query), rl, params)
    assert a.variables == b.variables
    assert list(a.rows) == list(b.rows)
    assert a.rows, f"{query} returned no rows on the seed graph"


def test_failed_build_leaves_previous_output_untouched(seed_build, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_build["corpus"], corpus)
    out = tmp_path / "build"
    build_graph(corpus, out)
    before = {p.name: p.read_bytes() for p in out.glob("litgraph.*")}
    lock_before = (corpus / "work-ids.tsv").read_bytes()
    bad = corpus / "references" / "gillard-2015-eps.tsv"
    bad.write_text(bad.read_text() + "oops no tab\n")
    with pytest.raises(CorpusError):
        build_graph(corpus, out)
    assert {p.name: p.read_bytes() for p in out.glob("litgraph.*")} == before
    assert (corpus / "work-ids.tsv").read_bytes() == lock_before
    assert not list(out.glob(".*.tmp")) and not (out / "store.new").exists()


def test_every_term_the_build_emits_is_declared_in_the_ontology(seed_build):
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF

    from litgraph.resources import data_dir

    ontology = Graph()
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        ontology.parse(path, format="turtle")
    declared = set(ontology.subjects(RDF.type, None))
    built = Graph().parse(seed_build["build"] / "litgraph.nt", format="nt")
    used = {p for p in built.predicates() if p != RDF.type} | set(built.objects(None, RDF.type))
    missing = sorted(str(t) for t in used if isinstance(t, URIRef) and t not in declared)
    assert not missing, f"terms emitted but not declared in ontology/: {missing}"
    assert OWL.Ontology in set(ontology.objects(None, RDF.type))


def test_cocitation_rank_is_the_order_the_query_showed_by_count_authors_years(seed_build):
    """lg:coCitationRank replaces ORDER BY DESC(?count) ?author_a ?author_b ?year_a ?year_b ?work_a ?work_b."""
    rl = RdflibStore.from_file(seed_build["build"] / "litgraph.nt")
    shown = (Path(__file__).parent / "fixtures" / "cocitation-shown-order.rq").read_text(encoding="utf-8")
    ranks = [r["rank"] for r in rl.select(shown).rows]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) > 100


def test_turtle_and_ntriples_hold_the_same_graph(seed_build):
    from rdflib import Graph

    nt = Graph().parse(seed_build["build"] / "litgraph.nt", format="nt")
    ttl = Graph().parse(seed_build["build"] / "litgraph.ttl", format="turtle")
    assert len(nt) == seed_build["summary"].triples and set(nt) == set(ttl)
    assert "@prefix fabio: <http://purl.org/spar/fabio/> ." in (seed_build["build"] / "litgraph.ttl").read_text()


def test_repeated_triples_and_line_separators_inside_literals(tmp_path):
    """One line per distinct triple, even for a literal holding U+2028, NEL or a form feed
    (characters str.splitlines would cut); the store and the Turtle hold the same triples."""
    from rdflib import Graph, Literal, URIRef

    from litgraph.build import write_outputs

    s, p = URIRef("https://w3id.org/litgraph/id/x"), URIRef("http://purl.org/dc/terms/title")
    titles = ["one\u2028two", "three\x85four", "five\x0csix", 'quote " and \\ and\nnewline']
    triples = [(s, p, Literal(t)) for t in titles]
    count = write_outputs(triples + triples[:2], tmp_path)
    assert count == 4 == len((tmp_path / "litgraph.nt").read_bytes().split(b"\n")) - 1
    assert len(OxigraphStore(tmp_path / "store")) == 4
    assert set(Graph().parse(tmp_path / "litgraph.ttl", format="turtle")) == set(triples)
    assert set(Graph().parse(tmp_path / "litgraph.nt", format="nt")) == set(triples)
