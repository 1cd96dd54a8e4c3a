"""`litgraph report`: the evidence in the graph as a self-contained static site."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from .options import build_dir_option, format_option, open_graph, store_option
from .paths import site_default, style_default


@click.command()
@click.option("--out", "out_dir", default=None, callback=site_default, type=click.Path(file_okay=False),
              help="Folder to write the site to; replaced whole (only if it holds a litgraph report or is empty)  "
                   "[default: site/ in the project's build folder].")
@click.option("--style", default=None, callback=style_default,
              help="CSL style of the formatted references (see `litgraph cite --style list`)  "
                   "[default: the project's style, else apa].")
@build_dir_option
@store_option
@format_option("table", "json", default="table")
def report(out_dir: str, style: str, build_dir: str, store_kind, fmt: str) -> None:
    """Write a static site of the evidence: overview, evidence map, equivocal outcomes, pages per factor, outcome and work.

    The site is plain HTML and CSS with a little JavaScript for the search; it
    loads nothing from the network, so it can be opened from disk, copied, or
    served by `litgraph serve`. Each map cell links to the findings behind it,
    with references in the chosen CSL style and BibTeX and CSV downloads. The
    folder is written to a temporary sibling and swapped in whole.

    Examples:

        litgraph report --out build/site --style apa

        litgraph report --out review-site --style nlm-citation-sequence
    """
    from ..cite.styled import style_path
    from ..report import build_report
    from ..report.site import check_target
    from .graph import make_progress

    style_path(style)  # an unknown style or a folder that is not a report fails before any work
    check_target(Path(out_dir))
    started = time.perf_counter()
    store = open_graph(store_kind, build_dir)
    local = getattr(store_kind, "endpoint", None) is None
    summary = build_report(store, out_dir, style, build_dir if local else None, make_progress())
    result = summary.as_dict() | {"seconds": round(time.perf_counter() - started, 2)}
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(f"litgraph report: {result['pages']} pages ({result['files']} files) in "
                   f"{result['seconds']} s -> {result['index']}")


COMMANDS = [report]
