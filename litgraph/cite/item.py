"""The record every writer formats: one work, as read back from the graph."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Author, WorkType


@dataclass(frozen=True, slots=True)
class CiteItem:
    key: str
    work: str
    type: WorkType
    title: str | None
    authors: tuple[Author, ...]
    year: int | None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    article_number: str | None = None
    publisher: str | None = None
    place: str | None = None
    doi: str | None = None
    group: str | None = None
    et_al: bool = False  # the author list is known to be cut short ("et al.")

    def missing(self) -> list[str]:
        """Fields a reference list needs that this work lacks."""
        needed = {"title": self.title, "authors": self.authors, "year": self.year}
        if self.type == "journal-article":
            needed["journal"] = self.container
        return [name for name, value in needed.items() if not value]


def initials_with_dots(given: str | None) -> str | None:
    """"DL" -> "D. L." (how CSL and BibTeX expect initials)."""
    if not given:
        return None
    if given.isupper() and given.isalpha() and len(given) <= 4:
        return " ".join(f"{letter}." for letter in given)
    return given
