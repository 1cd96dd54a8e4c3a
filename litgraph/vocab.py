"""Namespaces and IRI minting shared by the graph stages (see docs/rdf-model.md)."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

LG = Namespace("https://w3id.org/litgraph/ontology#")
LGC = Namespace("https://w3id.org/litgraph/concept/")
LGD = Namespace("https://w3id.org/litgraph/id/")
FABIO = Namespace("http://purl.org/spar/fabio/")
CITO = Namespace("http://purl.org/spar/cito/")
BIRO = Namespace("http://purl.org/spar/biro/")
C4O = Namespace("http://purl.org/spar/c4o/")
CO = Namespace("http://purl.org/co/")
FRBR = Namespace("http://purl.org/vocab/frbr/core#")
PRISM = Namespace("http://prismstandard.org/namespaces/basic/2.0/")

PREFIXES = {
    "lg": LG, "lgc": LGC, "lgd": LGD, "fabio": FABIO, "cito": CITO, "biro": BIRO, "c4o": C4O,
    "co": CO, "frbr": FRBR, "prism": PRISM, "dcterms": DCTERMS, "foaf": FOAF, "prov": PROV,
    "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD,
}

WORK_CLASS = {
    "journal-article": FABIO.JournalArticle,
    "book": FABIO.Book,
    "report": FABIO.ReportDocument,
    "chapter": FABIO.BookChapter,
    "other": FABIO.Expression,
}

WORK_PREFIX = str(LGD) + "work/"


def work_iri(work_id: str) -> str:
    """The IRI of a work from its stable id (`doi/...` or `key/...`)."""
    return WORK_PREFIX + quote(work_id, safe="/:;()-._~")


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
