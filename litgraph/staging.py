"""Staging graphs of `litgraph push`: named so they can be found, and never left behind on purpose.

A graph too large for one request is loaded batch by batch into a staging
graph and moved into place with one `MOVE`. Its name says what it is and
which graph it stands in for:

    https://w3id.org/litgraph/staging/<target key>/<uuid>     target key: "default" or a hash of the IRI

A push that fails, or is stopped by Ctrl-C or SIGTERM, drops its staging graph.
One that is killed (or loses the store midway) cannot; the next push to the
same target removes what such runs left (pushes to other graphs may be running
and are left alone), and `litgraph push --cleanup` removes every staging graph.
On Virtuoso, whose queries read every graph, a leftover would duplicate data.

Example:
    >>> staging_prefix(None)
    'https://w3id.org/litgraph/staging/default/'
    >>> staging_graph("urn:g").startswith(staging_prefix("urn:g"))
    True
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

STAGING_ROOT = "https://w3id.org/litgraph/staging/"
STAGING_QUERY = "_staging-graphs"

Select = Callable[[str], list[dict]]   # runs a SELECT through the endpoint, returns its rows


def staging_prefix(target: str | None) -> str:
    """The start of every staging graph name for `target` (None: the default graph)."""
    key = "default" if target is None else hashlib.sha256(target.encode("utf-8")).hexdigest()[:16]
    return f"{STAGING_ROOT}{key}/"


def staging_graph(target: str | None) -> str:
    """A fresh staging graph name for one push to `target`."""
    return f"{staging_prefix(target)}{uuid.uuid4()}"


def find_staging_graphs(select: Select, target: str | None = None, every: bool = False) -> list[str]:
    """The staging graphs on the store: for `target`, or all of them with `every`."""
    from .queries import get_query

    rows = select(get_query(STAGING_QUERY).text)
    graphs = [str(row["g"]) for row in rows]
    return graphs if every else [g for g in graphs if g.startswith(staging_prefix(target))]


def drop_update(graph: str) -> str:
    return f"DROP SILENT GRAPH <{graph}>"
