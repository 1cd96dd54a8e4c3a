"""One SPARQL query in a process of its own, so that `litgraph serve` can kill it.

The Oxigraph engine cannot be interrupted, and the `oxigraph` server's
`--timeout-s` did not stop a cartesian COUNT (it answered after 21 s with a
2 s limit) while an ORDER BY over everything aborted the whole server. So
the front server (litgraph/sparql_front.py) starts this worker for each query
from a fork server: it opens the store read-only, runs the query, serialises
the results in the negotiated format, and sends them down a pipe. The front
kills it on time-out, on client disconnect and on shutdown.

Messages on the pipe: `("ok", content_type)` then the body as bytes, or
`("error", http_status, message)`.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass

JSON = "application/sparql-results+json"


@dataclass(frozen=True, slots=True)
class QueryJob:
    """What a worker runs: the query, the Accept header, and the dataset the protocol named."""

    store: str
    query: str
    accept: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def run_job(job: QueryJob, conn) -> None:
    """The worker's entry point: answer `job` on `conn`, one message and (when ok) the body."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in the terminal is the front's to handle
    try:
        content_type, body = answer(job)
    except SyntaxError as exc:
        conn.send(("error", 400, f"SPARQL syntax error: {exc}"))
    except OSError as exc:
        conn.send(("error", 502, f"the query failed: {exc}"))
    except (RuntimeError, ValueError) as exc:
        conn.send(("error", 400, f"the query cannot be run: {exc}"))
    else:
        conn.send(("ok", content_type))
        conn.send_bytes(body)
    conn.close()


def answer(job: QueryJob) -> tuple[str, bytes]:
    """Run the job's query on a read-only store and serialise the result as the client asked."""
    import pyoxigraph as ox

    store = ox.Store.read_only(job.store)
    dataset = {}
    if job.default_graphs:
        dataset["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    result = store.query(job.query, **dataset)
    if isinstance(result, ox.QueryTriples):
        rdf = negotiate(job.accept, ox.RdfFormat.from_media_type, ox.RdfFormat.N_TRIPLES)
        return rdf.media_type, result.serialize(format=rdf)
    results = negotiate(job.accept, ox.QueryResultsFormat.from_media_type, ox.QueryResultsFormat.JSON)
    return results.media_type, result.serialize(format=results)


def negotiate(accept: str, parse, default):
    """The first format of the Accept header (by q value) that `parse` knows, else `default`."""
    for media_type in accepted(accept):
        if media_type in ("*/*", "application/*", "text/*"):
            return default
        found = parse(media_type)
        if found is not None:
            return found
    return default


def accepted(accept: str) -> list[str]:
    """Media types of an Accept header, highest q first (stable for equal q)."""
    ranked = []
    for index, part in enumerate(p for p in accept.split(",") if p.strip()):
        media_type, *params = [x.strip() for x in part.split(";")]
        q = next((float(v) for k, _, v in (x.partition("=") for x in params) if k == "q" and _is_number(v)), 1.0)
        ranked.append((-q, index, media_type.lower()))
    return [media_type for q, _, media_type in sorted(ranked) if q < 0]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
