"""Split a reference string into tokens: whitespace-separated words, punctuation attached.

The labeller reads at most `MAX_TOKENS` tokens; a longer string keeps the
rest as one `note` segment (see `labeller`), so time grows linearly with length.
"""

from __future__ import annotations

import re

MAX_TOKENS = 400
WORD = re.compile(r"\S+")


def tokenize(text: str) -> list[str]:
    """The whitespace tokens of `text`, punctuation left attached.

    Example:
        >>> tokenize("Smith, J. (2001). Title.")
        ['Smith,', 'J.', '(2001).', 'Title.']
    """
    return text.split()


def head_and_tail(text: str, limit: int = MAX_TOKENS) -> tuple[list[str], str]:
    """The first `limit` tokens of `text`, and the untouched rest (empty when all fit)."""
    tokens, end = [], 0
    for match in WORD.finditer(text):
        if len(tokens) == limit:
            return tokens, text[end:].strip()
        tokens.append(match.group())
        end = match.end()
    return tokens, ""
