"""A local Crossref-compatible REST API for the tests: real HTTP on 127.0.0.1, with fault injection.

Serves the works in tests/fixtures/crossref/works/ the way api.crossref.org
does: `{"status": "ok", "message-type": "work" | "work-list", "message-version",
"message"}`, 404 "Resource not found." for an unknown DOI, 400 with a
`validation-failure` message for an unknown parameter or filter, and the
rate-limit headers (`x-rate-limit-limit`, `x-rate-limit-interval`,
`x-concurrency-limit`) on every response. Searches (`query.bibliographic`)
rank the fixture works by shared words, as a stand-in for Crossref's
relevance score, and honour `rows` and `select`.

Every request is recorded with its arrival time, so tests can count requests
per second at the server. Faults are scripted per request:

    server.script("429:2", "503", "slow:3", "malformed", "reset")   # the next five requests
    server.fail_after(3, status=503)                              # down after three answers

Use the `crossref_server` fixture (import it into a test module).
"""

from __future__ import annotations

import json
import re
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

WORKS = Path(__file__).resolve().parent / "fixtures" / "crossref" / "works"
ALLOWED_PARAMS = {"query", "rows", "select", "filter", "offset", "mailto", "sort", "order", "cursor", "sample"}
KNOWN_FILTERS = {"from-pub-date", "until-pub-date", "type", "has-references", "prefix", "member"}
WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Recorded:
    """One request as the server saw it (logged on arrival; `status` filled in once answered)."""

    at: float
    path: str
    params: dict
    user_agent: str
    status: int | None = None


class FakeCrossref:
    """The server's state: works, scripted faults, announced limits, and the request log."""

    def __init__(self, works_dir: Path = WORKS) -> None:
        self.works = {}
        for path in sorted(works_dir.glob("*.json")):
            message = json.loads(path.read_text(encoding="utf-8"))
            self.works[message["DOI"].lower()] = message
        self.index = {doi: set(WORD.findall(index_text(m).lower())) for doi, m in self.works.items()}
        self.limit, self.interval, self.concurrency = "50", "1s", "5"
        self.faults: deque[str] = deque()
        self.down_after: int | None = None
        self.down_status = 503
        self.answered = 0
        self.log: list[Recorded] = []
        self.in_flight = self.max_in_flight = 0
        self.lock = threading.Lock()
        self.on_request = None   # called with each Recorded request before it is answered (see when_asked)
        self._server: ThreadingHTTPServer | None = None

    # -- control ---------------------------------------------------------------------------------

    def start(self) -> FakeCrossref:
        handler = type("Handler", (CrossrefHandler,), {"state": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def script(self, *faults: str) -> None:
        """Faults for the next requests, one each: "429:<retry-after>", "500", "503", "slow:<s>",
        "malformed", "reset", "bad-envelope"."""
        self.faults.extend(faults)

    def fail_after(self, answers: int, status: int = 503) -> None:
        """Answer `answers` more requests normally, then fail every request with `status`."""
        self.down_after = self.answered + answers
        self.down_status = status

    def recover(self) -> None:
        self.down_after = None
        self.faults.clear()

    def when_asked(self, callback) -> None:
        """Call `callback(recorded)` on each request before answering it: e.g. a curator's edit mid-run."""
        self.on_request = callback

    def announce(self, limit: int | None, interval: str | None = "1s", concurrency: int | None = None) -> None:
        """Rate-limit headers to send (None leaves a header out)."""
        self.limit = None if limit is None else str(limit)
        self.interval = interval
        self.concurrency = None if concurrency is None else str(concurrency)

    # -- measurements ----------------------------------------------------------------------------

    def requests(self, path_prefix: str = "/") -> list[Recorded]:
        return [r for r in self.log if r.path.startswith(path_prefix)]

    def max_in_window(self, window: float = 1.0) -> int:
        """The most requests that arrived within any window of `window` seconds (sliding)."""
        times = sorted(r.at for r in self.log)
        best, start = 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best

    def per_second(self) -> list[int]:
        """Requests counted in consecutive 1-s windows from the first request."""
        if not self.log:
            return []
        t0 = self.log[0].at
        counts: dict[int, int] = {}
        for r in self.log:
            counts[int((r.at - t0) // 1)] = counts.get(int((r.at - t0) // 1), 0) + 1
        return [counts.get(i, 0) for i in range(max(counts) + 1)]

    # -- answers ---------------------------------------------------------------------------------

    def next_fault(self) -> str | None:
        with self.lock:
            if self.faults:
                return self.faults.popleft()
            if self.down_after is not None and self.answered >= self.down_after:
                return str(self.down_status)
            self.answered += 1
            return None

    def search(self, query: str, rows: int, select: list[str] | None) -> dict:
        words = set(WORD.findall(query.lower()))
        scored = [(len(words & tokens), doi) for doi, tokens in self.index.items()]
        hits = sorted(((s, d) for s, d in scored if s > 0), key=lambda x: (-x[0], x[1]))
        items = []
        for score, doi in hits[:rows]:
            item = dict(self.works[doi], score=round(score * 7.25, 3))
            item.pop("reference", None)
            items.append({k: v for k, v in item.items() if select is None or k in select})
        return {"facets": {}, "total-results": len(hits), "items": items, "items-per-page": rows,
                "query": {"start-index": 0, "search-terms": query}}


def index_text(message: dict) -> str:
    parts = message.get("title", []) + message.get("container-title", [])
    parts += [a.get("family", "") + " " + a.get("name", "") for a in message.get("author", [])]
    parts += [str(message.get(k, "")) for k in ("volume", "page", "article-number")]
    parts += [str(message["issued"]["date-parts"][0][0])] if message.get("issued") else []
    return " ".join(parts)


def envelope(message_type: str, message) -> dict:
    return {"status": "ok", "message-type": message_type, "message-version": "1.0.0", "message": message}


def validation_failure(kind: str, value: str, text: str) -> dict:
    return {"status": "failed", "message-type": "validation-failure",
            "message": [{"type": kind, "value": value, "message": text}]}


class CrossrefHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: FakeCrossref

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        state = self.state
        parts = urlsplit(self.path)
        record = Recorded(time.monotonic(), unquote(parts.path), dict(parse_qsl(parts.query)),
                          self.headers.get("User-Agent", ""))
        with state.lock:
            state.log.append(record)
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
        self.record = record
        if state.on_request is not None:
            state.on_request(record)
        try:
            self.answer()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to send to
        finally:
            with state.lock:
                state.in_flight -= 1

    def answer(self) -> int | None:
        fault = self.state.next_fault()
        if fault is not None:
            handled = self.fault(fault)
            if handled is not None:
                return None if handled == 0 else handled
        parts = urlsplit(self.path)
        path, params = unquote(parts.path), parse_qsl(parts.query)
        if path.startswith("/works/"):
            return self.single(path[len("/works/"):])
        if path.rstrip("/") == "/works":
            return self.listing(dict(params))
        return self.send(404, "Resource not found.", "text/plain")

    def fault(self, fault: str) -> int | None:
        """Act out a scripted fault; return the status sent, 0 for none, None to answer normally."""
        kind, _, value = fault.partition(":")
        if kind == "slow":
            time.sleep(float(value))
            return None
        if kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return 0
        if kind == "malformed":
            return self.send(200, '{"status": "ok", "message-type": "work", "message": {"DOI": ', "application/json")
        if kind == "bad-envelope":
            return self.send(200, json.dumps({"hello": "world"}), "application/json")
        status = int(kind)
        extra = {"Retry-After": value} if value else {}
        return self.send(status, f"{status} fault injected", "text/plain", extra)

    def single(self, doi: str) -> int:
        message = self.state.works.get(doi.lower())
        if message is None:
            return self.send(404, "Resource not found.", "text/plain")
        return self.send(200, json.dumps(envelope("work", message)), "application/json")

    def listing(self, params: dict) -> int:
        for name in params:
            if name not in ALLOWED_PARAMS and not name.startswith("query."):
                body = validation_failure("parameter-not-allowed", name, f"This route does not support {name}")
                return self.send(400, json.dumps(body), "application/json")
        for clause in filter(None, params.get("filter", "").split(",")):
            name = clause.partition(":")[0]
            if name not in KNOWN_FILTERS:
                body = validation_failure("filter-not-available", name,
                                          f"Filter {name} specified but there is no such filter for this route.")
                return self.send(400, json.dumps(body), "application/json")
        rows = int(params.get("rows", "20"))
        if rows > 1000:
            body = validation_failure("integer-not-valid", str(rows), "Integer specified as 1001 but must be <= 1000")
            return self.send(400, json.dumps(body), "application/json")
        select = params["select"].split(",") if params.get("select") else None
        query = params.get("query.bibliographic") or params.get("query") or ""
        message = self.state.search(query, rows, select)
        return self.send(200, json.dumps(envelope("work-list", message)), "application/json")

    def send(self, status: int, body: str, content_type: str, extra: dict | None = None) -> int:
        self.record.status = status       # before sending: the client may look as soon as it has the answer
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type};charset=utf-8" if "json" in content_type else content_type)
        self.send_header("Content-Length", str(len(data)))
        state = self.state
        headers = {"x-rate-limit-limit": state.limit, "x-rate-limit-interval": state.interval,
                   "x-concurrency-limit": state.concurrency,
                   "x-api-pool": "polite" if "mailto:" in self.headers.get("User-Agent", "") else "public"}
        for name, value in (headers | (extra or {})).items():
            if value is not None:
                self.send_header(name, value)
        # Headers and body in one write, as a real server sends them (two small writes
        # would meet the client's delayed ACK and cost 40 ms a response).
        self._headers_buffer.append(b"\r\n" + data)
        self.flush_headers()
        return status


@pytest.fixture
def crossref_server():
    """A fresh fake Crossref on 127.0.0.1 (random port), stopped after the test."""
    server = FakeCrossref().start()
    yield server
    server.stop()


def client_settings(server: FakeCrossref, cache_dir=None, **tuning):
    """Settings for a client of `server`: short backoff so that fault tests run fast."""
    from litgraph.crossref.config import Settings

    values = {"timeout": 2.0, "max_retries": 4, "backoff_base": 0.02, "backoff_cap": 0.2} | tuning
    return Settings(base_url=server.url, cache_dir=cache_dir, **values)


if __name__ == "__main__":  # a server to try the CLI against by hand: python tests/crossref_server.py
    fake = FakeCrossref().start()
    print(f"fake Crossref at {fake.url} (Ctrl-C stops it)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()
