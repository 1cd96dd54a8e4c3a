"""OpenCitations id strings: "omid:br/06101 doi:10.1/x pmid:123" -> the DOI (lower-cased, as identity keys it)."""

from __future__ import annotations

from ..doi import bare_doi


def doi_in(ids: str) -> str | None:
    """The first well-formed DOI among space-separated `prefix:value` ids; None when there is none."""
    for part in (ids or "").split():
        prefix, _, value = part.partition(":")
        if prefix == "doi" and (doi := bare_doi(value)):
            return doi.lower()
    return None


def all_ids(ids: str) -> dict[str, str]:
    """{"omid": "br/06101", "doi": "10.1/x", "pmid": "123"} (first of each prefix)."""
    out: dict[str, str] = {}
    for part in (ids or "").split():
        prefix, _, value = part.partition(":")
        out.setdefault(prefix, value)
    return out
