"""What a style reader returns, and how it becomes a `ParsedReference`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..doi import bare_doi
from ..model import ParsedReference
from .authors import Names
from .imprint import take_run_in_publisher
from .segments import drop_repeated_sentence
from .source import Source


@dataclass(frozen=True, slots=True)
class Reading:
    """The parts one printed style read from a reference string."""

    names: Names
    year: int | None
    source: Source
    warnings: tuple[str, ...] = ()


def year_of(text: str | None) -> int | None:
    """The year in a matched year group ("2012", "2012a"), or None."""
    digits = "".join(ch for ch in (text or "") if ch.isdigit())[:4]
    return int(digits) if len(digits) == 4 else None


def tidy_title(source: Source) -> Source:
    """Repair a garbled title: a sentence printed twice, a publisher run into its end."""
    title, repeated = drop_repeated_sentence(source.title)
    if repeated:
        source = replace(source, title=title, warnings=source.warnings + ("title repeats a sentence; one copy kept",))
    if source.title is None or source.publisher is not None:
        return source
    title, publisher = take_run_in_publisher(source.title)
    if publisher is None:
        return source
    note = f"publisher {publisher!r} run into the end of the title; moved to publisher"
    return replace(source, title=title, publisher=publisher, warnings=source.warnings + (note,))


def usable_doi(doi: str | None, notes: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """A printed DOI that is not well formed (it holds `<`, `>`, `{` or `}`) is no identity: drop it, and say so."""
    if doi is None or bare_doi(doi):
        return doi, notes
    return None, notes + (f"printed DOI {doi!r} is malformed; not used",)


def to_reference(raw: str, reading: Reading, doi: str | None, notes: tuple[str, ...] = ()) -> ParsedReference:
    """Assemble the frozen record; warn about missing years and titles."""
    doi, notes = usable_doi(doi, notes)
    source = tidy_title(reading.source)
    warnings = notes + reading.warnings + reading.names.warnings + source.warnings
    if reading.year is None and not any("year" in w for w in warnings):
        warnings += ("no year found",)
    if source.title is None and not any("title" in w or "style" in w for w in warnings):
        warnings += ("no title found",)
    return ParsedReference(
        raw=raw, type=source.type, authors=reading.names.authors, et_al=reading.names.et_al,
        year=reading.year, title=source.title, container=source.container, volume=source.volume,
        issue=source.issue, first_page=source.first_page, last_page=source.last_page,
        article_number=source.article_number, publisher=source.publisher, place=source.place,
        doi=doi, warnings=tuple(dict.fromkeys(warnings)),
    )
