"""The word lists the labeller's features look words up in (`dictionaries/*.txt`).

Words separated by whitespace, lower case, `#` comments; written by the project, not taken
from any labelled data set. Each list becomes a feature `d:<name>`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent / "dictionaries"
NAMES = ("given", "particle", "journal", "publisher", "place", "month", "cue", "genre", "title")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Every dictionary by name, read once."""
    return {name: read_words(FOLDER / f"{name}.txt") for name in NAMES}


def read_words(path: Path) -> frozenset[str]:
    """The words of one dictionary file (lower case, comments and blanks skipped)."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].lower().split())
    return frozenset(words)


@lru_cache(maxsize=1)
def memberships() -> dict[str, tuple[str, ...]]:
    """word -> the dictionaries holding it, for one lookup per token."""
    found: dict[str, list[str]] = {}
    for name, words in lexicon().items():
        for word in words:
            found.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in found.items()}
