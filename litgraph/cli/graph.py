"""Commands over the built graph: build, works, query, headline."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import QueryError
from .options import (build_dir_option, corpus_option, format_option, open_graph, project_setting, store_option,
                      vocabulary_files)
from .paths import key_format_default


@click.command()
@corpus_option(help="Corpus folder to build from.")
@build_dir_option
@format_option("table", "json", default="table")
@click.option("--show-warnings", is_flag=True, help="List every parse and identity warning.")
@click.option("--no-wait", is_flag=True,
              help="If another build is writing the build folder, fail at once (exit 2) instead of waiting.")
@click.option("--key-format", metavar="PATTERN", default=None,
              help="How new citation keys are minted, e.g. '[auth:lower][year][shorttitle:1]' "
                   "[default: the project's key_format, else [auth:lower][year][shorttitle:1:lower]].")
@click.option("--model", "parser_model", type=click.Path(dir_okay=False), default=None,
              callback=project_setting("parser_model", None),
              help="A CRF reference-parser model to read printed strings with (`litgraph refs train`) "
                   "[default: the project's parser_model, else the shipped model].")
def build(corpus_dir: str, build_dir: str, fmt: str, show_warnings: bool, no_wait: bool,
          key_format: str | None, parser_model: str | None) -> None:
    """Build the graph from the corpus: build/litgraph.ttl, .nt and the embedded store.

    Prints a summary: papers, reference entries, works, works cited by two or
    more lists, citations and warnings. The same corpus always gives
    byte-identical files. One build at a time writes a build folder: a second
    one waits (saying so on stderr), or with --no-wait exits 2. The files and
    the store are replaced together, so an interrupted build leaves the
    previous one whole.

    Example:

        litgraph build --corpus corpus --build-dir build
    """
    from ..build import build_graph

    if not Path(corpus_dir).is_dir():
        raise QueryError(f"corpus folder not found: {corpus_dir}")
    summary = build_graph(corpus_dir, build_dir, progress=make_progress(), wait=not no_wait,
                          vocabulary=vocabulary_files(corpus_dir), key_format=key_format_default(key_format),
                          parser_model=checked_model(parser_model),
                          on_wait=lambda message: click.echo(f"litgraph: {message}", err=True))
    if fmt == "json":
        click.echo(json.dumps(summary.as_dict(), indent=2))
    else:
        print_summary(summary, build_dir)
    if summary.changes:  # litgraph changes lists them; on stderr under --format json, to keep stdout JSON
        click.echo(summary.changes, err=fmt == "json")
    if show_warnings:
        for warning in summary.warnings:
            click.echo(f"warning: {warning}", err=True)


def checked_model(parser_model):
    """The model file, checked before the build starts: a bad one is one line and exit 2, not a failure mid-parse."""
    if parser_model is not None:
        from ..parse.crf.model import load_weights, model_path

        load_weights(model_path(parser_model))
    return parser_model


def make_progress():
    if not sys.stderr.isatty():
        return lambda _: None
    return lambda stage: click.echo(f"… {stage}", err=True)


def print_summary(summary, build_dir: str) -> None:
    from ..output import write_rows

    labels = {
        "papers": "papers (seed)", "reference_entries": "reference entries",
        "cited_by_entries": "cited-by entries", "library_entries": "imported library entries",
        "works": "works",
        "works_cited_by_two_or_more_lists": "works cited by 2+ lists",
        "citations": "citations (cito:cites)", "merges": "identity merges",
        "triples": "triples", "warnings": "warnings (--show-warnings lists them)",
    }
    rows = [{"measure": labels[k], "value": v} for k, v in summary.as_dict().items()]
    write_rows(rows, ["measure", "value"], "table", title=f"litgraph build -> {build_dir}/")


@click.command()
@build_dir_option
@store_option
@format_option("jsonl", "json", "table", default="jsonl")
def works(build_dir: str, store_kind: str, fmt: str) -> None:
    """List every work in the graph, with the list entries that denote it.

    Each work has id, doi, title, year, authors, type and members; a member is
    {"paper_doi", "list": "references" | "cited_by" | "paper", "position"}.

    Example:

        litgraph works --format table
    """
    from ..output import write_rows
    from ..works import read_works

    rows = read_works(open_graph(store_kind, build_dir))
    if fmt == "table":
        rows = [dict(r, authors="; ".join(a.get("literal") or f"{a['family']} {a['given'] or ''}".strip()
                                          for a in r["authors"]),
                     members=len(r["members"])) for r in rows]
        write_rows(rows, ["id", "year", "authors", "title", "members"], "table")
    else:
        write_rows(rows, ["id", "doi", "title", "year", "authors", "type", "members"], fmt)


@click.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_only", is_flag=True, help="List the named queries.")
@click.option("--file", "file", type=click.Path(dir_okay=False), help="Run a query from an .rq file.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many rows.")
@build_dir_option
@store_option
@format_option("table", "json", "csv", default="table")
def query(name, params, list_only, file, limit, build_dir, store_kind, fmt) -> None:
    """Run a named SPARQL query from queries/, or list them.

    Examples:

        litgraph query --list

        litgraph query reference-list --param paper=10.1186/1472-6963-13-188

        litgraph query most-cited --limit 10 --format json

        litgraph query --file my-query.rq --format csv
    """
    from ..output import write_rows
    from ..queries import get_query, list_queries, parse_param_args, parse_query_file, run_query

    if list_only:
        items = [q.as_dict() for q in list_queries(project_queries())]
        if fmt == "json":
            click.echo(json.dumps(items, indent=2))
        else:
            rows = [dict(i, params=", ".join(p["name"] for p in i["params"])) for i in items]
            write_rows(rows, ["name", "title", "params"], fmt)
        return
    if bool(name) == bool(file):
        raise QueryError("give a query NAME or --file PATH (see `litgraph query --list`)")
    if file and not Path(file).is_file():
        raise QueryError(f"query file not found: {file}")
    named = parse_query_file(Path(file)) if file else get_query(name, project_queries())
    result = run_query(named, open_graph(store_kind, build_dir), parse_param_args(params))
    rows = list(result.rows[:limit] if limit else result.rows)
    write_rows(rows, list(result.variables), fmt)


@click.command()
@build_dir_option
@store_option
def headline(build_dir: str, store_kind: str) -> None:
    """Print the headline answers from the built graph.

    The most-cited works, the references the seed papers share, the most
    co-cited pairs, the coded findings per organisational domain, and the
    outcomes where trials and other studies disagree.

    Example:

        litgraph headline
    """
    from ..output import write_rows
    from ..queries import get_query, run_query

    store = open_graph(store_kind, build_dir)
    shown = {
        "most-cited": (["first_author", "year", "title", "citations"], 8, "Most-cited works"),
        "shared-references": (["first_author", "year", "title", "lists"], 12,
                              "Works cited by two or more seed papers' lists"),
        "co-citation": (["author_a", "year_a", "author_b", "year_b", "count"], 8, "Most co-cited pairs"),
    }
    for name, (columns, limit, title) in shown.items():
        rows = list(run_query(get_query(name), store).rows)
        write_rows(rows[:limit], columns, "table", title=f"{title} ({count_shown(rows)})")
    print_evidence_headline(store)


def count_shown(rows: list, top: int = 1000) -> str:
    """`12 in all`, or `top 1000` for a query that stops at its top 1000 (most-cited, shared-references, co-citation)."""
    return f"top {top}" if len(rows) >= top else f"{len(rows)} in all"


def print_evidence_headline(store) -> None:
    """Findings per organisational domain (facilitators, barriers) and the equivocal outcomes."""
    from ..findings.evidence import equivocal_rows, evidence_rows
    from ..output import write_rows

    counts: dict[str, dict[str, int]] = {}
    for row in evidence_rows(store):
        if row["domain"]:
            tally = counts.setdefault(row["domain"], {"facilitator": 0, "barrier": 0, "findings": 0})
            tally["findings"] += 1
            if row["polarity"] in tally:
                tally[row["polarity"]] += 1
    domains = [{"domain": d, **t} for d, t in sorted(counts.items(), key=lambda kv: -kv[1]["findings"])]
    write_rows(domains, ["domain", "findings", "facilitator", "barrier"], "table",
               title="Coded findings by organisational domain")
    equivocal = [{"outcome": r["outcome"],
                  "trials say": "; ".join(sorted({f"{e['source']['first_author']} {e['source']['year']}: "
                                                  f"{e['direction']}" for e in r["trial_evidence"]})),
                  "other studies say": "; ".join(sorted({f"{e['source']['first_author']} {e['source']['year']}: "
                                                         f"{e['direction']}" for e in r["non_trial_evidence"]}))}
                 for r in equivocal_rows(store)]
    write_rows(equivocal, ["outcome", "trials say", "other studies say"], "table",
               title="Where randomised-trial evidence is equivocal (litgraph equivocal)")


def project_queries():
    """The project's own queries folder (`queries` in litgraph.toml), or None."""
    from .paths import project_in

    project = project_in()
    return project.queries if project is not None else None


COMMANDS = [build, works, query, headline]
