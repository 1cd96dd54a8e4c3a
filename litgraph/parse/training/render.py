"""CSL-JSON records rendered through one style, with the variable behind every character.

Each batch is rendered twice: through the style as published and through its marked copy
(`styles.add_marks`). The marks are read and removed (`decode`) and the result aligned to the
plain rendering (`aligned`); a record whose text differs otherwise is dropped and counted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .styles import MARK_VARIABLE, is_mark, load_style

SEAM_PUNCTUATION = frozenset(".,;:!?")
TAG = re.compile(r"<[^>]+>")
MACROS: dict = {}


@dataclass(frozen=True, slots=True)
class Rendered:
    """A printed reference and, per character, the CSL variable that printed it (or None)."""

    text: str
    variables: tuple[str | None, ...]


def render_batch(items: Sequence[Mapping], style: str) -> list[Rendered | None]:
    """One `Rendered` per item, in order; None where citeproc-py failed on the item, left it
    out, or printed it differently with marks."""
    try:
        with cached_macros():
            plain = bibliography(items, style, marked=False)
            marked = bibliography(items, style, marked=True)
    except Exception:  # citeproc-py fails in many ways on a few records in some styles
        plain = marked = []
    if len(plain) == len(marked) == len(items):
        return [aligned(decode(m), p) for m, p in zip(marked, plain)]
    if len(items) == 1:
        return [None]
    # a failure, or a style that left items out: one at a time, so no label lands on another item
    return [result for item in items for result in render_batch([item], style)]


@contextmanager
def cached_macros() -> Iterator[None]:
    """citeproc-py looks each macro up by XPath on every use (most of its time); remember them.

    Only while rendering here: the lookup is a pure function of the style and the name.
    """
    from citeproc.model import CitationStylesElement

    lookup = CitationStylesElement.get_macro

    def get_macro(element, name):
        key = (element.get_root(), name)
        if key not in MACROS:
            MACROS[key] = lookup(element, name)
        return MACROS[key]

    CitationStylesElement.get_macro = get_macro
    try:
        yield
    finally:
        CitationStylesElement.get_macro = lookup


def bibliography(items: Sequence[Mapping], style: str, marked: bool) -> list[str]:
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON([dict(item) for item in items])
        bib = CitationStylesBibliography(load_style(style, marked), source, formatter.html)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        return [html.unescape(TAG.sub("", str(entry))) for entry in bib.bibliography()]


def decode(marked: str) -> Rendered:
    """The text without marks, each character with the innermost variable open around it."""
    chars: list[str] = []
    variables: list[str | None] = []
    stack: list[str] = []
    for ch in marked:
        if is_mark(ch):
            toggle(stack, ch)
        else:
            chars.append(ch)
            variables.append(MARK_VARIABLE.get(stack[-1]) if stack else None)
    return Rendered("".join(chars), tuple(variables))


def toggle(stack: list[str], mark: str) -> None:
    if stack and stack[-1] == mark:
        stack.pop()
    elif mark in stack:
        stack.remove(mark)
    else:
        stack.append(mark)


def aligned(rendered: Rendered, plain: str) -> Rendered | None:
    """`rendered` made to read as `plain`, or None.

    Where citeproc-py joins two pieces it drops a doubled space or punctuation mark; a mark
    between them hides the doubling, so the decoded text may keep a character the plain
    rendering dropped. Only such characters are removed; any other difference is a failure.
    """
    keep, j = [], 0
    for i, ch in enumerate(rendered.text):
        if j < len(plain) and plain[j] == ch:
            keep.append(i)
            j += 1
        elif not (i and seam_drops(rendered.text[i - 1], ch)):
            return None
    if j != len(plain):
        return None
    return Rendered(plain, tuple(rendered.variables[i] for i in keep))


def seam_drops(last: str, first: str) -> bool:
    """citeproc-py's `normalize_seam`: a doubled space or punctuation mark is dropped."""
    return last == first and (first == " " or first in SEAM_PUNCTUATION)
