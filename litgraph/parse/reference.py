"""parse_reference: one printed reference string in, one ParsedReference out.

The order, one path per field:

1. `normalise`: list number, whitespace, link labels;
2. `identifiers`: the DOI (always read here), URLs and "in press" notes;
3. `styles.read_certain`: a seed style (BMC, Vancouver, author-date) that
   recognises the string with certainty reads every field;
4. otherwise the trained labeller (`crf`) labels the tokens and
   `crf.fields` turns the labels into fields.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ParsedReference
from .identifiers import take_doi, take_status, take_urls
from .normalise import normalise
from .reading import to_reference
from .styles import read_certain


@dataclass(frozen=True, slots=True)
class Parse:
    """A parsed reference, how it was read, and each field's confidence (labeller only)."""

    reference: ParsedReference
    reader: str = "crf"
    confidence: dict[str, float] = field(default_factory=dict)
    labelling: object = None  # crf.labeller.Labelling, when the labeller ran


def parse_reference(raw: str, model: str | Path | None = None) -> ParsedReference:
    """Read the fields of one printed reference string.

    Never raises on a string: what cannot be read is left empty and explained
    in `warnings`, and `raw` is always kept unchanged.

    Args:
        raw: The printed reference, without its list number.
        model: A CRF model file to use instead of the shipped one.

    Returns:
        The parsed record.

    Raises:
        TypeError: `raw` is not a string (a programming error, not bad input).
        ModelError: The model file is missing or corrupt.

    Example:
        >>> ref = parse_reference("Mead S, MacNeil C: Peer support: what makes It unique?. "
        ...                       "Int J Psychosoc Rehab. 2006, 10 (2): 29-37.")
        >>> ref.title, ref.container, ref.volume, ref.issue, ref.first_page, ref.last_page
        ('Peer support: what makes It unique?', 'Int J Psychosoc Rehab', '10', '2', '29', '37')
    """
    return explain_reference(raw, model).reference


def explain_reference(raw: str, model: str | Path | None = None, explain: bool = False) -> Parse:
    """`parse_reference` with how it was read; `explain` labels the tokens even for a seed style."""
    from .crf.model import ModelError

    if not isinstance(raw, str):
        raise TypeError(f"parse_reference expects a str, not {type(raw).__name__}")
    try:
        return read_reference(raw, model, explain)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract: one record per string, whatever it holds
        return Parse(ParsedReference(raw=raw, warnings=(f"could not be read ({type(exc).__name__}: {exc})",)))


def read_reference(raw: str, model: str | Path | None, explain: bool) -> Parse:
    """The parse proper: clean, take identifiers, then a certain seed style or the labeller."""
    text, notes = normalise(raw)
    if not text.strip(" .,;:-"):
        return Parse(ParsedReference(raw=raw, warnings=notes + ("empty reference string",)), "none")
    if is_binary(text):
        return Parse(ParsedReference(raw=raw, warnings=notes + ("not a reference: mostly unprintable characters",)),
                     "none")
    doi, rest = take_doi(text)
    rest, status = take_status(take_urls(rest))
    reading = read_certain(rest, status)
    if reading is not None:
        notes += (f"marked '{status}'",) if status else ()
        return Parse(to_reference(raw, reading, doi, notes), "style", {},
                     label(text, model) if explain else None)
    return read_labelled(raw, text, doi, notes, model)


def is_binary(text: str) -> bool:
    """More than a tenth of the first 2,000 characters are controls or replacement characters."""
    sample = text[:2000]
    if sample.isprintable() and "\ufffd" not in sample:  # the common case, without a look at each character
        return False
    odd = sum(1 for ch in sample if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
    return odd * 10 > len(sample)


def label(text: str, model: str | Path | None):
    """The labeller's reading of `text` (imported here: python-crfsuite loads on first use)."""
    from .crf.labeller import label_text

    return label_text(text, model)


def read_labelled(raw: str, text: str, doi: str | None, notes: tuple[str, ...], model: str | Path | None) -> Parse:
    """The fields the labeller reads from `text`."""
    from .crf.fields import read_fields

    labelling = label(text, model)
    fields = read_fields(raw, labelling, doi, notes)
    return Parse(fields.reference, "crf", fields.confidence, labelling)
