"""The graph backends behind one narrow seam.

Only this module knows which engine answers. Every backend takes the text of
a SPARQL select or ask query plus bindings (variable name -> Term) and returns
`Rows`: the projected variables and one dict per solution whose values are plain Python
values (str for IRIs and plain literals, int/float/bool for typed numbers and
booleans, None for unbound), so JSON rows look the same whichever store answered.

Backends:
    OxigraphStore  the embedded on-disk store (default), build/store
    RdflibStore    rdflib in memory, loaded from build/litgraph.nt
    RemoteStore    any SPARQL 1.1 query endpoint (litgraph/remote.py)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .bulk_load import ByteRange, line_ranges, pieces_for  # noqa: F401 (line_ranges: part of this module's API)
from .deadline import DeadlinePassed, call_with_deadline
from .errors import QueryError, StoreError, StoreMissingError, UpstreamError
from .query_guard import QueryPolicy, QueryTimeout, check_service, find_service, timeout_message
from .values import BOOLEAN, FRACTIONAL, INTEGER, NUMERIC, XSD, plain_value  # noqa: F401 (this module's API)

# The library's own queries never federate and are not timed; the CLI passes --timeout (default 60 s).
LIBRARY_POLICY = QueryPolicy(timeout_s=None)

@dataclass(frozen=True, slots=True)
class Term:
    """A query binding: an IRI or a literal (with optional datatype), engine-neutral."""

    value: str
    kind: str = "iri"  # "iri" | "literal"
    datatype: str | None = None


@dataclass(frozen=True, slots=True)
class Rows:
    variables: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]


class GraphStore(Protocol):
    name: str

    def select(self, sparql: str, bindings: dict[str, Term] | None = None) -> Rows: ...


class OxigraphStore:
    """The embedded Oxigraph store on disk (read-only once built)."""

    name = "oxigraph"

    def __init__(self, path: str | Path, read_only: bool = True, policy: QueryPolicy = LIBRARY_POLICY) -> None:
        import pyoxigraph as ox

        self.policy = policy
        path = Path(path)
        if read_only and not (path / "CURRENT").exists():
            raise StoreMissingError(f"no built store at {path}: run `litgraph build` first")
        try:
            self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    @classmethod
    def create(cls, path: str | Path, ntriples_file: str | Path, optimize: bool = True,
               parts: int | None = None) -> OxigraphStore:
        """Create a store at `path` and bulk-load an N-Triples file into it.

        The file is cut at line boundaries into `parts` (by default pieces of about
        64 MB, `bulk_load.pieces_for`), bulk-loaded at most two at a time, each in its
        own thread: N-Triples lines stand alone and pyoxigraph loads without holding
        the GIL. Oxigraph's bulk loader holds what one call reads in memory: a
        424 MB file (50k entries) in one call took 1.54 GB, in two parallel halves
        2.16 GB, in 53 MB pieces 0.33 GB, in the same time (`make bench`). The file is
        litgraph's own serialisation, so the loader skips IRI validation (`lenient`).
        With `optimize` the store is then compacted: about 1.3 s per million triples,
        for read-only queries about a quarter faster (the named queries' medians at
        50k entries: 0.305 s -> 0.237 s in all).
        """
        from concurrent.futures import ThreadPoolExecutor  # not at the top: 30 ms of every query command's start

        store = cls(path, read_only=False)
        ntriples_file = Path(ntriples_file)
        ranges = line_ranges(ntriples_file, parts or pieces_for(ntriples_file.stat().st_size))
        try:
            with ThreadPoolExecutor(max_workers=min(os.cpu_count() or 1, 2)) as pool:
                list(pool.map(lambda r: store._load_range(ntriples_file, *r), ranges))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"cannot load {ntriples_file}: {exc}") from exc
        store._store.flush()
        if optimize:
            store.optimize()
        return store

    def _load_range(self, path: Path, start: int, end: int) -> None:
        import pyoxigraph as ox

        with path.open("rb") as handle:
            self._store.bulk_load(ByteRange(handle, start, end), format=ox.RdfFormat.N_TRIPLES, lenient=True)

    def optimize(self) -> None:
        """Compact the store's files (read queries get faster)."""
        self._store.optimize()

    def __len__(self) -> int:
        return len(self._store)

    def select(self, sparql: str, bindings: dict[str, Term] | None = None) -> Rows:
        """Run a SELECT or ASK query with `bindings` joined in as VALUES blocks.

        The terms go in as a `VALUES` block at the start of the WHERE group
        (`remote.bind_values`: serialised and escaped terms, never user text), not
        as pyoxigraph `substitutions`: those bind the same terms but Oxigraph's
        optimiser does not treat them as constants, so one paper's reference list
        scanned every list (0.47 s instead of 0.003 s at 1M triples, `make bench`).
        """
        from .remote import bind_values

        text = bind_values(sparql, bindings) if bindings else sparql
        return guarded(lambda: self._rows(text), text, self.policy)

    def _rows(self, text: str) -> Rows:
        import pyoxigraph as ox

        result = None
        try:
            result = self._store.query(text)
            if isinstance(result, ox.QueryBoolean):
                return Rows(("result",), ({"result": bool(result)},))
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("only SELECT and ASK queries return rows")
            names = tuple(v.value for v in result.variables)
            return Rows(names, tuple(plain_rows(result, names)))
        except (SyntaxError, RuntimeError, OSError) as exc:
            exc.__traceback__ = None  # its frames hold pyoxigraph results, which must die in this thread
            raise oxigraph_error(exc, text) from exc
        finally:  # pyoxigraph results must be dropped in the thread that made them, not by a traceback
            result = None


def oxigraph_error(exc: Exception, text: str) -> Exception:
    """A pyoxigraph exception as the litgraph error it means."""
    if isinstance(exc, SyntaxError):
        return QueryError(f"SPARQL syntax error: {exc}")
    if isinstance(exc, RuntimeError):  # e.g. a parameter the SELECT does not project
        return QueryError(f"the query cannot be run: {exc}")
    if find_service(text) is not None:  # an allowed SERVICE call whose endpoint failed
        return UpstreamError(f"a SERVICE endpoint of the query failed: {exc}")
    return StoreError(f"the store failed: {exc}")


def guarded(run: Callable[[], Rows], text: str, policy: QueryPolicy) -> Rows:
    """`run()` under the policy: SERVICE refused unless allowed, stopped at the time limit or Ctrl-C."""
    check_service(text, policy)
    try:
        return call_with_deadline(run, policy.timeout_s)
    except DeadlinePassed:
        raise QueryTimeout(timeout_message(policy)) from None


def to_oxigraph(term: Term):
    import pyoxigraph as ox

    if term.kind == "iri":
        return ox.NamedNode(term.value)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


def plain_rows(solutions, names: tuple[str, ...]):
    """Each pyoxigraph solution as a dict of plain values (`plain_value` for literals, else the IRI).

    A solution iterates its terms in the order of the variables; looking each up by
    name took twice as long (most-cited's 8,024 rows: 0.13 s against 0.09 s at 1M
    triples, `python -m bench.overhead`).
    """
    import pyoxigraph as ox

    literal = ox.Literal
    for solution in solutions:
        row = {}
        for name, term in zip(names, solution):
            if term is None:
                row[name] = None
            elif type(term) is literal:
                row[name] = plain_value(term.value, term.datatype.value)
            else:
                row[name] = term.value
        yield row


class RdflibStore:
    """rdflib's in-memory graph and SPARQL engine."""

    name = "rdflib"

    def __init__(self, graph, policy: QueryPolicy = LIBRARY_POLICY) -> None:
        self._graph = graph
        self._prepared: dict[str, Any] = {}
        self.policy = policy

    @classmethod
    def from_file(cls, path: str | Path, policy: QueryPolicy = LIBRARY_POLICY) -> RdflibStore:
        from rdflib import Graph

        path = Path(path)
        if not path.exists():
            raise StoreMissingError(f"no built graph at {path}: run `litgraph build` first")
        graph = Graph()
        graph.parse(str(path), format="nt" if path.suffix == ".nt" else "turtle")
        return cls(graph, policy)

    def __len__(self) -> int:
        return len(self._graph)

    def select(self, sparql: str, bindings: dict[str, Term] | None = None) -> Rows:
        """Run a SELECT or ASK query with `bindings` as rdflib `initBindings`, under the store's policy."""
        return guarded(lambda: self._rows(sparql, bindings), sparql, self.policy)

    def _rows(self, sparql: str, bindings: dict[str, Term] | None) -> Rows:
        from rdflib.plugins.sparql import prepareQuery

        try:
            query = self._prepared.get(sparql) or prepareQuery(sparql)
        except Exception as exc:  # rdflib raises pyparsing errors of several kinds
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        self._prepared[sparql] = query
        init = {k: to_rdflib(t) for k, t in (bindings or {}).items()}
        result = self._graph.query(query, initBindings=init)
        if result.type == "ASK":
            return Rows(("result",), ({"result": bool(result.askAnswer)},))
        names = tuple(str(v) for v in result.vars)
        return Rows(names, tuple({n: rdflib_value(sol[n]) for n in names} for sol in result))


def rdflib_value(term) -> Any:
    """An rdflib solution term as a plain value (`plain_value` for literals, else its string)."""
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        return plain_value(str(term), str(term.datatype) if term.datatype else None)
    return str(term)


def to_rdflib(term: Term):
    from rdflib import Literal, URIRef

    if term.kind == "iri":
        return URIRef(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def open_store(kind: str, build_dir: str | Path, endpoint: str | None = None,
               policy: QueryPolicy = LIBRARY_POLICY) -> GraphStore:
    """Open the built graph with the named backend (`oxigraph` or `rdflib`), or a remote endpoint.

    With `endpoint` (a SPARQL 1.1 query URL) the graph is read from that
    store and `kind` and `build_dir` are not used. The local engines run
    queries under `policy` (SERVICE refused unless allowed; a time limit); a
    remote store applies its own.
    """
    if endpoint:
        from .remote import RemoteStore

        return RemoteStore(endpoint, timeout_s=policy.timeout_s) if policy.timeout_s else RemoteStore(endpoint)
    build_dir = Path(build_dir)
    if kind == "oxigraph":
        return OxigraphStore(build_dir / "store", policy=policy)
    if kind == "rdflib":
        return RdflibStore.from_file(build_dir / "litgraph.nt", policy)
    raise QueryError(f"unknown store {kind!r}: choose oxigraph or rdflib")
