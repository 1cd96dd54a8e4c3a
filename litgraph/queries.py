"""Named SPARQL queries: one `.rq` file each in queries/, with a header.

Header lines at the top of each file::

    # title: Reference list of a paper
    # description: One paper's reference list in printed order.
    # param: paper work  The paper whose list is printed (DOI, work id or IRI).
    # param: min integer=2  Smallest count shown.

A param line is `name type[=default] description`; types are `work`, `iri`,
`string`, `lowercase` (a string bound in lower case, to look up a key the build
stored in lower case, such as `lg:nameKey`) and `integer`. Parameters are bound as RDF terms by the store (never
pasted into the query text). Oxigraph substitutes only variables that a
query's projection names, so each query projects its parameters; `run_query` drops
those columns again, so rows carry only the answer. Files whose name starts
with `_` are internal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError
from .query_guard import check_service
from .resources import data_dir
from .store import GraphStore, Rows, Term
from .vocab import WORK_PREFIX, work_iri

PARAM_TYPES = {"work", "iri", "string", "lowercase", "integer"}
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
DOI_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.I)


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    description: str
    default: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "type": self.type, "description": self.description,
                "default": self.default, "required": self.default is None}


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: str

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [p.as_dict() for p in self.params]}


def parse_query_file(path: Path) -> NamedQuery:
    """Read one .rq file and its header."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM from a Windows editor is not part of the query
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read: {exc}") from exc
    header: dict[str, str] = {}
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].strip().partition(":")
        if not sep:
            continue
        if key.strip() == "param":
            params.append(parse_param(value.strip(), path, number))
        else:
            header[key.strip()] = value.strip()
    if "title" not in header:
        raise QueryError(f"{path}:1: a query file needs a '# title:' header line")
    return NamedQuery(path.stem, header["title"], header.get("description", ""), tuple(params),
                      text, str(path))


def parse_param(spec: str, path: Path, line: int) -> Param:
    parts = spec.split(None, 2)
    if len(parts) < 2:
        raise QueryError(f"{path}:{line}: a param line is 'name type[=default] description'")
    kind, _, default = parts[1].partition("=")
    if kind not in PARAM_TYPES:
        raise QueryError(f"{path}:{line}: unknown param type {kind!r} (use {sorted(PARAM_TYPES)})")
    return Param(parts[0], kind, parts[2] if len(parts) > 2 else "", default or None)


def query_dir() -> Path:
    return data_dir("queries")


def query_folders(folder: Path | Sequence[Path] | None = None) -> tuple[Path, ...]:
    """Where named queries come from: the given folder(s) (a project's own queries), then the packaged queries/.

    A folder that is the packaged one (the repository's own project names it) is read once.
    """
    given = (folder,) if isinstance(folder, Path) else tuple(folder or ())
    packaged = query_dir()
    extra = tuple(f for f in given if f.is_dir() and f.resolve() != packaged.resolve())
    return (*extra, packaged)


def list_queries(folder: Path | Sequence[Path] | None = None) -> list[NamedQuery]:
    """Every named query (files starting with `_` are internal); a project's query shadows a packaged one of its name."""
    found: dict[str, NamedQuery] = {}
    for where in query_folders(folder):
        for path in sorted(where.glob("*.rq")):
            if not path.name.startswith("_") and path.stem not in found:
                found[path.stem] = parse_query_file(path)
    return sorted(found.values(), key=lambda q: q.name)


def get_query(name: str, folder: Path | Sequence[Path] | None = None) -> NamedQuery:
    """The named query `name` from a project's queries folder, else the packaged queries/; a path is refused."""
    if not re.fullmatch(r"[\w][\w.\-]*", name) or ".." in name:
        raise QueryError(f"{name!r} is not a query name (names come from `litgraph query --list`); "
                         "run a query file with --file PATH")
    # Internal queries (`_name`), which commands rely on, come from the package only.
    for where in query_folders(None if name.startswith("_") else folder):
        if (where / f"{name}.rq").is_file():
            return parse_query_file(where / f"{name}.rq")
    known = ", ".join(q.name for q in list_queries(folder))
    raise QueryError(f"unknown query {name!r}; known queries: {known}")


def parse_param_args(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`["paper=10.1/x", "n=3"]` -> {"paper": "10.1/x", "n": "3"}."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param takes name=value, not {pair!r}")
        values[name.strip()] = value.strip()
    return values


def bind_params(query: NamedQuery, values: dict[str, str], store: GraphStore) -> dict[str, Term]:
    """Check the given values against the query's params and turn them into terms."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        names = ", ".join(known) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {unknown[0]!r} (its parameters: {names})")
    bindings = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            raise QueryError(f"query {query.name!r} needs --param {param.name}=... ({param.description})")
        bindings[param.name] = to_term(param, value, store)
    return bindings


def to_term(param: Param, value: str, store: GraphStore) -> Term:
    if param.type == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise QueryError(f"parameter {param.name!r} must be a whole number, not {value!r}")
        return Term(value, "literal", XSD_INTEGER)
    if param.type == "string":
        return Term(value, "literal")
    if param.type == "lowercase":  # looked up as a constant: lower-casing in the query scanned every key (1 s at 1M)
        return Term(value.lower(), "literal")
    if param.type == "iri":
        return Term(value)
    return Term(resolve_work(value, store))


def resolve_work(value: str, store: GraphStore) -> str:
    """A DOI, a work id (`doi/...`, `key/...`) or a work IRI -> the work IRI in the graph."""
    if value.startswith(("http://", "https://")) and not DOI_RE.match(value):
        return value
    if value.startswith(("doi/", "key/")):
        return work_iri(value)
    match = DOI_RE.match(value)
    if not match:
        raise QueryError(f"{value!r} is neither a DOI, a work id nor a work IRI")
    doi = Term(match.group(1).lower(), "literal")
    # A work with a DOI is usually minted at work/doi/<lower-case DOI>: one lookup. Its id may
    # be locked from before its DOI was known (corpus/work-ids.tsv), so then compare every DOI.
    rows = store.select(get_query("_work-with-doi").text, {"work": Term(work_iri(f"doi/{doi.value}")), "doi": doi}).rows
    if not rows:
        rows = store.select(get_query("_work-by-doi").text, {"doi": doi}).rows
    if not rows:
        raise QueryError(f"no work with DOI {match.group(1)} in the graph")
    return rows[0]["work"]


def run_query(query: NamedQuery, store: GraphStore, values: dict[str, str] | None = None) -> Rows:
    """Run a named query with its parameters bound; rows carry the answer columns only."""
    policy = getattr(store, "policy", None)
    if policy is not None:  # refused here so that the message names the file
        check_service(query.text, policy, query.path)
    bindings = bind_params(query, values or {}, store)
    return without_columns(store.select(query.text, bindings), set(bindings))


def without_columns(rows: Rows, names: set[str]) -> Rows:
    if not names & set(rows.variables):
        return rows
    keep = tuple(v for v in rows.variables if v not in names)
    return Rows(keep, tuple({k: r[k] for k in keep} for r in rows.rows))


def short_work(iri: str) -> str:
    """`https://w3id.org/litgraph/id/work/doi/10.1/x` -> `doi/10.1/x` (for tables)."""
    return iri[len(WORK_PREFIX):] if iri.startswith(WORK_PREFIX) else iri
