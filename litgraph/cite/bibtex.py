"""BibTeX (or biblatex) written with bibtexparser v2, safe in any bibliography style.

- Titles keep their capitals: an acronym or a word with a capital inside it
  (`{UK}`, `{McDonald}`) is always braced, and a capitalised word is braced
  unless it opens the title or a subtitle (`{Delphi}`, `{Australian}`), so a
  style that lower-cases titles leaves them alone.
- LaTeX specials (`& % $ # _ { } ~ ^ \\`) are escaped in every field but the DOI.
- Unicode is kept as it is (biber and modern BibTeX read UTF-8); `ascii=True`
  writes non-ASCII letters as LaTeX (`R{\\"u}sch`) for classic BibTeX.
- Corporate authors are braced (`{Department of Health}`); a truncated author
  list ends in `and others`, the BibTeX way to print "et al.", and only then.
- `biblatex=True` writes `journaltitle` and `date`, and biblatex entry types.
- Page ranges use `--` (an en dash).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .item import CiteItem, initials_with_dots

ENTRY_TYPE = {"journal-article": "article", "book": "book", "report": "techreport",
              "chapter": "incollection", "other": "misc"}
BIBLATEX_TYPE = {**ENTRY_TYPE, "report": "report"}
SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
SPECIAL_RE = re.compile(r"[\\&%$#_{}~^]")


def escape(text: str, ascii: bool = False) -> str:
    """LaTeX specials escaped; non-ASCII letters as LaTeX when `ascii`."""
    escaped = SPECIAL_RE.sub(lambda m: SPECIALS[m.group()], text)
    return to_latex(escaped) if ascii else escaped


def to_latex(text: str) -> str:
    """Non-ASCII characters as LaTeX, each command braced so case changes leave it alone."""
    if text.isascii():
        return text
    from pylatexenc.latexencode import UnicodeToLatexEncoder, get_builtin_conversion_rules

    encoder = UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                    conversion_rules=get_builtin_conversion_rules("defaults"),
                                    unknown_char_policy="keep")
    return encoder.unicode_to_latex(text)


def protect_title(title: str, ascii: bool = False) -> str:
    """The title escaped, with capitals a style must not lower-case in braces."""
    out, opens = [], True
    for token in re.split(r"(\s+)", title):
        word = re.sub(r"^\W+|\W+$", "", token)
        inner = any(c.isupper() for c in word[1:])
        if word and (inner or (word[0].isupper() and not opens)):
            lead, _, tail = token.partition(word)
            token = f"{escape(lead, ascii)}{{{escape(word, ascii)}}}{escape(tail, ascii)}"
        elif token.strip():
            token = escape(token, ascii)
        out.append(token)
        if token.strip():
            opens = bool(re.search(r"[:?!.]$", token))  # the next word opens a subtitle
    return "".join(out)


def bib_name(author, ascii: bool = False) -> str:
    if author.literal is not None:
        return "{" + escape(author.literal, ascii) + "}"
    given = initials_with_dots(author.given)
    family = escape(author.family or "", ascii)
    if " " in family:
        family = "{" + family + "}"
    return f"{family}, {escape(given, ascii)}" if given else family


def bib_authors(item: CiteItem, ascii: bool) -> str | None:
    if not item.authors:
        return None
    names = [bib_name(a, ascii) for a in item.authors]
    return " and ".join(names + (["others"] if item.et_al else []))


def bib_fields(item: CiteItem, ascii: bool = False, biblatex: bool = False) -> list[tuple[str, str]]:
    def text(value):
        return escape(value, ascii) if value else None

    year = str(item.year) if item.year is not None else None
    fields = [("author", bib_authors(item, ascii)),
              ("title", protect_title(item.title, ascii) if item.title else None),
              ("date" if biblatex else "year", year)]
    if item.type == "journal-article":
        fields += [("journaltitle" if biblatex else "journal", text(item.container)),
                   ("volume", text(item.volume)), ("number", text(item.issue))]
    elif item.type == "chapter":
        fields += [("booktitle", text(item.container))]
    else:
        fields += [("series", text(item.container)), ("number", text(item.issue or item.article_number))]
    return [(k, v) for k, v in fields + tail_fields(item, text, biblatex) if v]


def tail_fields(item: CiteItem, text, biblatex: bool) -> list[tuple[str, str | None]]:
    pages = f"{item.first_page}--{item.last_page}" if item.first_page and item.last_page else item.first_page
    if item.type == "journal-article" and not pages:
        pages = item.article_number
    return [("pages", text(pages)), ("institution" if item.type == "report" else "publisher", text(item.publisher)),
            ("location" if biblatex else "address", text(item.place)), ("doi", item.doi)]


def write_bibtex(items: Sequence[CiteItem], ascii: bool = False, biblatex: bool = False) -> str:
    """A .bib text with one entry per item, in the given order."""
    import bibtexparser
    from bibtexparser.model import Entry, Field

    types = BIBLATEX_TYPE if biblatex else ENTRY_TYPE
    library = bibtexparser.Library()
    for item in items:
        fields = [Field(k, v) for k, v in bib_fields(item, ascii, biblatex)]
        library.add(Entry(types[item.type], item.key, fields))
    return bibtexparser.write_string(library)
