"""Label repairs where an author list ends: what the labeller read as names that are not, and names
it left out.

- `———.` (or `______.`, `---.`) opening a reference is its author (the same as the one before), and
  the words after it are not names;
- an author list that puts initials first does not end in initials (`and G. E. Hinton.`);
- a list of names ends in punctuation: words after its last punctuated word, before the title, open
  the title (`Central | European university ...`, `Reinermann, H.: | Der Offentliche Sektor`);
- a first author printed `Family, Given.` ends the list unless another name follows as lists go on
  (`Lowenthal, David. | George Perkins Marsh: Prophet of Conservation`);
- a lone number read as the date between the names and the title opens the title
  (`Pocock, Chris. 50 Years of the U-2`);
- `Harrington, Anne. | Medicine, Mind, and the Double Brain` (also `Da Matta, Roberto.`, `Andrade,
  Mário de.`, `Diamond, Stephen A.`): the first name ends the list before a title of comma-separated
  words; `Soto Laveaga, | Gabriela.`: the given name closes it;
- a body read into the title (`U.S. | National Library of Medicine. The cancer genome atlas`) is the
  author; so are `SIERVO (M.), GREY (P.)` pairs (`editors` has names read as editors);
- `BUREAU D’AUDIENCES PUBLIQUES (2011). Projet`: with no names read, a body before a year in
  parentheses is the author;
- `Progress and | prospects Zhang, D.,` (title first): words in lower case do not open names;
- `Kubik, Reinhold, | Händels Rinaldo: Geschichte`, `Baudelaire, Charles, | Oeuvres complètes,`: a
  phrase between commas that no name list prints (a colon, a word in lower case) ends the names.

Example:
    >>> tokens = ("Reinermann,", "H.:", "Der", "Offentliche", "Sektor", "im", "Netz.")
    >>> authors_end_in_punctuation(tokens, ["author"] * 4 + ["title"] * 3)
    ['author', 'author', 'title', 'title', 'title', 'title', 'title']
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..authors import PARTICLES
from .features import ends_sentence
from .marks import EDITOR_MARK, INITIALS, JOINS, WORD_EDGES, first_run, run_number, runs_of

DITTO = re.compile(r"^[\u2012-\u2015_\-]{2,}[.,:;]?$")


def ditto_author(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """ `———.` is the author; what the labeller read as names after it takes the next field's label,
    or is the title when the reference has none."""
    first = next((i for i, label in enumerate(labels) if label != "citation-number"), None)
    if first is None or first + 1 >= len(tokens) or not DITTO.match(tokens[first]) \
            or tokens[first + 1].lower() in ("and", "&"):
        return labels
    labels[first] = "author"
    end = next((i for i in range(first + 1, len(labels)) if labels[i] != "author"), len(labels))
    if end < len(labels):
        taker = labels[end] if "title" in labels or labels[end] in ("journal", "container-title") else "title"
        labels[first + 1:end] = [taker] * (end - first - 1)  # `———. | Sense and Sensibility, | 2 vols.`: the title
    return labels


FAMILY_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+(?:-[A-Z][a-z]+)?[.,]?$")


def initials_end_authors(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A family name (`Hinton.`, `Chern "Design`) after an author run that opens and ends with
    initials (`R. S. Zemel, ... and G. E.`) is the last author's; so is one closed by a period or
    comma after a run ending in `and`, a given name and its initial (`and Joseph D. | Olander, eds.`;
    not Vancouver's `Stewart J. | Basin.`, a family name and its initial)."""
    run = first_run(labels, "author")
    if run is None or run[2] >= len(tokens):
        return labels
    _, start, end = run
    if not INITIALS.match(tokens[end - 1].rstrip(",")) or not FAMILY_WORD.match(tokens[end]):
        return labels
    quoted_after = end + 1 < len(tokens) and tokens[end + 1][:1] in "\"\u201c\u00ab"
    if INITIALS.match(tokens[start]) and (tokens[end][-1] in ".," or quoted_after) \
            or end - start >= 3 and tokens[end][-1] in ".," and tokens[end - 3].lower() in JOINS \
            and natural_with_initial(tokens[end - 2:end]):
        labels[end] = "author"
    return labels


def natural_with_initial(pair: tuple[str, ...]) -> bool:
    """A given name then one initial, the family name still to come (`Joseph D.`, `Tomas S.`)."""
    return bool(ONE_INITIAL.match(pair[1])) and bool(FAMILY_WORD.match(pair[0])) and pair[0][-1:].isalpha()


NAME_CUES = frozenset({"in", "by", "with", "and", "edited", "ed.", "eds.", "trans.", "et", "dir.", "hrsg."})


def lower_case_opens_names(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """Words in lower case opening an author run right after the title (`Progress and | prospects
    Zhang, D.,`, printed title first) are the title's last words, not names (particles and the
    cues that open names, `in`, `by`, `edited`, excepted)."""
    for label, start, end in runs_of(labels):
        if label != "author" or start == 0 or labels[start - 1] != "title":
            continue
        stop = start
        while stop < end - 1 and tokens[stop][:1].islower() and tokens[stop].lower() not in PARTICLES \
                and tokens[stop].rstrip(":,").lower() not in NAME_CUES and not tokens[stop].startswith(("d'", "d’")):
            stop += 1
        labels[start:stop] = ["title"] * (stop - start)
    return labels


PARENTHESISED_YEAR = re.compile(r"^\((?:1[5-9]|20)\d\d[a-z]?\)[.,:]?$")


def body_before_year(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """With no names read, the words before a year in parentheses inside the first title (`BUREAU
    D’AUDIENCES PUBLIQUES (2011). Projet de parc`, `Music Library Association Committee. (1983).`) are
    the author, a body printed as APA prints it, and the year the date."""
    if "author" in labels or "date" in labels:
        return labels
    run = first_run(labels, "title")
    if run is None or run[1] > 0 and any(label != "citation-number" for label in labels[:run[1]]):
        return labels
    _, start, end = run
    year = next((i for i in range(start + 1, min(end - 1, start + MAX_BODY)) if PARENTHESISED_YEAR.match(tokens[i])), None)
    if year is not None and tokens[year - 1][:1].isupper():  # a body's name ends on a name: `Cultura`, not `of`
        labels[start:year] = ["author"] * (year - start)
        labels[year] = "date"
    return labels

UPPER_INITIALS = re.compile(r"^[A-Z]{1,3}$|^[A-Z]\.?$")  # "JH", "K": Vancouver initials end a list bare
YEAR_LIKE = re.compile(r"(?:1[5-9]|20)\d\d")
QUOTE_OPENERS = "\"\u201c\u00ab'\u2018"


def authors_end_in_punctuation(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """The words after the last punctuated word of the first author run, when the title follows it,
    are the title's; unless the run ends in initials or `et al`, or the title looks like the last
    name ran into it (it opens on `Zhang.`, a quotation or a year, or names joined by `and` would move)."""
    runs = runs_of(labels)
    number = run_number(labels, "author")
    if number is None or number + 1 >= len(runs) or runs[number + 1][0] != "title":
        return labels
    (_, start, end), title_end = runs[number], runs[number + 1][2]
    last = tokens[end - 1]
    if not last[-1:].isalnum() or UPPER_INITIALS.match(last) or last.lower() == "al":
        return labels
    cut = end - 1
    while cut > start and tokens[cut - 1][-1:].isalnum():
        cut -= 1
    if cut > start and not closes_names(tokens[cut - 1]) or title_is_run_on(tokens, end, title_end) \
            or any(t.lower() in JOINS for t in tokens[cut:end]):
        return labels
    labels[cut:end] = ["title"] * (end - cut)
    return labels


def closes_names(token: str) -> bool:
    """`Homilius, J.,`, `H.:`, `Chris.`: a comma, semicolon or colon, or a period after a word."""
    return token[-1:] in ",;:" or token.endswith(".") and not INITIALS.match(token)


def title_is_run_on(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the title run `start`..`end` looks like the last name ran into it: one word, opening on
    a word with a period (`Zhang.`) or a quotation, or holding a year (`Panel. 1988a Broekderder`)."""
    return end - start < 2 or tokens[start].endswith(".") or tokens[start][:1] in QUOTE_OPENERS \
        or any(YEAR_LIKE.fullmatch(t.strip(".,;:()[]ab")) for t in tokens[start:end])


def number_opens_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A lone number read as the date, with no year in it, between the names and the title opens the
    title; so do the words read as a note between them (`Pocock, Chris. | 50 | Years of the | U- 2:`)."""
    runs = runs_of(labels)
    for number in range(1, len(runs) - 1):
        label, start, end = runs[number]
        if label != "date" or end - start != 1 or runs[number - 1][0] != "author" \
                or not tokens[start][:1].isdigit() or YEAR_LIKE.search(tokens[start]):
            continue
        following = runs[number + 1]
        if following[0] == "note" and number + 2 < len(runs) and runs[number + 2][0] in TITLE_OR_BOOK \
                and not any(ends_sentence(tokens[i]) for i in range(following[1], following[2])):
            labels[start:following[2]] = ["title"] * (following[2] - start)
        elif following[0] == "title":
            labels[start] = "title"
    return labels


TITLE_OR_BOOK = ("title", "container-title", "journal")  # the title, or a title the labeller took for a book


FAMILY_COMMA = re.compile(r"^[A-ZÀ-Þ][\w'’\-]+,$")
GIVEN_NAME_END = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’\-]+\.$")


def inverted_name_ends_list(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """An author run opening the reference as `Family, Given.` (a whole given name and a period) ends
    there; unless the next word joins (`and`), is a family name in capitals (`ROUSSILLON, René.
    CHABERT, Catherine.`), is followed by initials, or opens another `Family, Given` pair."""
    run = first_run(labels, "author")
    given = given_end(tokens)
    if run is None or run[1] != 0 or given is None or run[2] <= given:
        return labels
    following, after, third = (tokens[given:given + 3] + ("", ""))[:3]
    letters = "".join(ch for ch in following if ch.isalpha())
    if following.lower() in JOINS or len(letters) > 1 and letters.isupper() or INITIALS.match(following) \
            or INITIALS.match(after) or after.lower() in JOINS or another_pair(following, after, third):
        return labels
    labels[given:run[2]] = ["title"] * (run[2] - given)
    return labels


PARTICLE_END = re.compile(r"^(?:de|da|do|dos|das|du|van|von|der|den|del|la|le|y)\.$")


def given_end(tokens: tuple[str, ...]) -> int | None:
    """Where `Family, Given.` opening the reference ends: after `Lowenthal, David.`, `Andrade, Mário
    de.` (a particle closing the given name), `Diamond, Stephen A.` or `Da Matta, Roberto.`; None when
    it does not open so."""
    first = 1 if tokens[:1] and tokens[0] in FAMILY_PARTICLES else 0  # `Da Matta, Roberto.`
    if len(tokens) < first + 3 or not FAMILY_COMMA.match(tokens[first]):
        return None
    given = first + 1
    if GIVEN_NAME_END.match(tokens[given]):
        return given + 1
    if len(tokens) > given + 2 and GIVEN_NAME.match(tokens[given]) \
            and (PARTICLE_END.match(tokens[given + 1]) or ONE_INITIAL.match(tokens[given + 1])):
        return given + 2  # `Mário de.`, `Stephen A.`
    return None


FAMILY_PARTICLES = frozenset({"Da", "De", "Di", "Du", "Del", "La", "Le", "Van", "Von", "Dos", "Das"})
ONE_INITIAL = re.compile(r"^[A-Z]\.$")


GIVEN_NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’\-]+$")


def given_name_closes_authors(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`Soto Laveaga, | Gabriela. Jungle Laboratories`: an author run opening the reference on one or two
    family names and a comma is followed by the given name and its period, read into the title."""
    if len(tokens) < 4 or labels[:2] != ["author", "author"] or labels[2] != "title" \
            or not (FAMILY_COMMA.match(tokens[1]) and GIVEN_NAME.match(tokens[0])) \
            or not GIVEN_NAME_END.match(tokens[2]) or not tokens[3][:1].isupper():
        return labels
    labels[2] = "author"
    return labels


def another_pair(following: str, after: str, third: str = "") -> bool:
    """`Smith, John.` or `Gerber, Parry J.` after the first name: another inverted pair (not `Medicine,
    Mind, and the Double Brain`)."""
    closed = after[:1].isupper() and after.endswith((".", ";")) and len(after) <= 12
    return bool(FAMILY_COMMA.match(following)) and (closed or bool(GIVEN_NAME.match(after) and INITIALS.match(third)))


BODY_WORDS = frozenset({"group", "association", "department", "organization", "organisation", "institute", "council",
                        "foundation", "agency", "commission", "bureau", "board", "society", "library", "company",
                        "corporation", "committee", "office", "ministry", "service", "services", "centre", "center"})
MAX_BODY = 12


def body_opens_title(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """A body's name read into the title (`U.S. | National Library of Medicine. The cancer genome atlas`,
    `The Boston Consulting Group. Perspectives on Corporate Strategy.`): when no author was read, or
    the author run ends without punctuation closing a name, the title's first sentence, naming a body
    and followed by more of the title, is the author."""
    runs = runs_of(labels)
    head = 1 if runs and runs[0][0] == "citation-number" else 0
    if len(runs) <= head or runs[head][0] not in ("author", "title"):
        return labels
    if runs[head][0] == "author":
        if len(runs) <= head + 1 or runs[head + 1][0] != "title" or not open_name(tokens[runs[head][2] - 1]):
            return labels
        start, end = runs[head + 1][1], runs[head + 1][2]
    else:
        start, end = runs[head][1], runs[head][2]
    stop = next((i for i in range(start, min(end - 1, start + MAX_BODY)) if ends_sentence(tokens[i])), None)
    if stop is not None and not BODY_WORDS.isdisjoint(t.strip(".,").lower() for t in tokens[start:stop + 1]):
        labels[runs[head][1]:stop + 1] = ["author"] * (stop + 1 - runs[head][1])
    return labels


def open_name(token: str) -> bool:
    """An author run's last token that closes no name: a bare word, or an abbreviation like `U.S.`."""
    return token[-1:].isalnum() or bool(INITIALISM.match(token))


INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # `U.S.`


PAREN_INITIALS = re.compile(r"^\((?:[A-Z][a-z]?\.)(?:-?[A-Z][a-z]?\.)*\)[,;]?$")  # `(M.)`, `(O.A.)`, `(J.-P.)`
CAPS_FAMILY = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+$")


def parenthesised_initials_continue(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """`SIERVO (M.), | GREY (P.), NYAN (O.A.),`: after an author run of family names in capitals with
    their initials in parentheses, more such pairs are authors too."""
    run = first_run(labels, "author")
    if run is None or run[2] - run[1] < 2 or not PAREN_INITIALS.match(tokens[run[2] - 1]):
        return labels
    index = run[2]
    while index + 1 < len(tokens) and CAPS_FAMILY.match(tokens[index]) and PAREN_INITIALS.match(tokens[index + 1]):
        labels[index:index + 2] = ["author", "author"]
        index += 2
    if index < len(tokens) and labels[index] == "title" and BARE_YEAR.match(tokens[index]):
        labels[index] = "date"
    return labels


BARE_YEAR = re.compile(r"^\(?(?:1[5-9]|20)\d\d[a-z]?\)?[.,:;]?$")


NAME_LIST_WORDS = frozenset({"and", "&", "und", "et", "y", "e", "a", "al", "jr", "sr", "others", "for", "the", "of", "on",
                             "behalf", "in"})  # `... a Ben DIJKMANS` (Czech), `for the ARIC Study`


def phrase_ends_names(tokens: tuple[str, ...], labels: list[str]) -> list[str]:
    """In the first author run, opening the reference, a phrase between commas (or after a colon) after
    at least one whole name, that no name list prints (a word closed by a colon, or a word in lower
    case that is no particle, conjunction or editor's mark) opens the title: up to the run's end when the title
    follows it, else up to the phrase's own comma (`Katz Jonathan, | L'Invention de l'hétérosexualité,
    | Paris, EPEL, 2001`). The run's last word, closed by a colon after a name's period, opens the title
    too (`CHIAVENATO, I. | Administração: teoria`; not `HOFFMANN, Ramesh: Title`)."""
    run = first_run(labels, "author")
    if run is None or any(label != "citation-number" for label in labels[:run[1]]):
        return labels
    _, start, end = run
    phrase = start
    for index in range(start, end - 1):
        if phrase - start >= 2 and not_a_name(tokens[index]):
            stop = next((i + 1 for i in range(index, end) if tokens[i].endswith((",", ";"))), end)
            stop = end if end == len(tokens) or labels[end] == "title" else stop
            labels[phrase:stop] = ["title"] * (stop - phrase)
            break
        if tokens[index].endswith((",", ";", ":")):
            phrase = index + 1
    else:
        last = tokens[end - 1]
        if end - start >= 3 and end < len(tokens) and labels[end] == "title" and last.endswith(":") \
                and tokens[end - 2].endswith(".") and not_a_name(last):
            labels[end - 1] = "title"  # `CHIAVENATO, I. | Administração: | teoria, ...`: a title's first word
    return labels


@lru_cache(maxsize=65536)
def not_a_name(token: str) -> bool:
    """A word no name list prints: one closed by a colon that is not initials (`Rinaldo:`, not `J.:`),
    or one in lower case that is no particle (`van`, `d’Assise`), conjunction (`and`, `et al.`) or
    editor's mark (`eds.`). The run's last word is never asked: `HOFFMANN, Ramesh: Title`."""
    if token.endswith(":"):
        return INITIALS.match(token[:-1]) is None
    core = token.strip(WORD_EDGES)
    return core[:1].islower() and core.lower() not in PARTICLES and core.lower() not in NAME_LIST_WORDS \
        and not core.startswith(("d'", "d’")) and EDITOR_MARK.match(token) is None
