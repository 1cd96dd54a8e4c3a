"""`litgraph refs`: work on printed reference strings."""

from __future__ import annotations

import sys

import click

from ..errors import InputError
from .options import format_option


@click.group()
def refs() -> None:
    """Parse printed reference strings.

    Example:

        litgraph refs parse corpus/references/gillard-2014-apt.tsv --format table
    """


@refs.command("parse")
@click.argument("source", default="-", metavar="[FILE|-]")
@format_option("jsonl", "table", default="jsonl")
def parse_command(source: str, fmt: str) -> None:
    """Parse reference strings, one per line, into fields (one JSON object each).

    Blank lines and `#` comment lines are skipped; a leading `12.`, `[12]` or
    `12<TAB>` position is allowed and removed. Output keys: raw, type, authors,
    et_al, year, title, container, volume, issue, first_page, last_page,
    article_number, publisher, place, doi, warnings. Every input line gives
    one record, in input order, even when it cannot be parsed.

    Examples:

        litgraph refs parse corpus/references/gillard-2013-bmchsr.tsv

        echo "Corrigan PW: Impact of ... Psychiatr Serv. 2006, 57: 1493-1496." | litgraph refs parse -
    """
    from ..output import write_rows
    from ..parse import parse_reference, split_position

    lines = read_lines(source)
    records = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        _, text = split_position(line.strip())
        records.append(parse_reference(text).as_dict())
    if fmt == "table":
        rows = [dict(r, authors="; ".join(a.get("literal") or f"{a['family']} {a['given'] or ''}".strip()
                                          for a in r["authors"]),
                     pages="–".join(x for x in (r["first_page"], r["last_page"]) if x),
                     warnings=len(r["warnings"])) for r in records]
        write_rows(rows, ["type", "authors", "year", "title", "container", "volume", "pages",
                          "warnings"], "table")
    else:
        write_rows(records, [], "jsonl")


def read_lines(source: str) -> list[str]:
    """The input's lines, split on \\n only: a U+2028 or form feed inside a reference keeps it one line."""
    from pathlib import Path

    from ..lines import read_lines as read_file_lines, split_lines

    if source == "-":
        return split_lines(sys.stdin.read().removeprefix("\ufeff"))
    if not Path(source).exists():
        raise InputError(f"{source}: no such file")
    return read_file_lines(Path(source))


COMMANDS = [refs]
