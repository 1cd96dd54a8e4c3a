"""What a copied reference section prints that is not reference text: link labels, back-links, doubled copies.

Link labels are the buttons publishers print after each entry ("CrossRef",
"PubMed", "Google Scholar", "Article"); on a line of their own they are
dropped, glued to the end of an entry ("1179-1184.CrossRefPubMed") they are
cut off. "go back to reference" is Springer's back-link before each entry.
Springer's pages also print each entry twice ("A A"): one copy is kept.
"""

from __future__ import annotations

import re

LABEL_WORDS = (r"CrossRef|Crossref|PubMed ?Central|PubMed|Google Scholar|Web of Science|Scopus|MathSciNet|"
               r"Medline|MEDLINE|Full Text|View Article|Article|OpenURL|Find this resource|CAS|ADS|Link")
LABEL_LINE = re.compile(rf"^(?:(?:{LABEL_WORDS})[\s,;|]*)+$")
UNAMBIGUOUS = r"CrossRef|Crossref|PubMed ?Central|PubMed|Google Scholar|Web of Science"
GLUED = re.compile(rf"(?:(?:{UNAMBIGUOUS})|(?<=[.\d)\]])(?:{LABEL_WORDS}))\s*$")
BACK_LINK = re.compile(r"^\s*(?:go back to reference|back to reference|↑|\^)\s*", re.I)


def is_label_line(line: str) -> bool:
    return bool(LABEL_LINE.match(line.strip()))


def ends_with_label(text: str) -> bool:
    """True when `text` ends with a link label, or with the half of one a line break cut ("...1735.Google")."""
    return strip_glued_labels(text)[1] or text.endswith(("Google", "Scholar", "ScholarPubMed"))


def strip_back_link(line: str) -> str:
    return BACK_LINK.sub("", line)


def strip_glued_labels(text: str) -> tuple[str, bool]:
    """The text without the link labels at its end, and whether there were any."""
    stripped = text.rstrip()
    while True:
        cut = GLUED.sub("", stripped).rstrip()
        if cut == stripped:
            return stripped, stripped != text.rstrip()
        stripped = cut


def undouble(text: str) -> str:
    """"A A" -> "A": an entry printed twice in a row (labels included) keeps one copy."""
    middle = len(text) // 2
    for k in (middle - 1, middle, middle + 1):
        if 0 < k < len(text) and text[k] == " " and text[:k] == text[k + 1:]:
            return text[:k]
    return text
