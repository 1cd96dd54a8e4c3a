"""parse_reference: one printed reference string in, one ParsedReference out."""

from __future__ import annotations

from ..model import ParsedReference
from .identifiers import take_doi, take_status, take_urls
from .normalise import normalise
from .reading import to_reference
from .styles import read_any


def parse_reference(raw: str) -> ParsedReference:
    """Read the fields of one printed reference string.

    Never raises on a string: what cannot be read is left empty and explained
    in `warnings`, and `raw` is always kept unchanged.

    Args:
        raw: The printed reference, without its list number.

    Returns:
        The parsed record.

    Raises:
        TypeError: `raw` is not a string (a programming error, not bad input).

    Example:
        >>> ref = parse_reference("Mead S, MacNeil C: Peer support: what makes It unique?. "
        ...                       "Int J Psychosoc Rehab. 2006, 10 (2): 29-37.")
        >>> ref.title, ref.container, ref.volume, ref.issue, ref.first_page, ref.last_page
        ('Peer support: what makes It unique?', 'Int J Psychosoc Rehab', '10', '2', '29', '37')
    """
    if not isinstance(raw, str):
        raise TypeError(f"parse_reference expects a str, not {type(raw).__name__}")
    try:
        return read_reference(raw)
    except Exception as exc:  # noqa: BLE001 - the contract: one record per string, whatever it holds
        return ParsedReference(raw=raw, warnings=(f"could not be read ({type(exc).__name__}: {exc})",))


def read_reference(raw: str) -> ParsedReference:
    """The parse proper: clean, take identifiers, read in the recognised style."""
    text, notes = normalise(raw)
    if not text.strip(" .,;:-"):
        return ParsedReference(raw=raw, warnings=notes + ("empty reference string",))
    doi, text = take_doi(text)
    text, status = take_status(take_urls(text))
    if status:
        notes += (f"marked '{status}'",)
    return to_reference(raw, read_any(text, status), doi, notes)
