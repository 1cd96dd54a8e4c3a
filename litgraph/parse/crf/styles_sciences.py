"""Computer-science and engineering shapes for `synthetic`, on the records of `styles_synthetic`.

BibTeX's plain, abbrv and alpha bibliographies (`A. Gupta, I. Mumick, and V. Subrahmanian.
Maintaining views incrementally. In Proceedings of the ..., pages 157-166, Washington, DC,
May 1993.`), with journals as `Journal, 12(3):45-67, 1993.`, technical reports, theses and
books; and the engineering form with the year last (`..., Journal, vol. 63 (5), pp. 1585-1594.
1998.`). Written by the project; no third-party strings.
"""

from __future__ import annotations

import random

from ..training import openvocab
from .styles_synthetic import author_list, pages

FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
REPORTS = ("Technical Report", "Tech. Rep.", "Research Report", "Technical Memo", "Working Paper")
THESES = ("PhD thesis", "Ph.D. thesis", "Master's thesis", "PhD dissertation")


def plain_names(r: dict, rng: random.Random) -> str:
    form = rng.choice(("natural", "full", "natural"))
    return author_list(r, form, rng, ", ", rng.choice((", and ", " and ")) if len(r["authors"]) > 2 else " and ")


def when(r: dict, rng: random.Random) -> str:
    return f"{rng.choice(FULL_MONTHS)} {r['year']}" if rng.random() < 0.4 else r["year"]


def plain(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """BibTeX plain/abbrv: sentences closed by periods, `In Proceedings ..., pages x-y, Place, Year.`"""
    segs = [("author", plain_names(r, rng) + "."), ("title", r["title"] + ".")]
    roll = rng.random()
    if r["kind"] == "journal-article":
        issue = f"({r['issue']})" if r["issue"] else ""
        locator = f"{r['volume']}{issue}:{pages(r)},"  # printed glued: read back as volume, issue, pages
        return segs + [("journal", r["journal"] + ","), ("volume", locator), ("date", when(r, rng) + ".")]
    if r["kind"] == "chapter" or roll < 0.3:
        meeting = openvocab.conference(rng)
        tail = [("location", openvocab.place(rng) + ",")] if rng.random() < 0.5 else []
        return segs + [("container-title", f"In {meeting},"), ("pages", f"pages {pages(r)},")] + tail + [
            ("date", when(r, rng) + ".")]
    if r["kind"] == "report":
        number = f"{rng.choice(('CS', 'TR', 'UCB/CSD', 'MIT-LCS-TR'))}-{r['first']}"
        return segs + [("genre", f"{rng.choice(REPORTS)} {number},"), ("publisher", r["publisher"] + ","),
                       ("date", when(r, rng) + ".")]
    if roll < 0.45:
        return segs + [("genre", rng.choice(THESES) + ","), ("publisher", f"University of {openvocab.proper(rng)},"),
                       ("date", r["year"] + ".")]
    return segs + [("publisher", r["publisher"] + ","), ("location", r["place"] + ","), ("date", r["year"] + ".")]


def engineering(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """Names, title, journal, volume (issue), pages, year last, all joined by commas."""
    segs = [("author", author_list(r, rng.choice(("apa", "harvard")), rng, ", ", rng.choice((" and ", ", and ", ", ")))
             + ","), ("title", r["title"] + ",")]
    if r["kind"] in ("book", "report"):
        return segs + [("publisher", r["publisher"] + ","), ("location", r["place"] + ","), ("date", r["year"] + ".")]
    issue = f"({r['issue']})," if r["issue"] else ","
    return segs + [("journal", r["journal"] + ","), ("volume", f"{rng.choice(('vol', 'vol.', 'v.', 'Vol.'))} {r['volume']}"
                   + ("" if r["issue"] else ",")), ("issue", f"{'no. ' + r['issue'] + ',' if rng.random() < 0.3 else issue}"
                   if r["issue"] else ""), ("pages", f"pp. {pages(r)}."), ("date", r["year"] + ".")]


STYLES = (("bibtex-plain", plain), ("engineering", engineering))
