"""Score how likely two mentions denote one work, and say why.

The score is a weighted share of agreeing evidence, in [0, 1]:

    score = sum(weight * agreement) / sum(weight)   over the fields both mentions print

A field only one mention prints says nothing and is left out, so a sparse
reference ("Department of Health (2008) A Common Purpose ...") is judged on
what it has. Weights (`WEIGHTS`): the title carries half, the first author a
fifth, year and journal a tenth each, volume and first page a twentieth each.

Title agreement is the rapidfuzz similarity rescaled from [0.5, 0.95] to
[0, 1]: unrelated titles in one field share many words ("peer support",
"mental health"), and on the seed corpus such pairs reach 0.74 (Nelson et al.
part 1 and Ochocka et al. part 3 of one study), while printings of one title
reach 0.94 or more. A year more than one apart counts double against a pair
(new editions keep their titles), unless volume and first page agree, which
shows the year is a misprint.

A pair may merge only with identifying evidence: a title similarity of 0.8
or more, or volume and first page agreeing. Otherwise two reports of one body
and year without titles would score 1.0.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .containers import container_match
from .mentions import Mention

# Merge at or above this score. On the seed corpus printings of one work score 0.83 or
# more (lowest: Turner 1990, whose title 000 prints twice) and different works 0.63 at
# most (Nelson part 1 / Ochocka part 3), so 0.8 leaves room on both sides, nearer the
# same-work end: a wrong merge hides a work, a missed one stays visible as a near-miss.
# By construction a report (title, author, year only) needs a title similarity of about
# 0.81 and the same author; an identical title by another first author scores 0.75, and
# two editions of one book (same title and author, years apart) 0.78: both kept apart.
MERGE_THRESHOLD = 0.8
# Pairs from here up to the threshold are kept apart but recorded, so a curator can look
# at them (and say `same` in corpus/identity.yaml). At 0.5 half the weighted evidence
# agrees; two papers of one author in one year score 0.3-0.45 and are not listed.
NEAR_MISS = 0.5

WEIGHTS = {"title": 0.5, "author": 0.2, "year": 0.1, "container": 0.1, "volume": 0.05, "page": 0.05}
TITLE_FLOOR, TITLE_FULL = 0.5, 0.95
# A body credited in place of another is forgiven only for a long, near-identical title.
CORPORATE_TITLE, CORPORATE_WORDS = 0.95, 5
# Title similarity that counts as identifying evidence on its own.
IDENTIFYING_TITLE = 0.8


@dataclass(frozen=True, slots=True)
class Comparison:
    """The score of a pair, the reasons behind it, and whether it may merge at all."""

    score: float
    reasons: tuple[str, ...]
    identifying: bool  # a similar title, or volume and first page agreeing

    @property
    def merges(self) -> bool:
        return self.identifying and self.score >= MERGE_THRESHOLD


@dataclass(frozen=True, slots=True)
class Part:
    agreement: float
    weight: float
    reason: str


def compare(a: Mention, b: Mention) -> Comparison:
    """Compare two mentions field by field (symmetric up to the order of reasons)."""
    title = title_similarity(a.title, b.title) if a.title and b.title else None
    locators_agree = volume_agrees(a, b) and page_agrees(a, b)
    parts = [p for p in (
        title_part(title),
        author_part(a, b, title),
        year_part(a.year, b.year, locators_agree),
        container_part(a, b),
        volume_part(a, b),
        page_part(a, b),
    ) if p is not None]
    weight = sum(p.weight for p in parts)
    score = sum(p.agreement * p.weight for p in parts) / weight if weight else 0.0
    identifying = (title is not None and title[0] >= IDENTIFYING_TITLE) or locators_agree
    reasons = tuple(p.reason for p in parts)
    if not identifying:
        reasons += ("no similar title nor matching volume and page to merge on",)
    return Comparison(round(score, 4), reasons, identifying)


def title_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two title keys in [0, 1], and a note when a truncation decided it.

    The best of the plain ratio (typos, small changes) and the token-sorted ratio
    (reordered words); a title that is a word-prefix of the other (a truncation,
    or a dropped subtitle) counts as 0.95 from four words on, less for shorter ones.

        >>> title_similarity("role change", "role change role change")
        (0.8, ' (one is a truncation of the other)')
    """
    if a == b:
        return 1.0, ""
    best = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100
    short, long = sorted((a, b), key=len)
    count = len(short.split())
    if long.startswith(short) and (count >= 4 or long[len(short)] == " "):
        truncated = 0.95 if count >= 4 else 0.9 if count == 3 else 0.8 if count == 2 else 0.0
        if truncated > best:
            return truncated, " (one is a truncation of the other)"
    return round(best, 4), ""


def title_part(title: tuple[float, str] | None) -> Part | None:
    if title is None:
        return None
    similarity, note = title
    agreement = min(1.0, max(0.0, (similarity - TITLE_FLOOR) / (TITLE_FULL - TITLE_FLOOR)))
    return Part(agreement, WEIGHTS["title"], f"title {similarity:.2f}{note}")


def author_part(a: Mention, b: Mention, title: tuple[float, str] | None) -> Part | None:
    x, y = a.first_author, b.first_author
    if not x or not y:
        return None
    w = WEIGHTS["author"]
    if x == y:
        return Part(1.0, w, f"first author {x}={y}")
    if a.corporate and b.corporate:
        return bodies_part(a, b, title)
    if a.corporate or b.corporate:
        return Part(0.0, w, f"first author {x}!={y}")
    if min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= 1:
        return Part(0.9, w, f"first author {x}~{y} (one edit apart)")
    if set(a.first_author_parts) & set(b.first_author_parts):
        return Part(0.9, w, f"first author {x}~{y} (part of a compound name)")
    if x in b.author_keys or y in a.author_keys:
        return Part(0.6, w, f"first author {x}~{y} (a co-author of the other)")
    return Part(0.0, w, f"first author {x}!={y}")


def bodies_part(a: Mention, b: Mention, title: tuple[float, str] | None) -> Part | None:
    x, y = a.first_author, b.first_author
    w = WEIGHTS["author"]
    if a.acronym and (a.acronym == y.replace(" ", "") or b.acronym == x.replace(" ", "")):
        return Part(0.9, w, f"first author {x}~{y} (acronym)")
    long_title = min(a.title_words, b.title_words) >= CORPORATE_WORDS
    near_year = a.year is not None and b.year is not None and abs(a.year - b.year) <= 1
    if title is not None and title[0] >= CORPORATE_TITLE and long_title and near_year:
        # A report is often credited to the body that commissioned or hosts it.
        return Part(0.0, 0.0, f"first author {x}!={y}: bodies differ, not counted for a report "
                              f"with near-identical title {title[0]:.2f} and year within one")
    return Part(0.0, w, f"first author {x}!={y}")


def year_part(x: int | None, y: int | None, locators_agree: bool) -> Part | None:
    if x is None or y is None:
        return None
    w = WEIGHTS["year"]
    if x == y:
        return Part(1.0, w, f"year {x}={y}")
    if abs(x - y) == 1:
        return Part(0.6, w, f"year {x}~{y} (within one)")
    if locators_agree:
        return Part(0.0, w, f"year {x}!={y} (volume and page agree: a misprint?)")
    return Part(0.0, 2 * w, f"year {x}!={y}")


def container_part(a: Mention, b: Mention) -> Part | None:
    if not a.container or not b.container:
        return None
    x, y = " ".join(a.container), " ".join(b.container)
    if x == y:
        return Part(1.0, WEIGHTS["container"], f"container {x}={y}")
    if container_match(a.container, b.container):
        return Part(1.0, WEIGHTS["container"], f"container {x}~{y}")
    return Part(0.0, WEIGHTS["container"], f"container {x}!={y}")


def volume_part(a: Mention, b: Mention) -> Part | None:
    x, y = a.fields.volume, b.fields.volume
    if not x or not y:
        return None
    if volume_agrees(a, b):
        return Part(1.0, WEIGHTS["volume"], f"volume {x}={y}")
    return Part(0.0, WEIGHTS["volume"], f"volume {x}!={y}")


def page_part(a: Mention, b: Mention) -> Part | None:
    x, y = a.locator, b.locator
    if not x or not y:
        return None
    if a.locator_key == b.locator_key:
        return Part(1.0, WEIGHTS["page"], f"first page {x}={y}")
    if page_agrees(a, b):
        return Part(1.0, WEIGHTS["page"], f"first page {page_text(a)}~{page_text(b)}")
    return Part(0.0, WEIGHTS["page"], f"first page {x}!={y}")


def volume_agrees(a: Mention, b: Mention) -> bool:
    return bool(a.fields.volume and b.fields.volume and a.volume_key == b.volume_key)


def page_agrees(a: Mention, b: Mention) -> bool:
    """Equal first pages (or article numbers), or a range whose dash was lost ("4-11" ~ "411")."""
    x, y = a.locator, b.locator
    if not x or not y:
        return False
    if a.locator_key == b.locator_key:
        return True
    return lost_dash(a, y) or lost_dash(b, x)


def lost_dash(mention: Mention, other: str) -> bool:
    """Whether `other` is this mention's page range printed without its dash.

    "4-11" ~ "411", and "443-50" ~ "443450" (a range whose last page is shortened
    and printed in full by the other list): `other` starts with the first page and
    the rest, completed from the first page, is a later page.
    """
    first = mention.first_page_digits
    other = other.strip()
    if not first or not other.isdigit() or not other.startswith(first) or len(other) <= len(first):
        return False
    rest = other[len(first):]
    last = first[: len(first) - len(rest)] + rest if len(rest) < len(first) else rest
    return not rest.startswith("0") and int(last) > int(first)


def page_text(mention: Mention) -> str:
    first, last = mention.fields.first_page, mention.fields.last_page
    if first and last and mention.locator == first:
        return f"{first}-{last}"
    return mention.locator or ""
