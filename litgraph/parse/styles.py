"""Choose the printed style that reads a reference string.

Each style reader returns None when the string is not in its style, so the
readers are tried from the most to the least specific. A string no style
reads keeps its raw text, year and DOI, with a warning.

`read_certain` is what `parse_reference` uses: a seed style's reading only when
it is certain (every field a style of its kind gives read, nothing guessed);
otherwise the trained labeller reads the string.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .authors import Names
from .identifiers import YEAR
from .reading import Reading, year_of
from .source import Source
from .style_author_date import read_bare_year, read_parenthesised
from .style_bmc import read_bmc
from .style_vancouver import read_vancouver

StyleReader = Callable[[str, "str | None"], "Reading | None"]
READERS: tuple[StyleReader, ...] = (read_bmc, read_vancouver, read_parenthesised, read_bare_year)
MAX_LENGTH = 2000
# The seed lists' author-date shape: family names and unpunctuated initials ("Bach, S, Della Rocca, G (2000)",
# "Cleary, Michelle Raeburn, Toby and Lopez, Violeta 2018."). APA, Chicago and the rest put periods
# after initials; those strings go to the labeller, which reads them better.
SEED_AUTHOR_DATE = re.compile(r"[^.():\d]{2,800}?[\s,]\(?" + YEAR + r"[a-z]?\)?[.,]?\s")
# ... and not the shapes other lists print that the seed readers misread: a comma before the year
# ("MAZEAUD, TALPIN, 2010, « Participer ... »", "SIMON, Justine, 2013. ...") or a first author's
# initials after the family name without a comma ("Liddle L (2001)", "Smythe DK, 2015."), Vancouver's way,
# a comma after the parenthesised year ("Gobin Corinne (2002), « De l'Union ... »") or a ditto dash.
NOT_SEED_HEAD = re.compile(r",\s*\(?" + YEAR + r"|" + YEAR + r"[a-z]?\),"
                           r"|^[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?\s[A-Z]{1,3}(?:\s[A-Z])?[\s,(]"
                           r"|^[\u2012-\u2015_\-]{2,}")
# Vancouver is no seed's style: the labeller reads it.
CERTAIN_READERS = (read_bmc, read_parenthesised, read_bare_year)
TRANSLATED = re.compile(r"\b(?:Trans|Transl)\.|\bTranslated by\b")  # a translator the seed styles never print
DOUBTS = ("loosely", "not recognised", "told apart", "no journal or publisher", "no author names", "no year")


def read_any(text: str, status: str | None = None) -> Reading:
    """Read `text` with the first style that recognises it.

    Args:
        text: A cleaned reference string, without DOI or URL.
        status: "in press" or "epub ahead of print" when a note said so.

    Returns:
        The reading; an unrecognised string gives a reading with only the year.
    """
    if len(text) > MAX_LENGTH:
        return unrecognised(text, f"longer than {MAX_LENGTH} characters: not read as a reference")
    for reader in READERS:
        reading = reader(text, status)
        if reading is not None:
            return reading
    return unrecognised(text, "reference style not recognised; only year and DOI read")


def read_certain(text: str, status: str | None = None) -> Reading | None:
    """The reading of a seed style that recognised `text` with certainty, else None.

    Certain: the string is short enough, a style reader took it, and the reading
    has authors, a title and a journal or publisher, and no warning says it was
    read loosely (the seed styles' repairs, such as a restored page range, are
    not doubts).
    """
    if len(text) > MAX_LENGTH:
        return None
    for reader in CERTAIN_READERS:
        if reader is not read_bmc and not seed_author_date(text):
            return None  # not a seed author-date shape: whatever the reader made of it would be refused
        reading = reader(text, status)
        if reading is not None:
            return reading if is_certain(reading) else None
    return None


def seed_author_date(text: str) -> bool:
    """Whether `text` opens the way the seed lists' author-date references do."""
    head = SEED_AUTHOR_DATE.match(text)
    return head is not None and NOT_SEED_HEAD.search(head.group()) is None


def is_certain(reading: Reading) -> bool:
    """Authors, a year, a title and a journal or publisher read, and nothing left loose."""
    source = reading.source
    complete = bool(reading.names.authors) and reading.year is not None and source.title is not None
    located = source.container is not None or source.publisher is not None
    warnings = reading.warnings + reading.names.warnings + source.warnings
    return complete and located and plausible_imprint(source) and not TRANSLATED.search(source.title or "") \
        and not any(doubt in w for w in warnings for doubt in DOUBTS)


def plausible_imprint(source) -> bool:
    """A publisher with words in it and a place without digits: not a journal's locator read as an
    imprint (`Int J Law Psychiat 37 (3): 245-52.` is no place and publisher)."""
    publisher, place = source.publisher, source.place
    if publisher is not None and (sum(ch.isalpha() for ch in publisher) < 2 or publisher[:1].isdigit()):
        return False
    return place is None or not any(ch.isdigit() for ch in place)


def unrecognised(text: str, why: str) -> Reading:
    """A reading that keeps what can be read anywhere in the string: the year."""
    found = re.search(r"\b" + YEAR + r"\b", text[:MAX_LENGTH])
    return Reading(Names(), year_of(found.group()) if found else None, Source(), (why,))
