"""The librarian's cycle, end to end, with the real CLI against the local Crossref (issue 11, item 1).

On one copy of the corpus: `crossref match` accepts validated DOIs and sends near-misses to
review; a curator writes verdicts into corpus/crossref/review.yaml; `crossref add` brings in a
new paper; `crossref refresh` records citation counts; `build`; then the queries show the matched
DOIs. No test ran match and then build, and the build crashed after any accepted match.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli
from crossref_server import FakeCrossref

APT, EPS, BMC = "10.1192/apt.bp.113.011940", "10.1017/S2045796014000407", "10.1186/1472-6963-13-188"
NEW = "10.5555/litgraph.2016.001"
MATCHES_QUERY = Path(__file__).parent / "fixtures" / "crossref" / "doi-matches.rq"
AUTO = (f"{APT}#references/2", "10.1108/17465721111188269")      # accepted by match: 5 fields agree
TO_ACCEPT = (f"{BMC}#references/4", "10.5555/landers.2011")       # review: printed 2001 for 2011
TO_REJECT = (f"{EPS}#references/2", "10.5555/bandura.1977")       # review: a book, nothing to confirm


@pytest.fixture(scope="module")
def server():
    fake = FakeCrossref().start()
    yield fake
    fake.stop()


def crossref(server, folder, *args: str):
    """`litgraph crossref ARGS` against the local server, with its own cache and short backoff."""
    return run_cli("crossref", *args, "--corpus", str(folder / "corpus"), "--base-url", server.url,
                   "--cache-dir", str(folder / "cache"), "--backoff", "0.02", "--format", "json")


def query_json(folder, *args: str) -> list[dict]:
    result = run_cli(*args, "--build-dir", str(folder / "build"), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def citing(folder, doi: str) -> set[str]:
    return {r["doi"] for r in query_json(folder, "query", "citing-papers", "--param", f"work={doi}")}


def doi_matches(folder) -> list[tuple[str, str]]:
    """(matched DOI, decided by) of every lg:DoiMatch in the built graph."""
    rows = query_json(folder, "query", "--file", str(MATCHES_QUERY))
    return [(r["doi"], r["decided_by"]) for r in rows]


def set_verdicts(corpus, verdicts: dict[str, dict]) -> None:
    """What a curator does: edit review.yaml by hand (here, through YAML)."""
    path = corpus / "crossref" / "review.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, fields in verdicts.items():
        data["review"][key].update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def corpus_copy(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path


def test_build_after_accepted_crossref_match_does_not_crash(server, corpus_copy):
    """The first 27 undecided entries hold exactly one match that validates (APT #2)."""
    folder = corpus_copy
    build = ("build", "--corpus", str(folder / "corpus"), "--build-dir", str(folder / "build"))
    assert run_cli(*build).returncode == 0
    assert doi_matches(folder) == []
    matched = crossref(server, folder, "match", "--limit", "27", "--quiet")
    assert matched.returncode == 0, matched.stderr
    assert json.loads(matched.stdout)["matched"] == 1
    built = run_cli(*build)
    assert built.returncode == 0 and "internal error" not in built.stderr, built.stderr
    assert doi_matches(folder) == [(AUTO[1], "crossref")]
    assert APT in citing(folder, AUTO[1])


def test_librarian_cycle_match_verdict_add_refresh_build_query(server, corpus_copy):
    folder = corpus_copy
    corpus = folder / "corpus"
    # 1. match: validated DOIs accepted, near-misses to review, nothing decided for the curator
    matched = crossref(server, folder, "match", "--quiet")
    assert matched.returncode == 0, matched.stderr
    assert json.loads(matched.stdout)["matched"] >= 1 and json.loads(matched.stdout)["sent_to_review"] >= 2
    decisions = yaml.safe_load((corpus / "crossref" / "matches.yaml").read_text())["matches"]
    assert (decisions[AUTO[0]]["decision"], decisions[AUTO[0]]["doi"]) == ("accepted", AUTO[1])
    review = yaml.safe_load((corpus / "crossref" / "review.yaml").read_text())["review"]
    for key, doi in (TO_ACCEPT, TO_REJECT):
        assert review[key]["verdict"] is None and review[key]["candidates"][0]["doi"] == doi
    # 2. the curator's verdicts
    set_verdicts(corpus, {TO_ACCEPT[0]: {"verdict": "accept"},
                          TO_REJECT[0]: {"verdict": "reject", "note": "a later printing; not this record"}})
    # 3. add a new paper with its deposited references; 4. refresh its citation counts
    added = crossref(server, folder, "add", NEW, "--quiet")
    assert added.returncode == 0 and json.loads(added.stdout)[0]["status"] == "added", added.stderr
    refreshed = crossref(server, folder, "refresh", "--only-papers", "--quiet")
    assert refreshed.returncode == 0, refreshed.stderr
    assert NEW in (corpus / "crossref" / "citation-counts.tsv").read_text()
    # 5. build
    built = run_cli("build", "--corpus", str(corpus), "--build-dir", str(folder / "build"), "--format", "json")
    assert built.returncode == 0, built.stderr
    assert json.loads(built.stdout)["papers"] == 5
    # 6. the graph shows the matched DOIs, the curator's choices and the added paper
    matches = doi_matches(folder)
    assert (AUTO[1], "crossref") in matches and (TO_ACCEPT[1], "curator") in matches
    assert TO_REJECT[1] not in {doi for doi, _ in matches}
    assert APT in citing(folder, AUTO[1]) and citing(folder, TO_ACCEPT[1]) == {BMC}
    dois = {w["doi"] for w in query_json(folder, "works")}
    assert TO_REJECT[1] not in dois and {AUTO[1], TO_ACCEPT[1], NEW} <= dois
    assert NEW in citing(folder, "10.1176/appi.ps.57.10.1493")
    position_4 = [r for r in query_json(folder, "query", "reference-list", "--param", f"paper={BMC}")
                  if r["position"] == 4]
    assert position_4 and "2001" in position_4[0]["raw"]            # the printed text stays as printed
