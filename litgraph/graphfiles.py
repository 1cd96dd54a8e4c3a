"""The build's output stage: sorted N-Triples, Turtle and the Oxigraph store, as one generation.

`write_generation` writes the three into one generation folder;
`write_outputs` does it under the build folder's lock and publishes the result
(see generations.py for the layout and why the three always move together).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path

from .atomic import atomic_path, write_lines_atomic
from .buildlock import build_lock
from .generations import prepare_build_dir, staged_generation
from .sorted_lines import sorted_distinct


def write_outputs(triples: Iterable, out_dir: str | Path) -> int:
    """Write litgraph.nt, litgraph.ttl and store/ of `out_dir` from `triples` (an iterable or a Graph).

    Waits for any build holding the folder's lock. Returns the number of distinct triples.
    """
    out_dir = Path(out_dir)
    with build_lock(out_dir):
        prepare_build_dir(out_dir)
        with staged_generation(out_dir) as generation:
            return write_generation(triples, generation)


def write_generation(triples: Iterable, folder: Path, progress: Callable[[str], None] = lambda _: None) -> int:
    """Write folder/litgraph.nt, litgraph.ttl and the store from `triples`; return the triple count.

    `progress` hears "writing the N-Triples and Turtle files" once the triples are made
    and sorted, and "loading the store" (the build's stage timings, `make bench`).
    """
    from .store import OxigraphStore

    count = write_ntriples(triples, folder / "litgraph.nt", progress)
    write_turtle(folder / "litgraph.nt", folder / "litgraph.ttl")
    progress("loading the store")
    OxigraphStore.create(folder / "store", folder / "litgraph.nt")
    return count


def write_ntriples(triples: Iterable, path: Path, progress: Callable[[str], None] = lambda _: None) -> int:
    """One sorted line per distinct triple, written to `path` with flat memory (`sorted_lines`); the count.

    Chunks of sorted lines are spilled beside `path` (in the generation folder, so a
    killed build's leftovers go with it) and merged while the file is written.
    """
    lines = sorted_distinct((ntriples_line(triple) for triple in triples), path.parent)
    first = next(lines, None)  # every chunk is made and sorted by now
    progress("writing the N-Triples and Turtle files")
    count = [0]

    def counted() -> Iterator[str]:
        for line in chain(() if first is None else (first,), lines):
            count[0] += 1
            yield line

    write_lines_atomic(path, counted())
    return count[0]


def write_turtle(ntriples: Path, turtle: Path) -> None:
    """Turtle with litgraph's prefixes, written by Oxigraph from the sorted N-Triples file.

    rdflib's Turtle serialiser took 400 s of a 1M-triple build (`make bench`);
    Oxigraph's takes 2 s, streaming. The sorted input keeps each subject's triples
    together and the output byte-identical for one corpus.
    """
    import pyoxigraph as ox

    from .vocab import PREFIXES

    prefixes = {name: str(namespace) for name, namespace in sorted(PREFIXES.items())}
    with atomic_path(turtle) as tmp:
        ox.serialize(ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES, lenient=True),
                     output=str(tmp), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def sorted_ntriples(triples: Iterable) -> list[str]:
    """One N-Triples line per distinct triple, sorted, so that one corpus always gives the same bytes.

    Lines are made per triple (`ntriples_line`), never by splitting serialised text:
    a literal may hold U+2028 or a form feed, which `str.splitlines` would cut.
    """
    return list(sorted_distinct(ntriples_line(triple) for triple in triples))


def ntriples_line(triple) -> str:
    r"""A triple of rdflib terms as rdflib's N-Triples row writes it, byte for byte, without its `n3()` calls.

        >>> from rdflib import Literal, URIRef
        >>> ntriples_line((URIRef("http://x/a"), URIRef("http://x/p"), Literal('say "hi"', lang="en")))
        '<http://x/a> <http://x/p> "say \\"hi\\""@en .\n'
    """
    s, p, o = triple
    predicate = PREDICATE_TEXT.get(p)
    if predicate is None:
        predicate = node_text(p)
        if len(PREDICATE_TEXT) < 10_000:  # predicates are the ontology's few; the bound is for odd input
            PREDICATE_TEXT[p] = predicate
    return f"{node_text(s)} {predicate} {object_text(o)} .\n"


def node_text(term) -> str:
    """An IRI as <...> (refused, as rdflib does, if it holds a character N-Triples forbids); a blank node as _:id."""
    if type(term).__name__ == "BNode":
        return "_:" + term
    if INVALID_IRI.search(term):
        raise ValueError(f'"{term}" does not look like a valid URI, I cannot serialize it as N-Triples')
    return f"<{term}>"


def object_text(term) -> str:
    """An IRI or blank node as `node_text`; a literal quoted as rdflib quotes it (\\, \\n, \\", \\r escaped)."""
    language = getattr(term, "language", _NOT_LITERAL)
    if language is _NOT_LITERAL:
        return node_text(term)
    text = str(term)
    if "\\" in text or "\n" in text or '"' in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if language:
        return f'"{text}"@{language}'
    if term.datatype:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


_NOT_LITERAL = object()
PREDICATE_TEXT: dict = {}
INVALID_IRI = re.compile(r'[<>" {}|\\^`]')
