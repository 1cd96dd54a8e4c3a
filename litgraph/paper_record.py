"""Check a paper record (papers/*.yaml, crossref/papers/*.yaml) field by field and make it a Paper.

Every field is checked for its type and range before anything is built from
it: a YAML `true` is not a year, an empty `title:` is not a title, `[1, 2]` is
not a volume and `10.1234` (a number to YAML) is not a DOI. A problem raises
CorpusError naming the file, the line and the field.

    doi        text, a DOI (litgraph.doi)            title   non-empty text
    authors    non-empty list of {family, given} or {literal}
    year       whole number, 1000..2100               type    one of WORK_TYPES
    volume, issue, first_page, last_page, article_number      text or whole number
    container, publisher, source, references, cited_by        text
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .doi import doi_problem
from .errors import CorpusError
from .model import Author, Paper
from .yamlread import line_of

PAPER_KEYS = {"doi", "title", "authors", "year", "type"}
NUMBER_KEYS = ("volume", "issue", "first_page", "last_page", "article_number")
TEXT_KEYS = ("container", "publisher", "source", "references", "cited_by")
OPTIONAL_KEYS = set(NUMBER_KEYS) | set(TEXT_KEYS)
WORK_TYPES = {"journal-article", "book", "report", "chapter", "other"}
AUTHOR_KEYS = {"family", "given", "literal"}
YEARS = range(1000, 2101)


def paper_from_record(record: Any, path: Path) -> Paper:
    """The Paper a record describes.

    Raises:
        CorpusError: a field is missing, unknown, or of the wrong type or range.
    """
    check_keys(record, path)
    text = {key: optional_text(record, path, key) for key in OPTIONAL_KEYS}
    return Paper(
        doi=record_doi(record, path), slug=path.stem, title=record_title(record, path),
        authors=record_authors(record, path), year=record_year(record, path),
        type=record_type(record, path), container=text["container"], volume=text["volume"],
        issue=text["issue"], first_page=text["first_page"], last_page=text["last_page"],
        article_number=text["article_number"], publisher=text["publisher"],
        source=text["source"] or "",
    )


def field_error(record: Any, path: Path, key: str, message: str) -> CorpusError:
    return CorpusError(str(path), f"{key}: {message}", line_of(record, key))


def check_keys(record: Any, path: Path) -> None:
    if not isinstance(record, dict):
        raise CorpusError(str(path), "a paper record must be a mapping of fields", line_of(record))
    missing = PAPER_KEYS - record.keys()
    if missing:
        raise CorpusError(str(path), f"missing field(s): {', '.join(sorted(missing))}", line_of(record))
    unknown = sorted(str(k) for k in record.keys() - PAPER_KEYS - OPTIONAL_KEYS)
    if unknown:
        raise field_error(record, path, unknown[0], f"unknown field(s): {', '.join(unknown)}")


def record_doi(record: dict, path: Path) -> str:
    problem = doi_problem(record["doi"])
    if problem:
        raise field_error(record, path, "doi", problem)
    return record["doi"].strip()


def record_title(record: dict, path: Path) -> str:
    title = record["title"]
    if not isinstance(title, str) or not title.strip():
        hint = " (quote it if YAML reads it as a number or date)" if title is not None else ""
        raise field_error(record, path, "title", f"must be non-empty text, not {title!r}{hint}")
    return title


def record_year(record: dict, path: Path) -> int:
    year = record["year"]
    if isinstance(year, bool) or not isinstance(year, int) or year not in YEARS:
        raise field_error(record, path, "year", f"must be a whole number from {YEARS[0]} to {YEARS[-1]}, "
                                                f"not {year!r}")
    return year


def record_type(record: dict, path: Path) -> str:
    if not isinstance(record["type"], str) or record["type"] not in WORK_TYPES:
        raise field_error(record, path, "type", f"must be one of {', '.join(sorted(WORK_TYPES))}, "
                                                f"not {record['type']!r}")
    return record["type"]


def optional_text(record: dict, path: Path, key: str) -> str | None:
    """A text field (or, for volume, issue and pages, a whole number) as text; None when absent."""
    value = record.get(key)
    if value is None:
        return None
    whole = key in NUMBER_KEYS and isinstance(value, int) and not isinstance(value, bool)
    if not whole and not (isinstance(value, str) and value.strip()):
        kind = "text or a whole number" if key in NUMBER_KEYS else "text"
        raise field_error(record, path, key, f"must be non-empty {kind}, not {value!r}"
                                             + (" (quote it)" if isinstance(value, (int, float)) else ""))
    return str(value)


def record_authors(record: dict, path: Path) -> tuple[Author, ...]:
    value = record["authors"]
    if not isinstance(value, list) or not value:
        raise field_error(record, path, "authors", f"must be a non-empty list, not {value!r}")
    return tuple(author_from_item(item, record, path) for item in value)


def author_from_item(item: Any, record: dict, path: Path) -> Author:
    line = line_of(item) or line_of(record, "authors")
    shape = "needs 'family' (and 'given') or 'literal'"
    if not isinstance(item, dict) or not item.keys() <= AUTHOR_KEYS or not item.keys() & {"family", "literal"}:
        raise CorpusError(str(path), f"authors: {item!r} {shape}", line)
    if "literal" in item and item.keys() - {"literal"}:
        raise CorpusError(str(path), f"authors: {item!r} gives 'literal' with other names; {shape}", line)
    for key in item.keys() & {"family", "literal"}:
        if not isinstance(item[key], str) or not item[key].strip():
            raise CorpusError(str(path), f"authors: {key} must be non-empty text, not {item[key]!r}", line)
    if item.get("given") is not None and not isinstance(item["given"], str):
        raise CorpusError(str(path), f"authors: given must be text, not {item['given']!r}", line)
    return Author(family=item.get("family"), given=item.get("given"), literal=item.get("literal"))
