"""Stage 1 of the report: read everything it shows from the store, once, into plain values.

No HTML here: `gather` returns a `ReportData` of dicts, lists and CiteItems that
the evidence-map and page stages turn into a site.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..cite.item import CiteItem
from ..findings.concepts import ConceptIndex
from ..queries import get_query
from ..store import GraphStore


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the site shows, read from one store.

    `findings` are the rows of `litgraph evidence` (all of them); `equivocal` the rows of
    `litgraph equivocal`; `works` every work as a CiteItem by IRI; `citations` (citing, cited)
    pairs; `entries` the printed list entries of each work; `seeds` the seed papers' IRIs.
    """

    counts: dict[str, int]
    build: dict[str, Any]
    seeds: tuple[str, ...]
    works: dict[str, CiteItem]
    citations: tuple[tuple[str, str], ...]
    entries: dict[str, list[dict[str, Any]]]
    findings: tuple[dict[str, Any], ...]
    equivocal: tuple[dict[str, Any], ...]
    concepts: ConceptIndex

    def cites(self, work: str) -> list[str]:
        return [b for a, b in self.citations if a == work]

    def cited_by(self, work: str) -> list[str]:
        return [a for a, b in self.citations if b == work]


def gather(store: GraphStore, build_dir: str | Path | None = None) -> ReportData:
    """Read the report's data from `store`; `build_dir` (a local build) gives the build file's time."""
    from ..cite.records import read_items
    from ..findings.evidence import equivocal_rows, evidence_rows, read_concepts

    counts = dict(store.select(get_query("_report-counts").text).rows[0])
    return ReportData(
        counts=counts, build=build_info(store, build_dir), seeds=seed_papers(store),
        works=read_items(store),
        citations=tuple(sorted((r["citing"], r["cited"])  # unordered: sorted here, faster than ORDER BY
                               for r in store.select(get_query("_report-citations").text).rows)),
        entries=list_entries(store), findings=tuple(evidence_rows(store)),
        equivocal=tuple(equivocal_rows(store)), concepts=read_concepts(store))


def seed_papers(store: GraphStore) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r["work"] for r in store.select(get_query("_seed-papers").text).rows))


def build_info(store: GraphStore, build_dir: str | Path | None) -> dict[str, Any]:
    """The corpus digest and file count (from the graph) and the time build/litgraph.nt was written (its mtime).

    The graph itself holds no time: one corpus always builds to the same bytes.
    """
    rows = store.select(get_query("_report-build").text).rows
    info: dict[str, Any] = {"digest": rows[0]["digest"] if rows else None,
                            "files": rows[0]["files"] if rows else 0, "built": None, "built_from": None}
    nt = Path(build_dir) / "litgraph.nt" if build_dir else None
    if nt is not None and nt.is_file():
        stamp = datetime.fromtimestamp(os.stat(nt).st_mtime, tz=timezone.utc)
        info["built"] = stamp.strftime("%Y-%m-%d %H:%M UTC")
        info["built_from"] = str(nt)
    return info


def list_entries(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """Work IRI -> the list entries that denote it: paper IRI, list ("references" | "cited_by"), position, text."""
    entries: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows = store.select(get_query("_report-entries").text).rows  # unordered: sorted here, faster than ORDER BY
    for row in sorted(rows, key=lambda r: (r["work"], r["paper"], r["list"], r["position"])):
        entries[row["work"]].append({k: row[k] for k in ("paper", "list", "position", "text")})
    return dict(entries)


def file_stem(key: str) -> str:
    """A citation key as a file name: letters, digits, `_`, `.` and `-` only (`a:b` -> `a-b`)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", key).strip(".-") or "work"


def work_files(works: dict[str, CiteItem]) -> dict[str, str]:
    """Work IRI -> its page's file name under work/, from its stable citation key (clashes get -2, -3 ...)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for iri in sorted(works, key=lambda w: (works[w].key, w)):
        stem = file_stem(works[iri].key)
        name, n = stem, 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.lower())
        names[iri] = f"{name}.html"
    return names
