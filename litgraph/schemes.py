"""A project's SKOS concept schemes as plain records, with the file and line each concept is written at.

`read_vocabulary(files)` parses the core and project vocabulary files one by one,
so every concept and scheme keeps the file it comes from; rdflib keeps no lines,
so a line is found by searching that file for the subject's IRI or prefixed name
(`line_of_term`). `scheme_summaries` and `scheme_tree` are what `litgraph vocab`
prints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .findings.concepts import CONCEPT_PREFIX, SCHEME_CLASSES, english, parse_turtle, scheme_of

SKOS = "http://www.w3.org/2004/02/skos/core#"
MAPPINGS = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
PREFIX_RE = re.compile(r"^\s*@prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.M)


@dataclass(frozen=True, slots=True)
class VocabConcept:
    """One concept as written: labels, synonyms, definition, broader concepts and mappings."""

    iri: str
    scheme: str | None
    label: str | None
    alt_labels: tuple[str, ...]
    definition: str | None
    broader: tuple[str, ...]
    mappings: tuple[tuple[str, str], ...]  # (skos property local name, target)
    file: Path

    @property
    def slug(self) -> str:
        return self.iri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The merged rdflib graph of the files, and which file each subject was first written in."""

    graph: object
    origin: dict
    files: tuple[Path, ...]


def read_vocabulary(files: Sequence[Path]) -> Vocabulary:
    """Parse `files` (Turtle) into one graph, remembering each subject's first file."""
    from rdflib import Graph

    merged, origin = Graph(), {}
    for path in files:
        part = Graph()
        parse_turtle(part, Path(path))
        for subject in part.subjects():
            origin.setdefault(subject, Path(path))
        merged += part
    return Vocabulary(merged, origin, tuple(Path(p) for p in files))


def concepts_of(vocab: Vocabulary) -> list[VocabConcept]:
    """Every skos:Concept of the vocabulary, sorted by IRI."""
    from rdflib import RDF, URIRef

    graph = vocab.graph
    subjects = {s for s in graph.subjects(RDF.type, URIRef(SKOS + "Concept")) if isinstance(s, URIRef)}
    return [concept_record(graph, s, vocab.origin.get(s)) for s in sorted(subjects)]


def concept_record(graph, iri, file: Path | None) -> VocabConcept:
    from rdflib import RDF, URIRef

    def values(name: str) -> list[str]:
        return sorted(str(o) for o in graph.objects(iri, URIRef(SKOS + name)))

    in_scheme = values("inScheme")
    scheme = scheme_of(str(iri), {str(t) for t in graph.objects(iri, RDF.type)})
    if scheme is None and in_scheme and in_scheme[0].startswith(CONCEPT_PREFIX):
        scheme = in_scheme[0][len(CONCEPT_PREFIX):]
    definition = english(graph.objects(iri, URIRef(SKOS + "definition")))
    return VocabConcept(
        iri=str(iri), scheme=scheme, label=english(graph.objects(iri, URIRef(SKOS + "prefLabel"))),
        alt_labels=tuple(values("altLabel")), definition=definition, broader=tuple(values("broader")),
        mappings=tuple((m, v) for m in MAPPINGS for v in values(m)), file=file or Path("?"))


def scheme_summaries(vocab: Vocabulary) -> list[dict]:
    """One row per scheme of the project: name, label, number of concepts, the files it is written in."""
    from rdflib import URIRef

    concepts = concepts_of(vocab)
    rows = []
    for name in SCHEME_CLASSES.values():
        members = [c for c in concepts if c.scheme == name]
        scheme = URIRef(CONCEPT_PREFIX + name)
        label = english(vocab.graph.objects(scheme, URIRef(SKOS + "prefLabel")))
        files = sorted({display(c.file) for c in members} | ({display(vocab.origin[scheme])} if scheme in vocab.origin else set()))
        rows.append({"scheme": name, "label": label, "concepts": len(members),
                     "top": sum(not c.broader for c in members), "files": files})
    return rows


def scheme_tree(vocab: Vocabulary, scheme: str) -> list[dict]:
    """The concepts of `scheme` depth-first (children under their broader concept, by label), with depth."""
    members = {c.iri: c for c in concepts_of(vocab) if c.scheme == scheme}
    children: dict[str | None, list[VocabConcept]] = {}
    for concept in members.values():
        parents = [p for p in concept.broader if p in members] or [None]
        for parent in parents:
            children.setdefault(parent, []).append(concept)
    rows: list[dict] = []
    walk(children, None, 0, rows, set())
    return rows


def walk(children, parent, depth: int, rows: list[dict], seen: set) -> None:
    for concept in sorted(children.get(parent, []), key=lambda c: ((c.label or c.slug).casefold(), c.iri)):
        rows.append(tree_row(concept, depth))
        if concept.iri not in seen:  # a cycle is reported by `vocab check`, not followed here
            walk(children, concept.iri, depth + 1, rows, seen | {concept.iri})


def tree_row(concept: VocabConcept, depth: int) -> dict:
    return {"concept": concept.slug, "label": concept.label, "depth": depth,
            "broader": [b.rsplit("/", 1)[-1] for b in concept.broader],
            "synonyms": list(concept.alt_labels), "definition": concept.definition,
            "mappings": [f"{kind}:{target}" for kind, target in concept.mappings], "iri": concept.iri,
            "file": display(concept.file)}


def display(path: Path) -> str:
    """A path relative to the current folder when it is below it, else as given."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def file_prefixes(text: str) -> dict[str, str]:
    """The @prefix declarations of a Turtle text: {prefix: namespace}."""
    return {(m[1] or ""): m[2] for m in PREFIX_RE.finditer(text)}


def line_of_term(path: Path, iri: str, after: int = 0, as_subject: bool = False) -> int | None:
    """The first line (after line `after`) that writes `iri` in full or as a prefixed name.

    With `as_subject`, a line that starts with it (where Turtle puts a subject) wins over other mentions.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    tokens = [re.escape(f"<{iri}>")] + [
        rf"(?<![\w:-]){re.escape(prefix)}:{re.escape(iri[len(ns):])}(?![\w-])"
        for prefix, ns in file_prefixes("\n".join(lines)).items() if ns and iri.startswith(ns) and len(iri) > len(ns)]
    pattern = re.compile("|".join(tokens))
    found = [(n, line) for n, line in enumerate(lines, 1)
             if n > after and not line.lstrip().startswith("#") and pattern.search(line)]
    starts = [n for n, line in found if as_subject and pattern.match(line)]
    return (starts or [n for n, _ in found] or [None])[0]
