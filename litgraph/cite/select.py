"""Which works a reference list holds: a paper's list, explicit works, a named query or an evidence selection."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..queries import get_query, resolve_work, run_query
from ..store import GraphStore
from ..vocab import WORK_PREFIX


def unique(iris: Sequence[str]) -> list[str]:
    """Keep the first occurrence of each work (duplicates collapse to one entry)."""
    return list(dict.fromkeys(iris))


def from_paper(store: GraphStore, paper: str) -> list[str]:
    """The works of a paper's reference list, in printed order."""
    rows = run_query(get_query("reference-list"), store, {"paper": paper}).rows
    if not rows:
        raise InputError(f"{paper} has no reference list in the graph")
    return unique([r["work"] for r in rows])


def from_works(store: GraphStore, values: Sequence[str]) -> list[str]:
    """Works named by citation key (any key the work holds), DOI, work id or IRI."""
    return unique([work_of_key(store, v) or resolve_work(v, store) for v in values])


def work_of_key(store: GraphStore, value: str) -> str | None:
    """The work a citation key resolves to; None when `value` is not a key (a DOI, id or IRI)."""
    import re

    from ..queries import DOI_RE
    from ..store import Term

    if "/" in value or DOI_RE.match(value) or not re.fullmatch(r"[A-Za-z0-9_:.\-]+", value):
        return None
    rows = store.select(get_query("_cite-work-by-key").text, {"key": Term(value, "literal")}).rows
    if not rows:
        raise InputError(f"no work with citation key {value!r} in the graph (corpus/citation-keys.tsv)")
    return rows[0]["work"]


def from_query(store: GraphStore, name: str, params: dict[str, str]) -> list[str]:
    """The works a named query's rows carry: its `work` column, else the first column of work IRIs."""
    result = run_query(get_query(name), store, params)
    column = "work" if "work" in result.variables else next(
        (v for v in result.variables
         if any(isinstance(r[v], str) and r[v].startswith(WORK_PREFIX) for r in result.rows)), None)
    if column is None:
        raise InputError(f"query {name!r} returns no column of works to cite")
    return unique([r[column] for r in result.rows if isinstance(r[column], str)
                   and r[column].startswith(WORK_PREFIX)])


def evidence_for(store: GraphStore, filters: dict[str, str | None]) -> list[dict]:
    """Evidence rows (one per coded finding) passing the filters of `litgraph evidence`."""
    from ..findings.evidence import evidence_rows, read_concepts, resolve_filter

    wanted = {k: v for k, v in filters.items() if v}
    return evidence_rows(store, resolve_filter(read_concepts(store), **wanted))


def from_evidence(rows: Sequence[dict]) -> list[str]:
    """The works the findings rest on, in the order `litgraph evidence` lists them."""
    return unique([r["source"]["work"] for r in rows if r["source"]["work"]])


def groups_of(works: Sequence[str], rows: Sequence[dict], by: str) -> dict[str, list[str]]:
    """Group heading -> works, by the study design or direction of the findings each work supports.

    A work supporting findings of several designs (or directions) appears under each.
    """
    labels: dict[str, set[str]] = {}
    for row in rows:
        if row[by]:
            labels.setdefault(row["source"]["work"], set()).add(row[by])
    grouped: dict[str, list[str]] = {}
    for work in works:
        for label in sorted(labels.get(work, {"(no coded finding)"})):
            grouped.setdefault(label, []).append(work)
    return dict(sorted(grouped.items(), key=lambda kv: (kv[0].startswith("("), kv[0])))
