"""Turn works, entries and identity decisions into RDF triples (docs/rdf-model.md).

Pure functions over the core model: each returns a list of triples and touches
no files. `triples_for` streams them all for one build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import combinations

from rdflib import BNode, Literal, URIRef
from rdflib import namespace as rdflib_namespace

from . import vocab
from .model import Author, MergeDecision, ParsedReference, ReferenceEntry, Work
from .rankings import ranking_triples
from .vocab import WORK_CLASS, short_hash, work_iri


class TermCache:
    """A namespace whose terms are made once: `LG.position` is then an attribute read, not a new URIRef.

    rdflib makes (and checks) a new URIRef on every `Namespace` attribute access: over a
    million of them at 10k entries, 1.5 s (`make bench`). Items (`LGD["build"]`) pass through.
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # asked by tools (copy, inspect), never a term litgraph writes
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._namespace[name]


BIRO, C4O, CITO, CO, FABIO, FRBR, LG, LGD, PRISM = (TermCache(getattr(vocab, name)) for name in
                                                    ("BIRO", "C4O", "CITO", "CO", "FABIO", "FRBR", "LG", "LGD", "PRISM"))
DCTERMS, FOAF, PROV, RDF, XSD = (TermCache(getattr(rdflib_namespace, name)) for name in
                                 ("DCTERMS", "FOAF", "PROV", "RDF", "XSD"))

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]
LIST_PATH = {"references": "references", "cited_by": "cited-by"}
LIBRARY_PREFIX = "library:"
# Each literal is made once: a popular work's title, journal, names and pages are printed in many
# lists, and at 10k entries 87% of the literals repeat one made before, while rdflib's Literal() is
# the largest cost of the triple stage (`make bench`). Literals are immutable, so sharing is safe;
# `typed` keeps Literal(1), Literal(True) and Literal("1") apart.
Literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)  # type: ignore[misc]


def triples_for(works: Sequence[Work], entries: Sequence[ReferenceEntry],
                decisions: Sequence[MergeDecision], seed_dois: Iterable[str],
                corpus_digest: str, corpus_files: Sequence[str],
                citation_keys: dict[str, str] | None = None) -> Iterator[Triple]:
    """Every triple of one build's works, lists, decisions and co-citations, as a stream.

    A triple may come more than once; `build.write_outputs` keeps one of each. No rdflib
    Graph is built: at 1M triples one took 2.1 GB and most of the build's time (`make bench`).
    """
    index = MemberIndex(works)
    seeds = {doi.lower() for doi in seed_dois}
    keys = citation_keys or {}
    for work in works:
        yield from work_triples(work, is_seed=bool(work.doi and work.doi.lower() in seeds))
        yield from field_source_triples(work, index)
        if work.id in keys:
            yield (URIRef(work_iri(work.id)), LG.citationKey, Literal(keys[work.id]))
    for entry in entries:
        yield from entry_triples(entry, index)
    for paper_doi, list_name in sorted({(e.paper_doi, e.list) for e in entries}):
        if list_name == "library":
            yield from library_triples(paper_doi)
        else:
            yield from list_triples(index.paper_iri(paper_doi), list_name)
    for decision in decisions:
        yield from decision_triples(decision, index)
    yield from cocitation_triples(entries, index, works)
    yield from ranking_triples(works, entries, index)  # litgraph/rankings.py: counts and ranks the queries read
    yield from build_triples(corpus_digest, corpus_files)


class MemberIndex:
    """Maps member keys (`<doi>#paper`, `<doi>#references/3`) to work and entry IRIs."""

    def __init__(self, works: Sequence[Work]) -> None:
        self._work_of = {m.key: URIRef(work_iri(w.id)) for w in works for m in w.members}

    def work_of(self, member_key: str) -> URIRef:
        return self._work_of[member_key]

    def paper_iri(self, paper_doi: str) -> URIRef:
        return self._work_of[f"{paper_doi}#paper"]

    def member_iri(self, member_key: str) -> URIRef:
        doi, _, rest = member_key.partition("#")
        if rest == "paper":
            return self.paper_iri(doi)
        list_name, _, position = rest.partition("/")
        if list_name == "library":
            return URIRef(f"{library_iri(doi)}/{position}")
        return entry_iri(self.paper_iri(doi), list_name, int(position))


def entry_iri(paper: URIRef, list_name: str, position: int) -> URIRef:
    return URIRef(f"{paper}/{LIST_PATH[list_name]}/{position}")


def library_iri(library: str) -> URIRef:
    """`library:mylib` -> lgd:library/mylib (an author's imported BibTeX library)."""
    return LGD[f"library/{library.removeprefix(LIBRARY_PREFIX)}"]


def library_triples(library: str) -> list[Triple]:
    return [(library_iri(library), RDF.type, LG.Library)]


def work_triples(work: Work, is_seed: bool = False) -> list[Triple]:
    s = URIRef(work_iri(work.id))
    out: list[Triple] = [(s, RDF.type, WORK_CLASS[work.type])]
    out += bibliographic_triples(s, work.title, work.year, work.doi, work.container, work.volume,
                                 work.issue, work.first_page, work.last_page, work.article_number,
                                 work.publisher, work.place)
    out += author_triples(s, work.authors)
    if work.et_al:
        out.append((s, LG.authorListTruncated, Literal(True)))
    if is_seed:
        out.append((s, LG.isSeedPaper, Literal(True)))
    return out


def other_key_triples(key_lines, preferred: dict[str, str], work_ids: set[str]) -> list[Triple]:
    """Every key of a work besides its preferred one (older and second-library keys still resolve)."""
    return [(URIRef(work_iri(k.work)), LG.otherCitationKey, Literal(k.key)) for k in key_lines
            if k.work in work_ids and preferred.get(k.work) != k.key]


def bibliographic_triples(s, title, year, doi, container, volume, issue, first_page, last_page,
                          article_number, publisher, place) -> list[Triple]:
    """The fields works and parsed entries share."""
    fields = [
        (DCTERMS.title, title), (PRISM.doi, doi), (PRISM.publicationName, container),
        (PRISM.volume, volume), (PRISM.issueIdentifier, issue), (PRISM.startingPage, first_page),
        (PRISM.endingPage, last_page), (FABIO.hasElectronicArticleIdentifier, article_number),
        (LG.publisherName, publisher), (LG.publicationPlace, place),
    ]
    out: list[Triple] = [(s, p, Literal(v)) for p, v in fields if v]
    if year is not None:
        out.append((s, FABIO.hasPublicationYear, Literal(f"{year:04d}", datatype=XSD.gYear)))
    return out


def author_triples(work: URIRef, authors: Sequence[Author]) -> list[Triple]:
    out: list[Triple] = []
    for rank, author in enumerate(authors, 1):
        a = URIRef(f"{work}/author/{rank}")
        out += [(work, DCTERMS.creator, a), (a, LG.authorRank, Literal(rank))]
        if author.literal is not None:
            out += [(a, RDF.type, FOAF.Organization), (a, FOAF.name, Literal(author.literal))]
        else:
            out += [(a, RDF.type, FOAF.Person), (a, FOAF.familyName, Literal(author.family or ""))]
            if author.given:
                out.append((a, FOAF.givenName, Literal(author.given)))
    if authors:
        out.append((work, LG.firstAuthorFamilyName, Literal(authors[0].sort_name)))
    return out


def entry_triples(entry: ReferenceEntry, index: MemberIndex) -> list[Triple]:
    if entry.list == "library":
        return library_entry_triples(entry, index)
    paper = index.paper_iri(entry.paper_doi)
    e = entry_iri(paper, entry.list, entry.position)
    target = index.work_of(entry.key)
    klass = BIRO.BibliographicReference if entry.list == "references" else LG.CitedByEntry
    out: list[Triple] = [
        (e, RDF.type, klass), (e, C4O.hasContent, Literal(entry.raw)),
        (e, LG.position, Literal(entry.position)), (e, BIRO.references, target),
        (e, FRBR.partOf, URIRef(f"{paper}/{LIST_PATH[entry.list]}")),
        (URIRef(f"{paper}/{LIST_PATH[entry.list]}"), CO.element, e),
        (target, PROV.wasDerivedFrom, e),
    ]
    citing, cited = (paper, target) if entry.list == "references" else (target, paper)
    if citing != cited:
        out.append((citing, CITO.cites, cited))
    return out + parsed_triples(URIRef(f"{e}/parsed"), e, entry.parsed)


def library_entry_triples(entry: ReferenceEntry, index: MemberIndex) -> list[Triple]:
    """An entry of an imported library: its BibTeX text and the work it denotes (it cites nothing)."""
    library = library_iri(entry.paper_doi)
    e = URIRef(f"{library}/{entry.position}")
    target = index.work_of(entry.key)
    out: list[Triple] = [
        (e, RDF.type, LG.LibraryEntry), (e, C4O.hasContent, Literal(entry.raw)),
        (e, LG.position, Literal(entry.position)), (e, BIRO.references, target),
        (e, FRBR.partOf, library), (library, CO.element, e), (target, PROV.wasDerivedFrom, e),
    ]
    return out + parsed_triples(URIRef(f"{e}/parsed"), e, entry.parsed)


def parsed_triples(p: URIRef, entry: URIRef, parsed: ParsedReference) -> list[Triple]:
    out: list[Triple] = [(entry, LG.parsedAs, p), (p, RDF.type, LG.ParsedReference),
                         (p, PROV.wasDerivedFrom, entry), (p, LG.referenceType, Literal(parsed.type)),
                         (p, LG.etAl, Literal(parsed.et_al))]
    out += bibliographic_triples(p, parsed.title, parsed.year, parsed.doi, parsed.container,
                                 parsed.volume, parsed.issue, parsed.first_page, parsed.last_page,
                                 parsed.article_number, parsed.publisher, parsed.place)
    if parsed.authors:
        out.append((p, LG.authorString, Literal(author_string(parsed.authors))))
    out += [(p, LG.parseWarning, Literal(w)) for w in parsed.warnings]
    return out


def author_string(authors: Sequence[Author]) -> str:
    return "; ".join(a.literal or " ".join(x for x in (a.family, a.given) if x) for a in authors)


def list_triples(paper: URIRef, list_name: str) -> list[Triple]:
    lst = URIRef(f"{paper}/{LIST_PATH[list_name]}")
    klass = BIRO.ReferenceList if list_name == "references" else LG.CitedByList
    link = FRBR.part if list_name == "references" else LG.hasCitedByList
    return [(lst, RDF.type, klass), (paper, link, lst)]


def decision_triples(decision: MergeDecision, index: MemberIndex) -> list[Triple]:
    d = LGD[f"decision/{short_hash(*sorted((decision.left, decision.right)))}"]
    out: list[Triple] = [
        (d, RDF.type, LG.IdentityDecision),
        (d, LG.leftMember, index.member_iri(decision.left)),
        (d, LG.rightMember, index.member_iri(decision.right)),
        (d, LG.sameWork, Literal(decision.same)),
        (d, LG.score, Literal(round(decision.score, 4))),
        (d, LG.decisionMethod, Literal(decision.method)),
    ]
    return out + [(d, LG.reason, Literal(r)) for r in decision.reasons]


def cocitation_counts(entries: Sequence[ReferenceEntry], index: MemberIndex) -> Counter:
    """How many papers cite each pair of works together (reference lists only)."""
    cited: dict[str, set[str]] = {}
    for entry in entries:
        if entry.list == "references":
            cited.setdefault(entry.paper_doi, set()).add(str(index.work_of(entry.key)))
    counts: Counter = Counter()
    for works in cited.values():
        counts.update(combinations(sorted(works), 2))
    return counts


def cocitation_triples(entries: Sequence[ReferenceEntry], index: MemberIndex, works: Sequence[Work] = (),
                       min_count: int = 2) -> list[Triple]:
    """Materialise pairs co-cited by at least `min_count` papers (the query then stays fast).

    Each pair also gets its rank in the order the co-citation query shows (most
    co-cited first, then by the two works' first authors, years and IRIs), so the
    query orders by one integer: ordering 40,000 pairs by count, names and IRIs
    took Oxigraph seconds at 1M triples (`make bench`).
    """
    about = {work_iri(w.id): (w.authors[0].sort_name if w.authors else None, w.year) for w in works}

    def shown_order(pair: tuple[int, str, str]) -> tuple:
        n, a, b = pair
        (author_a, year_a), (author_b, year_b) = about.get(a, (None, None)), about.get(b, (None, None))
        return (-n, *[(v is not None, v) for v in (author_a, author_b, year_a, year_b)], a, b)  # unbound first

    pairs = sorted(((n, a, b) for (a, b), n in cocitation_counts(entries, index).items() if n >= min_count),
                   key=shown_order)
    out: list[Triple] = []
    for rank, (n, a, b) in enumerate(pairs, 1):
        c = LGD[f"cocitation/{short_hash(a, b)}"]
        out += [(c, RDF.type, LG.CoCitation), (c, LG.coCitedWork, URIRef(a)),
                (c, LG.coCitedWork, URIRef(b)), (c, LG.coCitationCount, Literal(n)),
                (c, LG.coCitationRank, Literal(rank))]
    return out


def build_triples(corpus_digest: str, corpus_files: Sequence[str]) -> list[Triple]:
    b = LGD["build"]
    out: list[Triple] = [(b, RDF.type, PROV.Activity), (b, LG.corpusDigest, Literal(corpus_digest))]
    return out + [(b, PROV.used, LGD[f"corpus/{name}"]) for name in corpus_files]


def field_source_triples(work: Work, index: MemberIndex) -> list[Triple]:
    """Which member each chosen field of `work` came from (identity/fields.py), as lg:FieldSource nodes."""
    s = URIRef(work_iri(work.id))
    out: list[Triple] = []
    for name, member_key in work.sources:
        f = URIRef(f"{s}/field/{name}")
        out += [(s, LG.hasFieldSource, f), (f, RDF.type, LG.FieldSource), (f, LG.fieldName, Literal(name)),
                (f, PROV.wasDerivedFrom, index.member_iri(member_key))]
    return out
