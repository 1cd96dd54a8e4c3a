"""Label repairs inside a journal's or book's title, where the labeller most often errs: its editors,
its volume and series, its numbers, and what a periodical's container is (`titles` has where a title
ends and the journal or book begins, `imprints` where it ends and its publisher or meeting begins,
`numbers` its volume, issue and pages).

- `2006, ApJ, 650, 102`: a "volume" with no digit (and no volume mark) before the numbers is the
  journal, and the numbers after it move up a field;
- `“Title,” in The Forbidden Best-Sellers (New York: Norton`: a place opened by `in` after the title is
  the book, up to its parenthesis;
- `“How to Fix a Crowded World.” New York Times, November 2, 1997`: with no journal read, the place
  and publisher words between a quoted title and the date name the periodical;
- `In | Proceedings of PDIS-94, 1994.`: a book run that is only `In` takes the words after it up to
  the first that ends in a comma or period;
- `In Rohit Parikh, editor, Logics of Programs` and `Pierre BIRNBAUM (dir.), Les élites`: names
  closed by an editor's mark at the start of a book's title are its editors;
- `In John Cage: Composed in America, edited by Marjorie Perloff` and `In What Is an Animal? Tim
  Ingold, ed.`: the names after the book's title are its editors;
- `Logics of Programs, volume 193 of Lecture Notes in Computer Science`: inside a book's title,
  `volume N of` gives the volume and starts the series;
- `Der Steppenwolf. Vol. 4 of Gesammelte Dichtungen.`: after a sentence, `Vol. N of` names the volume
  and the many-volume work it is part of; the sentence before it is the title;
- `München med | wochenschr,`, `Handbook of | labor economics`, `Bulletin de | la société ...`: a
  journal or book title cut on a bare word goes on through words read as numbers or as the other
  container label;
- `Computer, | Special Issue on Fault-Tolerant Systems, Vol. 23`: a special issue's name after the
  journal's comma is a note; `Essays Presented | to N. R. Ker.`: names after a preposition, with no
  editor's mark, are the book's title going on.

Example:
    >>> tokens = ("In", "Rohit", "Parikh,", "editor,", "Logics", "of", "Programs,")
    >>> editors_open_container(tokens, ["container-title"] * 7)
    ['editor', 'editor', 'editor', 'editor', 'container-title', 'container-title', 'container-title']
"""

from __future__ import annotations

import re

from .features import HAS_DIGIT, ends_sentence
from .imprints import (date_leaves_container, meeting_place, meeting_year_in_container, month_leaves_container,
                       proceedings_edges, publisher_after_title, publisher_closes_title, publisher_opens_journal,
                       report_institution, year_in_meeting_name)
from .marks import CONTAINERS, CUES, EDITOR_MARK, IN_MARK, INITIALS, NAME_PART, VOLUME_MARK, run_number, runs_of, words_of
from .numbers import PAGE_MARK, container_tail, numbers_close_title, pages_inside_container
from .title_tails import (edition_leaves_title, imprint_closes_reference, imprint_closes_title, medium_after_title,
                          report_leaves_title, report_number_leaves_title, retrieval_ends_title)
from .titles import (article_opens_title, book_title_split, container_head_is_title, in_continues_title,
                     journal_head_ends_title, journal_head_in_title, journal_inside_title, ordinal_opens_meeting,
                     subtitle_after_colon, title_before_in, title_closes_parenthesis, title_ends_on_open_word,
                     title_runs_on)

MAX_EDITORS = 16
BOOKS = ("container-title",)


NO_VOLUME = re.compile(r"^(?:vols?|volumes?|v|bd|band|t|tome|jg|[IVXLC]+)\.?[,:;]?$", re.IGNORECASE)


def journal_as_volume(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no journal or book read, a volume with no digit and no volume mark, followed by an issue
    or pages with digits, is the journal; the issue after it is the volume."""
    if "journal" in labels or "container-title" in labels:
        return labels
    runs = runs_of(labels)
    for number, (label, start, end) in enumerate(runs[:-1]):
        after = runs[number + 1]
        if label == "volume" and not any(map(HAS_DIGIT.search, tokens[start:end])) \
                and not any(NO_VOLUME.match(t) for t in tokens[start:end]) \
                and after[0] in ("issue", "pages") and HAS_DIGIT.search(tokens[after[1]]):
            labels[start:end] = ["journal"] * (end - start)
            if after[0] == "issue":
                labels[after[1]:after[2]] = ["volume"] * (after[2] - after[1])
            break
    return labels


def in_place_is_book(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no journal or book read, a place or publisher right after the title, opened by `in` and
    three words or more before any parenthesis, is the book."""
    if "journal" in labels or "container-title" in labels:
        return labels
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs):
        return labels
    label, start, end = runs[number + 1]
    if label in ("location", "publisher") and IN_MARK.match(tokens[start]):
        stop = next((i for i in range(start + 1, end) if tokens[i].startswith("(")), end)
        if stop - start > 2:
            labels[start:stop] = ["container-title"] * (stop - start)
    return labels


QUOTES = ("\u201c", "\"", "\u00ab", "\u2018", "\u201e", "'")


def periodical_after_quoted_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no journal or book read, the place and publisher runs between a quoted title and the
    date name the periodical it was printed in, unless they read as a book's imprint (a colon or a
    lone dash: `Englewood Cliffs: Prentice`)."""
    if "journal" in labels or "container-title" in labels:
        return labels
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or not tokens[runs[number][1]].startswith(QUOTES):
        return labels
    following = number + 1
    while following < len(runs) and runs[following][0] in ("location", "publisher"):
        following += 1
    if following == number + 1 or following >= len(runs) or runs[following][0] != "date":
        return labels
    start, end = runs[number + 1][1], runs[following - 1][2]
    if not any(t.endswith(":") or not any(ch.isalnum() for ch in t) for t in tokens[start:end]):
        labels[start:end] = ["journal"] * (end - start)
    return labels


MAX_BOOK = 15
NOT_BOOK = frozenset({"date", "pages", "url", "doi", "editor", "author"})


def lone_in_opens_book(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first journal or book run, when it is only `In`, takes the words after it up to the first
    that ends in a comma or period (at most 15; not dates, pages, links or names)."""
    run = next((r for r in runs_of(labels) if r[0] in CONTAINERS), None)
    if run is None or run[2] - run[1] != 1 or not IN_MARK.match(tokens[run[1]]):
        return labels
    label, _, end = run
    for stop in range(end, min(end + MAX_BOOK, len(tokens))):
        if labels[stop] in NOT_BOOK:
            break
        if tokens[stop][-1:] in ".,":
            labels[end:stop + 1] = [label] * (stop + 1 - end)
            break
    return labels


MAX_CONTAINER_RUN_ON = 6
NOT_CONTAINER = frozenset({"date", "url", "doi", "pages", "author", "editor", "title", "volume", "issue"})


NUMBERS = frozenset({"volume", "issue", "pages"})


def is_word(token: str) -> bool:
    """A word of three letters or more, not a mark of a volume, issue or page, nor a volume before its
    issue (`XIV: 4`): `wochenschr,`, `dentaire.`."""
    core = token.strip(".,;:")
    return len(core) > 2 and core.isalpha() and not token.endswith(":") and not VOLUME_MARK.match(token) \
        and not PAGE_MARK.match(token)


def container_runs_on(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first journal or book run, ended on a bare word, takes the words up to and with the first
    that ends in punctuation (at most six; not numbers, volume marks, dates, names or `in`, and not a
    place before its publisher's colon): words read as a volume or pages too (`München med | wochenschr,`)."""
    run = next((r for r in runs_of(labels) if r[0] in CONTAINERS), None)
    if run is None or run[2] >= len(tokens) or not tokens[run[2] - 1][-1:].isalnum():
        return labels
    label, _, end = run
    other = labels[end]
    if other in CONTAINERS:  # `Bulletin de | la société ... du Périgord 5`: the other container label is the rest
        stop = next((j for j in range(end, len(tokens)) if labels[j] != other or ends_run_on(tokens[j], labels[j])),
                    len(tokens))
        labels[end:stop] = [label] * (stop - end)
        return labels
    for stop in range(end, min(end + MAX_CONTAINER_RUN_ON, len(tokens))):
        token = tokens[stop]
        if ends_run_on(token, labels[stop]):
            if stop > end and all(other in CONTAINERS for other in labels[end:stop]):
                labels[end:stop] = [label] * (stop - end)  # `Handbook of | labor economics | (Vol. 3,`
            break
        if not token[-1:].isalnum():
            if not (token.endswith(":") and labels[stop] in ("location", "publisher")):
                labels[end:stop + 1] = [label] * (stop + 1 - end)
            break
    return labels


def ends_run_on(token: str, label: str) -> bool:
    """Whether a journal or book title cannot run on into `token`: a number, a volume mark, `in`, or a
    field that is no title (but a word read as a volume or pages is a title's word)."""
    return label in NOT_CONTAINER and not (label in NUMBERS and is_word(token)) or bool(IN_MARK.match(token)) \
        or token[:1].isdigit() or token[:1] == "(" and bool(HAS_DIGIT.search(token)) or bool(VOLUME_MARK.match(token))


def editors_open_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """Names closed by an editor's mark at the start of the first book title (or in the editor run right
    after it) are its editors."""
    for label, start, end in runs_of(labels):
        if label not in BOOKS:
            continue
        first = start + 1 if IN_MARK.match(tokens[start]) else start
        reach = next((i for i in range(end, len(tokens)) if labels[i] != "editor"), len(tokens)) - 1  # `William | G.
        mark = next((i for i in range(first + 1, min(first + MAX_EDITORS, reach + 1)) if EDITOR_MARK.match(tokens[i])),
                    None)  # Austin (eds.),`: the names run on into an editor run
        if mark is not None and (mark < end or mark == reach and not any(map(ends_sentence, tokens[first:mark]))) \
                and all(NAME_PART.match(token) for token in tokens[first:mark]):
            labels[start:mark + 1] = ["editor"] * (mark + 1 - start)
        break
    return labels


def editors_in_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`Book, edited by A and B` and `Book. A, ed.`: in the first book title, the names are editors."""
    run = next((r for r in runs_of(labels) if r[0] in BOOKS), None)
    if run is None:
        return labels
    _, start, end = run
    for index in range(start + 1, end - 1):
        cue = CUES.get((tokens[index].lower(), tokens[index + 1].lower()))
        if cue:
            stop = next((j for j in range(index + 2, end) if tokens[j][:1].isdigit()), end)
            labels[index:stop] = [cue] * (stop - index)
            return labels
    cut = names_before_mark(tokens, labels, start, end)
    labels[cut:end] = ["editor"] * (end - cut)
    return labels


def names_before_mark(tokens: tuple[str, ...], labels: list[str], start: int, end: int) -> int:
    """Where the names closing a book title start, when an editor's mark follows it (`What Is an
    Animal? Tim Ingold, ed.`): after the title's last sentence. `end` when there are none."""
    follows = tokens[end + 1] if end + 1 < len(tokens) else ""
    if end >= len(tokens) or labels[end] != "editor" or not EDITOR_MARK.match(tokens[end]) \
            or follows.lower() == "by" or INITIALS.match(follows):
        return end  # `Book. Name, ed. by S. di Marco`: the names come after the mark
    cut = end
    while cut - 1 > start and NAME_PART.match(tokens[cut - 1]) and not closes_sentence(tokens[cut - 1]):
        cut -= 1
    return cut if cut < end and closes_sentence(tokens[cut - 1]) else end


def closes_sentence(token: str) -> bool:
    """`Animal?`, `Profession.`: a question, exclamation or period after a word (not an initial)."""
    return token.endswith(("?", "!")) or token.endswith(".") and len(token) > 3


SERIES_VOLUME = re.compile(r"^(?:vol\.?|volume)$", re.IGNORECASE)
SERIES_NUMBER = re.compile(r"^(?:\d+[a-z]?|[IVXLC]{1,7}),?$")


def series_volume(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`volume N of` inside a journal or book title: `volume N` is the volume, `of` and the rest of
    the run (or, at its end, the run after it) the series."""
    for label, start, end in runs_of(labels):
        if label not in CONTAINERS:
            continue
        index = next((i for i in range(start + 1, min(end, len(tokens) - 2)) if SERIES_VOLUME.match(tokens[i])
                      and SERIES_NUMBER.match(tokens[i + 1]) and tokens[i + 2].lower() == "of"), None)
        if index is not None:
            stop = end if end > index + 3 else run_end(labels, index + 3)
            labels[index:index + 2] = ["volume"] * 2
            labels[index + 2:stop] = ["collection-title"] * (stop - index - 2)
    return labels


WORK_VOLUME = re.compile(r"^(?:vol|vols|volume|volumes|bd|bde|tome|tomes)\.?$", re.IGNORECASE)
WORK_VOLUMES = frozenset({"vol", "vols", "volume", "volumes", "bd", "bde", "tome", "tomes"})
WORK_NUMBER = re.compile(r"^(?:\d+|[IVXLCivxlc]+)[,.]?$")
NUMBER_JOINS = frozenset({"and", "&", "-", "\u2013", "to"})
MAX_WORK = 12


def volume_of_work(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`Vol. 4 of Work.` (or `Vols. 4 and 5 of`) after a sentence's end: the volume, then the work up to
    the next period as the container; with no title read before it, the last journal or book run
    before it is the title."""
    words = words_of(tokens)
    if "of" not in words or WORK_VOLUMES.isdisjoint(words):
        return labels
    for index in range(2, len(tokens) - 3):
        if WORK_VOLUME.match(tokens[index]) and tokens[index - 1].endswith(".") and WORK_NUMBER.match(tokens[index + 1]):
            of = index + 2
            if of + 1 < len(tokens) and tokens[of].lower() in NUMBER_JOINS and WORK_NUMBER.match(tokens[of + 1]):
                of += 2
            stop = next((k for k in range(of + 1, min(of + MAX_WORK, len(tokens))) if tokens[k].endswith(".")), None)
            if of < len(tokens) and tokens[of].lower() == "of" and stop is not None:
                mark_work(labels, index, of, stop)
                break
    return labels


def mark_work(labels: list[str], index: int, of: int, stop: int) -> None:
    labels[index:of] = ["volume"] * (of - index)
    labels[of:stop + 1] = ["container-title"] * (stop + 1 - of)
    before = [run for run in runs_of(labels[:index]) if run[0] in CONTAINERS]
    if before and "title" not in labels[:index]:
        _, start, end = before[-1]
        labels[start:end] = ["title"] * (end - start)


def run_end(labels: list[str], start: int) -> int:
    """Where the run of equal labels starting at `start` ends."""
    return next((i for i in range(start, len(labels)) if labels[i] != labels[start]), len(labels))


# The rules in the order they run, after the general ones in `repair`.


OPENING_CUE = re.compile(r"^(?:ed|eds|edited|trans|transl)\.?$", re.IGNORECASE)  # `Ed. Nadine Jasmine.`
MAX_CUED_NAMES = 6


def cue_opens_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A journal or book run that opens on `Ed.` (or `Trans.`) after a sentence's end, then capitalised
    names up to the next sentence's end (`Contes des fées. | Ed. Nadine Jasmine. | Parigi:`), is the
    editor (or translator), not a container."""
    for label, start, end in runs_of(labels):
        if label not in CONTAINERS or not OPENING_CUE.match(tokens[start]) or not start \
                or not ends_sentence(tokens[start - 1]):
            continue
        reach = min(start + 1 + MAX_CUED_NAMES, end)
        stop = next((j for j in range(start + 1, reach) if ends_sentence(tokens[j])), None)
        if stop is not None and all(NAME_PART.match(token) for token in tokens[start + 1:stop + 1]):
            role = "translator" if tokens[start].lower().startswith("trans") else "editor"
            labels[start:stop + 1] = [role] * (stop + 1 - start)
    return labels


def special_issue_leaves_journal(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`Special Issue` after a comma inside a journal or book run names the issue, not the journal: from
    there to the run's end is a note (`Computer, | Special Issue on Fault-Tolerant Systems,`)."""
    if "special" not in words_of(tokens):
        return labels
    for label, start, end in runs_of(labels):
        cut = next((i for i in range(start + 1, end - 1) if tokens[i] == "Special" and tokens[i - 1].endswith(",")
                    and tokens[i + 1].rstrip(":,").lower() == "issue"), None) if label in CONTAINERS else None
        if cut is not None:
            labels[cut:end] = ["note"] * (end - cut)
            return labels
    return labels


TITLE_LINKS = frozenset({"to", "for", "of", "on", "in", "with", "from", "at"})  # never a list of editors' first word


def lower_case_editors_continue_book(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A run read as editors, with no editor's mark, right after a book or journal run, that opens on
    a preposition (`Essays Presented | to N. R. Ker.`) is that title going on."""
    for label, start, end in runs_of(labels):
        if label == "editor" and start > 0 and labels[start - 1] in CONTAINERS and tokens[start] in TITLE_LINKS \
                and not any(EDITOR_MARK.match(token) for token in tokens[start:end]):
            labels[start:end] = [labels[start - 1]] * (end - start)
    return labels


RULES = (book_title_split, journal_inside_title, container_head_is_title, subtitle_after_colon, volume_of_work,
         report_institution, journal_as_volume, in_place_is_book, periodical_after_quoted_title, lone_in_opens_book,
         editors_open_container, title_before_in, series_volume, container_tail, editors_in_container,
         title_ends_on_open_word, journal_head_in_title, title_runs_on, meeting_place, title_closes_parenthesis,
         container_runs_on, medium_after_title, publisher_after_title, month_leaves_container, pages_inside_container,
         imprint_closes_title, journal_head_ends_title, meeting_year_in_container, publisher_closes_title,
         retrieval_ends_title, cue_opens_container, proceedings_edges, report_leaves_title, year_in_meeting_name,
         article_opens_title, in_continues_title, special_issue_leaves_journal, lower_case_editors_continue_book,
         edition_leaves_title, imprint_closes_reference, ordinal_opens_meeting, date_leaves_container,
         numbers_close_title, publisher_opens_journal, report_number_leaves_title)
