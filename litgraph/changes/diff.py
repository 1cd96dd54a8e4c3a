"""What differs between two build manifests: pure functions from two dicts to a list of changes.

Works are compared through their members (entry keys), not their ids alone:

- **work added**: a work none of whose members was in any earlier work;
- **works merged**: a work whose members were in two or more earlier works;
- **work split**: an earlier work whose members are now in two or more works;
- **work removed**: an earlier work none of whose members is in any work now;
- **metadata changed**: a work in both builds whose chosen field differs, field by field.

Then DOIs matched, withdrawn or rejected; citation counts changed (of works in
both builds: an added work's count is part of the work); findings added,
changed or removed. A work that only gains entries (a new paper cites it) is
not a change of its own: the new paper is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .manifest import WORK_FIELDS

# kind -> (one, many): how the one-line summary counts it
KINDS = {
    "work added": ("work added", "works added"),
    "works merged": ("merge of works", "merges of works"),
    "work split": ("work split", "works split"),
    "work removed": ("work removed", "works removed"),
    "metadata changed": ("metadata field changed", "metadata fields changed"),
    "DOI matched": ("DOI matched", "DOIs matched"),
    "DOI match withdrawn": ("DOI match withdrawn", "DOI matches withdrawn"),
    "DOI rejected": ("DOI rejected", "DOIs rejected"),
    "citation count changed": ("citation count changed", "citation counts changed"),
    "finding added": ("finding added", "findings added"),
    "finding changed": ("finding changed", "findings changed"),
    "finding removed": ("finding removed", "findings removed"),
}
EMPTY: dict[str, Any] = {"works": {}, "decisions": [], "doi_matches": {}, "doi_rejected": {},
                         "citation_counts": {}, "findings": {}}


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two builds."""

    kind: str                      # a key of KINDS
    subject: str                   # a work id, entry key or finding id
    title: str = ""                # the work's title, for people
    field: str = ""                # for metadata changes
    before: str = ""
    after: str = ""
    entries: tuple[str, ...] = ()  # the members concerned
    reasons: tuple[str, ...] = ()  # identity decisions behind a merge or split
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"change": self.kind, "subject": self.subject, "title": self.title, "field": self.field,
                "before": self.before, "after": self.after, "entries": list(self.entries),
                "reasons": list(self.reasons), "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Comparison:
    """The changes from build `before` (None: no earlier build) to build `after`."""

    before: str | None
    after: str
    changes: tuple[Change, ...] = field(default=())


def compare(old: dict[str, Any] | None, new: dict[str, Any]) -> Comparison:
    """Every change from manifest `old` to manifest `new`, in a fixed order."""
    base = old or EMPTY
    changes = [*work_changes(base, new), *doi_changes(base, new), *count_changes(base, new),
               *finding_changes(base, new)]
    return Comparison(old["build"] if old else None, new["build"], tuple(changes))


def summary_line(comparison: Comparison) -> str:
    """`changes since the last build: 2 works added, 1 DOI matched`, or `no changes`."""
    if comparison.before is None:
        return "first build: no earlier build to compare with"
    counts = Counter(c.kind for c in comparison.changes)
    if not counts:
        return "no changes since the last build"
    parts = [f"{n} {KINDS[kind][n != 1]}" for kind, n in ((k, counts[k]) for k in KINDS) if n]
    return "changes since the last build: " + ", ".join(parts)


def members_of(manifest: dict[str, Any]) -> dict[str, str]:
    return {m: wid for wid, w in manifest["works"].items() for m in w["members"]}


def work_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    old_of, new_of = members_of(old), members_of(new)
    decided = decisions_by_left(new)
    for wid, work in new["works"].items():
        earlier = sorted({old_of[m] for m in work["members"] if m in old_of})
        if not earlier:
            yield Change("work added", wid, work["title"] or "", entries=tuple(work["members"]),
                         reasons=reasons(decided, set(work["members"]), set(work["members"]), True))
        elif len(earlier) > 1:
            yield merged(old, new, decided, wid, earlier)
    for wid, work in old["works"].items():
        later = sorted({new_of[m] for m in work["members"] if m in new_of})
        if not later:
            yield Change("work removed", wid, work["title"] or "", entries=tuple(work["members"]))
        elif len(later) > 1:
            yield split(old, decided, wid, later)
    for wid in sorted(set(old["works"]) & set(new["works"])):
        yield from field_changes(wid, old["works"][wid], new["works"][wid])


def merged(old: dict[str, Any], new: dict[str, Any], decided: dict, wid: str, earlier: list[str]) -> Change:
    groups = [set(old["works"][e]["members"]) for e in earlier]
    members = set().union(*groups)
    joined = reasons(decided, members, members, True, lambda a, b: not any(a in g and b in g for g in groups))
    return Change("works merged", wid, new["works"][wid]["title"] or "", entries=tuple(sorted(members)),
                  reasons=joined, detail="merged from " + ", ".join(earlier))


def split(old: dict[str, Any], decided: dict, wid: str, later: list[str]) -> Change:
    members = set(old["works"][wid]["members"])
    apart = reasons(decided, members, members, False)
    return Change("work split", wid, old["works"][wid]["title"] or "", entries=tuple(sorted(members)),
                  reasons=apart, detail="split into " + ", ".join(later))


def decisions_by_left(manifest: dict[str, Any]) -> dict[str, list[tuple[int, dict]]]:
    """The manifest's identity decisions by their left member, each with its place in the manifest.

    `reasons` then reads only the decisions of the members it is given: scanning every
    decision for every added work made a first build's summary quadratic (6.4 s at 10k entries).
    """
    out: dict[str, list[tuple[int, dict]]] = {}
    for place, d in enumerate(manifest["decisions"]):
        out.setdefault(d["left"], []).append((place, d))
    return out


def reasons(decided: dict[str, list[tuple[int, dict]]], left: set[str], right: set[str], same: bool,
            keep=lambda a, b: True) -> tuple[str, ...]:
    """The identity decisions (of `same`) between the members given, one line each, in the manifest's order."""
    mine = sorted((pd for member in left for pd in decided.get(member, ())), key=lambda pd: pd[0])
    return tuple(f"{d['left']} ~ {d['right']}: {d['method']} {d['score']}: " + "; ".join(d["reasons"])
                 for _, d in mine if d["same"] == same and d["right"] in right and keep(d["left"], d["right"]))


def field_changes(wid: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for name in WORK_FIELDS:
        if old.get(name) != new.get(name):
            source = new.get("sources", {}).get(name, "")
            yield Change("metadata changed", wid, new["title"] or "", field=name, before=shown(old.get(name)),
                         after=shown(new.get(name)), entries=(source,) if source else (),
                         detail=f"now from {source}" if source else "")


def shown(value: Any) -> str:
    if value is None:
        return ""
    return "; ".join(value) if isinstance(value, list) else str(value)


def doi_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    before, after = old["doi_matches"], new["doi_matches"]
    for key in sorted(set(before) | set(after)):
        if key not in before or (key in after and before[key] != after[key]):
            yield Change("DOI matched", key, before=before.get(key, ""), after=after[key], entries=(key,))
        elif key not in after:
            yield Change("DOI match withdrawn", key, before=before[key], entries=(key,))
    for key in sorted(set(new["doi_rejected"]) - set(old["doi_rejected"])):
        yield Change("DOI rejected", key, before=new["doi_rejected"][key], entries=(key,))


def count_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    before, after = old["citation_counts"], new["citation_counts"]
    for wid in sorted(set(after) & set(old["works"])):
        if before.get(wid) != after[wid]:
            yield Change("citation count changed", wid, new["works"].get(wid, {}).get("title") or "",
                         before=shown(before.get(wid)), after=str(after[wid]))


def finding_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    before, after = old["findings"], new["findings"]
    for fid in sorted(set(before) | set(after)):
        if fid not in before:
            yield Change("finding added", fid)
        elif fid not in after:
            yield Change("finding removed", fid)
        elif before[fid] != after[fid]:
            yield Change("finding changed", fid)
