"""`litgraph report` without a browser: every map cell, link, download and file of the site, checked statically.

The seed graph is built once (conftest `seed_build`); the site is written by the CLI as a user would.
Helpers here (`SiteIndex`, `cell_query`) are shared with test_report_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import mini_graph, run_cli

FINDING = "https://w3id.org/litgraph/ontology#Finding"


class PageParser(HTMLParser):
    """Links, ids, and the findings (data-finding) inside each element with an id, of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []   # (tag, url)
        self.ids: set[str] = set()
        self.findings: dict[str, list[str]] = {}  # element id -> data-finding values inside it
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append((tag, attrs[name]))
        if attrs.get("id"):
            self.ids.add(attrs["id"])
            self.findings.setdefault(attrs["id"], [])
        if attrs.get("data-finding"):
            for _, element_id in self._open:
                if element_id:
                    self.findings[element_id].append(attrs["data-finding"])
        if tag not in {"br", "img", "input", "meta", "link", "hr", "circle", "rect", "path"}:
            self._open.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def internal_link_problems(site: Path) -> list[str]:
    """Every href/src of every page and SVG that is not an external URL must name a file, and its anchor an id."""
    problems, pages = [], {}
    files = sorted(site.rglob("*.html")) + sorted(site.rglob("*.svg"))
    for path in files:
        for tag, url in parse_page(path).links:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto", "data"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.is_file() or site.resolve() not in target.parents:
                problems.append(f"{path.relative_to(site)}: <{tag}> {url}: no such file")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages.setdefault(target, parse_page(target).ids)
                if parts.fragment not in ids:
                    problems.append(f"{path.relative_to(site)}: <{tag}> {url}: no element with that id")
    return problems


def cell_query(href: str, concepts) -> tuple[dict[str, str], str | None, bool]:
    """The `litgraph evidence` filters behind a map cell's link, the exact domain its row keeps
    (None: any), and whether the row keeps only findings with no factor."""
    path, anchor = href.split("#")
    kind, slug = path[:-len(".html")].split("/")
    if kind == "factor":
        domain, design = anchor.split("--")
        return {"factor": slug, "design": design}, concepts.resolve("domain", domain).label, False
    if anchor.startswith("general--"):
        return {"domain": slug, "design": anchor[len("general--"):]}, concepts.resolve("domain", slug).label, True
    return {kind: slug, "design": anchor}, None, False


def expected_findings(store, concepts, href: str) -> list[str]:
    """The findings `litgraph evidence` returns for a cell (the same function the command runs)."""
    from litgraph.findings.evidence import evidence_rows, resolve_filter

    filters, domain, general = cell_query(href, concepts)
    rows = evidence_rows(store, resolve_filter(concepts, **filters))
    return [r["finding"] for r in rows
            if (domain is None or r["domain"] == domain) and (not general or r["factor"] is None)]


def map_cells(site: Path) -> list[tuple[str, int]]:
    """(href, shown count) of every cell of both grids on map.html."""
    text = (site / "map.html").read_text(encoding="utf-8")
    return [(href, int(n)) for href, n in
            re.findall(r'<td class="cell[^"]*"><a href="([^"]+)"[^>]*><span class="n">(\d+)</span>', text)]


@pytest.fixture(scope="module")
def seed_site(seed_build, tmp_path_factory):
    """The seed graph's site, written by `litgraph report` (skipped while the build has no findings)."""
    from litgraph.findings.evidence import read_concepts
    from litgraph.store import OxigraphStore

    store = OxigraphStore(seed_build["build"] / "store")
    if not store.select(f"ASK {{ ?f a <{FINDING}> }}").rows[0]["result"]:
        pytest.skip("the build does not add the evidence layer yet, so there is no map to check")
    out = tmp_path_factory.mktemp("report") / "site"
    result = run_cli("report", "--build-dir", str(seed_build["build"]), "--out", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    return {"out": out, "summary": json.loads(result.stdout), "store": store, "concepts": read_concepts(store),
            "build": seed_build["build"]}


def test_report_writes_the_site_and_says_how_many_pages(seed_site):
    summary, out = seed_site["summary"], seed_site["out"]
    assert summary["pages"] == len(list(out.rglob("*.html"))) > 150
    for name in ("index.html", "map.html", "equivocal.html", "network.html", "network.svg", "works.html",
                 "search.html", "assets/style.css", "assets/search.js", "assets/search-index.js", ".litgraph-report"):
        assert (out / name).is_file(), name
    assert summary["seconds"] > 0


def test_every_map_cell_holds_exactly_the_findings_evidence_returns(seed_site):
    out, store, concepts = seed_site["out"], seed_site["store"], seed_site["concepts"]
    cells = map_cells(out)
    assert len(cells) > 100
    kinds = {href.split("/")[0] for href, _ in cells} | {"general" for href, _ in cells if "#general--" in href}
    assert kinds == {"domain", "factor", "outcome", "general"}
    pages: dict[str, PageParser] = {}
    for href, shown in cells:
        path, anchor = href.split("#")
        page = pages.setdefault(path, parse_page(out / path))
        listed = page.findings[anchor]
        assert sorted(listed) == sorted(expected_findings(store, concepts, href)), href
        assert len(listed) == shown, href


def test_overview_names_the_corpus_digest_and_the_build_file_time(seed_site):
    text = (seed_site["out"] / "index.html").read_text(encoding="utf-8")
    digest = seed_site["store"].select(
        "SELECT ?d WHERE { <https://w3id.org/litgraph/id/build> <https://w3id.org/litgraph/ontology#corpusDigest> ?d }"
    ).rows[0]["d"]
    assert digest in text and "litgraph.nt" in text and "UTC" in text
    for seed in ("Introducing peer worker roles into UK mental health service teams", "Gillard"):
        assert seed in text


def test_every_internal_link_resolves(seed_site):
    assert internal_link_problems(seed_site["out"]) == []


def test_no_page_repeats_an_id_or_skips_a_heading_level(seed_site):
    for path in seed_site["out"].rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        ids = re.findall(r'\sid="([^"]+)"', text)
        assert len(ids) == len(set(ids)), path
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", text)]
        assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), path


def test_pages_load_nothing_from_the_network(seed_site):
    for path in seed_site["out"].rglob("*.html"):
        for tag, url in parse_page(path).links:
            if tag != "a":  # stylesheets, scripts, icons: always from the site itself
                assert not urlsplit(url).scheme or url.startswith("data:"), f"{path}: {url}"


def test_factor_page_downloads_hold_its_references_and_findings(seed_site):
    import bibtexparser

    out = seed_site["out"]
    factor = max(out.glob("factor/*.html"), key=lambda p: p.stat().st_size)
    page = factor.read_text(encoding="utf-8")
    findings = set(re.findall(r'data-finding="([^"]+)"', page))
    library = bibtexparser.parse_string(factor.with_suffix(".bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks and len(library.entries) == len(re.findall(r"<li><a class=\"ref\"", page))
    rows = list(csv.DictReader(io.StringIO(factor.with_suffix(".csv").read_text(encoding="utf-8"))))
    assert {r["finding"] for r in rows} == findings
    header = run_cli("evidence", "--build-dir", str(seed_site["build"]), "--factor", factor.stem,
                     "--format", "csv").stdout.splitlines()[0]
    assert factor.with_suffix(".csv").read_text(encoding="utf-8").splitlines()[0] == header


def test_network_shows_the_seeds_and_exactly_the_works_two_or_more_seeds_cite(seed_site):
    from litgraph.cite.records import read_items
    from litgraph.queries import get_query, run_query
    from litgraph.report.data import work_files

    out, store = seed_site["out"], seed_site["store"]
    svg = (out / "network.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg.split("?>", 1)[1])
    links = {a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")}
    seeds = {r["work"] for r in store.select(get_query("_seed-papers").text).rows}
    shared = {r["work"] for r in run_query(get_query("shared-references"), store).rows} - seeds
    names = work_files(read_items(store))
    assert links == {f"work/{names[w]}" for w in seeds | shared}
    assert svg.count('class="seed"') == len(seeds)
    assert (out / "network.html").read_text(encoding="utf-8").count("<tr><th scope=\"row\">") == len(shared)


def test_the_same_graph_gives_the_same_site(seed_site):
    from litgraph.report.data import gather
    from litgraph.report.site import render_site

    data = gather(seed_site["store"], seed_site["build"])
    files = render_site(data, "apa")
    for name in ("map.html", "equivocal.html", "network.svg", "works.html"):
        assert files[name] == (seed_site["out"] / name).read_text(encoding="utf-8"), name


def test_a_numeric_style_formats_the_references_without_list_numbers(seed_site, tmp_path):
    result = run_cli("report", "--build-dir", str(seed_site["build"]), "--out", str(tmp_path / "nlm"),
                     "--style", "nlm-citation-sequence")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "nlm" / "factor").glob("*.html").__next__().read_text(encoding="utf-8")
    entries = re.findall(r'<a class="ref" href="[^"]+">([^<]{0,12})', page)
    assert entries and not any(re.match(r"\s*\[?\d+[.\]]", e) for e in entries)


@pytest.fixture(scope="module")
def mini_store(tmp_path_factory):
    from litgraph.store import OxigraphStore

    folder = tmp_path_factory.mktemp("mini-report")
    (folder / "mini.nt").write_text(mini_graph().serialize(format="nt"), encoding="utf-8")
    return OxigraphStore.create(folder / "store", folder / "mini.nt")


def test_mini_graph_map_splits_a_factor_by_polarity_and_design(mini_store):
    from litgraph.report.data import gather
    from litgraph.report.evidencemap import domain_grid, outcome_grid

    data = gather(mini_store)
    grid = domain_grid(list(data.findings), data.concepts)
    row = next(r for r in grid.rows if r.kind == "factor" and r.concept.slug == "clear-job-description")
    assert {slug: [f["polarity"].lower() for f in cell] for slug, cell in row.cells.items()} == {
        "cross-sectional-survey": ["facilitator"], "qualitative-study": ["barrier"]}
    outcomes = {r.concept.slug: r for r in outcome_grid(list(data.findings), data.concepts).rows}
    assert [r.level for r in (outcomes["service-use"], outcomes["hospital-admission"], outcomes["readmission"])] == [0, 1, 2]
    assert outcomes["service-use"].total == 2  # its own review finding and the readmission finding below it


def test_write_site_replaces_only_a_report_and_leaves_nothing_behind(tmp_path):
    from litgraph.errors import InputError
    from litgraph.report.site import write_site

    (tmp_path / "keep.txt").write_text("mine")
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("not a report")
    with pytest.raises(InputError, match="holds no litgraph report"):
        write_site({"index.html": "x"}, other)
    assert (other / "notes.txt").read_text() == "not a report"
    site = tmp_path / "site"
    write_site({"index.html": "one", "old.html": "gone next time"}, site)
    summary = write_site({"index.html": "two", "work/a.html": "a"}, site)
    assert (site / "index.html").read_text() == "two" and not (site / "old.html").exists()
    assert summary.pages == 2 and summary.files == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "other", "site"]


def test_cli_refuses_an_unknown_style_and_a_folder_that_is_not_a_report(tmp_path):
    result = run_cli("report", "--out", str(tmp_path / "x"), "--style", "no-such-style")
    assert result.returncode == 2 and "unknown CSL style" in result.stderr
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.tex").write_text("precious")
    result = run_cli("report", "--out", str(tmp_path / "docs"), "--build-dir", str(tmp_path / "nobuild"))
    assert result.returncode == 2 and "holds no litgraph report" in result.stderr
    assert (tmp_path / "docs" / "thesis.tex").read_text() == "precious"


def test_formatted_references_are_safe_html_and_lose_only_list_numbers():
    from litgraph.report.html import safe_entry
    from litgraph.report.refs import without_numbers

    assert safe_entry('Serv & Res <i>J</i> <script>x</script> &lt;b&gt;') == \
        "Serv &amp; Res <i>J</i> x &lt;b&gt;"
    assert without_numbers(["1.Ochocka J", "2. Mowbray C"]) == ["Ochocka J", "Mowbray C"]
    assert without_numbers(["[1] A", "[2] B"]) == ["A", "B"]
    assert without_numbers(["Ochocka, J. (2006)", "2006 report"]) == ["Ochocka, J. (2006)", "2006 report"]


def test_site_server_serves_a_report_folder(tmp_path):
    from litgraph.errors import InputError
    from litgraph.report.server import start_site_server, stop_site_server

    with pytest.raises(InputError, match="no report"):
        start_site_server(tmp_path)
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "search.js").write_text("1;")
    server, url = start_site_server(tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:")
        assert urllib.request.urlopen(url).read().startswith(b"<!doctype html>")
        assert urllib.request.urlopen(url + "assets/search.js").headers["Content-Type"] == "text/javascript"
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url + "nope.html")
    finally:
        stop_site_server(server)
