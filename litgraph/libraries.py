"""Authors' own libraries in the corpus (corpus/libraries/*.bib, .ris, .json, .nbib, .xml).

`litgraph import` copies a file here verbatim, named by its format (see
litgraph/imports/read.py: .bib BibTeX, .ris RIS, .json CSL-JSON, .nbib MEDLINE,
.xml GROBID TEI); a BibTeX file is read below, the others by their reader in
litgraph/imports/. the build reads each
entry as a list entry (list "library") whose fields come from its BibTeX
fields rather than from the printed-string parser, and work identity merges it
with the works already in the graph.

What one entry does never costs the others: an entry with braces nested
deeper than MAX_BRACE_DEPTH (LaTeX decoding recurses per level) or with a
byte that is not UTF-8 is refused with its line, as bibtexparser's failed
blocks are, and the rest are read. A field longer than MAX_FIELD_CHARS is
decoded only that far, with a warning (LaTeX decoding grows faster than the
field). Positions count every entry, refused ones too, so they never shift.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .corpus import RawEntry
from .doi import bare_doi
from .errors import CorpusError
from .model import Author, ParsedReference

LIBRARY_PREFIX = "library:"
MAX_BRACE_DEPTH = 64
MAX_FIELD_CHARS = 20_000
USED_FIELDS = ("title", "journal", "booktitle", "series", "volume", "number", "pages", "publisher",
               "institution", "address", "doi", "year")
TYPES = {"article": "journal-article", "book": "book", "techreport": "report", "report": "report",
         "incollection": "chapter", "inbook": "chapter", "inproceedings": "chapter"}


@dataclass(frozen=True, slots=True)
class LibraryFailure:
    line: int
    message: str


def library_id(path: Path) -> str:
    return LIBRARY_PREFIX + path.stem


def read_library(path: Path, owner: str | None = None,
                 list_name: str = "library") -> tuple[list[RawEntry], list[LibraryFailure]]:
    """The entries of one library file, by its format; `owner`/`list_name` make it a paper's reference list."""
    from .imports import format_of_path

    fmt = format_of_path(path)
    if fmt in (None, "bibtex"):
        entries, failures = read_bib_library(path)
    else:
        entries, failures = read_imported_library(path, fmt)
    if owner is not None:
        from dataclasses import replace

        entries = [replace(e, paper_doi=owner, list=list_name) for e in entries]
    return entries, failures


def read_imported_library(path: Path, fmt: str) -> tuple[list[RawEntry], list[LibraryFailure]]:
    """A RIS, CSL-JSON, MEDLINE or TEI library: positions are entry indexes, failures kept with their lines."""
    from .imports.read import decode_text, read_text

    try:
        found = read_text(decode_text(path.read_bytes(), str(path)), str(path), fmt)
    except OSError as exc:
        raise CorpusError(str(path), f"cannot read: {exc}") from exc
    entries = [RawEntry(library_id(path), "library", r.index, r.raw, str(path), r.line) for r in found.records]
    return entries, [LibraryFailure(f.line, f"entry {f.index}: {f.message}") for f in found.failures]


def read_bib_library(path: Path) -> tuple[list[RawEntry], list[LibraryFailure]]:
    """The entries of one .bib file (in file order) and the blocks that failed or were refused, with 1-based lines."""
    import bibtexparser

    try:
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise CorpusError(str(path), f"cannot read: {exc}") from exc
    library = quietly(bibtexparser.parse_string, text)
    entries, failures = [], [LibraryFailure(b.start_line + 1, failure_reason(b)) for b in library.failed_blocks]
    for n, entry in enumerate(library.entries, 1):
        raw, line = entry.raw.strip(), entry.start_line + 1
        refusal = refusal_reason(raw, entry.key, line)
        if refusal:
            failures.append(refusal)
        else:
            entries.append(RawEntry(library_id(path), "library", n, raw, str(path), line))
    return entries, sorted(failures, key=lambda f: f.line)


def decode_bytes(data: bytes) -> str:
    """UTF-8 text with line ends as \\n; a byte that is not UTF-8 stays as a lone surrogate (refused later)."""
    return data.decode("utf-8", errors="surrogateescape").replace("\r\n", "\n")


def refusal_reason(raw: str, key: str, line: int) -> LibraryFailure | None:
    """Why one entry cannot be read safely (a byte that is not UTF-8, braces nested too deep), or None."""
    bad = re.search(r"[\udc80-\udcff]", raw)
    if bad:
        at = line + raw.count("\n", 0, bad.start())
        byte = ord(bad.group()) - 0xDC00
        return LibraryFailure(at, f"entry {key!r}: byte 0x{byte:02X} is not UTF-8 (save the file as UTF-8); "
                                  "entry skipped")
    depth = brace_depth(raw)
    if depth > MAX_BRACE_DEPTH:
        return LibraryFailure(line, f"entry {key!r}: braces nested {depth} deep (at most {MAX_BRACE_DEPTH}); "
                                    "entry skipped")
    return None


def brace_depth(text: str) -> int:
    """The deepest nesting of {} in `text`, in one pass."""
    depth = deepest = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group()
        if token == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif token == "}":
            depth = max(depth - 1, 0)
    return deepest


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


def parse_raw_entries(entries: Sequence[RawEntry], model: str | Path | None = None) -> list[ParsedReference]:
    """`parse_raw_entry` for each of `entries`, in order, the printed lines parsed together (much faster)."""
    from .imports import format_of_path
    from .parse.reference import parse_references

    printed = [i for i, e in enumerate(entries) if format_of_path(e.path) is None and e.list != "library"]
    parsed: list[ParsedReference | None] = [None] * len(entries)
    for i, one in zip(printed, parse_references([entries[i].raw for i in printed], model)):
        parsed[i] = one
    return [one if one is not None else parse_raw_entry(entry, model) for one, entry in zip(parsed, entries)]


def parse_raw_entry(entry: RawEntry, model: str | Path | None = None) -> ParsedReference:
    """The parse stage for one corpus entry: an imported record by its file's format, a printed line by the
    parser (with the CRF `model` file given, else the shipped one)."""
    from .imports import format_of_path

    fmt = format_of_path(entry.path)
    if fmt is None and entry.list != "library":
        from .parse import parse_reference

        return parse_reference(entry.raw, model)
    return parse_imported_entry(entry.raw, fmt or "bibtex")


def parse_imported_entry(raw: str, fmt: str) -> ParsedReference:
    """The fields of one imported record's verbatim text, read again by its format's reader."""
    from .imports import READERS

    if fmt == "bibtex":
        return parse_bibtex_entry(raw)
    found = READERS[fmt](raw, "")
    return found.records[0].parsed if found.records else ParsedReference(raw=raw, warnings=("entry not read",))


def parse_bibtex_entry(raw: str) -> ParsedReference:
    """A ParsedReference from one BibTeX entry's text (LaTeX decoded, names split)."""
    import bibtexparser

    if brace_depth(raw) > MAX_BRACE_DEPTH:   # read_library refuses these; never recurse that deep
        return ParsedReference(raw=raw, warnings=(f"braces nested deeper than {MAX_BRACE_DEPTH}; not read",))
    library = quietly(bibtexparser.parse_string, raw)
    if not library.entries:
        return ParsedReference(raw=raw, warnings=("BibTeX entry could not be parsed",))
    entry = library.entries[0]
    values = {k.lower(): v.value for k, v in entry.fields_dict.items() if k.lower() in USED_FIELDS}
    fields = {k: decode(v[:MAX_FIELD_CHARS]) for k, v in values.items()}
    long_fields = tuple(f"field {k!r} has {len(v):,} characters; only the first {MAX_FIELD_CHARS:,} are read"
                        for k, v in values.items() if len(v) > MAX_FIELD_CHARS)
    first, _, last = (fields.get("pages") or "").replace("–", "-").partition("-")
    return ParsedReference(
        raw=raw, type=TYPES.get(entry.entry_type.lower(), "other"),
        authors=tuple(bib_author(a) for a in split_names(entry.fields_dict.get("author")) if a != "others"),
        et_al="others" in split_names(entry.fields_dict.get("author")),  # BibTeX's "and others": et al.
        year=int(m.group()) if (m := re.search(r"\d{4}", fields.get("year", ""))) else None,
        title=fields.get("title"), container=fields.get("journal") or fields.get("booktitle") or fields.get("series"),
        volume=fields.get("volume"), issue=fields.get("number"), first_page=first.strip() or None,
        last_page=last.strip("- ") or None, publisher=fields.get("publisher") or fields.get("institution"),
        place=fields.get("address"), doi=bare_doi(fields.get("doi")),
        warnings=long_fields + (() if bare_doi(fields.get("doi")) or not fields.get("doi")
                                else (f"doi {fields['doi']!r} is not a DOI; not used",)),
    )


def decode(value: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    return re.sub(r"\s+", " ", LatexNodes2Text().latex_to_text(value)).strip()


def split_names(field) -> list[str]:
    if field is None:
        return []
    return [n.strip() for n in re.split(r"\s+and\s+", field.value) if n.strip()]


def bib_author(name: str) -> Author:
    """`Family, Given` / `Given Family` / `{Corporate Body}` -> Author, the given names kept in full."""
    if name.startswith("{") and name.endswith("}") and "," not in name:
        return Author(literal=decode(name))
    if "," in name:
        family, given = (decode(p) for p in name.split(",", 1))
    else:
        parts = decode(name).split()
        family, given = parts[-1], " ".join(parts[:-1])
    return Author(family=family, given=given.strip() or None)
