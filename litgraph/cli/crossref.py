"""`litgraph crossref`: keep the corpus current from Crossref (lookup, match, add, refresh)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import click

from .options import format_option
from . import paths


def crossref_options(command):
    """The options every `crossref` command takes: where Crossref is, who asks, and the cache."""
    options = [
        click.option("--base-url", help="Crossref REST API to ask [default: https://api.crossref.org, "
                                        "or base_url in the config file]."),
        click.option("--mailto", help="Contact address for Crossref's polite pool "
                                      "[default: $LITGRAPH_MAILTO, or mailto in the config file]."),
        click.option("--offline", is_flag=True, help="Answer from the cache only; say what it cannot answer."),
        click.option("--cache-dir", type=click.Path(file_okay=False),
                     help="Response cache folder [default: ~/.cache/litgraph/crossref]."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the response cache."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
                     help="Seconds to wait for each response."),
        click.option("--max-retries", type=click.IntRange(min=0), default=5, show_default=True,
                     help="Retries after a 429, 5xx, timeout or reset, with backoff and jitter."),
        click.option("--backoff", type=click.FloatRange(min=0.0), default=1.0, hidden=True,
                     help="Base backoff in seconds (tests shorten it)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


corpus_option = paths.corpus_option(help="Corpus folder.")  # the project's corpus unless given
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")


def open_client(opts: dict, progress_note=None):
    from ..crossref.client import CrossrefClient
    from ..crossref.config import resolve_settings

    settings = resolve_settings(base_url=opts["base_url"], mailto=opts["mailto"], cache_dir=opts["cache_dir"],
                                no_cache=opts["no_cache"], offline=opts["offline"], timeout=opts["timeout"],
                                max_retries=opts["max_retries"], backoff_base=opts["backoff"])
    on_retry = None
    if progress_note is not None:
        def on_retry(attempt: int, cause: str, delay: float) -> None:
            progress_note(f"Crossref: {cause}; retry {attempt} in {delay:.1f} s")
    return CrossrefClient(settings, on_retry=on_retry)


def pop_client_options(kwargs: dict) -> dict:
    names = ("base_url", "mailto", "offline", "cache_dir", "no_cache", "timeout", "max_retries", "backoff")
    return {name: kwargs.pop(name) for name in names}


def with_client_options(func):
    @functools.wraps(func)
    def wrapper(**kwargs):
        opts = pop_client_options(kwargs)
        return func(opts=opts, **kwargs)
    return wrapper


def check_corpus(corpus_dir: str) -> None:
    from ..errors import InputError

    if not Path(corpus_dir).is_dir():
        raise InputError(f"corpus folder not found: {corpus_dir}")


def echo_cost(client) -> None:
    stats = client.stats
    click.echo(f"crossref: {stats.requests} request(s), {stats.retries} retr(ies), "
               f"{stats.cache_hits} answered from the cache", err=True)


@click.group()
def crossref() -> None:
    """Keep the corpus current from Crossref: look up, match, add and refresh works.

    Every command takes --base-url, --mailto, --offline, --cache-dir and
    --no-cache. Requests follow Crossref's announced rate limits, retry with
    backoff, and are cached; Crossref's data lives in corpus/crossref/, apart
    from curated files.

    Example:

        LITGRAPH_MAILTO=me@example.org litgraph crossref match --limit 20
    """


@crossref.command()
@click.argument("doi")
@format_option("table", "json", default="table")
@crossref_options
@with_client_options
def lookup(doi: str, fmt: str, opts: dict) -> None:
    """Fetch one work from Crossref and print it as litgraph sees it.

    Fields: doi, title, authors (family, given), year, container, volume,
    issue, first_page, last_page, type, references_count,
    is_referenced_by_count, and references (the deposited list: key, doi,
    doi_asserted_by, unstructured, deposited fields, the line litgraph keeps,
    and that line parsed).

    Example:

        litgraph crossref lookup 10.1186/1472-6963-13-188 --format json
    """
    from ..crossref.add import clean_doi
    from ..crossref.errors import RecordsFailed
    from ..crossref.lookup import describe_work
    from ..crossref.normalise import work_from_crossref

    with open_client(opts) as client:
        answer = client.work(clean_doi(doi))
    if answer.status == 404:
        raise RecordsFailed(f"{doi}: Crossref has no such DOI (404)")
    view = describe_work(work_from_crossref(answer.message))
    view["retrieved"] = {"url": answer.url, "retrieved_at": answer.retrieved_at, "from_cache": answer.from_cache}
    if fmt == "json":
        click.echo(json.dumps(view, indent=2, ensure_ascii=False))
    else:
        print_work(view)


def print_work(view: dict) -> None:
    from ..output import write_rows

    skip = {"references", "retrieved"}
    rows = [{"field": k, "value": format_authors(v) if k == "authors" else v}
            for k, v in view.items() if k not in skip]
    write_rows(rows, ["field", "value"], "table", title=view["retrieved"]["url"])
    refs = [{"#": r["position"], "doi": r["doi"], "asserted by": r["doi_asserted_by"], "text": r["text"]}
            for r in view["references"]]
    if refs:
        write_rows(refs, ["#", "doi", "asserted by", "text"], "table", title="Deposited references")


def format_authors(authors: list[dict]) -> str:
    return "; ".join(a.get("literal") or f"{a['family']} {a.get('given') or ''}".strip() for a in authors)


@crossref.command()
@click.option("--ref", "ref", metavar="STRING", help="Match this one printed reference and print the decision.")
@click.option("--limit", type=click.IntRange(min=1), help="Ask about at most N undecided entries.")
@click.option("--redo", is_flag=True, help="Ask again about entries sent to review or abstained "
                                           "(never about a curator's verdict).")
@corpus_option
@format_option("table", "json", default="table")
@quiet_option
@crossref_options
@with_client_options
def match(ref, limit, redo, corpus_dir, fmt, quiet, opts) -> None:
    """Find DOIs for printed references without one, accepting only validated matches.

    Each string is sent as query.bibliographic; every hit is validated field
    by field (title similarity, first author, year, volume, first page). A
    DOI is accepted only above the threshold; near-misses go to
    corpus/crossref/review.yaml for a curator (verdict: accept | reject);
    otherwise litgraph abstains. Decisions are kept in
    corpus/crossref/matches.yaml and never asked again. With --ref, one
    string is matched and the decision printed: decision, doi (null unless
    accepted), score, validation and candidates.

    Examples:

        litgraph crossref match --ref "Corrigan PW: Impact of consumer-operated services ... 2006, 57: 1493-1496." --format json

        litgraph crossref match --limit 50
    """
    if ref is not None:
        match_single(ref, fmt, opts)
    else:
        match_corpus(corpus_dir, limit, redo, fmt, quiet, opts)


def match_single(ref: str, fmt: str, opts: dict) -> None:
    from ..crossref.match import match_reference
    from ..errors import InputError
    from ..parse import parse_reference
    from ..output import write_rows

    if not ref.strip():
        raise InputError("--ref needs a printed reference string")
    with open_client(opts) as client:
        decision, _ = match_reference(client, ref.strip(), parse_reference(ref.strip()))
    result = decision.as_dict()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"{result['decision']}: {result['doi'] or '-'} (score {result['score']:.2f}; {result['reason']})")
    if result["validation"]:
        click.echo("validation: " + ", ".join(f"{k}={v}" for k, v in result["validation"].items()))
    write_rows(result["candidates"], ["doi", "score", "title"], "table", title="Candidates")


def match_corpus(corpus_dir: str, limit, redo: bool, fmt: str, quiet: bool, opts: dict) -> None:
    from ..crossref.match import plan_match, run_match
    from ..crossref.progress import RunProgress

    check_corpus(corpus_dir)
    plan = plan_match(corpus_dir, limit, redo)
    progress = None
    with open_client(opts, progress_note=lambda m: progress and progress.note(m)) as client:
        with RunProgress("matching", len(plan.pending), client.stats.rate, quiet) as progress:
            summary = run_match(corpus_dir, plan, client, on_item=lambda s: progress.advance(
                f"accepted {s.run['accepted']} · review {s.run['review']} · abstained {s.run['abstained']}"))
        echo_cost(client)
    print_summary(summary.as_dict(), fmt, f"litgraph crossref match -> {corpus_dir}/crossref/")
    report_problems(summary.unanswered, summary.failures)


def print_summary(summary: dict, fmt: str, title: str) -> None:
    from ..output import write_rows

    if fmt == "json":
        click.echo(json.dumps(summary, indent=2))
        return
    rows = []
    for key, value in summary.items():
        items = value.items() if isinstance(value, dict) else [("", value)]
        rows += [{"measure": " ".join(filter(None, (key, sub))).replace("_", " "), "value": v} for sub, v in items]
    write_rows(rows, ["measure", "value"], "table", title=title)


def report_problems(unanswered: list[str], failures: list[tuple[str, str]]) -> None:
    from ..crossref.errors import RecordsFailed

    for key in unanswered:
        click.echo(f"not answered (offline, not in the cache): {key}", err=True)
    for key, cause in failures:
        click.echo(f"failed: {key}: {cause}", err=True)
    parts = [f"{len(unanswered)} record(s) not answered (offline, not in the cache)" if unanswered else "",
             f"{len(failures)} record(s) failed" if failures else ""]
    if unanswered or failures:
        raise RecordsFailed("; ".join(p for p in parts if p))


@crossref.command()
@click.argument("dois", nargs=-1, required=True)
@corpus_option
@format_option("table", "json", default="table")
@quiet_option
@crossref_options
@with_client_options
def add(dois, corpus_dir, fmt, quiet, opts) -> None:
    """Add papers by DOI, with their metadata and deposited reference lists.

    Each paper is written under corpus/crossref/ (papers/, references/,
    provenance/) in the curated formats, so the build reads it like a seed
    paper and its references join existing works by the identity rules. A
    DOI that is a curated seed paper, or was added before, is skipped.

    Example:

        litgraph crossref add 10.1176/appi.ps.57.10.1493 10.3109/09638237.2011.583947
    """
    from ..crossref.add import add_papers
    from ..crossref.progress import RunProgress
    from ..output import write_rows

    check_corpus(corpus_dir)
    progress = None
    with open_client(opts, progress_note=lambda m: progress and progress.note(m)) as client:
        with RunProgress("adding", len(dois), client.stats.rate, quiet) as progress:
            outcomes = add_papers(corpus_dir, list(dois), client, on_item=lambda o: progress.advance(o.status))
        echo_cost(client)
    rows = [o.as_dict() for o in outcomes]
    write_rows(rows, ["doi", "status", "references", "detail"], fmt)
    failed = [(o.doi, o.detail) for o in outcomes if o.status == "failed"]
    report_problems([], failed)


@crossref.command()
@click.option("--only-papers", is_flag=True, help="Only the seed and added papers, not every DOI in the lists.")
@click.option("--limit", type=click.IntRange(min=1), help="Refresh at most N DOIs.")
@corpus_option
@format_option("table", "json", default="table")
@quiet_option
@crossref_options
@with_client_options
def refresh(only_papers, limit, corpus_dir, fmt, quiet, opts) -> None:
    """Refresh metadata and citation counts for every work with a DOI.

    Each DOI's is-referenced-by-count is appended to
    corpus/crossref/citation-counts.tsv with its date and source (history is
    kept); metadata goes to corpus/crossref/metadata.jsonl, and added papers'
    records are updated. Curated records are never changed. A DOI already
    refreshed today is skipped, so an interrupted run continues.

    Example:

        litgraph crossref refresh --only-papers
    """
    from ..crossref.progress import RunProgress
    from ..crossref.refresh import known_dois, not_refreshed_today, run_refresh

    check_corpus(corpus_dir)
    dois = known_dois(corpus_dir, only_papers)[:limit]
    progress = None
    with open_client(opts, progress_note=lambda m: progress and progress.note(m)) as client:
        todo = len(not_refreshed_today(corpus_dir, dois, client.settings.base_url))
        with RunProgress("refreshing", todo, client.stats.rate, quiet) as progress:
            summary = run_refresh(corpus_dir, client, dois, on_item=lambda s: progress.advance(
                f"counted {s.run['counted']}"))
        echo_cost(client)
    print_summary(summary.as_dict(), fmt, f"litgraph crossref refresh -> {corpus_dir}/crossref/")
    report_problems(summary.unanswered, summary.failures)


COMMANDS = [crossref]
