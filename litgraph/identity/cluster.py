"""Group mentions into works: curator `same` first, then shared DOIs, then scores.

Links are applied strongest first into a union-find that refuses any union
which would put into one cluster

- two members a curator says are `different` (refused for DOI and score links),
- two different DOIs (score links only: only a curator joins two DOIs),
- two entries of one printed list (score links only: a list rarely cites a
  work twice, and two entries of one list that look alike are usually two
  works of one team, like JCPMH 2012a and 2012b).

Because score links are applied from the highest score down, the link refused
is the weakest one that would complete a chain between a `different` pair:
the pair ends up apart even when a chain of look-alikes would have joined
them, and the stronger links of the chain stand. Every refusal is kept as a
decision with its reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..model import MergeDecision
from .compare import NEAR_MISS, Comparison, compare
from .curator import Assertion, CuratorAssertions
from .mentions import Mention, blocking_keys

Pairs = set[tuple[str, str]]


class Clusters:
    """A union-find over member keys that refuses unions breaking a constraint."""

    def __init__(self, mentions: Sequence[Mention], different: Iterable[tuple[str, str]]) -> None:
        self._parent = {m.key: m.key for m in mentions}
        self._members = {m.key: {m.key} for m in mentions}
        self._dois = {m.key: {m.doi} if m.doi else set() for m in mentions}
        self._lists = {m.key: {list_of(m)} if list_of(m) else set() for m in mentions}
        self._apart: dict[str, set[str]] = defaultdict(set)
        for a, b in different:
            self._apart[a].add(b)
            self._apart[b].add(a)

    def find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def same(self, a: str, b: str) -> bool:
        return self.find(a) == self.find(b)

    def conflict(self, a: str, b: str, method: str) -> str | None:
        """Why `a` and `b` may not be joined by `method` ("doi" or "score"); None if they may."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        small, other = sorted((ra, rb), key=lambda r: len(self._members[r]))
        for x in sorted(self._members[small]):
            for y in sorted(self._apart.get(x, ())):
                if self.find(y) == other:
                    first, second = sorted((x, y))
                    return f"the curator says {first} and {second} are different works"
        if method == "score":
            if self._dois[ra] and self._dois[rb] and not self._dois[ra] & self._dois[rb]:
                return f"DOIs differ: {min(self._dois[ra])} vs {min(self._dois[rb])}"
            shared = self._lists[ra] & self._lists[rb]
            if shared:
                return f"one list prints both: {min(shared)}"
        return None

    def union(self, a: str, b: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb:
            return
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)
        self._dois[ra] |= self._dois.pop(rb)
        self._lists[ra] |= self._lists.pop(rb)

    def groups(self) -> list[list[str]]:
        """The clusters, each a sorted list of member keys, ordered by their first key."""
        return sorted(sorted(members) for members in self._members.values())


def list_of(mention: Mention) -> str | None:
    """The printed list an entry belongs to; a paper itself belongs to none."""
    member = mention.member
    return None if member.list == "paper" else f"{member.paper_doi}#{member.list}"


@dataclass(frozen=True, slots=True)
class Clustering:
    groups: tuple[tuple[str, ...], ...]
    decisions: tuple[MergeDecision, ...]


def cluster_mentions(mentions: Sequence[Mention], curator: CuratorAssertions) -> Clustering:
    """Cluster mentions (curator keys already checked) and record every decision."""
    clusters = Clusters(mentions, (a.pair for a in curator.different))
    decisions = apply_curator(clusters, curator)
    decided = {pair_of(d.left, d.right) for d in decisions}
    decisions += apply_dois(clusters, mentions, decided)
    decided |= {pair_of(d.left, d.right) for d in decisions}
    decisions += apply_scores(clusters, mentions, decided)
    return Clustering(tuple(tuple(g) for g in clusters.groups()),
                      tuple(sorted(decisions, key=lambda d: (d.left, d.right))))


def apply_curator(clusters: Clusters, curator: CuratorAssertions) -> list[MergeDecision]:
    decisions = []
    for assertion in curator.same:
        clusters.union(assertion.a, assertion.b)
        decisions.append(curator_decision(assertion, True))
    for assertion in curator.different:
        if clusters.same(assertion.a, assertion.b):
            raise curator.error(assertion, f"{assertion.a} and {assertion.b} are said to be different "
                                           "works, but 'same' assertions join them")
        decisions.append(curator_decision(assertion, False))
    return decisions


def curator_decision(assertion: Assertion, same: bool) -> MergeDecision:
    reasons = (f"curator: {assertion.why}",)
    return decision(assertion.a, assertion.b, same, 1.0 if same else 0.0, reasons, "curator")


def apply_dois(clusters: Clusters, mentions: Sequence[Mention], decided: Pairs) -> list[MergeDecision]:
    """Join members that print one DOI, each to the first earlier one it may join (seed paper first)."""
    by_doi: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.doi:
            by_doi[mention.doi].append(mention)
    decisions = []
    for doi in sorted(by_doi):
        group = sorted(by_doi[doi], key=lambda m: (not m.is_seed, m.key))
        for i, mention in enumerate(group[1:], 1):
            for earlier in group[:i]:
                if pair_of(earlier.key, mention.key) in decided:
                    continue
                if clusters.conflict(earlier.key, mention.key, "doi") is None:
                    clusters.union(earlier.key, mention.key)
                    decisions.append(decision(earlier.key, mention.key, True, 1.0, (f"doi {doi}",), "doi"))
                    break
    return decisions


def apply_scores(clusters: Clusters, mentions: Sequence[Mention], decided: Pairs) -> list[MergeDecision]:
    """Join scored pairs from the best down; then record merges and near-misses as they ended."""
    scored = [(compare(a, b), a, b) for a, b in candidate_pairs(mentions)
              if pair_of(a.key, b.key) not in decided and not (a.doi and a.doi == b.doi)]
    scored.sort(key=lambda t: (-t[0].score, t[1].key, t[2].key))
    refused: dict[tuple[str, str], str] = {}
    for comparison, a, b in scored:
        if comparison.merges:
            why_not = clusters.conflict(a.key, b.key, "score")
            if why_not is None:
                clusters.union(a.key, b.key)
            else:
                refused[pair_of(a.key, b.key)] = why_not
    return [score_decision(clusters, comparison, a, b, refused.get(pair_of(a.key, b.key)))
            for comparison, a, b in scored if comparison.merges or comparison.score >= NEAR_MISS]


def score_decision(clusters: Clusters, comparison: Comparison, a: Mention, b: Mention,
                   refused: str | None) -> MergeDecision:
    same = clusters.same(a.key, b.key)
    reasons = comparison.reasons
    if refused:
        reasons += (f"kept apart: {refused}",)
    elif same and not comparison.merges:
        reasons += ("below the threshold on its own; joined through other members",)
    return decision(a.key, b.key, same, comparison.score, reasons, "score")


def candidate_pairs(mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs that share a blocking key, each once, in a fixed order."""
    blocks: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.key):
        for key in blocking_keys(mention):
            blocks[key].append(mention)
    pairs: dict[tuple[str, str], tuple[Mention, Mention]] = {}
    for key in sorted(blocks):
        for a, b in combinations(blocks[key], 2):
            pairs.setdefault((a.key, b.key), (a, b))
    return [pairs[p] for p in sorted(pairs)]


def pair_of(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def decision(a: str, b: str, same: bool, score: float, reasons: tuple[str, ...],
             method: str) -> MergeDecision:
    left, right = pair_of(a, b)
    return MergeDecision(left, right, same, score, reasons, method)  # type: ignore[arg-type]
