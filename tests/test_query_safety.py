"""Queries that cannot be abused: no SERVICE calls unless allowed, a time limit, Ctrl-C, named queries only by name.

The SSRF tests start a plain TCP listener on 127.0.0.1 and assert that no
connection ever reaches it; one test allows SERVICE and sees the connection
arrive, so the listener can tell.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, run_cli
from litgraph.errors import QueryError, UpstreamError
from litgraph.query_guard import QueryPolicy, QueryTimeout, find_service
from litgraph.store import OxigraphStore, RdflibStore

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


class Listener:
    """A TCP listener on loopback that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            client.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.sock.close()


def service_query(url: str) -> str:
    return f"# title: federated\nSELECT * WHERE {{\n  SERVICE <{url}> {{ ?s ?p ?o }}\n}}\n"


def write_rq(folder, name: str, text: str, bom: bool = False):
    path = folder / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("text", [
    "SELECT ?service WHERE { ?s ?p ?service }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service $service }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" } # SERVICE <http://x/>',
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o . ?s ?p 'a SERVICE' ; ?q \"\"\"SERVICE\n\"\"\" }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p _:service }",
    'SELECT * WHERE { ?s ?p "x"@service }',
], ids=["variables", "prefixed-names", "strings-and-comments", "iris-long-strings", "prefix-named-service", "lang"])
def test_service_scan_ignores_the_word_outside_the_keyword(text):
    assert find_service(text) is None


@pytest.mark.parametrize("text, line", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", 1),
    ("SELECT * WHERE {\n ?a ?b ?c .service silent ?ep { ?s ?p ?o } }", 2),
    ("SELECT * WHERE { ?a ?b <x> # c\n\n SeRvIcE <http://x/> {} }", 3),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { } }", 1),
], ids=["plain", "after-a-dot-lower-case-variable-endpoint", "mixed-case", "codepoint-escape"])
def test_service_scan_finds_the_keyword(text, line):
    assert find_service(text) == line


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_service_in_embedded_store_never_reaches_the_listener(seed_build, listener, backend):
    store = (OxigraphStore(seed_build["build"] / "store") if backend == "oxigraph"
             else RdflibStore.from_file(seed_build["build"] / "litgraph.nt"))
    with pytest.raises(QueryError, match="--allow-service"):
        store.select(service_query(listener.url))
    time.sleep(0.2)
    assert listener.connections == 0


def test_allowed_service_does_reach_the_listener(seed_build, listener):
    """The listener can tell: with SERVICE allowed, Oxigraph connects (and the broken answer is exit 3)."""
    store = OxigraphStore(seed_build["build"] / "store", policy=QueryPolicy(allow_service=True))
    with pytest.raises(UpstreamError, match="SERVICE endpoint"):
        store.select(service_query(listener.url))
    assert listener.connections == 1


def test_query_file_with_service_is_refused_naming_allow_service(seed_build, listener, tmp_path):
    path = write_rq(tmp_path, "federated.rq", service_query(listener.url))
    result = run_cli("query", "--file", str(path), "--build-dir", str(seed_build["build"]))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "--allow-service" in result.stderr
    assert f"{path}, line 3: SERVICE" in result.stderr
    time.sleep(0.2)
    assert listener.connections == 0


def test_service_to_a_dead_endpoint_is_exit_3_not_1(seed_build, tmp_path):
    dead = Listener()
    dead.sock.close()  # a port nothing listens on
    path = write_rq(tmp_path, "dead.rq", service_query(dead.url))
    result = run_cli("query", "--file", str(path), "--allow-service", "--build-dir", str(seed_build["build"]))
    assert result.returncode == 3, result.stderr
    assert "SERVICE endpoint" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_timeout_stops_a_cartesian_count_with_exit_3(seed_build, tmp_path):
    path = write_rq(tmp_path, "forever.rq", f"# title: forever\n{CARTESIAN}\n")
    started = time.monotonic()
    result = run_cli("query", "--file", str(path), "--timeout", "1", "--build-dir", str(seed_build["build"]))
    assert result.returncode == 3, result.stderr
    assert time.monotonic() - started < 10
    assert "longer than 1 s" in result.stderr and result.stderr.count("\n") == 1


def test_library_timeout_raises_query_timeout(seed_build):
    store = OxigraphStore(seed_build["build"] / "store", policy=QueryPolicy(timeout_s=0.5))
    with pytest.raises(QueryTimeout):
        store.select(CARTESIAN)
    assert store.select("ASK { ?s ?p ?o }").rows[0]["result"] is True  # the store still answers


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_ctrl_c_stops_an_embedded_query_at_once(seed_build, tmp_path, backend):
    path = write_rq(tmp_path, "forever.rq", f"# title: forever\n{CARTESIAN}\n")
    process = subprocess.Popen([sys.executable, "-m", "litgraph", "query", "--file", str(path), "--store", backend,
                                "--build-dir", str(seed_build["build"])], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0 if backend == "rdflib" else 1.0)  # rdflib first loads the graph
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert time.monotonic() - started < 2.0
    assert "Traceback" not in err and "unsendable" not in err


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "sub/most-cited", "..", "most-cited/../most-cited"])
def test_query_name_with_a_path_is_refused_and_pointed_at_file(seed_build, tmp_path, name):
    result = run_cli("query", name, "--build-dir", str(seed_build["build"]))
    assert result.returncode == 2 and "--file" in result.stderr and result.stderr.count("\n") == 1


def test_query_name_cannot_run_an_rq_file_outside_queries(seed_build, tmp_path):
    outside = write_rq(tmp_path, "x.rq", "# title: outside\nSELECT (42 AS ?answer) WHERE {}\n")
    relative = "../" * 12 + str(outside.with_suffix("")).lstrip("/")
    result = run_cli("query", relative, "--format", "json", "--build-dir", str(seed_build["build"]))
    assert result.returncode == 2 and "42" not in result.stdout


def test_rq_file_with_a_bom_runs(seed_build, tmp_path):
    path = write_rq(tmp_path, "bom.rq", "# title: with a BOM\nSELECT (42 AS ?answer) WHERE {}\n", bom=True)
    result = run_cli("query", "--file", str(path), "--format", "json", "--build-dir", str(seed_build["build"]))
    assert result.returncode == 0, result.stderr
    assert '"answer": 42' in result.stdout


def test_timeout_zero_means_no_limit(seed_build):
    result = run_cli("query", "most-cited", "--timeout", "0", "--limit", "1", "--format", "json",
                     "--build-dir", str(seed_build["build"]))
    assert result.returncode == 0, result.stderr
