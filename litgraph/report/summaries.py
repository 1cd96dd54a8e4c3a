"""Report sections that sum up evidence: certainty at a glance, and the reasons to doubt each side."""

from __future__ import annotations

from typing import Any

from ..findings.certainty import NOT_GRADE, certainty_rows
from .fragments import Context, quote_block
from .html import esc

KIND_NAMES = {"domain": "Domain", "factor": "Factor", "outcome": "Outcome"}


def certainty_table(ctx: Context, rows: list[dict[str, Any]], root: str, caption: str) -> str:
    """One line per domain, factor and outcome: findings, studies, designs, agreement, trial evidence."""
    lines = "".join(
        f'<tr><td>{KIND_NAMES[r["kind"]]}</td><th scope="row">{ctx.concept_link(r["kind"], r["concept"], root)}</th>'
        f'<td class="num">{r["findings"]}</td><td class="num">{r["studies"]}</td>'
        f'<td>{esc("; ".join(r["designs"]))}</td><td>{esc(r["agreement"])}</td>'
        f'<td>{"yes" if r["trial_evidence"] else "no"}</td></tr>' for r in certainty_rows(rows, ctx.data.concepts))
    return (f'<div class="map-wrap" role="region" aria-label="{esc(caption)}" tabindex="0"><table class="certainty">'
            f'<caption>{esc(caption)} ({esc(NOT_GRADE)})</caption><thead><tr><th scope="col">Kind</th>'
            f'<th scope="col">Concept</th><th scope="col">Findings</th><th scope="col">Studies</th>'
            f'<th scope="col">Designs</th><th scope="col">Agreement</th><th scope="col">Trial evidence</th>'
            f'</tr></thead><tbody>{lines}</tbody></table></div>')


def certainty_section(ctx: Context) -> str:
    """The map page's section: the table a reviewer would otherwise build by hand."""
    intro = ("<p>For each domain, factor and outcome: how many findings and distinct studies, from which "
             "designs, whether they all point one way, and whether any is trial evidence. These are counts to "
             "help a reviewer judge certainty; they are not a GRADE judgement, which stays with people. The "
             "same table: <code>litgraph evidence --summary</code>.</p>")
    return (f'<section id="certainty" aria-labelledby="certainty-title"><h2 id="certainty-title">How the evidence '
            f'stacks up</h2>{intro}{certainty_table(ctx, list(ctx.data.findings), "", "Evidence by concept")}</section>')


def caveat_item(ctx: Context, caveat: dict[str, Any], root: str) -> str:
    reasons = "; ".join(caveat["doubts"])
    applies = ", ".join(caveat["applies_to"])
    return (f'<li class="finding caveat" data-finding="{esc(caveat["finding"])}">'
            f'<p class="reasons"><strong>{esc(reasons)}</strong> (about {esc(applies)})</p>'
            f'<p class="statement">{esc(caveat["statement"])}</p>{quote_block(ctx, caveat, root)}</li>')


def doubts_section(ctx: Context, row: dict[str, Any]) -> str:
    """The reasons to doubt each side of an equivocal outcome, from the caveat findings."""
    parts = []
    for key, title in (("trial_doubts", "Reasons to doubt the trial evidence"),
                       ("non_trial_doubts", "Reasons to doubt the non-randomised evidence")):
        items = "".join(caveat_item(ctx, c, "") for c in row.get(key, []))
        parts.append(f'<section class="doubts"><h3>{title} ({len(row.get(key, []))})</h3>'
                     + (f'<ol class="findings">{items}</ol>' if items else "<p>None coded.</p>") + "</section>")
    return f'<div class="sides doubts">{"".join(parts)}</div>'
