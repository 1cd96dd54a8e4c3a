"""The evidence map's filters in Chromium: a filtered view's counts are exactly what
`litgraph evidence` returns with the same options, the state is in the URL, nothing is fetched
from the network. Skips (saying why) without playwright or chromium, as test_report_browser does."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from conftest import run_cli
from test_report_browser import Watched, browser, site_url  # noqa: F401 (fixtures)
from test_report_site import cell_query, seed_site  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow
VIEWS = [
    {"trial-evidence": "no", "polarity": "barrier"},
    {"direction": "benefit", "setting": "community"},
    {"reported-in": "10.3310/hsdr02190"},
    {"design": "systematic-review", "trial-evidence": "yes"},
    {"role": "peer-worker", "direction": "benefit"},
    {"sector": "voluntary"},
]
CELLS = "els => els.map(e => [e.getAttribute('href'), Number(e.querySelector('.n').textContent)])"


def expected_count(store, concepts, href: str, view: dict[str, str]) -> int:
    """What `litgraph evidence` (the function the command runs) returns for a cell under `view`."""
    from litgraph.cli.evidence import trial_choice
    from litgraph.findings.evidence import evidence_rows, resolve_filter

    filters, domain, general = cell_query(href, concepts)
    options = {k.replace("-", "_"): v for k, v in view.items() if k not in ("trial-evidence", "reported-in")}
    if "design" in options:  # both the view and the column filter by design: the column is narrower or the same
        options.pop("design")
    wanted = resolve_filter(concepts, trial_evidence=trial_choice(view.get("trial-evidence")),
                            reported_in=view.get("reported-in"), **filters, **options)
    rows = evidence_rows(store, wanted)
    if "design" in view:
        allowed = concepts.narrower_or_self(concepts.resolve("design", view["design"]).iri)
        keep = {concepts.by_iri[i].label for i in allowed}
        rows = [r for r in rows if r["design"] in keep]
    return len([r for r in rows if (domain is None or r["domain"] == domain) and (not general or r["factor"] is None)])


def shown_cells(page) -> list[tuple[str, int]]:
    return page.eval_on_selector_all("td.cell a[data-findings]", CELLS)


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: urlencode(v))
def test_a_filtered_map_counts_exactly_what_evidence_returns(browser, site_url, seed_site, view):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watched = Watched(context, site_url)
    page = watched.goto(site_url + "map.html?" + urlencode(view))
    page.wait_for_function("document.getElementById('filter-status').textContent.length > 0")
    cells = shown_cells(page)
    assert len(cells) > 100
    store, concepts = seed_site["store"], seed_site["concepts"]
    wrong = [(href, n, expected_count(store, concepts, href, view)) for href, n in cells
             if n != expected_count(store, concepts, href, view)]
    assert wrong == []
    assert sum(n for _, n in cells) > 0, "a view that empties the map tests nothing"
    assert watched.problems == []
    context.close()


def test_the_fullest_filtered_cell_matches_the_cli_run_as_a_user_would(browser, site_url, seed_site):  # noqa: F811
    view = {"trial-evidence": "no", "polarity": "barrier"}
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = Watched(context, site_url).goto(site_url + "map.html?" + urlencode(view))
    page.wait_for_function("document.getElementById('filter-status').textContent.length > 0")
    href, shown = max((c for c in shown_cells(page) if "#general--" not in c[0] and c[0].startswith("domain/")),
                      key=lambda c: c[1])
    filters, _, _ = cell_query(href, seed_site["concepts"])
    args = [a for k, v in {**filters, **view}.items() for a in (f"--{k}", v)]
    result = run_cli("evidence", *args, "--build-dir", str(seed_site["build"]), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == shown > 0
    context.close()


def test_choosing_a_filter_updates_the_url_and_clearing_restores_the_counts(browser, site_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = Watched(context, site_url).goto(site_url + "map.html")
    before = shown_cells(page)
    page.select_option('select[name="trial-evidence"]', "yes")
    assert page.url.endswith("map.html?trial-evidence=yes")
    during = shown_cells(page)
    assert sum(n for _, n in during) < sum(n for _, n in before)
    shared = context.new_page()
    shared.goto(page.url)
    assert shown_cells(shared) == during, "the URL alone reproduces the filtered view"
    page.click('form#map-filters button[type="reset"]')
    page.wait_for_function("!location.search")
    assert shown_cells(page) == before
    context.close()
