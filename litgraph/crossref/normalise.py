"""Crossref's JSON as litgraph sees it: pure conversions into frozen records.

`work_from_crossref(message)` reads one `work` message (or one search hit)
into a `CrossrefWork`; its deposited reference list becomes
`DepositedReference` records; `reference_line` turns a deposited reference
into the one printed line a corpus list holds.

Example:
    >>> work = work_from_crossref({"DOI": "10.1176/APPI.PS.57.10.1493", "type": "journal-article",
    ...     "title": ["Impact of consumer-operated services"], "author": [{"family": "Corrigan",
    ...     "given": "Patrick W."}], "issued": {"date-parts": [[2006, 10]]}, "page": "1493-1496"})
    >>> work.doi, work.authors[0].given, work.year, work.first_page, work.last_page
    ('10.1176/appi.ps.57.10.1493', 'PW', 2006, '1493', '1496')
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from ..model import Author, WorkType

TYPES: dict[str, WorkType] = {
    "journal-article": "journal-article", "proceedings-article": "journal-article",
    "book": "book", "monograph": "book", "edited-book": "book", "reference-book": "book",
    "book-chapter": "chapter", "book-section": "chapter", "book-part": "chapter",
    "reference-entry": "chapter", "report": "report", "report-component": "report",
    "report-series": "report", "dissertation": "other", "posted-content": "other",
}
# Which of Crossref's dates gives the year: print first, as printed reference lists cite it.
YEAR_FIELDS = ("published-print", "issued", "published-online", "published", "created")
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DepositedReference:
    """One entry of the reference list a publisher deposited with Crossref."""

    key: str
    doi: str | None = None
    doi_asserted_by: str | None = None
    unstructured: str | None = None
    author: str | None = None
    year: str | None = None
    article_title: str | None = None
    journal_title: str | None = None
    volume_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None

    def fields(self) -> dict[str, str]:
        """The structured fields the deposit gives (empty when it gives only a string)."""
        names = ("author", "year", "article_title", "journal_title", "volume_title", "volume",
                 "issue", "first_page")
        return {n: getattr(self, n) for n in names if getattr(self, n)}


@dataclass(frozen=True, slots=True)
class CrossrefWork:
    """A work as Crossref describes it, in litgraph's vocabulary."""

    doi: str
    title: str | None
    authors: tuple[Author, ...]
    year: int | None
    type: WorkType
    crossref_type: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    publisher: str | None = None
    references_count: int | None = None
    is_referenced_by_count: int | None = None
    references: tuple[DepositedReference, ...] = ()
    years: tuple[int, ...] = ()
    relevance: float | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `litgraph crossref lookup` (references added by the caller)."""
        return {
            "doi": self.doi, "title": self.title, "authors": [a.as_dict() for a in self.authors],
            "year": self.year, "container": self.container, "volume": self.volume,
            "issue": self.issue, "first_page": self.first_page, "last_page": self.last_page,
            "article_number": self.article_number, "publisher": self.publisher, "type": self.type,
            "crossref_type": self.crossref_type, "references_count": self.references_count,
            "is_referenced_by_count": self.is_referenced_by_count,
        }


def work_from_crossref(message: dict[str, Any]) -> CrossrefWork:
    """Read a Crossref `work` message, or one item of a `work-list`, into a CrossrefWork."""
    first_page, last_page = split_pages(text_of(message.get("page")))
    years = tuple(dict.fromkeys(y for y in (year_of(message.get(f)) for f in YEAR_FIELDS) if y))
    return CrossrefWork(
        doi=str(message.get("DOI", "")).strip().lower(),
        title=title_of(message),
        authors=tuple(author_of(a) for a in message.get("author") or () if isinstance(a, dict)),
        year=years[0] if years else None,
        type=TYPES.get(str(message.get("type")), "other"),
        crossref_type=message.get("type"),
        container=first_text(message.get("container-title")),
        volume=text_of(message.get("volume")),
        issue=text_of(message.get("issue")),
        first_page=first_page,
        last_page=last_page,
        article_number=text_of(message.get("article-number")),
        publisher=text_of(message.get("publisher")),
        references_count=int_of(message.get("references-count", message.get("reference-count"))),
        is_referenced_by_count=int_of(message.get("is-referenced-by-count")),
        references=tuple(reference_of(r, n) for n, r in enumerate(message.get("reference") or (), 1)
                         if isinstance(r, dict)),
        years=years,
        relevance=float(message["score"]) if isinstance(message.get("score"), int | float) else None,
    )


def clean(text: str | None) -> str | None:
    """Crossref text without markup, entities or runs of whitespace; None when empty."""
    if text is None:
        return None
    cleaned = SPACE.sub(" ", html.unescape(TAG.sub("", str(text)))).strip()
    return cleaned or None


def text_of(value: Any) -> str | None:
    return clean(str(value)) if value not in (None, "") else None


def first_text(value: Any) -> str | None:
    if isinstance(value, list):
        return clean(value[0]) if value else None
    return text_of(value)


def int_of(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def title_of(message: dict[str, Any]) -> str | None:
    title, subtitle = first_text(message.get("title")), first_text(message.get("subtitle"))
    if title and subtitle and subtitle.lower() not in title.lower():
        return f"{title}: {subtitle}"
    return title


def year_of(date: Any) -> int | None:
    try:
        year = date["date-parts"][0][0]
    except (TypeError, KeyError, IndexError):
        return None
    return int(year) if isinstance(year, int) or str(year).isdigit() else None


def initials(given: str | None) -> str | None:
    """ "Patrick W." -> "PW", "Jean-Pierre" -> "JP", "SG" -> "SG": given names as the corpus keeps them."""
    if not given:
        return None
    text = given.strip()
    if re.fullmatch(r"[A-Z]{1,4}", text):
        return text
    letters = [part[0].upper() for part in re.split(r"[\s.\-‐]+", text) if part and part[0].isalpha()]
    return "".join(letters) or None


def author_of(record: dict[str, Any]) -> Author:
    if record.get("family"):
        return Author(family=clean(record["family"]), given=initials(clean(record.get("given"))))
    return Author(literal=clean(record.get("name") or record.get("given")) or "Anonymous")


def split_pages(page: str | None) -> tuple[str | None, str | None]:
    """ "1493-1496" -> ("1493", "1496"); "e1234" -> ("e1234", None)."""
    if not page:
        return None, None
    parts = re.split(r"\s*[-‐‑‒–—]\s*", page, maxsplit=1)
    first = parts[0] or None
    last = parts[1] if len(parts) > 1 and parts[1] else None
    return first, last


def reference_of(record: dict[str, Any], number: int) -> DepositedReference:
    return DepositedReference(
        key=str(record.get("key") or f"ref{number}"),
        doi=(text_of(record.get("DOI")) or "").lower() or None,
        doi_asserted_by=text_of(record.get("doi-asserted-by")),
        unstructured=text_of(record.get("unstructured")),
        author=text_of(record.get("author")), year=text_of(record.get("year")),
        article_title=text_of(record.get("article-title")),
        journal_title=text_of(record.get("journal-title")),
        volume_title=text_of(record.get("volume-title")),
        volume=text_of(record.get("volume")), issue=text_of(record.get("issue")),
        first_page=text_of(record.get("first-page")),
    )


def reference_line(ref: DepositedReference) -> str | None:
    """The printed line for a deposited reference, as a corpus list holds it.

    The deposited string when there is one; otherwise the structured fields in
    one fixed Vancouver-like form the parser reads
    (`Author. Title. Journal. Year;Vol(Issue):First.`). Either way the line
    ends with `doi:<DOI>` when the deposit gives a DOI the text does not end
    with. None when the deposit gives nothing to print.

    Example:
        >>> reference_line(DepositedReference("r1", doi="10.1093/x", author="Davidson L",
        ...     year="2006", article_title="Peer support among adults", journal_title="Schizophr Bull",
        ...     volume="32", issue="3", first_page="443"))
        'Davidson L. Peer support among adults. Schizophr Bull. 2006;32(3):443. doi:10.1093/x'
    """
    text = ref.unstructured or composed(ref)
    if ref.doi and not (text or "").lower().rstrip(". ").endswith(ref.doi.lower()):
        text = f"{text} doi:{ref.doi}" if text else f"doi:{ref.doi}"
    return text


def composed(ref: DepositedReference) -> str | None:
    source = ref.year or ""
    if ref.volume:
        source += f";{ref.volume}" if source else ref.volume
        source += f"({ref.issue})" if ref.issue else ""
    if ref.first_page:
        source += f":{ref.first_page}" if source else ref.first_page
    parts = [ref.author, ref.article_title, ref.journal_title or ref.volume_title, source]
    text = " ".join(f"{p.rstrip('.')}." for p in parts if p)
    return text or None
