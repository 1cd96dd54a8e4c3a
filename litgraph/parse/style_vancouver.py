"""The Vancouver (NLM/ICMJE) style of medical journals.

    Sells DL, Davidson L, Jewell C, et al. Title. Psychiatr Serv. 2006;57(8):1179-84.
    Smith J, Jones K. Book. 2nd ed. London: Sage; 2001.
    Smith A. Chapter. In: Jones B, editor. Book. London: Sage; 2001. p. 10-20.
    World Health Organization. Title. Geneva: WHO; 2001.

The authors end at the first period; the year opens the journal locator
("2006;57(8):1179-84") or closes the imprint ("London: Sage; 2001").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Author
from .authors import Names, vancouver_names
from .chapter import find_book_part, read_book_part
from .identifiers import YEAR
from .imprint import imprint_type, read_imprint
from .pages import read_pages
from .reading import Reading, year_of
from .segments import clean_title, has_edition, split_last
from .source import END, ISSUE, PAGES, Source, journal_source, read_source

HEAD = re.compile(r"(?P<authors>[^.]{2,600}?)\.\s+(?P<rest>\S.*)")
EDITED = re.compile(r",\s*(?:eds?|editors?)$", re.IGNORECASE)
MONTH = r"(?:\s+[A-Z][a-z]{2,8}\.?(?:\s*[-\u2013/]\s*[A-Z][a-z]{2,8}\.?)?(?:\s+\d{1,2})?)?"
JOURNAL_TAIL = re.compile(
    r"[.\s]\s*(?P<year>" + YEAR + r")[a-z]?" + MONTH + r"\s*;\s*(?P<volume>\w+)?" + ISSUE
    + r"(?:\s*:\s*" + PAGES + r")?" + END
)
BOOK_TAIL = re.compile(
    r"\.\s+(?P<imprint>[^.;]{2,120}:[^.;]{2,200}?)\s*;\s*(?P<year>" + YEAR + r")[a-z]?\s*\.?"
    r"(?:\s*p{1,2}\.\s*" + PAGES + r")?(?:\s*\((?P<series>[^()]*(?:\([^()]*\))?[^()]*)\))?" + END
)
ANY_YEAR = re.compile(r"\b" + YEAR + r"\b")


def read_vancouver(text: str, status: str | None = None) -> Reading | None:
    """Read a Vancouver-style reference; None when `text` is not one.

    Example:
        >>> r = read_vancouver("Sells DL, Rowe M. Title. Psychiatr Serv. 2006;57(8):1179-84.")
        >>> r.year, r.source.container, r.source.issue, r.source.last_page
        (2006, 'Psychiatr Serv', '8', '1184')
    """
    head = HEAD.fullmatch(text)
    if head is None:
        return None
    authors, rest = head.group("authors"), head.group("rest")
    edited = EDITED.search(authors)
    names = vancouver_authors(authors[:edited.start()] if edited else authors, rest)
    if names is None:
        return None
    year, source = vancouver_rest(rest, status)
    if edited and source.type != "journal-article":
        source = replace(source, type="book")
    return Reading(names, year, source)


def vancouver_authors(text: str, rest: str) -> Names | None:
    """Vancouver persons, or a body when the rest closes with a Vancouver locator."""
    names = vancouver_names(text)
    if names is not None:
        return names
    plain = not re.search(r"[\d()\[\]:;,]", text) and 1 < len(text.split()) <= 12 and text[:1].isupper()
    if plain and (JOURNAL_TAIL.search(rest) or BOOK_TAIL.search(rest)):
        return Names((Author(literal=text.strip()),))
    return None


def vancouver_rest(rest: str, status: str | None) -> tuple[int | None, Source]:
    """The year and the title and source of the part after the authors."""
    journal = JOURNAL_TAIL.search(rest)
    if journal is not None:
        title, container = split_last(rest[:journal.start()].strip().rstrip("."))
        return year_of(journal.group("year")), journal_source(title, container, "nlm", journal)
    book = BOOK_TAIL.search(rest)
    if book is not None:
        return year_of(book.group("year")), vancouver_book(rest[:book.start()], book)
    found = ANY_YEAR.search(rest)
    source = read_source(rest, status)
    note = ("Vancouver-style locator not recognised; title and source read loosely",)
    return (year_of(found.group()) if found else None), replace(source, warnings=source.warnings + note)


def vancouver_book(head: str, tail: re.Match[str]) -> Source:
    """A book, report or chapter closed by "Place: Publisher; Year. p. 10-20"."""
    pages = read_pages(tail.group("pages"))
    chapter = find_book_part(head + ".")
    if chapter is not None:
        fields = read_book_part(chapter[1].rstrip(".") + ". " + tail.group("imprint"))
        fields.update(first_page=pages.first, last_page=pages.last)
        return Source(type="chapter", title=clean_title(chapter[0]), **fields)
    publisher, place = read_imprint(tail.group("imprint"))
    kind = "book" if has_edition(head) else imprint_type(publisher)
    return Source(type=kind, title=clean_title(head), publisher=publisher, place=place,
                  first_page=pages.first, last_page=pages.last, warnings=pages.warnings)
