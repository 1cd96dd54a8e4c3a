"""litgraph's own HTTP front of `litgraph serve`: every query checked, timed and killable.

    front = start_front(FrontConfig(store, backend, policy), "127.0.0.1", 7878)
    ...                       # front.url is "http://127.0.0.1:7878/query"
    stop_front(front)

At /query (GET, or POST as a form or as `application/sparql-query`) a query
that calls `SERVICE` is refused with HTTP 400 unless the policy allows it.
A read-only front runs each query in a worker process (litgraph/sparql_worker.py)
that it kills when the time limit passes (HTTP 503), when the client hangs up,
or when the server stops. Everything else (a writable server's /update and
/store, the query page at /) goes to the Oxigraph server behind it on a
private loopback port; a writable server's queries go there too (a store
opened for writing cannot be read by another process), with the time limit
on the answer (HTTP 503) but no way to stop the engine.
"""

from __future__ import annotations

import http.client
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import InputError
from .query_guard import QueryPolicy, find_service
from .quietserver import server_class
from .serve import Endpoint
from .sparql_worker import QueryJob

FORWARDED_HEADERS = ("Accept", "Content-Type", "Authorization")


@dataclass(frozen=True, slots=True)
class FrontConfig:
    store: str
    backend: Endpoint
    policy: QueryPolicy
    writable: bool = False


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    content_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


@dataclass
class Front:
    server: ThreadingHTTPServer
    endpoint: Endpoint
    workers: object = field(default=None)

    @property
    def url(self) -> str:
        return self.endpoint.query_url


def start_front(config: FrontConfig, host: str, port: int) -> Front:
    """Listen on host:port (0: a free port) in a daemon thread; InputError when the address cannot be used."""
    from .sparql_pool import WorkerPool

    pool = WorkerPool()
    handler = type("Handler", (FrontHandler,), {"config": config, "pool": pool})
    try:
        server = server_class(host)((host, port), handler)
    except OSError as exc:  # taken, not an address of this machine, or a name that does not resolve
        raise InputError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
    threading.Thread(target=serve_without_signals, args=(server,), name="litgraph-sparql", daemon=True).start()
    return Front(server, Endpoint(host, server.server_address[1]), pool)


def serve_store(store: str, host: str, port: int, writable: bool, policy: QueryPolicy):
    """The front on host:port and the Oxigraph server behind it on a private loopback port.

    Returns (the Oxigraph server's process, the Front); InputError (and
    nothing left running) when host:port cannot be used.
    """
    from .serve import start_oxigraph, stop

    process, backend = start_oxigraph(store, "127.0.0.1", 0, writable, policy.timeout_s)
    try:
        return process, start_front(FrontConfig(str(store), backend, policy, writable), host, port)
    except BaseException:
        stop(process)
        raise


def serve_without_signals(server: ThreadingHTTPServer) -> None:
    """serve_forever with Ctrl-C and SIGTERM blocked here and in every request thread (they inherit it),
    so the kernel hands them to the main thread, which stops the server."""
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    server.serve_forever()


def stop_front(front: Front) -> None:
    """Stop listening and kill the queries still running."""
    front.server.shutdown()
    front.server.server_close()
    front.workers.kill_all()


class FrontHandler(BaseHTTPRequestHandler):
    config: FrontConfig
    pool: object
    server_version = "litgraph"

    def log_message(self, format, *args) -> None:  # noqa: A002 (the stdlib's name)
        pass

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        self.route(b"")

    def do_POST(self) -> None:  # noqa: N802
        self.route(self.read_body())

    do_PUT = do_POST

    do_DELETE = do_GET
    do_HEAD = do_GET

    def route(self, body: bytes) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/query" and self.command in ("GET", "POST"):
            self.send(self.query(body))
        elif path == "/update" and not self.config.writable:
            self.send(Reply.text(403, "this server is read-only (start it with `litgraph serve --writable`)"))
        elif path == "/update" and self.refused(*candidate_texts(self, body, "update")):
            self.send(self.refusal())
        elif path in ("/", "/store", "/update"):
            self.send(self.forward(body, None))
        else:
            self.send(Reply.text(404, f"no such resource: {path} (queries go to /query)"))

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def refused(self, *texts: str) -> bool:
        return not self.config.policy.allow_service and any(find_service(t) is not None for t in texts)

    def refusal(self) -> Reply:
        return Reply.text(400, "SERVICE calls another endpoint and federated queries are off on this server "
                               "(start it with `litgraph serve --allow-service` to allow them)")

    def query(self, body: bytes) -> Reply:
        text = operation_text(self, body, "query")
        if not text:
            return Reply.text(400, "no query: give it as the `query` parameter or as an application/sparql-query body")
        if self.refused(text, *candidate_texts(self, body, "query")):
            return self.refusal()
        if self.config.writable:
            return self.forward(body, self.config.policy.timeout_s)
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        job = QueryJob(self.config.store, text, self.headers.get("Accept", ""),
                       tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())))
        return self.pool.run(job, self.config.policy.timeout_s, self.connection)

    def forward(self, body: bytes, timeout_s: float | None) -> Reply:
        """The same request to the Oxigraph server behind, and its answer (503 when it is too slow)."""
        backend = self.config.backend
        headers = {k: self.headers[k] for k in FORWARDED_HEADERS if self.headers.get(k)}
        connection = http.client.HTTPConnection(backend.host, backend.port, timeout=timeout_s)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            return Reply(response.status, response.getheader("Content-Type") or "", response.read())
        except TimeoutError:
            return Reply.text(503, f"the query ran longer than {timeout_s:g} s (litgraph serve --timeout)")
        finally:
            connection.close()

    def send(self, reply: Reply | None) -> None:
        if reply is None:  # the client hung up: nothing to say
            return
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)


def operation_text(handler: BaseHTTPRequestHandler, body: bytes, name: str) -> str:
    """The query (or update) of a SPARQL Protocol request: URL parameter, form field or direct body."""
    content_type = (handler.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if handler.command == "POST" and content_type == f"application/sparql-{name}":
        return body.decode("utf-8", "replace")
    fields = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query)
    if handler.command == "POST" and content_type == "application/x-www-form-urlencoded":
        fields = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    return "\n".join(fields.get(name, []))


def candidate_texts(handler: BaseHTTPRequestHandler, body: bytes, name: str) -> list[str]:
    """Every text a server could take the operation from: URL parameters, form fields and the raw body.

    A request forwarded to the Oxigraph server is checked in all of them, so no
    reading of the request that differs from ours can carry a SERVICE past the check.
    """
    raw = body.decode("utf-8", "replace")
    url = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query)
    form = urllib.parse.parse_qs(raw)
    return [raw, *url.get(name, []), *form.get(name, [])]
