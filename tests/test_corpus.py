"""The corpus loader reads the shipped corpus and names the file and line of every problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from litgraph.corpus import load_corpus
from litgraph.errors import CorpusError

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_corpus_counts():
    corpus = load_corpus(ROOT / "corpus")
    assert [p.doi for p in corpus.papers] == [
        "10.1186/1472-6963-13-188", "10.1192/apt.bp.113.011940", "10.3310/hsdr02190",
        "10.1017/S2045796014000407"]
    by_list = {}
    for e in corpus.entries:
        by_list.setdefault((e.paper_doi, e.list), []).append(e.position)
    assert len(by_list[("10.1186/1472-6963-13-188", "references")]) == 46
    assert 24 not in by_list[("10.1186/1472-6963-13-188", "references")]
    assert max(by_list[("10.1186/1472-6963-13-188", "references")]) == 47
    assert len(by_list[("10.1192/apt.bp.113.011940", "references")]) == 52
    assert len(by_list[("10.1192/apt.bp.113.011940", "cited_by")]) == 14
    assert len(by_list[("10.1017/S2045796014000407", "references")]) == 60


def test_no_link_labels_or_doubled_entries_in_lists():
    for entry in load_corpus(ROOT / "corpus").entries:
        assert not entry.raw.endswith(("CrossRef", "PubMed", "PubMedCentral", "Google Scholar")), entry.raw
        half = len(entry.raw) // 2
        assert entry.raw[:half].strip() != entry.raw[half:].strip(), entry.raw


def test_digest_is_stable():
    assert load_corpus(ROOT / "corpus").digest == load_corpus(ROOT / "corpus").digest


@pytest.fixture
def corpus_copy(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def test_tab_missing_names_file_and_line(corpus_copy):
    path = corpus_copy / "references" / "gillard-2014-apt.tsv"
    lines = path.read_text().splitlines()
    lines[5] = lines[5].replace("\t", " ", 1)
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CorpusError) as info:
        load_corpus(corpus_copy)
    assert info.value.path.endswith("gillard-2014-apt.tsv") and info.value.line == 6
    assert "expected '<position><TAB>" in str(info.value)


def test_duplicate_position_is_rejected(corpus_copy):
    path = corpus_copy / "references" / "gillard-2015-eps.tsv"
    path.write_text(path.read_text() + "1\tA duplicate entry.\n")
    with pytest.raises(CorpusError, match="position 1 already used on line 4"):
        load_corpus(corpus_copy)


def test_bad_yaml_names_the_line(corpus_copy):
    path = corpus_copy / "papers" / "gillard-2015-eps.yaml"
    path.write_text(path.read_text().replace("year: 2015", "year: [2015"))
    with pytest.raises(CorpusError) as info:
        load_corpus(corpus_copy)
    assert info.value.path.endswith("gillard-2015-eps.yaml") and info.value.line is not None


def test_missing_field_and_unknown_field(corpus_copy):
    path = corpus_copy / "papers" / "gillard-2014-hsdr.yaml"
    text = path.read_text()
    path.write_text(text.replace("year: 2014\n", ""))
    with pytest.raises(CorpusError, match="missing field.*year"):
        load_corpus(corpus_copy)
    path.write_text(text + "colour: red\n")
    with pytest.raises(CorpusError, match="unknown field.*colour"):
        load_corpus(corpus_copy)


def test_missing_list_file(corpus_copy):
    (corpus_copy / "cited-by" / "gillard-2014-apt.tsv").unlink()
    with pytest.raises(CorpusError, match="names a list file that does not exist"):
        load_corpus(corpus_copy)


def test_duplicate_doi(corpus_copy):
    path = corpus_copy / "papers" / "gillard-2014-hsdr.yaml"
    path.write_text(path.read_text().replace("doi: 10.3310/hsdr02190", "doi: 10.1186/1472-6963-13-188"))
    with pytest.raises(CorpusError, match="is also the DOI of"):
        load_corpus(corpus_copy)


def test_not_utf8(corpus_copy):
    (corpus_copy / "references" / "gillard-2014-apt.tsv").write_bytes(b"1\t\xff\xfe bad bytes\n")
    with pytest.raises(CorpusError, match="cannot read"):
        load_corpus(corpus_copy)
