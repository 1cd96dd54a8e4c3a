"""Validate a search hit against the printed reference string, field by field (pure).

Crossref's search only ranks; it never says which hit is right. Following
Crossref's own search-based matching with validation, each candidate's
fields are looked for in the printed string:

- `title`: similarity of the candidate's title to the string (best-aligned
  substring, 0..1), or to the title the parser read, whichever is higher;
- `first_author`: the first author's family name (or a body's name) at the
  start of the string; one typo off is "near";
- `year`: any of the candidate's years (print, issue, online) among the
  string's numbers; one year off is "near";
- `volume`, `first_page`: among the string's numbers, the first page also
  as the start of a run whose dash was lost ("8296" for 82-96), and the
  article number when there are no pages.

The numbers form a pool, as in Crossref's matcher: a number that confirmed
the year cannot also confirm the volume or the first page.

Each field is "agree", "near", "differ" (Crossref has it, the string does
not show it) or "absent" (Crossref does not give it). The score weighs them
(`WEIGHTS`, summing to 1). `decide.py` turns scores into decisions.

Example:
    >>> from litgraph.crossref.normalise import work_from_crossref
    >>> hit = work_from_crossref({"DOI": "10.1176/appi.ps.57.10.1493", "title": ["Impact of "
    ... "consumer-operated services on empowerment and recovery of people with psychiatric disabilities"],
    ... "author": [{"family": "Corrigan", "given": "P. W."}], "issued": {"date-parts": [[2006]]},
    ... "volume": "57", "page": "1493-1496"})
    >>> v = validate_candidate("Corrigan, P (2006) Impact of consumer-operated services on empowerment and "
    ...     "recovery of people with psychiatric disabilities. Psychiatric Services, 57: 1493-6.", hit)
    >>> v.score, v.agreeing
    (1.0, ('title', 'first_author', 'year', 'volume', 'first_page'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model import ParsedReference
from .normalise import CrossrefWork

Verdict = Literal["agree", "near", "differ", "absent"]
WEIGHTS = {"title": 0.35, "first_author": 0.20, "year": 0.15, "volume": 0.15, "first_page": 0.15}
FIELDS = tuple(WEIGHTS)
NEAR_CREDIT = 0.5          # a year one off, a family name one typo off
TITLE_AGREES = 0.92        # title similarity at which the title counts as agreeing
TITLE_COUNTS = 0.60        # below this the title adds nothing to the score
MAIN_TITLE_WORDS = 4       # a main title (before ": ") is compared alone only when this long
AUTHOR_NEAR = 85           # rapidfuzz similarity (0-100) of a misspelt family name
HEAD_WORDS = 4             # a family name may be split over at most this many words
MAX_PAGES = 300            # a page run longer than this is not read as one
DOI_OR_URL = re.compile(r"(?:https?://\S+|doi:\s*\S+|\b10\.\d{4,9}/\S+)", re.I)
NUMBER = re.compile(r"(?<!\d)\d+(?!\d)")


@dataclass(frozen=True, slots=True)
class Validation:
    """Which of a candidate's fields the printed string shows, and the score they add up to."""

    verdicts: tuple[tuple[str, Verdict], ...]
    title_similarity: float
    score: float

    @property
    def agreeing(self) -> tuple[str, ...]:
        return tuple(name for name, verdict in self.verdicts if verdict == "agree")

    def verdict(self, name: str) -> Verdict:
        return dict(self.verdicts)[name]

    def as_dict(self) -> dict[str, object]:
        """{"title": "agree", ..., "title_similarity": 0.97, "agreeing": 5}."""
        return dict(self.verdicts) | {"title_similarity": round(self.title_similarity, 3),
                                      "agreeing": len(self.agreeing)}


def validate_candidate(raw: str, work: CrossrefWork, parsed: ParsedReference | None = None) -> Validation:
    """Look for `work`'s fields in the printed reference `raw` (and what the parser read from it)."""
    from ..identity.normalise import words

    text = DOI_OR_URL.sub(" ", raw)
    numbers = NUMBER.findall(text)   # a pool: each number confirms one field at most
    similarity = title_similarity(work, " ".join(words(text)), parsed)
    year = year_verdict(work, numbers)
    volume = volume_verdict(work, numbers, year)
    verdicts = (
        ("title", title_verdict(work, similarity)),
        ("first_author", author_verdict(work, words(text))),
        ("year", year),
        ("volume", volume),
        ("first_page", page_verdict(work, numbers, text)),
    )
    return Validation(verdicts, similarity, round(score_of(verdicts, similarity), 4))


def score_of(verdicts: tuple[tuple[str, Verdict], ...], similarity: float) -> float:
    credit = {"agree": 1.0, "near": NEAR_CREDIT, "differ": 0.0, "absent": 0.0}
    total = 0.0
    for name, verdict in verdicts:
        if name == "title":
            total += WEIGHTS[name] * (similarity if similarity >= TITLE_COUNTS else 0.0)
        else:
            total += WEIGHTS[name] * credit[verdict]
    return total


def title_similarity(work: CrossrefWork, text_key: str, parsed: ParsedReference | None) -> float:
    """Best similarity of the candidate's title (with or without subtitle) to the string or parsed title."""
    from rapidfuzz import fuzz

    from ..identity.normalise import title_key

    if not work.title:
        return 0.0
    titles = {title_key(work.title)}
    main = title_key(work.title.split(": ")[0])
    if len(main.split()) >= MAIN_TITLE_WORDS:   # a print may drop the subtitle; a short main title says little
        titles.add(main)
    titles.discard("")
    scores = [fuzz.partial_ratio(t, text_key) for t in titles if len(t) <= len(text_key)]
    if parsed is not None and parsed.title:
        scores += [fuzz.ratio(t, title_key(parsed.title)) for t in titles]
    return max(scores, default=0.0) / 100


def title_verdict(work: CrossrefWork, similarity: float) -> Verdict:
    if not work.title:
        return "absent"
    if similarity >= TITLE_AGREES:
        return "agree"
    return "near" if similarity >= TITLE_COUNTS else "differ"


def author_verdict(work: CrossrefWork, text_words: tuple[str, ...]) -> Verdict:
    """The first author's name at the start of the string: exact (also split over words, as in
    "Van der Post" or "Coatsworth- Puspoky"), after one initial ("S. Gillard"), or one typo off."""
    from rapidfuzz import fuzz

    from ..identity.normalise import family_key

    if not work.authors:
        return "absent"
    first = work.authors[0]
    name = family_key(first.family or first.literal)
    if not name:
        return "absent"
    starts = [0, 1] if text_words and len(text_words[0]) <= 2 else [0]
    spans = {"".join(text_words[i:i + n]) for i in starts for n in range(1, HEAD_WORDS + 1)}
    if name in spans:
        return "agree"
    close = max((fuzz.ratio(name, text_words[i]) for i in starts if i < len(text_words)), default=0)
    return "near" if len(name) >= 4 and close >= AUTHOR_NEAR else "differ"


def year_verdict(work: CrossrefWork, numbers: list[str]) -> Verdict:
    """Any of the candidate's years among the numbers (taken from the pool), else one off ("near")."""
    if not work.years:
        return "absent"
    for verdict, years in (("agree", work.years), ("near", [y + d for y in work.years for d in (-1, 1)])):
        for year in years:
            if str(year) in numbers:
                numbers.remove(str(year))
                return verdict
    return "differ"


def volume_verdict(work: CrossrefWork, numbers: list[str], year: Verdict) -> Verdict:
    """The volume among the numbers left; a volume equal to the year is confirmed by the year."""
    if not work.volume:
        return "absent"
    value = work.volume.lstrip("0")
    for number in numbers:
        if number.lstrip("0") == value:
            numbers.remove(number)
            return "agree"
    return "agree" if year == "agree" and value in {str(y) for y in work.years} else "differ"


def page_verdict(work: CrossrefWork, numbers: list[str], text: str) -> Verdict:
    """The first page (or article number) among the numbers left, or as the start of a page run
    whose dash was lost ("8296" for 82-96, "13071314" for 1307-1314)."""
    first = work.first_page or work.article_number
    if not first:
        return "absent"
    if not first.isdigit():
        return "agree" if re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.I) else "differ"
    if first in numbers or any(lost_dash_run(token, first) for token in numbers):
        return "agree"
    return "differ"


def lost_dash_run(token: str, first: str) -> bool:
    """Whether `token` reads as `first` followed by a plausible last page, full or abbreviated
    ("1493"+"6"). A one-digit first page is too common a prefix to read this way."""
    rest = token[len(first):]
    if len(first) < 2 or not token.startswith(first) or not rest or len(rest) > len(first) + 1:
        return False
    if len(rest) < len(first) and len(first) < 3:
        return False
    last = int(rest) if len(rest) >= len(first) else int(first[: len(first) - len(rest)] + rest)
    return 0 < last - int(first) <= MAX_PAGES
