"""Read citable works from the store as CiteItems."""

from __future__ import annotations

from collections import defaultdict

from ..model import Author
from ..queries import get_query, short_work
from ..store import GraphStore
from ..works import TYPE_NAMES
from .item import CiteItem

TEXT_FIELDS = ("title", "container", "volume", "issue", "first_page", "last_page", "article_number",
               "publisher", "place", "doi")


def read_items(store: GraphStore) -> dict[str, CiteItem]:
    """Every work in the graph as a CiteItem, keyed by work IRI."""
    authors: dict[str, list[Author]] = defaultdict(list)
    for row in store.select(get_query("_work-authors").text).rows:
        authors[row["work"]].append(Author(family=row["family"], given=row["given"], literal=row["literal"]))
    items = {}
    for row in store.select(get_query("_cite-items").text).rows:
        text = {name: str(row[name]) if row[name] is not None else None for name in TEXT_FIELDS}
        items[row["work"]] = CiteItem(
            key=row["key"] or short_work(row["work"]).replace("/", ":"), work=row["work"],
            type=TYPE_NAMES[row["type"]], authors=tuple(authors[row["work"]]),
            year=row["year"], et_al=row.get("et_al") is True, **text)
    return items
