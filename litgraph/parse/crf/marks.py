"""What the label repairs share: runs of equal labels and the marks that end or open a field.

Example:
    >>> runs_of(["author", "author", "title"])
    (('author', 0, 2), ('title', 2, 3))
    >>> bool(EDITOR_MARK.match("(dir.),")), bool(NAME_PART.match("BIRNBAUM"))
    (True, True)
    >>> sorted(words_of(("Vol.", "4", "of", "(n.d.)")))
    ['4', 'n.d', 'of', 'vol']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

IN_MARK = re.compile(r"^in:?$", re.IGNORECASE)
# "editor,", "(eds.)", "(dir.)," (French), "(Hrsg.)" and "(Hg.)" (German), "(coord.)", "(org.)" (Portuguese)
EDITOR_MARK = re.compile(r"^\(?(?:eds?|editors?|dir|hrsg|hg|coord|orgs?)\.?\)?[.,:]?$", re.IGNORECASE)
# One word of a person's name in a list of them: a capitalised word, an initial, a particle or a conjunction
NAME_PART = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-Z]\.(?:-?[A-Z]\.)*|and|&|e|et|und|y|"
                       r"van|von|de|del|der|den|da|di|du|le|la|dos|das)[,;]?$")
INITIALS = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)*[,;]?$")
CONTAINERS = ("journal", "container-title")  # the labels of a journal's or book's title
# "Vol.", "no.", "n°", "Heft", "Bd.": marks of a volume or an issue
VOLUME_MARK = re.compile(r"^(?:vol|volume|v|no|n[°º]?|nr|num|issue|heft|h|t|tome|bd|band|jg)\.?[,:;]?$",
                         re.IGNORECASE)
# What may follow a title's run and take its last words or its `in ...` (`containers.title_before_in`)
TAIL_TAKERS = frozenset({"journal", "container-title", "location", "publisher", "collection-title"})
MORE_MONTHS = frozenset({"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                         "ottobre", "dicembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro",
                         "outubro", "dezembro"})  # Italian and Portuguese months, beside the lexicon's


@lru_cache(maxsize=1)
def months() -> frozenset[str]:
    """Every month (and season) the repairs know: the lexicon's and `MORE_MONTHS`."""
    from .lexicon import lexicon

    return lexicon()["month"] | MORE_MONTHS


# A token that is a year and nothing else (`2003,`, `(1985/1983).`, `1950b`), a bare small number, a year's start
BARE_YEAR = re.compile(r"^[(\[]?(?:1[5-9]\d\d|20[0-3]\d)[a-z]?(?:/\d{2,4})?[)\]]?[.,;:]*$")
BARE_NUMBER = re.compile(r"^\d{1,3}[,.:;]?$")
YEAR_LIKE = re.compile(r"^(?:1[5-9]|20)\d\d\b")
CUES = {("edited", "by"): "editor", ("ed.", "by"): "editor", ("translated", "by"): "translator",
        ("trans.", "by"): "translator", ("übersetzt", "von"): "translator", ("ubersetzt", "von"): "translator",
        ("traduit", "par"): "translator",
        ("herausgegeben", "von"): "editor"}


def runs_of(labels: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    """(label, start, end) of each run of equal labels. The repairs ask for them again and again
    while the labels mostly stay the same, so the answer for each labelling is kept."""
    return runs_of_labels(tuple(labels))


@lru_cache(maxsize=1024)
def runs_of_labels(labels: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    if not labels:
        return ()
    cuts = [index for index in range(1, len(labels)) if labels[index] != labels[index - 1]]
    return tuple((labels[start], start, end) for start, end in zip([0, *cuts], [*cuts, len(labels)]))


WORD_EDGES = "\"'“”‘’«»„()[]{}<>.,:;!?"


@lru_cache(maxsize=16)
def words_of(tokens: tuple[str, ...]) -> frozenset[str]:
    """Every token lower-cased and stripped of the punctuation around it. A rule that needs a cue
    word (`vol`, `of`, `report`) looks here first and stops at once when the reference has none."""
    return frozenset([token.strip(WORD_EDGES).lower() for token in tokens])


@lru_cache(maxsize=16)
def text_of(tokens: tuple[str, ...]) -> str:
    """The tokens lower-cased and joined by spaces, for a rule's first look for a mark inside words."""
    return " ".join(tokens).lower()
