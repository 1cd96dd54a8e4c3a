"""Label repairs for the editors and roles that open a reference or follow its title: who edited,
directed or performed, and the book their names stand before (`namelists` has where an author list
ends).

- a reference that opens with a sentence and then a role (`The Arrival. Dir. David Twohy. Perf.
  Charlie Sheen.`, `Ghost Stories. Ed. Peter Washington.`) has no author: the sentence is the title;
- names closed by an editor's mark (`L Douglas Kiel, | Euel W Elliott (ed.),`, `A. Elmagarmid,
  editor. Transaction Models`) are the editors, read as the work's authors, and the book its title;
- names read as editors with no editor's mark, right after the authors, are more authors.

Example:
    >>> tokens = ("Tehfe,", "M.-A.;", "Lalevée,", "J.;", "Title.")
    >>> editors_without_mark(tokens, ["author", "author", "editor", "editor", "title"])
    ['author', 'author', 'author', 'author', 'title']
"""

from __future__ import annotations

import re

from .features import ends_sentence
from .marks import EDITOR_MARK, IN_MARK, runs_of, words_of


ROLE_CUE = re.compile(r"^(?:dir|directed|perf|prod|produced|screenplay|ed|eds|edited|narr)[.,:]?$", re.IGNORECASE)


ROLE_CUES = frozenset({"dir", "directed", "perf", "prod", "produced", "screenplay", "ed", "eds", "edited", "narr"})


EDITOR_CUE = re.compile(r"^(?:ed|eds|edited)[.,:]?$", re.IGNORECASE)


MAX_CUE_AT = 30


MAX_ROLE = 8


def title_before_role(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """When every word up to a role cue after a sentence's end (`Dir.`, `Perf.`, `Prod.`, `Ed.`) was
    read as names, or as the title, they are the title; each role's names up to the next period are
    editors (`Ed.`) or a note (a film's director, performers, producer), not authors or title."""
    if labels[:1] not in (["author"], ["title"]) or ROLE_CUES.isdisjoint(words_of(tokens)):
        return labels
    cue = next((i for i in range(1, min(len(tokens), MAX_CUE_AT)) if ROLE_CUE.match(tokens[i])
                and (ends_sentence(tokens[i - 1]) or tokens[i - 1].endswith(("?", "!")))), None)
    if cue is None or any(label != labels[0] for label in labels[:cue]):
        return labels
    labels[:cue] = ["title"] * cue
    index = cue
    while index < len(tokens) and ROLE_CUE.match(tokens[index]):
        stop = next((j for j in range(index + 1, min(index + MAX_ROLE, len(tokens)))
                     if tokens[j].endswith(".") and len(tokens[j]) > 2), None)
        if stop is None:
            break
        labels[index:stop + 1] = ["editor" if EDITOR_CUE.match(tokens[index]) else "note"] * (stop + 1 - index)
        index = stop + 1
    return labels


def editors_open_reference(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """Names opening the reference, read partly as authors and partly as editors up to an editor's mark
    (`L Douglas Kiel, | Euel W Elliott (ed.),`, `Csampai, Attila, | and Dietmar Holland (eds.),`), are one
    list of editors (read as the work's authors, as leading editors are)."""
    runs = runs_of(labels)
    head = 1 if runs and runs[0][0] == "citation-number" else 0
    if len(runs) < head + 3 or runs[head][0] != "author" or runs[head + 1][0] != "editor" \
            or runs[head + 2][0] not in ("title", "date"):
        return labels
    if EDITOR_MARK.match(tokens[runs[head + 1][2] - 1]):
        _, start, end = runs[head]
        labels[start:end] = ["editor"] * (end - start)
    return labels


def editors_without_mark(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """Names read as editors right after the opening author run, with no editor's mark or `In` among
    them (`Tehfe, M.-A.; Lalevée, | J.; Morlet-Savary, F.; ...`), are more authors."""
    runs = runs_of(labels)
    head = 1 if runs and runs[0][0] == "citation-number" else 0
    if len(runs) < head + 2 or runs[head][0] != "author" or runs[head + 1][0] != "editor":
        return labels
    _, start, end = runs[head + 1]
    if not any(EDITOR_MARK.match(token) or IN_MARK.match(token) or token.lower().strip(".,:") in ("edited", "ed", "by")
               for token in tokens[start:end]):
        labels[start:end] = ["author"] * (end - start)
    return labels


EDITORS_WORD = re.compile(r"^(?:editors?|eds?)\.$", re.IGNORECASE)


EDITOR_WORDS = frozenset({"editor", "editors", "ed", "eds"})  # EDITORS_WORD's words


BOOK_AFTER = frozenset({"journal", "container-title", "editor"})  # what the book after `ed.` was read as


PROCEEDINGS = re.compile(r"^(?:proc|proceedings|actes|atti)\b", re.IGNORECASE)


def editors_then_book(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`A. Elmagarmid, editor. Transaction Models ... Morgan-Kaufmann, 1992.`: names opening the
    reference and closed by `editor.`/`eds.`, then a book read as a container with no title read: the
    names are the editors (read as the work's authors) and the book is the title (a proceedings stays
    the container)."""
    if EDITOR_WORDS.isdisjoint(words_of(tokens)):
        return labels
    runs = runs_of(labels)
    head = 1 if runs and runs[0][0] == "citation-number" else 0
    mark = next((i for i in range(runs[head][2] if len(runs) > head else 0, len(tokens))
                 if EDITORS_WORD.match(tokens[i])), None) if len(runs) > head and runs[head][0] == "author" else None
    if mark is None or mark > runs[head][2] + 1 or mark + 1 >= len(tokens) or labels[mark + 1] not in BOOK_AFTER:
        return labels
    start, book = runs[head][1], labels[mark + 1]
    labels[start:mark + 1] = ["editor"] * (mark + 1 - start)
    book_end = next((j for j in range(mark + 1, len(tokens)) if labels[j] != book
                     or book == "editor" and j > mark + 1 and ends_sentence(tokens[j - 1])), len(tokens))
    if "title" not in labels and not PROCEEDINGS.match(tokens[mark + 1]):
        labels[mark + 1:book_end] = ["title"] * (book_end - mark - 1)
    return labels
