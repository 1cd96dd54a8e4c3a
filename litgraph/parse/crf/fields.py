"""Turn a labelled token sequence into the fields of a `ParsedReference`.

Consecutive tokens with one label form a segment; each field is read from the
first segment of its label(s), so one field has one source:

    author -> authors (split into persons)    date -> year
    title -> title                            journal, container-title -> container
    volume -> volume (and issue, "36(2)")     issue -> issue
    pages -> first/last page or article number (ranges completed)
    publisher -> publisher                    location -> place

Each field's confidence is the mean marginal of its tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ...model import ParsedReference
from ..imprint import imprint_type
from ..pages import read_pages
from ..segments import clean_title
from .labeller import Labelling
from .persons import split_persons
from .marks import runs_of
from .dates import NO_DATE

YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}[/.]\d{1,2}[/.](1[5-9]\d\d|20\d\d)(?!\d)")  # `25/04/2013`
BARE_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20[0-3]\d)[a-z]?[)\]]?[.,;:]*$")
NAMED = frozenset({"title", "container-title", "journal", "author", "editor", "translator", "publisher",
                   "location", "collection-title", "genre"})  # segments whose numbers are names, not dates
LOW_CONFIDENCE = 0.6
CONTAINERS = ("journal", "container-title")
VOLUME_PREFIX = re.compile(r"^(?:vol(?:ume)?s?\.?|bd\.?|t\.|tome)\s*", re.IGNORECASE)
ISSUE_PREFIX = re.compile(r"^(?:no\.?|nr\.?|n[°º]\.?|n\.|num(?:ber)?\.?|issue\.?|heft|h\.)\s*", re.IGNORECASE)
PAGE_COUNT = re.compile(r"^\d+\s*(?:p|pp|pages|S|s)\.?$")
PAGE_PREFIX = re.compile(r"^(?:pages?|pgs?\.?|pp?\.?|s\.)\s*", re.IGNORECASE)  # "pages" before "p"
VOLUME_ISSUE = re.compile(r"^(?P<volume>[\w.\-]+?),?\s*[(\[]\s*(?P<issue>[^()\[\]]+?)\s*[)\]]")
UNCLOSED_TAIL = re.compile(r"(?=[\s(\[])\s*[(\[][^()\[\]]*$")
INITIAL_END = re.compile(r"\b\w\.$")  # `... J.`: the period is the initial's
IN_MARK = re.compile(r"^(?:In|Dans|En)\s*:?\s+")
ISSUE_TAIL = re.compile(r"\s*(?:no\.?|nr\.?|issue)\s*(?P<i>\w+)$", re.IGNORECASE)  # `36 no. 4`: the issue after the volume
ARTICLE = re.compile(r"^(?:e\d+|[A-Z]{1,2}\d{3,}|(?:article|art\.?)\s*(?:no\.?\s*)?\w+)$", re.IGNORECASE)


class Segment(NamedTuple):
    """A run of tokens with one label (a named tuple: made for every run of every reference, it is
    built several times faster than a frozen dataclass)."""

    label: str
    text: str
    confidence: float


def segments_of(labelling: Labelling) -> list[Segment]:
    """The runs of equally labelled tokens, in order."""
    tokens, marginals = labelling.tokens, labelling.marginals
    made = tuple.__new__  # a segment made as a tuple is: the named tuple's own __new__ is a slower Python function
    return [made(Segment, (label, " ".join(tokens[start:end]), sum(marginals[start:end]) / (end - start)))
            for label, start, end in runs_of(labelling.labels)]


def first(segments: list[Segment], *labels: str) -> Segment | None:
    """The first segment with one of `labels`."""
    return next((s for s in segments if s.label in labels), None)


def strip_punct(text: str) -> str | None:
    """A field's text without the punctuation that separates it from the next."""
    text = text.strip().strip(",;:").strip()
    text = text[:-1] if text.endswith(".") and not INITIAL_END.search(text) else text
    text = text.strip(" ,;:")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return text or None


@dataclass(frozen=True, slots=True)
class ReadFields:
    """The fields read from the segments, with each field's confidence."""

    reference: ParsedReference
    confidence: dict[str, float]


def read_fields(raw: str, labelling: Labelling, doi: str | None, notes: tuple[str, ...] = ()) -> ReadFields:
    """The `ParsedReference` for `raw` from its labelled tokens."""
    segments = segments_of(labelling)
    values: dict[str, object] = {}
    confidence: dict[str, float] = {}
    for reader in READERS:
        found, used = reader(segments)
        values.update(found)
        if used is not None:
            score = round(used.confidence, 3)
            for key, value in found.items():
                if value not in EMPTY:
                    confidence[key] = score
    warnings = notes + field_warnings(values, confidence, labelling)
    kind = decide_type(segments, values)
    return ReadFields(ParsedReference(raw=raw, type=kind, doi=doi, warnings=warnings, **values), confidence)


EMPTY = (None, (), False)  # a field not read: it has no confidence


def read_authors(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """Persons of the first author segment (or the editors of an edited book with no author)."""
    found = first(segments, "author") or edited_book_editors(segments)
    if found is None:
        return {"authors": (), "et_al": False}, None
    names = split_persons(found.text)
    return {"authors": names.authors, "et_al": names.et_al}, found


def edited_book_editors(segments: list[Segment]) -> Segment | None:
    """The editors printed first, before any title ("Smith, J. (Ed.). (2008). Title."): they stand
    where the authors stand, and are read as them, as the style readers read them."""
    leading = next((s for s in segments if s.label not in ("citation-number", "note")), None)
    return leading if leading is not None and leading.label == "editor" else None


def read_year(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """The first year in a date segment; failing that, a token that is a year and nothing else
    ("(1920):", "1987b.") in a locator or note segment, where the labeller misplaced the date; then
    such a token closing a name's segment (`Research, 2011,`, `Eales, S (ed.) 2003,`), not a title's;
    then a date printed in numbers (`25/04/2013`); last, such a token anywhere, in a title or names
    too: with no date read, a year on its own is the reference's."""
    for segment in segments:
        match = YEAR.search(segment.text) if segment.label == "date" else None
        if match:
            return {"year": int(match.group(1))}, segment
    for segment in segments:
        if segment.label in NAMED:
            continue
        match = next((m for m in map(BARE_YEAR.match, segment.text.split()) if m), None)
        if match:
            return {"year": int(match.group(1))}, segment
    for segment in segments:
        match = BARE_YEAR.match(segment.text.rsplit(" ", 1)[-1]) if segment.label != "title" else None
        if match:
            return {"year": int(match.group(1))}, segment
    for segment in segments:
        match = NUMERIC_DATE.search(segment.text)
        if match:
            return {"year": int(match.group(1))}, segment
    for segment in segments:  # last: a year on its own anywhere (`..., second edition, 1994.`, `Markusen 2014 The`)
        match = next((m for m in map(BARE_YEAR.match, segment.text.split()) if m), None)
        if match:
            return {"year": int(match.group(1))}, segment
    return {"year": None}, None


def read_title(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """The first title segment, cleaned as the style readers clean titles."""
    found = first(segments, "title")
    return {"title": clean_title(found.text) if found else None}, found


def read_container(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """The journal, or the book or series a part appeared in, without a leading "In:"."""
    found = first(segments, *CONTAINERS)
    if found is None:
        return {"container": None}, None
    text = IN_MARK.sub("", found.text.strip())
    text = UNCLOSED_TAIL.sub("", text)  # "Mental health nursing (2nd" before "ed., pp. 10-20)"
    return {"container": clean_title(strip_punct(text))}, found


def read_volume(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """Volume and issue: "36(2)", "Vol. 9," and a separate issue segment; failing those, the number
    after a volume's or an issue's mark wherever the labeller put it (`..., vols. 12–15.`, `Bulletin
    no. 11.`), outside the title and the names; and what is glued to an article number (`9(3):e012345.`)."""
    volume_seg, issue_seg = first(segments, "volume"), first(segments, "issue")
    volume, issue = split_volume(volume_seg.text) if volume_seg else (None, None)
    if issue_seg is not None and issue is None:
        issue = strip_punct(ISSUE_PREFIX.sub("", strip_punct(issue_seg.text) or ""))
    if volume is None and issue is None:
        volume_seg, volume = marked(segments, MARKED_VOLUME)
        issue_seg, issue = marked(segments, MARKED_ISSUE)
    glued_seg, glued = glued_locator(segments)
    if glued is not None and (volume is None or issue is None):
        volume, issue = volume or glued.group("volume"), issue or glued.group("issue")
        volume_seg = volume_seg or glued_seg
    return {"volume": volume, "issue": issue}, volume_seg or issue_seg


# `9:e012345.`, `9(3):e012345.`, `9 (3):e012345.` (a volume the tokens put apart), `(3):e91234.`, and a
# Cochrane review's number: `2013;(3):CD004807.`
GLUED_LOCATOR = re.compile(r"(?<![\w(])(?P<volume>\d+)?\s?(?:\((?P<issue>\w+)\))?:(?P<article>e\d+|CD\d{6})\b")


def glued_locator(segments: list[Segment]) -> tuple[Segment | None, re.Match[str] | None]:
    """A volume or issue glued to an article number (BMJ Open's `2019;9:e012345.`, PLoS's `9(3):e91234.`,
    the Cochrane Library's `(3):CD004807.`, one token whatever the labeller called it), outside the
    title and names."""
    for segment in segments:
        if segment.label in UNMARKED or ":e" not in segment.text and ":CD" not in segment.text:
            continue
        found = GLUED_LOCATOR.search(segment.text)
        if found:
            return segment, found
    return None, None


MARKED_VOLUME = re.compile(r"\b(?:vols?|volume)\.?\s+([0-9IVXLC]+(?:[-\u2013][0-9IVXLC]+)?)\b")
MARKED_PAGES = re.compile(r"\b(?:pp?|pages?|S)\.?\s*(\d+(?:\s?[-\u2010-\u2015]\s?\d+)?)\b")
MARKED_ISSUE = re.compile(r"(?:\b(?:no|nr|num)\.?|\bn[°º]\.?)\s*(\d+)\b", re.IGNORECASE)
UNMARKED = frozenset({"title", "author", "editor", "translator", "url", "doi"})


def marked(segments: list[Segment], mark: re.Pattern[str]) -> tuple[Segment | None, str | None]:
    """The first number after `mark` in a segment that is no title, names or link, and its segment."""
    for segment in segments:
        found = mark.search(segment.text) if segment.label not in UNMARKED else None
        if found:
            return segment, found.group(1)
    return None, None


def split_volume(text: str) -> tuple[str | None, str | None]:
    """ "36(2)" -> ("36", "2"); "Vol. 9," -> ("9", None); "(Vol. 3, Part A," -> ("3", None);
    "12,(1)" -> ("12", "1"); "vol. 36, n° 4" -> ("36", "4"); "n° 10" -> (None, "10");
    "233 p." (a page count) -> (None, None)."""
    text = (strip_punct(text) or "").strip()
    text = VOLUME_PREFIX.sub("", text[1:] if text.startswith(("(", "[")) else text)
    if PAGE_COUNT.match(text):
        return None, None  # "233 p.": a book's page count, not a volume
    issue_only = ISSUE_PREFIX.match(text)
    if issue_only and issue_only.end() and not VOLUME_ISSUE.match(text):
        return None, strip_punct(text[issue_only.end():].split(",")[0]) or None  # "n° 10": an issue
    match = VOLUME_ISSUE.match(text)
    if match:
        return match.group("volume").rstrip(".,"), ISSUE_PREFIX.sub("", match.group("issue"))
    first, _, rest = text.partition(",")
    issue = ISSUE_PREFIX.match(rest.strip())
    issue_text = strip_punct(rest.strip()[issue.end():].split(",")[0]) if issue and issue.end() else None
    first = ISSUE_TAIL.sub("", first.strip())
    return (first.rstrip(".:") or None), issue_text


def read_pages_field(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """First and last page (abbreviated ranges completed) or an article number (also one glued to its
    volume: `9(3):e012345.`); failing a pages segment, the range after a page mark elsewhere (`...,
    page 346.`), outside the title and names."""
    found = first(segments, "pages")
    empty = {"first_page": None, "last_page": None, "article_number": None}
    glued_seg, glued = glued_locator(segments)
    if glued is not None and (found is None or found is glued_seg):
        return {**empty, "article_number": glued.group("article")}, glued_seg  # `9(3):e012345.`
    if found is None:
        found, printed = marked(segments, MARKED_PAGES)
        if found is None:
            return empty, None
        pages = read_pages(printed)
        return {**empty, "first_page": pages.first, "last_page": pages.last}, found
    text = PAGE_PREFIX.sub("", strip_punct(found.text.strip("()")) or "").strip(" .,()")
    if PAGE_COUNT.match(text):
        return empty, None  # "240 p.": how many pages a book has, not where a part starts
    if ARTICLE.match(text):
        return {**empty, "article_number": re.sub(r"^(?:article|art\.?)\s*(?:no\.?\s*)?", "", text,
                                                  flags=re.IGNORECASE)}, found
    pages = read_pages(text.split(",")[0].strip())
    return {"first_page": pages.first, "last_page": pages.last, "article_number": pages.article_number}, found


def read_imprint(segments: list[Segment]) -> tuple[dict[str, object], Segment | None]:
    """Publisher and place of publication."""
    publisher, place = first(segments, "publisher"), first(segments, "location")
    return {"publisher": strip_punct(publisher.text) if publisher else None,
            "place": strip_punct(place.text) if place else None}, publisher or place


READERS = (read_authors, read_year, read_title, read_container, read_volume, read_pages_field, read_imprint)


def decide_type(segments: list[Segment], values: dict[str, object]) -> str:
    """journal-article, chapter, book, report or other, from the labels present."""
    labels = {s.label for s in segments}
    genre = " ".join(s.text.lower() for s in segments if s.label == "genre")
    if "report" in genre or "working paper" in genre:
        return "report"
    if "journal" in labels:
        return "journal-article"
    if "container-title" in labels and ("editor" in labels or "publisher" in labels):
        return "chapter"
    if "container-title" in labels and values.get("volume"):
        return "journal-article"
    if "publisher" in labels:
        return imprint_type(values.get("publisher"))  # a body's imprint is a report, as the style readers decide
    return "other"


def field_warnings(values: dict[str, object], confidence: dict[str, float], labelling: Labelling) -> tuple[str, ...]:
    """Low-confidence fields, missing year or title, and a string too long to read whole."""
    warnings = tuple(f"low confidence ({value:.2f}) in {key}" for key, value in confidence.items()
                     if value < LOW_CONFIDENCE)
    if values.get("year") is None:
        printed = next((t.rstrip(".,:;") for t in labelling.tokens if NO_DATE.match(t)), None)
        warnings += (f"no year: printed {printed!r}",) if printed else ("no year found",)
    if values.get("title") is None:
        warnings += ("no title found",)
    if labelling.overflow:
        warnings += (f"longer than {len(labelling.tokens)} tokens: the rest is kept in raw, not read",)
    return warnings
