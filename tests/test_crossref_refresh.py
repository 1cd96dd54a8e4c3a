"""`crossref refresh`: citation counts kept as history, metadata apart, curated records untouched."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT
from crossref_server import client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.crossref.add import add_papers
from litgraph.crossref.client import CrossrefClient
from litgraph.crossref.files import CitationCount, append_citation_counts, load_citation_counts, read_metadata
from litgraph.crossref.refresh import known_dois, run_refresh
from litgraph.errors import CorpusError, UpstreamError

SEEDS = ["10.1017/s2045796014000407", "10.1186/1472-6963-13-188", "10.1192/apt.bp.113.011940", "10.3310/hsdr02190"]


@pytest.fixture
def corpus(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def refresh(corpus, server, dois, **settings):
    with CrossrefClient(client_settings(server, **settings)) as client:
        return run_refresh(corpus, client, dois), client.stats


def test_known_dois_are_papers_first_then_printed_and_matched(corpus):
    assert known_dois(corpus, only_papers=True) == SEEDS
    everything = known_dois(corpus)
    assert everything[:4] == SEEDS
    assert "10.1176/appi.ps.57.10.1493" in everything and len(everything) == len(set(everything))


def test_counts_are_recorded_with_date_and_source(corpus, crossref_server):
    summary, _ = refresh(corpus, crossref_server, SEEDS)
    counts = load_citation_counts(corpus)
    assert [(c.doi, c.count, c.source) for c in counts] == [
        ("10.1017/s2045796014000407", 88, crossref_server.url), ("10.1186/1472-6963-13-188", 112, crossref_server.url),
        ("10.1192/apt.bp.113.011940", 45, crossref_server.url), ("10.3310/hsdr02190", 31, crossref_server.url)]
    assert summary.as_dict()["counts_recorded"] == 4
    metadata = read_metadata(corpus)
    assert metadata["10.1186/1472-6963-13-188"]["is_referenced_by_count"] == 112
    assert metadata["10.1186/1472-6963-13-188"]["url"].endswith("/works/10.1186/1472-6963-13-188")


def test_a_second_refresh_the_same_day_asks_nothing(corpus, crossref_server, tmp_path):
    refresh(corpus, crossref_server, SEEDS, cache_dir=tmp_path / "cache")
    summary, stats = refresh(corpus, crossref_server, SEEDS, cache_dir=tmp_path / "cache")
    assert summary.done_today == 4 and stats.requests == 0 and stats.cache_hits == 0
    assert len(crossref_server.log) == 4 and len(load_citation_counts(corpus)) == 4


def test_history_is_kept_not_overwritten(corpus, crossref_server):
    earlier = CitationCount("10.1186/1472-6963-13-188", "2025-06-01", 97, "https://api.crossref.org")
    append_citation_counts(corpus, [earlier])
    refresh(corpus, crossref_server, SEEDS[1:2])
    counts = load_citation_counts(corpus)
    assert counts[0] == earlier and counts[1].count == 112 and len(counts) == 2


def test_curated_records_are_untouched_and_added_papers_updated(corpus, crossref_server):
    before = {p: p.read_bytes() for p in (corpus / "papers").iterdir()}
    with CrossrefClient(client_settings(crossref_server)) as client:
        add_papers(corpus, ["10.5555/walker.2013"], client)
    record = next((corpus / "crossref" / "papers").glob("*.yaml"))
    record.write_text(record.read_text().replace("volume: '36'", "volume: '35'"))     # stale metadata
    summary, _ = refresh(corpus, crossref_server, known_dois(corpus, only_papers=True))
    assert summary.run["paper_updated"] == 1 and "volume: '36'" in record.read_text()
    assert {p: p.read_bytes() for p in (corpus / "papers").iterdir()} == before


def test_interrupted_refresh_keeps_counts_and_continues(corpus, crossref_server):
    crossref_server.fail_after(2, status=503)
    with pytest.raises(UpstreamError, match=r"2 count\(s\) of this run saved"):
        refresh(corpus, crossref_server, SEEDS, max_retries=1)
    assert len(load_citation_counts(corpus)) == 2
    crossref_server.recover()
    summary, stats = refresh(corpus, crossref_server, SEEDS)
    assert summary.done_today == 2 and stats.requests == 2 and len(load_citation_counts(corpus)) == 4


def test_malformed_counts_file_names_the_line(corpus):
    path = corpus / "crossref" / "citation-counts.tsv"
    path.parent.mkdir(parents=True)
    path.write_text("doi\tdate\tcount\tsource\n10.1/x\tyesterday\t3\thttps://api.crossref.org\n")
    with pytest.raises(CorpusError, match=r"citation-counts.tsv:2"):
        load_citation_counts(corpus)


def test_metadata_file_is_one_sorted_json_object_a_line(corpus, crossref_server):
    refresh(corpus, crossref_server, list(reversed(SEEDS)))
    lines = (corpus / "crossref" / "metadata.jsonl").read_text().splitlines()
    assert [json.loads(line)["doi"] for line in lines] == SEEDS
