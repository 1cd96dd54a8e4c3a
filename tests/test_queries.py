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
