"""Turn coded findings into RDF triples (docs/readme-evidence.md, ontology/evidence.ttl).

`finding_triples` is pure: a Finding plus the IRIs of the works it links is a
list of triples. `finding_triples_for_corpus` is what the build calls: it reads
the findings files, resolves each source to a work IRI through the identity
stage's lookups, and returns every triple of the evidence layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, PROV, RDF, XSD

from ..corpus import Corpus
from ..errors import CorpusError
from ..vocab import CITO, LG, LGD
from .concepts import ConceptIndex, concepts_from_graph, load_concepts
from .load import load_findings
from .model import CaveatTarget, Finding

Triple = tuple[URIRef, URIRef, URIRef | Literal]
ONE = (("design", LG.studyDesign), ("domain", LG.domain), ("factor", LG.factor),
       ("mechanism", LG.mechanism), ("polarity", LG.polarity), ("direction", LG.direction))
MANY = (("outcomes", LG.outcome), ("roles", LG.role), ("settings", LG.setting),
        ("sectors", LG.sector), ("countries", LG.country), ("doubts", LG.reasonToDoubt))


def finding_iri(finding_id: str) -> URIRef:
    return LGD[f"finding/{finding_id}"]


def agent_iri(name: str) -> URIRef:
    """`"litgraph curators"` -> lgd:agent/litgraph-curators."""
    return LGD[f"agent/{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-') or 'unknown'}"]


def finding_triples(finding: Finding, reporting_work: str, source_work: str,
                    entry: str | None = None, caveats: Sequence[str] = ()) -> list[Triple]:
    """The triples of one finding.

    Args:
        finding: the coded finding.
        reporting_work: IRI of the work of the paper the finding was coded from.
        source_work: IRI of the work the finding rests on (the reporting work for `{self: true}`).
        entry: IRI of the reference-list entry the source was given as, if any.
        caveats: IRIs of the findings and works a caveat finding doubts (lg:caveats).
    """
    f, paper, source = finding_iri(finding.id), URIRef(reporting_work), URIRef(source_work)
    agent = agent_iri(finding.coded_by)
    out: list[Triple] = [
        (f, RDF.type, LG.Finding),
        (f, LG.statement, Literal(finding.statement, lang="en")),
        (f, LG.quote, Literal(finding.quote)),
        (f, LG.section, Literal(finding.section)),
        (f, LG.reportedIn, paper),
        (f, CITO.obtainsSupportFrom, source),
        (f, PROV.wasDerivedFrom, paper),
        (f, PROV.wasAttributedTo, agent),
        (f, LG.codedInFile, Literal(finding.path)),
        (agent, RDF.type, PROV.Agent),
        (agent, FOAF.name, Literal(finding.coded_by)),
    ]
    out += [(f, prop, URIRef(getattr(finding, name))) for name, prop in ONE if getattr(finding, name)]
    out += [(f, prop, URIRef(iri)) for name, prop in MANY for iri in getattr(finding, name)]
    out += [(f, LG.caveats, URIRef(iri)) for iri in caveats]
    if entry:
        out.append((f, LG.fromReferenceEntry, URIRef(entry)))
    if source != paper:
        out.append((paper, CITO.citesAsEvidence, source))
    if finding.citation:
        out.append((f, LG.inTextCitation, Literal(finding.citation)))
    if finding.trials is not None:
        out.append((f, LG.numberOfTrials, Literal(finding.trials)))
    if finding.note:
        out.append((f, LG.codingNote, Literal(finding.note)))
    if finding.coded_on:
        out.append((f, PROV.generatedAtTime, Literal(f"{finding.coded_on}T00:00:00", datatype=XSD.dateTime)))
    return out


def finding_triples_for_corpus(corpus: Corpus, work_iri_of_entry: Callable[[str], str],
                               paper_iri_of: Callable[[str], str],
                               work_iri_of_doi: Callable[[str], str | None],
                               concepts: ConceptIndex | None = None) -> list[Triple]:
    """Every triple of the evidence layer of `corpus` (empty when it has no findings/ folder).

    Args:
        corpus: the loaded corpus (its root holds findings/*.yaml).
        work_iri_of_entry: member key `<paper DOI>#references/<N>` -> work IRI (MemberIndex.work_of).
        paper_iri_of: paper DOI -> the paper's work IRI (MemberIndex.paper_iri).
        work_iri_of_doi: DOI (any case) -> the IRI of the work with that DOI, or None.
        concepts: the concept schemes; by default those of the project around the current folder.

    Raises:
        CorpusError: a malformed findings file, or a source DOI that no work in the graph has.
    """
    concepts = concepts if concepts is not None else load_concepts()
    out: list[Triple] = []
    for finding in load_findings(corpus, concepts):
        paper = str(paper_iri_of(finding.paper_doi))
        source, entry = source_work(finding, paper, work_iri_of_entry, work_iri_of_doi)
        caveats = [caveat_iri(finding, t, paper, work_iri_of_entry, work_iri_of_doi) for t in finding.caveats]
        out += finding_triples(finding, paper, source, entry, caveats)
    return out


def caveat_iri(finding: Finding, target: CaveatTarget, paper: str, work_iri_of_entry, work_iri_of_doi) -> str:
    """The IRI a caveat points at: the finding it names, or the work of the study it names."""
    if target.finding:
        return str(finding_iri(target.finding))
    return source_work(replace(finding, source=target.source), paper, work_iri_of_entry, work_iri_of_doi)[0]


def source_work(finding: Finding, paper: str, work_iri_of_entry, work_iri_of_doi) -> tuple[str, str | None]:
    """The IRI of the work a finding rests on, and of the list entry it was given as."""
    if finding.source.kind == "self":
        return paper, None
    if finding.source.kind == "entry":
        position = finding.source.entry
        return str(work_iri_of_entry(f"{finding.paper_doi}#references/{position}")), f"{paper}/references/{position}"
    work = work_iri_of_doi(finding.source.doi)
    if work is None:
        raise CorpusError(finding.path, f"finding {finding.id}: no work in the graph has DOI {finding.source.doi} "
                                        "(give the source as {entry: N} instead?)", finding.line)
    return str(work), None


def evidence_triples(corpus: Corpus, works, vocabulary: Sequence[Path] | None = None) -> list[Triple]:
    """Everything the build adds for the evidence layer: the concept schemes and the findings.

    Args:
        corpus: the loaded corpus.
        works: the identity stage's works (each with its members), as given to `triples_for`.
        vocabulary: the core and project vocabulary files (Project.vocabulary_files());
            by default those of the project around the current folder.
    """
    from ..triples import MemberIndex
    from ..vocab import work_iri
    from .concepts import concept_triples, ontology_graph

    index = MemberIndex(works)
    dois = {w.doi.lower(): work_iri(w.id) for w in works if w.doi}
    ontology = ontology_graph(vocabulary)
    return concept_triples(ontology) + finding_triples_for_corpus(
        corpus, index.work_of, index.paper_iri, lambda doi: dois.get(doi.lower()),
        concepts_from_graph(ontology))
