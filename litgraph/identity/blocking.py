"""Candidate pairs: which mentions are compared at all, near-linear in their number.

Mentions are compared only within blocks that share a key (`blocking_keys`): the
first author's name and the opening title words. A block stays small on a corpus
like the seed's and is compared whole, every pair once. In a field of 50,000 entries
a common surname ("smith") or a popular work's opening words gather thousands of
printings, and comparing every pair of such a block grows quadratically. So a block
over `MAX_BLOCK` is split: an author block by year (each mention also joins the next
year's block, so a year off by one still meets its twin), and what is still too big
is compared by sorted neighbourhood: sorted by title, each mention with its
`WINDOW` next ones. Union-find joins a chain of neighbours into one work, so a
popular work needs no more than that.

    >>> from litgraph.identity.blocking import window_pairs
    >>> window_pairs(["a", "b", "c", "d"], 2)
    [('a', 'b'), ('a', 'c'), ('b', 'c'), ('b', 'd'), ('c', 'd')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import TypeVar

from .mentions import Mention, blocking_keys

T = TypeVar("T")
# A block up to this size is compared whole (1,225 pairs at most).
MAX_BLOCK = 50
# In a bigger block, each mention (sorted by title) is compared with this many next ones.
WINDOW = 12


def candidate_pairs(mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs that share a (possibly split) block, each once, in a fixed order."""
    pairs: dict[tuple[str, str], tuple[Mention, Mention]] = {}
    for block in blocks_of(mentions):
        for a, b in block_pairs(block):
            if a.key > b.key:
                a, b = b, a
            pairs.setdefault((a.key, b.key), (a, b))
    return [pairs[p] for p in sorted(pairs)]


def blocks_of(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The blocks, each sorted by key; an author block too big to compare whole is split by year."""
    blocks: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.key):
        for key in blocking_keys(mention):
            blocks[key].append(mention)
    out = []
    for key in sorted(blocks):
        block = blocks[key]
        if len(block) > MAX_BLOCK and key.startswith("author:"):
            out += by_year(block)
        else:
            out.append(block)
    return out


def by_year(block: list[Mention]) -> list[list[Mention]]:
    """An author's mentions by year, each also in the next year's block; no year: a block of its own."""
    years: dict[int | None, list[Mention]] = defaultdict(list)
    for mention in block:
        years[mention.year].append(mention)
        if mention.year is not None:
            years[mention.year + 1].append(mention)
    return [years[y] for y in sorted(years, key=lambda y: (y is None, y or 0)) if len(years[y]) > 1]


def block_pairs(block: list[Mention]) -> list[tuple[Mention, Mention]]:
    if len(block) <= MAX_BLOCK:
        return list(combinations(block, 2))
    ordered = sorted(block, key=lambda m: (m.title, m.first_author, m.year or 0, m.key))
    return window_pairs(ordered, WINDOW)


def window_pairs(ordered: Sequence[T], window: int) -> list[tuple[T, T]]:
    """Each item with its `window` next ones (sorted neighbourhood)."""
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:i + 1 + window]]
