"""The field-by-field evaluation against gold records."""

from __future__ import annotations

import json

import pytest

from litgraph.model import Author, ParsedReference
from litgraph.parse.evaluate import FIELDS, evaluate, load_gold, main_evaluate

RAW = "Bach, S (2000) Title. Journal, 31: 8296."


def gold(**fields):
    record = {"position": 1, "raw": RAW, "authors": [{"family": "Bach", "given": "S"}], "et_al": False,
              "year": 2000, "title": "Title", "container": "Journal", "volume": "31", "first_page": "82",
              "last_page": "96"}
    return {**record, **fields}


PARSED = ParsedReference(raw=RAW, authors=(Author("Bach", "S"),), year=2000, title="Title", container="Journal",
                         volume="31", first_page="82", last_page="96")


def test_a_perfect_record_scores_one():
    report = evaluate([gold()], [PARSED])
    assert report.overall == 1.0 and not report.mismatches
    assert [s.field for s in report.fields] == list(FIELDS)


def test_each_wrong_field_is_a_mismatch():
    report = evaluate([gold(title="Other", first_page="8296", last_page=None)], [PARSED])
    assert {m.field for m in report.mismatches} == {"title", "first_page", "last_page"}
    assert report.overall == pytest.approx(4 / 7)


def test_title_and_container_compare_whitespace_only():
    assert evaluate([gold(title=" Title ", container="Journal\n")], [PARSED]).overall == 1.0
    assert evaluate([gold(title="title")], [PARSED]).overall < 1.0
    assert evaluate([gold(volume=" 31")], [PARSED]).overall < 1.0


def test_authors_compare_the_whole_list_but_not_et_al():
    assert evaluate([gold(et_al=True)], [PARSED]).overall == 1.0
    report = evaluate([gold(authors=[{"family": "Bach", "given": "S"}, {"family": "Rocca", "given": None}])],
                      [PARSED])
    assert [m.field for m in report.mismatches] == ["authors"]
    literal = ParsedReference(raw=RAW, authors=(Author(literal="Department of Health"),))
    assert evaluate([{"raw": RAW, "authors": [{"literal": "Department of Health"}]}], [literal]).overall == 1.0


def test_fields_missing_from_gold_are_not_compared():
    report = evaluate([{"raw": RAW, "year": 2000}], [PARSED])
    assert report.overall == 1.0
    assert sum(score.total for score in report.fields) == 1


def test_misaligned_lists_are_a_usage_error():
    with pytest.raises(ValueError):
        evaluate([gold()], [])
    with pytest.raises(ValueError):
        evaluate([gold(raw="something else")], [PARSED])


def test_the_table_names_fields_overall_and_mismatches():
    table = evaluate([gold(year=1999)], [PARSED]).table()
    assert "year" in table and "overall" in table and "expected 1999, got 2000" in table


def test_main_evaluate_reports_and_writes_the_table(tmp_path, capsys):
    path = tmp_path / "refs.jsonl"
    path.write_text(json.dumps(gold()) + "\n", encoding="utf-8")
    out = tmp_path / "artifacts" / "accuracy.txt"
    assert main_evaluate([str(path), "--output", str(out)]) == 0
    assert "overall" in capsys.readouterr().out and "overall" in out.read_text(encoding="utf-8")
    assert load_gold([path])[0]["source"] == "refs"


def test_main_evaluate_exits_1_below_the_threshold(tmp_path):
    path = tmp_path / "refs.jsonl"
    path.write_text(json.dumps(gold(title="Wrong", year=1)) + "\n", encoding="utf-8")
    assert main_evaluate([str(path)]) == 1


@pytest.mark.parametrize("content", ["not json\n", "[1, 2]\n", '{"position": 1}\n'])
def test_main_evaluate_exits_2_on_bad_gold_without_traceback(tmp_path, capsys, content):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main_evaluate([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err


def test_main_evaluate_exits_2_on_a_missing_file(tmp_path, capsys):
    assert main_evaluate([str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
