"""RIS, the tagged format every reference manager and evidence tool imports.

A truncated author list (printed "et al.") ends in an author line "others",
as BibTeX's `and others`; a complete list never does.
"""

from __future__ import annotations

from collections.abc import Sequence

from .item import CiteItem, initials_with_dots

RIS_TYPE = {"journal-article": "JOUR", "book": "BOOK", "report": "RPRT", "chapter": "CHAP", "other": "GEN"}


def ris_record(item: CiteItem) -> list[tuple[str, str]]:
    tags: list[tuple[str, str | None]] = [("TY", RIS_TYPE[item.type]), ("ID", item.key)]
    for a in item.authors:
        given = initials_with_dots(a.given)
        tags.append(("AU", a.literal if a.literal is not None else ", ".join(x for x in (a.family, given) if x)))
    if item.et_al:
        tags.append(("AU", "others"))  # the list was printed cut short: as BibTeX's "and others"
    tags += [("TI", item.title), ("T2" if item.type != "journal-article" else "JO", item.container),
             ("PY", str(item.year) if item.year is not None else None), ("VL", item.volume),
             ("IS", item.issue), ("SP", item.first_page or item.article_number), ("EP", item.last_page),
             ("PB", item.publisher), ("CY", item.place), ("DO", item.doi)]
    return [(t, v) for t, v in tags if v]


def write_ris(items: Sequence[CiteItem]) -> str:
    lines = []
    for item in items:
        lines += [f"{tag}  - {value}" for tag, value in ris_record(item)]
        lines += ["ER  - ", ""]
    return "\r\n".join(lines)
