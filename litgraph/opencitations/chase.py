"""Chase citations: the references of and the citations to the project's works, as ranked candidates.

Backward (`references`): what a project work cites. Forward (`citations`):
what cites it. A candidate is a DOI not yet in the graph; it is ranked by how
many of the project's works it links to (most-linked first, then by DOI), so
a curator reads the list top down and decides what to add. With depth 2 the
candidates found are chased in turn (their links to project works still count).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .ids import doi_in

DIRECTIONS = {"references": ("cited", "backward"), "citations": ("citing", "forward")}


@dataclass(frozen=True, slots=True)
class Link:
    """One answer row: `work` (a project work or a chased candidate) and `other`, in `direction`."""

    work: str
    other: str
    direction: str      # "backward": work cites other; "forward": other cites work
    oci: str
    url: str
    retrieved_at: str


@dataclass(frozen=True, slots=True)
class Candidate:
    doi: str
    links: int                 # distinct project works it cites or is cited by
    backward: int              # project works that cite it
    forward: int               # project works it cites
    linked: tuple[str, ...]    # those works' DOIs

    def as_dict(self) -> dict[str, object]:
        return {"doi": self.doi, "links": self.links, "cited_by_project": self.backward,
                "cites_project": self.forward, "linked": "; ".join(self.linked)}


@dataclass(frozen=True, slots=True)
class ChaseResult:
    start: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    links: tuple[Link, ...]


def chase(ask: Callable, start: Iterable[str], known: set[str], operations: tuple[str, ...],
          depth: int = 1, on_item: Callable[[str], None] = lambda _: None) -> ChaseResult:
    """`ask(operation, doi)` answers like OpenCitationsClient.ask; `known` holds the graph's DOIs (lower case)."""
    start = tuple(dict.fromkeys(d.lower() for d in start))
    links: list[Link] = []
    frontier, seen = list(start), set(start)
    for _ in range(depth):
        found = [link for doi in frontier for op in operations for link in links_of(ask, op, doi, on_item)]
        links += found
        frontier = sorted({link.other for link in found if link.other not in known and link.other not in seen})
        seen.update(frontier)
    return ChaseResult(start, rank(links, known), tuple(links))


def links_of(ask: Callable, operation: str, doi: str, on_item: Callable[[str], None]) -> list[Link]:
    answer = ask(operation, doi)
    on_item(doi)
    field, direction = DIRECTIONS[operation]
    rows = (answer.message or {}).get("items", [])
    return [Link(doi, other, direction, str(row.get("oci", "")), answer.url, answer.retrieved_at)
            for row in rows if (other := doi_in(str(row.get(field, "")))) and other != doi]


def rank(links: list[Link], known: set[str]) -> tuple[Candidate, ...]:
    """Candidates (DOIs not in the graph), most-linked to project works first."""
    by_candidate: dict[str, dict[str, set[str]]] = {}
    for link in links:
        if link.other in known or link.work not in known:
            continue
        sides = by_candidate.setdefault(link.other, {"backward": set(), "forward": set()})
        sides[link.direction].add(link.work)
    candidates = [Candidate(doi, len(s["backward"] | s["forward"]), len(s["backward"]), len(s["forward"]),
                            tuple(sorted(s["backward"] | s["forward"]))) for doi, s in by_candidate.items()]
    return tuple(sorted(candidates, key=lambda c: (-c.links, c.doi)))
