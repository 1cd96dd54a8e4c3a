"""Push the built graph (build/litgraph.nt) into any SPARQL 1.1 store.

How the triples travel, in order of preference:

1. the SPARQL 1.1 Graph Store HTTP Protocol: `PUT store_url?graph=IRI` (or
   `?default`) with the N-Triples as the body. One PUT replaces the graph in
   one request; Oxigraph runs it as one transaction.
2. SPARQL 1.1 Update, where no Graph Store URL is given or known:
   `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }` in one request.

A graph larger than one batch is loaded into a fresh staging graph batch by
batch and then swapped in with one `MOVE` update, so readers never see half a
graph; if any step fails (or Ctrl-C or SIGTERM stops it) the staging graph is
dropped and the previous version stays. Staging graphs are named for what
they are (staging.py); each push first removes those an earlier, killed push
to the same target left behind, and `cleanup_staging` removes them all. Afterwards the triples in the target graph are counted through
the query endpoint and must equal the triples in the file.

The Graph Store and update URLs are derived from the query endpoint for
known servers (`known_server`); Virtuoso has no separate default graph (its
queries read the union of all graphs), so "the default graph" there is the
named graph DEFAULT_GRAPH_STAND_IN. Only the remote store is written: the
local build is read, never changed.
"""

from __future__ import annotations

import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, StoreMissingError, UpstreamError
from .push_http import Http
from .remote import IRIREF, RemoteStore
from .staging import drop_update, find_staging_graphs, staging_graph

DEFAULT_GRAPH_STAND_IN = "https://w3id.org/litgraph/id/graph"
GRAPH_STORE_BATCH_BYTES = 32 * 1024 * 1024
UPDATE_BATCH_BYTES = 2 * 1024 * 1024


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
    stale_staging_removed: int = 0  # staging graphs earlier, killed pushes left behind

    def as_dict(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "graph": self.graph, "method": self.method, "url": self.url,
                "triples": self.triples, "seconds": round(self.seconds, 3),
                "stale_staging_removed": self.stale_staging_removed}


@dataclass(frozen=True, slots=True)
class CleanupReport:
    endpoint: str
    removed: tuple[str, ...]  # the staging graphs dropped

    def as_dict(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "staging_graphs_removed": len(self.removed),
                "graphs": list(self.removed)}


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
    stale = drop_staging(http, server.update_url, find_staging_graphs(selector(reader, user, password), target))
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
    return PushReport(endpoint, target, method, url, expected, time.monotonic() - start, len(stale))


def cleanup_staging(endpoint: str, user: str | None = None, password: str | None = None) -> CleanupReport:
    """Drop every staging graph on the store behind `endpoint` (`litgraph push --cleanup`)."""
    server = known_server(endpoint, authenticated=bool(user))
    found = find_staging_graphs(selector(RemoteStore(endpoint), user, password), every=True)
    return CleanupReport(endpoint, tuple(drop_staging(Http(user, password), server.update_url, found)))


def drop_staging(http: Http, update_url: str, graphs: list[str]) -> list[str]:
    if graphs:
        http.check_access(update_url)
    for graph in graphs:
        http.update(update_url, drop_update(graph))
    return graphs


def selector(reader: RemoteStore, user: str | None, password: str | None):
    """A function running a SELECT through the endpoint (asked again with credentials on HTTP 401)."""
    def select(text: str) -> list[dict]:
        try:
            return list(reader.select(text).rows)
        except UpstreamError as exc:
            if not user or "HTTP 401" not in str(exc):
                raise
            return list(RemoteStore(reader.endpoint, user, password).select(text).rows)
    return select


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
    staging = staging_graph(target)
    try:
        http.send("PUT", graph_store_url(store_url, staging), first)
        http.send("POST", graph_store_url(store_url, staging), second)
        for batch in batches:
            http.send("POST", graph_store_url(store_url, staging), batch)
        http.update(update_url, move_update(staging, target))
    except BaseException:
        http.update_quietly(update_url, drop_update(staging))
        raise


def upload_update(http: Http, update_url: str, target: str | None, batches: Iterator[bytes]) -> None:
    first = next(batches)
    second = next(batches, None)
    if second is None:
        drop = f"DROP SILENT GRAPH <{target}>" if target else "DROP SILENT DEFAULT"
        http.update(update_url, f"{drop} ;\n{insert_data(first, target)}")
        return
    staging = staging_graph(target)
    try:
        for batch in (first, second, *batches):
            http.update(update_url, insert_data(batch, staging))
        http.update(update_url, move_update(staging, target))
    except BaseException:
        http.update_quietly(update_url, drop_update(staging))
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
    rows = selector(reader, user, password)(text)
    return int(rows[0]["n"]) if rows else 0
