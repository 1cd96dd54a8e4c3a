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

import gc
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ParsedReference
from .identifiers import take_doi, take_status, take_urls
from .normalise import normalise
from .reading import Reading, to_reference
from .styles import read_certain


CHUNK = 2000  # strings parsed together: the labeller's batch (crf.labeller.BATCH); only a chunk's
# tokens and labels are held at once, however long the list


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


def parse_references(raws: Sequence[str], model: str | Path | None = None) -> list[ParsedReference]:
    """`parse_reference` for each of `raws`, in order: the strings the labeller reads are labelled
    together, which is several times faster than one at a time (use this for a list).

    Example:
        >>> [ref.year for ref in parse_references(["Smith J. A title. J Test. 2001;1:1-2.", ""])]
        [2001, None]
    """
    checked(raws)
    with collection_paused():
        return [parse.reference for start in range(0, len(raws), CHUNK)
                for parse in explain_chunk(raws[start:start + CHUNK], model, False)]


def explain_reference(raw: str, model: str | Path | None = None, explain: bool = False) -> Parse:
    """`parse_reference` with how it was read; `explain` labels the tokens even for a seed style."""
    return explain_references([raw], model, explain)[0]


def explain_references(raws: Sequence[str], model: str | Path | None = None, explain: bool = False) -> list[Parse]:
    """`explain_reference` for each of `raws`, in order, the labeller's strings labelled together."""
    checked(raws)
    with collection_paused():
        return [parse for start in range(0, len(raws), CHUNK) for parse in explain_chunk(raws[start:start + CHUNK],
                                                                                          model, explain)]


def checked(raws: Sequence[str]) -> None:
    """Refuse what is not a string: a programming error, not bad input."""
    for raw in raws:
        if not isinstance(raw, str):
            raise TypeError(f"parse_reference expects a str, not {type(raw).__name__}")


def explain_chunk(raws: Sequence[str], model: str | Path | None, explain: bool) -> list[Parse]:
    """One chunk of a list: the strings the seed styles cannot read labelled together, then each one's fields."""
    prepared = [guarded(raw, prepare, raw) for raw in raws]
    wanted = [p for p in prepared if isinstance(p, Prepared) and (p.reading is None or explain)]
    labellings = dict(zip(map(id, wanted), label_all([p.text for p in wanted], model)))
    return [guarded(p.raw, finish, p, labellings.get(id(p))) if isinstance(p, Prepared) else p for p in prepared]


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a list is parsed, as it was before after. Parsing
    makes no reference cycles (tests/test_crf_decode.py checks), and its per-token caches grow by
    tens of thousands of objects that every collection would scan again: a quarter of the time of
    a list of new words."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class Prepared:
    """A string cleaned, its identifiers taken, and a certain seed style's reading (else None: the labeller reads)."""

    raw: str
    text: str
    doi: str | None
    notes: tuple[str, ...]
    reading: Reading | None


def guarded(raw: str, step, *args) -> Parse | Prepared:
    """`step(*args)`, or, if it fails, a record that keeps `raw` and says why (the contract: one
    record per string, whatever it holds); a bad model file is not a string's fault and is raised."""
    try:
        return step(*args)
    except Exception as exc:  # noqa: BLE001 - the contract: one record per string, whatever it holds
        from .crf.model import ModelError

        if isinstance(exc, ModelError):
            raise
        return Parse(ParsedReference(raw=raw, warnings=(f"could not be read ({type(exc).__name__}: {exc})",)))


def prepare(raw: str) -> Parse | Prepared:
    """Clean, refuse what is no reference, take identifiers, try the seed styles."""
    text, notes = normalise(raw)
    if not text.strip(" .,;:-"):
        return Parse(ParsedReference(raw=raw, warnings=notes + ("empty reference string",)), "none")
    if is_binary(text):
        return Parse(ParsedReference(raw=raw, warnings=notes + ("not a reference: mostly unprintable characters",)),
                     "none")
    doi, rest = take_doi(text)
    rest, status = take_status(take_urls(rest))
    reading = read_certain(rest, status)
    if reading is not None and status:
        notes += (f"marked '{status}'",)
    return Prepared(raw, text, doi, notes, reading)


def finish(prepared: Prepared, labelling) -> Parse:
    """The record: the seed style's reading, else the fields the labeller's `labelling` gives."""
    from .crf.fields import read_fields

    if prepared.reading is not None:
        return Parse(to_reference(prepared.raw, prepared.reading, prepared.doi, prepared.notes), "style", {},
                     labelling)
    if labelling is None:
        raise ValueError("the labeller could not read it")
    fields = read_fields(prepared.raw, labelling, prepared.doi, prepared.notes)
    return Parse(fields.reference, "crf", fields.confidence, labelling)


def label_all(texts: list[str], model: str | Path | None) -> list:
    """The labeller's reading of each of `texts` (together; one at a time if that fails, None for a
    string that fails alone). The model loads on first use."""
    from .crf.labeller import label_texts
    from .crf.model import ModelError

    try:
        return label_texts(texts, model)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - find the string at fault; the others are labelled as usual
        return [one_label(text, model) for text in texts]


def one_label(text: str, model: str | Path | None):
    """One string's labelling, or None if the labeller fails on it."""
    from .crf.labeller import label_text
    from .crf.model import ModelError

    try:
        return label_text(text, model)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - `finish` turns None into the string's warning
        return None


def is_binary(text: str) -> bool:
    """More than a tenth of the first 2,000 characters are controls or replacement characters."""
    sample = text[:2000]
    if sample.isprintable() and "\ufffd" not in sample:  # the common case, without a look at each character
        return False
    odd = sum(1 for ch in sample if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
    return odd * 10 > len(sample)
