"""Stable work ids, and the id lock (corpus/work-ids.tsv) that keeps them stable.

A new work gets `doi/<lower-case DOI>`, or `key/<12 hex of sha1 of its content
key>` when it has no DOI (content key: first author, year and the first eight
title words, normalised). An id, once given, must survive a corpus that grows:
a later list may print a DOI for a work that had none, or join two works. So
every member's id is written to the lock, and a cluster whose members are
locked keeps their id; only clusters with no locked member get a new one.

    >>> dump_id_lock({"10.1/x#references/2": "key/0123456789ab"}).splitlines()[-1]
    '10.1/x#references/2\\tkey/0123456789ab'
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..doi import bare_doi
from ..errors import CorpusError
from ..lines import read_lines
from .fields import WorkFields
from .normalise import body_key, family_key, words

LOCK_HEADER = (
    "# Work ids, one line per member: <member key><TAB><work id>.\n"
    "# Written by `litgraph build`; an id listed here is never changed. Do not edit by hand:\n"
    "# say `same` or `different` in identity.yaml instead.\n"
)
WORK_ID = re.compile(r"^(doi/\S+|key/[0-9a-f]{12}(-[0-9]+)?)$")


@dataclass(frozen=True, slots=True)
class Assignment:
    ids: tuple[str, ...]        # one per cluster, in the order given
    warnings: tuple[str, ...]


def content_key(fields: WorkFields) -> str:
    """First author, year and the first eight title words, normalised: "sells|2006|the treatment ..."."""
    first = fields.authors[0] if fields.authors else None
    author = "" if first is None else body_key(first.literal) if first.literal else family_key(first.family)
    year = "" if fields.year is None else str(fields.year)
    return f"{author}|{year}|{' '.join(words(fields.title)[:8])}"


def minted_id(fields: WorkFields) -> str:
    """`doi/<DOI>` from a well-formed DOI only: an id is locked for ever, so `doi/hello` never is."""
    doi = bare_doi(fields.doi)
    if doi:
        return "doi/" + doi.lower()
    return key_id(content_key(fields))


def key_id(content: str) -> str:
    return "key/" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]


def assign_ids(clusters: Sequence[Sequence[str]], fields: Sequence[WorkFields],
               lock: Mapping[str, str]) -> Assignment:
    """One id per cluster: locked ids first (smallest wins a merge), then new ones.

    A locked id goes to the cluster holding most of the members locked to it
    (ties: the cluster with the smallest member key), unless that cluster
    already kept a smaller id. Ids in the lock are never given to a new work.
    """
    ids: list[str | None] = [None] * len(clusters)
    warnings: list[str] = []
    holders = locked_holders(clusters, lock)
    for locked in sorted(holders):
        free = [i for i in holders[locked] if ids[i] is None]
        if free:
            ids[min(free, key=lambda i: (-holders[locked][i], clusters[i][0]))] = locked
    taken = set(lock.values()) | {i for i in ids if i}
    for i, cluster in enumerate(clusters):
        if ids[i] is None:
            ids[i] = fresh_id(fields[i], taken)
            taken.add(ids[i])
    warnings += lock_warnings(clusters, ids, lock)
    return Assignment(tuple(ids), tuple(warnings))  # type: ignore[arg-type]


def locked_holders(clusters: Sequence[Sequence[str]], lock: Mapping[str, str]) -> dict[str, Counter[int]]:
    """For each locked id, how many members of each cluster are locked to it."""
    holders: dict[str, Counter[int]] = {}
    for i, cluster in enumerate(clusters):
        for key in cluster:
            if key in lock:
                holders.setdefault(lock[key], Counter())[i] += 1
    return holders


def fresh_id(fields: WorkFields, taken: set[str]) -> str:
    """A new id: from the DOI unless another work holds it, else from the content key."""
    candidate = minted_id(fields)
    if candidate.startswith("doi/") and candidate in taken:
        candidate = key_id(content_key(fields))
    base, n = candidate, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def lock_warnings(clusters: Sequence[Sequence[str]], ids: Sequence[str | None],
                  lock: Mapping[str, str]) -> list[str]:
    warnings = []
    for cluster, work_id in zip(clusters, ids):
        moved = sorted({lock[k] for k in cluster if k in lock} - {work_id})
        for old in moved:
            if old in ids:
                moved_keys = ", ".join(k for k in cluster if lock.get(k) == old)
                warnings.append(f"work {old} was split: {moved_keys} now belong to work {work_id}")
            else:
                warnings.append(f"work {old} merged into work {work_id}; id {old} is retired")
    return warnings


def updated_lock(clusters: Sequence[Sequence[str]], ids: Sequence[str],
                 lock: Mapping[str, str]) -> dict[str, str]:
    """The old lock (members no longer in the corpus keep their line) with every member's id."""
    result = dict(lock)
    for cluster, work_id in zip(clusters, ids):
        result.update({key: work_id for key in cluster})
    return dict(sorted(result.items()))


def load_id_lock(path: str | Path) -> dict[str, str]:
    """Read corpus/work-ids.tsv; a missing file is an empty lock.

    Raises:
        CorpusError: a line is not `<member key><TAB><work id>`, or a key appears twice.
    """
    path = Path(path)
    if not path.exists():
        return {}
    lines = read_lines(path)
    lock: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, tab, work_id = line.partition("\t")
        if not tab or not key.strip() or "#" not in key or not WORK_ID.match(work_id.strip()):
            raise CorpusError(str(path), "expected '<member key><TAB><work id (doi/... or key/...)>'", number)
        if key in lock:
            raise CorpusError(str(path), f"member {key} is listed twice", number)
        lock[key] = work_id.strip()
    return lock


def dump_id_lock(mapping: Mapping[str, str]) -> str:
    """The text of corpus/work-ids.tsv: a comment header, then one sorted line per member."""
    return LOCK_HEADER + "".join(f"{key}\t{mapping[key]}\n" for key in sorted(mapping))
