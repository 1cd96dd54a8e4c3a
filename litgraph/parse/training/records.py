"""Realistic CSL-JSON records of the kinds health-services reviews cite.

`record(rng, kind, key)` is one record; `corpus_records` turns the seed gold's field values
(the corpus's own works) into records too. Fields come from `vocab`, `names` and `titles`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from ...cite.item import initials_with_dots
from .names import corporate, people, person
from . import openvocab
from .titles import article_title, book_title
from .vocab import CONFERENCES, EVENT_PLACES, GENRES, JOURNALS, PUBLISHERS, SERIES, UNIVERSITIES, WEBSITES

KINDS = (("journal-article", 0.5), ("book", 0.12), ("chapter", 0.14), ("report", 0.08),
         ("thesis", 0.04), ("webpage", 0.04), ("conference-paper", 0.08))

CSL_TYPES = {"journal-article": "article-journal", "book": "book", "chapter": "chapter", "report": "report",
             "thesis": "thesis", "webpage": "webpage", "conference-paper": "paper-conference", "other": "document"}


def pick_kind(rng: random.Random) -> str:
    return rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]


def record(rng: random.Random, kind: str, key: str) -> dict:
    """One CSL-JSON record of `kind` (a key of `CSL_TYPES`) with id `key`."""
    item = {"id": key, "type": CSL_TYPES[kind], "issued": issued(rng)}
    item.update(BUILDERS[kind](rng))
    return item


OPEN = 0.5  # share of journals and imprints drawn from the open vocabulary


def issued(rng: random.Random) -> dict:
    year = rng.randint(1965, 2024)
    if rng.random() < 0.15:
        return {"date-parts": [[year, rng.randint(1, 12)] + ([rng.randint(1, 28)] if rng.random() < 0.5 else [])]}
    return {"date-parts": [[year]]}


def journal_article(rng: random.Random) -> dict:
    full, short = openvocab.journal(rng) if rng.random() < OPEN else rng.choice(JOURNALS)
    item = {"author": people(rng), "title": article_title(rng),
            "container-title": short if rng.random() < 0.35 else full, "container-title-short": short}
    if rng.random() < 0.06:
        item["status"] = rng.choice(("in press", "In press", "Epub ahead of print"))
    else:
        item.update(volume_issue_pages(rng))
    item.update(identifiers(rng, doi=0.55, pmid=0.15, url=0.05))
    return item


def volume_issue_pages(rng: random.Random) -> dict:
    item = {"volume": str(rng.randint(1, 150))}
    roll = rng.random()
    if roll < 0.65:
        item["issue"] = str(rng.randint(1, 12))
    elif roll < 0.72:
        item["issue"] = rng.choice((f"{rng.randint(1, 6)} Suppl {rng.randint(1, 3)}", f"Suppl {rng.randint(1, 3)}",
                                    f"{rng.randint(1, 4)}-{rng.randint(5, 8)}"))
    item["page"] = pages(rng)
    return item


def pages(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.12:
        return rng.choice((f"e{rng.randint(10, 9999)}", f"e0{rng.randint(100000, 299999)}", str(rng.randint(1, 999))))
    first = rng.randint(1, 2400)
    return f"{first}-{first + rng.randint(1, 40)}"


def identifiers(rng: random.Random, doi: float, pmid: float, url: float) -> dict:
    item = {}
    if rng.random() < doi:
        item["DOI"] = f"10.{rng.randint(1000, 99999)}/{rng.choice(('j.', 's', 'journal.pone.', 'bmj.', ''))}" \
                      f"{rng.randint(1000, 9999999)}{rng.choice(('', '.x', '-2', f'.{rng.randint(1, 99)}'))}"
    if rng.random() < pmid:
        item["PMID"] = str(rng.randint(10000000, 39999999))
    if rng.random() < url:
        item["URL"] = url_for(rng)
        item["accessed"] = accessed(rng)
    return item


def url_for(rng: random.Random) -> str:
    host = rng.choice(("www.gov.uk", "www.who.int", "www.nice.org.uk", "www.mind.org.uk", "doi.org",
                       "www.rand.org", "www.centreformentalhealth.org.uk", "apps.who.int/iris"))
    return f"https://{host}/{rng.choice(('publications', 'guidance', 'reports', 'handle'))}/{rng.randint(10, 99999)}"


def accessed(rng: random.Random) -> dict:
    return {"date-parts": [[rng.randint(2010, 2025), rng.randint(1, 12), rng.randint(1, 28)]]}


def book(rng: random.Random) -> dict:
    item = {"author": people(rng, rng.randint(1, 3)), "title": book_title(rng)} | imprint(rng)
    if rng.random() < 0.25:
        item["edition"] = str(rng.randint(2, 8))
    if rng.random() < 0.1:
        item["collection-title"] = rng.choice(SERIES)
    if rng.random() < 0.08:
        item["translator"] = people(rng, 1)
    if rng.random() < 0.2:
        item["ISBN"] = isbn(rng)
    return item | identifiers(rng, doi=0.1, pmid=0, url=0.03)


def isbn(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
    return rng.choice((f"978-{digits[0]}-{digits[1:5]}-{digits[5:]}-{rng.randint(0, 9)}", f"978{digits}{rng.randint(0, 9)}"))


def imprint(rng: random.Random) -> dict:
    if rng.random() < OPEN:
        return {"publisher": openvocab.publisher(rng), "publisher-place": openvocab.place(rng)}
    publisher, place = rng.choice(PUBLISHERS)
    return {"publisher": publisher, "publisher-place": place}


def chapter(rng: random.Random) -> dict:
    item = {"author": people(rng, rng.randint(1, 4)), "title": article_title(rng),
            "editor": people(rng, rng.randint(1, 3)), "container-title": book_title(rng), "page": pages(rng)}
    if rng.random() < 0.2:
        item["edition"] = str(rng.randint(2, 5))
    return item | imprint(rng) | identifiers(rng, doi=0.15, pmid=0, url=0)


def report(rng: random.Random) -> dict:
    authors = [corporate(rng)] if rng.random() < 0.6 else people(rng, rng.randint(1, 6))
    item = {"author": authors, "title": book_title(rng)} | imprint(rng)
    if authors[0].get("literal") and rng.random() < 0.5:
        item["publisher"] = authors[0]["literal"]
    if rng.random() < 0.3:
        item["genre"] = rng.choice(GENRES["report"])
    return item | identifiers(rng, doi=0.05, pmid=0, url=0.35)


def thesis(rng: random.Random) -> dict:
    university, place = rng.choice(UNIVERSITIES)
    return {"author": [person(rng)], "title": article_title(rng), "genre": rng.choice(GENRES["thesis"]),
            "publisher": university, "publisher-place": place} | identifiers(rng, doi=0, pmid=0, url=0.2)


def webpage(rng: random.Random) -> dict:
    authors = [corporate(rng)] if rng.random() < 0.6 else people(rng, rng.randint(1, 2))
    return {"author": authors, "title": article_title(rng), "container-title": rng.choice(WEBSITES),
            "URL": url_for(rng), "accessed": accessed(rng)}


def conference_paper(rng: random.Random) -> dict:
    meeting = openvocab.conference(rng) if rng.random() < OPEN else rng.choice(CONFERENCES)
    item = {"author": people(rng), "title": article_title(rng), "container-title": meeting,
            "event-place": openvocab.place(rng) if rng.random() < OPEN else rng.choice(EVENT_PLACES),
            "page": pages(rng)}
    if rng.random() < 0.5:
        item |= imprint(rng)
    return item | identifiers(rng, doi=0.3, pmid=0, url=0)


def csl_person(author: Mapping) -> dict:
    """A gold author as a CSL name: initials "DL" -> "D. L." as CSL expects them."""
    if author.get("literal"):
        return {"literal": author["literal"]}
    return {"family": author.get("family") or "", "given": initials_with_dots(author.get("given")) or ""}


BUILDERS = {"journal-article": journal_article, "book": book, "chapter": chapter, "report": report,
            "thesis": thesis, "webpage": webpage, "conference-paper": conference_paper}


def corpus_record(gold: Mapping, key: str) -> dict:
    """A corpus work (a seed gold record's field values) as a CSL-JSON record."""
    item = {"id": key, "type": CSL_TYPES.get(gold.get("type") or "other", "document")}
    if gold.get("authors"):
        item["author"] = [csl_person(a) for a in gold["authors"]]
    if gold.get("year"):
        item["issued"] = {"date-parts": [[int(gold["year"])]]}
    fields = {"title": "title", "container": "container-title", "volume": "volume", "issue": "issue",
              "publisher": "publisher", "place": "publisher-place", "doi": "DOI"}
    item.update({csl: str(gold[f]) for f, csl in fields.items() if gold.get(f)})
    first, last = gold.get("first_page") or gold.get("article_number"), gold.get("last_page")
    if first:
        item["page"] = f"{first}-{last}" if last else str(first)
    return item
