"""Namespaces and IRI minting shared by the graph stages (see docs/rdf-model.md).

The IRIs are plain strings here; the rdflib `Namespace` objects (`LG`, `FABIO`,
`PREFIXES`, `WORK_CLASS` ...) are made on first use (PEP 562 module `__getattr__`),
so a command that Oxigraph answers never imports rdflib (0.05-0.24 s of its start-up;
tests/test_startup.py checks it).
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import quote

NAMESPACES = {
    "LG": "https://w3id.org/litgraph/ontology#",
    "LGC": "https://w3id.org/litgraph/concept/",
    "LGD": "https://w3id.org/litgraph/id/",
    "FABIO": "http://purl.org/spar/fabio/",
    "CITO": "http://purl.org/spar/cito/",
    "BIRO": "http://purl.org/spar/biro/",
    "C4O": "http://purl.org/spar/c4o/",
    "CO": "http://purl.org/co/",
    "FRBR": "http://purl.org/vocab/frbr/core#",
    "PRISM": "http://prismstandard.org/namespaces/basic/2.0/",
}
WORK_CLASS_NAMES = {
    "journal-article": "JournalArticle",
    "book": "Book",
    "report": "ReportDocument",
    "chapter": "BookChapter",
    "other": "Expression",
}

WORK_PREFIX = NAMESPACES["LGD"] + "work/"


def work_iri(work_id: str) -> str:
    """The IRI of a work from its stable id (`doi/...` or `key/...`)."""
    return WORK_PREFIX + quote(work_id, safe="/:;()-._~")


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def __getattr__(name: str) -> Any:
    """`LG`, `FABIO` ..., `PREFIXES` and `WORK_CLASS` as rdflib terms, made (and kept) on first use."""
    if name not in NAMESPACES and name not in ("PREFIXES", "WORK_CLASS"):  # e.g. `__path__`, asked by imports
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from rdflib import Namespace

    if name in NAMESPACES:
        value: Any = Namespace(NAMESPACES[name])
    elif name == "PREFIXES":
        value = rdflib_prefixes()
    else:
        fabio = Namespace(NAMESPACES["FABIO"])
        value = {kind: fabio[local] for kind, local in WORK_CLASS_NAMES.items()}
    globals()[name] = value
    return value


def rdflib_prefixes() -> dict[str, Any]:
    from rdflib import Namespace
    from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

    own = {name.lower(): Namespace(iri) for name, iri in NAMESPACES.items()}
    return {**own, "dcterms": DCTERMS, "foaf": FOAF, "prov": PROV, "rdf": RDF, "rdfs": RDFS,
            "skos": SKOS, "xsd": XSD}
