"""The reference labeller's training data: seed gold as segments, rendered CSL strings."""

from __future__ import annotations

import json

from litgraph.parse.training import LABELS
from litgraph.parse.training.gold import GOLD_DIR, gold_sequence, gold_sequences


def test_gold_record_aligns_each_field_to_its_tokens():
    record = {"raw": "Bach, S, Della Rocca, G (2000) The management strategies of public service "
                     "employers in Europe. Industrial Relations Journal, 31: 8296.",
              "type": "journal-article", "authors": [{"family": "Bach", "given": "S"},
                                                     {"family": "Della Rocca", "given": "G"}],
              "year": 2000, "title": "The management strategies of public service employers in Europe",
              "container": "Industrial Relations Journal", "volume": "31", "first_page": "82",
              "last_page": "96"}
    assert gold_sequence(record, "seed").segments == (
        ("author", "Bach, S, Della Rocca, G"), ("date", "(2000)"),
        ("title", "The management strategies of public service employers in Europe."),
        ("journal", "Industrial Relations Journal,"), ("volume", "31:"), ("pages", "8296."))


def test_gold_corporate_report_keeps_publisher_apart_from_the_same_named_author():
    record = {"raw": "Department of Health: Mental health: new ways of working. 2007, London: Department of Health",
              "type": "report", "authors": [{"literal": "Department of Health"}], "year": 2007,
              "title": "Mental health: new ways of working", "publisher": "Department of Health", "place": "London"}
    assert gold_sequence(record, "seed").segments == (
        ("author", "Department of Health:"), ("title", "Mental health: new ways of working."),
        ("date", "2007,"), ("location", "London:"), ("publisher", "Department of Health"))


def test_gold_line_break_hyphen_in_a_family_name_still_aligns_as_author():
    record = {"raw": "Coatsworth- Puspoky, R (2006). Peer support. J Psych, 13, 490497.",
              "type": "journal-article", "authors": [{"family": "Coatsworth-Puspoky", "given": "R"}],
              "year": 2006, "title": "Peer support", "container": "J Psych", "volume": "13", "first_page": "490"}
    assert gold_sequence(record, "seed").segments[0] == ("author", "Coatsworth- Puspoky, R")


def test_every_seed_gold_string_is_kept_whole_and_every_token_labelled():
    sequences = list(gold_sequences())
    raws = [json.loads(line)["raw"] for path in sorted(GOLD_DIR.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(sequences) == len(raws) > 100
    for sequence, raw in zip(sequences, raws):
        assert sequence.text == " ".join(raw.split())
        assert all(label in LABELS for _, label in sequence.tokens())
    notes = sum(label == "note" for s in sequences for _, label in s.tokens())
    assert notes < 20  # only what no gold field holds: "in press", "[Epub ahead of print]", a doubled title
