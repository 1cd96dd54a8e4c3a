"""The build's output stage: sorted N-Triples, Turtle and the Oxigraph store, as one generation.

`write_generation` writes the three into one generation folder;
`write_outputs` does it under the build folder's lock and publishes the result
(see generations.py for the layout and why the three always move together).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .atomic import atomic_path, write_lines_atomic
from .buildlock import build_lock
from .generations import prepare_build_dir, staged_generation


def write_outputs(triples: Iterable, out_dir: str | Path) -> int:
    """Write litgraph.nt, litgraph.ttl and store/ of `out_dir` from `triples` (an iterable or a Graph).

    Waits for any build holding the folder's lock. Returns the number of distinct triples.
    """
    out_dir = Path(out_dir)
    with build_lock(out_dir):
        prepare_build_dir(out_dir)
        with staged_generation(out_dir) as generation:
            return write_generation(triples, generation)


def write_generation(triples: Iterable, folder: Path) -> int:
    """Write folder/litgraph.nt, litgraph.ttl and the store from `triples`; return the triple count."""
    from .store import OxigraphStore

    lines = sorted_ntriples(triples)
    write_lines_atomic(folder / "litgraph.nt", lines)
    count = len(lines)
    del lines
    write_turtle(folder / "litgraph.nt", folder / "litgraph.ttl")
    OxigraphStore.create(folder / "store", folder / "litgraph.nt")
    return count


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

    Lines are made per triple (rdflib's own N-Triples row), never by splitting serialised
    text: a literal may hold U+2028 or a form feed, which `str.splitlines` would cut.
    """
    from rdflib.plugins.serializers.nt import _nt_row

    return sorted({_nt_row(triple) for triple in triples})
