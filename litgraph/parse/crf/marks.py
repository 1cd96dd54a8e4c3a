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
from itertools import compress
from operator import ne

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
MEETING = re.compile(r"^(?:in:?\s+)?(?:the\s+)?(?:proc\.?|proceedings|\d+(?:st|nd|rd|th)|first|second|third|"
                     r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|international|annual|ieee|"
                     r"acm|conference|conf\.?|workshop|symposium|symp\.?|congress|meeting|colloquium)\b", re.IGNORECASE)  # a meeting's name opens so
JOINS = frozenset({"and", "&", "und", "et", "y"})  # what joins the last two names of a list
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


class Labels(list):
    """The labels the repairs rewrite: a list that keeps its runs (`runs_of`) until it is written to.
    The rules ask for the runs some forty times a reference and rewrite labels a few times."""

    __slots__ = ("runs", "numbers")

    def __init__(self, labels: Sequence[str] = ()) -> None:
        super().__init__(labels)
        self.runs: tuple[tuple[str, int, int], ...] | None = None
        self.numbers: dict[str, int] | None = None  # each label's first run's place in `runs`

    def __setitem__(self, index, value) -> None:  # noqa: ANN001 - list's own signature
        if list.__getitem__(self, index) != value:  # most rules write back what is there: the runs stay
            self.runs = None
            super().__setitem__(index, value)

    def __delitem__(self, index) -> None:  # noqa: ANN001
        self.runs = None
        super().__delitem__(index)

    def __iadd__(self, other):  # noqa: ANN001, ANN204
        self.runs = None
        return super().__iadd__(other)

    def append(self, value: str) -> None:
        self.runs = None
        super().append(value)

    def extend(self, values) -> None:  # noqa: ANN001
        self.runs = None
        super().extend(values)

    def insert(self, index: int, value: str) -> None:
        self.runs = None
        super().insert(index, value)

    def pop(self, index: int = -1) -> str:
        self.runs = None
        return super().pop(index)

    def remove(self, value: str) -> None:
        self.runs = None
        super().remove(value)

    def clear(self) -> None:
        self.runs = None
        super().clear()

    def reverse(self) -> None:
        self.runs = None
        super().reverse()

    def sort(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.runs = None
        super().sort(*args, **kwargs)


def runs_of(labels: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    """(label, start, end) of each run of equal labels; a `Labels` list keeps its answer until written."""
    if type(labels) is Labels:
        if labels.runs is None:
            labels.runs, labels.numbers = runs_of_labels(labels), None
        return labels.runs
    return runs_of_labels(labels)


def run_number(labels: Sequence[str], label: str) -> int | None:
    """The place in `runs_of(labels)` of the first run of `label` (None if there is none). The rules
    ask this twenty times a reference: for a `Labels` list it is one lookup in a kept table."""
    if type(labels) is not Labels:
        return next((i for i, run in enumerate(runs_of_labels(labels)) if run[0] == label), None)
    if labels.runs is None:
        labels.runs, labels.numbers = runs_of_labels(labels), None
    numbers = labels.numbers
    if numbers is None:
        numbers = labels.numbers = {}
        for number, run in enumerate(labels.runs):
            numbers.setdefault(run[0], number)
    return numbers.get(label)


def first_run(labels: Sequence[str], label: str) -> tuple[str, int, int] | None:
    """The first run of `label`: (label, start, end), or None."""
    number = run_number(labels, label)
    if number is None:
        return None
    return labels.runs[number] if type(labels) is Labels else runs_of_labels(labels)[number]


def runs_of_labels(labels: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    if not labels:
        return ()
    cuts = list(compress(range(1, len(labels)), map(ne, labels[1:], labels)))  # where a label differs from the one before
    starts = [0, *cuts]
    return tuple(zip(map(labels.__getitem__, starts), starts, [*cuts, len(labels)]))


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
