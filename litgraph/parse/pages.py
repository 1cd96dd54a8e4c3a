"""Read a printed page locator: a range, a single page or an article number.

Three repairs are made, each explained in a warning where it is a guess:

- abbreviated last pages are expanded ("1179-84" -> 1179, 1184);
- a range whose dash a capture lost ("8296") is restored when exactly one
  split of the digits makes a plausible range (82-96); see `restore_range`;
- a range glued to what followed ("189-") keeps its first page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
RANGE = re.compile(r"^([A-Za-z]{0,3}\d+[A-Za-z]?)\s*[%s]+\s*([A-Za-z]{0,3}\d*[A-Za-z]?)$" % DASHES)
MAX_RANGE = 150


@dataclass(frozen=True, slots=True)
class Pages:
    """The page fields read from one locator."""

    first: str | None = None
    last: str | None = None
    article_number: str | None = None
    warnings: tuple[str, ...] = ()


def read_pages(text: str | None, single: bool = False) -> Pages:
    """Read a page locator as printed.

    Args:
        text: The locator, e.g. ``"1179-84"``, ``"8296"``, ``"CD004807"``.
        single: The locator is marked as one page ("p. 1266"): never split it.

    Returns:
        The first and last page, or the article number, with warnings.

    Example:
        >>> read_pages("1493-6")
        Pages(first='1493', last='1496', article_number=None, warnings=())
    """
    text = (text or "").strip().strip(".,;")
    if not text:
        return Pages()
    match = RANGE.match(text)
    if match is not None:
        return read_range(match.group(1), match.group(2))
    if re.fullmatch(r"[A-Za-z]+\d+|\d+[A-Za-z]+\d*", text):
        return Pages(article_number=text)
    if text.isdigit() and len(text) >= 4 and not single:
        return restore_range(text)
    return Pages(first=text)


def read_range(first: str, last: str) -> Pages:
    """A printed range; the last page expanded when abbreviated ("1179-84")."""
    if not last:
        return Pages(first=first, warnings=(f"page range '{first}-' has no last page; first page kept",))
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[:len(first) - len(last)] + last
    if first.isdigit() and last.isdigit() and int(last) < int(first):
        return Pages(first=first, last=last, warnings=(f"page range {first}-{last} runs backwards",))
    return Pages(first=first, last=last)


def dashless_splits(digits: str) -> list[tuple[int, int]]:
    """Every split of `digits` into a plausible range (a, b): a < b <= a + 150."""
    splits = []
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if right.startswith("0") or left.startswith("0"):
            continue
        first, last = int(left), int(right)
        if first < last <= first + MAX_RANGE:
            splits.append((first, last))
    return splits


def restore_range(digits: str) -> Pages:
    """Restore a page range whose dash was lost, if exactly one split is plausible.

    Example:
        >>> restore_range("8296").first, restore_range("8296").last
        ('82', '96')
    """
    splits = dashless_splits(digits)
    if len(splits) == 1:
        first, last = splits[0]
        note = f"page range restored: '{digits}' read as {first}-{last} (dash lost in the capture)"
        return Pages(first=str(first), last=str(last), warnings=(note,))
    note = f"pages '{digits}' may be a range whose dash was lost; kept as printed"
    return Pages(first=digits, warnings=(note,))
