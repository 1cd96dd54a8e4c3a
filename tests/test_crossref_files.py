"""The corpus/crossref/ files and the loaders the build calls; the public API of litgraph.crossref."""

from __future__ import annotations

import pytest

from litgraph.crossref.files import (append_citation_counts, load_accepted_matches, load_citation_counts,
                                     write_matches, write_review)
from litgraph.errors import CorpusError

KEY = "10.1192/apt.bp.113.011940#references/5"


def test_public_api_is_pinned():
    import litgraph.crossref as crossref

    assert sorted(crossref.__all__) == sorted([
        "ACCEPT_SCORE", "MIN_AGREEING", "REVIEW_SCORE", "TITLE_AGREES", "AddedPapers", "Candidate",
        "CitationCount", "CrossrefWork", "Decision", "DepositedLine", "DepositedReference", "Match", "Validation",
        "decide", "load_accepted_matches", "load_added_papers", "load_citation_counts", "load_deposit_provenance",
        "reference_line",
        "validate_candidate", "work_from_crossref"])
    assert all(hasattr(crossref, name) for name in crossref.__all__)


def test_loaders_on_a_corpus_without_crossref_data(tmp_path):
    assert load_accepted_matches(tmp_path) == {} and load_citation_counts(tmp_path) == []


def test_matches_are_written_in_entry_order(tmp_path):
    records = {f"10.1/a#references/{n}": {"decision": "abstained", "doi": None} for n in (10, 2, 1)}
    write_matches(tmp_path, records)
    text = (tmp_path / "crossref" / "matches.yaml").read_text()
    assert text.index("references/1:") < text.index("references/2:") < text.index("references/10:")
    assert text.startswith("# DOI matches")


def test_a_verdict_other_than_accept_or_reject_names_the_file(tmp_path):
    write_review(tmp_path, {KEY: {"verdict": "maybe", "candidates": []}})
    with pytest.raises(CorpusError, match=r"review.yaml: .*verdict must be accept, reject or empty"):
        load_accepted_matches(tmp_path)


def test_accept_without_a_doi_or_candidates_is_an_error(tmp_path):
    write_review(tmp_path, {KEY: {"verdict": "accept", "candidates": []}})
    with pytest.raises(CorpusError, match="needs a doi"):
        load_accepted_matches(tmp_path)


def test_curator_may_accept_a_doi_that_was_not_a_candidate(tmp_path):
    write_review(tmp_path, {KEY: {"verdict": "accept", "doi": "10.1176/APPI.PS.57.10.1493", "candidates": [
        {"doi": "10.5555/other", "score": 0.6, "validation": {"title": "agree"}}]}})
    match = load_accepted_matches(tmp_path)[KEY]
    assert (match.doi, match.decided_by, match.score, match.validated_fields) == \
        ("10.1176/appi.ps.57.10.1493", "curator", None, ())


def test_counts_are_appended_with_every_earlier_row_kept(tmp_path):
    from litgraph.crossref.files import CitationCount

    rows = [CitationCount("10.1/a", "2026-01-01", 3, "https://api.crossref.org"),
            CitationCount("10.1/a", "2026-02-01", 5, "https://api.crossref.org")]
    append_citation_counts(tmp_path, rows[:1])
    append_citation_counts(tmp_path, rows[1:])
    assert load_citation_counts(tmp_path) == rows
    lines = (tmp_path / "crossref" / "citation-counts.tsv").read_text().splitlines()
    assert [line for line in lines if not line.startswith("#")][0] == "doi\tdate\tcount\tsource"


def test_progress_bar_is_quiet_when_asked_or_not_on_a_terminal():
    from litgraph.crossref.progress import RunProgress

    with RunProgress("matching", 10, lambda: 0.0) as bar:      # pytest captures stderr: not a terminal
        bar.advance("accepted 1")
        assert not bar.enabled
    assert not RunProgress("matching", 10, lambda: 0.0, quiet=True).enabled
