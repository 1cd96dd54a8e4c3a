"""Take identifiers and status notes out of a reference string.

A DOI, a URL or a note such as "[Epub ahead of print]" can sit anywhere near
the end of an entry, even glued to the page range ("12: 189-10.1186/..."). They
are removed first so that the styles read only authors, year, title and source.
"""

from __future__ import annotations

import re

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DOI = re.compile(
    r"(?:(?:https?://)?(?:dx\.)?doi\.org/|\bdoi\s*:\s*|\bDOI\s*:?\s*)?(10\.\d{4,9}/[^\s\"]+)",
    re.IGNORECASE,
)
URL = re.compile(
    r"\s*(?:\[online\]\.?\s*)?(?:Available (?:at|from)\s*:?|Retrieved from|URL\s*:?)?\s*"
    r"<?(?:https?://|www\.)[^\s>]+>?",
    re.IGNORECASE,
)
PUBMED_IDS = re.compile(r"[.,;]?\s*\b(?:PMID|PMCID|PubMed PMID)\s*:?\s*(?:PMC)?\d+\b\.?", re.IGNORECASE)
ACCESSED = re.compile(r"\s*[\[(]?\s*(?:last\s+)?(?:accessed|cited)\b[^\])]{0,40}[\])]?\.?", re.IGNORECASE)
IN_PRESS = re.compile(r"[,.]?\s*[\[(]?\b(?:in press|forthcoming)[\])]?\.?\s*$", re.IGNORECASE)
EPUB = re.compile(r"[,.]?\s*[\[(]?\s*Epub ahead of print\s*[\])]?\.?\s*$", re.IGNORECASE)


def take_doi(text: str) -> tuple[str | None, str]:
    """The DOI in `text` (as printed, without prefix or trailing period) and the rest.

    Example:
        >>> take_doi("Psychiatr Serv. 2006, 57: 1179-1184. 10.1176/appi.ps.57.8.1179.")
        ('10.1176/appi.ps.57.8.1179', 'Psychiatr Serv. 2006, 57: 1179-1184.')
    """
    match = DOI.search(text) if "10." in text else None  # a DOI starts "10.": most strings skip the search
    if match is None:
        return None, text
    doi = trim_doi(match.group(1))
    kept = match.start(1) + len(doi)
    rest = text[:match.start()].rstrip().rstrip("([<").rstrip() + " " + text[kept:].lstrip(".,;)]> ")
    return doi, tidy_end(rest)


def trim_doi(doi: str) -> str:
    """Drop trailing punctuation that belongs to the sentence, not the DOI."""
    doi = doi.rstrip(".,;:")
    for opening, closing in ("()", "[]", "<>"):
        while doi.endswith(closing) and doi.count(opening) < doi.count(closing):
            doi = doi[:-1].rstrip(".,;:")
    return doi


def take_urls(text: str) -> str:
    """Remove URLs with their "Available at:" and "accessed ..." notes, and PubMed ids."""
    lowered = text.lower()  # the cues every id and URL holds: most strings skip the searches
    text = tidy_end(PUBMED_IDS.sub("", text)) if "pm" in lowered and PUBMED_IDS.search(text) else text
    if not ("http" in lowered or "www." in lowered) or not re.search(r"https?://|www\.", text, re.IGNORECASE):
        return text
    return tidy_end(ACCESSED.sub("", URL.sub("", text)))


STATUS_REACH = 60  # `, [Epub ahead of print].` is 25 characters: room for stray spaces


def take_status(text: str) -> tuple[str, str | None]:
    """Remove a closing "in press" or "Epub ahead of print" note; say which."""
    lowered = text[-STATUS_REACH:].lower()  # a closing note: its cue is among the last characters
    for status, pattern, cue in (("in press", IN_PRESS, "press"), ("in press", IN_PRESS, "forthcoming"),
                                 ("epub ahead of print", EPUB, "epub")):
        match = pattern.search(text, max(0, len(text) - STATUS_REACH)) if cue in lowered else None
        if match is not None and match.start() > 0:
            return tidy_end(text[:match.start()]), status
    return text, None


def tidy_end(text: str) -> str:
    """Strip the separators left dangling at the end after something was removed."""
    text = text.strip()
    while text.endswith((",", ";", " ")):
        text = text[:-1].rstrip()
    return text
