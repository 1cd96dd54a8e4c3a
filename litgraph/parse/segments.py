"""Find sentence boundaries and clean titles.

A printed reference is a few "sentences": title, journal or publisher, and so
on. Titles can hold sentences of their own ("What do peer support workers do?
A job description"), so readers split at the *last* boundary: the journal or
publisher is the last sentence, the title is everything before it.
"""

from __future__ import annotations

import re

BOUNDARY = re.compile(r"([.?!])[\"”’']?\s+(?=[^\s])")
WORD_BREAK = re.compile(r"[\s(]")  # what ends the word before a period
ABBREVIATIONS = frozenset({
    "vol", "no", "nos", "pp", "p", "st", "dr", "vs", "jr", "sr", "fig", "ch", "pt", "suppl", "mr",
    "mrs", "ms", "prof", "e.g", "i.e",
})
EDITION = re.compile(
    r"[.,]?\s*\(?\b(?:\d+(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]evised|[Nn]ew)"
    r"\s+(?:edn|ed|edition)\b\.?\)?$"
)
QUOTES = {"'": "'", "‘": "’", "“": "”", '"': '"'}


def boundaries(text: str) -> list[tuple[int, int]]:
    """The (end of sentence, start of next) positions in `text`.

    A period after an abbreviation ("Vol.") or a lone initial ("J.") is not a
    boundary, nor is one followed by a lower-case word.
    """
    found = []
    for match in BOUNDARY.finditer(text):
        after = text[match.end()]
        word = WORD_BREAK.split(text[:match.start()])[-1].lower()
        if after.islower() or match.group(1) == "." and is_abbreviation(word):
            continue
        end = match.start() + (1 if match.group(1) in "?!" else 0)
        found.append((end, match.end()))
    return found


def is_abbreviation(word: str) -> bool:
    """True for "vol", "pp", a lone initial "j" or "e.g": words that end with a period."""
    word = word.strip("\"'‘’“”(")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_last(text: str) -> tuple[str, str | None]:
    """Split `text` at its last sentence boundary: (before, last sentence).

    Example:
        >>> split_last("What do they do? A job description. BMC Health Serv Res")
        ('What do they do? A job description', 'BMC Health Serv Res')
    """
    found = boundaries(text)
    if not found:
        return text, None
    end, start = found[-1]
    return text[:end], text[start:]


def split_first(text: str) -> tuple[str, str | None]:
    """Split `text` at its first sentence boundary: (first sentence, rest)."""
    found = boundaries(text)
    if not found:
        return text, None
    end, start = found[0]
    return text[:end], text[start:]


def clean_title(text: str | None) -> str | None:
    """A title as printed, without closing period, edition statement or wrapping quotes.

    Example:
        >>> clean_title("Basics of Qualitative Research, 2nd edn.")
        'Basics of Qualitative Research'
        >>> clean_title("Peer support: what makes It unique?.")
        'Peer support: what makes It unique?'
    """
    if text is None:
        return None
    text = text.strip().rstrip(",;:").strip()
    # an edition statement ends in "ed", "edn" or "edition" (and ".", ")"): the last ten characters hold "ed"
    text = EDITION.sub("", text).strip() if "ed" in text[-10:] and len(text) > 20 and EDITION.search(text) else text
    text = unquote(text.rstrip(".").strip().rstrip(",").strip())
    return text or None


def unquote(text: str) -> str:
    """Remove quotes wrapping a whole title ('Title'), not quotes inside it."""
    if len(text) > 2 and text[0] in QUOTES:
        closing = QUOTES[text[0]]
        inner = text[1:-1] if text.endswith(closing) else None
        if inner is not None and closing not in inner:
            return inner.strip().rstrip(".,").strip()
    return text


def has_edition(text: str) -> bool:
    """True when `text` closes with an edition statement ("2nd edn")."""
    return EDITION.search(text.strip().rstrip(".")) is not None or EDITION.search(text.strip()) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, without the closing period."""
    spans, start = [], 0
    for end, next_start in boundaries(text):
        spans.append((start, end))
        start = next_start
    return spans + [(start, len(text))]


def drop_repeated_sentence(title: str | None) -> tuple[str | None, bool]:
    """Keep one copy of a sentence a title repeats ("Role change. Role Change" -> "Role change")."""
    if title is None:
        return None, False
    spans = sentence_spans(title)
    for (start, end), (next_start, next_end) in zip(spans, spans[1:]):
        if title[start:end].casefold() == title[next_start:next_end].casefold():
            return title[:end] + title[next_end:], True
    return title, False
