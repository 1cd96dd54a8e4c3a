"""A synthetic corpus with the shape of the real one, at a chosen number of triples.

The seed corpus (4 papers, 172 list entries, 8.8k triples) is too small to say
anything about speed. This module makes a field-wide stand-in: papers whose
reference lists we hold (about 40 references each, four authors), cited works
drawn with a heavy-tailed popularity (so lists share references and co-citation
counts grow as in a real field), identity decisions for works with several
members, and two coded findings per paper (design, outcomes with a direction,
or an organisational domain, factor, polarity and role). It produces the same
frozen model records the build stages produce (Work, ReferenceEntry,
MergeDecision, Finding) and turns them into triples with litgraph's own
functions (`litgraph.triples.triples_for`, `litgraph.findings.triples.finding_triples`,
the ontology's concept schemes), so the graph has exactly the shape of a build,
co-citation materialisation included.

`build_synthetic` runs them through litgraph's build path: `triples_for` streams the
triples into `build.write_outputs` (sorted N-Triples, Turtle, Oxigraph store), at any size.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
TRIPLES_PER_PAPER = 1_500  # measured on this generator at 1M; papers = target / this
REFERENCES_PER_PAPER = 40
AUTHORS_PER_WORK = 4
FINDINGS_PER_PAPER = 2
SURNAMES = ("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
            "Walker White Roberts Green Hall Wood Jackson Clarke Gillard Davidson Repper Carter Mead "
            "Solomon Pitt Salzer Chinman Corrigan Sells Moran Rebeiro Lloyd Simpson Kemp Stirling "
            "Holley Edwards Turner Gibson Marks Castelein Nestor Shepardson Mowbray Vandewalle").split()
JOURNALS = ("Psychiatr Serv", "Community Ment Health J", "J Ment Health", "BMC Health Serv Res",
            "Psychiatr Rehabil J", "Adm Policy Ment Health", "Int J Soc Psychiatry", "Br J Psychiatry",
            "Soc Psychiatry Psychiatr Epidemiol", "Health Serv Deliv Res", "Adv Psychiatr Treat")
WORDS = ("peer support workers mental health services recovery employment outcomes qualitative study "
         "randomised trial organisational change role integration lived experience training "
         "supervision stigma empowerment hospital admission community care evaluation").split()


@dataclass(frozen=True, slots=True)
class Synthetic:
    """The model records of one synthetic corpus, and parameters for the named queries."""

    works: tuple
    entries: tuple
    decisions: tuple
    findings: tuple  # (Finding, paper IRI, source work IRI, entry IRI)
    papers: tuple[str, ...]  # DOIs of the papers whose lists we hold
    params: dict[str, dict[str, str]]


def papers_for(triples: int) -> int:
    return max(3, round(triples / TRIPLES_PER_PAPER))


def synthetic_corpus(papers: int, seed: int = 1) -> Synthetic:
    """`papers` papers with reference lists over a shared, heavy-tailed pool of cited works."""
    from litgraph.model import MergeDecision, Member

    rng = random.Random(seed)
    pool = papers * 25  # cited works; popularity ~ 1 / (rank + 20)
    weights = [1.0 / (rank + 20) for rank in range(pool)]
    paper_dois = tuple(f"10.5555/syn.p{i}" for i in range(papers))
    members: dict[str, list] = {}
    entries = []
    for i, doi in enumerate(paper_dois):
        cited = pick_references(rng, weights, i, paper_dois)
        for position, target in enumerate(cited, 1):
            entry = reference_entry(rng, doi, position, target)
            entries.append(entry)
            members.setdefault(target, []).append(Member(doi, "references", position))
    works = [work_record(rng, doi, (Member(doi, "paper", None), *members.pop(doi, ())), is_paper=True)
             for doi in paper_dois]
    works += [work_record(rng, target, tuple(found)) for target, found in sorted(members.items())]
    decisions = tuple(MergeDecision(w.members[0].key, w.members[1].key, True, 0.93,
                                    ("title 0.97", f"first author {w.authors[0].family}"),
                                    "doi" if w.doi else "score")
                      for w in works if len(w.members) > 1)
    findings = tuple(f for i, doi in enumerate(paper_dois) for f in findings_for(rng, i, doi, entries))
    return Synthetic(tuple(works), tuple(entries), decisions, findings, paper_dois,
                     query_params(works, paper_dois, findings))


def pick_references(rng: random.Random, weights: list[float], paper: int, paper_dois) -> list[str]:
    """About 40 distinct cited works; now and then an earlier paper of the corpus (papers cite papers)."""
    chosen: dict[str, None] = {}
    if paper > 0 and rng.random() < 0.5:
        chosen[paper_dois[rng.randrange(paper)]] = None
    while len(chosen) < REFERENCES_PER_PAPER:
        for rank in rng.choices(range(len(weights)), weights=weights, k=REFERENCES_PER_PAPER):
            if len(chosen) < REFERENCES_PER_PAPER:
                chosen[cited_id(rank)] = None
    return list(chosen)


def cited_id(rank: int) -> str:
    """Cited works: 60% with a DOI (doi/...), the rest keyed by content (key/...)."""
    if rank % 5 < 3:
        return f"10.5555/syn.w{rank}"
    return "key/" + hashlib.sha1(f"work {rank}".encode()).hexdigest()[:12]


def authors(rng: random.Random, n: int):
    from litgraph.model import Author

    return tuple(Author(family=rng.choice(SURNAMES) + ("" if rng.random() < 0.5 else str(rng.randrange(400))),
                        given=rng.choice("ABCDEFGHJKLMNPRS") + rng.choice(("", "J", "M")))
                 for _ in range(n))


def title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()


def work_record(rng: random.Random, ident: str, members: tuple, is_paper: bool = False):
    from litgraph.model import Work

    doi = None if ident.startswith("key/") else ident
    first = rng.randint(1, 900)
    return Work(id=ident if ident.startswith("key/") else f"doi/{ident}", doi=doi, title=title(rng),
                year=rng.randint(1995, 2016), authors=authors(rng, AUTHORS_PER_WORK), type="journal-article",
                container=rng.choice(JOURNALS), volume=str(rng.randint(1, 70)), issue=str(rng.randint(1, 12)),
                first_page=str(first), last_page=str(first + rng.randint(4, 20)), article_number=None,
                publisher=None, place=None, members=members)


def reference_entry(rng: random.Random, paper_doi: str, position: int, target: str):
    from litgraph.model import ParsedReference, ReferenceEntry

    who = authors(rng, 3)
    year, text, journal = rng.randint(1995, 2016), title(rng), rng.choice(JOURNALS)
    volume, first = str(rng.randint(1, 70)), rng.randint(1, 900)
    raw = f"{', '.join(f'{a.family} {a.given}' for a in who)}, et al.: {text}. {journal} {year}, {volume}: {first}-{first + 9}."
    doi = None if target.startswith("key/") or rng.random() < 0.5 else target
    parsed = ParsedReference(raw=raw, type="journal-article", authors=who, et_al=True, year=year, title=text,
                             container=journal, volume=volume, first_page=str(first), last_page=str(first + 9),
                             doi=doi)
    return ReferenceEntry(paper_doi, "references", position, raw, parsed, "synthetic", position)


def findings_for(rng: random.Random, index: int, paper_doi: str, entries) -> Iterator[tuple]:
    """Two findings per paper, each resting on one of its reference entries; in turn an outcome with a
    direction, a factor of an organisational domain with its polarity, or a change mechanism."""
    from litgraph.findings.model import Finding, FindingSource

    schemes = concept_iris()
    for n in range(FINDINGS_PER_PAPER):
        position = rng.randint(1, REFERENCES_PER_PAPER)
        common = dict(id=f"syn-{index}-{n}", paper_doi=paper_doi, path="synthetic", line=n + 1,
                      statement=title(rng) + ".", quote=title(rng), section="Results",
                      source=FindingSource("entry", entry=position), design=rng.choice(schemes["design"]),
                      coded_by="synthetic coder", roles=(rng.choice(schemes["role"]),))
        kind = (FINDINGS_PER_PAPER * index + n) % 3
        if kind == 0:
            finding = Finding(**common, outcomes=(rng.choice(schemes["outcome"]),),
                              direction=rng.choice(schemes["direction"]))
        elif kind == 1:
            finding = Finding(**common, domain=rng.choice(schemes["domain"]), factor=rng.choice(schemes["factor"]),
                              polarity=rng.choice(schemes["polarity"]))
        else:
            finding = Finding(**common, mechanism=rng.choice(schemes["mechanism"]),
                              direction=rng.choice(schemes["direction"]))
        yield finding, position


_CONCEPTS: dict[str, list[str]] = {}


def concept_iris() -> dict[str, list[str]]:
    """Concept IRIs of the shipped ontology, by scheme."""
    if not _CONCEPTS:
        from litgraph.findings.concepts import load_concepts

        for concept in sorted(load_concepts().by_iri.values(), key=lambda c: c.iri):
            _CONCEPTS.setdefault(concept.scheme, []).append(concept.iri)
    return _CONCEPTS


def query_params(works, paper_dois, findings) -> dict[str, dict[str, str]]:
    """Parameters for the named queries: a paper, the most-cited work, a common surname, the commonest factor."""
    from collections import Counter

    most = max((w for w in works if w.doi and not w.doi.startswith("10.5555/syn.p")), key=lambda w: len(w.members))
    factors = Counter(f.factor for f, _ in findings if f.factor)
    return {"reference-list": {"paper": paper_dois[len(paper_dois) // 2]},
            "citing-papers": {"work": most.doi},
            "works-by-author": {"name": SURNAMES[0]},
            "factor-evidence": {"factor": min(factors, key=lambda f: (-factors[f], f)).rsplit("/", 1)[-1]}}


def evidence_triples(corpus: Synthetic) -> list:
    """The findings' triples (without repeats: findings share agents) and the ontology's concept schemes."""
    from litgraph.findings.concepts import concept_triples
    from litgraph.findings.triples import finding_triples
    from litgraph.triples import MemberIndex

    index = MemberIndex(corpus.works)
    out: dict = {}
    for finding, position in corpus.findings:
        paper = str(index.paper_iri(finding.paper_doi))
        source = str(index.work_of(f"{finding.paper_doi}#references/{position}"))
        out.update(dict.fromkeys(finding_triples(finding, paper, source, f"{paper}/references/{position}")))
    return list(out) + concept_triples()


def build_synthetic(corpus: Synthetic, out_dir: Path) -> int:
    """litgraph's build path on the synthetic records: `triples_for` into `build.write_outputs`."""
    from itertools import chain

    from litgraph.build import write_outputs
    from litgraph.triples import triples_for

    triples = triples_for(corpus.works, corpus.entries, corpus.decisions, corpus.papers, "synthetic", ["synthetic"])
    return write_outputs(chain(triples, evidence_triples(corpus)), Path(out_dir))


def write_params(corpus: Synthetic, folder: Path) -> None:
    (Path(folder) / "params.json").write_text(json.dumps(corpus.params, indent=2), encoding="utf-8")
