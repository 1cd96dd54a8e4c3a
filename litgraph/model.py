"""The frozen core model: plain records with no rdflib, habanero or bibtexparser types.

Every stage of the pipeline takes and returns these records:

    corpus (files)  ->  Paper, ReferenceEntry
    parse           ->  ParsedReference (inside each ReferenceEntry)
    identity        ->  Work (one per cluster of entries), MergeDecision
    triples         ->  RDF
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

WorkType = Literal["journal-article", "book", "report", "chapter", "other"]
ListName = Literal["references", "cited_by", "paper", "library"]


@dataclass(frozen=True, slots=True)
class Author:
    """A person (`family`, `given`) or a body (`literal`).

    `given` is as the source gives it: initials from a printed list ("DL"), the
    full given names from an imported record ("Steven Lloyd").
    """

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        if self.literal is not None:
            return {"literal": self.literal}
        return {"family": self.family, "given": self.given}

    @property
    def sort_name(self) -> str:
        return self.literal if self.literal is not None else (self.family or "")


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """The fields read from one printed reference string, and what went wrong."""

    raw: str
    type: WorkType = "other"
    authors: tuple[Author, ...] = ()
    et_al: bool = False
    year: int | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    publisher: str | None = None
    place: str | None = None
    doi: str | None = None
    warnings: tuple[str, ...] = ()
    # Kept from imported records (RIS, CSL-JSON, MEDLINE, BibTeX, TEI); a printed string has none.
    issn: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    abstract: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `litgraph refs parse` (keys in documented order)."""
        return {
            "raw": self.raw,
            "type": self.type,
            "authors": [a.as_dict() for a in self.authors],
            "et_al": self.et_al,
            "year": self.year,
            "title": self.title,
            "container": self.container,
            "volume": self.volume,
            "issue": self.issue,
            "first_page": self.first_page,
            "last_page": self.last_page,
            "article_number": self.article_number,
            "publisher": self.publisher,
            "place": self.place,
            "doi": self.doi,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper whose text litgraph holds: a seed paper, with its metadata as printed."""

    doi: str
    slug: str
    title: str
    authors: tuple[Author, ...]
    year: int
    type: WorkType
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    publisher: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    """One printed line of a list: a reference list entry or a "Cited by" entry.

    `position` is the printed number where the list is numbered, else the
    1-based order in which the line is printed. `line` is the line in `path`.
    """

    paper_doi: str
    list: ListName
    position: int
    raw: str
    parsed: ParsedReference
    path: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """A stable key for the entry: `<paper DOI>#<list>/<position>`."""
        return f"{self.paper_doi}#{self.list}/{self.position}"


@dataclass(frozen=True, slots=True)
class Member:
    """Something that denotes a work: an entry of a list, or a paper itself."""

    paper_doi: str
    list: ListName
    position: int | None

    @property
    def key(self) -> str:
        if self.list == "paper":
            return f"{self.paper_doi}#paper"
        return f"{self.paper_doi}#{self.list}/{self.position}"

    def as_dict(self) -> dict[str, object]:
        if self.list == "library":
            return {"paper_doi": None, "list": "library", "position": self.position,
                    "library": self.paper_doi.removeprefix("library:")}
        return {"paper_doi": self.paper_doi, "list": self.list, "position": self.position}


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """Why two members were judged the same work (or kept apart)."""

    left: str
    right: str
    same: bool
    score: float
    reasons: tuple[str, ...]
    method: Literal["doi", "score", "curator"]


@dataclass(frozen=True, slots=True)
class Work:
    """One work: a cluster of members, with the best fields its members offer."""

    id: str
    doi: str | None
    title: str | None
    year: int | None
    authors: tuple[Author, ...]
    type: WorkType
    container: str | None
    volume: str | None
    issue: str | None
    first_page: str | None
    last_page: str | None
    article_number: str | None
    publisher: str | None
    place: str | None
    members: tuple[Member, ...] = field(default=())
    et_al: bool = False  # the chosen author list was printed cut short ("et al."): more authors exist
    sources: tuple[tuple[str, str], ...] = field(default=())  # (field, key of the member it came from)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `litgraph works`."""
        return {
            "id": self.id,
            "doi": self.doi,
            "title": self.title,
            "year": self.year,
            "authors": [a.as_dict() for a in self.authors],
            "type": self.type,
            "members": [m.as_dict() for m in self.members],
        }
