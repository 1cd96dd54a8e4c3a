"""The report in a real headless browser: Debian's chromium driven by Playwright for Python.

Nothing is installed at run time: the tests skip, saying why, when playwright (the `test`
extra) or a chromium binary is missing (`.ci/run` installs chromium when run as root).
The site is served over HTTP by `litgraph.report.server` on a free loopback port.
A screenshot of the map goes to test-artifacts/evidence-map.png, and also to
docs/evidence-map.png when LITGRAPH_UPDATE_DOCS=1.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from conftest import ROOT, run_cli
from test_report_site import map_cells, seed_site  # noqa: F401 (seed_site is a fixture)

pytestmark = pytest.mark.slow
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
# every link of a page, absolute (SVG links too, whose `href` is not a string)
LINK_TARGETS = ("els => els.map(e => new URL(e.getAttribute('href') || e.getAttribute('src'), "
                "document.baseURI).href)")


def chromium_binary() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)


@pytest.fixture(scope="module")
def browser():
    """Chromium, headless, with a fresh profile (Playwright gives every launch a new user-data-dir)."""
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (it is in the `test` extra: pip install -e '.[test]')")
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no chromium browser on this machine (apt-get install chromium; .ci/run does it as root)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=binary, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site_url(seed_site):  # noqa: F811 (the fixture imported above)
    from litgraph.report.server import start_site_server, stop_site_server

    server, url = start_site_server(seed_site["out"])
    yield url
    stop_site_server(server)


class Watched:
    """A page whose console errors and warnings, page errors, failed requests and off-site requests are kept."""

    def __init__(self, context, base: str) -> None:
        self.page, self.problems = context.new_page(), []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(f"console {m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.on("request", lambda r: r.url.startswith((base, "data:"))
                     or self.problems.append(f"off-site request: {r.url}"))

    def goto(self, url: str):
        response = self.page.goto(url)
        assert response is None or response.ok, f"{url}: HTTP {response.status}"
        return self.page


def findings_at(page, anchor: str) -> list[str]:
    return page.eval_on_selector_all(f'[id="{anchor}"] li.finding .statement', "els => els.map(e => e.textContent)")


def cli_statements(build: Path, href: str, concepts) -> list[str]:
    """The statements `litgraph evidence ... --format json` prints for a map cell (run as a user would)."""
    from test_report_site import cell_query

    filters, domain, general = cell_query(href, concepts)
    args = [arg for key, value in filters.items() for arg in (f"--{key}", value)]
    result = run_cli("evidence", *args, "--build-dir", str(build), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    return [r["statement"] for r in rows
            if (domain is None or r["domain"] == domain) and (not general or r["factor"] is None)]


def test_map_renders_and_its_screenshot_is_saved(browser, site_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watched = Watched(context, site_url)
    page = watched.goto(site_url + "map.html")
    assert page.locator("#domain-map").is_visible() and page.locator("#outcome-map").is_visible()
    assert page.locator("#domain-map td.cell").count() > 50 and page.locator("#outcome-map td.cell").count() > 20
    assert page.locator("#domain-map thead th.design").count() >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "evidence-map.png"))
    if os.environ.get("LITGRAPH_UPDATE_DOCS") == "1":
        page.screenshot(path=str(ROOT / "docs" / "evidence-map.png"))
    assert watched.problems == []
    context.close()


def test_clicking_a_cell_opens_exactly_the_findings_evidence_returns(browser, site_url, seed_site):  # noqa: F811
    cells = map_cells(seed_site["out"])
    chosen = {}
    for href, count in cells:  # the fullest cell of each kind of row
        kind = "general" if "#general--" in href else href.split("/")[0]
        if count > chosen.get(kind, ("", 0))[1]:
            chosen[kind] = (href, count)
    assert set(chosen) == {"domain", "factor", "general", "outcome"}
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watched = Watched(context, site_url)
    for href, count in chosen.values():
        page = watched.goto(site_url + "map.html")
        page.click(f'td.cell a[href="{href}"]')
        page.wait_for_load_state()
        assert page.url == site_url + href
        anchor = href.split("#")[1]
        assert page.locator(f'[id="{anchor}"]').is_visible()
        shown = findings_at(page, anchor)
        assert len(shown) == count
        assert sorted(shown) == sorted(cli_statements(seed_site["build"], href, seed_site["concepts"])), href
    assert watched.problems == []
    context.close()


def test_every_page_loads_cleanly_fits_a_phone_and_every_internal_link_resolves(browser, site_url, seed_site):  # noqa: F811
    out = seed_site["out"]
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone: nothing may be wider
    watched = Watched(context, site_url)
    ids, links, too_wide = {}, set(), []
    for name in pages:
        page = watched.goto(site_url + name)
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            too_wide.append(name)
        ids[site_url + name] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        links |= {(name, h) for h in page.eval_on_selector_all("a[href], link[href], script[src]", LINK_TARGETS)}
    assert watched.problems == []
    assert too_wide == []
    broken = []
    for name, href in sorted(links):
        if not href.startswith(site_url):
            assert urlsplit(href).scheme in ("https", "http", "data"), href  # doi.org links and the data: icon
            continue
        target, fragment = urldefrag(href)
        path = urlsplit(target).path.lstrip("/") or "index.html"
        if not (out / path).is_file():
            broken.append(f"{name}: {href}")
        elif fragment and target in ids and fragment not in ids[target]:
            broken.append(f"{name}: {href} (no such anchor)")
    assert broken == []
    context.close()


def test_search_finds_a_known_title_offline(browser, site_url, seed_site):  # noqa: F811
    title = "Impact of consumer-operated services on empowerment and recovery of people with psychiatric disabilities"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context, site_url)
    page = watched.goto(site_url + "map.html")
    page.fill("#site-q", "consumer-operated empowerment")
    page.press("#site-q", "Enter")
    page.wait_for_selector("#search-results li")
    result = page.locator("#search-results a", has_text=title)
    assert result.count() == 1
    result.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    page = watched.goto(site_url + "search.html")
    page.fill("#q", "Corrigan")
    assert page.locator("#search-results a", has_text=title).count() == 1
    assert "match" in page.locator("#search-status").inner_text()
    assert watched.problems == []
    context.close()
    disk = browser.new_context()  # opened from disk: the index is a script, so no fetch is needed
    page = disk.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((seed_site["out"] / "search.html").as_uri() + "?q=consumer-operated")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results a", has_text=title).count() == 1 and errors == []
    disk.close()


def test_narrow_screen_scrolls_the_map_not_the_page(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    watched = Watched(context, site_url)
    page = watched.goto(site_url + "map.html")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390, f"the page is {page_width}px wide on a 390px screen"
    assert page.evaluate("(() => { const w = document.querySelector('.map-wrap'); "
                         "return w.scrollWidth > w.clientWidth; })()")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "evidence-map-narrow.png"))
    assert watched.problems == []
    context.close()


def test_pages_read_without_javascript(browser, site_url, seed_site):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "map.html")
    href = map_cells(seed_site["out"])[0][0]
    page.click(f'td.cell a[href="{href}"]')
    page.wait_for_load_state()
    assert findings_at(page, href.split("#")[1])
    page.goto(site_url + "search.html")
    assert page.locator("noscript").count() == 1
    context.close()
