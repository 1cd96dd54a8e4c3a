"""Match journal names printed abbreviated and in full.

"Psychiatr Serv" ~ "Psychiatric Services", "J Ment Health" ~ "Journal of
Mental Health", "Work Employment Soc" ~ "Work, Employment and Society":
after stop words are dropped (see `normalise.container_words`), the two names
have as many words, and each word abbreviates the word in the same place of
the other name: it is a prefix of it ("psychiatr" of "psychiatric") or, with the
same first letter, its letters appear in it in order ("natl" in "national").

    >>> container_match(("j", "ment", "health"), ("journal", "mental", "health"))
    True
    >>> container_match(("j", "ment", "health"), ("journal", "mental", "health", "training"))
    False
"""

from __future__ import annotations


def container_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two journal names (as container_words) can be one journal."""
    if not a or not b:
        return False
    if a == b or "".join(a) == "".join(b):
        return True
    if len(a) != len(b):
        return False
    return all(abbreviates(x, y) or abbreviates(y, x) for x, y in zip(a, b))


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` can be an abbreviation of the word `full`."""
    if len(short) > len(full) or short[0] != full[0]:
        return False
    if full.startswith(short):
        return True
    if short.isdigit() or full.isdigit():
        return False
    return is_subsequence(short, full)


def is_subsequence(short: str, full: str) -> bool:
    letters = iter(full)
    return all(c in letters for c in short)
