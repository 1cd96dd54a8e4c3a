"""Work identity: every cited work once, however differently each list prints it.

    papers + entries  ->  mentions  ->  clusters  ->  works with stable ids

1. Each seed paper and each printed entry is a member; its fields become a
   `Mention` with comparison keys (`normalise`, `mentions`).
2. Members are joined by curator `same` assertions, then by shared DOIs, then
   by a scored comparison within blocks of likely pairs (`compare`, `cluster`);
   curator `different` assertions are never overruled.
3. Each cluster becomes a `Work` with the best fields its members offer
   (`fields`) and an id kept stable by the id lock (`ids`).

Example:
    >>> from litgraph.identity import resolve_works, load_curator
    >>> result = resolve_works([], [], load_curator(None), {})
    >>> result.works, result.decisions
    ((), ())
"""

from __future__ import annotations

from .compare import MERGE_THRESHOLD, NEAR_MISS
from .curator import Assertion, CuratorAssertions, load_curator
from .ids import dump_id_lock, load_id_lock
from .resolve import IdentityResult, resolve_works

__all__ = [
    "MERGE_THRESHOLD",
    "NEAR_MISS",
    "Assertion",
    "CuratorAssertions",
    "IdentityResult",
    "dump_id_lock",
    "load_curator",
    "load_id_lock",
    "resolve_works",
]
