"""BibTeX written with bibtexparser v2.

Corporate authors are braced (`{Department of Health}`) so BibTeX never splits
them; non-ASCII letters are written as LaTeX (`R{\\"u}sch`), which classic
BibTeX, biber and pybtex all read; page ranges use `--` (an en dash).
"""

from __future__ import annotations

from collections.abc import Sequence

from .item import CiteItem, initials_with_dots

ENTRY_TYPE = {"journal-article": "article", "book": "book", "report": "techreport",
              "chapter": "incollection", "other": "misc"}


def to_latex(text: str) -> str:
    """Non-ASCII characters as LaTeX, each command braced so case changes leave it alone."""
    if text.isascii():
        return text
    from pylatexenc.latexencode import UnicodeToLatexEncoder, get_builtin_conversion_rules

    encoder = UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                    conversion_rules=get_builtin_conversion_rules("defaults"),
                                    unknown_char_policy="keep")
    return encoder.unicode_to_latex(text)


def bib_name(author) -> str:
    if author.literal is not None:
        return "{" + to_latex(author.literal) + "}"
    given = initials_with_dots(author.given)
    family = to_latex(author.family or "")
    if " " in family:
        family = "{" + family + "}"
    return f"{family}, {to_latex(given)}" if given else family


def bib_fields(item: CiteItem) -> list[tuple[str, str]]:
    fields = [("author", " and ".join(bib_name(a) for a in item.authors) if item.authors else None),
              ("title", to_latex(item.title) if item.title else None),
              ("year", str(item.year) if item.year is not None else None)]
    container = to_latex(item.container) if item.container else None
    if item.type == "journal-article":
        fields += [("journal", container), ("volume", item.volume), ("number", item.issue)]
    elif item.type == "chapter":
        fields += [("booktitle", container)]
    else:
        fields += [("series", container), ("number", item.issue or item.article_number)]
    pages = f"{item.first_page}--{item.last_page}" if item.first_page and item.last_page else item.first_page
    if item.type == "journal-article" and not pages:
        pages = item.article_number
    publisher = to_latex(item.publisher) if item.publisher else None
    fields += [("pages", pages),
               ("institution" if item.type == "report" else "publisher", publisher),
               ("address", to_latex(item.place) if item.place else None), ("doi", item.doi)]
    return [(k, v) for k, v in fields if v]


def write_bibtex(items: Sequence[CiteItem]) -> str:
    """A .bib text with one entry per item, in the given order."""
    import bibtexparser
    from bibtexparser.model import Entry, Field

    library = bibtexparser.Library()
    for item in items:
        fields = [Field(k, v) for k, v in bib_fields(item)]
        library.add(Entry(ENTRY_TYPE[item.type], item.key, fields))
    return bibtexparser.write_string(library)
