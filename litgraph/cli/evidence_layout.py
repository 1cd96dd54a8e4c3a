"""Evidence rows for people: a table on a wide terminal, one block per finding on a narrow one.

Below `STACKED_BELOW` columns a table of eight columns breaks words mid-way and runs to
pages, so each finding becomes a block of `label: value` lines wrapped at word
boundaries (the width is $COLUMNS, else the terminal's, else 160 when not a terminal).
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

STACKED_BELOW = 120
NOT_A_TERMINAL_WIDTH = 160


def output_width(out: TextIO) -> int:
    """$COLUMNS when set, else the terminal's width, else NOT_A_TERMINAL_WIDTH."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if out.isatty():
        return shutil.get_terminal_size((NOT_A_TERMINAL_WIDTH, 24)).columns
    return NOT_A_TERMINAL_WIDTH


def wrap_field(label: str, value: str, width: int) -> list[str]:
    """`label: value`, wrapped at word boundaries, continuation lines indented under the value."""
    indent = " " * (len(label) + 2)
    wrapper = textwrap.TextWrapper(width=max(width, len(indent) + 20), initial_indent=f"{label}: ",
                                   subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    lines = []
    for number, paragraph in enumerate(str(value).split("\n")):
        wrapper.initial_indent = f"{label}: " if number == 0 else indent
        lines += wrapper.wrap(paragraph) or [wrapper.initial_indent.rstrip()]
    return lines


def stacked(rows: Sequence[dict], fields: Sequence[str], width: int, title: str | None = None) -> str:
    """One block per row: a rule naming the row, then its non-empty fields as wrapped `label: value` lines."""
    lines = [title, ""] if title else []
    for number, row in enumerate(rows, 1):
        head = f"── {number}/{len(rows)} {row.get('finding') or row.get('outcome') or ''} "
        lines.append(head + "─" * max(0, min(width, 80) - len(head)))
        for field in fields:
            if row.get(field) not in (None, "", []):
                lines += wrap_field(field, row[field], width)
        lines.append("")
    return "\n".join(lines)


def wide(rows: Sequence[dict], fields: Sequence[str], width: int, title: str | None, out: TextIO) -> None:
    """A rich table `width` wide whose columns are never narrower than their longest word."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    for field in fields:
        longest = max([len(field)] + [len(w) for r in rows for w in str(r.get(field) or "").split()])
        table.add_column(field, min_width=min(longest, width // 3), overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(f) is None else str(row[f]) for f in fields])
    Console(file=out, width=width, soft_wrap=False).print(table)


def write_people_rows(rows: Sequence[dict], fields: Sequence[str], title: str, out: TextIO | None = None) -> None:
    """Stacked blocks below STACKED_BELOW columns, else a table."""
    out = out or sys.stdout
    width = output_width(out)
    if width < STACKED_BELOW:
        out.write(stacked(rows, fields, width, title) + "\n")
    else:
        wide(rows, fields, width, title, out)
