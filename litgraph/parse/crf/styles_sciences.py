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


SERIES = ("Lecture Notes in Computer Science", "LNCS", "Lecture Notes in Mathematics", "Studies in {X}",
          "Advances in {X}", "Contributions to {X}", "{Name} Series in {X}", "Progress in {X}",
          "Springer Series in {X}", "Cambridge Studies in {X}")


def series(rng: random.Random) -> str:
    """A book series' name: fixed ones and invented ones on a topic."""
    shape = rng.choice(SERIES)
    return shape.format(X=openvocab.title_case(openvocab.noun_phrase(rng)), Name=openvocab.proper(rng))


def editor_names(r: dict, rng: random.Random) -> str:
    """The editors in natural order, joined as BibTeX joins them."""
    editors = {**r, "authors": r["editors"], "body": None}
    return plain_names(editors, rng)


def plain_edited(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """BibTeX incollection/inproceedings with editors and a series: `In A. Editor and B. Editor,
    editors, Book, volume 12 of Series, pages 1-9. Publisher, Place, 1993.`"""
    mark = "editors," if len(r["editors"]) > 1 else "editor,"
    book = openvocab.conference(rng) if rng.random() < 0.4 else r["book"]
    segs = [("author", plain_names(r, rng) + "."), ("title", r["title"] + "."),
            ("editor", f"In {editor_names(r, rng)}, {mark}"), ("container-title", book + ",")]
    if rng.random() < 0.5:
        segs += [("volume", f"{rng.choice(('volume', 'vol.', 'Vol.'))} {r['volume']}{rng.choice(('', ','))} of"),
                 ("collection-title", series(rng) + ",")]
    segs.append(("pages", f"{rng.choice(('pages', 'pp.'))} {pages(r)}."))
    if rng.random() < 0.5:
        return segs + [("publisher", r["publisher"] + ","), ("location", r["place"] + ","), ("date", when(r, rng) + ".")]
    return segs + [("location", r["place"] + ","), ("date", when(r, rng) + "."), ("publisher", r["publisher"] + ".")]


def days(r: dict, rng: random.Random) -> str:
    """A meeting's dates: `April 8-11, 1991`, `Apr. 8–11, 1991`, `8-11 April 1991`."""
    month = rng.choice(FULL_MONTHS)
    start = rng.randint(1, 25)
    span = f"{start}{rng.choice(('-', '–'))}{start + rng.randint(1, 4)}"
    roll = rng.random()
    if roll < 0.4:
        return f"{month} {span}, {r['year']}"
    if roll < 0.7:
        return f"{month[:3]}. {span}, {r['year']}"
    return f"{span} {month} {r['year']}" if roll < 0.85 else f"{month} {r['year']}"


def proceedings(r: dict, rng: random.Random) -> list[tuple[str, str]]:
    """IEEE and older engineering conference papers, the meeting's place and dates after its name:
    `“Title,” in Proc. X, Santa Clara, CA, Apr. 8–11, 1991, pp. 122–131.`"""
    names = author_list(r, rng.choice(("natural", "natural", "apa")), rng, ", ", rng.choice((", and ", " and ")))
    quoted = rng.random() < 0.6
    title = f"“{r['title']},”" if quoted else r["title"] + ","
    cue = rng.choice(("in ", "In ", "in: ", "")) if quoted else rng.choice(("", "in "))
    segs = [("author", names + ","), ("title", title), ("container-title", cue + openvocab.conference(rng) + ",")]
    where = [("location", openvocab.place(rng) + ",")] if rng.random() < 0.8 else []
    locator = [("pages", f"{rng.choice(('pp. ', 'pp. ', 'p. '))}{pages(r)}.")]
    when_ = [("date", days(r, rng) + ",")]
    if rng.random() < 0.3:
        return segs + where + [("date", days(r, rng) + ".")]
    return segs + where + when_ + locator if rng.random() < 0.7 else segs + where + [("pages", f"pp. {pages(r)},"),
                                                                                   ("date", days(r, rng) + ".")]


STYLES = (("bibtex-plain", plain), ("engineering", engineering), ("bibtex-edited", plain_edited),
          ("proceedings", proceedings))
