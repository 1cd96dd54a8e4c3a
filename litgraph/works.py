"""Read works back from the built graph, in the JSON shape of `litgraph works`."""

from __future__ import annotations

from collections import defaultdict

from .queries import get_query, short_work
from .store import GraphStore

TYPE_NAMES = {
    "http://purl.org/spar/fabio/JournalArticle": "journal-article",
    "http://purl.org/spar/fabio/Book": "book",
    "http://purl.org/spar/fabio/ReportDocument": "report",
    "http://purl.org/spar/fabio/BookChapter": "chapter",
    "http://purl.org/spar/fabio/Expression": "other",
}


def read_works(store: GraphStore) -> list[dict[str, object]]:
    """One dict per work: id, doi, title, year, authors, type, members."""
    authors = defaultdict(list)
    for row in store.select(get_query("_work-authors").text).rows:
        authors[row["work"]].append(author_dict(row))
    members = defaultdict(list)
    for row in store.select(get_query("_seed-papers").text).rows:
        members[row["work"]].append({"paper_doi": row["doi"], "list": "paper", "position": None})
    for row in store.select(get_query("_work-members").text).rows:
        member = {"paper_doi": row["paper_doi"], "list": row["list"], "position": row["position"]}
        if row["list"] == "library":
            member["library"] = row["library"]
        members[row["work"]].append(member)
    return [
        {"id": short_work(row["work"]), "doi": row["doi"], "title": row["title"], "year": row["year"],
         "authors": authors[row["work"]], "type": TYPE_NAMES[row["type"]],
         "members": members[row["work"]]}
        for row in store.select(get_query("_works").text).rows
    ]


def author_dict(row: dict[str, object]) -> dict[str, object]:
    if row["literal"] is not None:
        return {"literal": row["literal"]}
    return {"family": row["family"], "given": row["given"]}
