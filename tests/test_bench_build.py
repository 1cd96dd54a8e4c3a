"""The build series of `make bench`: the printed-string corpus generator and the identity scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import corpus_print
from bench.build_report import BEGIN, END, render_build_section
from bench.build_series import identity_quality, rows_for
from bench.corpus_gen import generate


@pytest.fixture(scope="module")
def field(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("field")
    generate(400, folder)
    return folder


def test_generator_is_deterministic_and_keeps_the_truth_outside_the_corpus(field, tmp_path):
    generate(400, tmp_path)
    for name in ("truth.tsv", "hard-negatives.tsv", "corpus/references/paper-00003.tsv"):
        assert (field / name).read_bytes() == (tmp_path / name).read_bytes()
    inside = {p.name for p in (field / "corpus").rglob("*")}
    assert "truth.tsv" not in inside and "hard-negatives.tsv" not in inside
    assert len((field / "truth.tsv").read_text().splitlines()) == 400


def test_lists_print_in_three_styles_with_both_kinds_of_hard_negative(field):
    heads = {p.read_text().splitlines()[0] for p in (field / "corpus" / "references").glob("*.tsv")}
    assert {f"# Printed in {s} by bench/corpus_gen.py" for s in corpus_print.STYLES} <= heads
    text = "".join(p.read_text() for p in (field / "corpus" / "references").glob("*.tsv"))
    assert "implementation framework" in text or "progress report" in text or "guidance for" in text
    assert len((field / "hard-negatives.tsv").read_text().splitlines()) >= 5


def test_noise_changes_a_printing_in_one_of_the_documented_ways():
    import random

    from bench.corpus_gen import CitedWork

    work = CitedWork(1, (("Sells", "DL"), ("Davidson", "L"), ("Rowe", "M")), False, 2006,
                     "The treatment relationship in peer-based case management", ("Psychiatric Services",
                                                                                   "Psychiatr Serv"),
                     57, 8, 1179, 5, None)
    clean = corpus_print.printed(work, "apa", random.Random(0), 0.0)
    assert clean.startswith("Sells, D. L., Davidson, L., & Rowe, M. (2006). The treatment relationship")
    noisy = {corpus_print.printed(work, "apa", random.Random(i), 1.0) for i in range(40)}
    assert any("(2005)" in n or "(2007)" in n for n in noisy)
    assert any("Psychiatr Serv," in n for n in noisy)
    assert any("Davidson" not in n for n in noisy)
    assert any("treatment relationship" not in n for n in noisy)


def test_identity_quality_counts_pairs_and_merged_hard_negatives(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "truth.tsv").write_text("a#references/1\t1\nb#references/1\t1\nc#references/1\t2\n"
                                        "d#references/1\t3\n")
    (tmp_path / "hard-negatives.tsv").write_text("2\t3\n")
    (tmp_path / "corpus" / "work-ids.tsv").write_text("# header\na#references/1\tw1\nb#references/1\tw2\n"
                                                      "c#references/1\tw3\nd#references/1\tw3\n")
    quality = identity_quality(tmp_path)
    assert (quality["precision"], quality["recall"], quality["hard_negatives_merged"]) == (0.0, 0.0, 1)


def test_the_real_build_on_a_small_generated_field_is_scored(field, tmp_path):
    """End to end on 400 printed strings: the build's works against the generator's truth."""
    import shutil

    from litgraph.build import build_graph

    shutil.copytree(field, tmp_path / "f")
    messages: list[str] = []
    build_graph(tmp_path / "f" / "corpus", tmp_path / "f" / "build", progress=messages.append)
    assert any(m.startswith("writing the N-Triples") for m in messages) and "loading the store" in messages
    quality = identity_quality(tmp_path / "f")
    assert quality["precision"] >= 0.95 and quality["recall"] >= 0.9


def test_build_section_of_the_readme_is_replaced_between_its_markers():
    record = {"entries": 1000, "works": 269, "triples": 5, "total_s": 4.2,
              "seconds": {"parse": 1.0}, "peak_mb": {"parse": 40.0, "store": 120.0}}
    quality = {"precision": 1.0, "recall": 0.99, "hard_negatives": 3, "hard_negatives_merged": 0}
    rows = rows_for("1k", record, quality)
    once = render_build_section("intro\n", rows)
    twice = render_build_section(once.replace("| 1,000 |", "| stale |"), rows)
    assert once == twice and once.count(BEGIN) == 1 and once.count(END) == 1
    assert "| 1,000 | 269 | 4.2 | 120 |" in once and "0 of 3" in once
    json.dumps(rows)


def test_build_series_rows_in_results_json_have_every_stage_and_the_identity_figures():
    rows = json.loads((Path(__file__).resolve().parent.parent / "bench" / "results.json").read_text())
    build = [r for r in rows if r.get("series") == "build"]
    assert build, "make bench BUILD_SIZES=... has not written the build series"
    for size in {r["size"] for r in build}:
        stages = {r["stage"]: r for r in build if r["size"] == size}
        assert set(stages) == {"read", "parse", "identity", "triples", "files", "store", "total"}
        total = stages["total"]
        assert 0 <= total["precision"] <= 1 and 0 <= total["recall"] <= 1
        assert isinstance(total["hard_negatives_merged"], int) and total["entries"] > 0
