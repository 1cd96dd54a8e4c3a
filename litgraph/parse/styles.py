"""Choose the printed style that reads a reference string.

Each style reader returns None when the string is not in its style, so the
readers are tried from the most to the least specific. A string no style
reads keeps its raw text, year and DOI, with a warning.
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


def unrecognised(text: str, why: str) -> Reading:
    """A reading that keeps what can be read anywhere in the string: the year."""
    found = re.search(r"\b" + YEAR + r"\b", text[:MAX_LENGTH])
    return Reading(Names(), year_of(found.group()) if found else None, Source(), (why,))
