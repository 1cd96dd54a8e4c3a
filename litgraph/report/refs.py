"""Formatted references for the report: every work once, in one CSL style, as safe HTML."""

from __future__ import annotations

import re

from ..cite.item import CiteItem
from ..errors import InputError
from .html import safe_entry


def formatted_references(items: dict[str, CiteItem], style: str) -> dict[str, str]:
    """Work IRI -> its reference in `style`, as inline HTML.

    All works are formatted in one bibliography (the style is parsed once, and
    author-date styles can tell same-author, same-year works apart). Numeric styles
    print a citation number that means nothing outside that bibliography, so it is
    dropped; pages list references in their own order.
    """
    from ..cite.styled import format_entries

    ordered = sorted(items.values(), key=lambda i: (i.key, i.work))
    entries = [safe_entry(e) for e in format_entries(ordered, style, "html")]
    if len(entries) != len(ordered):
        raise InputError(f"style {style!r} formatted {len(entries)} of {len(ordered)} works")
    return {item.work: text for item, text in zip(ordered, without_numbers(entries))}


def without_numbers(entries: list[str]) -> list[str]:
    """Drop the leading citation numbers (`1.`, `[1]`, `1 `) when every entry has its own, in order."""
    entries = [re.sub(r'^<div class="csl-left-margin">(.*?)</div><div class="csl-right-inline">(.*)</div>$',
                      r"\1 \2", e, flags=re.S) for e in entries]  # second-field-align styles (cite/styled.py)
    patterns = [re.compile(rf"^\s*\[?{n}[.\])]?\s*(?=\D)") for n in range(1, len(entries) + 1)]
    if entries and all(p.match(e) for p, e in zip(patterns, entries)):
        return [p.sub("", e, count=1) for p, e in zip(patterns, entries)]
    return entries


def short_label(item: CiteItem | None) -> str:
    """`Sells 2006`, `Department of Health 2009`, or the title when there is no author."""
    if item is None:
        return "unknown work"
    first = item.authors[0] if item.authors else None
    name = (first.literal or first.family) if first else None
    more = " et al." if len(item.authors) > 2 else (f" & {item.authors[1].family or item.authors[1].literal}"
                                                    if len(item.authors) == 2 else "")
    who = f"{name}{more}" if name else (item.title or item.key)
    return f"{who} {item.year}" if item.year else who


def reference_order(item: CiteItem) -> tuple:
    """Sort key of a reference list: first author, year, citation key."""
    first = item.authors[0].sort_name.lower() if item.authors else (item.title or "").lower()
    return first, item.year or 0, item.key
