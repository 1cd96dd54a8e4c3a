"""Find the in-text citations of a seed text and resolve them to its reference list.

Two pure stages, no I/O:

- `extract_citations(text)` finds author-date citations as printed:
  parenthetical ``(Kemp 2012)``, ``(Moran 2012: p. 309)``,
  ``(Department of Health 2008)``, ``(Kemp 2012; Gates 2007)``, and narrative
  ``Coatsworth-Puspoky et al (2006)``, ``Ochocka and colleagues (2006)``;
  with ``bare=True`` also ``Repper 2011`` in running text (off by default:
  captures print "Press 2014" or "HMSO 2014" in their page furniture).
- `resolve_citation(citation, entries)` looks the citation up in the paper's
  own list by first author (family name or corporate name) and year, and
  says `resolved` (one entry), `ambiguous` (several), `unresolved` (none)
  or `mismatch` (an entry matches in part: other year, the name only as a
  co-author, a near spelling, or a cited page outside the entry's pages).

Example:
    >>> from litgraph.model import Author, ParsedReference
    >>> entries = {4: ParsedReference(raw="", authors=(Author("Kemp", "V"),), year=2012)}
    >>> [c.text for c in extract_citations("no clear job description (Kemp 2012).")]
    ['Kemp 2012']
    >>> resolve_citation(parse_citation("(Kemp 2012)"), entries).status
    'resolved'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ..model import ParsedReference

__all__ = ["Citation", "Resolution", "body_span", "check_text", "extract_citations", "parse_citation",
           "resolve_citation"]

Status = Literal["resolved", "unresolved", "ambiguous", "mismatch"]

PARTICLES = r"(?:(?:van|von|de|der|den|du|da|di|del|della|le|la)\s+)*"
NAME = PARTICLES + r"[A-ZÀ-Þ][^\W\d_]*(?:[-'’][A-ZÀ-Þa-zß-ÿ][^\W\d_]*)*"
YEAR = r"(?:(?:19|20)\d\d[a-z]?|in press|n\.d\.)"
YEARS = rf"{YEAR}(?:\s*,\s*(?:{YEAR}|[a-z]\b))*"
LOCATOR = r"(?:\s*[:,]\s*pp?\.\s*(?P<page>[\w–\-]+))?"
PAREN_GROUP = re.compile(r"\(([^()]*)\)")
PAREN_PART = re.compile(rf"^(?P<author>\S.*?),?\s+(?P<years>{YEARS}){LOCATOR}$")
NARRATIVE = re.compile(
    rf"(?P<author>{NAME}(?:\s+(?:(?:of|for|in|and|on|the)\s+)?{NAME})*"
    rf"(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+(?:and|&)\s+{NAME})?)"
    rf"\s+\((?P<years>{YEARS}){LOCATOR}\)")
# Not inside a word or right after "(", not a possessive ("Health’s 2011"), not "2009/10".
BARE = re.compile(rf"(?<![\w(’'-])(?P<author>{NAME}(?:\s+et\s+al\.?)?)(?<![’']s)"
                  rf"\s+(?P<years>(?:19|20)\d\d[a-z]?)\b(?!\s*[/–-]\d)")
PREFIX = re.compile(r"^(?:e\.g\.,?|i\.e\.,?|see also|see|cf\.|cited in|for example,?|as in)\s+",
                    re.IGNORECASE)
SUFFIX = re.compile(r"\s+(?:et\s+al\.?|and\s+colleagues)$")
NOT_AUTHORS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "spring", "summer", "autumn", "winter", "in", "since",
    "by", "from", "until", "before", "after", "during", "the", "of", "published", "copyright", "box",
})
SENTENCE_WORDS = frozenset({"a", "an", "as", "at", "and", "both", "for", "however", "see", "so", "that",
                            "these", "this", "thus", "when", "where", "while", "with"})
HEADINGS = re.compile(r"^[#*\s]*(abstract)[*\s]*$", re.IGNORECASE | re.MULTILINE)
LIST_HEADINGS = re.compile(r"^[#*\s]*(references|literature|reference list|bibliography)[*\s]*$",
                           re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Citation:
    """One in-text citation: one author and one year, as printed.

    `text` is the printed citation ("Moran 2012: p. 309", "Ochocka and
    colleagues (2006)"); `author` its author part without "et al" or "and
    colleagues"; `offset` its 0-based position in the text and `line` the
    1-based line it starts on.
    """

    text: str
    author: str
    year: str
    page: str | None
    form: Literal["parenthetical", "narrative", "bare"]
    offset: int
    line: int


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a citation resolved to: entry positions in the paper's list, and why."""

    citation: Citation
    status: Status
    positions: tuple[int, ...] = ()
    reason: str = ""


def body_span(text: str) -> tuple[int, int]:
    """Where the body of a captured paper lies: from "Abstract" to the reference list.

    A capture prints page furniture ("Cited by" panels, copyright lines) before
    the abstract and the list itself after the body; citations are only sought
    between. Without an "Abstract" heading the body starts at 0; without a list
    heading ("References", "Literature") it runs to the end.
    """
    start = HEADINGS.search(text)
    ends = list(LIST_HEADINGS.finditer(text))
    return (start.start() if start else 0), (ends[-1].start() if ends else len(text))


def extract_citations(text: str, start: int = 0, end: int | None = None,
                      bare: bool = False) -> list[Citation]:
    """Every author-date citation in ``text[start:end]``, in printed order.

    Args:
        text: The whole text (offsets and lines count from its start).
        start: Where to start looking.
        end: Where to stop (default: the end).
        bare: Also find ``Name 2011`` outside parentheses.

    Returns:
        One `Citation` per author and year, so ``(Repper 2011, 2013)`` gives two.
    """
    end = len(text) if end is None else end
    found = parenthetical(text, start, end) + narrative(text, start, end)
    if bare:
        taken = [(c.offset, c.offset + len(c.text)) for c in found]
        found += [c for c in bare_citations(text, start, end) if not covered(c.offset, taken)]
    return sorted(found, key=lambda c: c.offset)


def parse_citation(text: str) -> Citation | None:
    """The one citation a short string holds ("(Kemp 2012)", "Repper 2011"), else None."""
    found = extract_citations(text, bare=True)
    return found[0] if len(found) == 1 else None


def parenthetical(text: str, start: int, end: int) -> list[Citation]:
    citations = []
    for group in PAREN_GROUP.finditer(text, start, end):
        offset = group.start(1)
        for part in group.group(1).split(";"):
            lead = len(part) - len(part.lstrip())
            citations += citations_in_part(text, part.strip(), offset + lead)
            offset += len(part) + 1
    return citations


def citations_in_part(text: str, part: str, offset: int) -> list[Citation]:
    """``Kemp 2012``, ``Repper 2011, 2013``, ``Department of Health 2008`` -> citations."""
    prefix = PREFIX.match(part)
    if prefix:
        part, offset = part[prefix.end():], offset + prefix.end()
    match = PAREN_PART.match(part)
    if match is None or not plausible_author(match.group("author")):
        return []
    author = collapse(SUFFIX.sub("", match.group("author").strip()))
    return [Citation(collapse(part), author, year, match.group("page"), "parenthetical", offset,
                     line_of(text, offset)) for year in split_years(match.group("years"))]


def narrative(text: str, start: int, end: int) -> list[Citation]:
    citations = []
    for match in NARRATIVE.finditer(text, start, end):
        offset, author = trim_leading_words(match.start(), match.group("author"))
        if not plausible_author(author):
            continue
        printed = collapse(text[offset:match.end()])
        for year in split_years(match.group("years")):
            citations.append(Citation(printed, collapse(SUFFIX.sub("", author)), year, match.group("page"),
                                      "narrative", offset, line_of(text, offset)))
    return citations


def trim_leading_words(offset: int, author: str) -> tuple[int, str]:
    """Drop capitalised words that open a sentence rather than a name ("In", "The", "By")."""
    while True:
        word = author.split(maxsplit=1)[0] if author.strip() else ""
        rest = author[len(word):]
        if word.lower() not in NOT_AUTHORS | SENTENCE_WORDS or not rest.strip():
            return offset, author
        skipped = len(word) + len(rest) - len(rest.lstrip())
        offset, author = offset + skipped, author[skipped:]


def bare_citations(text: str, start: int, end: int) -> list[Citation]:
    return [Citation(collapse(m.group(0)), collapse(SUFFIX.sub("", m.group("author"))), m.group("years"),
                     None, "bare", m.start(), line_of(text, m.start()))
            for m in BARE.finditer(text, start, end) if plausible_author(m.group("author"))]


def collapse(text: str) -> str:
    return " ".join(text.split())


def plausible_author(author: str) -> bool:
    """An author part: starts with a capital or a particle, has no digits, is not a month."""
    author = author.strip()
    first = author.split()[0] if author else ""
    return (bool(first) and not any(ch.isdigit() for ch in author)
            and (first[0].isupper() or re.fullmatch(NAME, author.split(" et al")[0]) is not None)
            and first.lower() not in NOT_AUTHORS)


def split_years(years: str) -> list[str]:
    """``"2011, 2013"`` -> both; ``"2012a, b"`` -> ``2012a``, ``2012b``."""
    out: list[str] = []
    for item in (y.strip() for y in years.split(",")):
        out.append(out[-1][:4] + item if len(item) == 1 and out else item)
    return out


def covered(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def name_key(name: str | None) -> str:
    """A name reduced for comparison: accents, case, spaces, hyphens and apostrophes dropped."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def citation_keys(citation: Citation) -> set[str]:
    """The keys an entry's first author may match: the whole author part (a body) or the first name."""
    first = re.split(r"\s+(?:and|&)\s+|\s*,\s*", citation.author)[0]
    return {name_key(citation.author), name_key(first)}


def author_key(ref: ParsedReference, index: int = 0) -> str:
    author = ref.authors[index]
    return name_key(author.literal if author.literal is not None else author.family)


def year_of(citation: Citation) -> int | None:
    return int(citation.year[:4]) if citation.year[:4].isdigit() else None


def resolve_citation(citation: Citation, entries: Mapping[int, ParsedReference]) -> Resolution:
    """Resolve one citation against a paper's list (position -> parsed entry).

    Returns:
        A `Resolution`: `resolved` with the one entry; `ambiguous` with every
        entry that matches author and year; `mismatch` with the entries that
        match in part and why; `unresolved` when nothing comes close.
    """
    keys, year = citation_keys(citation), year_of(citation)
    authored = [pos for pos, ref in sorted(entries.items()) if ref.authors and author_key(ref) in keys]
    exact = [pos for pos in authored if entries[pos].year == year]
    if len(exact) > 1:
        return Resolution(citation, "ambiguous", tuple(exact),
                          f"{len(exact)} entries have first author {citation.author} and year {citation.year}")
    if exact:
        problem = page_problem(citation.page, entries[exact[0]])
        status: Status = "mismatch" if problem else "resolved"
        return Resolution(citation, status, tuple(exact), problem or "")
    return partial_match(citation, entries, authored, keys, year)


def partial_match(citation: Citation, entries: Mapping[int, ParsedReference], authored: list[int],
                  keys: set[str], year: int | None) -> Resolution:
    reasons, positions = [], []
    if authored:
        years = ", ".join(f"{entries[p].year} (entry {p})" for p in authored)
        reasons.append(f"first author {citation.author} is listed only with other years: {years}")
        positions += authored
    same_year = [p for p, ref in sorted(entries.items()) if ref.year == year and p not in positions]
    coauthor = [p for p in same_year if any(author_key(entries[p], i) in keys
                                            for i in range(1, len(entries[p].authors)))]
    if coauthor:
        reasons.append("the name is a co-author, not first author, of "
                       + ", ".join(f"entry {p}" for p in coauthor))
        positions += coauthor
    near = [p for p in same_year if p not in coauthor and entries[p].authors
            and any(near_spelling(key, author_key(entries[p])) for key in keys)]
    if near:
        reasons.append("a first author spelt differently, same year: "
                       + ", ".join(f"{entries[p].authors[0].sort_name} (entry {p})" for p in near))
        positions += near
    if reasons:
        return Resolution(citation, "mismatch", tuple(positions), "; ".join(reasons))
    return Resolution(citation, "unresolved", (), f"no entry by {citation.author} in {citation.year}")


def near_spelling(a: str, b: str) -> bool:
    return len(a) >= 4 and len(b) >= 4 and a != b and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def page_problem(page: str | None, ref: ParsedReference) -> str | None:
    """Why a cited page cannot lie in the entry's printed pages, or None if it can (or no check applies)."""
    if not page or not page.isdigit() or not (ref.first_page or "").isdigit():
        return None
    cited, first = int(page), int(ref.first_page)
    if (ref.last_page or "").isdigit():
        last = int(ref.last_page)
        return None if first <= cited <= last else f"p. {cited} is outside the entry's pages {first}–{last}"
    readings = [(first, first)] + dashless_ranges(ref.first_page)
    if any(a <= cited <= b for a, b in readings):
        return None
    alternatives = " or ".join(f"{a}–{b}" for a, b in readings[1:])
    lost_dash = f" (or {alternatives} if the capture lost a dash)" if alternatives else ""
    return f"p. {cited} is outside the entry's pages: printed {first}{lost_dash}"


def dashless_ranges(digits: str) -> list[tuple[int, int]]:
    """Every split of a page number into a plausible range ("111" -> 1–11) whose dash was lost."""
    ranges = []
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if not right.startswith("0") and int(left) < int(right) <= int(left) + 150:
            ranges.append((int(left), int(right)))
    return ranges


def check_text(text: str, entries: Mapping[int, ParsedReference]) -> list[Resolution]:
    """Resolve every citation in the body of a seed text against the paper's list."""
    start, end = body_span(text)
    return [resolve_citation(c, entries) for c in extract_citations(text, start, end)]


def reference_list(corpus, paper_doi: str) -> dict[int, ParsedReference]:
    """A paper's printed reference list, parsed (all together), by position."""
    from ..parse.reference import parse_references

    entries = [e for e in corpus.entries if e.paper_doi == paper_doi and e.list == "references"]
    return dict(zip((e.position for e in entries), parse_references([e.raw for e in entries])))
