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
# What is read rather than curated (a library's doi field, a printed DOI) only needs to be
# well formed before it becomes an id: the shape, any registrant code, none of the characters above.
WELL_FORMED = re.compile(r"10\.[0-9]+(?:\.[0-9]+)*/[^\s<>\"{}]+")
FORBIDDEN = re.compile(r"[\s<>\"{}]")
RESOLVER = re.compile(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)")


def is_doi(text: str) -> bool:
    """True when `text` is a whole DOI as above (no `doi:` or URL prefix)."""
    return DOI.fullmatch(text) is not None


def bare_doi(text: str | None) -> str | None:
    """The well-formed DOI `text` gives, without a resolver prefix or a closing period; else None.

    >>> bare_doi("https://doi.org/10.1176/appi.ps.57.8.1179."), bare_doi("hello")
    ('10.1176/appi.ps.57.8.1179', None)
    """
    if not isinstance(text, str):
        return None
    doi = RESOLVER.sub("", text.strip()).rstrip(".")
    return doi if WELL_FORMED.fullmatch(doi) else None


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
