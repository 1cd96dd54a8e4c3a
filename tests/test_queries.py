"""Every named query parses, runs on the fixture graph, and gives the hand-written rows on both stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litgraph.errors import QueryError
from litgraph.queries import get_query, list_queries, parse_query_file, run_query

CASES = sorted((Path(__file__).parent / "cases" / "queries").glob("*.json"))
WORK = "https://w3id.org/litgraph/id/work/"


def expand(rows):
    return [{k: WORK + v[2:] if isinstance(v, str) and v.startswith("w:") else v for k, v in r.items()}
            for r in rows]


def test_every_named_query_has_a_case():
    named = {q.name for q in list_queries()}
    covered = {json.loads(p.read_text())["query"] for p in CASES}
    assert named <= covered, f"queries without an expected-rows case: {sorted(named - covered)}"


def test_every_query_file_has_header_and_parses_in_both_engines(mini_stores):
    from rdflib.plugins.sparql import prepareQuery

    folder = Path(__file__).resolve().parent.parent / "queries"
    for path in sorted(folder.glob("*.rq")):
        query = parse_query_file(path)
        assert query.title and query.description, path
        prepareQuery(query.text)  # rdflib parses it
        for p in query.params:
            assert p.description, f"{path}: param {p.name} has no description"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("store_name", ["oxigraph", "rdflib"])
def test_query_rows(case, store_name, mini_stores):
    spec = json.loads(case.read_text())
    result = run_query(get_query(spec["query"]), mini_stores[store_name], spec["params"])
    assert list(result.rows) == expand(spec["expected"])


def test_unknown_query_names_the_known_ones():
    with pytest.raises(QueryError, match="unknown query 'nope'.*most-cited"):
        get_query("nope")


def test_unknown_parameter_is_rejected(mini_stores):
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        run_query(get_query("most-cited"), mini_stores["oxigraph"], {"colour": "red"})


def test_missing_parameter_is_rejected(mini_stores):
    with pytest.raises(QueryError, match="needs --param paper="):
        run_query(get_query("reference-list"), mini_stores["oxigraph"], {})


def test_unknown_doi_is_reported(mini_stores):
    with pytest.raises(QueryError, match="no work with DOI 10.5555/zzz"):
        run_query(get_query("reference-list"), mini_stores["rdflib"], {"paper": "10.5555/zzz"})


@pytest.mark.parametrize("store_name", ["oxigraph", "rdflib"])
def test_sparql_syntax_error_is_a_query_error(store_name, mini_stores):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        mini_stores[store_name].select("SELECT ?x WHERE { ?x ?y }")


@pytest.mark.parametrize("store_name", ["oxigraph", "rdflib"])
def test_doi_param_resolves_at_the_minted_iri_and_at_locked_ids(tmp_path, store_name):
    """A DOI finds its work at work/doi/<lower-case DOI> (one lookup), or anywhere else by comparing DOIs."""
    from litgraph.queries import resolve_work
    from litgraph.store import OxigraphStore, RdflibStore

    doi = "<http://prismstandard.org/namespaces/basic/2.0/doi>"
    nt = tmp_path / "g.nt"
    nt.write_text(
        f'<{WORK}doi/10.1000/abc> {doi} "10.1000/ABC" .\n'
        f'<{WORK}key/aaaaaaaaaaaa> {doi} "10.2000/Late" .\n'  # id locked before its DOI was known
        f'<{WORK}doi/10.3000/old> {doi} "10.3000/new" .\n',  # id locked before its DOI was corrected
        encoding="utf-8")
    store = RdflibStore.from_file(nt) if store_name == "rdflib" else OxigraphStore.create(tmp_path / "s", nt)
    assert resolve_work("10.1000/abc", store) == f"{WORK}doi/10.1000/abc"
    assert resolve_work("https://doi.org/10.2000/LATE", store) == f"{WORK}key/aaaaaaaaaaaa"
    assert resolve_work("doi:10.3000/NEW", store) == f"{WORK}doi/10.3000/old"
    with pytest.raises(QueryError, match="no work with DOI 10.3000/old"):
        resolve_work("10.3000/old", store)  # its IRI exists, but the work's DOI is another


REFERENCE = Path(__file__).parent / "cases" / "reference-queries"
SEED_PARAMS = {"works-by-author": [{"name": "Gillard"}, {"name": "department of health"}, {"name": "SELLS"}]}


@pytest.mark.parametrize("store_kind", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("reference", sorted(REFERENCE.glob("*.rq")), ids=lambda p: p.stem)
def test_materialised_or_flattened_query_gives_the_rows_of_its_old_shape_on_the_seed_build(
        seed_build, store_kind, reference):
    """most-cited, shared-references and works-by-author read counts, ranks and name keys materialised at
    build, _work-members has flat UNION branches: each must answer exactly as the query it replaced."""
    from litgraph.store import open_store

    store = open_store(store_kind, seed_build["build"])
    old, new = parse_query_file(reference), get_query(reference.stem)
    for values in SEED_PARAMS.get(reference.stem, [{}]):
        expected = run_query(old, store, values).rows
        assert expected, f"{reference.stem} {values}: the reference query found nothing on the seed build"
        got = run_query(new, store, values).rows
        if reference.stem.startswith("_"):  # internal: litgraph sorts their rows itself (litgraph/works.py)
            expected, got = sorted(map(repr, expected)), sorted(map(repr, got))
        assert got == expected


@pytest.mark.parametrize("store_kind", ["oxigraph", "rdflib"])
def test_works_sorted_in_python_come_in_the_order_sparql_gave_them(seed_build, store_kind):
    """`litgraph works` sorts works and members itself; the order must be the old queries' ORDER BY."""
    from litgraph.store import open_store
    from litgraph.works import read_works

    store = open_store(store_kind, seed_build["build"])
    works = read_works(store)
    old_works = [r["work"] for r in run_query(parse_query_file(REFERENCE / "_works.rq"), store).rows]
    assert [WORK + w["id"] for w in works] == old_works
    old_members: dict[str, list] = {}
    for row in run_query(parse_query_file(REFERENCE / "_work-members.rq"), store).rows:
        old_members.setdefault(row["work"], []).append((row["paper_doi"], row["list"], row["position"]))
    for work in works:
        listed = [(m["paper_doi"], m["list"], m["position"]) for m in work["members"] if m["list"] != "paper"]
        assert listed == old_members.get(WORK + work["id"], []), work["id"]
    authors = {r["work"]: [] for r in run_query(parse_query_file(REFERENCE / "_work-authors.rq"), store).rows}
    for row in run_query(parse_query_file(REFERENCE / "_work-authors.rq"), store).rows:
        authors[row["work"]].append(row["family"] or row["literal"])
    assert {WORK + w["id"]: [a.get("family") or a.get("literal") for a in w["authors"]] for w in works
            if w["authors"]} == authors


def test_materialised_counts_exist_for_every_cited_work_on_the_seed_build(seed_build):
    from litgraph.store import open_store

    store = open_store("oxigraph", seed_build["build"])
    missing = store.select("PREFIX cito: <http://purl.org/spar/cito/> PREFIX lg: <https://w3id.org/litgraph/ontology#> "
                           "SELECT ?work WHERE { ?c cito:cites ?work FILTER NOT EXISTS { ?work lg:citationRank ?r } }")
    assert missing.rows == ()


def test_headline_says_top_1000_rather_than_in_all_when_a_query_stops_at_1000():
    from litgraph.cli.graph import count_shown

    assert count_shown([{}] * 12) == "12 in all"
    assert count_shown([{}] * 1000) == "top 1000"


@pytest.mark.parametrize("store_kind", ["oxigraph", "rdflib"])
def test_report_sorted_in_python_gets_entries_and_citations_in_the_order_sparql_gave_them(seed_build, store_kind):
    """_report-entries (flattened) and _report-citations lost their ORDER BY; litgraph report sorts instead."""
    from litgraph.report.data import gather
    from litgraph.store import open_store

    store = open_store(store_kind, seed_build["build"])
    data = gather(store)
    old_citations = run_query(parse_query_file(REFERENCE / "_report-citations.rq"), store).rows
    assert data.citations == tuple((r["citing"], r["cited"]) for r in old_citations)
    old_entries: dict[str, list] = {}
    for row in run_query(parse_query_file(REFERENCE / "_report-entries.rq"), store).rows:
        old_entries.setdefault(row["work"], []).append({k: row[k] for k in ("paper", "list", "position", "text")})
    assert data.entries == old_entries
