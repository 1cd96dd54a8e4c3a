"""`litgraph import`: bring references from other tools into the corpus (RIS, CSL-JSON, MEDLINE, BibTeX, TEI)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_PARTIAL, InputError
from .paths import corpus_option

FORMAT_CHOICES = ("ris", "csl-json", "medline", "bibtex", "tei")


@click.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--as", "as_", type=click.Choice(["library", "references"]), default="library", show_default=True,
              help="A library of its own, or the reference list (in order) of the paper --paper.")
@click.option("--paper", help="With --as references: the DOI of the corpus paper whose list this is.")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES),
              help="The file's format  [default: detected from the content]")
@corpus_option(help="Corpus folder to add the file to.")
@click.option("--name", help="Name in the corpus (default: the file's name; one file only).")
@click.option("--replace", is_flag=True, help="Replace a file of that name already in the corpus.")
def import_command(files: tuple[str, ...], as_: str, paper: str | None, fmt: str | None, corpus_dir: str,
                   name: str | None, replace: bool) -> None:
    """Import RIS, CSL-JSON, MEDLINE, BibTeX or GROBID TEI files into the corpus.

    Each file is copied verbatim to corpus/libraries/ (or, with --as references
    --paper DOI, to corpus/imported-references/ as that paper's reference list),
    and every entry goes through work identity, so duplicates merge with works
    already in the graph. Entries that cannot be read are listed on stderr with
    their file, line and index, and the rest imported (exit 1); a file that is
    unreadable or not in the format is refused (exit 2) and nothing is written.
    `litgraph import bib FILE` is the same as `--format bibtex`.

    Example:

        litgraph import zotero-export.ris pubmed-result.nbib && litgraph build
    """
    from ..imports.cli_steps import import_files

    if files[0] == "bib" and not Path("bib").is_file():   # `import bib FILE`, the older spelling
        files, fmt = files[1:], fmt or "bibtex"
    if not files:
        raise InputError("import bib: give the BibTeX file to import")
    if as_ == "references" and not paper:
        raise InputError("--as references needs --paper DOI (the paper whose reference list the file is)")
    if name and len(files) > 1:
        raise InputError("--name names one file; import the files one at a time")
    failed = import_files(files, Path(corpus_dir), fmt, paper if as_ == "references" else None, name, replace,
                          click.echo)
    if failed:
        raise SystemExit(EXIT_PARTIAL)


COMMANDS = [import_command]
