"""Pieces several pages share: the site context (who links where), direction marks, findings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .data import ReportData
from .evidencemap import Grid
from .html import esc, link
from .refs import short_label

# Direction and polarity: a symbol and a word always go with the colour (the class).
MARKS = {"facilitator": "+", "barrier": "−", "benefit": "+", "harm": "−", "no difference": "=", "mixed": "±"}


def mark_class(value: str | None) -> str:
    return "d-" + (value or "none").lower().replace(" ", "-")


def mark(value: str | None) -> str:
    """`+ facilitator` in a span coloured by class; `not coded` when there is none."""
    if not value:
        return '<span class="mark d-none">not coded</span>'
    symbol = MARKS.get(value.lower(), "•")
    return f'<span class="mark {mark_class(value)}"><span aria-hidden="true">{symbol}</span> {esc(value)}</span>'


@dataclass(frozen=True)
class Context:
    """What every page needs to know: the data, formatted references, and where each page lives."""

    data: ReportData
    refs: dict[str, str]
    work_files: dict[str, str]
    style: str
    domains: Grid
    outcomes: Grid

    @cached_property
    def _pages(self) -> dict[str, dict[str, str]]:
        pages: dict[str, dict[str, str]] = {"domain": {}, "factor": {}, "outcome": {}}
        for row in (*self.domains.rows, *self.outcomes.rows):
            if row.kind in pages:
                pages[row.kind][row.concept.label] = row.concept.slug
        return pages

    def concept_pages(self, scheme: str) -> dict[str, str]:
        """Label -> slug of the concepts of `scheme` (domain, factor, outcome) that have a page."""
        return self._pages[scheme]

    def concept_link(self, scheme: str, label: str | None, root: str) -> str:
        slug = self.concept_pages(scheme).get(label or "")
        return link(f"{root}{scheme}/{slug}.html", label) if slug else esc(label or "—")

    def work_href(self, iri: str, root: str) -> str:
        return f"{root}work/{self.work_files[iri]}"

    def work_link(self, iri: str, root: str, text: str | None = None) -> str:
        item = self.data.works.get(iri)
        if iri not in self.work_files:
            return esc(text or iri)
        return link(self.work_href(iri, root), text or short_label(item))

    def reference(self, iri: str, root: str) -> str:
        """The formatted reference, linked to the work's page."""
        text = self.refs.get(iri) or esc(short_label(self.data.works.get(iri)))
        return f'<a class="ref" href="{esc(self.work_href(iri, root))}">{text}</a>' if iri in self.work_files else text


def finding_item(ctx: Context, row: dict[str, Any], root: str) -> str:
    """One finding in full: statement, design, polarity or direction, concepts, source and paper."""
    facts = [("Design", esc(row["design"]))]
    if row["domain"]:
        facts.append(("Domain", ctx.concept_link("domain", row["domain"], root)))
    if row["factor"]:
        facts.append(("Factor", ctx.concept_link("factor", row["factor"], root)))
    if row["polarity"]:
        facts.append(("Polarity", mark(row["polarity"])))
    if row["outcomes"]:
        facts.append(("Outcomes", ", ".join(ctx.concept_link("outcome", o, root) for o in row["outcomes"])))
        facts.append(("Direction", mark(row["direction"])))
    facts.append(("Source", ctx.reference(row["source"]["work"], root)))
    facts.append(("Reported in", reported_in(ctx, row, root)))
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return (f'<li class="finding" data-finding="{esc(row["finding"])}">'
            f'<p class="statement">{esc(row["statement"])}</p>{quote_block(ctx, row, root)}'
            f'<dl class="facts">{body}</dl></li>')


def entry_anchor(paper_file: str, list_name: str, position: Any) -> str:
    """The id of a printed list entry on a work's page: `entry-<paper page>-<list>-<N>`."""
    return f"entry-{paper_file.removesuffix('.html')}-{list_name}-{position}"


def entry_link(ctx: Context, row: dict[str, Any], root: str) -> str:
    """A link to the printed reference entry the finding's source was cited as (on the source's page)."""
    entry, work = row.get("entry"), row["source"]["work"]
    if not entry or "/references/" not in entry or work not in ctx.work_files:
        return ""
    paper, position = entry.rsplit("/references/", 1)
    if paper not in ctx.work_files:
        return ""
    anchor = entry_anchor(ctx.work_files[paper], "references", position)
    return f' · <a class="entry" href="{esc(ctx.work_href(work, root))}#{esc(anchor)}">printed entry {esc(position)}</a>'


def quote_block(ctx: Context, row: dict[str, Any], root: str) -> str:
    """The verbatim quote, then where it is printed: section, in-text citation, list entry."""
    if not row.get("quote"):
        return ""
    where = " · ".join(esc(x) for x in (row.get("section"), row.get("citation")) if x)
    return (f'<blockquote class="quote"><p>{esc(row["quote"])}</p></blockquote>'
            f'<p class="quote-source">{where}{entry_link(ctx, row, root)}</p>')


def reported_in(ctx: Context, row: dict[str, Any], root: str) -> str:
    doi = (row["reported_in"] or "").lower()
    for seed in ctx.data.seeds:
        item = ctx.data.works.get(seed)
        if item and (item.doi or "").lower() == doi:
            return ctx.work_link(seed, root)
    return esc(row["reported_in"])


def finding_brief(ctx: Context, row: dict[str, Any], root: str) -> str:
    """One finding on one line: source, design, direction (or polarity), and the statement."""
    what = mark(row["direction"] or row["polarity"])
    if row["outcomes"]:
        about = ", ".join(ctx.concept_link("outcome", o, root) for o in row["outcomes"])
    else:
        about = ctx.concept_link("factor", row["factor"], root) if row["factor"] else ""
    return (f'<li class="finding brief" data-finding="{esc(row["finding"])}">'
            f'<p class="statement">{esc(row["statement"])}</p>{quote_block(ctx, row, root)}'
            f'<p class="meta">{ctx.work_link(row["source"]["work"], root)} · {esc(row["design"])} · {what}'
            f'{" · " + about if about else ""}</p></li>')


def findings_list(items: list[str], cls: str = "findings") -> str:
    return f'<ol class="{cls}">{"".join(items)}</ol>' if items else "<p>None.</p>"
