"""The records every import reader returns: what was read, what failed, and the count that ties them.

A reader is a pure function `read_<format>(text, path) -> ImportResult`. Each
entry of the file is either an `ImportedRecord` (its verbatim text and the
fields read from it) or an `ImportFailure` (its index and line, and why), so
`read == len(records) + len(failures)` always holds; `ImportResult` checks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import ParsedReference

FORMATS = ("bibtex", "ris", "csl-json", "medline", "tei")


@dataclass(frozen=True, slots=True)
class ImportedRecord:
    """One entry read: its 1-based index in the file, its first line, its verbatim text, its fields."""

    index: int
    line: int
    raw: str
    parsed: ParsedReference


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """One entry that could not be read: where (index and line) and why."""

    index: int
    line: int
    message: str

    def describe(self, path: str) -> str:
        return f"{path}:{self.line}: entry {self.index}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    format: str
    records: tuple[ImportedRecord, ...]
    failures: tuple[ImportFailure, ...]
    read: int

    def __post_init__(self) -> None:
        if self.read != len(self.records) + len(self.failures):
            raise AssertionError(f"{self.format} import: {self.read} entries read but "
                                 f"{len(self.records)} imported + {len(self.failures)} failed")


def result(fmt: str, outcomes: list[ImportedRecord | ImportFailure]) -> ImportResult:
    """An ImportResult from one outcome per entry, in file order."""
    records = tuple(o for o in outcomes if isinstance(o, ImportedRecord))
    failures = tuple(o for o in outcomes if isinstance(o, ImportFailure))
    return ImportResult(fmt, records, failures, len(outcomes))


def checked(index: int, line: int, raw: str, parsed: ParsedReference) -> ImportedRecord | ImportFailure:
    """The record, or a failure when it has nothing identity could match on (no title, DOI or author)."""
    bad = re.search(r"[\udc80-\udcff]", raw)
    if bad:
        byte = ord(bad.group()) - 0xDC00
        return ImportFailure(index, line + raw.count("\n", 0, bad.start()),
                             f"byte 0x{byte:02X} is not UTF-8 (save the file as UTF-8)")
    if not (parsed.title or parsed.doi or parsed.authors):
        return ImportFailure(index, line, "no title, DOI or author")
    return ImportedRecord(index, line, raw, parsed)
