"""A rendered reference's CSL variables turned into labelled tokens (AnyStyle's labels)."""

from __future__ import annotations

from .labels import LABELS, TrainingSequence, label_tokens, segments_from_tokens
from .render import Rendered
from .styles import is_mark

VARIABLE_LABELS = {
    "author": "author", "composer": "author", "director": "author", "editor": "editor",
    "container-author": "editor", "collection-editor": "editor", "translator": "translator",
    "issued": "date", "original-date": "date", "year-suffix": "date", "title": "title", "title-short": "title",
    "container-title-short": "container-title", "collection-title": "collection-title",
    "collection-number": "collection-title", "volume": "volume", "number-of-volumes": "volume",
    "issue": "issue", "page": "pages", "page-first": "pages", "locator": "pages", "number-of-pages": "pages",
    "publisher": "publisher", "publisher-place": "location", "event-place": "location",
    "event": "container-title", "event-title": "container-title", "edition": "edition", "genre": "genre",
    "medium": "medium", "DOI": "doi", "URL": "url", "ISBN": "isbn", "ISSN": "identifier",
    "PMID": "identifier", "PMCID": "identifier", "number": "identifier", "citation-number": "citation-number",
    "citation-label": "citation-number", "version": "edition",
}
JOURNAL_TYPES = {"article-journal", "article-magazine", "article-newspaper"}


def label_for(variable: str | None, csl_type: str) -> str | None:
    """The label for text a variable printed; `note` for accessed dates, status and the rest."""
    if variable is None:
        return None
    if variable in ("container-title", "container-title-short"):
        return "journal" if csl_type in JOURNAL_TYPES else "container-title"
    return VARIABLE_LABELS.get(variable, "note")


def labelled_sequence(rendered: Rendered, csl_type: str, style: str, kind: str) -> TrainingSequence | None:
    """The labelled tokens of `rendered`, or None when they fail `consistent`."""
    text, variables = spaced_after_number(rendered)
    tokens, labels = label_tokens(text, [label_for(v, csl_type) for v in variables])
    sequence = TrainingSequence(segments_from_tokens(tokens, labels), style, kind)
    return sequence if consistent(sequence, text) else None


def spaced_after_number(rendered: Rendered) -> tuple[str, tuple[str | None, ...]]:
    """A space after the list number ("1.Smith" -> "1. Smith"), as a printed list sets it."""
    text, variables = rendered.text, rendered.variables
    numbered = [i for i, v in enumerate(variables) if v == "citation-number"]
    if not numbered or numbered[0] > 2:
        return text, variables
    end = numbered[-1] + 1
    while end < len(text) and text[end] in ".])":
        end += 1
    if end >= len(text) or text[end].isspace():
        return text, variables
    return text[:end] + " " + text[end:], variables[:end] + (None,) + variables[end:]


def consistent(sequence: TrainingSequence, text: str) -> bool:
    """No mark left, the tokens are the text's, and every label is one of `LABELS`."""
    tokens = sequence.tokens()
    return (bool(tokens) and not any(is_mark(ch) for ch in sequence.text)
            and [t for t, _ in tokens] == text.split() and all(label in LABELS for _, label in tokens))
