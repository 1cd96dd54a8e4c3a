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
