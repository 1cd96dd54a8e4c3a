"""Clean a printed reference string before it is read.

Captures of reference lists carry noise that is not part of the reference:
a leading list number, runs of whitespace, link labels glued on the end
("...1179.CrossRefPubMed", "...8296.Google Scholar"), a leading "go back to
reference", inline formatting tags kept from HTML or JATS (`<italic>Brain</italic>`), and
sometimes the whole entry printed twice. These functions
remove that noise and nothing else; and letters a capture decomposed (`a` and a
combining acute for `á`, as PDF extraction leaves them) are composed again (NFC).
"""

from __future__ import annotations

import re
import unicodedata

# "[12] text", "12<TAB>text", "12. text", "12) text". The dotted form stops at
# three digits so that a year opening an entry ("1998. Title") is not a number.
POSITION = re.compile(r"\s*(?:\[(\d{1,4})\][ \t]*|(\d{1,4})\t[ \t]*|(\d{1,3})[.)][ \t]+)")

LINK_LABELS = (
    "PubMed Central", "PubMedCentral", "PubMed", "CrossRef", "Crossref", "Google Scholar",
    "Web of Science", "MathSciNet", "MEDLINE", "View Article", "Free Full Text", "Full Text",
)
TRAILING_LABEL = re.compile(r"(?:%s)\s*$" % "|".join(re.escape(label) for label in LINK_LABELS))
LEADING_LABEL = re.compile(r"^\s*(?:go back to reference|go to reference)\s+", re.IGNORECASE)
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Inline formatting a capture from HTML or JATS keeps: "<italic>Brain</italic>, <i>29</i>(10)".
MARKUP = re.compile(r"</?(?:i|b|em|strong|italic|bold|sup|sub|sc|u|span|tt)(?:\s[^<>]*)?>", re.IGNORECASE)


def split_position(line: str) -> tuple[int | None, str]:
    """Split a leading list number from a printed line.

    Args:
        line: One printed line, e.g. ``"12. Sells DL ..."``.

    Returns:
        ``(number, rest)`` when the line opens with ``12.``, ``[12]``,
        ``12)`` or ``12<TAB>``; else ``(None, line)`` unchanged.

    Example:
        >>> split_position("[12] Sells DL: Title.")
        (12, 'Sells DL: Title.')
        >>> split_position("Sells DL: Title.")
        (None, 'Sells DL: Title.')
    """
    match = POSITION.match(line)
    if match is None or match.end() == len(line.rstrip("\r\n")):
        return None, line
    number = next(group for group in match.groups() if group)
    return int(number), line[match.end():].rstrip("\r\n")


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace (including non-breaking spaces) become one space; formatting tags go.

    Example:
        >>> collapse_whitespace("<italic>Brain</italic>,  <i>29</i>(10)")
        'Brain, 29(10)'
    """
    text = INVISIBLE.sub("", text)
    return " ".join((MARKUP.sub("", text) if "<" in text else text).split())


def strip_link_labels(text: str) -> str:
    """Remove the link labels a web page glued to the end of the entry."""
    while True:
        match = TRAILING_LABEL.search(text) if text.rstrip().endswith(LINK_LABELS) else None  # most end in none
        if match is None:
            return text
        text = text[:match.start()].rstrip()


def undouble(text: str) -> tuple[str, bool]:
    """Keep one copy of an entry a capture printed twice ("A A" -> "A")."""
    middle = len(text) // 2
    if len(text) > 40 and len(text) % 2 == 1 and text[middle] == " " \
            and text[:middle] == text[middle + 1:]:
        return text[:middle], True
    return text, False


def composed(text: str) -> str:
    """`text` in Unicode's composed form (NFC): "Ma\u0301rio" -> "Mário".

    Example:
        >>> composed("Ma\u0301rio") == "M\u00e1rio"
        True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalise(raw: str) -> tuple[str, tuple[str, ...]]:
    """The text to read from `raw`, and warnings about what was removed.

    Example:
        >>> normalise("3. Min S: Title. J. 2007, 30: 207-213.CrossRefPubMed")
        ('Min S: Title. J. 2007, 30: 207-213.', ())
    """
    _, text = split_position(raw)
    text = LEADING_LABEL.sub("", collapse_whitespace(composed(text)))
    text, doubled = undouble(text)
    text, doubled_bare = undouble(strip_link_labels(text))
    doubled = doubled or doubled_bare
    warnings = ("entry printed twice; one copy read",) if doubled else ()
    return text, warnings
