"""`litgraph chase`: candidates from the OpenCitations Index (a local v2-shaped server), and adding one.

The server (tests/opencitations_server.py) answers from hand-written v2 fixtures;
adding goes through the Crossref test server (tests/crossref_server.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from crossref_server import crossref_server  # noqa: F401 (fixture)
from opencitations_server import opencitations_server  # noqa: F401 (fixture)

WALKER = "10.5555/walker.2013"
EXPECTED = [(WALKER, 2), ("10.5555/festinger.1954", 1), ("10.5555/litgraph.2016.001", 1)]


@pytest.fixture
def corpus(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def chase(corpus, server, *args, env=None):
    command = [sys.executable, "-m", "litgraph", "chase", "--corpus", str(corpus), "--base-url", server.url,
               "--cache-dir", str(corpus.parent / "cache"), "--backoff", "0.01", "--timeout", "2", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=os.environ | (env or {}))


def candidates(result) -> list[tuple[str, int]]:
    assert result.returncode == 0, result.stderr
    return [(row["doi"], row["links"]) for row in json.loads(result.stdout)]


def test_chase_lists_candidates_not_in_the_graph_most_linked_first(corpus, opencitations_server):
    result = chase(corpus, opencitations_server, "--format", "json")
    assert candidates(result) == EXPECTED
    asked = {r["path"] for r in opencitations_server.log}
    assert "/index/v2/references/doi:10.1186/1472-6963-13-188" in asked
    assert "/index/v2/citations/doi:10.1192/apt.bp.113.011940" in asked


def test_backward_only_asks_references_only(corpus, opencitations_server):
    result = chase(corpus, opencitations_server, "--backward", "--format", "json")
    assert candidates(result) == [(WALKER, 2), ("10.5555/festinger.1954", 1)]
    assert all("/references/" in r["path"] for r in opencitations_server.log)


def test_candidates_and_provenance_are_kept_apart_from_curated_data(corpus, opencitations_server):
    chase(corpus, opencitations_server, "--format", "json")
    folder = corpus / "opencitations"
    assert (folder / "candidates.tsv").read_text().splitlines()[1].startswith(f"{WALKER}\t2\t2\t0\t")
    lines = [json.loads(x) for x in (folder / "provenance.jsonl").read_text().splitlines()]
    walker = [x for x in lines if x["other"] == WALKER]
    assert len(walker) == 2 and all(x["source"] == "OpenCitations Index API v2" for x in walker)
    assert {x["url"] for x in walker} == {f"{opencitations_server.url}/references/doi:10.1186/1472-6963-13-188",
                                          f"{opencitations_server.url}/references/doi:10.1017/s2045796014000407"}
    assert all(x["retrieved_at"].endswith("Z") and x["oci"] for x in lines)


def test_rerun_answers_from_the_cache_and_offline_works(corpus, opencitations_server):
    chase(corpus, opencitations_server)
    asked = len(opencitations_server.log)
    again = chase(corpus, opencitations_server, "--offline", "--format", "json")
    assert candidates(again) == EXPECTED and len(opencitations_server.log) == asked


def test_offline_with_an_empty_cache_says_what_it_cannot_answer(corpus, opencitations_server):
    result = chase(corpus, opencitations_server, "--offline")
    assert result.returncode == 1 and "not in the cache (--offline)" in result.stderr
    assert opencitations_server.log == []


@pytest.mark.parametrize("faults", [("429:1",), ("500", "500"), ("malformed",), ("slow:3",)],
                         ids=["429-retry-after", "500", "malformed-json", "timeout"])
def test_faults_are_retried_and_the_answer_is_the_same(corpus, opencitations_server, faults):
    opencitations_server.script(*faults)
    started = opencitations_server.log.__len__()
    result = chase(corpus, opencitations_server, "--format", "json")
    assert candidates(result) == EXPECTED
    assert len(opencitations_server.log) - started >= len(faults) + 1
    if faults == ("429:1",):
        first, second = opencitations_server.log[:2]
        assert second["at"] - first["at"] >= 0.9, "Retry-After honoured"


def test_a_service_that_stays_down_exits_3_and_keeps_what_it_fetched(corpus, opencitations_server):
    opencitations_server.script(*["503"] * 40)
    result = chase(corpus, opencitations_server, "--max-retries", "2")
    assert result.returncode == 3 and "OpenCitations did not answer" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_access_token_is_sent_as_the_authorization_header(corpus, opencitations_server):
    chase(corpus, opencitations_server, env={"LITGRAPH_OPENCITATIONS_TOKEN": "secret-token"})
    assert {r["headers"].get("authorization") for r in opencitations_server.log} == {"secret-token"}


def test_from_a_malformed_doi_is_bad_input(corpus, opencitations_server):
    result = chase(corpus, opencitations_server, "--from", "hello")
    assert result.returncode == 2 and "--from hello: not a DOI" in result.stderr


def test_adding_a_candidate_grows_the_graph_by_exactly_that_work(corpus, opencitations_server, crossref_server):
    listed = candidates(chase(corpus, opencitations_server, "--format", "json"))
    assert listed[0] == (WALKER, 2)
    build_dir = corpus.parent / "build"

    def works():
        built = run_cli("build", "--corpus", str(corpus), "--build-dir", str(build_dir))
        assert built.returncode == 0, built.stderr
        return {w["id"]: w for w in json.loads(run_cli("works", "--build-dir", str(build_dir), "--format",
                                                          "json").stdout)}

    before = works()
    added = chase(corpus, opencitations_server, "--add", WALKER, "--crossref-url", crossref_server.url,
                  "--format", "json", env={"LITGRAPH_MAILTO": "tests@example.org"})
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)[0]["status"] == "added"
    after = works()
    new = [after[k] for k in after.keys() - before.keys()]
    assert before.keys() <= after.keys() and [w["doi"].lower() for w in new] == [WALKER]
    rerun = candidates(chase(corpus, opencitations_server, "--format", "json"))   # Walker is now a paper: chased too
    assert WALKER not in dict(rerun), "an added work is no longer a candidate"
