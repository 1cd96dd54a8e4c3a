"""`litgraph serve` cannot be abused: SERVICE refused, queries stopped, no listings, quiet about hang-ups.

Each test starts the real `litgraph serve` on the seed graph (a free port) and
talks to it over HTTP on 127.0.0.1; the SSRF tests also start a plain TCP
listener and count the connections that reach it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from test_query_safety import CARTESIAN, Listener

from conftest import ROOT, run_cli

pytestmark = pytest.mark.slow
ORDER_ALL = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"


def start_serve(build_dir, *args):
    process = subprocess.Popen([sys.executable, "-m", "litgraph", "serve", "--port", "0", "--build-dir",
                                str(build_dir), *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    assert url.endswith("/query"), process.stderr.read()
    return process, url


def stop_serve(process) -> str:
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    return err


def http(url, query=None, data=None, content_type=None, timeout=30):
    """(status, body) of a GET (with `query`) or a POST (with `data`)."""
    if query is not None:
        url += "?" + urllib.parse.urlencode({"query": query})
    headers = {"Accept": "application/sparql-results+json", **({"Content-Type": content_type} if content_type else {})}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture(scope="module")
def served(seed_build):
    process, url = start_serve(seed_build["build"], "--timeout", "2")
    yield url
    if process.poll() is None:
        stop_serve(process)


def service_text(url: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_service_through_serve_is_refused_and_never_reaches_the_listener(served, how):
    listener = Listener()
    text = service_text(listener.url)
    if how == "get":
        status, body = http(served, query=text)
    elif how == "form":
        status, body = http(served, data=urllib.parse.urlencode({"query": text}).encode(),
                            content_type="application/x-www-form-urlencoded")
    else:
        status, body = http(served, data=text.encode(), content_type="application/sparql-query")
    time.sleep(0.2)
    listener.sock.close()
    assert status == 400 and "--allow-service" in body
    assert listener.connections == 0


def test_serve_with_allow_service_does_call_out(seed_build):
    """The listener can tell: with --allow-service the server connects to it."""
    listener = Listener()
    process, url = start_serve(seed_build["build"], "--allow-service")
    try:
        status, _ = http(url, query=service_text(listener.url))
    finally:
        stop_serve(process)
        listener.sock.close()
    assert status != 200 and listener.connections == 1


def test_service_in_an_update_of_a_writable_server_is_refused(seed_build, tmp_path):
    import shutil

    shutil.copytree(seed_build["build"] / "store", tmp_path / "store")
    listener = Listener()
    process, url = start_serve(tmp_path, "--writable")
    try:
        update = f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
        status, body = http(url.replace("/query", "/update"), data=update.encode(),
                            content_type="application/sparql-update")
        allowed, _ = http(url.replace("/query", "/update"), data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                          content_type="application/sparql-update")
    finally:
        stop_serve(process)
        listener.sock.close()
    assert status == 400 and "--allow-service" in body and listener.connections == 0
    assert allowed == 204


@pytest.mark.parametrize("query", [CARTESIAN, ORDER_ALL], ids=["cartesian-count", "order-by-everything"])
def test_serve_timeout_cancels_the_query_with_503_and_keeps_answering(served, query):
    started = time.monotonic()
    status, body = http(served, query=query)
    assert status == 503 and "longer than 2 s" in body
    assert time.monotonic() - started < 6
    status, body = http(served, query="ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def send_and_hang_up(url: str, query: str, after_s: float, until) -> bool:
    """Send a GET for `query` on a raw socket, wait until `until()` or `after_s`, then close; True if it held."""
    parsed = urllib.parse.urlsplit(url)
    with socket.create_connection((parsed.hostname, parsed.port)) as client:
        target = parsed.path + "?" + urllib.parse.urlencode({"query": query})
        client.sendall(f"GET {target} HTTP/1.1\r\nHost: {parsed.netloc}\r\nConnection: close\r\n\r\n".encode())
        deadline = time.monotonic() + after_s
        while time.monotonic() < deadline and not until():
            time.sleep(0.05)
        return until()


def test_query_whose_client_hung_up_is_stopped_and_no_traceback(seed_build):
    process, url = start_serve(seed_build["build"], "--timeout", "0")
    try:
        assert http(url, query="ASK {}")[0] == 200  # starts the worker machinery
        baseline = descendants(process.pid)
        assert send_and_hang_up(url, CARTESIAN, 5, lambda: len(descendants(process.pid)) > len(baseline))
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and descendants(process.pid) != baseline:
            time.sleep(0.1)
        assert descendants(process.pid) == baseline  # the worker was killed, though --timeout 0
        assert http(url, query="ASK { ?s ?p ?o }")[0] == 200
    finally:
        err = stop_serve(process)
    assert "Traceback" not in err


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    (folder / "works").mkdir(parents=True)
    (folder / "works" / "a.html").write_text("<p>a work</p>", encoding="utf-8")
    (folder / "index.html").write_text("<title>litgraph evidence report</title>", encoding="utf-8")
    (folder / "big.bin").write_bytes(os.urandom(8 * 2**20))
    return folder


def test_site_server_shows_no_directory_listing(seed_build, site):
    process, url = start_serve(seed_build["build"], "--site", str(site), "--site-port", "0")
    try:
        site_url = process.stdout.readline().strip()
        listing, _ = http(site_url + "works/")
        page, body = http(site_url + "works/a.html")
        index, _ = http(site_url)
    finally:
        stop_serve(process)
    assert listing == 404 and page == 200 and "a work" in body and index == 200


def test_clients_that_hang_up_on_the_site_server_leave_no_traceback(seed_build, site):
    process, url = start_serve(seed_build["build"], "--site", str(site), "--site-port", "0")
    try:
        site_url = urllib.parse.urlsplit(process.stdout.readline().strip())
        for _ in range(3):
            with socket.create_connection((site_url.hostname, site_url.port)) as client:
                client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
                client.recv(1024)
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        time.sleep(0.5)
        assert http(url, query="ASK {}")[0] == 200
    finally:
        err = stop_serve(process)
    assert "Traceback" not in err and "Error" not in err


@pytest.mark.parametrize("host", ["192.0.2.1", "host.invalid"], ids=["address-not-here", "unknown-name"])
def test_serve_on_an_address_not_on_this_machine_is_one_line_exit_2(seed_build, host):
    result = run_cli("serve", "--host", host, "--port", "0", "--build-dir", str(seed_build["build"]))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().count("\n") == 0 and f"cannot serve on {host}" in result.stderr
