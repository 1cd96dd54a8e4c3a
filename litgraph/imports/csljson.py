"""CSL-JSON (Zotero, Mendeley, citeproc exports): a JSON list of items, read directly.

Items are decoded one at a time (`raw_decode`), so each keeps its line and an
item that is not an object fails alone; a syntax error ends the reading there,
as one failed entry naming its line.
"""

from __future__ import annotations

import json

from ..model import Author, ParsedReference
from .fields import clean, doi_of, pages, person, work_type, year_of
from .records import ImportedRecord, ImportFailure, ImportResult, checked, result


def read_csl_json(text: str, path: str = "") -> ImportResult:
    text = text.lstrip("\ufeff")
    start = len(text) - len(text.lstrip())
    if text[start:start + 1] == "{":      # one item on its own (how the build re-reads an entry)
        return result("csl-json", list(items(text, start, single=True)))
    if text[start:start + 1] != "[":
        return result("csl-json", [ImportFailure(1, 1, "not a CSL-JSON list (expected '[')")])
    return result("csl-json", list(items(text, start + 1)))


def items(text: str, pos: int, single: bool = False):
    decoder, index = json.JSONDecoder(), 0
    while True:
        pos = skip(text, pos)
        if pos >= len(text) or text[pos] == "]":
            return
        index += 1
        line = text.count("\n", 0, pos) + 1
        try:
            item, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield ImportFailure(index, exc.lineno, f"JSON syntax error ({exc.msg}); the rest of the file is not read")
            return
        yield read_item(index, line, item)
        if single:
            return


def skip(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] == ","):
        pos += 1
    return pos


def read_item(index: int, line: int, item) -> ImportedRecord | ImportFailure:
    if not isinstance(item, dict):
        return ImportFailure(index, line, f"a CSL-JSON item must be an object, not {type(item).__name__}")
    raw = json.dumps(item, ensure_ascii=False, sort_keys=True)
    try:
        return checked(index, line, raw, fields(raw, item))
    except (TypeError, AttributeError, ValueError) as exc:
        return ImportFailure(index, line, f"item {item.get('id', '')!r}: a field has the wrong type ({exc})")


def fields(raw: str, item: dict) -> ParsedReference:
    first, last = pages(text(item.get("page")))
    return ParsedReference(
        raw=raw, type=work_type(item.get("type")), authors=tuple(name(a) for a in item.get("author") or []),
        year=issued_year(item.get("issued")), title=clean(text(item.get("title"))),
        container=clean(text(item.get("container-title"))), volume=clean(text(item.get("volume"))),
        issue=clean(text(item.get("issue"))), first_page=first, last_page=last,
        publisher=clean(text(item.get("publisher"))), place=clean(text(item.get("publisher-place"))),
        doi=doi_of(text(item.get("DOI"))), issn=clean(text(item.get("ISSN"))), pmid=clean(text(item.get("PMID"))),
        pmcid=clean(text(item.get("PMCID"))), url=clean(text(item.get("URL"))),
        abstract=clean(text(item.get("abstract"))))


def text(value) -> str | None:
    """A CSL string field (a list is joined: Zotero writes ISSN lists)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    raise TypeError(f"{value!r} is not text")


def name(author: dict) -> Author:
    if not isinstance(author, dict):
        raise TypeError(f"author {author!r} is not an object")
    if author.get("literal"):
        return Author(literal=clean(author["literal"]))
    return person(author.get("family"), author.get("given"))


def issued_year(issued) -> int | None:
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts") or [[None]]
    first = parts[0][0] if parts and parts[0] else None
    return int(first) if isinstance(first, (int, str)) and str(first).isdigit() else year_of(issued.get("raw"))
