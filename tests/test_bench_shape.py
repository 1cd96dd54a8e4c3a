"""The benchmark's synthetic corpus has the documented shape, and bench/results.json the documented schema.

No speed is asserted here: `make bench` measures it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from bench.generate import REFERENCES_PER_PAPER, build_synthetic, synthetic_corpus  # noqa: E402
from litgraph.queries import list_queries  # noqa: E402

LG = "https://w3id.org/litgraph/ontology#"
STARTUP_KEYS = {"series", "size", "command", "median_s", "min_s", "runs", "load_avg"}
RESULT_KEYS = {"size", "triples", "store", "query", "median_s", "timed_out", "peak_rss_mb"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    corpus = synthetic_corpus(6)
    build_synthetic(corpus, folder / "build")
    return corpus, folder


def test_papers_have_about_forty_references_and_works_four_authors(tiny):
    corpus, _ = tiny
    per_paper = Counter(e.paper_doi for e in corpus.entries)
    assert set(per_paper) == set(corpus.papers) and set(per_paper.values()) == {REFERENCES_PER_PAPER}
    assert {len(w.authors) for w in corpus.works} == {4}
    shared = [w for w in corpus.works if sum(m.list == "references" for m in w.members) >= 2]
    assert len(shared) > 20, "reference lists must share works"
    assert corpus.decisions and all(len(w.members) > 1 for w in corpus.works
                                    if any(d.left == w.members[0].key for d in corpus.decisions))


def test_build_path_writes_each_triple_once_and_a_loaded_store(tiny):
    corpus, folder = tiny
    built = build_synthetic(corpus, folder / "again")
    lines = (folder / "again" / "litgraph.nt").read_text(encoding="utf-8").splitlines()
    assert built == len(lines) == len(set(lines)) and lines == sorted(lines)
    assert (folder / "again" / "litgraph.nt").read_bytes() == (folder / "build" / "litgraph.nt").read_bytes()
    from litgraph.store import OxigraphStore

    assert len(OxigraphStore(folder / "again" / "store")) == built


def test_graph_has_cocitations_and_findings_with_designs_outcomes_domains(tiny):
    from litgraph.store import OxigraphStore

    store = OxigraphStore(tiny[1] / "build" / "store")
    count = lambda pattern: store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows[0]["n"]  # noqa: E731
    assert count(f"?c a <{LG}CoCitation> ; <{LG}coCitationCount> ?n ; <{LG}coCitedWork> ?w") > 0
    assert count(f"?f a <{LG}Finding> ; <{LG}studyDesign> ?d") == 12
    for prop in ("outcome", "domain", "direction", "factor", "polarity", "mechanism"):
        assert count(f"?f a <{LG}Finding> ; <{LG}{prop}> ?x") > 0, prop


def test_query_params_name_things_in_the_graph(tiny):
    from litgraph.queries import get_query, run_query
    from litgraph.store import OxigraphStore

    corpus, folder = tiny
    store = OxigraphStore(folder / "build" / "store")
    for name, params in corpus.params.items():
        assert run_query(get_query(name), store, params).rows, f"{name} {params} finds nothing"


def test_results_json_schema():
    rows = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    startup = [r for r in rows if r.get("series") == "startup"]
    assert all(set(r) == STARTUP_KEYS and r["size"] == "seed" and r["median_s"] > 0 for r in startup)
    # The build series has its own test (tests/test_bench_build.py); the rest are the query series.
    rows = [r for r in rows if r.get("series") not in {"build", "startup"}]
    named = {q.name for q in list_queries()}
    assert rows and all(set(r) == RESULT_KEYS for r in rows)
    for r in rows:
        assert r["size"] in {"10k", "100k", "1m", "10m"} and r["store"] in {"oxigraph", "rdflib", "virtuoso"}
        assert r["query"] in named | {"load", "build"}
        assert isinstance(r["triples"], int) and isinstance(r["timed_out"], bool)
        assert r["median_s"] is None or isinstance(r["median_s"], (int, float))
        assert isinstance(r["peak_rss_mb"], (int, float))
    measured = {(r["size"], r["store"]) for r in rows if r["query"] != "build"}
    assert {("1m", "oxigraph"), ("1m", "rdflib")} <= measured
    for size, store in measured:  # a query added since the last `make bench` is not a failure here
        queries = {r["query"] for r in rows if (r["size"], r["store"]) == (size, store)}
        assert "load" in queries and queries & named, f"{size}/{store} has no load or no query rows"


def test_overhead_tool_counts_the_rows_litgraph_returns(tiny, capsys):
    """bench.overhead times three ways of running each query; all three must see the same rows."""
    from bench.overhead import main
    from litgraph.queries import get_query, run_query
    from litgraph.store import OxigraphStore

    corpus, folder = tiny
    (folder / "build" / "params.json").write_text(json.dumps(corpus.params), encoding="utf-8")
    main(["--work", str(folder), "--size", "build", "--runs", "1"])
    lines = capsys.readouterr().out.splitlines()[2:]
    printed = {line.split()[0]: int(line.split()[1]) for line in lines}
    store = OxigraphStore(folder / "build" / "store")
    assert printed == {q.name: len(run_query(get_query(q.name), store, corpus.params.get(q.name, {})).rows)
                       for q in list_queries()}
