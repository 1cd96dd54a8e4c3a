"""Author-date styles: Harvard, Cambridge, APA, Chicago and the "Cited by" lists.

    Bach, S, Della Rocca, G (2000) Title. Industrial Relations Journal, 31: 8296.
    Bach, S, Della Rocca, G (2000). Title. Industrial Relations Journal 31, 8296.
    Sells, D. L., & Rowe, M. (2006). Title. Psychiatric Services, 57(8), 1179–1184.
    Sells, D.L. et al. (2006) 'Title', Psychiatric Services, 57(8), pp. 1179–1184.
    Cleary, Michelle Raeburn, Toby and Lopez, Violeta 2018. Title. Journal, Vol. 27, Issue. 4, p. 1266.

The year, in parentheses or closed by a period, ends the authors; the rest is
read by `source.read_source`.
"""

from __future__ import annotations

import re

from .authors import read_authors
from .identifiers import YEAR
from .reading import Reading, year_of
from .source import read_source

PAREN_YEAR = re.compile(
    r"\(\s*(?:(?P<year>" + YEAR + r")\s*[a-z]?(?:\s*,[^()]{0,30})?"
    r"|(?P<undated>n\.\s*d\.?|in press|forthcoming|no date|undated))\s*\)",
    re.IGNORECASE,
)
BARE_YEAR = re.compile(r"(?P<authors>[^()\d:]{2,800}?)[\s,.]+(?P<year>" + YEAR + r")[a-z]?[.,]\s+(?P<rest>\S.*)")


def plausible_authors(text: str) -> bool:
    """An author part holds no digits or colons and is not absurdly long."""
    return 0 < len(text.strip(" .,")) <= 800 and not re.search(r"[\d:]", text)


def read_parenthesised(text: str, status: str | None = None) -> Reading | None:
    """Read "Authors (2006) Title ..." or "Authors (2006). Title ..."; None otherwise.

    Example:
        >>> r = read_parenthesised("Bach, S (2000) Title. Industrial Relations Journal, 31: 8296.")
        >>> r.year, r.source.first_page, r.source.last_page
        (2000, '82', '96')
    """
    match = PAREN_YEAR.search(text)
    if match is None or not plausible_authors(text[:match.start()]):
        return None
    names = read_authors(text[:match.start()].strip(" ,"))
    source = read_source(text[match.end():].lstrip(" .,:"), status)
    undated = match.group("undated")
    notes = (f"no year: printed '({undated})'",) if undated else ()
    return Reading(names, year_of(match.group("year")), source, notes)


def read_bare_year(text: str, status: str | None = None) -> Reading | None:
    """Read "Authors 2018. Title ..." (the "Cited by" lists, Chicago); None otherwise.

    Example:
        >>> r = read_bare_year("Gillard, Steve 2015. Title. Journal of Mental Health, p. 1.")
        >>> [a.as_dict() for a in r.names.authors], r.source.first_page
        ([{'family': 'Gillard', 'given': 'S'}], '1')
    """
    match = BARE_YEAR.fullmatch(text)
    if match is None or not plausible_authors(match.group("authors")):
        return None
    names = read_authors(match.group("authors"), runon=True)
    source = read_source(match.group("rest"), status)
    return Reading(names, year_of(match.group("year")), source)
