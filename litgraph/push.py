"""Push the built graph (build/litgraph.nt) into any SPARQL 1.1 store.

How the triples travel, in order of preference:

1. the SPARQL 1.1 Graph Store HTTP Protocol: `PUT store_url?graph=IRI` (or
   `?default`) with the N-Triples as the body. One PUT replaces the graph in
   one request; Oxigraph runs it as one transaction.
2. SPARQL 1.1 Update, where no Graph Store URL is given or known:
   `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }` in one request.

A graph larger than one batch is loaded into a fresh staging graph batch by
batch and then swapped in with one `MOVE` update, so readers never see half a
graph; if any step fails the staging graph is dropped and the previous
version stays. Afterwards the triples in the target graph are counted through
the query endpoint and must equal the triples in the file.

The Graph Store and update URLs are derived from the query endpoint for
known servers (`known_server`); Virtuoso has no separate default graph (its
queries read the union of all graphs), so "the default graph" there is the
named graph DEFAULT_GRAPH_STAND_IN. Only the remote store is written: the
local build is read, never changed.
"""

from __future__ import annotations

import base64
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, StoreMissingError, UpstreamError
from .remote import IRIREF, RemoteStore, server_message

DEFAULT_GRAPH_STAND_IN = "https://w3id.org/litgraph/id/graph"
GRAPH_STORE_BATCH_BYTES = 32 * 1024 * 1024
UPDATE_BATCH_BYTES = 2 * 1024 * 1024
TIMEOUT_S = 600.0


@dataclass(frozen=True, slots=True)
class Server:
    """What litgraph knows about a store from its query endpoint URL."""

    name: str
    store_url: str | None  # Graph Store Protocol URL, None when unknown
    update_url: str
    has_default_graph: bool = True


@dataclass(frozen=True, slots=True)
class PushReport:
    endpoint: str
    graph: str | None  # None: the default graph
    method: str  # "graph-store" | "update"
    url: str  # where the triples went
    triples: int
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "graph": self.graph, "method": self.method, "url": self.url,
                "triples": self.triples, "seconds": round(self.seconds, 3)}


def known_server(endpoint: str, authenticated: bool = False) -> Server:
    """Derive the Graph Store and update URLs from a query endpoint URL.

    Example:
        >>> known_server("http://127.0.0.1:7878/query").store_url
        'http://127.0.0.1:7878/store'
        >>> known_server("http://127.0.0.1:8890/sparql", authenticated=True).store_url
        'http://127.0.0.1:8890/sparql-graph-crud-auth'
    """
    parts = urllib.parse.urlsplit(endpoint)
    root = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/")
    segments = path.split("/")
    if path == "/query":
        return Server("oxigraph", root + "/store", root + "/update")
    if path in ("/sparql", "/sparql-auth"):
        auth = "-auth" if authenticated else ""
        return Server("virtuoso", f"{root}/sparql-graph-crud{auth}", f"{root}/sparql{auth}",
                      has_default_graph=False)
    if len(segments) == 3 and segments[2] in ("sparql", "query"):
        dataset = f"{root}/{segments[1]}"
        return Server("fuseki", dataset + "/data", dataset + "/update")
    if len(segments) >= 3 and segments[-2] == "repositories":
        return Server("graphdb", root + path + "/rdf-graphs/service", root + path + "/statements")
    return Server("unknown", None, endpoint)


def push_graph(ntriples: str | Path, endpoint: str, store_url: str | None = None, graph: str | None = None,
               user: str | None = None, password: str | None = None,
               batch_bytes: int | None = None, graph_store: bool = True) -> PushReport:
    """Load the N-Triples file into the store behind `endpoint`, replacing `graph`, and verify the count.

    `graph_store=False` sends SPARQL Update even where a Graph Store URL is known;
    `batch_bytes` bounds each request's body (larger graphs go through a staging graph).
    """
    start = time.monotonic()
    path = Path(ntriples)
    if not path.is_file():
        raise StoreMissingError(f"no built graph at {path}: run `litgraph build` first")
    if graph is not None and not (IRIREF.fullmatch(graph) and ":" in graph):
        raise InputError(f"--graph must be an absolute IRI, not {graph!r}")
    server = known_server(endpoint, authenticated=bool(user))
    target = graph if graph or server.has_default_graph else DEFAULT_GRAPH_STAND_IN
    reader = RemoteStore(endpoint)
    count_in_store(reader, target, user, password)  # fail fast when the endpoint is unreachable
    expected, has_blank_nodes = count_triples(path)
    http = Http(user, password)
    store_url = (store_url or server.store_url) if graph_store else None
    limit = batch_bytes or (GRAPH_STORE_BATCH_BYTES if store_url else UPDATE_BATCH_BYTES)
    batches = read_batches(path, float("inf") if has_blank_nodes else limit)
    if store_url:
        http.check_access(graph_store_url(store_url, f"urn:litgraph:probe:{uuid.uuid4()}"))
        upload_graph_store(http, store_url, server.update_url, target, batches)
    else:
        http.check_access(server.update_url)
        upload_update(http, server.update_url, target, batches)
    found = count_in_store(reader, target, user, password)
    if found != expected:
        raise UpstreamError(f"push to {endpoint}: the store holds {found} triples in "
                            f"{graph_label(target)} after loading, the file has {expected}")
    method, url = ("graph-store", store_url) if store_url else ("update", server.update_url)
    return PushReport(endpoint, target, method, url, expected, time.monotonic() - start)


def graph_label(graph: str | None) -> str:
    return f"graph <{graph}>" if graph else "the default graph"


def count_triples(path: Path) -> tuple[int, bool]:
    """Triples in an N-Triples file, and whether any has a blank node (those must travel in one batch)."""
    count, blank = 0, False
    with path.open("rb") as handle:
        for line in handle:
            stripped = line.strip()
            if stripped and not stripped.startswith(b"#"):
                count += 1
                blank = blank or stripped.startswith(b"_:") or b" _:" in stripped
    return count, blank


def read_batches(path: Path, max_bytes: float) -> Iterator[bytes]:
    """Whole lines of the file, in batches of at most `max_bytes` (at least one line each)."""
    batch: list[bytes] = []
    size = 0
    with path.open("rb") as handle:
        for line in handle:
            if batch and size + len(line) > max_bytes:
                yield b"".join(batch)
                batch, size = [], 0
            batch.append(line)
            size += len(line)
    yield b"".join(batch)


def upload_graph_store(http: Http, store_url: str, update_url: str, target: str | None,
                       batches: Iterator[bytes]) -> None:
    first = next(batches)
    second = next(batches, None)
    if second is None:
        http.send("PUT", graph_store_url(store_url, target), first)
        return
    staging = f"urn:litgraph:staging:{uuid.uuid4()}"
    try:
        http.send("PUT", graph_store_url(store_url, staging), first)
        http.send("POST", graph_store_url(store_url, staging), second)
        for batch in batches:
            http.send("POST", graph_store_url(store_url, staging), batch)
        http.update(update_url, move_update(staging, target))
    except BaseException:
        http.update_quietly(update_url, f"DROP SILENT GRAPH <{staging}>")
        raise


def upload_update(http: Http, update_url: str, target: str | None, batches: Iterator[bytes]) -> None:
    first = next(batches)
    second = next(batches, None)
    if second is None:
        drop = f"DROP SILENT GRAPH <{target}>" if target else "DROP SILENT DEFAULT"
        http.update(update_url, f"{drop} ;\n{insert_data(first, target)}")
        return
    staging = f"urn:litgraph:staging:{uuid.uuid4()}"
    try:
        for batch in (first, second, *batches):
            http.update(update_url, insert_data(batch, staging))
        http.update(update_url, move_update(staging, target))
    except BaseException:
        http.update_quietly(update_url, f"DROP SILENT GRAPH <{staging}>")
        raise


def insert_data(ntriples: bytes, graph: str | None) -> str:
    body = ntriples.decode("utf-8")
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}" if graph else f"INSERT DATA {{\n{body}}}"


def move_update(staging: str, target: str | None) -> str:
    return f"MOVE SILENT GRAPH <{staging}> TO {f'GRAPH <{target}>' if target else 'DEFAULT'}"


def graph_store_url(store_url: str, graph: str | None) -> str:
    separator = "&" if "?" in store_url else "?"
    if graph is None:
        return f"{store_url}{separator}default"
    return f"{store_url}{separator}graph={urllib.parse.quote(graph, safe='')}"


def count_in_store(reader: RemoteStore, graph: str | None, user: str | None, password: str | None) -> int:
    """Triples in the graph, through the query endpoint (asked again with credentials on HTTP 401)."""
    text = (f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}" if graph
            else "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    try:
        rows = reader.select(text).rows
    except UpstreamError as exc:
        if not user or "HTTP 401" not in str(exc):
            raise
        rows = RemoteStore(reader.endpoint, user, password).select(text).rows
    return int(rows[0]["n"]) if rows else 0


class Http:
    """Graph Store and Update requests, with Basic or Digest credentials as the server asks."""

    def __init__(self, user: str | None, password: str | None, timeout_s: float = TIMEOUT_S) -> None:
        self._user, self._password = user, password
        self._opener = urllib.request.build_opener()
        self._timeout_s = timeout_s
        self._scheme: str | None = None
        self._passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()

    def send(self, method: str, url: str, body: bytes,
             content_type: str = "application/n-triples") -> None:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": content_type})
        self._open(request, "the upload")

    def update(self, url: str, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        self.send("POST", url, body, "application/x-www-form-urlencoded")

    def update_quietly(self, url: str, text: str) -> None:
        try:
            self.update(url, text)
        except UpstreamError:
            pass  # best effort: the error that got us here is the one to report

    def check_access(self, url: str) -> None:
        """A small GET first: wrong credentials fail before a large body is sent, and the server's
        challenge is learnt, so that large requests carry their credentials from the first byte
        (Virtuoso answers 401 and closes the connection while an unauthenticated body is still
        being sent). Any answer but 401 or 403 is fine here."""
        try:
            self._open(urllib.request.Request(url, method="GET"), "the access check")
        except UpstreamError as exc:
            if "(HTTP 401)" in str(exc) or "(HTTP 403)" in str(exc) or "unreachable" in str(exc):
                raise

    def _open(self, request: urllib.request.Request, what: str) -> None:
        url = request.full_url.split("?")[0]
        if self._user:
            parts = urllib.parse.urlsplit(url)
            self._passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", self._user,
                                         self._password or "")
        self._authorize(request)
        try:
            try:
                self._send(request)
            except urllib.error.HTTPError as exc:
                if exc.code != 401 or not self._user or self._scheme:
                    raise
                self._use_credentials(exc.headers.get("WWW-Authenticate", ""))
                self._send(request)
        except urllib.error.HTTPError as exc:
            raise UpstreamError(self._http_message(exc, url, what)) from exc
        except ValueError as exc:  # urllib's auth handlers give up this way on a scheme they cannot answer
            raise UpstreamError(f"{url}: the credentials were rejected (HTTP 401): {exc}") from exc
        except urllib.error.URLError as exc:
            raise UpstreamError(f"{url} is unreachable: {exc.reason}") from exc
        except (TimeoutError, OSError) as exc:
            raise UpstreamError(f"{url}: {what} failed: {exc}") from exc

    def _send(self, request: urllib.request.Request) -> None:
        with self._opener.open(request, timeout=self._timeout_s) as response:
            response.read()

    def _use_credentials(self, challenge: str) -> None:
        """Answer the server's challenge: Digest (Virtuoso) or Basic (Fuseki, GraphDB, most proxies)."""
        scheme, _, params = challenge.partition(" ")
        self._scheme = "digest" if scheme.lower() == "digest" else "basic"
        if self._scheme == "digest":
            self._digest = urllib.request.HTTPDigestAuthHandler(self._passwords)
            self._challenge = urllib.request.parse_keqv_list(
                [p for p in urllib.request.parse_http_list(params) if "=" in p])
            self._opener = urllib.request.build_opener(self._digest)
        else:
            self._opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(self._passwords))

    def _authorize(self, request: urllib.request.Request) -> None:
        """Send the credentials up front once the scheme is known (urllib waits for a 401 otherwise)."""
        if self._scheme == "digest":
            answer = self._digest.get_authorization(request, self._challenge)
            if answer:
                request.add_unredirected_header("Authorization", f"Digest {answer}")
        elif self._scheme == "basic":
            token = base64.b64encode(f"{self._user}:{self._password or ''}".encode()).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")

    def _http_message(self, exc: urllib.error.HTTPError, url: str, what: str) -> str:
        detail = server_message(exc.read() or b"")
        login = "" if self._user else "; pass --user and --password"
        if exc.code == 401:
            return f"{url}: the credentials were {'rejected' if self._user else 'missing'} (HTTP 401){login}"
        if exc.code == 403:
            return f"{url}: writing is not allowed (HTTP 403): {detail}{login}"
        if exc.code == 404:
            return f"{url}: not found (HTTP 404); pass the store's Graph Store URL with --store-url"
        return f"{url}: the store rejected {what} (HTTP {exc.code}): {detail}"
