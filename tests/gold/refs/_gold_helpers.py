"""Small helpers for the hand-written gold sources (tests/gold/refs/_source_*.py).

They only save typing: every value passed to them was typed by hand from the
printed reference string. Nothing here parses a reference.
"""

FIELDS = [
    "position", "raw", "type", "authors", "et_al", "year", "title", "container",
    "volume", "issue", "first_page", "last_page", "article_number", "publisher",
    "place", "doi", "note",
]


def A(names):
    """'Sells DL; Davidson L' -> [{'family': 'Sells', 'given': 'DL'}, ...].

    Each name is 'Family Given' where Given is the initials (no spaces), so the
    split is on the last space ('Della Rocca G' -> 'Della Rocca', 'G').
    """
    out = []
    for name in names.split(";"):
        family, given = name.strip().rsplit(" ", 1)
        out.append({"family": family, "given": given})
    return out


def L(name):
    """A corporate author."""
    return [{"literal": name}]


def rec(type, authors, year, title, container=None, volume=None, issue=None,
        first_page=None, last_page=None, article_number=None, publisher=None,
        place=None, doi=None, et_al=False, note=None):
    return {
        "type": type, "authors": authors, "et_al": et_al, "year": year,
        "title": title, "container": container, "volume": volume,
        "issue": issue, "first_page": first_page, "last_page": last_page,
        "article_number": article_number, "publisher": publisher,
        "place": place, "doi": doi, "note": note,
    }


def J(authors, year, title, container, volume, first_page=None, last_page=None, **kw):
    """A journal article."""
    return rec("journal-article", authors, year, title, container, volume,
               first_page=first_page, last_page=last_page, **kw)


def R(authors, year, title, publisher=None, place=None, type="report", **kw):
    """A report (or, with type='book', a book)."""
    return rec(type, authors, year, title, publisher=publisher, place=place, **kw)


def B(authors, year, title, publisher=None, place=None, **kw):
    return R(authors, year, title, publisher, place, type="book", **kw)
