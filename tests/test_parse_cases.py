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


# Strings no seed style reads are now read by the labeller (issue 12); these three it still gets wrong.
LABELLER_OPEN = {"apa-chapter": "edition '(2nd ed.)' left in the container",
                 "apa-no-date": "'(n.d.)' read as an author", "harvard-ctr-chapter": "book of a chapter not labelled"}


@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.xfail(reason=LABELLER_OPEN[p.stem], strict=True))
                                  if p.stem in LABELLER_OPEN else p for p in CASES], ids=[p.stem for p in CASES])
def test_case(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    got = parse_reference(case["input"]).as_dict()
    assert got["raw"] == case["input"]
    wrong = {field: (expected, got[field]) for field, expected in case["expected"].items()
             if got[field] != expected}
    assert not wrong, f"{path.name}: field: (expected, got): {wrong}\nwarnings: {got['warnings']}"
