"""Aggregates materialised at build time, so the named queries read them instead of recomputing.

Pure functions over the build's works and entries, as `triples.cocitation_triples` does for pairs:

- `lg:citationCount` / `lg:citationRank` on every cited work (most-cited: distinct citing works,
  from reference lists and "Cited by" lists, as cito:cites counts them);
- `lg:referenceListCount` on every work in a reference list, and `lg:sharedReferenceRank` on those
  in two or more (shared-references);
- `lg:nameKey` on every author: the family name (or a corporate author's name) in lower case
  (works-by-author looks it up instead of lower-casing every author's name).

Ranks follow the order the queries show (count descending, then first author, year and work IRI,
unbound values first as SPARQL sorts them), so a query orders by one integer: grouping and sorting
every work took Oxigraph 3-5 s at 10M triples (`make bench`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rdflib import Literal, URIRef

from .model import ReferenceEntry, Work
from .vocab import LG, work_iri


def ranking_triples(works: Sequence[Work], entries: Sequence[ReferenceEntry], index) -> Iterator[tuple]:
    """Every materialised aggregate of one build (`index`: triples.MemberIndex)."""
    about = {work_iri(w.id): (w.authors[0].sort_name if w.authors else None, w.year) for w in works}
    citations = citing_works(entries, index)
    yield from count_and_rank(citations, about, LG.citationCount, LG.citationRank, min_rank_count=1)
    lists = citing_lists(entries, index)
    yield from count_and_rank(lists, about, LG.referenceListCount, LG.sharedReferenceRank, min_rank_count=2)
    yield from name_key_triples(works)


def citing_works(entries: Sequence[ReferenceEntry], index) -> dict[str, set[str]]:
    """Cited work IRI -> the IRIs of the works citing it (the cito:cites links `entry_triples` writes)."""
    cited_by: dict[str, set[str]] = {}
    for entry in entries:
        if entry.list == "library":
            continue
        paper, target = str(index.paper_iri(entry.paper_doi)), str(index.work_of(entry.key))
        citing, cited = (paper, target) if entry.list == "references" else (target, paper)
        if citing != cited:
            cited_by.setdefault(cited, set()).add(citing)
    return cited_by


def citing_lists(entries: Sequence[ReferenceEntry], index) -> dict[str, set[str]]:
    """Work IRI -> the DOIs of the papers whose reference lists hold it."""
    holders: dict[str, set[str]] = {}
    for entry in entries:
        if entry.list == "references":
            holders.setdefault(str(index.work_of(entry.key)), set()).add(entry.paper_doi)
    return holders


def count_and_rank(groups: dict[str, set[str]], about: dict, count_property, rank_property,
                   min_rank_count: int) -> Iterator[tuple]:
    """Each work's count, and a rank (1 first) for those with at least `min_rank_count`."""
    counted = [(len(members), work) for work, members in groups.items()]
    for n, work in counted:
        yield (URIRef(work), count_property, Literal(n))
    ranked = sorted((c for c in counted if c[0] >= min_rank_count), key=lambda c: shown_order(c, about))
    for rank, (_, work) in enumerate(ranked, 1):
        yield (URIRef(work), rank_property, Literal(rank))


def shown_order(counted: tuple[int, str], about: dict) -> tuple:
    """The queries' ORDER BY DESC(count) ?first_author ?year ?work, unbound first."""
    n, work = counted
    author, year = about.get(work, (None, None))
    return (-n, author is not None, author or "", year is not None, year or 0, work)


def name_key_triples(works: Sequence[Work]) -> Iterator[tuple]:
    """`lg:nameKey` on each author node `triples.author_triples` writes (`<work>/author/<rank>`)."""
    for work in works:
        for rank, author in enumerate(work.authors, 1):
            name = author.literal if author.literal is not None else author.family or ""
            yield (URIRef(f"{work_iri(work.id)}/author/{rank}"), LG.nameKey, Literal(name.lower()))
