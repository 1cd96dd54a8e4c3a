"""CSL-JSON items (the input of citeproc and of most reference managers).

A truncated author list (the source printed "et al.") has no standard CSL
variable. Exported CSL-JSON carries the names known and `"custom": {"et-al":
true}` (CSL 1.0.2's field for data without a variable), never a name
"others", which styles would print as an author ("& others"). For rendering,
styled.py adds a placeholder name instead and turns it into the style's "et al.".
"""

from __future__ import annotations

from .item import CiteItem, initials_with_dots

ET_AL_PLACEHOLDER = "Zqxetalplaceholder"      # after two or more names
ET_AL_PLACEHOLDER_ONE = "Zqxetalafterone"      # after a single name ("contextual": no delimiter)
CSL_TYPE = {"journal-article": "article-journal", "book": "book", "report": "report",
            "chapter": "chapter", "other": "document"}


def csl_item(item: CiteItem, for_style: bool = False) -> dict[str, object]:
    """One CSL-JSON item; the citation key is both `id` and `citation-key`.

    `for_style`: the item goes to citeproc, a truncated list ending in the placeholder name.
    """
    data: dict[str, object] = {"id": item.key, "citation-key": item.key, "type": CSL_TYPE[item.type]}
    if item.authors:
        data["author"] = [csl_name(a) for a in item.authors]
        if item.et_al and for_style:
            data["author"].append({"literal": ET_AL_PLACEHOLDER if len(item.authors) > 1 else ET_AL_PLACEHOLDER_ONE})
        elif item.et_al:
            data["custom"] = {"et-al": True}
    if item.year is not None:
        data["issued"] = {"date-parts": [[item.year]]}
    optional = {"title": item.title, "container-title": item.container, "volume": item.volume,
                "issue": item.issue, "page": page_range(item), "number": item.article_number,
                "publisher": item.publisher, "publisher-place": item.place, "DOI": item.doi}
    data.update({k: v for k, v in optional.items() if v})
    return data


def csl_name(author) -> dict[str, str]:
    if author.literal is not None:
        return {"literal": author.literal}
    name = {"family": author.family or ""}
    given = initials_with_dots(author.given)
    if given:
        name["given"] = given
    return name


def page_range(item: CiteItem) -> str | None:
    if item.first_page and item.last_page:
        return f"{item.first_page}-{item.last_page}"
    return item.first_page or item.article_number
