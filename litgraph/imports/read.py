"""Read one file in a given or detected format: the reader dispatch of the import pipeline."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .bibtex import read_bibtex
from .csljson import read_csl_json
from .detect import detect_format
from .medline import read_medline
from .records import ImportResult
from .ris import read_ris
from .tei import read_tei

READERS = {"bibtex": read_bibtex, "ris": read_ris, "csl-json": read_csl_json, "medline": read_medline,
           "tei": read_tei}
# How a format's file is named once in the corpus; the build reads it by this extension.
EXTENSIONS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json", "medline": ".nbib", "tei": ".xml"}
FORMAT_OF_EXTENSION = {ext: fmt for fmt, ext in EXTENSIONS.items()}


def decode_text(data: bytes, path: str = "") -> str:
    """UTF-8 text with \\n line ends; a byte that is not UTF-8 stays a lone surrogate, and its entry is refused."""
    return data.decode("utf-8", errors="surrogateescape").replace("\r\n", "\n")


def read_text(text: str, path: str, fmt: str | None = None) -> ImportResult:
    """The entries of `text` in format `fmt` (detected from the content when None)."""
    fmt = fmt or detect_format(text)
    if fmt is None:
        raise InputError(f"{path}: not RIS, CSL-JSON, MEDLINE, BibTeX or TEI (give --format to say which)")
    found = READERS[fmt](text, path)
    if fmt != "bibtex" and found.read and not found.records and fmt != detect_format(text):
        raise InputError(f"{path}: no entry could be read as {fmt}")
    return found


def format_of_path(path: str | Path) -> str | None:
    """The format of a file in corpus/libraries by its extension (as `store` names it)."""
    return FORMAT_OF_EXTENSION.get(Path(path).suffix.lower())
