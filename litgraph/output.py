"""Print rows for people (table) and programs (json, jsonl, csv)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

# rich draws a table only for a terminal, and only one that fits on a screen: its cost grows with
# the text (co-citation's 408 rows: 0.28 s; reference-list's 40 entries, 12k characters: 0.2 s).
RICH_MAX_ROWS = 40
RICH_MAX_CHARS = 4000
PLAIN_MAX_WIDTH = 60  # a plain column is padded to at most this width; longer cells run on, never cut


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
               out: TextIO | None = None, title: str | None = None) -> None:
    """Write `rows` (dicts keyed by `columns`) in `fmt`: table, json, jsonl or csv."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[cell(row.get(c)) for c in columns] for row in rows])
        out.write(buffer.getvalue())
    else:
        write_table(rows, columns, out, title)


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO,
                title: str | None = None) -> None:
    """A rich table on a terminal when it fits on a screen, else plain aligned columns (as fast as the CSV)."""
    if fits_a_screen(rows, columns, out):
        write_rich_table(rows, columns, out, title)
    else:
        write_plain_table(rows, columns, out, title)


def fits_a_screen(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> bool:
    if len(rows) > RICH_MAX_ROWS or not is_terminal(out):
        return False
    return sum(len(cell(row.get(c))) for row in rows for c in columns) <= RICH_MAX_CHARS


def is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def write_plain_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO,
                      title: str | None = None) -> None:
    """Columns padded to their widest cell (up to PLAIN_MAX_WIDTH), a rule under the header."""
    cells = [[cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [min(PLAIN_MAX_WIDTH, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    lines = [title] if title else []
    lines += [plain_line(list(columns), widths), plain_line(["-" * w for w in widths], widths)]
    lines += [plain_line(r, widths) for r in cells]
    out.write("\n".join(lines) + "\n")


def plain_line(values: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()


def write_rich_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO,
                     title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[cell(row.get(c)) for c in columns])
    Console(file=out).print(table)
