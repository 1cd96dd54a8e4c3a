"""Labels for whitespace tokens: AnyStyle's names, cue words and the neighbour rules.

A token's label comes from the characters under it (the majority label of its labelled
characters). A token with no labelled character (a style's own words and punctuation:
"In:", "pp.", "Retrieved from", "[Internet].") is labelled by `resolve_unlabelled`:
a cue word names its label or borrows the next field's ("In" goes with the editor or
container that follows), bare punctuation joins the field before it, any other word is
`note`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

LABELS = (
    "citation-number", "author", "editor", "translator", "date", "title", "journal",
    "container-title", "collection-title", "volume", "issue", "pages", "publisher",
    "location", "edition", "genre", "medium", "doi", "url", "isbn", "identifier", "note",
)

NEXT = "<next>"

CUES = {
    "in": NEXT, "dans": NEXT, "doi": "doi", "pmid": "identifier", "pmcid": "identifier",
    "pubmed": "identifier", "isbn": "isbn", "pp": "pages", "p": "pages", "pages": "pages",
    "vol": "volume", "volume": "volume", "vols": "volume", "v": "volume",
    "n": "issue", "no": "issue", "nos": "issue", "issue": "issue", "n°": "issue", "nᵒ": "issue",
    "et": "author", "al": "author", "eds": "editor", "ed": "editor", "editor": "editor",
    "editors": "editor", "edn": "edition", "éd": "edition", "auflage": "edition",
    "[internet]": "medium", "[online]": "medium", "internet": "medium", "online": "medium",
    "[en": "medium", "ligne]": "medium",
}

PUNCTUATION = set(".,;:()[]{}–—-/&\"'“”‘’«»")


@dataclass(frozen=True, slots=True)
class TrainingSequence:
    """One labelled reference string: `segments` are (label, text) in printed order."""

    segments: tuple[tuple[str, str], ...]
    style: str
    kind: str

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.segments)

    def tokens(self) -> list[tuple[str, str]]:
        """(token, label) for every whitespace-separated token."""
        return [(token, label) for label, text in self.segments for token in text.split()]

    def to_json(self) -> str:
        data = {"kind": self.kind, "segments": [list(s) for s in self.segments], "style": self.style}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every whitespace-separated token of `text`."""
    spans, start = [], None
    for i, ch in enumerate(text + " "):
        if ch.isspace() and start is not None:
            spans.append((start, i))
            start = None
        elif not ch.isspace() and start is None:
            start = i
    return spans


def majority_label(char_labels: Sequence[str | None]) -> str | None:
    """The most frequent label among labelled characters; the first one seen wins a tie."""
    counts = Counter(label for label in char_labels if label is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(label for label in char_labels if label is not None and counts[label] == best)


ORDINAL = re.compile(r"^\(?\d+(st|nd|rd|th|e|er|ème|\.)?$")


def cue_label(token: str) -> str | None:
    key = token.lower().strip(".,;:()")
    if ORDINAL.match(key) and not key.isdigit():
        return "edition"
    return CUES.get(key) or CUES.get(token.lower().rstrip(".,;:"))


def is_punctuation(token: str) -> bool:
    return all(ch in PUNCTUATION for ch in token)


def resolve_unlabelled(tokens: Sequence[str], labels: Sequence[str | None]) -> list[str]:
    """Every token labelled: cue words, then punctuation with its neighbour, else `note`."""
    return [label or guess_label(tokens, labels, i) for i, label in enumerate(labels)]


def guess_label(tokens: Sequence[str], labels: Sequence[str | None], i: int) -> str:
    cue = cue_label(tokens[i])
    if cue == NEXT:
        return neighbour(labels, i, forward=True) or "note"
    if cue == "editor" and neighbour(labels, i, forward=False) == "edition":
        return "edition"  # "2nd ed." / "3rd Ed." where the style printed the term itself
    if cue is not None:
        return cue
    if is_punctuation(tokens[i]):
        return neighbour(labels, i, forward=False) or neighbour(labels, i, forward=True) or "note"
    return "note"


def neighbour(labels: Sequence[str | None], i: int, forward: bool) -> str | None:
    indices = range(i + 1, len(labels)) if forward else range(i - 1, -1, -1)
    return next((labels[j] for j in indices if labels[j] is not None), None)


def segments_from_tokens(tokens: Sequence[str], labels: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Consecutive tokens with one label joined into a segment."""
    segments: list[list[str]] = []
    for token, label in zip(tokens, labels):
        if segments and segments[-1][0] == label:
            segments[-1][1] += " " + token
        else:
            segments.append([label, token])
    return tuple((label, text) for label, text in segments)


def label_tokens(text: str, char_labels: Sequence[str | None]) -> tuple[list[str], list[str]]:
    """Tokens of `text` and a label for each, from per-character labels.

    >>> label_tokens("Smith J. In: pp. 4-5.", ["author"] * 8 + [None] * 8 + ["pages"] * 5)
    (['Smith', 'J.', 'In:', 'pp.', '4-5.'], ['author', 'author', 'pages', 'pages', 'pages'])
    """
    spans = token_spans(text)
    tokens = [text[a:b] for a, b in spans]
    raw = [majority_label(char_labels[a:b]) for a, b in spans]
    return tokens, resolve_unlabelled(tokens, raw)
