"""`litgraph import`: bring an author's own library into the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..errors import EXIT_PARTIAL, InputError
from .paths import corpus_option


@click.group("import")
def import_group() -> None:
    """Import references from other tools into the corpus.

    Example:

        litgraph import bib my-library.bib
    """


@import_group.command("bib")
@click.argument("source", type=click.Path(dir_okay=False))
@corpus_option(help="Corpus folder to add the library to.")
@click.option("--name", help="Name of the library in the corpus (default: the file's name).")
@click.option("--replace", is_flag=True, help="Replace a library of that name already in the corpus.")
def import_bib(source: str, corpus_dir: str, name: str | None, replace: bool) -> None:
    """Add a BibTeX library to the corpus (read with bibtexparser v2).

    The file is copied verbatim to corpus/libraries/NAME.bib; the next
    `litgraph build` reads every entry and merges it with the works already in
    the graph through the work-identity rules, and a new work takes the
    library's own citation key. Entries that fail to parse, hold a byte that
    is not UTF-8, or nest braces too deep are reported with their line
    numbers and skipped (exit 1); the rest are imported, and the file is
    copied byte for byte (CRLF line ends included).

    Example:

        litgraph import bib ~/papers/peer-support.bib && litgraph build
    """
    from ..atomic import write_bytes_atomic
    from ..libraries import read_library

    path = Path(source)
    if not path.is_file():
        raise InputError(f"{source}: no such file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc}") from exc
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", name or path.stem).strip("-") or "library"
    target = Path(corpus_dir) / "libraries" / f"{slug}.bib"
    if target.exists() and not replace and target.read_bytes() != data:
        raise InputError(f"{target} already exists: choose another --name or pass --replace")
    entries, failures = read_library(path)
    write_bytes_atomic(target, data)   # verbatim: line ends and every byte as the author saved them
    for failure in failures:
        click.echo(f"{source}:{failure.line}: skipped: {failure.message}", err=True)
    click.echo(f"imported {len(entries)} entries from {source} as {target}"
               f"{f'; {len(failures)} blocks could not be parsed' if failures else ''}; "
               "run `litgraph build` to merge them into the graph")
    if failures:
        raise SystemExit(EXIT_PARTIAL)


COMMANDS = [import_group]
