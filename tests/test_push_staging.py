"""Issue 11 item 10: a push that fails, is stopped or is killed leaves no staging graph on the store for good.

Against the real Oxigraph server (and Virtuoso where installed), through a
fault-injecting proxy on 127.0.0.1 that forwards to the store until told to
refuse: a push that fails midway drops its staging graph; one whose store
stops answering cannot, and the next push (or `push --cleanup`) removes it.
"""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from servers import VIRTUOSO_PASSWORD, VIRTUOSO_USER, oxigraph_server, virtuoso_server  # noqa: F401

from conftest import ROOT, run_cli
from litgraph.errors import UpstreamError
from litgraph.push import cleanup_staging, push_graph
from litgraph.remote import RemoteStore
from litgraph.staging import STAGING_ROOT, staging_graph, staging_prefix

pytestmark = pytest.mark.slow
BATCH = 100_000  # bytes: the seed graph (about 1.5 MB) goes in some 15 batches, through a staging graph


class FaultProxy:
    """Forwards every request to `upstream`; `policy(method, path, body)` may answer a status instead."""

    def __init__(self, upstream: str) -> None:
        self.upstream = urllib.parse.urlsplit(upstream)
        self.policy = lambda method, path, body: None
        self.reply_delay = 0.0   # seconds between the store's answer and passing it on
        self.in_flight = 0
        handler = type("Handler", (ProxyHandler,), {"proxy": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    proxy: FaultProxy

    def log_message(self, *args) -> None:
        pass

    def forward(self) -> None:
        self.proxy.in_flight += 1
        try:
            self.relay()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client was stopped (the SIGTERM test): nothing to answer
        finally:
            self.proxy.in_flight -= 1

    def relay(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = self.proxy.policy(self.command, self.path, body)
        if status is not None:
            return self.reply(status, {"Content-Type": "text/plain"}, b"refused by the test proxy")
        upstream = http.client.HTTPConnection(self.proxy.upstream.hostname, self.proxy.upstream.port, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept", "authorization")}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        time.sleep(self.proxy.reply_delay)
        self.reply(answer.status, {k: v for k, v in answer.getheaders()
                                   if k.lower() in ("content-type", "www-authenticate")}, data)

    def reply(self, status: int, headers: dict, data: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = forward  # noqa: N815 (http.server's names)


@pytest.fixture
def proxy(oxigraph_server):  # noqa: F811
    fault = FaultProxy(oxigraph_server.base)
    yield fault
    fault.stop()


def after(n: int, matches, then: int = 500):
    """A policy: forward the first `n` matching requests, then answer `then` to each further one."""
    seen = []

    def policy(method, path, body):
        if matches(method, path, body):
            seen.append(1)
            if len(seen) > n:
                return then
        return None
    return policy


def dies_after(n: int, matches):
    """A policy: once `n` matching requests went through, the store answers 503 to everything."""
    seen = []

    def policy(method, path, body):
        if len(seen) >= n:
            return 503
        if matches(method, path, body):
            seen.append(1)
        return None
    return policy


def staging_graphs(query_url: str) -> list[str]:
    rows = RemoteStore(query_url).select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
    return [r["g"] for r in rows if r["g"].startswith(STAGING_ROOT)]


def graph_count(query_url: str, graph: str) -> int:
    return RemoteStore(query_url).select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows[0]["n"]


def leave_staging_graph(base: str, target: str | None) -> str:
    """What a push killed midway leaves: a staging graph holding the first batches."""
    graph = staging_graph(target)
    url = f"{base}/store?graph={urllib.parse.quote(graph, safe='')}"
    request = urllib.request.Request(url, data=b"<urn:s> <urn:p> <urn:o> .\n", method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(request, timeout=10).read()
    return graph


def store_request(method, path, body):
    return path.startswith("/store") and method in ("PUT", "POST")


def insert_request(method, path, body):
    return path.startswith("/update") and b"INSERT" in body


@pytest.mark.parametrize("graph_store", [True, False], ids=["graph-store", "update"])
def test_failed_push_leaves_no_staging_graph(graph_store, proxy, seed_build, oxigraph_server):  # noqa: F811
    target = f"urn:litgraph:test:fails-midway-{graph_store}"
    nt = seed_build["build"] / "litgraph.nt"
    before = push_graph(nt, oxigraph_server.query_url, graph=target).triples          # the previous version
    proxy.policy = after(3, store_request if graph_store else insert_request)
    endpoint = f"{proxy.base}/query"
    with pytest.raises(UpstreamError, match="HTTP 500"):
        push_graph(nt, endpoint, graph=target, batch_bytes=BATCH, graph_store=graph_store)
    assert staging_graphs(oxigraph_server.query_url) == []
    assert graph_count(oxigraph_server.query_url, target) == before                    # untouched


def test_sigterm_during_push_leaves_no_staging_graph(proxy, seed_build, oxigraph_server):  # noqa: F811
    started = threading.Event()
    proxy.policy = lambda *request: started.set() if store_request(*request) else None
    proxy.reply_delay = 0.3                                            # each batch lands, then is acknowledged
    args = [sys.executable, "-m", "litgraph", "push", "--endpoint", f"{proxy.base}/query", "--graph",
            "urn:litgraph:test:sigterm", "--batch-bytes", str(BATCH), "--build-dir", str(seed_build["build"])]
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert started.wait(30)
    time.sleep(0.5)                                                     # a few batches into the staging graph
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143 and "Traceback" not in stderr, stderr
    while proxy.in_flight:
        time.sleep(0.05)
    assert staging_graphs(oxigraph_server.query_url) == []


def test_leftover_staging_graph_is_removed_by_the_next_push(proxy, seed_build, oxigraph_server):  # noqa: F811
    target = "urn:litgraph:test:store-died"
    proxy.policy = dies_after(3, store_request)           # then the store stops answering altogether
    with pytest.raises(UpstreamError):
        push_graph(seed_build["build"] / "litgraph.nt", f"{proxy.base}/query", graph=target, batch_bytes=BATCH)
    (left,) = staging_graphs(oxigraph_server.query_url)   # the drop could not reach the store either
    assert left.startswith(staging_prefix(target))
    report = push_graph(seed_build["build"] / "litgraph.nt", oxigraph_server.query_url, graph=target)
    assert report.stale_staging_removed == 1 and staging_graphs(oxigraph_server.query_url) == []
    assert graph_count(oxigraph_server.query_url, target) == report.triples


def test_next_push_leaves_another_graphs_staging_alone(seed_build, oxigraph_server):  # noqa: F811
    others = leave_staging_graph(oxigraph_server.base, "urn:litgraph:test:pushed-by-someone-else")
    report = push_graph(seed_build["build"] / "litgraph.nt", oxigraph_server.query_url, graph="urn:litgraph:test:mine")
    assert report.stale_staging_removed == 0 and others in staging_graphs(oxigraph_server.query_url)
    cleanup_staging(oxigraph_server.query_url)


def test_cleanup_removes_every_staging_graph_and_says_how_many(seed_build, oxigraph_server):  # noqa: F811
    kept = "urn:litgraph:test:not-staging"
    push_graph(seed_build["build"] / "litgraph.nt", oxigraph_server.query_url, graph=kept)
    left = {leave_staging_graph(oxigraph_server.base, t) for t in (None, "urn:litgraph:test:a")}
    assert left <= set(staging_graphs(oxigraph_server.query_url))
    result = run_cli("push", "--endpoint", oxigraph_server.query_url, "--cleanup")
    assert result.returncode == 0, result.stderr
    assert f"removed {len(left)} staging graph(s)" in result.stdout
    assert staging_graphs(oxigraph_server.query_url) == [] and graph_count(oxigraph_server.query_url, kept) > 0
    again = run_cli("push", "--endpoint", oxigraph_server.query_url, "--cleanup", "--format", "json")
    assert '"staging_graphs_removed": 0' in again.stdout


# -- Virtuoso, where queries read every graph, so a leftover staging graph duplicates data ------------

def test_virtuoso_leftover_staging_graph_is_removed_by_next_push_and_cleanup(seed_build, virtuoso_server):  # noqa: F811
    from litgraph.push_http import Http

    login = {"user": VIRTUOSO_USER, "password": VIRTUOSO_PASSWORD}
    target = "urn:litgraph:test:virtuoso-staging"
    http = Http(VIRTUOSO_USER, VIRTUOSO_PASSWORD)
    leftovers = [staging_graph(t) for t in (target, "urn:litgraph:test:virtuoso-other")]
    for graph in leftovers:
        http.update(virtuoso_server.base + "/sparql-auth", f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:s> <urn:p> <urn:o> }} }}")
    assert set(leftovers) <= set(virtuoso_staging(virtuoso_server.query_url))
    report = push_graph(seed_build["build"] / "litgraph.nt", virtuoso_server.query_url, graph=target,
                        batch_bytes=200_000, **login)
    assert report.stale_staging_removed == 1 and graph_count(virtuoso_server.query_url, target) == report.triples
    assert virtuoso_staging(virtuoso_server.query_url) == [leftovers[1]]
    assert len(cleanup_staging(virtuoso_server.query_url, **login).removed) == 1
    assert virtuoso_staging(virtuoso_server.query_url) == []
    http.update(virtuoso_server.base + "/sparql-auth", f"DROP SILENT GRAPH <{target}>")


def virtuoso_staging(query_url: str) -> list[str]:
    """Virtuoso does not answer GRAPH ?g {}: list the graphs that hold triples."""
    rows = RemoteStore(query_url).select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
    return sorted(r["g"] for r in rows if r["g"].startswith(STAGING_ROOT))
