"""RIS (EndNote, Zotero, Covidence, Rayyan exports), read with rispy one record at a time.

The file is cut into `TY  - ... ER  -` records first, so a record rispy cannot
read costs only itself; text outside any record is one failed entry.
"""

from __future__ import annotations

import re

from ..model import ParsedReference
from .fields import clean, comma_name, doi_of, pages, work_type, year_of
from .records import ImportedRecord, ImportFailure, ImportResult, checked, result

START = re.compile(r"^\s*TY  -")
END = re.compile(r"^\s*ER  -")
PMID = re.compile(r"PMID:\s*(\d+)")
PMCID = re.compile(r"\b(PMC\d+)\b")


def read_ris(text: str, path: str = "") -> ImportResult:
    return result("ris", [read_block(i, line, lines) for i, (line, lines) in enumerate(blocks(text), 1)])


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each record, and of each run of stray text between records."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if current is None and not line.strip():
            continue
        if current is None or START.match(line):
            current = [line]
            out.append((number, current))
        else:
            current.append(line)
        if END.match(line) or (not START.match(current[0]) and not line.strip()):
            current = None
    return out


def read_block(index: int, line: int, lines: list[str]) -> ImportedRecord | ImportFailure:
    raw = "\n".join(lines).strip()
    if not START.match(lines[0]):
        return ImportFailure(index, line, "text outside a 'TY  - ... ER  -' record")
    if not any(END.match(x) for x in lines):
        return ImportFailure(index, line, "record has no 'ER  -' line")
    import rispy

    try:
        entries = rispy.loads(raw + "\n")
    except Exception as exc:  # rispy raises bare IOError/KeyError on a bad record
        return ImportFailure(index, line, f"not a RIS record ({exc})")
    return checked(index, line, raw, fields(raw, entries[0])) if entries else \
        ImportFailure(index, line, "empty record")


def fields(raw: str, e: dict) -> ParsedReference:
    names = e.get("authors", []) + e.get("first_authors", [])
    first, last = pages(e.get("start_page"), e.get("end_page"))
    notes = " ".join(str(x) for k in ("notes", "note", "custom2", "accession_number", "unknown_tag")
                     for x in as_list(e.get(k)))
    return ParsedReference(
        raw=raw, type=work_type(e.get("type_of_reference")), authors=tuple(comma_name(n) for n in names),
        year=year_of(e.get("year") or e.get("publication_year") or e.get("date")),
        title=clean(e.get("title") or e.get("primary_title")),
        container=clean(e.get("secondary_title") or e.get("journal_name") or e.get("alternate_title3")
                        or e.get("alternate_title1")),
        volume=clean(e.get("volume")), issue=clean(e.get("number")), first_page=first, last_page=last,
        publisher=clean(e.get("publisher")), place=clean(e.get("place_published")), doi=doi_of(e.get("doi")),
        issn=clean(e.get("issn")), pmid=match(PMID, notes) or pmid_field(e.get("accession_number")),
        pmcid=match(PMCID, notes), url=next(iter(as_list(e.get("urls"))), None),
        abstract=clean(e.get("abstract") or e.get("notes_abstract")))


def as_list(value) -> list:
    return value if isinstance(value, list) else ([] if value is None else [value])


def match(pattern: re.Pattern, text: str) -> str | None:
    found = pattern.search(text)
    return found.group(1) if found else None


def pmid_field(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip().isdigit() else None
