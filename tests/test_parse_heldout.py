"""The parser on held-out references from other journals' styles (tests/gold/heldout), never used to tune it."""

from __future__ import annotations

import json
from pathlib import Path

from litgraph.parse import parse_reference
from litgraph.parse.evaluate import evaluate

HELDOUT = Path(__file__).parent / "gold" / "heldout" / "other-styles.jsonl"


def test_heldout_field_accuracy():
    gold = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = evaluate(gold, [parse_reference(g["raw"]) for g in gold])
    overall = sum(f.correct for f in report.fields) / sum(f.total for f in report.fields)
    assert overall >= 0.97, report.table() + "\n" + "\n".join(map(str, report.mismatches))
