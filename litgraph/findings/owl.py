"""OWL 2 consistency of a built graph with the ontology: owlready2 + HermiT, and a diagnosis.

HermiT says only *whether* the graph is consistent. When it is not, `diagnose`
looks for the usual causes in plain Python (a value whose type is disjoint with
a property's range or domain, an individual with two disjoint types, two values
of a functional datatype property) so the report can name the triple at fault.

owlready2 cannot read Turtle, so the graph is written as N-Triples to a temporary
folder first. Literals whose datatype HermiT does not support (xsd:gYear, outside
the OWL 2 datatype map) are left out: they carry no axioms the check could use.
HermiT needs `java`; without it the check is reported as skipped, not passed.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal as Kind

OWL_DATATYPES = {
    "http://www.w3.org/2001/XMLSchema#" + name for name in (
        "string", "integer", "int", "long", "short", "byte", "decimal", "double", "float", "boolean",
        "dateTime", "dateTimeStamp", "nonNegativeInteger", "positiveInteger", "negativeInteger",
        "nonPositiveInteger", "anyURI", "normalizedString", "token", "language", "Name", "NCName",
        "NMTOKEN", "hexBinary", "base64Binary", "unsignedInt", "unsignedLong", "unsignedShort",
        "unsignedByte")
} | {"http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral", "http://www.w3.org/2000/01/rdf-schema#Literal",
     "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


@dataclass(frozen=True, slots=True)
class Problem:
    """One likely cause of an inconsistency: the node at fault and what is wrong."""

    focus: str
    message: str
    path: str | None = None


@dataclass(frozen=True, slots=True)
class OwlResult:
    status: Kind["consistent", "inconsistent", "skipped", "error"]
    detail: str
    seconds: float = 0.0
    triples: int = 0
    problems: tuple[Problem, ...] = field(default=())


def reasoning_graph(data, ontology):
    """The ontology plus the data, minus literals of datatypes HermiT cannot handle."""
    from rdflib import Graph, Literal

    graph = Graph()
    graph += ontology
    for s, p, o in data:
        if isinstance(o, Literal) and o.datatype is not None and str(o.datatype) not in OWL_DATATYPES:
            continue
        graph.add((s, p, o))
    return graph


def check_consistency(data, ontology) -> OwlResult:
    """Run HermiT over ontology + data; on inconsistency, add the diagnosed problems."""
    if shutil.which("java") is None:
        return OwlResult("skipped", "OWL consistency not checked: HermiT needs java, which is not installed")
    graph = reasoning_graph(data, ontology)
    started = time.monotonic()
    status, detail = run_hermit(graph)
    seconds = time.monotonic() - started
    problems = tuple(diagnose(data, ontology)) if status == "inconsistent" else ()
    return OwlResult(status, detail, seconds, len(graph), problems)


def run_hermit(graph) -> tuple[str, str]:
    from owlready2 import World, sync_reasoner
    from owlready2.base import OwlReadyError, OwlReadyInconsistentOntologyError

    folder = Path(tempfile.mkdtemp(prefix="litgraph-owl-"))
    try:
        path = folder / "graph.nt"
        path.write_text(graph.serialize(format="nt"), encoding="utf-8")
        world = World()
        world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            sync_reasoner(world, infer_property_values=False, debug=0)
        except OwlReadyInconsistentOntologyError:
            return "inconsistent", "HermiT: the graph is inconsistent with the ontology"
        except (OwlReadyError, OSError) as exc:
            return "error", f"HermiT failed: {str(exc).strip().splitlines()[-1] if str(exc).strip() else exc}"
        finally:
            world.close()
        return "consistent", "HermiT: consistent"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def diagnose(data, ontology) -> list[Problem]:
    """Likely causes of an inconsistency, each naming the node at fault."""
    from rdflib import RDF

    supers, disjoint = superclass_closure(ontology), disjoint_pairs(ontology)

    def types(node) -> set:
        return {sup for t in data.objects(node, RDF.type) for sup in supers.get(t, {t})}

    def clash(classes: set, required):
        return next((c for c in sorted(classes) if frozenset((c, required)) in disjoint), None)

    return (range_and_domain_problems(data, ontology, types, clash)
            + disjoint_type_problems(data, types, disjoint) + functional_problems(data, ontology))


def range_and_domain_problems(data, ontology, types, clash) -> list[Problem]:
    """A value whose type is disjoint with a property's range, or a subject with its domain."""
    from rdflib import RDFS, Literal

    problems = []
    for prop, required in ontology.subject_objects(RDFS.range):
        for s, o in data.subject_objects(prop):
            bad = None if isinstance(o, Literal) else clash(types(o), required)
            if bad is not None:
                problems.append(Problem(str(s), f"{short(o)} is a {short(bad)}, but the range of "
                                                f"{short(prop)} is {short(required)}", str(prop)))
    for prop, required in ontology.subject_objects(RDFS.domain):
        for s in sorted(set(data.subjects(prop, None))):
            bad = clash(types(s), required)
            if bad is not None:
                problems.append(Problem(str(s), f"it is a {short(bad)}, but {short(prop)} applies only "
                                                f"to {short(required)}", str(prop)))
    return problems


def disjoint_type_problems(data, types, disjoint: set[frozenset]) -> list[Problem]:
    """An individual of two disjoint classes."""
    from rdflib import RDF

    problems = []
    for node in sorted(set(data.subjects(RDF.type, None))):
        classes = sorted(types(node))
        problems += [Problem(str(node), f"it is both a {short(a)} and a {short(b)}, which are disjoint")
                     for i, a in enumerate(classes) for b in classes[i + 1:] if frozenset((a, b)) in disjoint]
    return problems


def functional_problems(data, ontology) -> list[Problem]:
    """Two values of a functional datatype property (two IRIs would only be inferred the same)."""
    from rdflib import OWL, RDF

    problems = []
    for prop in ontology.subjects(RDF.type, OWL.FunctionalProperty):
        if (prop, RDF.type, OWL.DatatypeProperty) in ontology:
            for s in sorted(set(data.subjects(prop, None))):
                count = len(set(data.objects(s, prop)))
                if count > 1:
                    problems.append(Problem(str(s), f"{short(prop)} is functional but has {count} values",
                                            str(prop)))
    return problems


def superclass_closure(ontology) -> dict:
    """Each class -> itself and every class above it (rdfs:subClassOf, transitively)."""
    from rdflib import RDFS

    parents: dict = {}
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        parents.setdefault(sub, set()).add(sup)
    closure = {}
    for cls in set(parents) | {c for ps in parents.values() for c in ps}:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in parents.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = seen
    return closure


def disjoint_pairs(ontology) -> set[frozenset]:
    """Every pair of classes declared disjoint (owl:disjointWith, owl:AllDisjointClasses)."""
    from rdflib import OWL, RDF
    from rdflib.collection import Collection

    pairs = {frozenset((a, b)) for a, b in ontology.subject_objects(OWL.disjointWith)}
    for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(ontology, ontology.value(node, OWL.members)))
        pairs |= {frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:]}
    return pairs


def short(term) -> str:
    text = str(term)
    for prefix, name in (("https://w3id.org/litgraph/ontology#", "lg:"), ("http://purl.org/spar/fabio/", "fabio:"),
                         ("http://www.w3.org/2004/02/skos/core#", "skos:"), ("http://purl.org/spar/cito/", "cito:"),
                         ("http://www.w3.org/ns/prov#", "prov:"), ("https://w3id.org/litgraph/concept/", "lgc:")):
        if text.startswith(prefix):
            return name + text[len(prefix):]
    return text
