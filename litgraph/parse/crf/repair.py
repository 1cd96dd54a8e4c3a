"""Label repairs: rules applied to the labeller's output before it becomes fields.

Each rule fixes a confusion whose right answer the printed string tells for certain,
whatever the model learnt:

- where the date is (`dates`);
- `in Jones, B. (ed.)` after the title names editors, and the title that follows is the book;
- a reference with no title whose only container is a book (not a journal) is that book
  (`Smith J, Jones K, editors. Peer work. London: Sage; 2010.`);
- an author list that ends in a comma goes on with the name after it (`Ken N Ross, Pablo Tamayo.`);
- where an author list ends, and what after it is not names (`namelists`);
- a bare number that is no year, right after the journal, in a reference whose year is already
  read, is the volume (`Frontiers in Psychiatry, 11, Article 123.`), and `Article` before the
  pages belongs to them (an article number);
- the reference's numbers in their place (`numbers`);
- `Trans.` after a sentence inside the title opens the translator, and a bare year closing the title
  after a sentence (`Spaces. 1984. Trans.`) is the date.

Example:
    >>> repair(("Smith,", "J.", "(n.d.).", "Title."), ("author", "author", "author", "title"))
    ('author', 'author', 'date', 'title')
"""

from __future__ import annotations

import re

from . import containers, editors, namelists
from .dates import (close_date_parenthesis, no_date, title_after_date_parenthesis, wordy_date_opens_title,
                    year_at_run_edge)
from .features import PAGE_RANGE, ends_sentence
from .marks import (BARE_NUMBER, BARE_YEAR, CUES, IN_MARK, JOINS, TAIL_TAKERS, Labels, first_run, runs_of, text_of,
                    words_of)
from .numbers import (numbers_in_place, page_count, pages_after_issue, pages_hold_numbers, range_after_quoted_title,
                      spaced_range)

NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+|[A-Z]\.?)[.,]?$")  # `Nünning.`, `Hönke`
ARTICLE_CUE = re.compile(r"^(?:article|art\.?|paper)$", re.IGNORECASE)


def repair(tokens: tuple[str, ...], labels: tuple[str, ...]) -> tuple[str, ...]:
    """The labels of `tokens` after every repair rule."""
    fixed = Labels(labels)
    for rule in RULES:
        fixed = rule(tokens, fixed)
    return tuple(fixed)


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


def author_list_continues(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """Names ("Pablo Tamayo.", "Andras Vasy, and Jared Wunsch.", "und Torsten Ziebertz.", "Stefania and
    Alfons Prandi.") after an author run that ends in "," are the last authors, not the title: each of two
    or three name words, the last closed by a period."""
    end = next((i for i in range(1, len(labels)) if labels[i - 1] == "author" and labels[i] != "author"), None)
    if end is None or labels[end] != "title" or not tokens[end - 1].endswith(","):
        return labels
    start = end
    for _ in range(MAX_MORE_NAMES):
        last = next((i for i in range(start + 1, min(start + 5, len(tokens))) if tokens[i].endswith((",", "."))), None)
        if last is None:
            return labels
        name = tokens[start + 1 if tokens[start].lower() in JOINS else start:last + 1]
        if len(name) > 3 and name[1].lower() in JOINS and start == end and labels[:end] == ["author"]:
            name = name[2:]  # `Cappello, | Stefania and Alfons Prandi.`: the first name's given name, then the next
        if not (2 <= len(name) <= 3 and all(map(name_word, name))) or "title" != labels[last] \
                or any(word.lower().rstrip(",") in NOT_NAME_WORDS for word in name):
            return labels  # (a name read as the title only: `Skiwójwak, | Pro. Sto. Soc.,` is a journal)
        if tokens[last].endswith("."):
            labels[end:last + 1] = ["author"] * (last + 1 - end)
            return labels
        start = last + 1
    return labels


MAX_MORE_NAMES = 8
NOT_NAME_WORDS = frozenset({"the", "a", "an", "vol.", "no.", "in", "on", "of", "le", "la", "les", "der", "die", "das",
                            "el"})  # (an initial `A.` keeps its period: a name)


def name_word(word: str) -> bool:
    """A capitalised name or an initial ("Pablo", "Tamayo.", "N", "O'Neil,")."""
    return bool(NAME_WORD.match(word))


def volume_after_journal(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ "11," labelled date after the journal, once the year was read, is the volume. A bare number
    read as an edition right after the journal (`Asia Major | 4. 43–49.`, `Psychology | 23. 4 (2004)`)
    is the volume, and the range or number after it the pages or the issue."""
    for label, _, index in runs_of(labels):  # the token right after each journal or book run
        if label not in ("journal", "container-title") or index >= len(tokens) or not BARE_NUMBER.match(tokens[index]):
            continue
        if labels[index] == "date" and "date" in labels[:index - 1]:
            labels[index] = "volume"
        elif labels[index] == "edition" and labels[index - 1] == "journal" and index + 1 < len(tokens) \
                and labels[index + 1] == "edition":  # the numbers after it, not `3. Aufl.` or `2nd ed.`
            after = tokens[index + 1].rstrip(".,;")
            if PAGE_RANGE.match(after) or BARE_NUMBER.match(tokens[index + 1]):
                labels[index:index + 2] = ["volume", "pages" if PAGE_RANGE.match(after) else "issue"]
    return labels


def article_cue(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ "Article" just before the pages is part of them (an article number)."""
    if "pages" not in labels:
        return labels
    for index in range(max(labels.index("pages") - 1, 0), len(tokens) - 1):  # none before the first pages is before pages
        if labels[index + 1] == "pages" and tokens[index][:1] in "aApP" and ARTICLE_CUE.match(tokens[index]):
            labels[index] = "pages"
    return labels


OPENING = {"\u201c": "\u201d", "\"": "\"", "\u00ab": "\u00bb", "\u2018": "\u2019", "\u201e": "\u201c"}
MAX_QUOTED = 60
AFTER_QUOTE = frozenset({"journal", "container-title", "editor", "publisher", "location", "genre", "note"})
ISLAND_HOSTS = frozenset({"title", "container-title", "journal"})
MAX_ISLAND = 2
MAX_UNBROKEN = 4


def quoted_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A title run opened by a quotation mark covers exactly the words up to the mark that closes it."""
    start = next((i for i, label in enumerate(labels) if label == "title"), None)
    if start is None or tokens[start][:1] not in OPENING:
        return labels
    close = closing_mark(tokens, start, OPENING[tokens[start][0]])
    if close is None:
        return labels
    labels[start:close + 1] = ["title"] * (close + 1 - start)
    if not closed_inside(tokens[close]):
        return labels  # “Your experiences were your tools”: a grounded theory... (the quotation opens the title)
    after = next((labels[j] for j in range(close + 1, len(labels)) if labels[j] != "title"), None)
    after = after if after in AFTER_QUOTE else "container-title"
    for index in range(close + 1, len(tokens)):
        if labels[index] != "title":
            break
        labels[index] = after
    return labels


CLOSING_MARKS = "\u201d\"\u00bb\u2019\u201c"


def closed_inside(token: str) -> bool:
    """Whether the closing mark follows the title's own last punctuation (`Art?”`, `Thinking,”`), or a
    comma follows the mark (`Enforcement",`): the whole title was quoted, so nothing after the mark is
    title. (`tools’.` and `tools”:` may go on: `‘Your experiences were your tools’. How ...`; so may
    `Do:”`, a colon before the mark: `“Monkey See, Monkey Do:” The Influence of ...`.)"""
    core = token.rstrip(".,;:)]")
    return len(core) > 1 and core[-2] in ",.?!;" or len(token) > 2 and token[-1] == "," and token[-2] in CLOSING_MARKS


def closing_mark(tokens: tuple[str, ...], start: int, mark: str) -> int | None:
    """The index of the token that closes the quotation opened at `start` (None if none does)."""
    for index in range(start, min(start + MAX_QUOTED, len(tokens))):
        word = tokens[index][1:] if index == start else tokens[index]
        core = word.rstrip(".,;:)]")
        if core.endswith(mark) and (mark not in APOSTROPHE_LIKE or not possessive(core, tokens[index], index, tokens)):
            return index
    return None


APOSTROPHE_LIKE = "\u2019\""


def possessive(core: str, token: str, index: int, tokens: tuple[str, ...]) -> bool:
    """Whether a word ending in ’ (or ") is more likely a plural possessive (`users’ view`) than
    the end of a quotation: a letter before the mark, no punctuation after it, more words to come."""
    return len(core) > 1 and core[-2].isalpha() and token == core and index + 1 < len(tokens)


def islands(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """One or two tokens between two runs of one title, book or journal label (at most one other run
    between them), or up to four with no punctuation at their edges, join them."""
    runs = runs_of(labels)
    for index, before in enumerate(runs):
        if before[0] not in ISLAND_HOSTS:
            continue
        after = next((j for j in range(index + 2, min(index + 4, len(runs))) if runs[j][0] == before[0]), None)
        if after is None:
            continue
        start, end = before[2], runs[after][1]
        if any(runs[j][0] in ("doi", "url") for j in range(index + 1, after)):
            continue
        if end - start <= MAX_ISLAND or end - start <= MAX_UNBROKEN and unbroken(tokens, start - 1, end):
            labels[start:end] = [before[0]] * (end - start)
    return labels


def unbroken(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """No token from `start` up to (not including) `end` ends in punctuation that could close a field."""
    return not any(tokens[i][-1:] in ".,;:)]" for i in range(start, end))


MAX_TAIL = 2


def title_tail(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The last one or two words of the first title run, after a sentence end, go to the field after it
    (to the publisher when a comma leads on to the place: `Parsing. | Morgan Kaufmann, | San Mateo,`);
    unless they close a quotation (`“Go-Between. | Postkoloniale Erzähltheorie.”`) or number a part
    (`Fourier integral operators. | II.`)."""
    run = first_run(labels, "title")
    if run is None or run[2] >= len(tokens) or labels[run[2]] not in TAIL_TAKERS:
        return labels
    _, start, end = run
    if tokens[end - 1].rstrip(".,;:").endswith(CLOSING_QUOTES) or ROMAN_PART.match(tokens[end - 1]):
        return labels
    for cut in range(max(start + 1, end - MAX_TAIL), end):
        if ends_sentence(tokens[cut - 1]) and not tokens[cut - 1].endswith(("?", "!")):
            publisher_first = labels[end] == "location" and tokens[end - 1].endswith(",")
            labels[cut:end] = ["publisher" if publisher_first else labels[end]] * (end - cut)
            break
    return labels


CLOSING_QUOTES = ("\"", "\u201d", "\u2019", "\u00bb")
ROMAN_PART = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)\.$")


NAME_QUOTES = ("\u201c", "\"", "\u00ab", "\u201e")


def quote_ends_authors(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An author run that reaches a word opened by a quotation mark ends before it: the rest is title."""
    text = text_of(tokens)
    if not any(quote in text for quote in NAME_QUOTES):
        return labels
    for label, start, end in runs_of(labels):
        if label != "author":
            continue
        opened = next((i for i in range(start, end) if tokens[i].startswith(NAME_QUOTES)), None)
        if opened is not None:
            labels[opened:end] = ["title"] * (end - opened)
    return labels


LEADING_MARKS = re.compile(r"^(?:\(?eds?\.?\)?|\(?hrsg\.?\)?|\(?dir\.?\)?|editors?|[,;:&])[.,]?$", re.IGNORECASE)


def title_edges(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An editor's mark opening the first title run joins the names before it; a cue inside it
    (`edited by` ...) starts the editors to the end of that run."""
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    while start < end - 1 and start > 0 and labels[start - 1] in ("author", "editor") \
            and LEADING_MARKS.match(tokens[start]):
        labels[start] = labels[start - 1]
        start += 1
    cued = not CUE_WORDS.isdisjoint(words_of(tokens))
    for index in range(start + 1, end - 1 if cued else start + 1):
        cue = CUES.get((tokens[index].lower(), tokens[index + 1].lower())) or translator_cue(tokens, index)
        if cue:
            labels[index:end] = [cue] * (end - index)
            end = index
            break
    if end - start > 2 and BARE_YEAR.match(tokens[end - 1]) and ends_sentence(tokens[end - 2]):
        labels[end - 1] = "date"  # `Utopics: ... Spaces. 1984. Trans.`: the first edition's year
    return labels


CUE_WORDS = frozenset({first.strip(".") for first, _ in CUES} | {"trans", "transl"})  # as `words_of` has them


def translator_cue(tokens: tuple[str, ...], index: int) -> str | None:
    """`Trans.` after a sentence's end, before a capitalised name, opens the translator."""
    if tokens[index].lower() in ("trans.", "transl.") and index and ends_sentence(tokens[index - 1]) \
            and tokens[index + 1][:1].isupper():
        return "translator"
    return None


# The rules in the order they run: each sees the labels the ones before it left.


RULES = (namelists.ditto_author, namelists.lower_case_opens_names, no_date, year_at_run_edge, editors.title_before_role,
         quote_ends_authors, namelists.initials_end_authors, author_list_continues, namelists.inverted_name_ends_list,
         namelists.given_name_closes_authors, namelists.body_opens_title, namelists.parenthesised_initials_continue,
         namelists.authors_end_in_punctuation, namelists.phrase_ends_names, namelists.number_opens_title,
         close_date_parenthesis, title_after_date_parenthesis, wordy_date_opens_title, editors_after_title,
         book_without_title, volume_after_journal, article_cue, quoted_title, islands, namelists.body_before_year,
         pages_after_issue, spaced_range, title_tail, title_edges, *containers.RULES, page_count, numbers_in_place,
         pages_hold_numbers, editors.editors_open_reference, range_after_quoted_title, editors.editors_without_mark,
         editors.editors_then_book,
         year_at_run_edge)  # once more: the rules after its first turn may have made a run the title
