"""The overview page, the works index, and a page per work (what it cites, what cites it, its findings)."""

from __future__ import annotations

from ..cite.item import CiteItem
from .fragments import Context, entry_anchor, finding_brief, findings_list
from .html import esc, link, page
from .pages_map import footer_text
from .refs import reference_order, short_label

TICK = '✓<span class="visually-hidden"> cites</span>'
LIST_NAMES = {"references": "reference list", "cited_by": '"Cited by" list'}


def authors_text(item: CiteItem) -> str:
    names = [a.literal or " ".join(x for x in (a.family, a.given) if x) for a in item.authors]
    return "; ".join(names) or "no author recorded"


def sort_key(ctx: Context, iri: str) -> tuple:
    return reference_order(ctx.data.works[iri])


def work_list(ctx: Context, iris, root: str) -> str:
    items = [f"<li>{ctx.reference(i, root)}</li>" for i in sorted(set(iris), key=lambda i: sort_key(ctx, i))]
    return f'<ul class="refs">{"".join(items)}</ul>' if items else "<p>None in the graph.</p>"


def printed_entries(ctx: Context, iri: str) -> str:
    rows = []
    for e in ctx.data.entries.get(iri, []):
        where = f"{ctx.work_link(e['paper'], '../')} {LIST_NAMES.get(e['list'], e['list'])}, entry {esc(e['position'])}"
        anchor = entry_anchor(ctx.work_files.get(e["paper"], "paper"), e["list"], e["position"])
        rows.append(f'<li id="{esc(anchor)}">{where}: <q>{esc(e["text"])}</q></li>')
    return f'<ul class="printed">{"".join(rows)}</ul>' if rows else "<p>Not printed in any list the corpus holds.</p>"


def facts(item: CiteItem, seed: bool) -> str:
    pairs = [("Authors", esc(authors_text(item))), ("Year", esc(item.year or "no year")),
             ("Published in", esc(item.container or "—")), ("Citation key", f"<code>{esc(item.key)}</code>")]
    if item.doi:
        pairs.append(("DOI", f'<a href="https://doi.org/{esc(item.doi)}" rel="external">{esc(item.doi)}</a>'))
    if seed:
        pairs.append(("Role", "seed paper: its text is in the corpus"))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"


def work_page(ctx: Context, iri: str) -> str:
    item = ctx.data.works[iri]
    supports = [finding_brief(ctx, f, "../") for f in ctx.data.findings if f["source"]["work"] == iri]
    reported = [finding_brief(ctx, f, "../") for f in ctx.data.findings
                if item.doi and (f["reported_in"] or "").lower() == item.doi.lower()]
    cites, cited_by = ctx.data.cites(iri), ctx.data.cited_by(iri)
    parts = [
        f'<nav class="crumbs" aria-label="Breadcrumb">{link("../works.html", "Works")} › {esc(short_label(item))}</nav>',
        f"<h1>{esc(item.title or short_label(item))}</h1>",
        f'<p class="formatted">{ctx.refs.get(iri, "")}</p>', facts(item, iri in ctx.data.seeds),
        f'<section id="findings"><h2>Findings it supports ({len(supports)})</h2>{findings_list(supports, "findings brief")}</section>',
    ]
    if reported:
        parts.append(f'<section id="reported"><h2>Findings coded from this paper ({len(reported)})</h2>'
                     f'{findings_list(reported, "findings brief")}</section>')
    parts += [f'<section id="cites"><h2>Cites ({len(set(cites))})</h2>{work_list(ctx, cites, "../")}</section>',
              f'<section id="cited-by"><h2>Cited by ({len(set(cited_by))})</h2>{work_list(ctx, cited_by, "../")}</section>',
              f'<section id="printed"><h2>As printed in the lists</h2>{printed_entries(ctx, iri)}</section>']
    return page(short_label(item), "".join(parts), 1, "works.html", footer_text(ctx))


def works_index(ctx: Context) -> str:
    rows = []
    for iri in sorted(ctx.work_files, key=lambda i: sort_key(ctx, i)):
        item = ctx.data.works[iri]
        supports = sum(f["source"]["work"] == iri for f in ctx.data.findings)
        rows.append(f"<tr><td>{esc(authors_text(item))}</td><td>{esc(item.year or '')}</td>"
                    f"<td>{link('work/' + ctx.work_files[iri], item.title or item.key)}</td>"
                    f"<td class='num'>{len(set(ctx.data.cited_by(iri)))}</td><td class='num'>{supports}</td></tr>")
    table = ('<div class="table-wrap" role="region" aria-label="Works" tabindex="0"><table class="works">'
             f'<caption>{len(rows)} works, by first author</caption><thead><tr><th scope="col">Authors</th>'
             '<th scope="col">Year</th><th scope="col">Title</th><th scope="col">Cited by</th>'
             f'<th scope="col">Findings</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    return page("Works", f"<h1>Works</h1><p>Every work in the graph, each once however differently the lists "
                         f"print it.</p>{table}", 0, "works.html", footer_text(ctx))


def overview(ctx: Context) -> str:
    c, b = ctx.data.counts, ctx.data.build
    numbers = [("seed papers", c["papers"]), ("works", c["works"]), ("reference-list entries", c["reference_entries"]),
               ("cited-by entries", c["cited_by_entries"]), ("citations between works", c["citations"]),
               ("coded findings", c["findings"]), ("equivocal outcomes", len(ctx.data.equivocal))]
    counts = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in numbers)
    built = (f"The graph file <code>{esc(b['built_from'])}</code> was written {esc(b['built'])} (its file time; "
             "the graph itself records no time, so one corpus always builds to the same bytes)."
             if b.get("built") else "The graph was read from a store with no local build file, so no build time is known.")
    corpus = (f"Built from the corpus with digest <code>{esc(b['digest'])}</code> ({esc(b['files'])} corpus files)."
              if b.get("digest") else "The graph holds no build record (lgd:build), so its corpus is not known.")
    provenance = f"<p>{corpus} {built}</p>"
    seeds = work_list(ctx, ctx.data.seeds, "")
    pages = [("map.html", "Evidence map", "domains, factors and outcomes by study design, with the findings behind each cell"),
             ("equivocal.html", "Equivocal outcomes", "where trials and non-randomised studies disagree, side by side"),
             ("network.html", "Citation network", "the seed papers and the works they share"),
             ("works.html", "Works", "every work, with what it cites, what cites it and the findings it supports"),
             ("search.html", "Search", "titles and authors (needs JavaScript; works offline)")]
    toc = "".join(f"<li>{link(h, t)}: {esc(d)}</li>" for h, t, d in pages)
    body = (f"<h1>Evidence report</h1>"
            f"<p>A static report of the litgraph knowledge graph: the seed papers, the works their reference "
            f"lists cite, and the findings coded from them.</p><dl class=\"counts\">{counts}</dl>{provenance}"
            f"<h2>Pages</h2><ul>{toc}</ul><h2>Seed papers</h2>{seeds}")
    return page("Overview", body, 0, "index.html", footer_text(ctx))


def network_page(ctx: Context, svg: str) -> str:
    """The citation network picture, inline (so its links work), and the same as a table."""
    from .network import shared_groups

    seeds = tuple(sorted(ctx.data.seeds, key=lambda s: sort_key(ctx, s)))
    groups = shared_groups(seeds, ctx.data.citations)
    heads = "".join(f'<th scope="col">{ctx.work_link(s, "")}</th>' for s in seeds)
    rows = []
    for group in groups:
        for w in sorted(group.works, key=lambda w: sort_key(ctx, w)):
            marks = "".join(f"<td>{TICK if s in group.seeds else ''}</td>" for s in seeds)
            rows.append(f'<tr><th scope="row">{ctx.work_link(w, "")}</th>{marks}</tr>')
    table = ('<div class="table-wrap" role="region" aria-label="Shared works" tabindex="0"><table class="shared">'
             '<caption>The shared works and the seed papers that cite them</caption>'
             f'<thead><tr><th scope="col">Work</th>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    body = ("<h1>Citation network</h1><p>The seed papers (top), the citations between them (arcs), and the works "
            "that two or more of them cite, grouped by which seeds cite them; an edge's width grows with the "
            "number of works in the group. Every name links to its work page. "
            '<a href="network.svg">The picture as an SVG file</a>.</p>'
            f'<figure class="network">{svg}</figure><h2>The same as a table</h2>{table}')
    return page("Citation network", body, 0, "network.html", footer_text(ctx))
