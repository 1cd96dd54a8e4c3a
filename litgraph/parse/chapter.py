"""Read the "In ... (Ed.), Book" part of a book chapter reference.

Printed forms read here (after the chapter title):

- APA: ``In J. Smith (Ed.), Book (pp. 10–20). Sage.``
- Harvard: ``in Smith, J. (ed.) Book. London: Sage, pp. 10–20.``
- Vancouver: ``In: Smith J, editor. Book. London: Sage`` (year and pages
  already taken by the caller).
"""

from __future__ import annotations

import re

from .imprint import read_imprint
from .pages import read_pages
from .segments import clean_title, split_last

IN_BOOK = re.compile(r"(?<=[.,?!'’”])\s+[Ii]n:?\s+")
EDITOR_MARK = re.compile(r"\((?:[Ee]ds?|[Ee]ditors?)\.?\)|,\s*(?:eds?|editors?)\.|\b[Ee]dited by\b|\([Ee]ds?\.\s")
PAGE_RANGE = r"(?P<pages>\d+(?:\s*[-\u2010-\u2014]\s*\d+)?)"
PAGES_IN_PARENS = re.compile(r"\s*\((?:[^()]*?,\s*)?[Pp]p?\.\s*" + PAGE_RANGE + r"\s*\)")
PAGES_PLAIN = re.compile(r"[,.]?\s*\b[Pp]p?\.\s*" + PAGE_RANGE + r"\.?")
EDITORS = (
    re.compile(r"^.*?\((?:[Ee]ds?|[Ee]ditors?)\.?\)\s*[,.:]?\s*"),
    re.compile(r"^.*?,\s*(?:eds?|editors?)\.\s*"),
    re.compile(r"^[Ee]dited by\b.*?\.\s+"),
)
INLINE_EDITORS = re.compile(r"\s*\([Ee]ds?\.\s[^()]*\)")


def find_book_part(text: str) -> tuple[str, str] | None:
    """Split a chapter reference into (chapter title, "In ..." part), if it is one.

    Example:
        >>> find_book_part("Title. In J. Smith (Ed.), Book (pp. 1-2). Sage.")
        ('Title.', 'J. Smith (Ed.), Book (pp. 1-2). Sage.')
    """
    for match in IN_BOOK.finditer(text):
        after = text[match.end():]
        if EDITOR_MARK.search(after):
            return text[:match.start()], after
    return None


def take_book_pages(text: str) -> tuple[str, str | None]:
    """Remove "(pp. 10-20)" or ", pp. 10-20" from the book part; return the pages."""
    for pattern in (PAGES_IN_PARENS, PAGES_PLAIN):
        match = pattern.search(text)
        if match is not None:
            return text[:match.start()] + text[match.end():], match.group("pages")
    return text, None


def drop_editors(text: str) -> str:
    """Remove the editors' names that open the book part."""
    text = INLINE_EDITORS.sub("", text)
    for pattern in EDITORS:
        match = pattern.match(text)
        if match is not None:
            return text[match.end():]
    return text


def read_book_part(text: str) -> dict[str, str | None]:
    """The book title (as container), pages and imprint of a chapter's "In ..." part."""
    text, pages = take_book_pages(text)
    book, tail = split_last(drop_editors(text).strip().rstrip(".").strip())
    publisher, place = read_imprint(tail) if tail else (None, None)
    read = read_pages(pages, single=pages is not None and not re.search(r"\D", pages))
    return {
        "container": clean_title(re.sub(r"\s*\([^()]*\)$", "", book.strip())),
        "first_page": read.first, "last_page": read.last, "publisher": publisher, "place": place,
    }
