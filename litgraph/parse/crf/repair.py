"""Label repairs: rules applied to the labeller's output before it becomes fields.

Each rule fixes a confusion whose right answer the printed string tells for certain,
whatever the model learnt:

- `(n.d.)`, `n.d.`, `s.d.` ("no date") is the date, never an author;
- a parenthesis opened in the date closes in the date (`(2020, March 5).`);
- `in Jones, B. (ed.)` after the title names editors, and the title that follows is the book;
- a reference with no title whose only container is a book (not a journal) is that book
  (`Smith J, Jones K, editors. Peer work. London: Sage; 2010.`).

Example:
    >>> repair(("Smith,", "J.", "(n.d.).", "Title."), ("author", "author", "author", "title"))
    ('author', 'author', 'date', 'title')
"""

from __future__ import annotations

import re

NO_DATE = re.compile(r"^\(?(?:n\.\s?d|s\.\s?d|o\.\s?J)\.?\)?[.,:;]?$", re.IGNORECASE)
IN_MARK = re.compile(r"^in:?$", re.IGNORECASE)
MAX_DATE_TAIL = 3


def repair(tokens: tuple[str, ...], labels: tuple[str, ...]) -> tuple[str, ...]:
    """The labels of `tokens` after every repair rule."""
    fixed = list(labels)
    for rule in (no_date, close_date_parenthesis, editors_after_title, book_without_title):
        fixed = rule(tokens, fixed)
    return tuple(fixed)


def no_date(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ "(n.d.)" is the date."""
    return ["date" if NO_DATE.match(token) else label for token, label in zip(tokens, labels)]


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


def editors_after_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A second author run opened by "in", after a title, is the editors; the title after them the book."""
    runs = runs_of(labels)
    seen_title = False
    for number, (label, start, end) in enumerate(runs):
        if label == "author" and seen_title and IN_MARK.match(tokens[start]):
            labels[start:end] = ["editor"] * (end - start)
            after = runs[number + 1] if number + 1 < len(runs) else None
            if after is not None and after[0] == "title":
                labels[after[1]:after[2]] = ["container-title"] * (after[2] - after[1])
            break
        seen_title = seen_title or label == "title"
    return labels


def book_without_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """No title and no journal: the first container-title is the title of the book itself."""
    if "title" in labels or "journal" in labels or "container-title" not in labels:
        return labels
    runs = [run for run in runs_of(labels) if run[0] == "container-title"]
    _, start, end = runs[0]
    labels[start:end] = ["title"] * (end - start)
    return labels


def runs_of(labels: list[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) of each run of equal labels."""
    runs: list[tuple[str, int, int]] = []
    for index, label in enumerate(labels):
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], index + 1)
        else:
            runs.append((label, index, index + 1))
    return runs
