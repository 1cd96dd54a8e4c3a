"""Small pure helpers the readers share: names, years, pages, types, DOIs."""

from __future__ import annotations

import re

from ..doi import bare_doi
from ..model import Author, WorkType

YEAR = re.compile(r"\b(1[5-9][0-9]{2}|20[0-9]{2})\b")
TYPES: dict[str, WorkType] = {
    # RIS, CSL, MEDLINE publication types and BibTeX entry types, lower-cased
    "jour": "journal-article", "ejour": "journal-article", "article-journal": "journal-article",
    "article": "journal-article", "journal article": "journal-article", "review": "journal-article",
    "book": "book", "rprt": "report", "report": "report", "techreport": "report",
    "chap": "chapter", "chapter": "chapter", "incollection": "chapter", "inbook": "chapter",
}


def work_type(name: str | None) -> WorkType:
    return TYPES.get((name or "").strip().lower(), "other")


def year_of(text: str | None) -> int | None:
    match = YEAR.search(text or "")
    return int(match.group()) if match else None


def clean(text: str | None) -> str | None:
    """Whitespace collapsed; None for empty."""
    value = re.sub(r"\s+", " ", text or "").strip()
    return value or None


def pages(text: str | None, last: str | None = None) -> tuple[str | None, str | None]:
    """"1179-84" -> ("1179", "1184"): a MEDLINE-style short last page is completed."""
    first, _, end = (clean(text) or "").replace("–", "-").partition("-")
    first, end = first.strip() or None, (end.strip() or clean(last))
    if first and end and end.isdigit() and first.isdigit() and len(end) < len(first):
        end = first[: len(first) - len(end)] + end
    return first, end


def person(family: str | None, given: str | None) -> Author:
    """A person with the given names kept in full."""
    return Author(family=clean(family), given=clean(given))


def comma_name(name: str) -> Author:
    """"Sells, David J." -> family Sells, given "David J."; a name without a comma is a body."""
    family, comma, given = name.partition(",")
    if not comma:
        return Author(literal=clean(name))
    return person(family, given)


def doi_of(text: str | None) -> str | None:
    """A well-formed DOI from a field that may hold a resolver URL or `[doi]` suffix."""
    if not text:
        return None
    return bare_doi(re.sub(r"\s*\[doi\]\s*$", "", text.strip()))
