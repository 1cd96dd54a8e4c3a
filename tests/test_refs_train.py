"""`litgraph refs train`: a model from the user's own labelled references (AnyStyle XML or segments JSONL)."""

from __future__ import annotations

import json
import pytest

from conftest import run_cli

XML = """<?xml version='1.0' encoding='utf-8'?>
<dataset>
  <sequence><author>Okafor, C.</author><date>(2012).</date><title>Housing first.</title>
    <journal>Psychiatric Services,</journal><volume>63(3),</volume><pages>240-246.</pages></sequence>
  <sequence><author>Lind, T., &amp; Moreau, A.</author><date>(2009).</date><title>Social psychiatry.</title>
    <location>Oxford:</location><publisher>Oxford University Press.</publisher></sequence>
</dataset>
"""
JSONL = json.dumps({"segments": [["author", "Brandt L, Osei K."], ["title", "Peer work."], ["journal", "J Ment Health."],
                                 ["date", "2017;"], ["volume", "26:"], ["pages", "12-19."]]}) + "\n"


def test_train_on_a_tiny_xml_and_jsonl_file_then_parse_with_it(tmp_path):
    (tmp_path / "refs.xml").write_text(XML, encoding="utf-8")
    (tmp_path / "refs.jsonl").write_text(JSONL, encoding="utf-8")
    model = tmp_path / "mine.crfsuite"
    out = run_cli("refs", "train", "--data", str(tmp_path / "refs.xml"), "--data", str(tmp_path / "refs.jsonl"),
                  "--out", str(model))
    assert out.returncode == 0, out.stderr
    assert model.stat().st_size > 0
    parsed = run_cli("refs", "parse", "-", "--model", str(model), "--explain",
                     input="Okafor, C. (2012). Housing first. Psychiatric Services, 63(3), 240-246.\n")
    assert parsed.returncode == 0, parsed.stderr
    assert {t["label"] for t in json.loads(parsed.stdout)["tokens"]} <= {"author", "date", "title", "journal",
                                                                         "volume", "pages", "location", "publisher"}


def test_malformed_xml_exits_2_with_file_and_line_and_writes_no_model(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<dataset>\n<sequence><author>A</author>\n<title>B</sequence>\n</dataset>\n", encoding="utf-8")
    model = tmp_path / "out.crfsuite"
    out = run_cli("refs", "train", "--data", str(bad), "--out", str(model))
    assert out.returncode == 2 and f"{bad}:3" in out.stderr and "Traceback" not in out.stderr
    assert not model.exists() and list(tmp_path.iterdir()) == [bad]


def test_malformed_jsonl_exits_2_with_file_and_line_and_keeps_the_old_model(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(JSONL + '{"segments": [["author", "x"]\n', encoding="utf-8")
    model = tmp_path / "out.crfsuite"
    model.write_bytes(b"old model")
    out = run_cli("refs", "train", "--data", str(bad), "--out", str(model))
    assert out.returncode == 2 and f"{bad}:2" in out.stderr
    assert model.read_bytes() == b"old model"


def test_jsonl_without_segments_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"raw": "x"}\n', encoding="utf-8")
    out = run_cli("refs", "train", "--data", str(bad), "--out", str(tmp_path / "m.crfsuite"))
    assert out.returncode == 2 and f"{bad}:1" in out.stderr and "segments" in out.stderr


@pytest.mark.parametrize("segments,expected", [
    ([("pages", "2006;57:1179–84.")], ["date", "volume", "pages"]),
    ([("pages", "2012;11(2):123-8.")], ["date", "volume", "issue", "pages"]),
    ([("date", "2008;17:"), ("pages", "498–508.")], ["date", "volume", "pages"]),
    ([("title", "Peer work 2006;57:1179")], ["title"] * 5),
])
def test_rendered_glued_locator_is_not_taught_as_one_field(segments, expected):
    # The renderer labels "2006;57:1179–84." by its majority field (pages); the labeller reads it split,
    # and learning "2006;" as pages cost the Vancouver years and volumes.
    from litgraph.parse.crf.data import from_segments
    assert list(from_segments(segments).labels) == expected
