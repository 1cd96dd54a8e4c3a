"""Choose a work's fields from the mentions in its cluster: the best record wins, field by field.

Each field is chosen on its own, and records which member it came from:

1. **Source first.** Members are ranked by where they come from: a curated
   paper record, then a paper added from Crossref, then an entry of an
   imported library, then a printed string. The most trusted source that has a
   value for the field decides it; a seed paper's own record therefore wins
   every field it has.
2. **Then a vote** among the members of that source: the value most of them
   agree on, compared normalised (titles by their folded words, journals with
   abbreviations folded into the full name, other fields case-blind). Ties go
   to the more trusted member (one printing a DOI), then to the more complete
   value, then to the smallest member key, so input order never matters.
   A longer value never wins by being longer: one misspelt printing loses to
   ten correct ones.

Fields with their own rules:

- title: a truncated printing ("..." or the first words of a longer title)
  votes for the title it truncates and is never chosen over it; a title
  printed twice over is not chosen;
- year: a tie goes to the year of the printing that agrees most with the
  chosen title, journal, volume and first page, never simply to the earliest;
- authors: the longer author list, then the one with more full given names
  ("Patrick W" over "PW"), then trust, then member key.

    >>> from litgraph.identity.mentions import mention_from_entry
    >>> from litgraph.model import ParsedReference, ReferenceEntry
    >>> def printed(n, title):
    ...     return mention_from_entry(ReferenceEntry("10.1/a", "references", n, title,
    ...                                              ParsedReference(raw=title, title=title)))
    >>> chosen = choose_fields([printed(1, "Peer support"), printed(2, "Peer support"),
    ...                         printed(3, "Peer supports in services")])
    >>> chosen.title, dict(chosen.sources)["title"]
    ('Peer support', '10.1/a#references/1')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Author, WorkType
from .containers import container_match
from .mentions import Mention
from .normalise import container_words, doi_key, title_key, undoubled

TYPE_ORDER: tuple[WorkType, ...] = ("journal-article", "report", "book", "chapter", "other")
CURATED, CROSSREF, LIBRARY, PRINTED = 3, 2, 1, 0
SOURCE_NAMES = {CURATED: "curated record", CROSSREF: "Crossref", LIBRARY: "imported library",
                PRINTED: "printed reference"}
SCALARS = ("volume", "issue", "first_page", "article_number", "publisher", "place")
# A popular work is printed alike hundreds of times: each printed title and journal is normalised once.
cached_title_key = lru_cache(maxsize=1 << 16)(title_key)
cached_container_words = lru_cache(maxsize=1 << 16)(container_words)


@dataclass(frozen=True, slots=True)
class WorkFields:
    """A Work without its id and members; `sources` says which member gave each field."""

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
    sources: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One member's value for one field, with what it is compared and ranked by."""

    member: str
    value: object
    norm: object
    trust: tuple[int, bool]   # (source rank, prints a DOI)
    completeness: int


def source_rank(mention: Mention, crossref_papers: frozenset[str] = frozenset()) -> int:
    """CURATED, CROSSREF, LIBRARY or PRINTED: where the member's fields come from."""
    if mention.member.list == "paper":
        return CROSSREF if mention.member.paper_doi.lower() in crossref_papers else CURATED
    return LIBRARY if mention.member.list == "library" else PRINTED


def choose_fields(mentions: Sequence[Mention], crossref_papers: frozenset[str] = frozenset()) -> WorkFields:
    """The work's fields from its members' mentions.

    Args:
        mentions: the members of one work.
        crossref_papers: lower-case DOIs of papers added from Crossref (ranked below curated records).
    """
    ranked = sorted(mentions, key=lambda m: m.key)
    trust = {m.key: (source_rank(m, crossref_papers), m.doi is not None) for m in ranked}
    chosen: dict[str, Candidate | None] = {
        "doi": best(candidates(ranked, trust, lambda m: (m.fields.doi or "").strip(), doi_key)),
        "title": choose_title(ranked, trust),
        "container": choose_container(ranked, trust),
        "authors": choose_authors(ranked, trust),
        "type": choose_type(ranked, trust),
    }
    for name in SCALARS:
        chosen[name] = best(candidates(ranked, trust, field_getter(name), casefolded))
    chosen["last_page"] = choose_last_page(ranked, trust, chosen["first_page"])
    chosen["year"] = choose_year(ranked, trust, chosen)
    return fields_from(chosen)


def choose_last_page(ranked: Sequence[Mention], trust: dict, first: Candidate | None) -> Candidate | None:
    """The last page printed with the chosen first page: a range is one value, never mixed from two printings.

    Chosen apart, 411-425 printed once and 11-11 twice gave "411-11" (Dickinson 2008).
    """
    pairing = [m for m in ranked if first is None or casefolded(m.fields.first_page or "") == first.norm]
    return best(candidates(pairing, trust, field_getter("last_page"), casefolded))


def fields_from(chosen: dict[str, Candidate | None]) -> WorkFields:
    values = {name: c.value if c is not None else None for name, c in chosen.items()}
    values["authors"] = values["authors"] or ()
    values["type"] = values["type"] or "other"
    sources = tuple(sorted((name, c.member) for name, c in chosen.items() if c is not None))
    return WorkFields(**values, sources=sources)


def field_getter(name: str) -> Callable[[Mention], object]:
    return lambda m: getattr(m.fields, name)


def casefolded(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def candidates(ranked: Sequence[Mention], trust: dict, get: Callable[[Mention], object],
               norm: Callable[[object], object] = casefolded) -> list[Candidate]:
    """Every member's non-empty value, with its normalised form, trust and length."""
    out = []
    for m in ranked:
        value = get(m)
        if value not in (None, "", ()):
            out.append(Candidate(m.key, value, norm(value), trust[m.key], len(str(value))))
    return out


def top_source(pool: Sequence[Candidate]) -> list[Candidate]:
    """The candidates of the most trusted source that offers any."""
    if not pool:
        return []
    tier = max(c.trust[0] for c in pool)
    return [c for c in pool if c.trust[0] == tier]


def best(pool: Sequence[Candidate], votes: Callable[[Candidate], int] | None = None,
         after_votes: Callable[[Candidate], tuple] = lambda c: ()) -> Candidate | None:
    """The most voted-for candidate of the top source; ties by trust, completeness, then member key.

    By default a candidate's votes are the candidates of its source with the same
    normalised value; the most common exact spelling of that value is then preferred.
    """
    pool = top_source(pool)
    norms = Counter(c.norm for c in pool)
    exact = Counter((c.norm, str(c.value)) for c in pool)
    count = votes or (lambda c: norms[c.norm])
    # max() keeps the first of equals, and `pool` is in member-key order.
    return max(pool, key=lambda c: (count(c), *after_votes(c), exact[(c.norm, str(c.value))],
                                    c.trust, c.completeness), default=None)


def choose_title(ranked: Sequence[Mention], trust: dict) -> Candidate | None:
    """The title most printings support; a truncation supports the title it is the start of."""
    pool = top_source(candidates(ranked, trust, lambda m: (m.fields.title or "").strip(), cached_title_key))
    whole = [c for c in pool if not is_truncated(str(c.value), c.norm)] or pool
    keys = {c.norm for c in whole}
    shortened = {n for n in keys if any(k.startswith(f"{n} ") for k in keys)}
    whole = [c for c in whole if c.norm not in shortened] or whole
    support = support_by_norm(pool, lambda other, norm: other == norm or bool(other and norm.startswith(f"{other} ")))
    return best(whole, lambda c: support[c.norm])


def support_by_norm(pool: Sequence[Candidate], agrees: Callable[[object, object], bool]) -> dict[object, int]:
    """For each distinct normalised value of `pool`, how many candidates agree with it.

    Only distinct values are compared, each pair once, weighted by how many
    candidates print them: a work printed 1,000 times in three spellings makes 9
    comparisons, not a million (the same counts as comparing every pair).
    """
    counts = Counter(c.norm for c in pool)
    return {norm: sum(n for other, n in counts.items() if agrees(other, norm)) for norm in counts}


def is_truncated(title: str, key: str) -> bool:
    return title.endswith(("...", "\u2026")) or undoubled(key) != key


def choose_container(ranked: Sequence[Mention], trust: dict) -> Candidate | None:
    """A journal's name: abbreviated and full printings vote together, and the fuller name wins their tie."""
    pool = top_source(candidates(ranked, trust, lambda m: m.fields.container, cached_container_words))
    support = support_by_norm(pool, container_match)
    return best(pool, lambda c: support[c.norm], lambda c: (c.completeness,))


def choose_authors(ranked: Sequence[Mention], trust: dict) -> Candidate | None:
    """The longer author list, then the one with more full given names, then trust, then member key."""
    pool = top_source(candidates(ranked, trust, lambda m: m.fields.authors, lambda v: len(v)))
    return max(pool, key=lambda c: (c.norm, full_names(c.value), c.trust), default=None)


def full_names(authors: Iterable[Author]) -> tuple[int, int]:
    """How many given names are written out ("Patrick W"), and their total length."""
    given = [a.given or "" for a in authors]
    return (sum(any(ch.islower() for ch in g) for g in given), sum(len(g) for g in given))


def choose_type(ranked: Sequence[Mention], trust: dict) -> Candidate | None:
    known = [c for c in candidates(ranked, trust, lambda m: m.fields.type, str) if c.value != "other"]
    return best(known, after_votes=lambda c: (-TYPE_ORDER.index(c.value),))


def choose_year(ranked: Sequence[Mention], trust: dict, chosen: dict[str, Candidate | None]) -> Candidate | None:
    """The most printed year; a tie goes to trust, then to the printing agreeing most with the other fields."""
    by_key = {m.key: m for m in ranked}
    pool = candidates(ranked, trust, lambda m: m.fields.year, lambda v: v)
    return best(pool, after_votes=lambda c: (c.trust, agreement(by_key[c.member], chosen)))


def agreement(mention: Mention, chosen: dict[str, Candidate | None]) -> int:
    """How many of title, journal, volume and first page this member prints as chosen."""
    mine = {"title": cached_title_key(mention.fields.title),
            "container": cached_container_words(mention.fields.container),
            "volume": casefolded(mention.fields.volume or ""),
            "first_page": casefolded(mention.fields.first_page or "")}
    return sum(1 for name, value in mine.items()
               if chosen.get(name) is not None and value and value == chosen[name].norm)
