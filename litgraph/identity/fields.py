"""Choose a work's fields from the mentions in its cluster.

A seed paper's own record wins every field it has. Otherwise each field is
the value most members print, ties going to members with a DOI and then to
the smallest member key, so the choice never depends on input order. Two
fields follow their own rules:

- title: the longest printed title that is not a truncation of another
  (a title ending in "..." or the word-prefix of a longer one) nor printed twice over;
- year: the most common; ties go to a year printed with a DOI, then to the earliest;
- authors: the list of the member that names the most authors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model import Author, WorkType
from .mentions import Mention
from .normalise import title_key, undoubled

T = TypeVar("T")
TYPE_ORDER: tuple[WorkType, ...] = ("journal-article", "report", "book", "chapter", "other")


@dataclass(frozen=True, slots=True)
class WorkFields:
    """A Work without its id and members."""

    doi: str | None
    title: str | None
    year: int | None
    authors: tuple[Author, ...]
    type: WorkType
    container: str | None
    volume: str | None
    issue: str | None
    first_page: str | None
    last_page: str | None
    article_number: str | None
    publisher: str | None
    place: str | None


def choose_fields(mentions: Sequence[Mention]) -> WorkFields:
    ranked = sorted(mentions, key=rank)
    seed = next((m for m in ranked if m.is_seed), None)

    def pick(get: Callable[[Mention], T | None]) -> T | None:
        if seed is not None and get(seed) not in (None, ""):
            return get(seed)
        return most_common(ranked, get)

    return WorkFields(
        doi=pick(lambda m: m.fields.doi and m.fields.doi.strip()),
        title=seed.fields.title if seed is not None else choose_title(ranked),
        year=seed.fields.year if seed is not None else choose_year(ranked),
        authors=choose_authors(ranked),
        type=seed.fields.type if seed is not None else choose_type(ranked),
        container=pick(lambda m: m.fields.container),
        volume=pick(lambda m: m.fields.volume),
        issue=pick(lambda m: m.fields.issue),
        first_page=pick(lambda m: m.fields.first_page),
        last_page=pick(lambda m: m.fields.last_page),
        article_number=pick(lambda m: m.fields.article_number),
        publisher=pick(lambda m: m.fields.publisher),
        place=pick(lambda m: m.fields.place),
    )


def rank(mention: Mention) -> tuple[bool, bool, str]:
    """Seed paper first, then members that print a DOI, then by key."""
    return (not mention.is_seed, mention.doi is None, mention.key)


def most_common(ranked: Sequence[Mention], get: Callable[[Mention], T | None]) -> T | None:
    values = [v for v in (get(m) for m in ranked) if v not in (None, "")]
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def choose_title(ranked: Sequence[Mention]) -> str | None:
    titles = [m.fields.title.strip() for m in ranked if m.fields.title and m.fields.title.strip()]
    marked = [t for t in titles if not t.endswith(("...", "\u2026"))
              and undoubled(title_key(t)) == title_key(t)] or titles
    keys = {t: title_key(t) for t in marked}
    whole = [t for t in marked if not any(k.startswith(keys[t] + " ") for k in keys.values())] or marked
    return max(whole, key=lambda t: (len(keys[t]), len(t)), default=None)


def choose_year(ranked: Sequence[Mention]) -> int | None:
    years = Counter(m.year for m in ranked if m.year is not None)
    if not years:
        return None
    best = max(years.values())
    tied = sorted(y for y, n in years.items() if n == best)
    with_doi = sorted(m.year for m in ranked if m.doi and m.year in tied)
    return with_doi[0] if with_doi else tied[0]


def choose_authors(ranked: Sequence[Mention]) -> tuple[Author, ...]:
    # max() keeps the first of equals, and `ranked` puts the seed paper first.
    return max((m.fields.authors for m in ranked), key=len, default=())


def choose_type(ranked: Sequence[Mention]) -> WorkType:
    known = [m.fields.type for m in ranked if m.fields.type != "other"]
    if not known:
        return "other"
    counts = Counter(known)
    return min(counts, key=lambda t: (-counts[t], TYPE_ORDER.index(t)))
