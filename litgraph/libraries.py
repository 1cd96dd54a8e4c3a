"""Authors' own BibTeX libraries in the corpus (corpus/libraries/*.bib).

`litgraph import bib` copies a .bib file here verbatim; the build reads each
entry as a list entry (list "library") whose fields come from its BibTeX
fields rather than from the printed-string parser, and work identity merges it
with the works already in the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .corpus import RawEntry
from .doi import bare_doi
from .errors import CorpusError
from .model import Author, ParsedReference

LIBRARY_PREFIX = "library:"
TYPES = {"article": "journal-article", "book": "book", "techreport": "report", "report": "report",
         "incollection": "chapter", "inbook": "chapter", "inproceedings": "chapter"}


@dataclass(frozen=True, slots=True)
class LibraryFailure:
    line: int
    message: str


def library_id(path: Path) -> str:
    return LIBRARY_PREFIX + path.stem


def read_library(path: Path) -> tuple[list[RawEntry], list[LibraryFailure]]:
    """The entries of one .bib file (in file order) and the blocks that failed, with 1-based lines."""
    import bibtexparser

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(str(path), f"cannot read: {exc}") from exc
    library = quietly(bibtexparser.parse_string, text)
    entries = [RawEntry(library_id(path), "library", n, entry.raw.strip(), str(path), entry.start_line + 1)
               for n, entry in enumerate(library.entries, 1)]
    failures = [LibraryFailure(block.start_line + 1, failure_reason(block)) for block in library.failed_blocks]
    return entries, failures


def quietly(function, *args):
    """Call a bibtexparser function without its own log lines (litgraph reports failures itself)."""
    import logging

    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        return function(*args)
    finally:
        logger.setLevel(level)


def failure_reason(block) -> str:
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or (str(error) if error else "")
    return first_line(reason).strip() or "cannot be parsed as a BibTeX entry"


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def parse_bibtex_entry(raw: str) -> ParsedReference:
    """A ParsedReference from one BibTeX entry's text (LaTeX decoded, names split)."""
    import bibtexparser

    library = quietly(bibtexparser.parse_string, raw)
    if not library.entries:
        return ParsedReference(raw=raw, warnings=("BibTeX entry could not be parsed",))
    entry = library.entries[0]
    fields = {k.lower(): decode(v.value) for k, v in entry.fields_dict.items()}
    first, _, last = (fields.get("pages") or "").replace("–", "-").partition("-")
    return ParsedReference(
        raw=raw, type=TYPES.get(entry.entry_type.lower(), "other"),
        authors=tuple(bib_author(a) for a in split_names(entry.fields_dict.get("author"))),
        year=int(m.group()) if (m := re.search(r"\d{4}", fields.get("year", ""))) else None,
        title=fields.get("title"), container=fields.get("journal") or fields.get("booktitle") or fields.get("series"),
        volume=fields.get("volume"), issue=fields.get("number"), first_page=first.strip() or None,
        last_page=last.strip("- ") or None, publisher=fields.get("publisher") or fields.get("institution"),
        place=fields.get("address"), doi=bare_doi(fields.get("doi")),
        warnings=() if bare_doi(fields.get("doi")) or not fields.get("doi")
        else (f"doi {fields['doi']!r} is not a DOI; not used",),
    )


def decode(value: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    return re.sub(r"\s+", " ", LatexNodes2Text().latex_to_text(value)).strip()


def split_names(field) -> list[str]:
    if field is None:
        return []
    return [n.strip() for n in re.split(r"\s+and\s+", field.value) if n.strip()]


def bib_author(name: str) -> Author:
    """`Family, Given` / `Given Family` / `{Corporate Body}` -> Author with initials."""
    if name.startswith("{") and name.endswith("}") and "," not in name:
        return Author(literal=decode(name))
    if "," in name:
        family, given = (decode(p) for p in name.split(",", 1))
    else:
        parts = decode(name).split()
        family, given = parts[-1], " ".join(parts[:-1])
    initials = "".join(p[0] for p in re.split(r"[\s.\-]+", given) if p).upper()
    return Author(family=family, given=initials or None)
