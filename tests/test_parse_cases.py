"""Data-driven cases: tests/cases/refs/<name>.json holds an input string and, written by
hand, the fields expected from it (a subset of the ParsedReference JSON shape)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litgraph.parse import parse_reference

CASES = sorted((Path(__file__).parent / "cases" / "refs").glob("*.json"))


def test_there_are_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    got = parse_reference(case["input"]).as_dict()
    assert got["raw"] == case["input"]
    wrong = {field: (expected, got[field]) for field, expected in case["expected"].items()
             if got[field] != expected}
    assert not wrong, f"{path.name}: field: (expected, got): {wrong}\nwarnings: {got['warnings']}"
