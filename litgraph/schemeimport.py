"""`litgraph vocab import FILE`: SKOS Turtle or a CSV of concepts into the project's vocabulary.

A CSV has the columns `scheme,concept,label,broader,synonyms,definition` (and
optionally `domain`, the domain slug of a factor). Synonyms are separated by
`;`. `concept` may be empty (the slug is made from the label); `broader` is the
slug of a concept of the same scheme, in the CSV or already in the vocabulary.
The concepts become the Turtle file `imported-<name>.ttl` in the project's
vocabulary folder; it is checked with the rest of the vocabulary
(`schemecheck`) before it is written, and a bad row (file, line, cause) means
nothing is written.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError, InputError
from .findings.concepts import CONCEPT_PREFIX, SCHEME_CLASSES, normalise
from .schemes import concepts_of, display, read_vocabulary

COLUMNS = ("scheme", "concept", "label", "broader", "synonyms", "definition")
OPTIONAL = ("domain",)
CLASS_OF = {scheme: cls for cls, scheme in SCHEME_CLASSES.items()}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TITLES = {"role": "Roles", "outcome": "Outcomes", "design": "Study designs", "domain": "Organisational domains",
          "factor": "Factors", "mechanism": "Change mechanisms", "setting": "Settings", "sector": "Sectors",
          "country": "Countries", "direction": "Effect directions", "polarity": "Polarities"}


@dataclass(frozen=True, slots=True)
class CsvConcept:
    scheme: str
    slug: str
    label: str
    broader: str | None
    synonyms: tuple[str, ...]
    definition: str | None
    domain: str | None
    line: int

    @property
    def iri(self) -> str:
        return f"{CONCEPT_PREFIX}{self.scheme}/{self.slug}"


def slugify(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")


def read_csv_concepts(path: Path) -> list[CsvConcept]:
    """The rows of a concepts CSV; raises CorpusError naming the first bad row (and how many more)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorpusError(str(path), f"cannot read as CSV: {error}") from error
    header = [h.strip().lower() for h in rows[0]] if rows else []
    missing = [c for c in COLUMNS if c not in header]
    if missing or not set(header) <= set(COLUMNS + OPTIONAL):
        raise CorpusError(str(path), f"the header must name the columns {','.join(COLUMNS)} "
                                     f"(optionally {','.join(OPTIONAL)}), not {','.join(header) or 'nothing'}", 1)
    return [row_concept(dict(zip(header, (v.strip() for v in row))), n, path)
            for n, row in enumerate(rows[1:], 2) if any(v.strip() for v in row)]


def row_concept(row: dict[str, str], line: int, path: Path) -> CsvConcept:
    def fail(message: str):
        raise CorpusError(str(path), message, line)

    if len(row) < len(COLUMNS):
        fail(f"{len(row)} columns, not {len(COLUMNS)}")
    if row["scheme"] not in CLASS_OF:
        fail(f"unknown scheme {row['scheme']!r} (known: {', '.join(CLASS_OF)})")
    if not row["label"]:
        fail("no label")
    slug = row["concept"] or slugify(row["label"])
    if not SLUG_RE.match(slug):
        fail(f"concept {slug!r} is not a slug (lower-case words joined by hyphens)")
    synonyms = tuple(s.strip() for s in row["synonyms"].split(";") if s.strip())
    return CsvConcept(row["scheme"], slug, row["label"], row["broader"] or None, synonyms,
                      row["definition"] or None, row.get("domain") or None, line)


def check_rows(concepts: list[CsvConcept], existing: dict[str, set[str]], labels: dict[tuple[str, str], str],
               path: Path) -> None:
    """Duplicates, clashing labels, unknown broader concepts and domains; raises on the first."""
    known = {s: set(v) for s, v in existing.items()}
    for c in concepts:
        if c.slug in known.setdefault(c.scheme, set()):
            raise CorpusError(str(path), f"{c.scheme} {c.slug!r} already exists", c.line)
        known[c.scheme].add(c.slug)
        for name in (c.slug, c.label, *c.synonyms):
            owner = labels.setdefault((c.scheme, normalise(name)), c.slug)
            if owner != c.slug:
                raise CorpusError(str(path), f"label {name!r} already names {c.scheme} {owner!r}", c.line)
    for c in concepts:
        if c.broader and c.broader not in known[c.scheme]:
            raise CorpusError(str(path), f"broader {c.broader!r} is not a {c.scheme} concept", c.line)
        if c.domain and c.domain not in known.get("domain", set()):
            raise CorpusError(str(path), f"domain {c.domain!r} is not a domain concept", c.line)


def turtle_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"@en'


def concept_turtle(c: CsvConcept) -> str:
    lines = [f"<{c.iri}> a skos:Concept , lg:{CLASS_OF[c.scheme]} ;",
             f"    skos:inScheme lgc:{c.scheme} ;", f"    skos:prefLabel {turtle_literal(c.label)} ;"]
    lines += [f"    skos:altLabel {turtle_literal(s)} ;" for s in c.synonyms]
    if c.definition:
        lines.append(f"    skos:definition {turtle_literal(c.definition)} ;")
    if c.domain:
        lines.append(f"    lg:inDomain <{CONCEPT_PREFIX}domain/{c.domain}> ;")
    if c.broader:
        lines.append(f"    skos:broader <{CONCEPT_PREFIX}{c.scheme}/{c.broader}> ;")
    else:
        lines.append(f"    skos:topConceptOf lgc:{c.scheme} ;")
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines)


def links_turtle(c: CsvConcept) -> str:
    """The inverse links stated explicitly, so queries need no inference."""
    if c.broader:
        return f"<{CONCEPT_PREFIX}{c.scheme}/{c.broader}> skos:narrower <{c.iri}> ."
    return f"lgc:{c.scheme} skos:hasTopConcept <{c.iri}> ."


def csv_turtle(concepts: list[CsvConcept], declared: set[str], source: str) -> str:
    """The Turtle file of imported concepts; schemes not yet declared in the vocabulary are declared."""
    head = [f"# Imported by `litgraph vocab import {source}`; edit freely, then run `litgraph vocab check`.",
            "@prefix lg:   <https://w3id.org/litgraph/ontology#> .",
            "@prefix lgc:  <https://w3id.org/litgraph/concept/> .",
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .", ""]
    schemes = sorted({c.scheme for c in concepts} - declared)
    body = [f'lgc:{s} a skos:ConceptScheme ;\n    skos:prefLabel "{TITLES[s]}"@en .\n' for s in schemes]
    body += [concept_turtle(c) + "\n" + links_turtle(c) + "\n" for c in concepts]
    return "\n".join(head + body)


def import_csv(path: Path, vocabulary_files: tuple[Path, ...]) -> tuple[str, int]:
    """The Turtle text for the concepts of the CSV at `path`, and their number (nothing is written here)."""
    concepts = read_csv_concepts(path)
    if not concepts:
        raise CorpusError(str(path), "no concepts to import")
    vocab = read_vocabulary(vocabulary_files)
    existing: dict[str, set[str]] = {}
    labels: dict[tuple[str, str], str] = {}
    for c in concepts_of(vocab):
        existing.setdefault(c.scheme, set()).add(c.slug)
        for name in (c.slug, c.label or "", *c.alt_labels):
            labels.setdefault((c.scheme, normalise(name)), c.slug)
    check_rows(concepts, existing, labels, path)
    return csv_turtle(concepts, declared_schemes(vocab.graph), path.name), len(concepts)


def declared_schemes(graph) -> set[str]:
    from rdflib import RDF, URIRef

    kind = URIRef("http://www.w3.org/2004/02/skos/core#ConceptScheme")
    return {s for s in CLASS_OF if (URIRef(CONCEPT_PREFIX + s), RDF.type, kind) in graph}


def import_turtle(path: Path, vocabulary_files: tuple[Path, ...]) -> tuple[str, int]:
    """The text of a SKOS Turtle file, once it parses and adds no integrity problem to the vocabulary."""
    from .schemecheck import check_vocabulary

    vocab = read_vocabulary((*vocabulary_files, path))
    added = [c for c in concepts_of(vocab) if c.file == path]
    problems = [p for p in check_vocabulary(vocab) if p.file in (str(path), display(path))]
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise CorpusError(str(path), f"{first.concept}: {first.message}{more}", first.line)
    if not added:
        raise CorpusError(str(path), "no skos:Concept to import")
    return path.read_text(encoding="utf-8"), len(added)


def import_target(vocabulary_dir: Path, source: Path) -> Path:
    """vocabulary/imported-<name>.ttl for the file `source`; refuses to write over an earlier import."""
    target = vocabulary_dir / f"imported-{slugify(source.stem) or 'concepts'}.ttl"
    if target.exists():
        raise InputError(f"{target} exists already: rename {source.name}, or edit {target.name} instead")
    return target
