"""bench/report.py turns results rows into the README's tables and target lines (hand-made rows here)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from bench.report import END, START, render_readme, targets, ten_million  # noqa: E402

MACHINE = {"date": "2026-11-24", "cores": 2, "cpu": "test cpu", "memory_gb": 23, "python": "3.11",
           "pyoxigraph": "0.5", "rdflib": "7", "runs": 5, "timeout_s": 20.0}


def row(size, store, query, seconds, timed_out=False, peak=100.0, triples=1_000_000):
    return {"size": size, "triples": triples, "store": store, "query": query, "median_s": seconds,
            "timed_out": timed_out, "peak_rss_mb": peak}


def test_targets_name_what_is_missed_with_a_lower_bound_for_timeouts():
    rows = [row("1m", "oxigraph", "load", 4.0), row("1m", "rdflib", "load", 30.0),
            row("1m", "oxigraph", "fast", 0.01), row("1m", "rdflib", "fast", 0.5),       # 50x: met
            row("1m", "oxigraph", "close", 0.1), row("1m", "rdflib", "close", 2.0),      # 20x: short
            row("1m", "oxigraph", "bounded", 1.0), row("1m", "rdflib", "bounded", None, timed_out=True),
            row("1m", "oxigraph", "slow", 1.5), row("1m", "rdflib", "slow", 60.0)]
    lines = targets(rows, timeout_s=20.0)
    assert "- load at 200,000 triples/s or better: met (250,000 triples/s)" in lines
    assert "- every named query under 1 s on Oxigraph: **missed** (over: bounded, slow)" in lines
    assert ("- at least 30× faster than rdflib on every query: **missed** "
            "(short: bounded (> 20×: rdflib timed out), close (20×))") in lines


def test_ten_million_says_whether_the_peak_was_the_build():
    rows = [row("10m", "oxigraph", "build", 100.0, peak=3600), row("10m", "oxigraph", "load", 30.0, peak=1800),
            row("10m", "oxigraph", "q", 0.5, peak=300), row("10m", "oxigraph", "t", None, timed_out=True)]
    lines = ten_million(rows)
    assert "- the embedded store answers every named query: **missed** (not answered: t)" in lines
    assert ("- peak memory under 4 GB: met (3,600 MB at the most, in the build; "
            "loading and querying 1,800 MB)") in lines


def test_render_replaces_only_the_results_section():
    readme = f"# title\n\nhand-written\n\n{START}\nold table\n{END}\n\nafter\n"
    rows = [row("10k", "oxigraph", "build", 0.5, triples=16_000), row("10k", "oxigraph", "load", 0.1, triples=16_000),
            row("10k", "rdflib", "load", 0.4, triples=16_000)]
    out = render_readme(readme, rows, MACHINE)
    assert out.startswith("# title\n\nhand-written\n\n") and out.endswith(f"{END}\n\nafter\n")
    assert "old table" not in out and "### 10k: 16,000 triples" in out
    assert "| load (160k vs 40k triples/s) | 0.100 | 0.400 | 4× | 100 | 100 |" in out
