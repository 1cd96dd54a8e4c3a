"""The "What changed" page: the live build compared with the previous one (the rows of `litgraph changes`).

The manifests are read from the local build folder the report was made from
(`data.build["built_from"]`); a report made from a remote store, or from a build
without a change record, says so instead.
"""

from __future__ import annotations

from pathlib import Path

from ..changes import Change, Comparison, compare, summary_line
from ..vocab import work_iri
from .fragments import Context
from .html import esc, link, page
from .pages_map import footer_text

SECTIONS = (
    ("works", "Works added, merged, split or removed",
     ("work added", "works merged", "work split", "work removed")),
    ("metadata", "Metadata changed, field by field", ("metadata changed",)),
    ("dois", "DOIs matched or rejected", ("DOI matched", "DOI match withdrawn", "DOI rejected")),
    ("counts", "Citation counts", ("citation count changed",)),
    ("findings", "Findings", ("finding added", "finding changed", "finding removed")),
)


def build_comparison(ctx: Context) -> Comparison | None:
    """The live build against the one before it, or None when the build folder holds no change record."""
    from ..changes.history import baseline, current_manifest

    built_from = ctx.data.build.get("built_from")
    if not built_from:
        return None
    build_dir = Path(built_from).parent
    current = current_manifest(build_dir)
    return compare(baseline(build_dir, current), current) if current else None


def changes_page(ctx: Context) -> str:
    comparison = build_comparison(ctx)
    if comparison is None:
        body = ("<h1>What changed</h1><p>This report was not made from a local build with a change record "
                "(<code>build/current/manifest.json</code>): run <code>litgraph build</code>, then "
                "<code>litgraph report</code>.</p>")
    else:
        body = f"<h1>What changed</h1>{intro(comparison)}" + "".join(
            section(ctx, comparison.changes, anchor, title, kinds) for anchor, title, kinds in SECTIONS)
    return page("What changed", body, current="changes.html", footer=footer_text(ctx))


def intro(comparison: Comparison) -> str:
    before = f"build <code>{esc(comparison.before)}</code>" if comparison.before else "no earlier build"
    return (f"<p>Build <code>{esc(comparison.after)}</code> compared with {before}: "
            f"<strong>{esc(summary_line(comparison))}</strong>. "
            "<code>litgraph changes --since BUILD|DATE</code> compares with an earlier build.</p>")


def section(ctx: Context, changes: tuple[Change, ...], anchor: str, title: str, kinds: tuple[str, ...]) -> str:
    rows = [c for c in changes if c.kind in kinds]
    head = f'<h2 id="{anchor}">{esc(title)}</h2>'
    if not rows:
        return head + "<p>None.</p>"
    cells = "".join(f"<tr><td>{esc(c.kind)}</td><td>{subject(ctx, c)}</td><td>{esc(c.field)}</td>"
                    f"<td>{esc(c.before)}</td><td>{esc(c.after)}</td><td>{details(c)}</td></tr>" for c in rows)
    return (head + f'<div class="table-wrap" role="region" aria-label="{esc(title)}" tabindex="0">'
            '<table class="changes"><thead><tr><th scope="col">Change</th>'
            '<th scope="col">Subject</th><th scope="col">Field</th><th scope="col">Before</th>'
            f'<th scope="col">After</th><th scope="col">Entries and reasons</th></tr></thead>'
            f"<tbody>{cells}</tbody></table></div>")


def subject(ctx: Context, change: Change) -> str:
    """A work links to its page (when it is still in the graph); entries and findings are shown as ids."""
    name = ctx.work_files.get(work_iri(change.subject)) if "/" in change.subject else None
    text = f"{change.subject} ({change.title})" if change.title else change.subject
    return link(f"work/{name}", text) if name else esc(text)


def details(change: Change) -> str:
    items = [esc(change.detail)] if change.detail else []
    items += [f"<code>{esc(e)}</code>" for e in change.entries]
    items += [esc(r) for r in change.reasons]
    return "<br>".join(items)
