"""Label repairs for the date: where it is, and what the labeller read as the date that is not.

- `(n.d.)`, `n.d.`, `s.d.` ("no date") is the date, never an author;
- with no date read, a bare year at the edge of the first title or names (`Eales, S (ed.) 2003, The`,
  `problems, 1997. Computational`, `Swift, R. A 1948. Deer`) is the date;
- a parenthesis opened in the date closes in the date (`(2020, March 5).`), and the words between
  it and the title are the title's (`(1989, Sept 1). | Campus pub | to open`);
- a date without a digit between the names and the title opens the title (`Kubiatowicz. | APRIL: |
  a processor architecture`).

Example:
    >>> no_date(("Smith,", "J.", "(n.d.).", "Title."), ["author", "author", "author", "title"])
    ['author', 'author', 'date', 'title']
"""

from __future__ import annotations

import re
from functools import lru_cache

from .marks import BARE_YEAR, runs_of, text_of


NO_DATE = re.compile(r"^\(?(?:n\.\s?d|s\.\s?d|o\.\s?J)\.?\)?[.,:;]?$", re.IGNORECASE)


NO_DATE_STARTS = "(nNsSoO"  # what "(n.d.)", "s.d." and "o.J." start with


MAX_DATE_TAIL = 3


def no_date(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ "(n.d.)" is the date."""
    text = text_of(tokens)
    if "n.d" not in text and "s.d" not in text and "o.j" not in text:
        return labels
    for index, token in enumerate(tokens):
        if token[:1] in NO_DATE_STARTS and is_no_date(token):
            labels[index] = "date"
    return labels


@lru_cache(maxsize=65536)
def is_no_date(token: str) -> bool:
    return NO_DATE.match(token) is not None


MAX_HEAD = 2


PERSONS = ("author", "editor")


def year_at_run_edge(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no date read: in the first names or title run, a bare year (`2003,`, `(1985/1983).`,
    `1950b`) within two words of its start, or ending the title, is the date (with a bracketed year
    after it: `1940 [1933].`); the one or two title words before it go back to the names."""
    if "date" in labels:
        return labels
    for label, start, end in runs_of(labels):
        if label != "title" and label not in PERSONS:
            continue
        index = next((i for i in range(start, end) if BARE_YEAR.match(tokens[i])), None)
        if index is None and label in PERSONS:
            continue
        if index is not None and (index - start <= MAX_HEAD or label == "title" and index == end - 1):
            stop = next((i for i in range(index + 1, end) if not BARE_YEAR.match(tokens[i])), end)
            labels[index:stop] = ["date"] * (stop - index)
            if label == "title" and index - start <= MAX_HEAD and start > 0 and labels[start - 1] in PERSONS:
                labels[start:index] = [labels[start - 1]] * (index - start)
        break
    return labels


def close_date_parenthesis(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The tokens up to the ")" that closes a date's "(" belong to the date."""
    depth = 0
    for index, (token, label) in enumerate(zip(tokens, labels)):
        if label == "date":
            depth += token.count("(") - token.count(")")
            continue
        if depth > 0 and index > 0 and labels[index - 1] == "date":
            closing = next((j for j in range(index, min(index + MAX_DATE_TAIL, len(tokens))) if ")" in tokens[j]), None)
            if closing is not None and "(" not in "".join(tokens[index:closing + 1]):
                labels[index:closing + 1] = ["date"] * (closing + 1 - index)
        depth = 0
    return labels


def title_after_date_parenthesis(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The words between a date closed in parentheses (`(1989, Sept 1).`) and the title run right after
    them, read as the date or a note, open the title (`(1990, April 6). | 200 | students participate`,
    `(1989, Sept 1). | Campus pub | to open this month.`)."""
    for label, start, end in runs_of(labels):
        if label != "date" or not tokens[start].startswith("("):
            continue
        close = next((i for i in range(start, end) if tokens[i].rstrip(".,:;").endswith(")")), None)
        title = next((i for i in range(end, len(tokens)) if labels[i] not in ("date", "note")), None)
        if close is not None and title is not None and title > close + 1 and labels[title] == "title" \
                and tokens[close].endswith(").") and not any(")" in t or "(" in t or BARE_YEAR.match(t)
                                                             for t in tokens[close + 1:title]):
            labels[close + 1:title] = ["title"] * (title - close - 1)
        break
    return labels


def wordy_date_opens_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A date run without a digit (not `n.d.`) right between the names and the title, in a reference
    whose date is read elsewhere with its year, is the title's first word: `Kubiatowicz. | APRIL: | a
    processor architecture`, a word that names a month."""
    runs = runs_of(labels)
    for number in range(1, len(runs) - 1):
        label, start, end = runs[number]
        if label == "date" and runs[number - 1][0] == "author" and runs[number + 1][0] == "title" \
                and not any(ch.isdigit() for token in tokens[start:end] for ch in token) \
                and not any(map(is_no_date, tokens[start:end])) \
                and any(label == "date" and any(ch.isdigit() for ch in token)
                        for token, label in zip(tokens[end:], labels[end:])):
            labels[start:end] = ["title"] * (end - start)
            break
    return labels
