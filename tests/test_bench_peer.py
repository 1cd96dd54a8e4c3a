"""The benchmark's peer (Virtuoso, started by the bench itself) and its whole-process series: report shapes,
and a real Virtuoso loaded with the seed graph by bench/virtuoso.py answering as the embedded store does."""

from __future__ import annotations

import shutil
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from bench.report import size_table  # noqa: E402
from bench.startup import render_startup_section, startup_table  # noqa: E402


def row(store, query, seconds, peak=100.0):
    return {"size": "1m", "triples": 1_000_000, "store": store, "query": query, "median_s": seconds,
            "timed_out": False, "peak_rss_mb": peak}


def test_size_table_shows_virtuoso_beside_the_embedded_store_when_it_was_loaded():
    rows = [row("oxigraph", "build", 10.0), row("oxigraph", "load", 4.0), row("rdflib", "load", 40.0),
            row("virtuoso", "load", 20.0, peak=900), row("oxigraph", "most-cited", 0.05),
            row("rdflib", "most-cited", 1.0), row("virtuoso", "most-cited", 0.5, peak=950)]
    lines = size_table("1m", rows, 20.0)
    assert "| Virtuoso (s) | Virtuoso ÷ Oxigraph |" in lines[2] and lines[2].endswith("Virtuoso peak MB |")
    assert lines[3].count("|") == lines[2].count("|")
    assert "| most-cited | 0.050 | 1.000 | 20× | 0.500 | 10× | 100 | 100 | 950 |" in lines
    assert "| load (250k vs 25k vs 50k triples/s) | 4.000 | 40.000 | 10× | 20.000 | 5× | 100 | 100 | 900 |" in lines


def test_size_table_without_virtuoso_keeps_its_columns():
    lines = size_table("1m", [row("oxigraph", "build", 1.0), row("oxigraph", "load", 1.0), row("rdflib", "load", 2.0)])
    assert "Virtuoso" not in "\n".join(lines)


def test_startup_table_names_the_commands_over_half_a_second():
    rows = [{"series": "startup", "size": "seed", "command": "query most-cited", "median_s": 0.31, "min_s": 0.3,
             "runs": 10, "load_avg": 1.2},
            {"series": "startup", "size": "seed", "command": "headline", "median_s": 0.62, "min_s": 0.6,
             "runs": 10, "load_avg": 3.4}]
    table = startup_table(rows)
    assert "**missed** by headline." in table and "| `litgraph headline` | 0.620 | 0.600 | 3.4 |" in table
    once = render_startup_section("# bench\n", rows)
    assert render_startup_section(once, rows[:1]).count("startup-series: written") == 1


@pytest.mark.slow
def test_bench_virtuoso_loads_the_seed_graph_and_answers_like_the_embedded_store(seed_build):
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (virtuoso-t, isql-vt): apt-get install virtuoso-opensource")
    from bench import virtuoso
    from litgraph.queries import get_query, run_query
    from litgraph.remote import RemoteStore
    from litgraph.store import open_store

    server = virtuoso.start(seed_build["build"], memory_gb=0.25)
    try:
        virtuoso.load(server, seed_build["build"] / "litgraph.nt")
        remote, local = RemoteStore(server.query_url), open_store("oxigraph", seed_build["build"])
        for name, values in (("most-cited", {}), ("works-by-author", {"name": "Gillard"})):
            expected = run_query(get_query(name), local, values).rows
            assert expected and run_query(get_query(name), remote, values).rows == expected
    finally:
        virtuoso.stop(server)
    assert not server.folder.exists()
