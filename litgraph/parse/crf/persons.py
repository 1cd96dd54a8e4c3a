"""Split a labelled author (or editor) segment into persons.

Reads the printed orders found across styles, even mixed in one list:

- inverted: ``Smith, J. L., & Jones, K.``, ``ROUSSILLON, René. CHABERT, Catherine.``;
- Vancouver: ``Sells DL, de la Macorra JC, Jack L Jr``;
- natural: ``S. E. Han, G. Chen``, ``Margaret A Shipp``, ``Taylor, W.D. and Q. McNemar``;
- corporate authors (``World Health Organization``) as one `literal`; ``et al`` sets `et_al`.

Example:
    >>> [a.as_dict() for a in split_persons("Taylor, W.D. and Q. McNemar").authors]
    [{'family': 'Taylor', 'given': 'WD'}, {'family': 'McNemar', 'given': 'Q'}]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Author
from ..authors import CORPORATE_WORDS, PARTICLES, Names, initials
from .lexicon import lexicon

LEADING_MARK = re.compile(r"^\s*(?:In\s*:?|Edited by|Ed\. by|Hrsg\. v\.|by|Trans\.|Translated by)\s+", re.IGNORECASE)
TRAILING_MARK = re.compile(r"[,.]?\s*[(\[]?\b(?:eds?|editors?|hrsg|dir|trans|coord|comps?)\b\.?[)\]]?[.,:]?\s*$",
                           re.IGNORECASE)
DANGLING_JOIN = re.compile(r"[,\s]+(?:and|&|und|et|y)[,\s]*$")  # "Clem, R., M. Greenberg, and": the next name went elsewhere
MARK_REACH = 20  # a trailing mark (", (editors).", 13 characters) is looked for in the last characters only
ROLES = r"(?:executive\s+)?(?:director|producer|writer|host|composer|performer|narrator|presenter|creator|artist)s?"
ROLE_MARK = re.compile(rf"\s*\({ROLES}(?:\s*/\s*{ROLES})*\)", re.IGNORECASE)  # APA's "(Director)", "(Writer/Director)"
PAREN_INITIALS = re.compile(r"(\S+) \(((?:[A-Z][a-z]?\.)(?:-?[A-Z][a-z]?\.)*)\)")  # French `SIERVO (M.)`, `Kefi (N.)`
ET_AL = re.compile(r"[,;]?\s*(?:\bet\s*al\b\.?|\band others\b|\.\s?\.\s?\.|…)[.,]?", re.IGNORECASE)
DIGIT = re.compile(r"\d")
AN_INITIAL = re.compile(r"\b[A-Z]\.")
# "ROUSSILLON, René. CHABERT": a period after a word (the period matched first, the word looked behind it: fast)
WORD_STOP = re.compile(r"\.(?<=[^\W\d_]{2}\.)\s+(?=[^\W\d_])")
# ";", ",", "&", "and", "und", "et", "y" between names; the lookahead skips at once the places none can start
SEPARATORS = re.compile(r"(?=[\s;,&auey])(?:\s*;\s*|\s*,?\s*(?:&|\band\b|\bund\b|\bet\b|\by\b)\s+|\s*,\s*)")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "2nd", "3rd"})
INITIALS_ITEM = re.compile(r"^(?:[A-Z]\.?\s?-?\s?){1,4}$|^[A-Z][a-z]?\.(?:\s?-?[A-Z][a-z]?\.)*$")


def split_persons(text: str) -> Names:
    """The persons of one printed author list."""
    text, et_al = strip_marks(text)
    if not text:
        return Names((), et_al)
    if is_body(text):
        return Names((Author(literal=text.strip(" .,;:")),), et_al)
    return Names(tuple(pair_items(items_of(text))), et_al)


def strip_marks(text: str) -> tuple[str, bool]:
    """Remove "In:", "(Eds.)", a role ("(Director)") and "et al" (and free initials from their
    parentheses: `SIERVO (M.)` is `SIERVO M.`); say whether "et al" was there."""
    lowered = text.lower()  # what every form of "et al" holds: most lists skip the substitution
    marked = "et" in lowered or "others" in lowered or "…" in text or ".." in text or ". ." in text
    text, count = ET_AL.subn(",", text) if marked else (text, 0)
    text = PAREN_INITIALS.sub(r"\1 \2", ROLE_MARK.sub("", text)) if "(" in text else text
    for _ in range(2):  # a second turn only when the first took a mark away
        before = text
        text = LEADING_MARK.sub("", text, count=1)
        trailing = TRAILING_MARK.search(text, max(0, len(text) - MARK_REACH))
        text = text[:trailing.start()] if trailing else text
        if text == before:
            break
    return DANGLING_JOIN.sub("", text).strip(" ,;:"), count > 0


def is_body(text: str) -> bool:
    """A corporate author: words of bodies, and no initials or comma-paired names."""
    words = text.split()
    if len(words) < 2 or AN_INITIAL.search(text):
        return False
    return bool(CORPORATE_WORDS.search(text)) and "," not in text.strip(" .,")


def items_of(text: str) -> list[str]:
    """The separated items: at commas, semicolons and "and"; also at ". " after a whole word."""
    items = []
    for item in SEPARATORS.split(text):
        items += WORD_STOP.split(item) if ". " in item else (item,)
    return [item.strip(" .") if not is_initials(item.strip()) else item.strip() for item in items if item.strip(" .")]


@lru_cache(maxsize=16384)
def is_initials(item: str) -> bool:
    """ "J.", "J.L.", "W. D.", "JL", "J.-P." (not "Jo")."""
    item = item.strip(" ,")
    return bool(INITIALS_ITEM.match(item)) and not (len(item) == 2 and item[1].islower())


@lru_cache(maxsize=16384)
def is_given_word(item: str) -> bool:
    """One or more words that read as given names ("René", "Nicholson B.", "Michelle")."""
    words = item.split()
    given = lexicon()["given"]
    return 0 < len(words) <= 3 and all(w.strip(".").lower() in given or is_initials(w) for w in words)


@lru_cache(maxsize=16384)
def is_family_only(item: str) -> bool:
    """A family name on its own: capitalised words or particles, no initials."""
    words = item.split()
    if not 1 <= len(words) <= 4 or DIGIT.search(item):
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words) and not any(map(is_initials, words))


def pair_items(items: list[str]) -> list[Author]:
    """Pair families with the given names or initials that follow; read the rest on their own."""
    people: list[Author] = []
    index = 0
    while index < len(items):
        item, nxt = items[index], items[index + 1] if index + 1 < len(items) else None
        if item.lower().strip(".") in SUFFIXES and people:
            index += 1
            continue
        if nxt is not None and takes_given(item, nxt, index, items):
            people.append(Author(family=item, given=initials(nxt)))
            index += 2
            continue
        if nxt is not None and runs_on(item, nxt, items[index + 2:]):
            given, family = split_run_on(nxt)
            people.append(Author(family=item, given=initials(given)))
            items = items[:index + 1] + [family] + items[index + 2:]
            index += 1
            continue
        people.append(one_person(item))
        index += 1
    return people


def takes_given(item: str, nxt: str, index: int, items: list[str]) -> bool:
    """Whether `nxt` holds the given names of the family name `item` (an inverted name)."""
    if not is_family_only(item) or len(item.split()) > 3:
        return False
    if is_initials(nxt):
        return True
    if item.isupper() and len(item) > 2 and not nxt.isupper():
        return True
    return (is_given_word(nxt) and not looks_natural(nxt)) or mixed_order_head(nxt, index, items)


def mixed_order_head(nxt: str, index: int, items: list[str]) -> bool:
    """ "Moreau, Claire & Tomas Lind": only the first person inverted, every later one natural
    (two words or more), so the single word after the first family name is its given name. So also
    when no one follows ("Watson, Gerard"): two lone family names are not printed "Watson, Gerard"."""
    words = nxt.split()
    rest = items[index + 2:]
    return index == 0 and len(words) == 1 and words[0][:1].isupper() and not words[0].isupper() \
        and all(len(item.split()) >= 2 for item in rest)


def runs_on(item: str, nxt: str, rest: list[str]) -> bool:
    """A run-on inverted list ("Oates, J. Drey, N.", "Bailie, H. Alistair Tickle, Anna"), as Cambridge's
    "Cited by" lists print it: `nxt` holds one person's given names and the next person's family name."""
    if not rest or not is_family_only(item) or not looks_natural(nxt):
        return False
    return is_initials(rest[0]) or (is_given_word(rest[0]) and not looks_natural(rest[0]))


def split_run_on(chunk: str) -> tuple[str, str]:
    """ "H. Alistair Tickle" -> ("H. Alistair", "Tickle"): the last word (with its particles) is the next family."""
    words = chunk.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def looks_natural(item: str) -> bool:
    """ "Q. McNemar", "Margaret A Shipp": given names or initials, then a family name."""
    words = item.split()
    return len(words) >= 2 and not is_initials(words[-1]) and (is_initials(words[0]) or is_given_word(words[0])) \
        and words[-1].strip(".").lower() not in lexicon()["given"]


def one_person(item: str) -> Author:
    """One item read alone: Vancouver "Smith JL", natural "J. L. Smith", or a family name."""
    words = [w for w in item.split() if w.lower().strip(".") not in SUFFIXES] or item.split()
    if len(words) >= 2 and is_initials(words[-1]) and not is_initials(words[0]):
        return Author(family=" ".join(words[:-1]), given=initials(words[-1]))
    if len(words) >= 2:
        return natural_person(words)
    return Author(family=words[0]) if words[0][:1].isupper() else Author(literal=item)


def natural_person(words: list[str]) -> Author:
    """Given names first: the family name starts at its particle or is the last word."""
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in PARTICLES:
            start = index
            break
    return Author(family=" ".join(words[start:]), given=initials(" ".join(words[:start])))
