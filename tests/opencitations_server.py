"""A local OpenCitations Index v2 for the tests: real HTTP on 127.0.0.1, with fault injection.

Serves tests/fixtures/opencitations/{references,citations}/<doi with / as -->.json
under /index/v2/references/doi:{doi} and /index/v2/citations/doi:{doi}, `[]`
for a DOI without a file, and /index/v2/citation-count/doi:{doi} as
`[{"count": "N"}]`. Every request is logged with its headers. Faults are
scripted per request, as in crossref_server.py:

    server.script("429:1", "500", "slow:3", "malformed")   # the next four requests
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "opencitations"
PREFIX = "/index/v2/"


class FakeOpenCitations:
    def __init__(self, fixtures: Path = FIXTURES) -> None:
        self.fixtures = fixtures
        self.faults: deque[str] = deque()
        self.log: list[dict] = []
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> FakeOpenCitations:
        handler = type("Handler", (Handler,), {"state": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/index/v2"

    def script(self, *faults: str) -> None:
        self.faults.extend(faults)

    def next_fault(self) -> str | None:
        with self.lock:
            return self.faults.popleft() if self.faults else None

    def rows(self, operation: str, doi: str) -> list:
        path = self.fixtures / operation / f"{doi.lower().replace('/', '--')}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: FakeOpenCitations

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = unquote(urlsplit(self.path).path)
        with self.state.lock:
            self.state.log.append({"at": time.monotonic(), "path": path, "headers": dict(self.headers)})
        fault = self.state.next_fault()
        try:
            if fault is None or not self.fault(fault):
                self.answer(path)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def fault(self, fault: str) -> bool:
        kind, _, value = fault.partition(":")
        if kind == "slow":
            time.sleep(float(value))
            return False
        if kind == "malformed":
            self.send(200, '[{"oci": "0610-0611", "citing": ')
            return True
        self.send(int(kind), f"{kind} fault injected", {"Retry-After": value} if value else {})
        return True

    def answer(self, path: str) -> None:
        operation, _, rest = path.removeprefix(PREFIX).partition("/")
        if not path.startswith(PREFIX) or operation not in ("references", "citations", "citation-count") \
                or not rest.startswith("doi:"):
            self.send(404, json.dumps({"error": "HTTP status code 404: resource not found"}))
            return
        doi = rest.removeprefix("doi:")
        if operation == "citation-count":
            self.send(200, json.dumps([{"count": str(len(self.state.rows("citations", doi)))}]))
        else:
            self.send(200, json.dumps(self.state.rows(operation, doi)))

    def send(self, status: int, body: str, extra: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def opencitations_server():
    server = FakeOpenCitations().start()
    yield server
    server.stop()
