"""`litgraph chase`: citation chasing through the OpenCitations Index, and adding the works a curator picks."""

from __future__ import annotations

import click

from . import paths
from .options import format_option


@click.command("chase")
@click.option("--backward", is_flag=True, help="What the works cite (OpenCitations /references).")
@click.option("--forward", is_flag=True, help="What cites the works (/citations). Neither flag: both.")
@click.option("--from", "from_dois", multiple=True, metavar="DOI", help="Chase from these DOIs (repeatable).")
@click.option("--all-papers", is_flag=True, help="Chase from every paper of the corpus (the default).")
@click.option("--all-works", is_flag=True, help="Chase from every work of the graph that has a DOI.")
@click.option("--depth", type=click.IntRange(1, 2), default=1, show_default=True,
              help="2 also chases the candidates found.")
@click.option("--add", "add_dois", multiple=True, metavar="DOI",
              help="Bring these candidates in through `crossref add` instead of chasing.")
@paths.corpus_option(help="Corpus folder.")
@format_option("table", "json", "csv", default="table")
@click.option("--base-url", help="OpenCitations Index API [default: https://api.opencitations.net/index/v2, "
                                 "or base_url under [opencitations] in litgraph.toml].")
@click.option("--crossref-url", help="Crossref REST API for --add [default: as `litgraph crossref`].")
@click.option("--offline", is_flag=True, help="Answer from the cache only.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Response cache [default: ~/.cache/litgraph/opencitations].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the response cache.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True)
@click.option("--max-retries", type=click.IntRange(min=0), default=5, show_default=True)
@click.option("--backoff", type=click.FloatRange(min=0.0), default=1.0, hidden=True)
def chase_command(backward, forward, from_dois, all_papers, all_works, depth, add_dois, corpus_dir, fmt,
                  base_url, crossref_url, offline, cache_dir, no_cache, timeout, max_retries, backoff) -> None:
    """List works the project's works cite or are cited by, not yet in the graph (OpenCitations Index v2).

    Candidates come most-linked first: how many of the project's works each
    cites or is cited by. They are written to corpus/opencitations/
    (candidates.tsv, and provenance.jsonl: every link with its source, URL and
    time), apart from curated data; the graph is not changed. `--add DOI`
    brings chosen ones in through `litgraph crossref add`. Requests are
    throttled, retried (429 with Retry-After, 5xx, timeouts) and cached, so an
    interrupted run continues; the token in $LITGRAPH_OPENCITATIONS_TOKEN (or
    token under [opencitations] in litgraph.toml) is sent as `authorization`.

    Example:

        litgraph chase --backward --forward && litgraph chase --add 10.5555/walker.2013
    """
    from ..opencitations.run import add_candidates, run_chase

    tuning = {"timeout": timeout, "max_retries": max_retries, "backoff_base": backoff}
    if add_dois:
        add_candidates(corpus_dir, add_dois, fmt, crossref_url, offline, no_cache, tuning)
        return
    operations = tuple(op for op, on in (("references", backward), ("citations", forward)) if on) or (
        "references", "citations")
    run_chase(corpus_dir, operations, from_dois, all_works, depth, fmt,
              {"base_url": base_url, "cache_dir": cache_dir, "no_cache": no_cache, "offline": offline} | tuning)


COMMANDS = [chase_command]
