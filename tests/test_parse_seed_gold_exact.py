"""Regression: every seed entry (reference lists and the 'Cited by' list) parses to its gold fields.

The labeller once split Cambridge's run-on 'Cited by' authors ("Oates, J. Drey, N. and Jones, J.")
into four persons where the rule reader had read three; the seed build then differed from before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litgraph.parse import parse_reference
from litgraph.parse.crf.persons import split_persons
from litgraph.parse.evaluate import FIELDS

GOLD = sorted((Path(__file__).resolve().parent / "gold" / "refs").glob("*.jsonl"))
ENTRIES = [(path.stem, json.loads(line)) for path in GOLD
           for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.mark.parametrize("name,gold", ENTRIES, ids=[f"{n}-{g['position']}" for n, g in ENTRIES])
def test_seed_entry_parses_to_its_gold_fields(name, gold):
    parsed = parse_reference(gold["raw"]).as_dict()
    wrong = {f: (gold.get(f), parsed.get(f)) for f in FIELDS if gold.get(f) != parsed.get(f)}
    assert not wrong, f"{name} {gold['position']}: {wrong}"


def test_cited_by_list_covers_the_run_on_authors():
    assert any(n == "gillard-2014-apt-cited-by" and g["raw"].startswith("Oates, J. Drey") for n, g in ENTRIES)


@pytest.mark.parametrize("text,expected", [
    ("Oates, J. Drey, N. and Jones, J.", [("Oates", "J"), ("Drey", "N"), ("Jones", "J")]),
    ("Bailie, H. Alistair Tickle, Anna and Rennoldson, Michael", [("Bailie", "HA"), ("Tickle", "A"),
                                                                   ("Rennoldson", "M")]),
    ("Taylor, W.D. and Q. McNemar", [("Taylor", "WD"), ("McNemar", "Q")]),
])
def test_run_on_cited_by_authors_split_into_their_persons(text, expected):
    assert [(a.family, a.given) for a in split_persons(text).authors] == expected
