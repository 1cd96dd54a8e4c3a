"""Read the part of a reference after the authors and year: title and source.

The source is either a journal locator at the end ("Industrial Relations
Journal, 31: 8296", "Psychiatric Services, 57(8), 1179-1184", "Journal 31,
8296", "Journal, Vol. 27, Issue. 4, p. 1266") or an imprint ("Sage: London",
"London: Sage", "TSO (The Stationery Office)"). The title is what comes before
the last sentence boundary in front of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import WorkType
from .chapter import find_book_part, read_book_part
from .imprint import classify_tail, imprint_type, read_imprint
from .pages import Pages, read_pages
from .segments import QUOTES, clean_title, has_edition, split_last

PAGES = r"(?P<pages>[A-Za-z]{0,3}\d+[A-Za-z]?(?:\s*[-\u2010-\u2014\u2212]+\s*(?:[A-Za-z]{0,3}\d+[A-Za-z]?)?)?)"
ISSUE = r"(?:\s*\((?P<issue>[^()]{1,20})\))?"
VOLUME = r"(?P<volume>\d+[A-Za-z]?)"
END = r"\s*[.,]?\s*$"

# (name, pattern): tried in order against the end of the text.
LOCATORS = (
    ("cited-by", re.compile(r",\s*Vol\.\s*(?P<volume>[\w.\-]+)(?:,\s*Issue\.\s*(?P<issue>[\w.\-]+))?"
                            r"(?:,\s*p\.\s*(?P<page>[\w\-]+))?" + END)),
    ("page", re.compile(r",\s*p\.\s*(?P<page>\w+)" + END)),
    ("article", re.compile(r",\s*" + VOLUME + ISSUE + r"\s*[,:]\s*(?:Article|Art\.?)\s*(?P<article>[\w\-]+)" + END)),
    ("colon", re.compile(r",\s*" + VOLUME + ISSUE + r"\s*:\s*(?:pp?\.\s*)?" + PAGES + END)),
    ("comma", re.compile(r",\s*" + VOLUME + ISSUE + r"\s*,\s*(?:pp?\.\s*)?" + PAGES + END)),
    ("space", re.compile(r"\s" + VOLUME + ISSUE + r"\s*,\s*(?:pp?\.\s*)?" + PAGES + END)),
    ("volume", re.compile(r",\s*" + VOLUME + ISSUE + END)),
    ("number", re.compile(r"(?<=[A-Za-z])\s(?P<pages>\d{1,5})" + END)),
)


@dataclass(frozen=True, slots=True)
class Source:
    """The title and source fields read from the part after the year."""

    type: WorkType = "other"
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    publisher: str | None = None
    place: str | None = None
    warnings: tuple[str, ...] = ()


def find_locator(text: str) -> tuple[str, re.Match[str]] | None:
    """The first locator pattern that matches the end of `text`, with its name."""
    for name, pattern in LOCATORS:
        match = pattern.search(text)
        if match is not None and match.start() > 0:
            return name, match
    return None


def locator_pages(name: str, match: re.Match[str]) -> Pages:
    """The page fields of a matched locator."""
    groups = match.groupdict()
    if groups.get("article"):
        return Pages(article_number=groups["article"])
    if groups.get("page"):
        return read_pages(groups["page"], single=True)
    pages = read_pages(groups.get("pages"))
    if name == "number" and pages.first and not pages.last:
        note = f"a lone number after the journal ({groups['pages']}) read as the page"
        return replace(pages, warnings=pages.warnings + (note,))
    return pages


def journal_source(title: str | None, container: str | None, name: str, match: re.Match[str]) -> Source:
    """A journal article: the given title and container, the rest from the locator."""
    warnings = () if container else (f"title and journal could not be told apart in {title!r}",)
    pages = locator_pages(name, match)
    groups = match.groupdict()
    return Source(
        type="journal-article", title=clean_title(title), container=clean_container(container),
        volume=groups.get("volume"), issue=groups.get("issue"), first_page=pages.first,
        last_page=pages.last, article_number=pages.article_number, warnings=warnings + pages.warnings,
    )


def split_quoted_title(text: str) -> tuple[str, str] | None:
    """``'Title', Journal, 57(8) ...`` -> ("Title", "Journal, 57(8) ..."): Harvard's quoted titles."""
    closing = QUOTES.get(text[:1])
    if closing is None:
        return None
    end = text.find(closing + ",", 1)
    if end < 0 or closing in text[1:end]:
        return None
    return text[1:end], text[end + 2:].strip()


def clean_container(text: str | None) -> str | None:
    """A journal or series name as printed, without the closing period."""
    if text is None:
        return None
    return text.strip().rstrip(".,;:").strip() or None


def read_source(text: str, status: str | None = None) -> Source:
    """Read title and source from the part of an author-date reference after the year.

    Args:
        text: e.g. ``"The management ... Europe. Industrial Relations Journal 31, 8296."``
        status: "in press" or "epub ahead of print" when a note said so.

    Returns:
        The title and the journal, chapter, book or report fields.
    """
    text = text.strip()
    book_part = find_book_part(text)
    if book_part is not None:
        return Source(type="chapter", title=clean_title(book_part[0]), **read_book_part(book_part[1]))
    quoted = split_quoted_title(text)
    if quoted is not None:
        return read_after_title(quoted[0], quoted[1], status)
    located = find_locator(text)
    if located is not None:
        name, match = located
        title, container = split_last(text[:match.start()].strip().rstrip(",").strip())
        return journal_source(title, container, name, match)
    title, tail = split_last(text.rstrip("."))
    if tail is None:
        return Source(title=clean_title(title), warnings=("no journal or publisher found",))
    return read_tail(title, tail, status)


def read_after_title(title: str, rest: str, status: str | None) -> Source:
    """The source when the title was set off by quotes: all of `rest` is the source."""
    located = find_locator(rest)
    if located is not None:
        name, match = located
        return journal_source(title, rest[:match.start()], name, match)
    return read_tail(title, rest.rstrip("."), status)


def read_tail(title: str, tail: str, status: str | None) -> Source:
    """A last sentence with no locator: a journal name (article in press) or an imprint."""
    if status or classify_tail(tail) == "journal":
        return Source(type="journal-article", title=clean_title(title), container=clean_container(tail))
    return imprint_source(title, tail)


def imprint_source(title: str, tail: str) -> Source:
    """A book or report: title, then "Publisher: Place", "Place: Publisher" or "Publisher"."""
    publisher, place = read_imprint(tail)
    kind = "book" if has_edition(title) else imprint_type(publisher)
    return Source(type=kind, title=clean_title(title), publisher=publisher, place=place)
