"""Label repairs where a title ends and a journal or book begins, where the labeller most often errs
(`title_tails` has what a title's end carries that is not the title: medium, imprint, report, edition).

- `northern Spain (Onychiuridae, | Tullbergiinae).,`: a title that opened a parenthesis closes it;
- `Names. Journal of the International College for Postgraduate | Buddhist Studies,`: a title that
  ends on a bare word right before a journal or book gives it the words after its last punctuation;
- `Neural Information Processing | Systems,`, `Proceedings | IJCAI-87.`: nor does a journal or book
  title end on a bare word;
- `Travail du public, | travail du privé : similitudes, Revue Française`: a journal or book run that
  opens lower-case right after the title goes on with the title up to its first comma or sentence end;
- `Chaos Theory in the Social Sciences: | Foundations and Applications, University of Michigan Press`:
  a journal or book run right after a title ending on a colon is its subtitle;
- `... change hearts and minds? Journal of surgical orthopaedic advances. 2011 20`: with no journal
  read, the title's last sentence before the numbers is the journal;
- `Imperial Hygiene: A | Critical History of ... Health. | New York: Palgrave`: a journal or book run
  between a title cut mid-phrase and an imprint is the rest of the title;
- `... of Ordained | Ministry, Nashville:`: a title does not end on a bare word, so the words up to
  the next punctuation are the title's too;
- `Title, in Third International Conference ...`: an `in` after a comma (or `In` after a
  sentence) ends the title, and the book or proceedings start there;
- `Meteoritics & | Planetary Science`, `implications for the final breakup of | Eastern Gondwana. |
  SedimentaryGeology`, `Logic. | Journal of Applied Logic`: a title does not end on `&`, `of` or a
  sentence opening on a journal's word;
- `(n.d.). | The | Veteran population ...`: an article alone before the title is the title's first word;
  `The Varation | in Conversation Project`: a book or journal does not open on a lower-case `in` that
  follows a title word without punctuation; the title goes on;

Example:
    >>> tokens = ("Gray,", "J.,", "Peer", "work,", "in", "Third", "Conference", "on", "Care,", "Springer,")
    >>> title_before_in(tokens, ["author"] * 2 + ["title"] * 7 + ["publisher"])
    ['author', 'author', 'title', 'title', 'publisher', 'publisher', 'publisher', 'publisher', 'publisher', 'publisher']
"""

from __future__ import annotations

import re

from .features import ends_sentence
from .marks import (CONTAINERS, EDITOR_MARK, IN_MARK, MEETING, TAIL_TAKERS, VOLUME_MARK, first_run, run_number, runs_of,
                    text_of, words_of)


def title_before_in(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ `, in` before a capitalised word (or `the`), or `. In`, inside the first title ends it."""
    if "in" not in words_of(tokens):
        return labels
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    for index in range(start + 2, end - 1):
        if IN_MARK.match(tokens[index]) and opens_container(tokens[index - 1], tokens[index], tokens[index + 1]):
            after = labels[end] if end < len(labels) and labels[end] in TAIL_TAKERS else "container-title"
            labels[index:end] = [after] * (end - index)
            break
    return labels


MAX_CLOSE = 3


def title_closes_parenthesis(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first title run, holding an unclosed `(`, takes the words up to the `)` within three that
    closes it (not across a date: `Joseph (West Lafayette, IN, 1998).`)."""
    if "(" not in text_of(tokens):
        return labels
    run = first_run(labels, "title")
    title = " ".join(tokens[run[1]:run[2]]) if run is not None else ""
    if title.count("(") <= title.count(")"):
        return labels
    end = run[2]
    close = next((j for j in range(end, min(end + MAX_CLOSE, len(tokens))) if ")" in tokens[j] and "(" not in tokens[j]),
                 None)
    if close is not None and "date" not in labels[end:close + 1]:
        labels[end:close + 1] = ["title"] * (close + 1 - end)
    return labels


MAX_HEAD_BACK = 8


JOINERS = frozenset({"&", "-", "\u2013", "\u2014", "+"})  # `Meteoritics & | Planetary Science`: no title ends on them


def journal_head_in_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first title run, ended on a bare word (or on `&`, `-`) right before a journal or book, gives
    that run the capitalised words after its last punctuation (within eight; not after a subtitle's colon)."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] not in CONTAINERS:
        return labels
    _, start, end = runs[number]
    if not tokens[end - 1][-1:].isalnum() and tokens[end - 1] not in JOINERS:
        return labels
    cut = next((i for i in range(end - 1, max(start, end - MAX_HEAD_BACK) - 1, -1) if not tokens[i - 1][-1:].isalnum()),
               None)
    if cut is not None and cut > start and tokens[cut][:1].isupper() and not tokens[cut - 1].endswith(":"):
        labels[cut:end] = [runs[number + 1][0]] * (end - cut)
    return labels


def container_head_is_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The journal or book run right after the first title, when it opens on a lower-case word (not
    `in`, `and`), gives the title its words up to the first comma or sentence end before a
    capitalised word (`an overview. | Nat. Med`, `literary flow. | Cell`)."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] not in CONTAINERS:
        return labels
    _, start, end = runs[number + 1]
    first = tokens[start]
    if not first[:1].islower() or IN_MARK.match(first) or first.lower() in ("and", "&"):
        return labels
    cut = next((i for i in range(start + 1, end) if tokens[i][:1].isupper()
                and (tokens[i - 1].endswith(",") or ends_sentence(tokens[i - 1]))), None)
    if cut is not None:
        labels[start:cut] = ["title"] * (cut - start)
    return labels


NUMBERS = frozenset({"volume", "issue", "pages"})


def subtitle_after_colon(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The journal or book run right after a first title that ended on a colon is the title's, up to
    its first comma or sentence end before a capitalised word, or whole when no volume, issue or pages
    follow it; not when it opens on `In` or ends the reference (`Violence at work: International
    Labour Organization.`, a publisher)."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] not in CONTAINERS \
            or not tokens[runs[number][2] - 1].endswith(":"):
        return labels
    _, start, end = runs[number + 1]
    if IN_MARK.match(tokens[start]) or end == len(tokens):
        return labels
    cut = next((i for i in range(start + 1, end) if tokens[i][:1].isupper()
                and (tokens[i - 1].endswith(",") or ends_sentence(tokens[i - 1]))), None)
    if cut is None and labels[end] in NUMBERS:
        return labels
    cut = end if cut is None else cut
    labels[start:cut] = ["title"] * (cut - start)
    return labels


MAX_JOURNAL = 8


NUMBERS_OR_DATE = frozenset({"volume", "issue", "pages", "date"})


def journal_inside_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no journal or book read, and the first title followed by a volume, issue or pages (or a
    date and then those), the title's words after its last sentence end (at most eight, capitalised)
    are the journal; not when the title holds `In` (a chapter, for the rules on books)."""
    if "journal" in labels or "container-title" in labels:
        return labels
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] not in NUMBERS_OR_DATE:
        return labels
    if runs[number + 1][0] == "date" and not any(label in NUMBERS for label in labels[runs[number + 1][2]:]):
        return labels
    _, start, end = runs[number]
    if any(IN_MARK.match(token) for token in tokens[start:end]):
        return labels
    cut = next((i for i in range(end - 1, start, -1)
                if ends_sentence(tokens[i - 1]) or tokens[i - 1].endswith(("?", "!"))), None)
    if cut is not None and end - cut <= MAX_JOURNAL and tokens[cut][:1].isupper():
        labels[cut:end] = ["journal"] * (end - cut)
    return labels


IMPRINT = frozenset({"location", "publisher", "date", "note", "edition", "url"})


TITLE_ENDS = ("?", "!", ".", ",", "\u201d", "\"", "\u2019", "'", "\u00bb")


def book_title_split(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The journal or book run right after a first title that stopped mid-phrase (no sentence end,
    comma or closing quotation), followed by an imprint or date and no volume, issue or pages
    anywhere after, is the rest of the title; not when it opens on `In` or holds a volume or editor's
    mark (a series: `Bulletin no. 11`, `Ed. Nadine Jasmine`). A title cut at a comma goes on too when
    the run carries on its list (`origin, | and use.`, `Peasants, | National Projects, and the Making`);
    so does one followed by its editors (`a Poet’s | Mind. Edited by`)."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 2 >= len(runs) or runs[number + 1][0] not in CONTAINERS:
        return labels
    last = tokens[runs[number][2] - 1]
    _, start, end = runs[number + 1]
    if ends_sentence(last) or last.endswith(TITLE_ENDS) and not (last.endswith(",") and list_goes_on(tokens, start, end)) \
            or IN_MARK.match(tokens[start]) or any(VOLUME_MARK.match(t) or EDITOR_MARK.match(t) for t in tokens[start:end]):
        return labels
    if runs[number + 2][0] in IMPRINT | PERSONS_AFTER and not any(label in NUMBERS for label in labels[end:]):
        stop = next((j + 1 for j in range(start, end) if ends_sentence(tokens[j])), end) if last.endswith(",") else end
        labels[start:stop] = ["title"] * (stop - start)  # a list ends with its sentence: `or product. | Adams Media.`
    return labels


PERSONS_AFTER = frozenset({"editor", "translator"})  # `Poet’s | Mind. Edited by ...`


def list_goes_on(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the run from `start` goes on with a title's list cut at a comma: it opens in lower case
    (`origin, | and use.`) or holds the list's `, and` (`Peasants, | National Projects, and the Making`)."""
    return tokens[start][:1].islower() or any(tokens[i - 1].endswith(",") and tokens[i] in ("and", "or")
                                              for i in range(start + 1, end))


MAX_RUN_ON = 3


NOT_TITLE = frozenset({"date", "url", "doi", "pages", "journal", "author", "container-title", "editor"})


def title_runs_on(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first title, ended on a word without punctuation, takes the next words up to and with
    the first that ends in punctuation (at most three; not a date, pages, names or a journal, and
    not a place before its publisher's colon: `Mental Illness Washington, D.C.:`)."""
    run = first_run(labels, "title")
    last = tokens[run[2] - 1] if run is not None else ""
    if run is None or run[2] >= len(tokens) or not (last[-1:].isalnum() or last in JOINERS):
        return labels
    end = run[2]
    for stop in range(end, min(end + MAX_RUN_ON, len(tokens))):
        token = tokens[stop]
        if token[:1] in "([\"\u201c'\u2018" or IN_MARK.match(token) or token[:1].isdigit() or labels[stop] in NOT_TITLE:
            return labels
        if not token[-1:].isalnum():
            if not (token.endswith(":") and labels[stop] in ("location", "publisher")):
                labels[end:stop + 1] = ["title"] * (stop + 1 - end)
            return labels
    return labels


def opens_container(before: str, mark: str, after: str) -> bool:
    """Whether `mark` ("in") between `before` and `after` opens a container: after a comma, or
    capitalised after a sentence's end (not after an initial: `Zamia L. in the West Indies`)."""
    closed = before.endswith(",") or mark[0] == "I" and before.endswith(".") and len(before) > 2
    return closed and (after[:1].isupper() or after == "the")


# Words no title ends on: `Reactions of young adults to | September 11, 2001. Archives of Pediatrics`
OPEN_ENDED = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "with", "from", "&", "at", "by",
                        "und", "der", "die", "das", "des", "de", "du", "la", "le", "et", "y", "e", "em", "à", "au",
                        "aux", "di", "del", "della", "per", "für", "zur", "zum", "von"})
MAX_TITLE_TAIL = 8


def title_ends_on_open_word(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first title run, ended on a word no title ends on (`of`, `the`, `and`), takes the words of
    the journal or book run after it up to the first sentence's end inside that run (within eight);
    the whole run when no numbers follow it (`la version en prose de | Loïs Budé. Edited by`)."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] not in CONTAINERS:
        return labels
    end, (_, start, stop) = runs[number][2], runs[number + 1]
    if tokens[end - 1].lower() not in OPEN_ENDED:
        return labels
    last = stop if stop == len(tokens) or labels[stop] not in NUMBERS_OR_DATE else stop - 1  # a journal keeps a word
    cut = next((j for j in range(start, min(last, start + MAX_TITLE_TAIL)) if ends_sentence(tokens[j])), None)
    if cut is not None:
        labels[start:cut + 1] = ["title"] * (cut + 1 - start)
    return labels


JOURNAL_HEADS = frozenset({"journal", "journals", "proc.", "annals", "proceedings", "bulletin", "transactions", "archives",
                           "revue", "zeitschrift", "acta", "annales", "cahiers", "quarterly"})


def journal_head_ends_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A sentence of the first title that opens on a journal's word (`Logic. | Journal of Applied Logic,
    Special Issue: Belief | Change,`, `The Journals of Gerontology`), right before the journal run read
    and its numbers, is the journal's."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 2 >= len(runs) or runs[number + 1][0] != "journal" \
            or runs[number + 2][0] not in NUMBERS:
        return labels
    _, start, end = runs[number]
    for cut in range(start + 2, end):
        head = tokens[cut + 1] if tokens[cut] == "The" and cut + 1 < end else tokens[cut]
        if ends_sentence(tokens[cut - 1]) and head.strip(",:").lower() in JOURNAL_HEADS:
            labels[cut:end] = ["journal"] * (end - cut)
            break
    return labels


ARTICLES = frozenset({"The", "A", "An", "Le", "La", "Les", "L'", "Der", "Die", "Das", "El", "Il", "Lo", "Un", "Une",
                      "Ein", "Eine"})


def article_opens_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An article read alone as another field right before the first title run (`(n.d.). | The |
    Veteran population`), or after a field's closing mark (`[1895]. | Le | jardin d’Épicure`), is the
    title's first word."""
    run = first_run(labels, "title")
    if run is not None and run[1] > 0 and tokens[run[1] - 1] in ARTICLES \
            and (run[1] == 1 or labels[run[1] - 2] != labels[run[1] - 1] or tokens[run[1] - 2][-1:] in ".)],"):
        labels[run[1] - 1] = "title"
    return labels


ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def ordinal_opens_meeting(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An ordinal closing the first title right before a meeting's name read as a book or journal
    (`Fields, | 9th | International Conference on ...`, `145th | Annual Meeting`) opens that name."""
    number = run_number(labels, "title")
    runs = runs_of(labels)
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] not in CONTAINERS:
        return labels
    end, (label, start, _) = runs[number][2], runs[number + 1]
    if ORDINAL.match(tokens[end - 1]) and end - 1 > runs[number][1] and tokens[end - 2].endswith(",") \
            and MEETING.match(tokens[start]):
        labels[end - 1] = label
    return labels


def in_continues_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A book or journal run that opens on a lower-case `in` right after a title word without
    punctuation (`The Varation | in Conversation Project: ...`, `learning | in schools: A national
    profile.`) is the rest of the title, up to an `in` that opens a book after a comma or sentence."""
    for label, start, end in runs_of(labels):
        if label in CONTAINERS and tokens[start] == "in" and start > 0 and labels[start - 1] == "title" \
                and tokens[start - 1][-1:].isalnum():
            stop = next((j for j in range(start + 1, end) if IN_MARK.match(tokens[j])
                         and (tokens[j - 1].endswith(",") or ends_sentence(tokens[j - 1]))),
                        end)  # `water | in Amsterdam. Venhuistra, in 8th International Colloquium`: the book's `in`
            labels[start:stop] = ["title"] * (stop - start)
    return labels
