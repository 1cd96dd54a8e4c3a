"""A page per factor, organisational domain and outcome: its findings by study design, with downloads.

Each design section carries the id a map cell links to (`#<design>` on domain and outcome
pages, `#<domain>--<design>` on factor pages), and holds exactly that cell's findings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ..findings.model import Concept
from .evidencemap import Membership, split, tally
from ..findings.certainty import NOT_GRADE, summarise
from ..findings.evidence import CSV_COLUMNS, flat_row
from .fragments import Context, finding_item, findings_list, mark
from .html import esc, link, page
from .pages_map import footer_text
from .refs import reference_order

KIND_TITLE = {"factor": "Factor", "domain": "Organisational domain", "outcome": "Outcome"}
Group = tuple[str | None, str, list[dict[str, Any]]]  # heading, id prefix, findings


def evidence_csv(rows: Iterable[dict[str, Any]]) -> str:
    """The rows as `litgraph evidence --format csv` writes them (same columns, same cells)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        flat = flat_row(r)
        writer.writerow(["" if flat[c] is None else flat[c] for c in CSV_COLUMNS])
    return buffer.getvalue()


def unique_findings(groups: list[Group]) -> list[dict[str, Any]]:
    return list({r["finding"]: r for _, _, rows in groups for r in rows}.values())


def design_section(anchor: str, label: str, count: int, inner: str, level: int) -> str:
    return (f'<section class="design-findings" id="{esc(anchor)}" aria-labelledby="h-{esc(anchor)}">'
            f'<h{level} id="h-{esc(anchor)}">{label} <span class="count">({count})</span></h{level}>{inner}</section>')


def sections(ctx: Context, groups: list[Group], columns) -> str:
    """Per group (a domain on factor pages), a section per design column, id `<prefix><design>`."""
    member = Membership(ctx.data.concepts)
    labels = {c.slug: c.label for c in columns}
    out = []
    for heading, prefix, rows in groups:
        parts = [design_section(prefix + slug, esc(labels[slug]), len(found),
                                findings_list([finding_item(ctx, r, "../") for r in found]), 3 if heading else 2)
                 for slug, found in split(rows, columns, member).items()]
        title = f"<h2>{heading}</h2>" if heading else ""
        out.append(f'<section class="group">{title}{"".join(parts)}</section>')
    return "".join(out)


def domain_sections(ctx: Context, domain: Concept, rows: list[dict[str, Any]]) -> str:
    """A section per design (id `<design>`), split by factor; the findings with no factor first (id `general--<design>`)."""
    member = Membership(ctx.data.concepts)
    labels = {c.slug: c.label for c in ctx.domains.columns}
    out = []
    for slug, found in split(rows, ctx.domains.columns, member).items():
        parts = {}
        for r in found:
            parts.setdefault((r["domain"] != domain.label, r["factor"] is not None, r["domain"], r["factor"] or ""), []).append(r)
        inner = []
        for (other, has_factor, dom, factor), items in sorted(parts.items()):
            if has_factor:
                title = ctx.concept_link("factor", factor, "../") + (f" (in {esc(dom)})" if other else "")
            else:
                title = "Not tied to a factor" + (f" (in {esc(dom)})" if other else "")
            anchor = f"general--{slug}" if not (other or has_factor) else f"{slug}--{len(inner) + 1}"
            inner.append(design_section(anchor, title, len(items),
                                        findings_list([finding_item(ctx, r, "../") for r in items]), 3))
        out.append(design_section(slug, esc(labels[slug]), len(found), "".join(inner), 2))
    return "".join(out)


def summary(rows: list[dict[str, Any]], kind: str) -> str:
    works = {r["source"]["work"] for r in rows}
    key = "direction" if kind == "outcome" else "polarity"
    marks = ", ".join(f"{n} × {mark(v)}" for v, n in sorted(tally(rows, key).items(), key=lambda x: -x[1]))
    first = summarise(kind, "", [r for r in rows if not r.get("doubts")]) if rows else None
    extra = (f' Designs: {esc("; ".join(first["designs"]))}. Agreement: {esc(first["agreement"])}. '
             f'Trial evidence: {"yes" if first["trial_evidence"] else "no"} ({esc(NOT_GRADE)}).') if first else ""
    return (f'<p class="summary">{len(rows)} finding{"s" * (len(rows) != 1)} from {len(works)} '
            f'work{"s" * (len(works) != 1)}: {marks}.{extra}</p>')


def topic_page(ctx: Context, kind: str, concept: Concept, rows: list[dict[str, Any]], body: str,
               related: str = "") -> dict[str, str]:
    """The page and its two downloads (BibTeX of the sources, CSV of the findings), by file name."""
    from ..cite.bibtex import write_bibtex

    sources = sorted((ctx.data.works[w] for w in {r["source"]["work"] for r in rows} if w in ctx.data.works),
                     key=reference_order)
    slug = concept.slug
    refs = "".join(f"<li>{ctx.reference(i.work, '../')}</li>" for i in sources)
    downloads = (f'<p class="downloads">Download: {link(slug + ".bib", "references (BibTeX)", download="")} · '
                 f'{link(slug + ".csv", "findings (CSV)", download="")}</p>')
    html_body = (f'<nav class="crumbs" aria-label="Breadcrumb">{link("../map.html#" + ctx_axis(kind) + "s", "Evidence map")}'
                 f' › {KIND_TITLE[kind]}</nav>'
                 f'<h1><span class="kind">{KIND_TITLE[kind]}</span> {esc(concept.label)}</h1>'
                 f'{summary(rows, kind)}{related}{downloads}{body}'
                 f'<section id="references"><h2>References on this page ({len(sources)})</h2>'
                 f'<ul class="refs">{refs}</ul></section>')
    html_page = page(f"{KIND_TITLE[kind]}: {concept.label}", html_body, 1, "map.html", footer_text(ctx))
    return {f"{slug}.html": html_page, f"{slug}.bib": write_bibtex(sources), f"{slug}.csv": evidence_csv(rows)}


def ctx_axis(kind: str) -> str:
    return "outcome" if kind == "outcome" else "domain"


def related_links(ctx: Context, scheme: str, concepts: Iterable[Concept], title: str) -> str:
    items = [ctx.concept_link(scheme, c.label, "../") for c in concepts]
    return f'<p class="related">{title}: {", ".join(items)}</p>' if items else ""


def factor_pages(ctx: Context) -> dict[str, str]:
    member = Membership(ctx.data.concepts)
    out: dict[str, str] = {}
    rows = [r for r in ctx.domains.rows if r.kind == "factor"]
    for factor in {r.concept.iri: r.concept for r in rows}.values():
        groups = [(f"Coded under {ctx.concept_link('domain', r.domain.label, '../')}", f"{r.domain.slug}--",
                   [f for f in ctx.data.findings if member.factor(factor, r.domain)(f)])
                  for r in rows if r.concept.iri == factor.iri]
        body = sections(ctx, groups, ctx.domains.columns)
        out |= {f"factor/{k}": v for k, v in topic_page(ctx, "factor", factor, unique_findings(groups), body).items()}
    return out


def domain_pages(ctx: Context) -> dict[str, str]:
    member = Membership(ctx.data.concepts)
    out: dict[str, str] = {}
    for row in (r for r in ctx.domains.rows if r.kind == "domain"):
        found = [f for f in ctx.data.findings if member.domain(row.concept)(f)]
        factors = [r.concept for r in ctx.domains.rows if r.kind == "factor" and r.domain == row.concept]
        narrower = [c for c in (r.concept for r in ctx.domains.rows if r.kind == "domain")
                    if row.concept.iri in c.broader]
        related = related_links(ctx, "factor", factors, "Factors") + related_links(
            ctx, "domain", narrower, "Narrower domains")
        body = domain_sections(ctx, row.concept, found)
        out |= {f"domain/{k}": v for k, v in topic_page(ctx, "domain", row.concept, found, body, related).items()}
    return out


def outcome_pages(ctx: Context) -> dict[str, str]:
    member = Membership(ctx.data.concepts)
    out: dict[str, str] = {}
    shown = [r.concept for r in ctx.outcomes.rows]
    for outcome in shown:
        found = [f for f in ctx.data.findings if member.outcome(outcome)(f)]
        related = related_links(ctx, "outcome", [c for c in shown if outcome.iri in c.broader], "Narrower outcomes") \
            + related_links(ctx, "outcome", [c for c in shown if c.iri in outcome.broader], "Broader outcome")
        body = sections(ctx, [(None, "", found)], ctx.outcomes.columns)
        out |= {f"outcome/{k}": v for k, v in topic_page(ctx, "outcome", outcome, found, body, related).items()}
    return out
