"""The domain vocabulary: concept schemes read from the vocabulary files, and value resolution.

Concepts are `skos:Concept` individuals typed with one lg: evidence class
(lg:Outcome, lg:StudyDesign, ...) at `https://w3id.org/litgraph/concept/<scheme>/<slug>`.
A value given by a coder or a user (a slug, a preferred or alternative label, or
the IRI) resolves case-insensitively to one concept of the expected scheme:

    >>> index = ConceptIndex([Concept("https://w3id.org/litgraph/concept/outcome/readmission",
    ...                               "outcome", "Readmission", ("re-admission",))])
    >>> index.resolve("outcome", "RE-ADMISSION").slug
    'readmission'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import CorpusError, InputError
from .model import Concept

CONCEPT_PREFIX = "https://w3id.org/litgraph/concept/"
LG = "https://w3id.org/litgraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEME_CLASSES = {
    "Role": "role", "Outcome": "outcome", "StudyDesign": "design", "OrganisationalDomain": "domain",
    "Factor": "factor", "ChangeMechanism": "mechanism", "Setting": "setting", "Sector": "sector",
    "Country": "country", "EffectDirection": "direction", "Polarity": "polarity",
    "ReasonToDoubt": "doubt",
}
SCHEMES = tuple(SCHEME_CLASSES.values())


class UnknownConceptError(InputError):
    """A value that names no concept of the expected scheme.

    The message gives the nearest labels, the whole list when it is short, and
    otherwise points to `litgraph vocab SCHEME`, which lists them all.
    """

    SHOWN = 12

    def __init__(self, scheme: str, value: str, suggestions: list[str], known: list[str]) -> None:
        self.scheme, self.value, self.suggestions = scheme, value, suggestions
        hint = f"did you mean {', '.join(repr(s) for s in suggestions)}? " if suggestions else ""
        if len(known) <= self.SHOWN:
            listed = f"known {scheme} labels: {', '.join(known) or 'none'} (`litgraph vocab {scheme}` shows them)"
        else:
            listed = f"the {len(known)} {scheme} labels and their synonyms: `litgraph vocab {scheme}`"
        super().__init__(f"unknown {scheme} {value!r}; {hint}{listed}")


def normalise(value: str) -> str:
    """Case-, space- and hyphen-insensitive key: "Service-use " -> "service use"."""
    return re.sub(r"[\s_\-]+", " ", value.strip().casefold()).strip()


class ConceptIndex:
    """Every concept by IRI, and a case-insensitive lookup per scheme."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.by_iri: dict[str, Concept] = {c.iri: c for c in concepts}
        self._keys: dict[str, dict[str, set[str]]] = {s: {} for s in SCHEMES}
        for concept in self.by_iri.values():
            keys = self._keys.setdefault(concept.scheme, {})
            for name in (concept.iri, concept.slug, concept.label, *concept.alt_labels):
                keys.setdefault(normalise(name), set()).add(concept.iri)
        self._narrower: dict[str, set[str]] = {}
        for concept in self.by_iri.values():
            for parent in concept.broader:
                self._narrower.setdefault(parent, set()).add(concept.iri)

    def __len__(self) -> int:
        return len(self.by_iri)

    def resolve(self, scheme: str, value: str) -> Concept:
        """The one concept of `scheme` that `value` names (slug, label, synonym or IRI)."""
        key = normalise(str(value))
        if key.startswith("lgc:"):
            key = normalise(CONCEPT_PREFIX + key[4:])
        found = self._keys.get(scheme, {}).get(key, set())
        if len(found) > 1:
            names = ", ".join(sorted(self.by_iri[i].label for i in found))
            raise InputError(f"{scheme} {value!r} is ambiguous: it names {names}")
        if not found:
            known = self.labels(scheme)
            raise UnknownConceptError(scheme, str(value), self.nearest(scheme, str(value)), known)
        return self.by_iri[next(iter(found))]

    def nearest(self, scheme: str, value: str, n: int = 5) -> list[str]:
        """The preferred labels of the concepts whose label, synonym or slug is closest to `value`."""
        keys = self._keys.get(scheme, {})
        close = difflib.get_close_matches(normalise(value), list(keys), n=n * 3)
        contains = [k for k in keys if normalise(value) in k or (k in normalise(value) and len(k) > 3)]
        labels = [self.by_iri[i].label for k in (*close, *sorted(contains)) for i in sorted(keys[k])]
        return list(dict.fromkeys(labels))[:n]

    def labels(self, scheme: str) -> list[str]:
        return sorted(c.label for c in self.by_iri.values() if c.scheme == scheme)

    def label(self, iri: str | None) -> str | None:
        concept = self.by_iri.get(iri) if iri else None
        return concept.label if concept else iri

    def narrower_or_self(self, iri: str) -> set[str]:
        """The concept and every concept below it (skos:broader, transitively)."""
        seen, todo = {iri}, [iri]
        while todo:
            for child in self._narrower.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen


def concepts_from_graph(graph) -> ConceptIndex:
    """Read every litgraph concept from an rdflib graph (ontology files or a built graph)."""
    from rdflib import RDF, Literal, URIRef

    skos = {name: URIRef(SKOS + name) for name in ("Concept", "prefLabel", "altLabel", "broader")}
    concepts = []
    for iri in sorted({s for s in graph.subjects(RDF.type, skos["Concept"]) if isinstance(s, URIRef)}):
        scheme = scheme_of(str(iri), {str(t) for t in graph.objects(iri, RDF.type)})
        label = english(graph.objects(iri, skos["prefLabel"]))
        if scheme is None or label is None:
            continue
        trial = graph.value(iri, URIRef(LG + "isTrialEvidence"))
        concepts.append(Concept(
            iri=str(iri), scheme=scheme, label=label,
            alt_labels=tuple(sorted(str(a) for a in graph.objects(iri, skos["altLabel"]))),
            broader=tuple(sorted(str(b) for b in graph.objects(iri, skos["broader"]))),
            domains=tuple(sorted(str(d) for d in graph.objects(iri, URIRef(LG + "inDomain")))),
            is_trial_evidence=trial.toPython() if isinstance(trial, Literal) else None,
        ))
    return ConceptIndex(concepts)


def scheme_of(iri: str, types: set[str]) -> str | None:
    """The scheme a concept belongs to: from its lg: class, else from its IRI."""
    for name, scheme in SCHEME_CLASSES.items():
        if LG + name in types:
            return scheme
    if iri.startswith(CONCEPT_PREFIX):
        head = iri[len(CONCEPT_PREFIX):].split("/", 1)[0]
        return head if head in SCHEMES else None
    return None


def english(labels) -> str | None:
    """The English (or untagged) label among `labels`, else any, else None."""
    labels = sorted(labels, key=lambda lit: (getattr(lit, "language", None) not in ("en", None), str(lit)))
    return str(labels[0]) if labels else None


def default_vocabulary_files() -> tuple[Path, ...]:
    """The vocabulary of the project around the current folder (as the CLI finds it), else the core alone.

    For library callers that pass no files; the CLI always passes the project's files.
    """
    from ..project import find_project_or_none
    from ..resources import core_vocabulary_files

    project = find_project_or_none()
    return project.vocabulary_files() if project else core_vocabulary_files()


def ontology_graph(files: Sequence[Path] | None = None):
    """The OWL ontology and the concept schemes of `files` (Turtle), in one rdflib graph.

    Args:
        files: the core and the project's vocabulary files (Project.vocabulary_files());
            by default those of the project around the current folder.

    Raises:
        CorpusError: a file that is not valid Turtle (with its line when rdflib gives one).
    """
    from rdflib import Graph

    graph = Graph()
    for path in (default_vocabulary_files() if files is None else files):
        parse_turtle(graph, Path(path))
    return graph


def parse_turtle(graph, path: Path) -> None:
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises several unrelated types for bad Turtle
        line = re.search(r"line (\d+)", str(error))
        detail = " ".join(str(error).split())[:200]
        raise CorpusError(str(path), f"not valid Turtle: {detail}", int(line[1]) if line else None) from error


def load_concepts(files: Sequence[Path] | None = None) -> ConceptIndex:
    """The concept schemes of the vocabulary `files` (by default, the current project's)."""
    return concepts_from_graph(ontology_graph(files))


def concept_triples(graph=None) -> list:
    """The concept-scheme triples of the ontology, to add to a built graph so queries see labels and hierarchy."""
    from rdflib import RDF, URIRef

    graph = graph if graph is not None else ontology_graph()
    kinds = (URIRef(SKOS + "Concept"), URIRef(SKOS + "ConceptScheme"))
    subjects = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    return sorted(t for s in subjects for t in graph.triples((s, None, None)))
