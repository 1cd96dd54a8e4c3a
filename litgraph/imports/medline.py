"""PubMed's MEDLINE format (.nbib, .txt): `TAG - value` lines, continuations indented six spaces.

Records are separated by blank lines and start with `PMID-`. A line that is
neither a tag line nor a continuation makes its record fail, with that line.
"""

from __future__ import annotations

import re

from ..model import ParsedReference
from .fields import clean, comma_name, doi_of, pages, work_type, year_of
from .records import ImportedRecord, ImportFailure, ImportResult, checked, result

TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$")


def read_medline(text: str, path: str = "") -> ImportResult:
    return result("medline", [read_record(i, line, lines) for i, (line, lines) in enumerate(records(text), 1)])


def records(text: str) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if not line.strip():
            current = None
        elif current is None or line.startswith("PMID-"):
            current = [line]
            out.append((number, current))
        else:
            current.append(line)
    return out


def read_record(index: int, line: int, lines: list[str]) -> ImportedRecord | ImportFailure:
    raw = "\n".join(lines)
    tags: list[list[str]] = []
    for offset, text in enumerate(lines):
        found = TAG.match(text)
        if found:
            tags.append([found.group(1), found.group(2)])
        elif text.startswith("      ") and tags:
            tags[-1][1] += " " + text.strip()
        else:
            return ImportFailure(index, line + offset, f"not a MEDLINE line ({text[:40]!r})")
    if not tags or tags[0][0] != "PMID":
        return ImportFailure(index, line, "a MEDLINE record starts with 'PMID- '")
    return checked(index, line, raw, fields(raw, tags))


def fields(raw: str, tags: list[list[str]]) -> ParsedReference:
    values: dict[str, list[str]] = {}
    for tag, value in tags:
        values.setdefault(tag, []).append(value.strip())
    one = lambda tag: values.get(tag, [None])[0]  # noqa: E731
    names = values.get("FAU") or values.get("AU") or []
    first, last = pages(one("PG"))
    ids = values.get("AID", []) + values.get("LID", [])
    return ParsedReference(
        raw=raw, type=work_type(one("PT")), authors=tuple(comma_name(n) if "," in n else full_or_body(n)
                                                          for n in names),
        year=year_of(one("DP")), title=clean(one("TI")), container=clean(one("JT") or one("TA")),
        volume=clean(one("VI")), issue=clean(one("IP")), first_page=first, last_page=last,
        doi=next((doi_of(i) for i in ids if i.endswith("[doi]")), None),
        issn=clean(re.sub(r"\s*\(.*\)$", "", one("IS") or "")), pmid=clean(one("PMID")), pmcid=clean(one("PMC")),
        url=None, abstract=clean(one("AB")), publisher=clean(one("PB")), place=clean(one("PL")))


def full_or_body(name: str):
    """An `AU` name ("Sells D") or a collective name (`CN`)."""
    from ..model import Author

    family, _, initials = name.rpartition(" ")
    if family and initials.isupper() and len(initials) <= 3:
        return Author(family=family, given=initials)
    return Author(literal=clean(name))
