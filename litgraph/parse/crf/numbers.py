"""Label repairs that put a reference's numbers in their place: volume, issue, pages and the date.

- `47 (6), 60 -68`: an issue that ran into the pages gives them back; `2004. 149 p.` is a book's extent;
- `278 – 281`, `2462– 2467`, `248 –254`, `52 – 59` and the numbers right after `pp.` are the pages;
  so is `(136-154)` after a quoted title, and `pages 1385 –1392,` or `(pp. 89-98).` inside a book title;
- a year, a season or months read as the issue are the date (`22, 2 (1920):`, `agosto/settembre`), so
  is a day before a month (`29 August 2015`, `Wired, 7 March.`); the number after an issue's mark or
  glued to it is the issue (`No. 2,`, `n°9.`), and so is a lone number in parentheses after the
  volume (`63, (16).`); `2 vols.` is the volume; a note's page after its imprint in parentheses is the
  pages (`(London: Verso, 1991), 39`);
- pages hold numbers: a pages run without a digit (`Reprinted from`, `Web.`) is a note, so are the words
  after its last number (`1911–15. | www.cell.com,`); a lone year read as the pages of a reference with
  no date read is the date (`Universite Paris 7, | 1992.`);
- `Harvard Business Review, Volume 42`, `Word & World XIV: 4`, `Proceedings of SIGIR, 262-269`:
  volume and issue marks, numbers and page ranges closing a journal's title are not part of it; with
  no journal read, the title's last sentence closing on numbers is the journal (`performance. | GPS
  Solutions, | 1-11.`).

Example:
    >>> spaced_range(("Automatica,", "47:", "2462\u2013", "2467,"), ["journal", "volume", "pages", "date"])
    ['journal', 'volume', 'pages', 'pages']
"""

from __future__ import annotations

import re

from . import lexicon
from .features import ends_sentence
from .marks import BARE_NUMBER, BARE_YEAR, CONTAINERS, VOLUME_MARK, YEAR_LIKE, first_run, months, runs_of, words_of

PAGE_LIKE = re.compile(r"^(?:pg|pp?|s)\.?$|^[-\u2010-\u2015]*\d+[-\u2010-\u2015]*\d*[.,;)]*$|^[-\u2010-\u2015]+$",
                       re.IGNORECASE)


def pages_after_issue(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An issue run that closed on a number (`(6),`, `(1).`, `2,`) and goes on with numbers, dashes or a
    page mark ran into the pages: `47 (6), 60 -68.`, `19 (1). 109 – 112`, `Vol. 21 (3), pg 295`."""
    for label, start, end in runs_of(labels):
        if label != "issue":
            continue
        close = next((i for i in range(start, end - 1)
                      if tokens[i][-1:] in ")., " and any(ch.isdigit() for ch in tokens[i])), None)
        if close is not None and all(PAGE_LIKE.match(token) for token in tokens[close + 1:end]):
            labels[close + 1:end] = ["pages"] * (end - close - 1)
    return labels


EXTENT_UNIT = re.compile(r"^(?:p|pp|pages|s|seiten|str)\.?[,;]?$", re.IGNORECASE)
EXTENT_UNITS = frozenset({"p", "pp", "pages", "s", "seiten", "str"})
EXTENT = re.compile(r"^\d{1,4}$")
AFTER_EXTENT = frozenset({"date", "note", "url", "doi"})


def page_count(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A number read as a volume, issue or pages, then `p.` (not after `p.`), at the end or before a
    parenthesis, a date or a note, is the book's number of pages: a note."""
    if EXTENT_UNITS.isdisjoint(words_of(tokens)):
        return labels
    for index in range(len(tokens) - 1):
        if EXTENT.match(tokens[index]) and EXTENT_UNIT.match(tokens[index + 1]) \
                and labels[index] in ("volume", "pages", "issue") \
                and (index == 0 or not EXTENT_UNIT.match(tokens[index - 1])) \
                and (index + 2 >= len(tokens) or tokens[index + 2][:1] == "(" or labels[index + 2] in AFTER_EXTENT):
            labels[index:index + 2] = ["note", "note"]
    return labels


DASH_ONLY = re.compile(r"^[-\u2010-\u2015\u2212]+$")
PAGE_END = re.compile(r"^[A-Za-z]{0,2}\d+[A-Za-z]?[.,;)]?$")


def spaced_range(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ "278 – 281": the dash and the page after it belong to the pages before them; so does the page
    after a dash that ends the pages (`2462– | 2467,`) or the dash and page after them (`205 | –223.`);
    and with no pages read, `52 – 59` after the volume or issue is the pages."""
    after_pages = labels.index("pages") + 1 if "pages" in labels else len(tokens)  # none before it follows pages
    for index in range(max(after_pages, 1), len(tokens)):
        token, before = tokens[index], labels[index - 1]
        if before == "pages" and index + 1 < len(tokens) and DASH_ONLY.match(token) \
                and PAGE_END.match(tokens[index + 1]):
            labels[index] = labels[index + 1] = "pages"
        elif before == "pages" and (OPEN_RANGE.match(tokens[index - 1]) and PAGE_END.match(token)
                                    or BARE_PAGE.match(tokens[index - 1]) and CLOSING_PAGE.match(token)
                                    or PAGE_WORD.match(tokens[index - 1]) and PAGE_START.match(token)
                                    and not BARE_YEAR.match(token)):
            labels[index] = "pages"  # ... and the numbers right after `pp.`
    return unlabelled_range(tokens, labels)


PAREN_RANGE = re.compile(r"^\(\d+[-\u2010-\u2015]\d+\)[.,:;]?$")
CLOSE_QUOTES = ("\u2019", "\u201d", "\"", "'", "\u00bb")


def range_after_quoted_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`‘The Role of Distance’ (136-154) in ...`: a page range in parentheses right after a quoted title,
    read into it, is the pages (when no pages were read)."""
    if "pages" in labels:
        return labels
    for index in range(1, len(tokens)):
        if labels[index] == "title" and PAREN_RANGE.match(tokens[index]) \
                and tokens[index - 1].rstrip(".,;:").endswith(CLOSE_QUOTES):
            labels[index] = "pages"
            break
    return labels


PAGE_WORD = re.compile(r"^\(?(?:pp?|pages?|pgs?)\.?$", re.IGNORECASE)
PAGE_START = re.compile(r"^\d+[a-z]?(?:[-\u2010-\u2015]\d+)?[.,;)]*$")
OPEN_RANGE = re.compile(r"^\d+[-\u2010-\u2015\u2212]$")
BARE_PAGE = re.compile(r"^\d+$")
CLOSING_PAGE = re.compile(r"^[-\u2010-\u2015\u2212]\d+[.,;)]*$")


def unlabelled_range(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no pages read, `52 – 59` right after the volume or issue is the pages."""
    if "pages" in labels:
        return labels
    for index in range(1, len(tokens) - 2):
        if labels[index - 1] in ("volume", "issue") and BARE_PAGE.match(tokens[index]) \
                and DASH_ONLY.match(tokens[index + 1]) and PAGE_END.match(tokens[index + 2]) \
                and int(tokens[index]) <= int(re.sub(r"\D", "", tokens[index + 2]) or 0):
            labels[index:index + 3] = ["pages"] * 3
            break
    return labels


PAREN_YEAR = re.compile(r"^\((?:1[5-9]|20)\d\d(?:[-\u2013/]\d{2,4})?\)[.,:;]*$")  # `(1920)`, `(1986–87)`
SEASONS = frozenset({"été", "hiver", "printemps", "automne", "frühjahr", "frühling", "sommer", "herbst", "invierno",
                     "verano", "primavera", "otoño", "inverno", "verão", "outono"})  # beside `lexicon`'s months
ISSUE_MARK = re.compile(r"^(?:n|no|nr|nos|num|n[°º]|issue|heft|h)\.?$", re.IGNORECASE)
ISSUE_MARK_STARTS = "nNiIhH\u0130\u0131"  # what ISSUE_MARK's first letter matches (re's IGNORECASE: İ and ı are i too)


def numbers_in_place(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A year or a season in parentheses read as the issue (`22, 2 (1920):`, `66 (été 2001):`) is the
    date; the number after an issue's mark read as the volume (`n. 9 (2009)`), a number glued to its mark
    (`n°9.`) and a lone number in parentheses after the volume (`63, (16).`) are the issue; `2 vols.` is
    the volume (the number of volumes)."""
    known, volumes = months(), "vols" in words_of(tokens)
    indices = range(len(tokens)) if volumes else [i for i, label in enumerate(labels) if label in NUMBER_LABELS]
    for index in indices:
        token = tokens[index]
        if labels[index] in ("issue", "volume") and not token.strip("().,:;").isdigit() and all(
                word in known or word in SEASONS for word in MONTH_JOINS.split(token.strip("().,:;").lower())):
            labels[index] = "date"  # `agosto/settembre`, `(été`
        elif labels[index] == "issue" and token[:1] == "(" and PAREN_YEAR.match(token):
            labels[index] = "date"
        elif labels[index] == "volume" and DAY_NUMBER.match(token) and index + 1 < len(tokens) \
                and not (index and VOLUME_MARK.match(tokens[index - 1])) \
                and tokens[index + 1].rstrip(".,").lower() in known \
                and (tokens[index + 1].endswith((".", ","))
                     or index + 2 < len(tokens) and BARE_YEAR.match(tokens[index + 2])):
            labels[index] = "date"  # `The Guardian, 29 August 2015.`, `Wired, 7 March.`
        elif labels[index] == "issue" and ISSUE_MARK.match(token) and index + 1 < len(tokens) \
                and labels[index + 1] == "volume" and tokens[index + 1][:1].isdigit() \
                and "volume" not in labels[index + 2:]:
            labels[index + 1] = "issue"
        elif labels[index] in ("pages", "volume") and token[:1] in "nN" and GLUED_ISSUE.match(token):
            labels[index] = "issue"
        elif labels[index] == "pages" and labels[index - 1:index] == ["volume"] and PAREN_ISSUE.match(token) \
                and labels.count("pages") == 1:
            labels[index] = "issue"
        elif token[:1] in "vV" and NUMBER_OF_VOLUMES.match(token) and index and BARE_NUMBER.match(tokens[index - 1]):
            labels[index - 1:index + 1] = ["volume", "volume"]
        elif token[:1] in ISSUE_MARK_STARTS and ISSUE_MARK.match(token) and labels[index] in ("issue", "volume") \
                and index + 1 < len(tokens) \
                and ISSUE_NUMBER.match(tokens[index + 1]) and labels[index + 1] not in ("issue", "date"):
            labels[index:index + 2] = ["issue", "issue"]  # `No. | 2,`, `no. 211.`
        elif labels[index] == "volume" and index and tokens[index - 1].endswith(("),", ")")) \
                and labels[index - 1] == "date" and "pages" not in labels[:index] and LOCATOR.match(token):
            labels[index] = "pages"  # a note's page after its imprint: `(London: Verso, 1991), 39 .`
    return labels


NUMBER_LABELS = frozenset({"issue", "pages", "volume"})  # every case but `2 vols.` starts from one of them
ISSUE_NUMBER = re.compile(r"^\d{1,4}[.,;:]?$")
LOCATOR = re.compile(r"^\d+(?:[-\u2013]\d+)?[.,;]?$")
MONTH_JOINS = re.compile(r"[/\-\u2013]")
DAY_NUMBER = re.compile(r"^\d{1,2}$")
GLUED_ISSUE = re.compile(r"^n[°º]\.?\d+[.,;]?$", re.IGNORECASE)  # `n°9.`
PAREN_ISSUE = re.compile(r"^\(\d{1,4}\)[.,;]?$")  # `63, | (16).`
NUMBER_OF_VOLUMES = re.compile(r"^vols\.[,;]?$", re.IGNORECASE)  # `2 vols.`


PAGE_CUE = re.compile(r"^\(?(?:pages|pp?\.|pgs?\.)[,:]?$", re.IGNORECASE)
PAGE_PIECE = re.compile(r"^[-\u2010-\u2015]*\d+[a-z]?(?:[-\u2010-\u2015]+\d*)?\)?[,.;]?$|^[-\u2010-\u2015]+$")


def pages_inside_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`pages 1385 –1392,` or `(pp. 89-98).` inside a journal or book run (`In CVPR, pages 1385 –1392,
    2011.`) is the pages."""
    for label, start, end in runs_of(labels):
        if label not in CONTAINERS:
            continue
        cue = next((k for k in range(start + 1, end - 1) if PAGE_CUE.match(tokens[k]) and tokens[k + 1][:1].isdigit()),
                   None)
        if cue is not None:
            stop = next((j for j in range(cue + 1, end) if not PAGE_PIECE.match(tokens[j])), end)
            labels[cue:stop] = ["pages"] * (stop - cue)
    return labels


ROMAN_PAGES = re.compile(r"^[ivxlc]+(?:[-\u2010-\u2015][ivxlc]+)?[.,;]?$")  # `xii-xiv`: a preface's pages
PAGE_WORDS = frozenset({"p", "pp", "pg", "pgs", "page", "pages", "s", "sec", "and", "&", "passim", "f", "ff"})


def pages_hold_numbers(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A pages run without a digit or Roman numeral is a note; words after its last number that are
    no page words are a note too; a lone year as the pages, with no date read, is the date."""
    for label, start, end in runs_of(labels):
        if label != "pages":
            continue
        numbered = [i for i in range(start, end) if has_number(tokens[i])]
        if not numbered:
            labels[start:end] = ["note"] * (end - start)
        elif end - start == 1 and BARE_YEAR.match(tokens[start]) and "date" not in labels:
            labels[start] = "date"
        else:
            stop = next((i for i in range(numbered[-1] + 1, end)
                         if tokens[i].strip(".,;:()").lower() not in PAGE_WORDS), end)
            labels[stop:end] = ["note"] * (end - stop)
    return labels


def has_number(token: str) -> bool:
    """A digit, or Roman numerals in lower case (`xii-xiv`)."""
    return any(ch.isdigit() for ch in token) or ROMAN_PAGES.match(token) is not None


NUMBER = re.compile(r"^(?:n[°º]\.?)?\d+[a-z]?(?:[./]\d+)?[,:;.]?$|^[IVXLC]{2,7}[,:;.]?$")


RANGE = re.compile(r"^\d+\s*[-\u2010-\u2015]\s*\d+[,.;]?$")


PAGE_MARK = re.compile(r"^(?:pages|pp?\.|s\.)$", re.IGNORECASE)


NUMERIC = ("volume", "issue")


def container_tail(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """Volume and issue marks, numbers and page ranges closing a journal or book title go to the
    volume, issue or pages: `Harvard Business Review, Volume`, `Word & World XIV:`, `SIGIR, 262-269`."""
    for label, start, end in runs_of(labels):
        if label in CONTAINERS:
            cut = tail_start(tokens, start, end)
            if cut < end and tail_is_numbers(tokens, labels, label, cut, end):
                relabel_tail(tokens, labels, cut, end)
    return labels


def tail_start(tokens: tuple[str, ...], start: int, end: int) -> int:
    """Where the marks, numbers and ranges closing the run `start`..`end` begin (`end` if none)."""
    cut = end
    while cut - 1 > start and tail_word(tokens[cut - 1]):
        cut -= 1
    if cut < end and cut - 1 > start and RANGE.match(tokens[cut]) and PAGE_MARK.match(tokens[cut - 1]):
        cut -= 1
    return cut


def tail_word(token: str) -> bool:
    return bool(VOLUME_MARK.match(token) or NUMBER.match(token) or RANGE.match(token)) and not YEAR_LIKE.match(token)


def tail_is_numbers(tokens: tuple[str, ...], labels: list[str], label: str, cut: int, end: int) -> bool:
    """Whether the tail is the reference's numbers, not the end of a name (`Machine Learning 2`,
    `Local vaccine in Yama III`, a conference's `August 10-11`): it is marked (`Vol.`, `n°`), or
    the volume or issue follows it, or it is a page range that no month stands beside."""
    if any(RANGE.match(tokens[i]) and next_to_month(tokens, i) for i in range(cut, end)):
        return False
    after = labels[end] if end < len(labels) else None
    return any(VOLUME_MARK.match(tokens[i]) for i in range(cut, end)) or after in NUMERIC \
        or after == "pages" and label == "journal" or all(RANGE.match(tokens[i]) for i in range(cut, end))


def next_to_month(tokens: tuple[str, ...], index: int) -> bool:
    known = lexicon.lexicon()["month"]
    return any(0 <= i < len(tokens) and tokens[i].rstrip(".,;").lower() in known for i in (index - 1, index + 1))


def relabel_tail(tokens: tuple[str, ...], labels: list[str], cut: int, end: int) -> None:
    """Ranges go to the pages (if none were read), marks to the field they mark, numbers to the volume
    (the issue's, when the volume was read elsewhere and the issue follows)."""
    after = labels[end] if end < len(labels) else None
    has_volume, has_pages = "volume" in labels, "pages" in labels
    for index in range(cut, end):
        token = tokens[index]
        if RANGE.match(token) or PAGE_MARK.match(token):
            labels[index] = labels[index] if has_pages else "pages"
        elif VOLUME_MARK.match(token):
            labels[index] = after if after in NUMERIC else ("volume" if not has_volume else labels[index])
        elif not has_volume or after == "issue":
            labels[index] = "volume"
        elif after in (*NUMERIC, "pages"):
            labels[index] = after


YEARS = re.compile(r"^(?:1[5-9]|20)\d\d(?:[-\u2010-\u2015](?:1[5-9]|20)?\d\d)?[.,;]?$")  # `1648-1696`, `1914`


PARENTHESISED_NUMBER = re.compile(r"^\(\d+\)[.,;:]?$")


def numbers_close_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no journal or book read, the first title's last sentence that names a periodical and
    closes on its numbers (`performance. | GPS Solutions, | 1-11.`, `humanity. | info, | 9`) is the
    journal (up to its comma) and the volume, issue or pages."""
    if "journal" in labels or "container-title" in labels:
        return labels
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    first_number = end
    while first_number > start and (RANGE.match(tokens[first_number - 1]) or BARE_NUMBER.match(tokens[first_number - 1])
                                    or PARENTHESISED_NUMBER.match(tokens[first_number - 1])):
        first_number -= 1
    cut = next((i for i in range(first_number - 1, start + 1, -1) if ends_sentence(tokens[i - 1])), None)
    if first_number == end or cut is None or not tokens[first_number - 1].endswith(",") or first_number - cut > 6 \
            or any(YEARS.match(token) for token in tokens[first_number:end]):  # `Domestic fish, 1648-1696.`: a title's
        return labels
    labels[cut:first_number] = ["journal"] * (first_number - cut)
    for index in range(first_number, end):
        labels[index] = "pages" if RANGE.match(tokens[index]) else (
            "issue" if PARENTHESISED_NUMBER.match(tokens[index]) else "volume")
    return labels
