"""Comparison keys for names, titles, journal names and DOIs.

Every key is lower-case ASCII: diacritics are folded ("Rüsch" -> "rusch"),
punctuation becomes a word break and whitespace is collapsed, so that two
printings of one work give equal keys however their lists typeset them.

    >>> title_key("Peer support: what makes It unique?")
    'peer support what makes it unique'
    >>> family_key("Coatsworth- Puspoky")
    'coatsworthpuspoky'
    >>> container_words("Work, Employment & Society")
    ('work', 'employment', 'society')
"""

from __future__ import annotations

import re
import unicodedata

# Words a journal abbreviation leaves out ("J Ment Health" for "Journal of Mental Health").
STOP_WORDS = frozenset({"a", "an", "and", "at", "de", "der", "des", "for", "in", "of", "on",
                        "the", "to", "und", "with"})
APOSTROPHES = "'\u2019\u2018\u02bc`"
NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII with diacritics removed and apostrophes dropped ("O’Connor" -> "oconnor")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in APOSTROPHES:
        ascii_only = ascii_only.replace(mark, "")
    return ascii_only.replace("&", " and ").replace("ß", "ss").lower()


def words(text: str | None) -> tuple[str, ...]:
    """The folded words of `text`; punctuation of any kind separates words."""
    if not text:
        return ()
    return tuple(w for w in NON_WORD.split(fold(text)) if w)


def title_key(title: str | None) -> str:
    """A title as compared: folded, punctuation removed, whitespace collapsed."""
    return " ".join(words(title))


def undoubled(key: str) -> str:
    """A title key printed twice in a row, once: "role change role change" -> "role change".

    000 prints "Turner R: Role change. Role Change. Annu Re Sociol."; a list
    repeating a title is a typesetting slip, not a longer title.
    """
    parts = key.split()
    half = len(parts) // 2
    if half and len(parts) % 2 == 0 and parts[:half] == parts[half:]:
        return " ".join(parts[:half])
    return key


def content_words(title: str | None) -> tuple[str, ...]:
    """The words of a title without stop words: what blocking keys are made of."""
    return tuple(w for w in words(title) if w not in STOP_WORDS)


def family_key(name: str | None) -> str:
    """A family name as compared: "Van der Post" -> "vanderpost", "O’Connor" -> "oconnor"."""
    return "".join(words(name))


def family_parts(name: str | None) -> tuple[str, ...]:
    """The parts of a compound family name: "Liptzin Shear" -> ("liptzin", "shear")."""
    return words(name)


def body_key(name: str | None) -> str:
    """A corporate author as compared: "Department of Health" -> "department of health"."""
    return " ".join(words(name))


def acronym(name: str | None) -> str:
    """Initials of the significant words of a body's name: "Medical Research Council" -> "mrc"."""
    return "".join(w[0] for w in words(name) if w not in STOP_WORDS)


def container_words(name: str | None) -> tuple[str, ...]:
    """A journal name as compared: its folded words without stop words."""
    return tuple(w for w in words(name) if w not in STOP_WORDS)


def doi_key(doi: str | None) -> str | None:
    """A DOI as compared: trimmed, without a resolver prefix, lower-case (DOIs ignore case)."""
    if not doi:
        return None
    text = doi.strip().rstrip(".")
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                   "http://dx.doi.org/", "doi:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix):]
    return text.lower() or None


def digits(text: str | None) -> str:
    """The digits of a page or volume ("e1179" -> "1179"), so typesetting does not matter."""
    return "".join(c for c in text or "" if c.isdigit())
