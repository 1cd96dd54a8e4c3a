"""The offline search: an index of titles and authors as a script file, and the search page.

The index is a `.js` file (not JSON) so that the page also works opened from disk,
where browsers refuse to fetch files; assets/search.js does the matching.
"""

from __future__ import annotations

import json

from .fragments import Context
from .html import page
from .pages_map import footer_text
from .pages_works import authors_text


def search_index(ctx: Context) -> str:
    """`window.LITGRAPH_SEARCH = [...]`: works (title, authors, year) and the factor, domain and outcome pages."""
    entries = []
    for iri, name in sorted(ctx.work_files.items(), key=lambda x: x[1]):
        item = ctx.data.works[iri]
        entries.append({"t": item.title or item.key, "a": authors_text(item), "y": item.year,
                        "k": "work", "u": f"work/{name}"})
    for grid, schemes in ((ctx.domains, ("domain", "factor")), (ctx.outcomes, ("outcome",))):
        seen = set()
        for row in grid.rows:
            if row.kind in schemes and (row.kind, row.concept.slug) not in seen:
                seen.add((row.kind, row.concept.slug))
                entries.append({"t": row.concept.label, "a": "", "y": None, "k": row.kind,
                                "u": f"{row.kind}/{row.concept.slug}.html"})
    return "window.LITGRAPH_SEARCH = " + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def search_page(ctx: Context) -> str:
    body = ('<h1>Search</h1>'
            '<form id="search-form" class="search-page" action="search.html" method="get" role="search">'
            '<label for="q">Words from a title, an author\'s name, a factor or an outcome</label>'
            '<input id="q" name="q" type="search" autocomplete="off" autofocus>'
            '<button type="submit">Search</button></form>'
            '<p id="search-status" role="status" aria-live="polite"></p><ol id="search-results" class="results"></ol>'
            '<noscript><p>Search needs JavaScript. Without it, browse <a href="works.html">every work</a> '
            'or the <a href="map.html">evidence map</a>.</p></noscript>')
    return page("Search", body, 0, "search.html", footer_text(ctx),
                scripts=("assets/search-index.js", "assets/search.js"))
