"""Split a reference string into tokens: whitespace-separated words, punctuation attached.

A compact locator printed without spaces ("2012;11(2):123-8.") is split where
one field ends and the next begins: after ";", ":" or "," before a digit, and
before "(" after a digit or a digit's comma or semicolon ("2012;", "11", "(2):",
"123-8."; "12,(1)," is "12,", "(1),"; "2000;(3):" is "2000;", "(3):"). Identifiers (with
"/" or "://") are never split.

The labeller reads at most `MAX_TOKENS` tokens; a longer string keeps the
rest as one `note` segment (see `labeller`), so time grows linearly with length.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_TOKENS = 400
WORD = re.compile(r"\S+")
GLUE = re.compile(r"(?<=[;:,])(?=\d)|(?<=\d)(?=\()|(?<=\d[,;])(?=\()")
GLUED = re.compile(r"[;:,]\d|\d\(|\d[,;]\(")


def tokenize(text: str) -> list[str]:
    """The whitespace tokens of `text`, punctuation left attached.

    Example:
        >>> tokenize("Smith, J. (2001). Title.")
        ['Smith,', 'J.', '(2001).', 'Title.']
    """
    return [piece for word in text.split() for piece in split_glued(word)]


@lru_cache(maxsize=65536)
def split_glued(word: str) -> tuple[str, ...]:
    """ "2012;11(2):123-8." -> ["2012;", "11", "(2):", "123-8."]; a DOI or URL stays whole."""
    if "/" in word or GLUED.search(word) is None:
        return (word,)
    return tuple(piece for piece in GLUE.split(word) if piece)


def head_and_tail(text: str, limit: int = MAX_TOKENS) -> tuple[list[str], str]:
    """The first `limit` tokens of `text`, and the untouched rest (empty when all fit)."""
    words = text.split()
    if len(words) <= limit:  # the common case: every word read (a word splits into at most a few pieces)
        tokens = [piece for word in words for piece in split_glued(word)]
        if len(tokens) <= limit:
            return tokens, ""
    tokens, end = [], 0
    for match in WORD.finditer(text):
        if len(tokens) >= limit:
            return tokens, text[end:].strip()
        tokens += split_glued(match.group())
        end = match.end()
    return tokens, ""
