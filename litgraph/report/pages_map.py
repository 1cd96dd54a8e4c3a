"""The evidence map page (domains and factors by design, outcomes by design) and the equivocal page."""

from __future__ import annotations

from .evidencemap import Grid, GridRow, tally
from .fragments import MARKS, Context, finding_brief, findings_list, mark_class
from .html import esc, link, page
from .mapfilter import filter_form
from .summaries import certainty_section, doubts_section

ORDER = {"domain": ("facilitator", "barrier", None), "outcome": ("benefit", "mixed", "no difference", "harm", None)}
KEY = {"domain": "polarity", "outcome": "direction"}
TITLES = {"domain": "Organisational domains: facilitators and barriers by study design",
          "outcome": "Outcomes by study design"}


def cell_href(row: GridRow, design_slug: str) -> str:
    """Where a cell links: the section of the factor, domain or outcome page holding its findings."""
    if row.kind == "factor":
        return f"factor/{row.concept.slug}.html#{row.domain.slug}--{design_slug}"
    if row.kind == "general":
        return f"domain/{row.concept.slug}.html#general--{design_slug}"
    return f"{row.kind}/{row.concept.slug}.html#{design_slug}"


def describe(counts, axis: str, total: int) -> str:
    """`3 findings: 2 facilitators, 1 barrier` (the cell's text for screen readers and tooltips)."""
    plural = {"facilitator", "barrier"}
    parts = [f"{n} {value or 'not coded'}{'s' if n != 1 and value in plural else ''}"
             for value in ORDER[axis] if (n := counts.get(value))]
    return f"{total} finding{'s' * (total != 1)}: {', '.join(parts)}"


def cell(row: GridRow, design_slug: str, axis: str) -> str:
    findings = row.cells.get(design_slug)
    if not findings:
        return '<td class="empty"></td>'
    counts = tally(findings, KEY[axis])
    chips = "".join(f'<span class="chip {mark_class(v)}">{MARKS.get(v, "?")}{n}</span>'
                    for v in ORDER[axis] if (n := counts.get(v)) and v)
    present = [v for v in ORDER[axis] if v and counts.get(v)]
    tone = present[0].replace(" ", "-") if len(present) == 1 else ("mix" if present else "none")
    label = describe(counts, axis, len(findings))
    ids = " ".join(sorted({f["finding"] for f in findings}))
    return (f'<td class="cell tone-{tone}"><a href="{esc(cell_href(row, design_slug))}" data-findings="{esc(ids)}" '
            f'aria-label="{esc(label)}" title="{esc(label)}"><span class="n">{len(findings)}</span>'
            f'<span class="chips" aria-hidden="true">{chips}</span></a></td>')


def row_html(row: GridRow, grid: Grid) -> str:
    if row.kind == "general":
        head = link(f"domain/{row.concept.slug}.html", "not tied to a factor", class_="general")
    else:
        head = link(f"{row.kind}/{row.concept.slug}.html", row.concept.label)
    cells = "".join(cell(row, d.slug, grid.axis) for d in grid.columns)
    ids = " ".join(sorted({f["finding"] for cell in row.cells.values() for f in cell}))
    return (f'<tr class="{row.kind} level-{row.level}"><th scope="row">{head}</th>{cells}'
            f'<td class="total" data-findings="{esc(ids)}">{row.total}</td></tr>')


def grid_table(grid: Grid) -> str:
    heads = "".join(f'<th scope="col" class="design{" trial" if d.is_trial_evidence else ""}">'
                    f'<span>{esc(d.label)}</span></th>' for d in grid.columns)
    first = "Domain / factor" if grid.axis == "domain" else "Outcome"
    bodies, rows = [], []
    for row in grid.rows:
        if row.kind in ("domain", "outcome") and row.level == 0 and rows:
            bodies.append(f"<tbody>{''.join(rows)}</tbody>")
            rows = []
        rows.append(row_html(row, grid))
    bodies.append(f"<tbody>{''.join(rows)}</tbody>")
    return (f'<div class="map-wrap" role="region" aria-labelledby="{grid.axis}-title" tabindex="0">'
            f'<table class="map" id="{grid.axis}-map"><caption class="visually-hidden">{esc(TITLES[grid.axis])}</caption>'
            f'<thead><tr><th scope="col" class="corner">{first}</th>{heads}<th scope="col" class="total">All</th></tr>'
            f'</thead>{"".join(bodies)}</table></div>')


def legend(axis: str) -> str:
    items = "".join(f'<li><span class="chip {mark_class(v)}">{MARKS[v]}</span> {esc(v)}</li>'
                    for v in ORDER[axis] if v)
    return f'<ul class="legend" aria-label="Key">{items}<li><span class="trial-key"></span> trial evidence</li></ul>'


def map_page(ctx: Context) -> str:
    intro = ("<p>Coded findings by study design. Each cell gives the number of findings and, by sign and "
             "colour, their polarity or direction of effect; click it for the findings and references behind it. "
             "Blank cells are gaps.</p>")
    notes = ("<details class=\"notes\"><summary>How the map counts</summary><p>A domain row counts all its "
             "findings, narrower domains included; the rows beneath it split them by factor. A broader outcome "
             "counts the findings on its narrower outcomes too, and a design column takes in its narrower designs, "
             "as the filters of <code>litgraph evidence</code> do. Columns marked <em>trial evidence</em> are "
             "randomised controlled trials and systematic reviews of them.</p></details>")
    sections = []
    for grid in (ctx.domains, ctx.outcomes):
        sections.append(f'<section id="{grid.axis}s" aria-labelledby="{grid.axis}-title">'
                        f'<h2 id="{grid.axis}-title">{esc(TITLES[grid.axis])}</h2>{legend(grid.axis)}'
                        f'{grid_table(grid)}</section>')
    toc = ('<nav aria-label="On this page" class="toc"><ul><li><a href="#domains">Domains and factors</a></li>'
           '<li><a href="#outcomes">Outcomes</a></li><li><a href="#certainty">How the evidence stacks up</a></li>'
           '<li><a href="equivocal.html">Where trials and other '
           'studies disagree</a></li></ul></nav>')
    body = f"<h1>Evidence map</h1>{intro}{toc}{filter_form(ctx)}{''.join(sections)}{certainty_section(ctx)}{notes}"
    return page("Evidence map", body, 0, "map.html", footer_text(ctx),
                scripts=("assets/map-data.js", "assets/mapfilter.js"))


def equivocal_page(ctx: Context) -> str:
    blocks = []
    for row in ctx.data.equivocal:
        sides = "".join(
            f'<section class="side {cls}"><h3>{title} ({len(row[key])})</h3>'
            f'{findings_list([finding_brief(ctx, f, "") for f in row[key]], "findings brief")}</section>'
            for key, cls, title in (("trial_evidence", "trial", "Trial evidence"),
                                    ("non_trial_evidence", "non-trial", "Non-randomised evidence")))
        blocks.append(f'<section class="equivocal"><h2>{ctx.concept_link("outcome", row["outcome"], "")}</h2>'
                      f'<div class="sides">{sides}</div>{doubts_section(ctx, row)}</section>')
    intro = ("<p>Outcomes where trial evidence (randomised controlled trials and systematic reviews of them) "
             "and non-randomised evidence point different ways: one side finds a benefit where the other finds "
             "no difference, mixed results or harm. Outcomes are matched through the outcome hierarchy, so a "
             f"review of service use meets a study of readmission. {len(blocks)} outcomes.</p>")
    body = "<h1>Equivocal outcomes</h1>" + intro + ("".join(blocks) or "<p>No disagreements found.</p>")
    return page("Equivocal outcomes", body, 0, "equivocal.html", footer_text(ctx))


def footer_text(ctx: Context) -> str:
    build = ctx.data.build
    digest = (build.get("digest") or "unknown")[:12]
    when = f"; graph file written {build['built']}" if build.get("built") else ""
    return (f"Generated by litgraph from the graph of corpus {esc(digest)}{esc(when)}. "
            f"References in the {esc(ctx.style)} style. Works offline; no external resources.")
