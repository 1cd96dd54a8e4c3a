"""The seed graph pushed to a real Oxigraph server (PyPI `oxigraph`) and queried through --endpoint.

Every named query gives the same JSON rows as the embedded store; push replaces
graphs, verifies counts, and fails cleanly (exit 3, endpoint and cause named,
local build untouched) when the endpoint is down, the upload is rejected or a
query times out on the server.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import urllib.parse

import pytest
from servers import SEED_PARAMS, assert_same_rows_as_embedded, cli_json, oxigraph_server  # noqa: F401

from conftest import ROOT, run_cli
from litgraph.queries import list_queries
from litgraph.remote import RemoteStore

pytestmark = pytest.mark.slow
NAMED = [q.name for q in list_queries()]


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("litgraph.*"))}


def graph_count(endpoint: str, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return RemoteStore(endpoint).select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows[0]["n"]


@pytest.fixture(scope="module")
def pushed(seed_build, oxigraph_server):  # noqa: F811
    report = cli_json("push", "--endpoint", oxigraph_server.query_url, "--build-dir", str(seed_build["build"]),
                      "--format", "json")
    return report


def test_every_parameterised_query_has_seed_params():
    missing = [q.name for q in list_queries() if q.params and q.name not in SEED_PARAMS]
    assert not missing, f"add seed parameters to tests/servers.py SEED_PARAMS for {missing}"


def test_push_loads_the_default_graph_and_verifies_the_count(pushed, seed_build, oxigraph_server):  # noqa: F811
    assert pushed["graph"] is None and pushed["method"] == "graph-store"
    assert pushed["url"] == oxigraph_server.base + "/store"
    assert pushed["triples"] == seed_build["summary"].triples == graph_count(oxigraph_server.query_url)


@pytest.mark.parametrize("name", NAMED)
def test_named_query_rows_through_endpoint_equal_embedded(name, pushed, seed_build, oxigraph_server):  # noqa: F811
    assert_same_rows_as_embedded(name, seed_build["build"], oxigraph_server.query_url)


def test_works_through_endpoint_equal_embedded(pushed, seed_build, oxigraph_server):  # noqa: F811
    local = cli_json("works", "--build-dir", str(seed_build["build"]), "--format", "json")
    assert cli_json("works", "--endpoint", oxigraph_server.query_url, "--format", "json") == local


def test_push_again_replaces_rather_than_adds(pushed, seed_build, oxigraph_server):  # noqa: F811
    again = cli_json("push", "--endpoint", oxigraph_server.query_url, "--build-dir", str(seed_build["build"]),
                     "--format", "json")
    assert again["triples"] == graph_count(oxigraph_server.query_url) == pushed["triples"]


def test_push_named_graph_and_query_it_with_default_graph_uri(pushed, seed_build, oxigraph_server):  # noqa: F811
    graph = "urn:litgraph:test:named"
    report = cli_json("push", "--endpoint", oxigraph_server.query_url, "--graph", graph,
                      "--build-dir", str(seed_build["build"]), "--format", "json")
    assert report["graph"] == graph and graph_count(oxigraph_server.query_url, graph) == report["triples"]
    scoped = oxigraph_server.query_url + "?" + urllib.parse.urlencode({"default-graph-uri": graph})
    assert_same_rows_as_embedded("most-cited", seed_build["build"], scoped)


@pytest.mark.parametrize("graph_store", [True, False], ids=["graph-store", "update"])
def test_large_push_goes_through_a_staging_graph_and_one_move(graph_store, seed_build, oxigraph_server):  # noqa: F811
    from litgraph.push import push_graph

    graph = f"urn:litgraph:test:batched-{graph_store}"
    report = push_graph(seed_build["build"] / "litgraph.nt", oxigraph_server.query_url, graph=graph,
                        batch_bytes=100_000, graph_store=graph_store)
    assert report.method == ("graph-store" if graph_store else "update")
    assert graph_count(oxigraph_server.query_url, graph) == report.triples == seed_build["summary"].triples
    graphs = RemoteStore(oxigraph_server.query_url).select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
    assert not [r for r in graphs if r["g"].startswith("https://w3id.org/litgraph/staging/")]


def test_update_push_in_one_request_replaces_the_graph(seed_build, oxigraph_server):  # noqa: F811
    from litgraph.push import push_graph

    graph = "urn:litgraph:test:update-small"
    for _ in range(2):
        report = push_graph(seed_build["build"] / "litgraph.nt", oxigraph_server.query_url, graph=graph,
                            graph_store=False)
    assert graph_count(oxigraph_server.query_url, graph) == report.triples


# --- faults: one clear line naming the endpoint and the cause, exit 3, the local graph untouched


def test_unreachable_endpoint_push_and_query(seed_build):
    from litgraph.serve import free_port

    dead = f"http://127.0.0.1:{free_port()}/query"
    before = digest(seed_build["build"])
    for args in (["push", "--endpoint", dead, "--build-dir", str(seed_build["build"])],
                 ["query", "most-cited", "--endpoint", dead]):
        result = run_cli(*args)
        assert result.returncode == 3, result.stderr
        assert dead in result.stderr and "unreachable" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert digest(seed_build["build"]) == before


def test_rejected_upload_leaves_remote_and_local_graphs_as_they_were(pushed, seed_build, oxigraph_server,  # noqa: F811
                                                                      tmp_path):
    broken = tmp_path / "build"
    broken.mkdir()
    good = (seed_build["build"] / "litgraph.nt").read_text(encoding="utf-8")
    (broken / "litgraph.nt").write_text(good + "<urn:a> <urn:b> this is not N-Triples .\n", encoding="utf-8")
    before_local, before_remote = digest(broken), graph_count(oxigraph_server.query_url)
    result = run_cli("push", "--endpoint", oxigraph_server.query_url, "--build-dir", str(broken))
    assert result.returncode == 3
    assert f"{oxigraph_server.base}/store: the store rejected the upload (HTTP 400)" in result.stderr
    assert digest(broken) == before_local and graph_count(oxigraph_server.query_url) == before_remote


def test_missing_build_is_exit_2(tmp_path, oxigraph_server):  # noqa: F811
    result = run_cli("push", "--endpoint", oxigraph_server.query_url, "--build-dir", str(tmp_path))
    assert result.returncode == 2 and "run `litgraph build` first" in result.stderr


def test_query_timing_out_on_the_server_is_exit_3(seed_build, tmp_path):
    store = tmp_path / "build"
    shutil.copytree(seed_build["build"], store)
    server = subprocess.Popen([sys.executable, "-m", "litgraph", "serve", "--port", "0", "--timeout", "1",
                               "--build-dir", str(store)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        endpoint = server.stdout.readline().strip()
        heavy = tmp_path / "heavy.rq"
        heavy.write_text("# title: Too slow\nSELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n")
        result = run_cli("query", "--file", str(heavy), "--endpoint", endpoint)
        assert result.returncode == 3, result.stderr
        assert endpoint in result.stderr and "timed out on the server" in result.stderr
    finally:
        server.terminate()
        server.wait(30)


def test_query_with_an_update_keyword_inside_a_name_is_still_a_query(oxigraph_server):  # noqa: F811
    # regression: SPARQLWrapper read `lg:isAddedPaper` as an ADD update and posted `update=`
    text = "SELECT ?s WHERE { ?s <https://w3id.org/litgraph/ontology#isAddedPaper> true . } LIMIT 1"
    assert RemoteStore(oxigraph_server.query_url).select(text).variables == ("s",)


def test_store_and_endpoint_together_is_a_usage_error():
    result = run_cli("query", "most-cited", "--store", "rdflib", "--endpoint", "http://127.0.0.1:1/query")
    assert result.returncode == 2 and "give --store or --endpoint, not both" in result.stderr


def test_endpoint_that_is_not_sparql_is_named(oxigraph_server):  # noqa: F811
    result = run_cli("query", "most-cited", "--endpoint", oxigraph_server.base + "/nothing-here")
    assert result.returncode == 3 and oxigraph_server.base + "/nothing-here" in result.stderr


def test_push_json_is_machine_readable(pushed):
    assert set(pushed) == {"endpoint", "graph", "method", "url", "triples", "seconds", "stale_staging_removed"}
    json.dumps(pushed)
