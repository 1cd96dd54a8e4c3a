"""Key patterns: how new citation keys are minted, in the manner of Better BibTeX.

A pattern is text with fields in brackets; each field may carry filters after
colons. Fields:

- `[auth]`: the first author's family name (letters only, folded to ASCII); a
  corporate author gives the initials of its significant words (`DH`).
- `[authors]`, `[authorsN]`: the family names of every author, or of the first N.
- `[year]`: the year, or `nd`.
- `[shorttitle]`: the first three significant title words, capitalised (`[shorttitle:N]`: N words).
- `[veryshorttitle]`: the first significant title word, capitalised.
- `[title]`: every significant title word, capitalised.

Filters: `lower`, `upper`, or a number of words (title fields). Text outside
brackets is copied. The default, `[auth:lower][year][shorttitle:1:lower]`,
gives `sells2006treatment`.

    >>> from litgraph.model import Author, Work
    >>> w = Work("w", None, "The treatment relationship", 2006, (Author("Sells", "DL"),), "journal-article",
    ...          None, None, None, None, None, None, None, None)
    >>> render_pattern(parse_pattern("[auth:lower][year][shorttitle:1]"), w)
    'sells2006Treatment'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError

DEFAULT_PATTERN = "[auth:lower][year][shorttitle:1:lower]"
STOP_WORDS = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "what", "how", "is", "are"}
FIELDS = ("auth", "authors", "year", "shorttitle", "veryshorttitle", "title")
KEY_CHARS = re.compile(r"[A-Za-z0-9_:.\-]*")


@dataclass(frozen=True, slots=True)
class Part:
    """Literal text (`field` None) or a field with its filters."""

    text: str
    field: str | None = None
    count: int | None = None
    case: str | None = None


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def parse_pattern(pattern: str) -> tuple[Part, ...]:
    """The parts of a pattern; an unknown field or filter is an InputError naming it."""
    parts: list[Part] = []
    for literal, spec in re.findall(r"([^\[]*)(?:\[([^\]]*)\])?", pattern):
        if not KEY_CHARS.fullmatch(literal) or "]" in literal:
            raise InputError(f"key format {pattern!r}: {literal!r} has characters a key cannot hold")
        if literal:
            parts.append(Part(literal))
        if spec:
            parts.append(field_part(pattern, spec))
    if not any(p.field for p in parts):
        raise InputError(f"key format {pattern!r} has no field (e.g. [auth], [year], [shorttitle])")
    return tuple(parts)


def field_part(pattern: str, spec: str) -> Part:
    name, *filters = spec.split(":")
    count = None
    if m := re.fullmatch(r"authors(\d+)", name):
        name, count = "authors", int(m.group(1))
    if name not in FIELDS:
        raise InputError(f"key format {pattern!r}: unknown field [{name}]; known: {', '.join(FIELDS)}")
    case = None
    for f in filters:
        if f.isdigit():
            count = int(f)
        elif f in ("lower", "upper"):
            case = f
        else:
            raise InputError(f"key format {pattern!r}: unknown filter {f!r} in [{spec}]; known: lower, upper, N")
    return Part("", name, count, case)


def render_pattern(parts: tuple[Part, ...], work) -> str:
    """The key a pattern gives a work (before any de-duplicating suffix)."""
    out = []
    for part in parts:
        value = part.text if part.field is None else field_value(part, work)
        out.append(value.lower() if part.case == "lower" else value.upper() if part.case == "upper" else value)
    return "".join(out)


def field_value(part: Part, work) -> str:
    if part.field == "year":
        return str(work.year) if work.year else "nd"
    if part.field == "auth":
        return name_part(work.authors[0]) if work.authors else "Anon"
    if part.field == "authors":
        return "".join(name_part(a) for a in work.authors[:part.count]) or "Anon"
    words = title_words(work.title)
    count = {"shorttitle": 3, "veryshorttitle": 1, "title": len(words)}[part.field]
    return "".join(w[:1].upper() + w[1:] for w in words[:part.count or count])


def name_part(author) -> str:
    if author.literal is not None:
        words = re.findall(r"[A-Za-z]+", ascii_fold(author.literal))
        return "".join(w[0].upper() for w in words if w.lower() not in STOP_WORDS) or "Anon"
    return re.sub(r"[^A-Za-z]", "", ascii_fold(author.family or "")) or "Anon"


def title_words(title: str | None) -> list[str]:
    """Significant words of a title, lower case ASCII letters and digits."""
    return [w for w in re.findall(r"[a-z0-9]+", ascii_fold(title or "").lower()) if w not in STOP_WORDS]
