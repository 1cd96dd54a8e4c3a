"""`litgraph crossref ...` as a user runs it: a subprocess against the local Crossref."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
import yaml

from conftest import ROOT
from crossref_server import crossref_server  # noqa: F401 (fixture)

SEED = "10.1186/1472-6963-13-188"
BANDURA = "Bandura, A (1977). Social Learning Theory. Prentice-Hall: Englewood Cliffs, NJ."
CORRIGAN = ("Corrigan, P (2006) Impact of consumer-operated services on empowerment and recovery of people "
            "with psychiatric disabilities. Psychiatric Services, 57: 1493–6.")


@pytest.fixture
def place(tmp_path):
    """A working folder with a copy of the corpus, and an environment with no mailto or config of the user's."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    env = {k: v for k, v in os.environ.items() if k != "LITGRAPH_MAILTO"}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache-home"),
            "PYTHONPATH": str(ROOT)}
    return {"dir": tmp_path, "env": env}


def crossref(place, server, *args, cache=True, **kwargs):
    common = ["--base-url", server.url, "--backoff", "0.02"]
    common += ["--cache-dir", str(place["dir"] / "cache")] if cache else ["--no-cache"]
    return subprocess.run([sys.executable, "-m", "litgraph", "crossref", *args, *common], text=True,
                          capture_output=True, cwd=place["dir"], env=kwargs.get("env", place["env"]), timeout=120)


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    return lines[-1]


def test_lookup_prints_the_work_as_litgraph_sees_it(place, crossref_server):
    result = crossref(place, crossref_server, "lookup", SEED, "--format", "json")
    assert result.returncode == 0, result.stderr
    work = json.loads(result.stdout)
    assert {"doi", "title", "authors", "year", "container", "volume", "issue", "first_page", "last_page", "type",
            "references_count", "is_referenced_by_count", "references"} <= set(work)
    assert work["authors"][0] == {"family": "Gillard", "given": "SG"} and work["year"] == 2013
    ref = work["references"][0]
    assert {"key", "doi", "doi_asserted_by", "unstructured", "parsed"} <= set(ref)
    assert (ref["doi"], ref["doi_asserted_by"]) == ("10.1176/appi.ps.57.8.1179", "publisher")
    assert ref["parsed"]["doi"] == "10.1176/appi.ps.57.8.1179"
    table = crossref(place, crossref_server, "lookup", SEED)
    assert table.returncode == 0 and "Deposited references" in table.stdout
    assert len(crossref_server.log) == 1                              # the table came from the cache


def test_lookup_of_an_unknown_doi_fails_that_record(place, crossref_server):
    result = crossref(place, crossref_server, "lookup", "10.9999/no-such-doi")
    assert result.returncode == 1
    assert one_line_error(result) == "litgraph: error: 10.9999/no-such-doi: Crossref has no such DOI (404)"


def test_bad_input_and_usage_exit_2(place, crossref_server):
    assert crossref(place, crossref_server, "lookup", "not-a-doi").returncode == 2
    result = crossref(place, crossref_server, "lookup", SEED, "--offline", cache=False)
    assert result.returncode == 2 and "cannot go with --no-cache" in one_line_error(result)
    assert crossref(place, crossref_server, "lookup", SEED, "--mailto", "nobody").returncode == 2
    assert crossref_server.log == []


def test_match_ref_prints_the_decision(place, crossref_server):
    accepted = json.loads(crossref(place, crossref_server, "match", "--ref", CORRIGAN, "--format", "json").stdout)
    assert accepted["decision"] == "accepted" and accepted["doi"] == "10.1176/appi.ps.57.10.1493"
    assert accepted["validation"]["agreeing"] == 5 and accepted["candidates"][0]["score"] == accepted["score"]
    review = json.loads(crossref(place, crossref_server, "match", "--ref", BANDURA, "--format", "json").stdout)
    assert review["decision"] == "review" and review["doi"] is None
    assert review["candidates"][0] == {"doi": "10.5555/bandura.1977", "title": "Social Learning Theory", "score": 0.7}


def test_match_run_then_rerun_hits_only_the_cache(place, crossref_server):
    first = crossref(place, crossref_server, "match", "--format", "json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert (summary["asked"], summary["matched"], summary["sent_to_review"]) == (137, 20, 10)
    asked = len(crossref_server.log)
    (place["dir"] / "corpus" / "crossref" / "matches.yaml").unlink()          # forget the decisions...
    (place["dir"] / "corpus" / "crossref" / "review.yaml").unlink()
    second = crossref(place, crossref_server, "match", "--format", "json")
    assert second.returncode == 0
    assert json.loads(second.stdout)["matched"] == 20
    assert "crossref: 0 request(s), 0 retr(ies), 137 answered from the cache" in second.stderr
    assert len(crossref_server.log) == asked                                  # ...the cache remembers


def test_offline_says_what_it_could_not_answer(place, crossref_server):
    crossref(place, crossref_server, "match", "--limit", "3")
    result = crossref(place, crossref_server, "match", "--limit", "5", "--offline")
    assert result.returncode == 1
    assert sum(line.startswith("not answered (offline") for line in result.stderr.splitlines()) == 5
    assert one_line_error(result) == "litgraph: error: 5 record(s) not answered (offline, not in the cache)"
    assert len(crossref_server.log) == 3


def test_crossref_down_exits_3_and_the_rerun_continues(place, crossref_server):
    crossref_server.fail_after(10, status=503)
    down = crossref(place, crossref_server, "match", "--max-retries", "2")
    assert down.returncode == 3
    error = one_line_error(down)
    assert error.startswith("litgraph: error: Crossref failed after 3 attempts (503 Service Unavailable)")
    assert "10 decision(s) of this run saved" in error
    matches = yaml.safe_load((place["dir"] / "corpus" / "crossref" / "matches.yaml").read_text())["matches"]
    assert len(matches) == 10
    crossref_server.recover()
    again = crossref(place, crossref_server, "match", "--format", "json")
    assert again.returncode == 0 and json.loads(again.stdout)["asked"] == 127


def test_ctrl_c_stops_cleanly_and_the_next_run_continues(place, crossref_server):
    crossref_server.announce(25, "1s", 1)
    args = [sys.executable, "-m", "litgraph", "crossref", "match", "--base-url", crossref_server.url,
            "--cache-dir", str(place["dir"] / "cache")]
    process = subprocess.Popen(args, cwd=place["dir"], env=place["env"], text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(crossref_server.log) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "litgraph: interrupted" and "Traceback" not in stderr
    saved = yaml.safe_load((place["dir"] / "corpus" / "crossref" / "matches.yaml").read_text())["matches"]
    assert len(saved) >= 29                       # every answered request was decided and kept
    before = len(crossref_server.log)
    crossref_server.announce(50)
    again = crossref(place, crossref_server, "match", "--format", "json")
    assert json.loads(again.stdout)["asked"] == 137 - len(saved)
    asked_again = {r.params["query.bibliographic"] for r in crossref_server.log[before:]}
    assert not asked_again & {m["query"] for m in saved.values()}


def test_add_and_refresh(place, crossref_server):
    added = crossref(place, crossref_server, "add", "10.5555/litgraph.2016.001", SEED, "--format", "json")
    assert added.returncode == 0, added.stderr
    assert [r["status"] for r in json.loads(added.stdout)] == ["added", "skipped"]
    refreshed = crossref(place, crossref_server, "refresh", "--only-papers", "--format", "json")
    assert refreshed.returncode == 0, refreshed.stderr
    assert json.loads(refreshed.stdout)["counts_recorded"] == 5
    counts = (place["dir"] / "corpus" / "crossref" / "citation-counts.tsv").read_text()
    assert "10.5555/litgraph.2016.001\t" in counts and f"\t3\t{crossref_server.url}" in counts


def test_mailto_from_the_environment_or_a_config_file(place, crossref_server):
    env = place["env"] | {"LITGRAPH_MAILTO": "env@example.org"}
    crossref(place, crossref_server, "lookup", SEED, cache=False, env=env)
    assert "mailto:env@example.org" in crossref_server.log[-1].user_agent
    (place["dir"] / "litgraph.toml").write_text('[crossref]\nmailto = "file@example.org"\n')
    crossref(place, crossref_server, "lookup", SEED, cache=False)
    assert "mailto:file@example.org" in crossref_server.log[-1].user_agent
    crossref(place, crossref_server, "lookup", SEED, "--mailto", "option@example.org", cache=False, env=env)
    assert "mailto:option@example.org" in crossref_server.log[-1].user_agent
    (place["dir"] / "litgraph.toml").write_text("[crossref]\nmialto = 'x'\n")
    result = crossref(place, crossref_server, "lookup", SEED, cache=False)
    assert result.returncode == 2 and "unknown [crossref] key" in one_line_error(result)
