"""Triples for what came from Crossref: DOI matches, added papers' deposits, citation counts (PROV-O, C4O).

Pure functions over the Crossref loaders' records (litgraph.crossref); the
build adds their triples next to the curated ones, so every DOI or count that
did not come from the printed text says where and when it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from .vocab import C4O, LG, LGD, short_hash

Triple = tuple
IriOf = Callable[[str], URIRef]


def match_triples(matches: Mapping[str, object], entry_iri_of: IriOf) -> list[Triple]:
    """Each accepted Crossref match as a lg:DoiMatch activity on the entry it gives a DOI to."""
    out: list[Triple] = []
    for key, m in sorted(matches.items()):
        entry = entry_iri_of(key)
        node = URIRef(f"{entry}/doi-match")
        out += [(entry, LG.doiMatch, node), (node, RDF.type, LG.DoiMatch), (node, RDF.type, PROV.Activity),
                (node, LG.matchedDoi, Literal(m.doi)), (node, LG.decidedBy, Literal(m.decided_by))]
        if m.score is not None:
            out.append((node, LG.matchScore, Literal(round(m.score, 4))))
        if m.title_similarity is not None:
            out.append((node, LG.titleSimilarity, Literal(round(m.title_similarity, 4))))
        out += [(node, LG.validatedField, Literal(f)) for f in m.validated_fields]
        if m.query_url:
            out.append((node, PROV.used, URIRef(m.query_url)))
        if m.retrieved_at:
            out.append((node, PROV.endedAtTime, Literal(m.retrieved_at, datatype=XSD.dateTime)))
        if m.base_url:
            out.append((node, PROV.wasAssociatedWith, URIRef(m.base_url)))
    return out


def deposit_triples(lines: Mapping[str, object], entry_iri_of: IriOf) -> list[Triple]:
    """Where each line of a Crossref-added paper's reference list came from."""
    out: list[Triple] = []
    for key, line in sorted(lines.items()):
        entry = entry_iri_of(key)
        out += [(entry, LG.depositKey, Literal(line.deposit_key)), (entry, PROV.wasDerivedFrom, URIRef(line.url)),
                (entry, PROV.generatedAtTime, Literal(line.retrieved_at, datatype=XSD.dateTime))]
        if line.doi_asserted_by:
            out.append((entry, LG.doiAssertedBy, Literal(line.doi_asserted_by)))
    return out


def added_paper_triples(paper_iris: Iterable[URIRef]) -> list[Triple]:
    return [(iri, LG.isAddedPaper, Literal(True)) for iri in paper_iris]


def citation_count_triples(counts: Iterable[object], work_iri_of_doi: Callable[[str], URIRef | None]) -> list[Triple]:
    """C4O global citation counts, one node per DOI, date and source, so history is kept."""
    out: list[Triple] = []
    for c in counts:
        work = work_iri_of_doi(c.doi)
        if work is None:
            continue
        node = LGD[f"citation-count/{short_hash(c.doi.lower(), c.date, c.source)}"]
        out += [(work, C4O.hasGlobalCitationFrequency, node), (node, RDF.type, C4O.GlobalCitationCount),
                (node, C4O.hasGlobalCountValue, Literal(c.count)),
                (node, C4O.hasGlobalCountDate, Literal(c.date, datatype=XSD.date)),
                (node, C4O.hasGlobalCountSource, URIRef(c.source) if "://" in c.source else Literal(c.source))]
    return out
