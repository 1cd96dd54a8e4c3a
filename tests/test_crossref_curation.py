"""Issue 11 item 4: what a curator or a second run writes to corpus/crossref/ during a run survives it.

Each test lets a real edit land mid-run: the local Crossref's request hook
writes to review.yaml while `run_match` is between its start and its saves,
or two runs share the corpus at once.
"""

from __future__ import annotations

import shutil
import threading

import yaml

from conftest import ROOT
from crossref_server import client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.crossref.client import CrossrefClient
from litgraph.crossref.files import load_citation_counts, read_matches, read_metadata, read_review
from litgraph.crossref.match import MatchPlan, plan_match, run_match
from litgraph.crossref.merge import merge_review
from litgraph.crossref.refresh import known_dois, run_refresh


def copy_corpus(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def curator_edit(corpus, key: str, fields: dict) -> None:
    """What a curator's editor does: read review.yaml, change one entry, write the file back."""
    path = corpus / "crossref" / "review.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["review"][key].update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit_once(server, corpus, key: str, fields: dict, after: int = 1):
    """Make the curator's edit land when the server receives the run's `after`-th request."""
    seen = []

    def hook(_request) -> None:
        seen.append(1)
        if len(seen) == after:
            curator_edit(corpus, key, fields)
    server.when_asked(hook)


def first_half_then_rest(corpus, server, cache):
    """Decide the first 40 entries (some go to review), and return the plan for the rest."""
    with CrossrefClient(client_settings(server, cache_dir=cache)) as client:
        run_match(corpus, plan_match(corpus, limit=40), client)
    review = read_review(corpus)
    assert review, "the first 40 entries should send at least one near-miss to review"
    return sorted(review)[0], plan_match(corpus)


def test_curator_verdict_written_during_match_survives(crossref_server, tmp_path):
    corpus, cache = copy_corpus(tmp_path), tmp_path / "cache"
    key, rest = first_half_then_rest(corpus, crossref_server, cache)
    curated = {"verdict": "reject", "note": "checked the print: a different edition", "checked_by": "AK"}
    edit_once(crossref_server, corpus, key, curated)
    with CrossrefClient(client_settings(crossref_server, cache_dir=cache)) as client:
        summary = run_match(corpus, rest, client)
    assert sum(summary.run.values()) == len(rest.pending) > 10          # saved more than once after the edit
    entry = read_review(corpus)[key]
    assert {k: entry[k] for k in curated} == curated
    assert len(read_matches(corpus)) == 137                              # and the run's own decisions are all there


def test_curator_note_written_during_redo_survives_the_new_near_miss(crossref_server, tmp_path):
    corpus, cache = copy_corpus(tmp_path), tmp_path / "cache"
    key, _ = first_half_then_rest(corpus, crossref_server, cache)
    redo = plan_match(corpus, redo=True)
    assert key in {p.key for p in redo.pending}                           # this run writes the same entry anew
    edit_once(crossref_server, corpus, key, {"note": "ask the author"})
    with CrossrefClient(client_settings(crossref_server, cache_dir=None)) as client:
        run_match(corpus, redo, client)
    entry = read_review(corpus)[key]
    assert entry["note"] == "ask the author" and entry["verdict"] is None and entry["candidates"]


def halves(plan: MatchPlan) -> list[MatchPlan]:
    middle = len(plan.pending) // 2
    return [MatchPlan(part, plan.entries, plan.with_doi, plan.decided, plan.curator_decided)
            for part in (plan.pending[:middle], plan.pending[middle:])]


def run_at_once(jobs) -> None:
    errors = []

    def guarded(job):
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
    threads = [threading.Thread(target=guarded, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors


def test_two_match_runs_at_once_keep_each_others_entries(crossref_server, tmp_path):
    corpus = copy_corpus(tmp_path)
    plans = halves(plan_match(corpus))

    def job(plan):
        def run():
            with CrossrefClient(client_settings(crossref_server, cache_dir=None)) as client:
                run_match(corpus, plan, client)
        return run
    run_at_once([job(p) for p in plans])
    assert set(read_matches(corpus)) == {p.key for plan in plans for p in plan.pending}
    assert len(read_matches(corpus)) == 137


def test_two_refresh_runs_at_once_keep_each_others_counts_and_metadata(crossref_server, tmp_path):
    corpus = copy_corpus(tmp_path)
    dois = known_dois(corpus)
    parts = [dois[: len(dois) // 2], dois[len(dois) // 2:]]

    def job(part):
        def run():
            with CrossrefClient(client_settings(crossref_server, cache_dir=None)) as client:
                run_refresh(corpus, client, part)
        return run
    run_at_once([job(p) for p in parts])
    known = set(crossref_server.works)
    assert set(read_metadata(corpus)) == known & set(dois)
    assert {c.doi for c in load_citation_counts(corpus)} == known & set(dois)


def test_redo_drops_an_entry_that_is_no_longer_a_near_miss_unless_a_curator_wrote_in_it():
    on_disk = {"a": {"verdict": None, "score": 0.5}, "b": {"verdict": None, "score": 0.5, "note": "keep"}}
    assert merge_review(on_disk, {"a": None, "b": None}) == {"b": on_disk["b"]}


# -- issue 11 item 15: a cache entry that is valid JSON with a null or empty body ------------------

def lookup_cli(tmp_path, server, *extra):
    import subprocess
    import sys

    args = [sys.executable, "-m", "litgraph", "crossref", "lookup", "10.1186/1472-6963-13-188", "--format", "json",
            "--base-url", server.url, "--cache-dir", str(tmp_path / "cache"), "--backoff", "0.02", *extra]
    return subprocess.run(args, text=True, capture_output=True, cwd=tmp_path, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)})


def empty_the_cached_body(tmp_path, body) -> str:
    import json

    (entry,) = (tmp_path / "cache").rglob("*.json")
    record = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(record | {"body": body}), encoding="utf-8")
    return str(entry)


def test_cache_entry_with_a_null_body_is_evicted_and_fetched_again(crossref_server, tmp_path):
    assert lookup_cli(tmp_path, crossref_server).returncode == 0
    empty_the_cached_body(tmp_path, None)
    again = lookup_cli(tmp_path, crossref_server)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert len(crossref_server.log) == 2                                   # asked Crossref again
    assert lookup_cli(tmp_path, crossref_server).returncode == 0 and len(crossref_server.log) == 2  # repaired


def test_offline_cache_entry_with_an_empty_body_names_the_entry_and_how_to_clear_it(crossref_server, tmp_path):
    assert lookup_cli(tmp_path, crossref_server).returncode == 0
    entry = empty_the_cached_body(tmp_path, {})
    result = lookup_cli(tmp_path, crossref_server, "--offline")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert entry in lines[0] and "delete that file" in lines[0]
