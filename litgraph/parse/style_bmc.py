"""The BMC (Vancouver with colons) style of BioMed Central reference lists.

    Sells DL, Davidson L, Rowe M: Title. Psychiatr Serv. 2006, 57: 1179-1184.
    Mead S, MacNeil C: Title?. Int J Psychosoc Rehab. 2006, 10 (2): 29-37.
    Department of Health: Title: subtitle. 2007, London: Department of Health

The authors end at the first colon; the year opens the closing locator.
"""

from __future__ import annotations

import re

from .authors import Names, single_name, vancouver_names
from .identifiers import YEAR
from .imprint import imprint_type, read_imprint
from .reading import Reading, year_of
from .segments import clean_title, has_edition, split_last
from .source import ISSUE, PAGES, VOLUME, Source, journal_source, read_source

HEAD = re.compile(r"(?P<authors>[^:]{2,600}?):\s+(?P<rest>\S.*)")
JOURNAL_TAIL = re.compile(
    r"\.\s+(?P<year>" + YEAR + r")[a-z]?\s*,\s*" + VOLUME + ISSUE + r"(?:\s*:\s*" + PAGES + r")?\s*[.\-]?\s*$"
)
BOOK_TAIL = re.compile(r"\.\s+(?P<year>" + YEAR + r")[a-z]?\s*,\s*(?P<imprint>[^:]+:.+?)\.?\s*$")
NOT_A_BODY = re.compile(r"[\d()\[\].;,]")  # a body's name before the colon holds none of these
YEAR_LOCATOR = re.compile(r"\.\s+" + YEAR + r"\s*,")  # `. 2007, London: ...`: the year opens the locator
YEAR_TAIL = re.compile(r"\.\s+(?P<year>" + YEAR + r")[a-z]?\.?\s*$")


def read_bmc(text: str, status: str | None = None) -> Reading | None:
    """Read a BMC-style reference; None when `text` is not one.

    Example:
        >>> r = read_bmc("Corrigan PW: Impact. Psychiatr Serv. 2006, 57: 1493-1496.")
        >>> r.year, r.source.container, r.source.first_page, r.source.last_page
        (2006, 'Psychiatr Serv', '1493', '1496')
    """
    head = HEAD.fullmatch(text)
    if head is None:
        return None
    names = bmc_authors(head.group("authors"), head.group("rest"))
    if names is None:
        return None
    year, source = bmc_rest(head.group("rest"), status)
    return Reading(names, year, source)


def bmc_authors(text: str, rest: str) -> Names | None:
    """Vancouver persons, or a body when the rest closes with a BMC year locator."""
    names = vancouver_names(text)
    if names is not None:
        return names
    if NOT_A_BODY.search(text) or len(text.split()) > 12:
        return None  # most strings: what comes before their first colon is no body's name
    corporate = single_name(text.strip())
    return Names((corporate,)) if corporate.literal is not None and YEAR_LOCATOR.search(rest) else None


def bmc_rest(rest: str, status: str | None) -> tuple[int | None, Source]:
    """The year and the title and source of the part after the authors' colon."""
    journal = JOURNAL_TAIL.search(rest)
    if journal is not None:
        title, container = split_last(rest[:journal.start()])
        return year_of(journal.group("year")), journal_source(title, container, "bmc", journal)
    book = BOOK_TAIL.search(rest)
    if book is not None:
        return year_of(book.group("year")), bmc_book(rest[:book.start()], book.group("imprint"))
    dated = YEAR_TAIL.search(rest)
    if dated is not None:
        return year_of(dated.group("year")), Source(title=clean_title(rest[:dated.start()]))
    return None, read_source(rest, status)


def bmc_book(title: str, imprint: str) -> Source:
    """A BMC book or report: "Title. 2007, London: Department of Health"."""
    publisher, place = read_imprint(imprint)
    kind = "book" if has_edition(title) else imprint_type(publisher)
    return Source(type=kind, title=clean_title(title), publisher=publisher, place=place)
