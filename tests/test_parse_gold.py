"""Parser accuracy on the hand-checked gold records (tests/gold/refs/*.jsonl).

The per-field table goes into the assertion message and into
test-artifacts/parser-accuracy.txt, so it is visible without `-s`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litgraph.parse.evaluate import evaluate_files

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold" / "refs").glob("*.jsonl"))
ARTIFACT = ROOT / "test-artifacts" / "parser-accuracy.txt"
MIN_ACCURACY = 0.97


@pytest.mark.skipif(not GOLD, reason="no gold files in tests/gold/refs")
def test_parser_accuracy_on_gold():
    report = evaluate_files(GOLD)
    table = report.table()
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(f"gold: {', '.join(p.name for p in GOLD)}\n\n{table}\n", encoding="utf-8")
    assert report.records > 0
    assert report.overall >= MIN_ACCURACY, f"parser accuracy below {MIN_ACCURACY}:\n{table}"


@pytest.mark.skipif(not GOLD, reason="no gold files in tests/gold/refs")
@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_parser_accuracy_per_gold_file(path):
    report = evaluate_files([path])
    assert report.overall >= MIN_ACCURACY, f"{path.name}:\n{report.table()}"
