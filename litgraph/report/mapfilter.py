"""The evidence map's filters: the findings' filter values as a script file, and the filter form.

Filtering runs in the page (assets/mapfilter.js), offline: `assets/map-data.js` holds, for
every finding, the values `litgraph evidence` filters on, each concept with its broader
concepts, so that choosing "systematic review" keeps reviews of RCTs, as `--design` does.
The form's field names are the options of `litgraph evidence` (`design`, `trial-evidence`,
`polarity`, `direction`, `setting`, `sector`, `role`, `reported-in`), and the filter state lives
in the query string: `map.html?design=qualitative-interview-study&trial-evidence=no` is
`litgraph evidence --design qualitative-interview-study --trial-evidence no`.
"""

from __future__ import annotations

import json
from typing import Any

from ..findings.concepts import ConceptIndex
from .fragments import Context
from .html import esc

FIELDS = (("design", "design", "Design"), ("polarity", "polarity", "Polarity"),
          ("direction", "direction", "Direction"), ("setting", "setting", "Setting"),
          ("sector", "sector", "Sector"), ("role", "role", "Role"))


def broader_or_self(concepts: ConceptIndex, scheme: str, label: str | None) -> list[str]:
    """The slugs of the concept labelled `label` and of every concept above it."""
    if not label:
        return []
    try:
        todo = [concepts.resolve(scheme, label).iri]
    except Exception:  # a label the schemes do not know: filter on nothing rather than fail the report
        return []
    seen: list[str] = []
    while todo:
        iri = todo.pop()
        if iri not in seen and iri in concepts.by_iri:
            seen.append(iri)
            todo += list(concepts.by_iri[iri].broader)
    return [concepts.by_iri[i].slug for i in seen]


def finding_values(concepts: ConceptIndex, row: dict[str, Any]) -> dict[str, Any]:
    many = {key: sorted({s for label in row[key + "s"] for s in broader_or_self(concepts, key, label)})
            for key in ("setting", "sector", "role")}
    return {"design": broader_or_self(concepts, "design", row["design"]),
            "trial-evidence": "yes" if row["trial_evidence"] else "no",
            "polarity": broader_or_self(concepts, "polarity", row["polarity"]),
            "direction": broader_or_self(concepts, "direction", row["direction"]),
            "reported-in": [(row["reported_in"] or "").lower()], **many,
            "mark": {"polarity": row["polarity"], "direction": row["direction"]}}


def map_data_script(ctx: Context) -> str:
    """assets/map-data.js: `window.LITGRAPH_MAP = {finding id: {field: [values]}}`."""
    data = {r["finding"]: finding_values(ctx.data.concepts, r) for r in ctx.data.findings}
    return "window.LITGRAPH_MAP = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


def options(ctx: Context, scheme: str, field: str) -> str:
    """The concepts of `scheme` that some finding is coded with (or lies under), by label."""
    used = {s for r in ctx.data.findings for s in finding_values(ctx.data.concepts, r)[field]}
    concepts = sorted((c for c in ctx.data.concepts.by_iri.values() if c.scheme == scheme and c.slug in used),
                      key=lambda c: c.label.casefold())
    return "".join(f'<option value="{esc(c.slug)}">{esc(c.label)}</option>' for c in concepts)


def select(name: str, label: str, choices: str) -> str:
    return (f'<label>{esc(label)} <select name="{name}" data-filter="{name}">'
            f'<option value="">any</option>{choices}</select></label>')


def filter_form(ctx: Context) -> str:
    """The filter form above the map (hidden until the script runs: without it the map is unfiltered)."""
    fields = [select(name, label, options(ctx, scheme, name)) for name, scheme, label in FIELDS]
    fields.insert(1, select("trial-evidence", "Trial evidence",
                            '<option value="yes">yes</option><option value="no">no</option>'))
    papers = sorted({(r["reported_in"] or "").lower() for r in ctx.data.findings} - {""})
    fields.append(select("reported-in", "Reported in",
                         "".join(f'<option value="{esc(d)}">{esc(d)}</option>' for d in papers)))
    return (f'<form class="map-filters" id="map-filters" hidden aria-label="Filter the map">'
            f'<fieldset><legend>Filter the findings counted</legend>{"".join(fields)}'
            f'<button type="reset">Clear</button></fieldset>'
            f'<p class="filter-status" id="filter-status" role="status"></p></form>')
