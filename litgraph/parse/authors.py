"""Read the author part of a reference into `Author` records.

Three printed shapes are read:

- Vancouver: ``Sells DL, Davidson L, et al`` (family name, then initials);
- inverted: ``Bach, S, Della Rocca, G`` or ``Sells, D. L., & Rowe, M.``
  (family name and initials as alternate comma-separated items);
- run-on: ``Cleary, Michelle Raeburn, Toby and Lopez, Violeta`` (the "Cited
  by" lists, whose inner items hold one person's given names and the next
  person's family name).

A name that is not a person ("Department of Health", "JCPMH") becomes an
`Author(literal=...)`. Family names keep particles and diacritics as printed;
`given` holds the initials' letters ("D. L." -> "DL", "Jean-Pierre" -> "JP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Author

PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "du", "des", "le", "la",
    "dos", "das", "do", "ter", "ten", "y", "bin", "ben", "al", "el", "st", "mac",
})
DEGREES = frozenset({
    "MPH", "PHD", "MD", "MSC", "MA", "BA", "BSC", "RN", "DRPH", "MBBS", "MBCHB", "DPHIL", "MSW", "LCSW",
    "FRCPSYCH", "MRCPSYCH", "PSYD", "EDD", "MBA", "MS", "BS", "DSC", "CPSYCHOL",
})
ET_AL = re.compile(r",?\s*\b(?:et\s*al\b\.?|and others)\s*,?\s*$", re.IGNORECASE)
AND = re.compile(r"(?=[\s,&a])\s*,?\s*(?:&|\band\b)\s*")  # the lookahead skips at once where none can start
ELISION = re.compile(r",?\s*(?:\.\s*\.\s*\.|…)\s*,?\s*")  # APA's "Brown, L., . . . Green, M."
EDITOR_NOTE = re.compile(r"\s*\((?:[Ee]ds?|[Ee]ditors?)\.?\)\.?")
BROKEN_HYPHEN = re.compile(r"(\w)- (?=[A-ZÀ-Ý])")
CORPORATE_WORDS = re.compile(
    r"\b(?:of|for|the|Department|Council|Centre|Center|Institute|Commission|Organi[sz]ation|"
    r"Association|Society|College|University|Trust|Agency|Office|Foundation|Network|Ministry|Group|"
    r"Committee|Board|NHS|Service|Services|Health)\b"
)


@dataclass(frozen=True, slots=True)
class Names:
    """The authors read from one author part, and what was uncertain."""

    authors: tuple[Author, ...] = ()
    et_al: bool = False
    warnings: tuple[str, ...] = ()


@lru_cache(maxsize=16384)
def initials(given: str) -> str | None:
    """The initials' letters of printed given names or initials.

    Example:
        >>> [initials(g) for g in ("D. L.", "Ml", "H. Alistair", "Jean-Pierre", "Christopher J")]
        ['DL', 'ML', 'HA', 'JP', 'CJ']
    """
    letters = []
    for word in re.split(r"[\s.\-\u2010]+", given):
        word = "".join(ch for ch in word if ch.isalpha())
        if not word:
            continue
        bare = len(word) <= 3 and not any(ch in "aeiouy" for ch in word[1:])
        letters.append(word.upper() if bare else word[0].upper())
    return "".join(letters) or None


@lru_cache(maxsize=16384)
def looks_like_initials(token: str) -> bool:
    """True for "DL", "D. L.", "D.L.", "J.-P.", "Ml", "MPH": not for "Steve"."""
    letters = re.sub(r"[\s.\-\u2010]", "", token)
    if not letters.isalpha() or not 1 <= len(letters) <= 4 or not letters[0].isupper():
        return False
    return letters.isupper() or (len(letters) <= 3 and not any(ch in "aeiouy" for ch in letters[1:]))


def looks_like_family(token: str) -> bool:
    """A family name: 1-4 words, each capitalised or a particle, no digits."""
    words = token.split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in token):
        return False
    return all(w[0].isupper() or w.lower().rstrip("'’") in PARTICLES for w in words) and words[-1][0].isupper()


def vancouver_person(token: str) -> Author | None:
    """``"Sells DL"`` -> Author("Sells", "DL"); None when the token is not that shape."""
    words = token.split()
    if len(words) < 2:
        return None
    given = words[-1]
    if not (given.isalpha() and given.isupper() and len(given) <= 4):
        return None
    family = " ".join(words[:-1])
    return Author(family=family, given=given) if looks_like_family(family) else None


def single_name(text: str) -> Author:
    """One name with no comma: a person ("Repper", "Smith J") or a body ("JCPMH")."""
    person = vancouver_person(text)
    if person is not None:
        return person
    words = text.split()
    if len(words) == 1 and not (text.isupper() and len(text) > 1) and text[:1].isupper():
        return Author(family=text)
    return Author(literal=text)


def take_et_al(text: str) -> tuple[str, bool]:
    """Remove a closing "et al" from an author part; say whether it was there."""
    match = ET_AL.search(text)
    if match is None:
        return text, False
    return text[:match.start()].strip(" ,"), True


def repair_hyphens(text: str) -> tuple[str, tuple[str, ...]]:
    """Join family names a line break split after a hyphen ("Coatsworth- Puspoky")."""
    repaired = BROKEN_HYPHEN.sub(r"\1-", text)
    if repaired == text:
        return text, ()
    broken = ", ".join(repr(name) for name in re.findall(r"[\w'’-]*\w- [\w'’-]+", text))
    return repaired, (f"author name repaired: hyphen followed by a space in {broken}",)


def split_items(text: str) -> list[str]:
    """The comma-separated items of an author part, with "&" and "and" as commas."""
    return [item.strip(" .") if not looks_like_initials(item.strip()) else item.strip()
            for item in AND.sub(", ", text).split(",") if item.strip(" .")]


def first_item_may_be_vancouver(text: str) -> bool:
    """False when the first comma-separated item, on its own (no `and`, `&` or `et al` in it), is not
    `Family XX`: what `vancouver_names` would find, without splitting the rest."""
    first = text.strip().split(",", 1)[0]
    item = first.strip(" .")
    if not item or AND.search(first) or "et" in first.lower():
        return True
    return vancouver_person(item) is not None


def vancouver_names(text: str) -> Names | None:
    """``Sells DL, Davidson L, et al``; None unless every item is that shape."""
    if not first_item_may_be_vancouver(text):
        return None  # most strings: decided by their first item, before the whole part is split
    text, et_al = take_et_al(text.strip().rstrip("."))
    people = []
    for item in split_items(text):
        person = vancouver_person(item)
        if person is None:
            return None  # the first item of another shape decides: most strings stop here
        people.append(person)
    return Names(tuple(people), et_al) if people else None


def is_degree_after_name(name: str, token: str | None) -> bool:
    """True for "Haya Ascher-Svanum, MPH": a name in natural order followed by a degree."""
    return token is not None and re.sub(r"[\s.]", "", token).upper() in DEGREES and len(name.split()) >= 2


def natural_order(name: str) -> Author:
    """``"Haya Ascher-Svanum"`` -> Author("Ascher-Svanum", "H")."""
    given, family = split_given_family(name)
    return Author(family=family, given=initials(given))


def pair_inverted(items: list[str]) -> tuple[list[Author], bool]:
    """Pair family names with the initials that follow; say whether every pair fitted."""
    authors, index, tidy = [], 0, True
    while index < len(items):
        family = items[index]
        given = items[index + 1] if index + 1 < len(items) else None
        if is_degree_after_name(family, given):
            authors.append(natural_order(family))
            index += 2
            continue
        if given is not None and looks_like_initials(given) and looks_like_family(family):
            authors.append(Author(family=family, given=initials(given)))
            index += 2
            continue
        tidy = tidy and looks_like_family(family) and index == len(items) - 1
        authors.append(Author(family=family) if looks_like_family(family) else single_name(family))
        index += 1
    return authors, tidy


def split_given_family(chunk: str) -> tuple[str, str]:
    """``"H. Alistair Tickle"`` -> ("H. Alistair", "Tickle"); particles join the family name."""
    words = chunk.split()
    if len(words) == 1:
        return "", chunk
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in PARTICLES:
            start = index
            break
    return " ".join(words[:start]), " ".join(words[start:])


def runon_group(items: list[str]) -> list[Author]:
    """One "and"-free run: ``Cleary, Michelle Raeburn, Toby`` -> Cleary M, Raeburn T."""
    people, family = [], items[0]
    for chunk in items[1:-1]:
        given, next_family = split_given_family(chunk)
        people.append(Author(family=family, given=initials(given)))
        family = next_family
    given = items[-1] if len(items) > 1 else ""
    people.append(Author(family=family, given=initials(given)))
    return people


def runon_names(text: str) -> list[Author]:
    """The persons of a "Cited by" author part, which runs them together."""
    people = []
    for group in re.split(r"\s*,?\s*(?:&|\band\b)\s+", text):
        items = [item.strip() for item in group.split(",") if item.strip()]
        if items:
            people.extend(runon_group(items))
    return people


def is_corporate(text: str) -> bool:
    """A body named with commas ("Department of Health, Social Services and Public Safety")."""
    items = [item.strip() for item in text.split(",")]
    return not any(looks_like_initials(item) for item in items) and bool(CORPORATE_WORDS.search(text)) \
        and any(len(item.split()) >= 3 for item in items)


def read_authors(text: str, runon: bool = False) -> Names:
    """Read an author part in any of the printed shapes.

    Args:
        text: The author part, e.g. ``"Bach, S, Della Rocca, G"``.
        runon: The list may run persons together as the "Cited by" lists do.

    Returns:
        The authors, the et-al flag and warnings.

    Example:
        >>> [a.as_dict() for a in read_authors("Bach, S, Della Rocca, G").authors]
        [{'family': 'Bach', 'given': 'S'}, {'family': 'Della Rocca', 'given': 'G'}]
    """
    text, warnings = repair_hyphens(EDITOR_NOTE.sub("", text).strip(" ,;:"))
    text, et_al = take_et_al(text)
    text, elided = ELISION.subn(", ", text)
    et_al = et_al or bool(elided)
    if not text.strip(" ,"):
        return Names((), et_al, warnings + ("no author names found",))
    if "," not in text:
        return Names((single_name(text.rstrip(".")),), et_al, warnings)
    if is_corporate(text):
        return Names((Author(literal=text.rstrip(".")),), et_al, warnings)
    vancouver = vancouver_names(text)
    if vancouver is not None:
        return Names(vancouver.authors, et_al or vancouver.et_al, warnings)
    people, notes = read_comma_list(text, runon)
    return Names(people, et_al, warnings + notes)


def read_comma_list(text: str, runon: bool) -> tuple[tuple[Author, ...], tuple[str, ...]]:
    """Inverted names ("Bach, S, Della Rocca, G"), else run-on names where allowed."""
    items = split_items(text)
    notes = tuple(f"academic degree {b!r} after a name in natural order; dropped"
                  for a, b in zip(items, items[1:]) if is_degree_after_name(a, b))
    people, tidy = pair_inverted(items)
    if not tidy and runon:
        return tuple(runon_names(text)), notes
    if not tidy:
        notes += (f"author list read loosely: {text!r}",)
    return tuple(people), notes
