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
them, and the stronger links of the chain stand.

What is recorded stays proportional to the members: one decision per join (the
member that joined a work, the member it was compared with, score and reasons),
and per pair of works left apart the best pair that scored at least NEAR_MISS or
was refused a merge (with the reason): the near-misses a curator would review.
Pairs that agree but were already one work are not recorded again. Mentions
printed alike are compared once (`profiles_of`), and blocks stay small
(`blocking`), so a field of 200,000 entries compares near-linearly many pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import MergeDecision
from .blocking import candidate_pairs
from .compare import NEAR_MISS, compare
from .curator import Assertion, CuratorAssertions
from .mentions import Mention

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
        # Per work, its members a curator keeps apart from another: only these are checked.
        self._constrained = {key: {key} for key in self._apart}

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
        small, other = sorted((ra, rb), key=lambda r: (len(self._constrained.get(r, ())), r))
        for x in sorted(self._constrained.get(small, ())):
            for y in sorted(self._apart[x]):
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
        """Join two works; the bigger one's sets absorb the smaller's, so joins stay cheap."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if (len(self._members[ra]), rb) < (len(self._members[rb]), ra):
            ra, rb = rb, ra
        self._parent[rb] = ra
        for sets in (self._members, self._dois, self._lists, self._constrained):
            absorb(sets, ra, rb)

    def groups(self) -> list[list[str]]:
        """The clusters, each a sorted list of member keys, ordered by their first key."""
        return sorted(sorted(members) for members in self._members.values())


def absorb(sets: dict[str, set[str]], keep: str, gone: str) -> None:
    """Move the set of root `gone` into the set of root `keep`."""
    moved = sets.pop(gone, None)
    if moved:
        sets.setdefault(keep, set()).update(moved)


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
    """Join scored pairs from the best down; record each join once, and the near-misses left apart.

    Mentions printed alike (one `signature`) are compared once, through their first
    member (`profiles`); a pair of profiles then stands for every pair of their members.
    """
    profiles = profiles_of(mentions)
    reps = {group[0].key: group for group in profiles}
    scored = [(compare(group[0], group[0]), group[0], group[0]) for group in profiles if len(group) > 1]
    scored += [(compare(a, b), a, b) for a, b in candidate_pairs([g[0] for g in profiles])
               if not (a.doi and a.doi == b.doi)]
    scored.sort(key=lambda t: (-t[0].score, t[1].key, t[2].key))
    decisions, missed = [], []
    for comparison, a, b in scored:
        if comparison.merges:
            joined, refused = join_profiles(clusters, reps[a.key], reps[b.key], decided)
            decisions += [decision(x, y, True, comparison.score, comparison.reasons, "score") for x, y in joined]
            missed += [(comparison, *r) for r in refused]
        elif comparison.score >= NEAR_MISS:
            missed.append((comparison, a.key, b.key, None))
    return decisions + near_misses(clusters, missed, decided)


def profiles_of(mentions: Sequence[Mention]) -> list[tuple[Mention, ...]]:
    """Mentions grouped by `signature`, each group sorted by key, the groups by their first key."""
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.signature].append(mention)
    return sorted((tuple(sorted(g, key=lambda m: m.key)) for g in groups.values()), key=lambda g: g[0].key)


def join_profiles(clusters: Clusters, left: tuple[Mention, ...], right: tuple[Mention, ...],
                  decided: Pairs) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """Join each work holding members of `right` to a work holding members of `left`, where allowed.

    `left is right` joins one profile's members among themselves. Returns the joins
    made (the member that joined, and the member it joined against) and, if none was
    made, and for each member that joined nothing the first pair refused and why.
    """
    alike = left is right
    firsts: list[Mention] = []
    joined: list[tuple[str, str]] = []
    refused: list[tuple[str, str, str]] = []
    for b in (right if alike else first_per_work(clusters, right)):
        if not alike:
            firsts = first_per_work(clusters, tuple(a for a in left if pair_of(a.key, b.key) not in decided))
        for a in firsts:
            if clusters.same(a.key, b.key):
                break
            why_not = clusters.conflict(a.key, b.key, "score")
            if why_not is None:
                clusters.union(a.key, b.key)
                joined.append((a.key, b.key))
                break
            if len(refused) == 0 or refused[-1][1] != b.key:
                refused.append((a.key, b.key, why_not))
        else:
            if alike:
                firsts.append(b)
    return joined, refused


def first_per_work(clusters: Clusters, group: tuple[Mention, ...]) -> list[Mention]:
    """The first member of `group` in each work its members are in (usually one)."""
    seen: dict[str, Mention] = {}
    for mention in group:
        seen.setdefault(clusters.find(mention.key), mention)
    return list(seen.values())


def near_misses(clusters: Clusters, missed: list, decided: Pairs) -> list[MergeDecision]:
    """The best pair between each two works left apart that scored at least NEAR_MISS (or was refused)."""
    best: dict[tuple[str, str], MergeDecision] = {}
    for comparison, a, b, refused in missed:
        if clusters.same(a, b) or pair_of(a, b) in decided:
            continue
        reasons = comparison.reasons + ((f"kept apart: {refused}",) if refused else ())
        works = pair_of(clusters.find(a), clusters.find(b))
        if works not in best:
            best[works] = decision(a, b, False, comparison.score, reasons, "score")
    return list(best.values())


def pair_of(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def decision(a: str, b: str, same: bool, score: float, reasons: tuple[str, ...],
             method: str) -> MergeDecision:
    left, right = pair_of(a, b)
    return MergeDecision(left, right, same, score, reasons, method)  # type: ignore[arg-type]
