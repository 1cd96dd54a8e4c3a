"""Check a built graph: SHACL shapes (pySHACL) and OWL consistency (owlready2 + HermiT).

Every problem becomes a `Violation` that names the corpus file to fix: a finding
through its lg:codedInFile and id, a list entry through its paper's list file and
printed position, a work through the entries (or the seed-paper record) it comes
from. The shapes are ontology/shapes/litgraph-shapes.ttl; the ontology (the core
ontology/*.ttl and the project's vocabulary files) is mixed into the data for
sh:class and given to HermiT.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus import Corpus, load_corpus
from ..errors import CorpusError, StoreMissingError
from ..resources import data_dir
from .load import display_path
from .owl import OwlResult, check_consistency

FINDING_PREFIX = "https://w3id.org/litgraph/id/finding/"
WORK_PREFIX = "https://w3id.org/litgraph/id/work/"
ENTRY_RE = re.compile(r"^(?P<paper>.+)/(?P<list>references|cited-by)/(?P<position>\d+)(?:/parsed)?$")
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Violation:
    check: str  # "shacl" | "owl"
    file: str | None
    line: int | None
    item: str
    message: str
    focus: str

    def as_dict(self) -> dict[str, object]:
        return {"check": self.check, "file": self.file, "line": self.line, "item": self.item,
                "message": self.message, "focus": self.focus}


@dataclass(frozen=True, slots=True)
class ValidationReport:
    violations: tuple[Violation, ...]
    owl: OwlResult
    shacl_seconds: float
    triples: int

    @property
    def clean(self) -> bool:
        return not self.violations and self.owl.status in ("consistent", "skipped")

    def as_dict(self) -> dict[str, object]:
        return {"clean": self.clean, "triples": self.triples,
                "shacl": {"violations": sum(v.check == "shacl" for v in self.violations),
                          "seconds": round(self.shacl_seconds, 2)},
                "owl": {"status": self.owl.status, "detail": self.owl.detail,
                        "seconds": round(self.owl.seconds, 2)},
                "violations": [v.as_dict() for v in self.violations]}


def load_built_graph(build_dir: str | Path):
    from rdflib import Graph

    path = Path(build_dir) / "litgraph.nt"
    if not path.is_file():
        raise StoreMissingError(f"no built graph at {path}: run `litgraph build` first")
    graph = Graph()
    graph.parse(path, format="nt")
    return graph


def shapes_graph():
    from rdflib import Graph

    return Graph().parse(data_dir("ontology") / "shapes" / "litgraph-shapes.ttl", format="turtle")


def validate_graph(graph, corpus_dir: str | Path | None = None, owl: bool = True,
                   progress: Progress = lambda _: None,
                   vocabulary: Sequence[Path] | None = None) -> ValidationReport:
    """SHACL and (unless `owl` is False) OWL consistency over `graph`, mapped back to `corpus_dir`.

    `vocabulary` is the ontology and concept-scheme files (Project.vocabulary_files());
    by default those of the project around the current folder.
    """
    from .concepts import ontology_graph

    ontology = ontology_graph(vocabulary)
    locate = Locator(graph, corpus_dir)
    progress("checking SHACL shapes")
    started = time.monotonic()
    violations = shacl_violations(graph, ontology, locate)
    shacl_seconds = time.monotonic() - started
    if owl:
        progress("checking OWL consistency (HermiT)")
        result = check_consistency(graph, ontology)
    else:
        result = OwlResult("skipped", "OWL consistency not checked (asked not to)")
    violations += [Violation("owl", *locate(p.focus), p.message, p.focus) for p in result.problems]
    if result.status == "inconsistent" and not result.problems:
        violations.append(Violation("owl", None, None, "graph", result.detail, ""))
    violations.sort(key=lambda v: (v.file or "~", v.line or 0, v.item, v.message))
    return ValidationReport(tuple(violations), result, shacl_seconds, len(graph))


def shacl_violations(graph, ontology, locate: Locator) -> list[Violation]:
    from pyshacl import validate
    from rdflib import SH

    conforms, results, _ = validate(graph, shacl_graph=shapes_graph(), ont_graph=ontology,
                                    inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in results.subjects(SH.focusNode, None):
        focus = results.value(result, SH.focusNode)
        message = str(results.value(result, SH.resultMessage) or "does not conform")
        value = results.value(result, SH.value)
        if value is not None and value != focus:
            message += f" (value: {value})"
        out.append(Violation("shacl", *locate(str(focus)), message, str(focus)))
    return out


class Locator:
    """Maps a node of the graph to (corpus file, line, item description)."""

    def __init__(self, graph, corpus_dir: str | Path | None) -> None:
        self.graph = graph
        self.root = Path(corpus_dir) if corpus_dir else None
        self.corpus = self._load_corpus()
        self.entries = {(e.paper_doi.lower(), e.list, e.position): e for e in (self.corpus.entries if self.corpus else ())}

    def _load_corpus(self) -> Corpus | None:
        if self.root is None or not (self.root / "papers").is_dir():
            return None
        try:
            return load_corpus(self.root)
        except CorpusError:
            return None

    def __call__(self, focus: str) -> tuple[str | None, int | None, str]:
        if focus.startswith(FINDING_PREFIX):
            return self.finding(focus)
        match = ENTRY_RE.match(focus)
        if match and match["paper"].startswith(WORK_PREFIX):
            return self.entry(match["paper"], match["list"], int(match["position"]))
        if focus.startswith(WORK_PREFIX):
            return self.work(focus)
        return None, None, focus

    def finding(self, focus: str) -> tuple[str | None, int | None, str]:
        from rdflib import URIRef

        finding_id = focus[len(FINDING_PREFIX):]
        coded_in = self.graph.value(URIRef(focus), URIRef("https://w3id.org/litgraph/ontology#codedInFile"))
        named = str(coded_in).removeprefix("corpus/") if coded_in else None
        candidates = [self.root / named] if named and self.root else []
        if self.root:
            candidates += sorted((self.root / "findings").glob("*.yaml"))
        for path in candidates:
            line = line_of_id(path, finding_id)
            if line is not None:
                return display_path(self.root, path), line, f"finding {finding_id}"
        return (str(coded_in) if coded_in else None), None, f"finding {finding_id}"

    def entry(self, paper: str, list_path: str, position: int) -> tuple[str | None, int | None, str]:
        from rdflib import URIRef
        from rdflib.namespace import Namespace

        doi = self.graph.value(URIRef(paper), Namespace("http://prismstandard.org/namespaces/basic/2.0/").doi)
        list_name = "references" if list_path == "references" else "cited_by"
        item = f"{list_path} entry {position} of {doi or paper}"
        entry = self.entries.get((str(doi).lower(), list_name, position)) if doi else None
        if entry is None or self.root is None:
            return None, None, item
        return display_path(self.root, Path(entry.path)), entry.line, item

    def work(self, focus: str) -> tuple[str | None, int | None, str]:
        from rdflib import URIRef
        from rdflib.namespace import PROV

        item = f"work {focus[len(WORK_PREFIX):]}"
        for member in sorted(str(m) for m in self.graph.objects(URIRef(focus), PROV.wasDerivedFrom)):
            match = ENTRY_RE.match(member)
            if match:
                file, line, _ = self.entry(match["paper"], match["list"], int(match["position"]))
                if file:
                    return file, line, item
        return self.paper_record(focus) + (item,)

    def paper_record(self, focus: str) -> tuple[str | None, int | None]:
        """A seed paper's own record, corpus/papers/<slug>.yaml."""
        from rdflib import URIRef
        from rdflib.namespace import Namespace

        doi = self.graph.value(URIRef(focus), Namespace("http://prismstandard.org/namespaces/basic/2.0/").doi)
        papers = {p.doi.lower(): p for p in (self.corpus.papers if self.corpus else ())}
        paper = papers.get(str(doi).lower()) if doi else None
        if paper is None or self.root is None:
            return None, None
        return display_path(self.root, self.root / "papers" / f"{paper.slug}.yaml"), None


def line_of_id(path: Path, finding_id: str) -> int | None:
    """The line of `id: <finding_id>` in a findings file, if the file has it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*-?\s*id:\s*[\"']?{re.escape(finding_id)}[\"']?\s*(#.*)?$")
    return next((n for n, text in enumerate(lines, 1) if pattern.match(text)), None)
