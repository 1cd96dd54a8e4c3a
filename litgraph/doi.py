"""What litgraph accepts as a DOI where a curator writes one (paper records, identity.yaml).

A DOI here is `10.<registrant>/<suffix>`: a registrant code of four or more
digits (dotted sub-codes allowed), and a suffix without whitespace or any of
`< > " { }`, which would break the IRIs and the id lock the DOI ends up in.
A DOI is locked into corpus/work-ids.tsv for ever, so a bad one is refused
before anything is written.

    >>> doi_problem("10.1176/appi.ps.57.8.1179") is None
    True
    >>> doi_problem("hello")
    "'hello' is not a DOI (10.NNNN/suffix)"
"""

from __future__ import annotations

import re
from typing import Any

DOI = re.compile(r"10\.[0-9]{4,9}(?:\.[0-9]+)*/[^\s<>\"{}]+")
FORBIDDEN = re.compile(r"[\s<>\"{}]")


def is_doi(text: str) -> bool:
    """True when `text` is a whole DOI as above (no `doi:` or URL prefix)."""
    return DOI.fullmatch(text) is not None


def doi_problem(value: Any) -> str | None:
    """Why `value` (as YAML read it) is not a DOI, or None when it is one."""
    if isinstance(value, float):
        return f"{value!r} was read as a number: quote it, e.g. doi: \"{value}\""
    if not isinstance(value, str) or not value.strip():
        return f"a DOI must be text such as 10.1234/abc, not {value!r}"
    text = value.strip()
    if re.match(r"(?i)(https?://(dx\.)?doi\.org/|doi:\s*)", text):
        return f"{text!r}: write the bare DOI, without 'doi:' or the doi.org address"
    if FORBIDDEN.search(text):
        return f"{text!r} is not a DOI: it holds whitespace or one of < > \" {{ }}"
    if not is_doi(text):
        return f"{text!r} is not a DOI (10.NNNN/suffix)"
    return None
