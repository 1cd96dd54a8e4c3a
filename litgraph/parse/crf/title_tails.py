"""Label repairs for what a title's end carries that is not the title: the medium, an imprint, a
retrieval statement, a report's name and an edition (`titles` has where a title ends and a journal
or book begins).

- `Bowling for Columbine [DVD].`: a bracketed description of the medium (APA's `[Motion picture]`,
  `[Computer software]`) ends the title; a bracketed translation stays in it;
- `perspectives. Malabar FA: Krieger.`, `With Me, Garden City: Doubleday, 1971.`: a place and
  publisher read into the title are the imprint; `Retrieved from` before a link ends the title;
- `birdfeeder handbook. | Dorling Kindersley, New York, New York, USA.`: a last sentence of names
  between commas closing the reference after the title is its publisher and place;
- `... taxonomy. Center for Computer Aids ... Technical Report CAIP-TR-125,`, `transformation. Tech.`:
  the title's last sentence naming a report is the report's institution and its kind, not the title;
- `Fast parsing | (Tech. Rep. No. 12).`, `(Policy Brief 2012-01PBL)`: a report's number in parentheses
  closing the title (APA) is the report's, not the title's;
- `Early Modern English, | 2 nd edition.`, `Cartridges of the World | (Revised 3rd edition).`: an
  edition closing the title is the edition.

Example:
    >>> tokens = ("Eck,", "T.", "Gender.", "Retrieved", "from", "netLibrary:", "http://x.org")
    >>> retrieval_ends_title(tokens, ["author"] * 2 + ["title"] * 4 + ["url"])
    ['author', 'author', 'title', 'note', 'note', 'note', 'url']
"""

from __future__ import annotations

import re

from .features import HAS_DIGIT, ends_sentence
from .marks import first_run, text_of, words_of


# The words of APA's bracketed descriptions of a medium or format: `[Motion picture]`, `[Video file]`
DESCRIPTOR_WORDS = frozenset({
    "motion", "picture", "film", "dvd", "video", "file", "videorecording", "videocassette", "television",
    "tv", "series", "episode", "broadcast", "podcast", "audio", "recording", "sound", "cd", "cd-rom",
    "computer", "software", "program", "programme", "mobile", "application", "app", "data", "set", "dataset",
    "brochure", "fact", "sheet", "blog", "post", "web", "log", "powerpoint", "slides", "lecture", "notes",
    "webinar", "tweet", "map", "photograph", "painting", "press", "release", "poster", "presentation",
})
MAX_DESCRIPTOR = 4


def medium_after_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """In the first title run, a bracketed group of medium words after the first word (`[Motion
    picture].`, `[DVD]`) is the medium, and what follows it is not the title."""
    if "[" not in text_of(tokens):
        return labels
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    opened = next((i for i in range(start + 1, end) if tokens[i].startswith("[")), None)
    if opened is None:
        return labels
    close = next((j for j in range(opened, min(opened + MAX_DESCRIPTOR, end)) if "]" in tokens[j]), None)
    words = close is not None and [token.strip("[]().,;:").lower() for token in tokens[opened:close + 1]]
    if words and all(word in DESCRIPTOR_WORDS for word in words):
        labels[opened:end] = ["medium"] * (close + 1 - opened) + ["note"] * (end - close - 1)
    return labels


PLACE_WORD = re.compile(r"^[A-ZÀ-Þ][\w.'’\-]*[,:]?$")  # `Grand`, `Rapids:`, `FA:`, `Calif.:`, `N.J.:`
YEARISH = re.compile(r"^\(?(?:1[5-9]|20)\d\d[a-z]?\)?[.,;]?$")
NOTE_AFTER = re.compile(r"^(?:\(Original work|\(Reprinted|\(Trans|Retrieved from)", re.IGNORECASE)  # links are gone
NOT_IMPRINT = frozenset({"date", "url", "doi", "isbn", "identifier"})
MAX_PLACE, MAX_PUBLISHER = 3, 6


def imprint_closes_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A book's `Place: Publisher` read into its title after a sentence's end, a question or a comma,
    closing the reference or before its year (`... perspectives. Malabar FA: Krieger.`, `Judaism. Grand
    Rapids: William B. Eerdmans, 2011.`, `With Me, Garden City: Doubleday, 1971.`), is the place and the
    publisher."""
    if ":" not in text_of(tokens):
        return labels
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    for stop in range(start + 1, end - 1):
        if closes_title_piece(tokens[stop]):
            reach = min(stop + 1 + MAX_PLACE, len(tokens))
            colon = next((c for c in range(stop + 1, reach) if tokens[c].endswith(":")), None)
            last = publisher_end(tokens, labels, colon + 1) if colon is not None else None
            if last is not None and all(PLACE_WORD.match(t) for t in tokens[stop + 1:colon + 1]) \
                    and not any(t.endswith((".", "?")) and ends_sentence(t) for t in tokens[stop + 1:colon]) \
                    and not any(label in NOT_IMPRINT for label in labels[stop + 1:colon + 1]):
                labels[stop + 1:colon + 1] = ["location"] * (colon - stop)
                labels[colon + 1:last] = ["publisher"] * (last - colon - 1)
                break
    return labels


def closes_title_piece(token: str) -> bool:
    """A title word after which an imprint may start: a sentence's end, a question, or a comma."""
    return token.endswith(("?", ",")) and not token.endswith(".,") or ends_sentence(token.rstrip(","))


def publisher_end(tokens: tuple[str, ...], labels: list[str], first: int) -> int | None:
    """Where a publisher's name starting at `first` ends: at the end of the reference, before APA's
    `(Original work published 1871)` or `Retrieved from`, or before its year (within six words); None when it
    does not look like one."""
    if first >= len(tokens) or not tokens[first][:1].isupper():
        return None
    for j in range(first, min(first + MAX_PUBLISHER, len(tokens))):
        if labels[j] in NOT_IMPRINT or HAS_DIGIT.search(tokens[j]):
            return None
        if tokens[j].endswith(".") and (j + 1 == len(tokens) or NOTE_AFTER.match(" ".join(tokens[j + 1:j + 3]))):
            return j + 1
        if tokens[j].endswith((",", ".")) and j + 1 < len(tokens) and YEARISH.match(tokens[j + 1]):
            return j + 1
        if tokens[j].endswith(":") or ends_sentence(tokens[j]):
            return None  # a second place's colon, or a sentence: not one publisher's name
    return None


RETRIEVED = re.compile(r"^(?:Retrieved|Accessed|Available|Disponible|Abgerufen)$")


def retrieval_ends_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`Retrieved from netLibrary:` (or `Available at`, `Accessed`) after a sentence's end inside the first
    title, followed by a link, ends the title: the rest is a note."""
    run = first_run(labels, "title")
    if run is None or run[2] >= len(tokens) or labels[run[2]] not in ("url", "doi", "date"):
        return labels
    _, start, end = run
    cue = next((i for i in range(start + 1, end) if RETRIEVED.match(tokens[i]) and ends_sentence(tokens[i - 1])), None)
    if cue is not None:
        labels[cue:end] = ["note"] * (end - cue)
    return labels


REPORT_WORD = re.compile(r"^(?:Technical|Tech\.?|Report|Rep\.|Rpt\.|Bulletin|Memo|Memorandum)[,.]?$"
                         r"|^(?:[A-Z]+-)*TR[-\d]")  # capitalised: `report` in a sentence is the title's word
REPORT_WORDS = frozenset({"technical", "tech", "report", "rep", "rpt", "bulletin", "memo", "memorandum"})
MIN_TITLE = 2


def report_leaves_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The last sentence of the first title, after at least two words of title, that names a report
    (`Technical Report CAIP-TR-125`, `Tech.`, `Research Institute ... Report No`, `Bureau of Education
    and Research Bulletin no`) is the report's institution (the words before the report's word,
    the publisher) and its kind (the genre)."""
    if REPORT_WORDS.isdisjoint(words_of(tokens)) and "tr" not in text_of(tokens):
        return labels
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    last = next((i for i in range(end - 1, start + MIN_TITLE - 1, -1) if ends_sentence(tokens[i - 1])), None)
    if last is None or not tokens[last][:1].isupper():
        return labels
    cue = next((i for i in range(last, end) if REPORT_WORD.match(tokens[i])), None)
    if cue is not None:
        labels[last:cue] = ["publisher"] * (cue - last)
        labels[cue:end] = ["genre"] * (end - cue)
    return labels


EDITION_WORD = re.compile(r"^\(?(?:edition|edn|ed|éd|aufl|auflage)\.?\)?[.,;:]?\)?[.,;:]?$", re.IGNORECASE)
EDITION_ORDER = re.compile(r"^\(?(?:\d+(?:st|nd|rd|th|e|\.)?|nd|rd|th|first|second|third|fourth|fifth|sixth|revised|rev\.|"
                           r"new|expanded|enlarged|updated)[.,]?$", re.IGNORECASE)
NUMBERED_EDITION = re.compile(r"^\(?(?:\d|first|second|third|fourth|fifth|sixth)", re.IGNORECASE)
MAX_EDITION = 4


def edition_leaves_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An edition closing the first title, after its comma or in its parentheses (`English, | 2 nd
    edition.`, `World | (Revised 3rd edition).`), is the edition."""
    run = first_run(labels, "title")
    if run is None or not EDITION_WORD.match(tokens[run[2] - 1]):
        return labels
    _, start, end = run
    opening = next((i for i in range(end - 1, max(start, end - 1 - MAX_EDITION), -1)
                    if tokens[i].startswith("(") or tokens[i - 1].endswith(",")), None)
    if opening is not None and opening > start and all(EDITION_ORDER.match(t) for t in tokens[opening:end - 1]) \
            and any(NUMBERED_EDITION.match(t) for t in tokens[opening:end - 1]):  # not a title's `(revised edition)`
        labels[opening:end] = ["edition"] * (end - opening)
    return labels


IMPRINT_FOLLOWERS = frozenset({None, "location", "date", "url", "doi", "note"})  # what may follow an imprint
PLACE_PIECE_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|of|and|&|de|du|la|for|the)[,.]?$")
MAX_PIECE = 5


def imprint_closes_reference(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The first title's last sentence, when it is names between commas (`Dorling Kindersley, New
    York,`, `Southern Nevada Water Authority, Las Vegas, Nev.`) that close the reference or stand
    before its place, is the publisher (its first piece) and the place (the rest)."""
    run = first_run(labels, "title")
    if run is None:
        return labels
    _, start, end = run
    cut = next((i for i in range(end - 1, start + MIN_TITLE - 1, -1) if ends_sentence(tokens[i - 1])), None)
    after = labels[end] if end < len(labels) else None
    if cut is None or after not in IMPRINT_FOLLOWERS:
        return labels
    pieces = name_pieces(tokens, cut, end)
    if pieces and (len(pieces) >= 2 or after == "location"):
        labels[cut:pieces[0]] = ["publisher"] * (pieces[0] - cut)
        labels[pieces[0]:end] = ["location"] * (end - pieces[0])
    return labels


def name_pieces(tokens: tuple[str, ...], start: int, end: int) -> list[int]:
    """Where each piece after a comma starts in `start`..`end`, when every piece is a few capitalised
    words without digits (names of a publisher and places); else no pieces."""
    pieces = [i + 1 for i in range(start, end) if tokens[i].endswith(",")]
    named = all(PLACE_PIECE_WORD.match(token) and not HAS_DIGIT.search(token) for token in tokens[start:end])
    short = all(b - a <= MAX_PIECE for a, b in zip([start, *pieces], [*pieces, end]))
    return pieces if named and short else []


REPORT_NUMBER_WORDS = frozenset({"rep", "report", "brief", "paper", "memo", "no", "tech", "technical", "working",
                                 "series", "bulletin"})


def report_number_leaves_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A parenthesised group closing the first title that names a report or its number (`Fast parsing
    | (Tech. Rep. No. 12).`, `(Policy Brief 2012-01PBL)`) is the report's genre, not the title."""
    run = first_run(labels, "title")
    if run is None or ")" not in tokens[run[2] - 1]:
        return labels
    _, start, end = run
    opening = next((i for i in range(end - 1, start, -1) if tokens[i].startswith("(")), None)
    group = {token.strip("().,;:").lower() for token in tokens[opening:end]} if opening is not None else set()
    if group & REPORT_NUMBER_WORDS and any(ch.isdigit() for ch in " ".join(tokens[opening:end])):
        labels[opening:end] = ["genre"] * (end - opening)
    return labels
