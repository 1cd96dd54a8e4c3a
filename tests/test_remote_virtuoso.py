"""The seed graph pushed to a real Virtuoso 7 and queried through --endpoint.

Virtuoso has no separate default graph (queries read the union of all graphs),
so `push` without --graph loads the stand-in named graph and the named queries
run unchanged. Skips with a message when `virtuoso-t` is not installed.
"""

from __future__ import annotations

import hashlib
import urllib.parse

import pytest
from servers import (VIRTUOSO_PASSWORD, VIRTUOSO_USER, assert_same_rows_as_embedded, cli_json,  # noqa: F401
                     virtuoso_server)

from conftest import run_cli
from litgraph.push import DEFAULT_GRAPH_STAND_IN
from litgraph.queries import list_queries
from litgraph.remote import RemoteStore

pytestmark = pytest.mark.slow
NAMED = [q.name for q in list_queries()]
LOGIN = ["--user", VIRTUOSO_USER, "--password", VIRTUOSO_PASSWORD]


def graph_count(endpoint: str, graph: str) -> int:
    return RemoteStore(endpoint).select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows[0]["n"]


def drop_graph(server, graph: str) -> None:
    from litgraph.push import Http

    Http(VIRTUOSO_USER, VIRTUOSO_PASSWORD).update(server.base + "/sparql-auth", f"DROP SILENT GRAPH <{graph}>")


@pytest.fixture(scope="module")
def pushed(seed_build, virtuoso_server):  # noqa: F811
    return cli_json("push", "--endpoint", virtuoso_server.query_url, *LOGIN,
                    "--build-dir", str(seed_build["build"]), "--format", "json")


def test_push_without_graph_loads_the_stand_in_graph_with_digest_auth(pushed, seed_build, virtuoso_server):  # noqa: F811
    assert pushed["graph"] == DEFAULT_GRAPH_STAND_IN and pushed["method"] == "graph-store"
    assert pushed["url"] == virtuoso_server.base + "/sparql-graph-crud-auth"
    assert pushed["triples"] == seed_build["summary"].triples
    assert graph_count(virtuoso_server.query_url, DEFAULT_GRAPH_STAND_IN) == pushed["triples"]


@pytest.mark.parametrize("name", NAMED)
def test_named_query_rows_through_endpoint_equal_embedded(name, pushed, seed_build, virtuoso_server):  # noqa: F811
    assert_same_rows_as_embedded(name, seed_build["build"], virtuoso_server.query_url)


def test_works_through_endpoint_equal_embedded(pushed, seed_build, virtuoso_server):  # noqa: F811
    local = cli_json("works", "--build-dir", str(seed_build["build"]), "--format", "json")
    assert cli_json("works", "--endpoint", virtuoso_server.query_url, "--format", "json") == local


def test_push_again_replaces_rather_than_adds(pushed, seed_build, virtuoso_server):  # noqa: F811
    again = cli_json("push", "--endpoint", virtuoso_server.query_url, *LOGIN,
                     "--build-dir", str(seed_build["build"]), "--format", "json")
    assert again["triples"] == graph_count(virtuoso_server.query_url, DEFAULT_GRAPH_STAND_IN)


@pytest.mark.parametrize("graph_store", [True, False], ids=["graph-store", "update"])
def test_named_graph_push_in_batches_then_query_it_alone(graph_store, pushed, seed_build, virtuoso_server):  # noqa: F811
    from litgraph.push import push_graph

    graph = f"urn:litgraph:test:batched-{graph_store}"
    try:
        report = push_graph(seed_build["build"] / "litgraph.nt", virtuoso_server.query_url, graph=graph,
                            user=VIRTUOSO_USER, password=VIRTUOSO_PASSWORD, batch_bytes=200_000,
                            graph_store=graph_store)
        assert report.url.endswith("/sparql-graph-crud-auth" if graph_store else "/sparql-auth")
        assert graph_count(virtuoso_server.query_url, graph) == report.triples
        scoped = virtuoso_server.query_url + "?" + urllib.parse.urlencode({"default-graph-uri": graph})
        assert_same_rows_as_embedded("shared-references", seed_build["build"], scoped)
    finally:
        drop_graph(virtuoso_server, graph)


# --- faults


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("litgraph.*"))}


def test_wrong_password_is_exit_3_and_changes_nothing(pushed, seed_build, virtuoso_server):  # noqa: F811
    before = digest(seed_build["build"]), graph_count(virtuoso_server.query_url, DEFAULT_GRAPH_STAND_IN)
    result = run_cli("push", "--endpoint", virtuoso_server.query_url, "--user", "dba", "--password", "wrong",
                     "--build-dir", str(seed_build["build"]))
    assert result.returncode == 3
    assert "/sparql-graph-crud-auth: the credentials were rejected (HTTP 401)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (digest(seed_build["build"]), graph_count(virtuoso_server.query_url, DEFAULT_GRAPH_STAND_IN)) == before


def test_no_credentials_says_how_to_give_them(seed_build, virtuoso_server):  # noqa: F811
    result = run_cli("push", "--endpoint", virtuoso_server.query_url, "--build-dir", str(seed_build["build"]))
    assert result.returncode == 3
    assert virtuoso_server.base + "/sparql-graph-crud" in result.stderr and "pass --user and --password" in result.stderr


def test_anytime_timeout_with_incomplete_rows_is_an_error_not_an_answer(pushed, tmp_path, virtuoso_server):  # noqa: F811
    heavy = tmp_path / "heavy.rq"
    heavy.write_text("# title: Too slow\nSELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n")
    endpoint = virtuoso_server.query_url + "?timeout=500"  # Virtuoso's "anytime" query limit in ms
    result = run_cli("query", "--file", str(heavy), "--endpoint", endpoint, "--format", "json")
    assert result.returncode == 3, result.stdout
    # Virtuoso either answers with the rows it had and a timeout header ("incomplete results") or, when
    # the cancel lands first, with an SR203 error; which one depends on timing. Either way: no rows.
    assert "timed out on the server" in result.stderr and result.stdout == ""
    assert "incomplete results" in result.stderr or "SR203" in result.stderr, result.stderr


def test_syntax_error_from_the_server_is_exit_2(virtuoso_server, tmp_path):  # noqa: F811
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Broken\nSELECT ?x WHERE { ?x ?y }\n")
    result = run_cli("query", "--file", str(bad), "--endpoint", virtuoso_server.query_url)
    assert result.returncode == 2 and "SPARQL syntax error" in result.stderr
    assert virtuoso_server.query_url in result.stderr and "Traceback" not in result.stderr


def test_hostile_parameter_is_data_not_sparql(pushed, virtuoso_server):  # noqa: F811
    name = 'Gillard" } } ; DROP ALL ; # \\ \n'
    rows = cli_json("query", "works-by-author", "--param", f"name={name}", "--endpoint",
                    virtuoso_server.query_url, "--format", "json")
    assert rows == []
    assert graph_count(virtuoso_server.query_url, DEFAULT_GRAPH_STAND_IN) == pushed["triples"]
