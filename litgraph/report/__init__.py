"""`litgraph report`: a self-contained static site of the evidence in the graph.

Stages, one module each:

    data         the store -> ReportData (plain values; every query run once)
    evidencemap  findings -> the two grids (domains/factors and outcomes by design) and cell membership
    refs         works -> formatted references in one CSL style
    network      seeds and citations -> the citation-network SVG
    pages_*      HTML pages (stdlib only); search: the offline index and page
    site         render every file, write the folder atomically
    server       serve a written site over HTTP (next to the SPARQL endpoint)
"""

from __future__ import annotations

from pathlib import Path


def build_report(store, out: str | Path, style: str = "apa", build_dir: str | Path | None = None,
                 progress=lambda _: None):
    """Read `store`, render the site in `style` and write it to `out`; return the SiteSummary."""
    from .data import gather
    from .site import check_target, render_site, write_site

    check_target(Path(out))  # refuse a folder that is not a report before any work
    progress("reading the graph")
    data = gather(store, build_dir)
    files = render_site(data, style, progress)
    progress(f"writing {len(files)} files")
    return write_site(files, out)


__all__ = ["build_report"]
