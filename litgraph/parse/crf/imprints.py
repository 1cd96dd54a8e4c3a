"""Label repairs where a book's or journal's title ends and its imprint begins: publisher, report
institution, meeting place and date, series (`containers` has what is inside the title).

- `Technical Report TR 95-50, University of Massachusetts`, `TR95-90 Computer Science Dept.`: with a
  report or thesis cue, a journal or book run naming an institution is the publisher;
- `Proc. Fourth International Conf. on ASPLOS, Santa Clara, CA`: one or two capitalised words after
  the last comma of a meeting's name are where it met; `Proceedings IJCAI-87`, `(IJCAI-91)`: a
  meeting's year belongs to its name; `, Lecture Notes in ...` and `, Department of ...` leave it;
  so does a full year printed in the name (`In Proc. 1994 Winter USENIX Conference`, `Proceedings of
  CHI 2015.`, `in: 2010 International conference on ...`) when the reference's date is read elsewhere;
- `Morgan Kaufmann.`, `A Foundation, | Addison-Wesley, 1988.`: a publisher read as a book title, or
  closing the title before the year, is the publisher; `College & | Research Libraries News`: words
  read as a publisher that run into a journal's name open it;
- `New York Times, | November 2, 1997`, `Architectural Design, febbraio 1961`: a month closing a
  periodical's name is the date; so is a year, a numeric date or a range of months after its comma.

Example:
    >>> month_leaves_container(("Times,", "November", "2,", "1997."), ["journal", "journal", "volume", "date"])
    ['journal', 'date', 'date', 'date']
"""

from __future__ import annotations

import re

from . import lexicon
from .marks import BARE_YEAR, CONTAINERS, IN_MARK, MEETING, YEAR_LIKE, months, run_number, runs_of, text_of, words_of

INSTITUTION = re.compile(r"^(?:univ|university|universit[éeyàä]t?|universidad|universidade|università|dept|"
                         r"department|institute|institut|laboratory|laboratories|lab|labs|center|centre|school|"
                         r"college|faculty|corporation|corp|inc|ltd|gmbh|administration|bureau|office|agency|"
                         r"ministry)\.?,?$", re.IGNORECASE)
REPORT_NUMBER_IN_TEXT = re.compile(r"(?:^| )tr[-\d]")  # a token opening `TR95-90`, `TR-93-3` (a technical report's
# number), in `text_of`'s lower-case text
REPORT_CUE = re.compile(r"^(?:tr|tech|technical|report|rep|rpt|thesis|dissertation|memo|memorandum|working|"
                        r"preprint)\.?,?$", re.IGNORECASE)
REPORT_CUES = frozenset({"tr", "tech", "technical", "report", "rep", "rpt", "thesis", "dissertation", "memo",
                         "memorandum", "working", "preprint"})  # REPORT_CUE's words


def report_institution(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A report's or thesis's institution is its publisher: with a report or thesis cue outside the
    title, every journal or book run that names an institution becomes the publisher."""
    numbered = REPORT_NUMBER_IN_TEXT.search(text_of(tokens)) is not None
    if not numbered and (REPORT_CUES.isdisjoint(words_of(tokens)) or not any(
            label != "title" and REPORT_CUE.match(token) for token, label in zip(tokens, labels))):
        return labels
    for label, start, end in runs_of(labels):
        if label in CONTAINERS and any(INSTITUTION.match(token) for token in tokens[start:end]):
            labels[start:end] = ["publisher"] * (end - start)
    return labels


PLACE_WORD = re.compile(r"^[A-Z][a-zà-öø-ÿ'’\-]+\.?,?$")
NOT_PLACE = frozenset({"part", "vol", "volume", "volumes", "special", "issue", "session", "track", "section",
                       "supplement", "series", "and", "the"})


def meeting_place(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """In a journal or book run that names a meeting (`Proceedings ...`, `Fourth International ...`),
    one or two capitalised words after its last comma (not `Part`, `Special`, an acronym) are the place."""
    for label, start, end in runs_of(labels):
        if label not in CONTAINERS or not MEETING.match(" ".join(tokens[start:start + 3])):
            continue
        comma = next((i for i in range(end - 2, start, -1) if tokens[i].endswith(",")), None)
        if comma is not None and 1 <= end - comma - 1 <= 2 and all(
                PLACE_WORD.match(t) and t.strip(".,").lower() not in NOT_PLACE for t in tokens[comma + 1:end]):
            labels[comma + 1:end] = ["location"] * (end - comma - 1)
    return labels


PERIODICAL = frozenset({"journal", "proceedings", "proc", "review", "bulletin", "transactions", "annals", "quarterly",
                        "magazine", "times", "news", "letters", "gazette", "post", "herald", "tribune", "globe",
                        "weekly", "daily", "monthly"})
IMPRINT_NAMES = frozenset({"kaufmann", "media", "pr", "academy", "house", "verlag", "publ"})  # with `lexicon`'s
AFTER_IMPRINT = frozenset({"date", "location", "url", "note", "doi", "isbn", "identifier", "medium", "edition"})
MAX_IMPRINT = 5


def publisher_after_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A book's publisher read as a journal or book title (`Pearl, J. (1988). Probabilistic Reasoning.
    Morgan Kaufmann.`): with no volume, issue or pages anywhere, a short run after the title, not after
    `In`, naming a publisher and not a periodical, with only a date, place, link or note after it."""
    if "volume" in labels or "issue" in labels or "pages" in labels:
        return labels
    runs = runs_of(labels)
    first = next((i for i, run in enumerate(runs) if run[0] == "title"), None)
    if first is None:
        return labels
    for index in range(first + 1, len(runs)):
        label, start, end = runs[index]
        if label in CONTAINERS and names_publisher(tokens[start - 1:end]) \
                and all(run[0] in AFTER_IMPRINT for run in runs[index + 1:]):
            labels[start:end] = ["publisher"] * (end - start)
    return labels


def names_publisher(tokens: tuple[str, ...]) -> bool:
    """Whether a run (with the token before it) is a publisher's name: short, not after `In`, with a
    publisher's word and no periodical's."""
    words = {token.strip(".,:;()").lower() for token in tokens[1:]}
    return len(tokens) <= MAX_IMPRINT + 1 and not any(map(IN_MARK.match, tokens[:2])) and PERIODICAL.isdisjoint(words) \
        and not (IMPRINT_NAMES.isdisjoint(words) and lexicon.lexicon()["publisher"].isdisjoint(words))


DAY = re.compile(r"^\d{1,2}[,.]?$|^\d{1,2}[-\u2013]\d{1,2}[,.]?$|^\(\d{1,2}\)")


def month_leaves_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A month closing a journal or book run, before its day or year (`New York Times, | November 2,
    1997`, `Business Insider May(26).`, `Architectural Design, febbraio 1961`), is the date."""
    known = months()
    for label, start, end in runs_of(labels):
        if label not in CONTAINERS or end - start < 2 or not tokens[end - 2].endswith(","):
            continue
        month, _, day = tokens[end - 1].partition("(")
        dated = end < len(tokens) and (DAY.match(tokens[end]) or YEAR_LIKE.match(tokens[end]))
        if month.rstrip(".,").lower() in known and (day[:1].isdigit() or dated):
            labels[end - 1] = "date"
            if dated:
                labels[end] = "date"
    return labels



PRINTED_DATE = re.compile(r"^(?:(?:1[5-9]|20)\d\d(?:/\d{1,3})?|\d{1,2}[/.]\d{1,2}[/.](?:1[5-9]|20)\d\d)[.,;]?$")  # `2011,`, `2007/3,`


def date_leaves_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A date after a comma inside a journal's run (`ASH, | 05/09/2014,`, `Vingtième siècle, | 2007/3,`,
    `Communications, | July-September,`), or a book's when the reference has no date read (a book's may
    be its own: `Europe, 1914`), is the date, and the words after it in the run a note."""
    known, dated = months(), "date" in labels
    for label, start, end in runs_of(labels):
        cut = next((i for i in range(start + 1, end) if tokens[i - 1].endswith(",") and (
            PRINTED_DATE.match(tokens[i]) or month_range(tokens[i], known))), None) \
            if label == "journal" or label in CONTAINERS and not dated else None
        if cut is not None:
            labels[cut] = "date"
            labels[cut + 1:end] = ["note"] * (end - cut - 1)
    return labels


def month_range(token: str, known: frozenset[str]) -> bool:
    """`July-September,`, `Jan.–Feb.`: two months joined by a dash."""
    parts = re.split(r"[-\u2013/]", token.rstrip(".,;"))
    return len(parts) == 2 and all(part.strip(". ").lower() in known for part in parts)


MAX_HEAD_WORDS = 2


def publisher_opens_journal(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """One or two words read as a publisher right before a journal run, with no punctuation between
    them (`College & | Research Libraries News 73`, `Publishing | Research Quarterly 7`), open the
    journal's name."""
    runs = runs_of(labels)
    for number in range(len(runs) - 1):
        label, start, end = runs[number]
        if label == "publisher" and runs[number + 1][0] == "journal" and end - start <= MAX_HEAD_WORDS \
                and tokens[end - 1][-1:] not in ".,;:)]" and tokens[start][:1].isupper():
            labels[start:end] = ["journal"] * (end - start)
    return labels

MEETING_YEAR = re.compile(r"^(?:'\d\d|[A-Z][A-Za-z]{1,9}[-\u2013]?'?\d\d)[.,;:]?$")  # `'95`, `IJCAI-87`, `ECAI'92`
MEETING_YEAR_MISREAD = frozenset({"volume", "pages", "date", "issue", "author", "editor", "location", "publisher"})


def meeting_year_in_container(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A meeting's two-digit year closing its name right after the proceedings run (`In Proceedings
    SuperComputing | '95,`, `In Proceedings | IJCAI-87.`) is part of that name, not a volume, pages, a
    name or a place (`Proceedings of Supercomputing | '91, Albuquerque`)."""
    for label, start, end in runs_of(labels):
        if label in CONTAINERS and end < len(tokens) and labels[end] in MEETING_YEAR_MISREAD \
                and MEETING_YEAR.match(tokens[end]) and not tokens[end - 1].endswith((".", ",", ";", ":")):
            labels[end] = label
    return labels


MEETING_WORD = re.compile(r"\b(?:proc\.|conf\.|symp\.|(?:proceedings|conference|symposium|workshop|congress|meeting|"
                          r"colloquium|convention|summit)\b)")  # asked of lower-case text
MEETING_WORDS = frozenset({"proc", "conf", "symp", "proceedings", "conference", "symposium", "workshop", "congress",
                           "meeting", "colloquium", "convention", "summit"})  # MEETING_WORD's, as `words_of` has them
NAME_ABBREVIATIONS = frozenset({"proc.", "conf.", "symp.", "int.", "intl.", "ann."})
MAX_YEAR_GAP = 2


def year_in_meeting_name(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A full year printed inside a meeting's name, read as a date while the reference has another
    date, is the name's: right after the name's word (`In Proc. | 1994 Winter | USENIX Conference`,
    `Proc. of IEEE Globecom | 2013,`), or right before its first word (`in: | 2010 | International
    conference on ...`). After a comma it stays the date (`Proceedings of the Conference, 2013.`)."""
    if "date" not in labels or MEETING_WORDS.isdisjoint(words_of(tokens)):
        return labels
    for index in [i for i, label in enumerate(labels) if label == "date"]:
        if BARE_YEAR.match(tokens[index]) and not year_closes_name(tokens, labels, index):
            year_opens_name(tokens, labels, index)
    return labels


def year_closes_name(tokens: tuple[str, ...], labels: list[str], index: int) -> bool:
    """Whether the year at `index` follows a meeting's name without a comma (`In Proc. | 1994 Winter |
    USENIX`); if so, and the reference keeps a date elsewhere, it joins the name, with the date words
    after it when the name goes on after them."""
    if not index or labels[index - 1] not in CONTAINERS or not joins_name(tokens[index - 1]):
        return False
    start = run_start(labels, index - 1)
    if not MEETING_WORD.search(" ".join(tokens[start:index]).lower()):
        return False
    stop = next((j for j in range(index + 1, min(index + 1 + MAX_YEAR_GAP, len(tokens)))
                 if labels[j] != "date" or not joins_name(tokens[j - 1])), index + 1)
    following = labels[stop] if stop < len(tokens) else None
    if following in CONTAINERS and following != labels[index - 1]:
        name = following
    else:
        name, stop = labels[index - 1], index + 1
    if date_elsewhere(labels, index, stop):
        labels[start:stop] = [name] * (stop - start)
    return True


def year_opens_name(tokens: tuple[str, ...], labels: list[str], index: int) -> None:
    """The year at `index` right before a meeting's name (`in: | 2010 | International conference`)
    is the name's, when the reference keeps a date elsewhere."""
    if index + 1 < len(tokens) and labels[index + 1] in CONTAINERS and tokens[index][-1:].isdigit() \
            and MEETING_WORD.search(" ".join(tokens[index + 1:index + 5]).lower()) \
            and date_elsewhere(labels, index, index + 1):
        labels[index] = labels[index + 1]


def date_elsewhere(labels: list[str], start: int, stop: int) -> bool:
    """Whether a date is read outside `start`..`stop`: the reference keeps its date."""
    return any(label == "date" for label in labels[:start]) or any(label == "date" for label in labels[stop:])


def run_start(labels: list[str], index: int) -> int:
    """Where the run of equal labels through `index` starts."""
    while index > 0 and labels[index - 1] == labels[index]:
        index -= 1
    return index


def joins_name(token: str) -> bool:
    """A word a name goes on after: no punctuation closing it, or a name's abbreviation (`Proc.`)."""
    return token[-1:].isalnum() or token.lower() in NAME_ABBREVIATIONS


PUBLISHER_NAMES = frozenset({"addison-wesley", "prentice", "springer-verlag", "north-holland", "birkhäuser",
                             "pergamon", "dover", "kaufmann", "wesley"}) | IMPRINT_NAMES  # with `lexicon`'s
MAX_TITLE_IMPRINT = 3


def publisher_closes_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The title's last piece after a comma, naming a publisher right before the year (`Parallel
    Program Design: A Foundation, | Addison-Wesley, 1988.`), is the publisher."""
    runs = runs_of(labels)
    number = run_number(labels, "title")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] != "date":
        return labels
    _, start, end = runs[number]
    cut = next((j for j in range(end - 2, max(start, end - 1 - MAX_TITLE_IMPRINT) - 1, -1) if tokens[j].endswith(",")),
               None)
    if cut is None or cut <= start:
        return labels
    piece = {token.strip(".,").lower() for token in tokens[cut + 1:end]}
    if all(token[:1].isupper() for token in tokens[cut + 1:end]) and not (
            PUBLISHER_NAMES.isdisjoint(piece) and lexicon.lexicon()["publisher"].isdisjoint(piece)):
        labels[cut + 1:end] = ["publisher"] * (end - cut - 1)
    return labels


MEETING_ACRONYM = re.compile(r"^\([A-Z][A-Za-z]*[A-Z][-\u2013'’]\d{2,4}\)[.,;:]?$")  # `(IJCAI-91)`, `(ECAI'92)`
SERIES_START = ("Lecture", "LNCS")  # `Lecture Notes in Computer Science 392`


def proceedings_edges(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first journal or book run: a meeting's acronym in parentheses right after it (`Artificial
    Intelligence | (IJCAI-91)`) is its name's; after a comma inside it, `Lecture Notes in ...` starts the
    series and a department or university the publisher (`Workshop on Continuations, | Department of
    Computer Science, Stanford University`)."""
    run = next((r for r in runs_of(labels) if r[0] in CONTAINERS), None)
    if run is None:
        return labels
    label, start, end = run
    if end < len(tokens) and MEETING_ACRONYM.match(tokens[end]) and labels[end] != "date":
        labels[end] = label
        return labels
    cut = next((i for i in range(start + 2, end) if tokens[i - 1].endswith(",")
                and (tokens[i].startswith(SERIES_START) or INSTITUTION.match(tokens[i]))), None)
    if cut is not None:
        labels[cut:end] = ["collection-title" if tokens[cut].startswith(SERIES_START) else "publisher"] * (end - cut)
    return labels
