"""`litgraph changes`: what the last build changed, or what changed since an earlier build or date."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import StoreMissingError
from .options import build_dir_option, format_option

COLUMNS = ["change", "subject", "title", "field", "before", "after", "entries", "reasons", "detail"]
TABLE_COLUMNS = ["change", "subject", "field", "before", "after", "detail"]


@click.command()
@build_dir_option
@click.option("--since", metavar="BUILD|DATE",
              help="Compare with this build (an id from --list, its start, or its digest) or with the last "
                   "build made on or before this date (YYYY-MM-DD) instead of the previous build.")
@click.option("--list", "list_builds", is_flag=True, help="List the builds kept, oldest first.")
@format_option("table", "json", "csv", default="table")
def changes(build_dir: str, since: str | None, list_builds: bool, fmt: str) -> None:
    """Say what differs between the live build and the previous one (or --since).

    Works added, merged, split or removed (with their entries and the identity
    decisions behind them), metadata changed field by field, DOIs matched or
    rejected, citation counts changed, findings added or changed. Every build
    keeps its record in build/history/.

    Example:

        litgraph changes --since 2026-01-31 --format json
    """
    from ..changes import compare, summary_line
    from ..changes.history import baseline, current_manifest, history

    current = current_manifest(Path(build_dir))
    if current is None:
        raise StoreMissingError(f"no build with a change record in {build_dir}/: run `litgraph build` first")
    if list_builds:
        write_builds(history(Path(build_dir)), current, fmt)
        return
    comparison = compare(baseline(Path(build_dir), current, since), current)
    if since and comparison.before is None:
        click.echo(f"litgraph: no build kept on or before {since}; comparing with nothing", err=True)
    write_changes(comparison, summary_line(comparison), fmt)


def write_changes(comparison, line: str, fmt: str) -> None:
    from ..output import write_rows

    rows = [c.as_dict() for c in comparison.changes]
    if fmt == "json":
        click.echo(json.dumps({"from": comparison.before, "to": comparison.after, "summary": line,
                               "changes": rows}, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_rows([dict(r, entries="; ".join(r["entries"]), reasons=" | ".join(r["reasons"])) for r in rows],
                   COLUMNS, "csv")
    else:
        click.echo(f"{comparison.before or '(nothing)'} -> {comparison.after}: {line}")
        if rows:
            write_rows([dict(r, subject=r["subject"] + (f" ({r['title']})" if r["title"] else ""),
                             detail=r["detail"] or "; ".join(r["entries"])) for r in rows], TABLE_COLUMNS, "table")


def write_builds(builds: list[dict], current: dict, fmt: str) -> None:
    from ..output import write_rows

    rows = [{"build": m["build"], "created": m["created"], "works": len(m["works"]),
             "live": m["build"] == current["build"]} for m in builds]
    write_rows(rows, ["build", "created", "works", "live"], fmt)


COMMANDS = [changes]
