"""The hand-labelled seed gold (`tests/gold/refs/*.jsonl`) as labelled segments.

The gold records give field values, not token labels, so each value is found again in the
printed string (case-insensitively, left to right: authors, title, year, container, volume,
issue, pages, DOI, publisher, place) and the tokens under it take its label. The author
span runs from the first family name to the next field, so initials, "and" and "et al" go
with it. Tokens no value covers are labelled by `labels.resolve_unlabelled` (cue words,
punctuation with its neighbour, otherwise `note`).

Example:
    >>> record = {"raw": "Mason J: Qualitative researching. 1996, London: Sage", "type": "book",
    ...           "authors": [{"family": "Mason", "given": "J"}], "year": 1996,
    ...           "title": "Qualitative researching", "publisher": "Sage", "place": "London"}
    >>> gold_sequence(record, "seed").segments  # doctest: +NORMALIZE_WHITESPACE
    (('author', 'Mason J:'), ('title', 'Qualitative researching.'), ('date', '1996,'),
     ('location', 'London:'), ('publisher', 'Sage'))
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from .labels import TrainingSequence, label_tokens, segments_from_tokens

Span = tuple[int, int]

GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "gold" / "refs"


def gold_sequences(folder: Path = GOLD_DIR) -> Iterator[TrainingSequence]:
    """Every gold record of `folder`, in file and line order."""
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield gold_sequence(json.loads(line), f"gold:{path.stem}")


def gold_sequence(record: Mapping, style: str) -> TrainingSequence:
    raw = " ".join(record["raw"].split())
    char_labels: list[str | None] = [None] * len(raw)
    for label, (start, end) in field_spans(raw, record):
        char_labels[start:end] = [label] * (end - start)
    tokens, labels = label_tokens(raw, char_labels)
    return TrainingSequence(segments_from_tokens(tokens, labels), style, record.get("type") or "other")


def field_spans(raw: str, record: Mapping) -> list[tuple[str, Span]]:
    """(label, span) of every field value found in `raw`, authors first."""
    claimed: list[Span] = []
    families = family_spans(raw, record.get("authors") or [], claimed)
    claimed.extend(families)
    after = families[-1][1] if families else 0
    found = {}
    for field, label in field_order(record):
        span = find_value(raw, field, record, after_of(field, found, after), claimed)
        if span is not None:
            found[field] = span
            claimed.append(span)
    spans = [(label_for(field, record), span) for field, span in found.items()]
    return author_span(families, found) + spans


def field_order(record: Mapping) -> list[tuple[str, str]]:
    fields = ["title", "year", "container", "volume", "issue", "first_page", "article_number",
              "doi", "publisher", "place"]
    return [(f, f) for f in fields if record.get(f) not in (None, "")]


def after_of(field: str, found: Mapping[str, Span], after: int) -> int:
    """Where the search for `field` starts: after the field printed before it, if found."""
    before = {"container": "title", "volume": "container", "issue": "volume", "first_page": "volume",
              "publisher": "title", "place": "title"}.get(field)
    return found[before][1] if before in found else after


def label_for(field: str, record: Mapping) -> str:
    if field == "container":
        return "journal" if record.get("type") == "journal-article" else "container-title"
    return {"year": "date", "first_page": "pages", "article_number": "pages",
            "place": "location"}.get(field, field)


def family_spans(raw: str, authors: list, claimed: list[Span]) -> list[Span]:
    spans: list[Span] = []
    for author in authors:
        name = author.get("literal") or author.get("family") or ""
        span = search(raw, loose(name), spans[-1][1] if spans else 0, claimed) if name else None
        if span is not None:
            spans.append(span)
    return spans


def author_span(families: list[Span], found: Mapping[str, Span]) -> list[tuple[str, Span]]:
    """From the first family name up to the next field printed after the last one."""
    if not families:
        return []
    later = [start for start, _ in found.values() if start >= families[-1][1]]
    return [("author", (families[0][0], min(later, default=families[-1][1])))]


def find_value(raw: str, field: str, record: Mapping, after: int, claimed: list[Span]) -> Span | None:
    value = str(record[field])
    if field == "first_page":
        pattern = rf"(?<!\d){re.escape(value)}(?:\s?[-–]\s?\d+|\d*)(?!\d)"
    elif field == "year":
        pattern = rf"(?<![\d\w]){re.escape(value)}(?:\s?[a-z](?![a-z]))?(?![\d])"
    elif field in ("volume", "issue"):
        pattern = rf"(?<![\d\w]){re.escape(value)}(?![\d])"
    else:
        pattern = loose(value)
    return search(raw, pattern, after, claimed) or search(raw, pattern, 0, claimed)


def loose(value: str) -> str:
    """A pattern for `value` as printed: any run of spaces, a line-break space after a hyphen."""
    words = [re.escape(word) for word in value.split()]
    return r"\s+".join(words).replace(r"\-", r"-\s?")


def search(raw: str, pattern: str, after: int, claimed: list[Span]) -> Span | None:
    """The first match of `pattern` at or after `after` overlapping no claimed span."""
    for match in re.finditer(pattern, raw, flags=re.IGNORECASE):
        span = match.span()
        if span[0] >= after and span[1] > span[0] and not overlaps(span, claimed):
            return span
    return None


def overlaps(span: Span, claimed: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in claimed)
