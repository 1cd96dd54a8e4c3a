"""The chase command's steps: which DOIs to start from and which the graph has, ask, rank, save, print."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError


def graph_dois(corpus_dir: Path) -> tuple[list[str], set[str]]:
    """The corpus papers' DOIs and every work DOI identity knows (printed, imported or matched), lower case."""
    from ..imports.summary import resolve

    works = resolve(corpus_dir)
    papers = sorted({w.doi.lower() for w in works if w.doi and any(m.list == "paper" for m in w.members)})
    return papers, {w.doi.lower() for w in works if w.doi}


def run_chase(corpus_dir: str, operations, from_dois, all_works: bool, depth: int, fmt: str, options: dict) -> None:
    from ..doi import bare_doi
    from ..output import write_rows
    from . import store
    from .chase import chase
    from .client import OpenCitationsClient
    from .config import resolve_settings

    corpus = Path(corpus_dir)
    papers, known = graph_dois(corpus)
    bad = [d for d in from_dois if not bare_doi(d)]
    if bad:
        raise InputError(f"--from {bad[0]}: not a DOI")
    start = [bare_doi(d) for d in from_dois] or (sorted(known) if all_works else papers)
    with OpenCitationsClient(resolve_settings(**options)) as client:
        result = chase(client.ask, start, known, operations, depth)
        stats = client.stats
    store.save(corpus, result)
    click.echo(f"opencitations: {len(result.start)} works chased, {len(result.links)} links, "
               f"{len(result.candidates)} candidates not in the graph; {stats.requests} request(s), "
               f"{stats.retries} retr(ies), {stats.cache_hits} from the cache; "
               f"saved in {store.folder(corpus)}/", err=True)
    write_rows([c.as_dict() for c in result.candidates], store.COLUMNS, fmt)


def add_candidates(corpus_dir: str, dois, fmt: str, crossref_url, offline: bool, no_cache: bool, tuning) -> None:
    """`chase --add`: the same path as `litgraph crossref add`."""
    from ..crossref.add import add_papers
    from ..crossref.client import CrossrefClient
    from ..crossref.config import resolve_settings
    from ..output import write_rows

    settings = resolve_settings(base_url=crossref_url, offline=offline, no_cache=no_cache, **tuning)
    with CrossrefClient(settings) as client:
        outcomes = add_papers(corpus_dir, list(dois), client)
    write_rows([o.as_dict() for o in outcomes], ["doi", "status", "references", "detail"], fmt)
    if any(o.status == "failed" for o in outcomes):
        from ..errors import EXIT_PARTIAL

        raise SystemExit(EXIT_PARTIAL)
