"""Which format a file is in, from its content (never its name)."""

from __future__ import annotations

import re

from .records import FORMATS

RIS = re.compile(r"^\s*TY  - ", re.M)
MEDLINE = re.compile(r"^PMID- ?\d", re.M)
BIBTEX = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)
TEI = re.compile(r"<(?:[A-Za-z0-9_]+:)?(?:TEI|teiCorpus|listBibl|biblStruct)\b|http://www\.tei-c\.org/ns/1\.0")


def detect_format(text: str) -> str | None:
    """"ris", "csl-json", "medline", "bibtex" or "tei"; None when the content is none of them."""
    head = text.lstrip("\ufeff \t\r\n")[:20_000]
    if head.startswith("<"):
        return "tei" if TEI.search(head) else None
    if head.startswith(("[", "{")):
        return "csl-json"
    for name, pattern in (("ris", RIS), ("medline", MEDLINE), ("bibtex", BIBTEX)):
        if pattern.search(head):
            return name
    return None


def check_format(name: str) -> str:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return name
