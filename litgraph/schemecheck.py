"""SKOS integrity of a project's vocabulary (`litgraph vocab check`), each problem with its file and line.

Checks: one preferred label per language; no cycle in skos:broader; every
concept in a declared scheme; broader concepts that exist; labels and synonyms
unique within a scheme (compared as the resolver compares them: case, spaces
and hyphens folded); mappings (skos:exactMatch ...) that are well-formed IRIs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .findings.concepts import CONCEPT_PREFIX, normalise
from .schemes import MAPPINGS, SKOS, VocabConcept, Vocabulary, concepts_of, display, line_of_term

IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    concept: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.concept}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "concept": self.concept, "message": self.message}


def check_vocabulary(vocab: Vocabulary) -> list[Problem]:
    """Every SKOS integrity problem of `vocab`, sorted by file and line."""
    concepts = concepts_of(vocab)
    problems = [p for c in concepts for p in pref_label_problems(vocab, c)]
    problems += [p for c in concepts for p in scheme_problems(vocab, c)]
    problems += [p for c in concepts for p in broader_problems(c, {x.iri for x in concepts})]
    order = {path: n for n, path in enumerate(vocab.files)}
    in_file_order = sorted(concepts, key=lambda c: (order.get(c.file, len(order)), c.iri))
    problems += cycle_problems(concepts) + duplicate_label_problems(in_file_order)
    problems += [p for c in concepts for p in mapping_problems(vocab, c)]
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.concept, p.message))


def problem(concept: VocabConcept, message: str, term: str | None = None) -> Problem:
    """A problem located at the concept's subject line, or at `term` after it when given."""
    line = line_of_term(concept.file, concept.iri, as_subject=True)
    if term is not None:
        line = line_of_term(concept.file, term, after=(line or 1) - 1) or line
    return Problem(display(concept.file), line, concept.slug if concept.scheme else concept.iri, message)


def pref_label_problems(vocab: Vocabulary, concept: VocabConcept) -> list[Problem]:
    from rdflib import URIRef

    labels = list(vocab.graph.objects(URIRef(concept.iri), URIRef(SKOS + "prefLabel")))
    if not labels:
        return [problem(concept, "no skos:prefLabel")]
    counts = Counter(getattr(label, "language", None) or "" for label in labels)
    return [problem(concept, f"{n} preferred labels in language {lang or '(none)'!r}: "
                             + ", ".join(sorted(repr(str(x)) for x in labels if (x.language or "") == lang)))
            for lang, n in sorted(counts.items()) if n > 1]


def scheme_problems(vocab: Vocabulary, concept: VocabConcept) -> list[Problem]:
    from rdflib import RDF, URIRef

    schemes = list(vocab.graph.objects(URIRef(concept.iri), URIRef(SKOS + "inScheme")))
    if not schemes:
        return [problem(concept, "in no scheme (skos:inScheme missing)")]
    return [problem(concept, f"skos:inScheme {s} is not declared a skos:ConceptScheme", str(s))
            for s in schemes if (s, RDF.type, URIRef(SKOS + "ConceptScheme")) not in vocab.graph]


def broader_problems(concept: VocabConcept, known: set[str]) -> list[Problem]:
    return [problem(concept, f"skos:broader {b.removeprefix(CONCEPT_PREFIX)} is not a concept", b)
            for b in concept.broader if b not in known]


def cycle_problems(concepts: list[VocabConcept]) -> list[Problem]:
    """One problem per concept that is its own ancestor through skos:broader."""
    parents = {c.iri: set(c.broader) for c in concepts}
    out = []
    for concept in concepts:
        seen, todo = set(), list(parents[concept.iri])
        while todo:
            iri = todo.pop()
            if iri not in seen:
                seen.add(iri)
                todo += parents.get(iri, ())
        if concept.iri in seen:
            out.append(problem(concept, "skos:broader cycle: the concept is its own broader concept"))
    return out


def duplicate_label_problems(concepts: list[VocabConcept]) -> list[Problem]:
    """Labels and synonyms that name two concepts of one scheme, reported on the later one (in file order)."""
    owner: dict[tuple[str | None, str], VocabConcept] = {}
    out = []
    for concept in concepts:
        for name in dict.fromkeys([concept.label or "", *concept.alt_labels]):
            key = (concept.scheme, normalise(name))
            first = owner.setdefault(key, concept)
            if name and first.iri != concept.iri:
                out.append(problem(concept, f"label {name!r} also names {first.slug} "
                                            f"({display(first.file)}) in scheme {concept.scheme}"))
    return out


def mapping_problems(vocab: Vocabulary, concept: VocabConcept) -> list[Problem]:
    from rdflib import URIRef

    out = []
    for kind in MAPPINGS:
        for target in vocab.graph.objects(URIRef(concept.iri), URIRef(SKOS + kind)):
            if not isinstance(target, URIRef) or not IRI_RE.match(str(target)):
                out.append(problem(concept, f"skos:{kind} {str(target)!r} is not a well-formed IRI", str(target)))
    return out


def problems_in(problems: list[Problem], files: tuple[Path, ...]) -> list[Problem]:
    """The problems located in `files` (the project's own, leaving the shipped core out)."""
    names = {display(f) for f in files}
    return [p for p in problems if p.file in names]
