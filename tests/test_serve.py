"""`litgraph serve`: the built store as a SPARQL 1.1 Protocol endpoint (the Oxigraph server)."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, mini_graph, run_cli

pytestmark = pytest.mark.slow
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def mini_build(tmp_path_factory):
    """A build folder holding the fixture graph: litgraph.nt and the embedded store."""
    from litgraph.store import OxigraphStore

    folder = tmp_path_factory.mktemp("serve")
    graph = mini_graph()
    (folder / "litgraph.nt").write_text(graph.serialize(format="nt"), encoding="utf-8")
    OxigraphStore.create(folder / "store", folder / "litgraph.nt")
    return folder, len(graph)


def start_serve(build_dir, *args):
    process = subprocess.Popen([sys.executable, "-m", "litgraph", "serve", "--port", "0", "--build-dir",
                                str(build_dir), *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and url.endswith("/query"), process.stderr.read()
    return process, url


def stop_with_ctrl_c(process):
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    return process.returncode, err


def fetch(url, accept=None, data=None, content_type=None):
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", content_type)) if v}
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("Content-Type", ""), response.read().decode("utf-8")


@pytest.fixture(scope="module")
def served(mini_build):
    build_dir, triples = mini_build
    process, url = start_serve(build_dir)
    yield url, triples
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.mark.parametrize("accept, parse", [
    ("application/sparql-results+json", lambda t: int(json.loads(t)["results"]["bindings"][0]["n"]["value"])),
    ("application/sparql-results+xml",
     lambda t: int(ET.fromstring(t).find(".//{http://www.w3.org/2005/sparql-results#}literal").text)),
    ("text/csv", lambda t: int(list(csv.reader(io.StringIO(t)))[1][0])),
    ("text/tab-separated-values", lambda t: int(t.splitlines()[1].split("^^")[0].strip('"'))),
], ids=["json", "xml", "csv", "tsv"])
def test_get_query_with_content_negotiation(served, accept, parse):
    url, triples = served
    content_type, text = fetch(url + "?" + urllib.parse.urlencode({"query": COUNT}), accept)
    assert content_type.startswith(accept)
    assert parse(text) == triples


def test_post_query_form_and_direct(served):
    url, triples = served
    _, form = fetch(url, "application/sparql-results+json", urllib.parse.urlencode({"query": COUNT}).encode(),
                    "application/x-www-form-urlencoded")
    _, direct = fetch(url, "application/sparql-results+json", COUNT.encode(), "application/sparql-query")
    for text in (form, direct):
        assert int(json.loads(text)["results"]["bindings"][0]["n"]["value"]) == triples


def test_read_only_refuses_updates(served):
    url, _ = served
    update_url = url.replace("/query", "/update")
    with pytest.raises(urllib.error.HTTPError) as failure:
        fetch(update_url, data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", content_type="application/sparql-update")
    assert 400 <= failure.value.code < 500


def test_named_queries_run_against_the_served_graph(served):
    url, _ = served
    result = run_cli("query", "co-citation", "--endpoint", url, "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)[0]["count"] == 2


def test_ctrl_c_stops_cleanly(mini_build):
    process, url = start_serve(mini_build[0])
    status, err = stop_with_ctrl_c(process)
    assert status == 0 and "server stopped" in err and "Traceback" not in err
    assert f"SPARQL endpoint {url} (read-only" in err
    with pytest.raises(urllib.error.URLError):
        fetch(url + "?" + urllib.parse.urlencode({"query": COUNT}))


def test_writable_accepts_updates(mini_build, tmp_path):
    import shutil

    shutil.copytree(mini_build[0], tmp_path / "build")
    process, url = start_serve(tmp_path / "build", "--writable")
    try:
        fetch(url.replace("/query", "/update"), data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
              content_type="application/sparql-update")
        _, text = fetch(url + "?" + urllib.parse.urlencode({"query": "ASK { <urn:a> <urn:b> <urn:c> }"}),
                        "application/sparql-results+json")
        assert json.loads(text)["boolean"] is True
    finally:
        status, err = stop_with_ctrl_c(process)
    assert status == 0 and "read-write" in err


def test_port_in_use_is_exit_2(mini_build):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--port", str(port), "--build-dir", str(mini_build[0]))
    assert result.returncode == 2 and f"cannot serve on 127.0.0.1:{port}" in result.stderr


def test_no_store_says_run_build(tmp_path):
    result = run_cli("serve", "--port", "0", "--build-dir", str(tmp_path))
    assert result.returncode == 2 and "run `litgraph build` first" in result.stderr


def test_serves_the_evidence_report_next_to_the_endpoint(mini_build, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>litgraph evidence report</title>", encoding="utf-8")
    process, url = start_serve(mini_build[0], "--site", str(site), "--site-port", "0")
    try:
        site_url = process.stdout.readline().strip()
        assert site_url.startswith("http://127.0.0.1:") and site_url != url
        _, body = fetch(site_url)
        assert "litgraph evidence report" in body
        assert fetch(url + "?" + urllib.parse.urlencode({"query": COUNT}), accept="text/csv")
    finally:
        status, err = stop_with_ctrl_c(process)
    assert status == 0 and f"evidence report at {site_url}" in err
    with pytest.raises(urllib.error.URLError):
        fetch(site_url)


def test_missing_explicit_site_is_exit_2(mini_build, tmp_path):
    result = run_cli("serve", "--port", "0", "--build-dir", str(mini_build[0]), "--site", str(tmp_path / "nope"))
    assert result.returncode == 2 and "run `litgraph report" in result.stderr and "Traceback" not in result.stderr
