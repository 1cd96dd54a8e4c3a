"""`crossref match` over the corpus against the local Crossref: precision, review, persistence, resuming."""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import ROOT
from crossref_server import FakeCrossref, client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.crossref.client import CrossrefClient
from litgraph.crossref.decide import ACCEPT_SCORE, MIN_AGREEING
from litgraph.crossref.files import load_accepted_matches, read_matches, read_review
from litgraph.errors import UpstreamError
from litgraph.crossref.match import plan_match, run_match

APT, EPS, BMC = "10.1192/apt.bp.113.011940", "10.1017/S2045796014000407", "10.1186/1472-6963-13-188"
# Hand-checked: each printed entry below denotes the work of this DOI (title, first author, year,
# volume and first page read against the fixture work).
ACCEPTED = {
    f"{EPS}#references/9": "10.1176/appi.ps.57.10.1493", f"{APT}#references/5": "10.1176/appi.ps.57.10.1493",
    f"{EPS}#references/14": "10.5555/festinger.1954",          # printed 1955, pages 117-142: year one off
    f"{EPS}#references/15": "10.1177/1049732312448541",
    f"{EPS}#references/16": "10.1186/1472-6963-13-188", f"{APT}#references/22": "10.1186/1472-6963-13-188",
    f"{EPS}#references/26": "10.1080/09638230701530242", f"{APT}#references/26": "10.1080/09638230701530242",
    f"{EPS}#references/35": "10.1007/s10597-012-9541-y",
    f"{EPS}#references/36": "10.1007/bf02287510", f"{APT}#references/33": "10.1007/bf02287510",
    f"{EPS}#references/39": "10.1002/jcop.20099", f"{APT}#references/37": "10.1002/jcop.20099",
    f"{EPS}#references/45": "10.3109/09638237.2011.583947", f"{APT}#references/41": "10.3109/09638237.2011.583947",
    f"{EPS}#references/47": "10.1176/appi.ps.59.11.1307", f"{APT}#references/44": "10.1176/appi.ps.59.11.1307",
    f"{APT}#references/2": "10.1108/17465721111188269",       # last page abbreviated: 238-49
    f"{APT}#references/7": "10.1177/0950017009102858",
    f"{APT}#references/20": "10.1007/s10488-006-0109-4",      # dash lost: 293306
}
REVIEW = {
    f"{EPS}#references/2": "10.5555/bandura.1977",            # a book: nothing beyond title, author, year
    f"{BMC}#references/4": "10.5555/landers.2011",            # printed 2001 for 2011
    f"{APT}#references/9": "10.5555/decoy.davidson.2019",     # decoy: same main title, another year
    f"{APT}#references/52": "10.1146/annurev.so.16.080190.000511",  # two DOIs pass: ambiguous
    f"{APT}#references/23": "10.3310/hsdr02190",              # volume not printed
    f"{APT}#references/31": "10.1007/s10597-012-9541-y",      # online-first pages 1-11
}
ABSTAINED = {f"{APT}#references/15", f"{BMC}#references/19", f"{EPS}#references/31", f"{APT}#references/32"}


@pytest.fixture(scope="module")
def full_run(tmp_path_factory):
    """One whole match run over a copy of the corpus, shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("match")
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    server = FakeCrossref().start()
    try:
        with CrossrefClient(client_settings(server, cache_dir=folder / "cache")) as client:
            plan = plan_match(folder / "corpus")
            summary = run_match(folder / "corpus", plan, client)
        yield {"corpus": folder / "corpus", "cache": folder / "cache", "summary": summary, "server": server,
               "requests": len(server.log)}
    finally:
        server.stop()


def test_every_entry_without_a_doi_is_asked_once(full_run):
    summary = full_run["summary"].as_dict()
    assert summary["entries"] == 158 and summary["with_doi"] == 21
    assert summary["asked"] == 158 - 21 == full_run["requests"]
    assert summary["matched"] + summary["sent_to_review"] + summary["abstained"] == summary["asked"]
    assert (summary["matched"], summary["sent_to_review"]) == (len(ACCEPTED), 10)


def test_accepted_matches_are_exactly_the_checked_ones(full_run):
    matches = read_matches(full_run["corpus"])
    accepted = {k: m["doi"] for k, m in matches.items() if m["decision"] == "accepted"}
    assert accepted == ACCEPTED


def test_accepted_only_above_threshold_and_decoys_never(full_run):
    for key, match in read_matches(full_run["corpus"]).items():
        if match["decision"] == "accepted":
            assert match["score"] >= ACCEPT_SCORE and match["validation"]["agreeing"] >= MIN_AGREEING, key
            assert not match["doi"].startswith(("10.5555/decoy", "10.5555/duplicate")), key
        else:
            assert match["doi"] is None, key


def test_near_misses_go_to_review_and_the_rest_abstain(full_run):
    matches, review = read_matches(full_run["corpus"]), read_review(full_run["corpus"])
    for key, best in REVIEW.items():
        assert matches[key]["decision"] == "review", key
        assert review[key]["candidates"][0]["doi"] == best and review[key]["verdict"] is None
    assert set(review) == {k for k, m in matches.items() if m["decision"] == "review"}
    for key in ABSTAINED:
        assert matches[key]["decision"] == "abstained", key


def test_decisions_carry_their_provenance(full_run):
    match = read_matches(full_run["corpus"])[f"{APT}#references/5"]
    assert match["base_url"] == full_run["server"].url
    assert match["url"].startswith(f"{full_run['server'].url}/works?") and "query.bibliographic=" in match["url"]
    assert match["retrieved_at"].endswith("Z") and match["query"].startswith("Corrigan, P (2006)")
    assert match["validation"] == {"title": "agree", "first_author": "agree", "year": "agree", "volume": "agree",
                                   "first_page": "agree", "title_similarity": 1.0, "agreeing": 5}


def test_decided_entries_are_never_asked_again(full_run):
    plan = plan_match(full_run["corpus"])
    assert plan.pending == () and plan.decided == 158 - 21


def test_rerun_without_decisions_hits_only_the_cache(full_run, tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")        # no decisions, but the same cache
    server = full_run["server"]
    before = len(server.log)
    with CrossrefClient(client_settings(server, cache_dir=full_run["cache"])) as client:
        run_match(tmp_path / "corpus", plan_match(tmp_path / "corpus"), client)
        assert client.stats.cache_hits == 137 and client.stats.requests == 0
    assert len(server.log) == before
    assert read_matches(tmp_path / "corpus") == read_matches(full_run["corpus"])


# -- curators --------------------------------------------------------------------------------------

def decided_corpus(full_run, tmp_path):
    shutil.copytree(full_run["corpus"], tmp_path / "corpus")
    return tmp_path / "corpus"


def set_verdicts(corpus, verdicts: dict[str, dict]) -> None:
    path = corpus / "crossref" / "review.yaml"
    data = yaml.safe_load(path.read_text())
    for key, fields in verdicts.items():
        data["review"].setdefault(key, {}).update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_curator_verdicts_decide_what_the_build_links(full_run, tmp_path):
    corpus = decided_corpus(full_run, tmp_path)
    set_verdicts(corpus, {
        f"{EPS}#references/2": {"verdict": "accept"},                                  # the first candidate
        f"{BMC}#references/4": {"verdict": "reject", "note": "checked: not this one"},
        f"{APT}#references/52": {"verdict": "accept", "doi": "10.1146/annurev.so.16.080190.000511"},
        f"{APT}#references/5": {"verdict": "reject"},                                  # overrides an auto-accept
    })
    accepted = load_accepted_matches(corpus)
    assert accepted[f"{EPS}#references/2"].doi == "10.5555/bandura.1977"
    assert accepted[f"{EPS}#references/2"].decided_by == "curator"
    assert accepted[f"{APT}#references/52"].doi == "10.1146/annurev.so.16.080190.000511"
    assert f"{BMC}#references/4" not in accepted and f"{APT}#references/5" not in accepted
    auto = accepted[f"{EPS}#references/9"]
    assert (auto.decided_by, auto.score, auto.validated_fields[0]) == ("crossref", 1.0, "title")
    assert len(accepted) == len(ACCEPTED) - 1 + 2


def test_redo_never_touches_a_curator_verdict(full_run, tmp_path):
    corpus = decided_corpus(full_run, tmp_path)
    set_verdicts(corpus, {f"{EPS}#references/2": {"verdict": "accept", "note": "same book, 1977 printing"}})
    before = read_review(corpus)[f"{EPS}#references/2"]
    plan = plan_match(corpus, redo=True)
    assert f"{EPS}#references/2" not in {p.key for p in plan.pending}
    assert len(plan.pending) == 137 - len(ACCEPTED) - 1
    with CrossrefClient(client_settings(full_run["server"], cache_dir=full_run["cache"], offline=True)) as client:
        run_match(corpus, plan, client)
    assert read_review(corpus)[f"{EPS}#references/2"] == before
    assert read_review(corpus)[f"{BMC}#references/4"]["verdict"] is None


# -- interrupted runs ------------------------------------------------------------------------------

def test_crossref_going_down_keeps_what_was_decided_and_the_rerun_continues(crossref_server, tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    crossref_server.fail_after(40, status=503)
    with CrossrefClient(client_settings(crossref_server, cache_dir=cache, max_retries=2)) as client:
        with pytest.raises(UpstreamError, match=r"40 decision\(s\) of this run saved"):
            run_match(corpus, plan_match(corpus), client)
    saved = read_matches(corpus)
    assert len(saved) == 40
    first_run = len(crossref_server.log)
    crossref_server.recover()
    with CrossrefClient(client_settings(crossref_server, cache_dir=cache)) as client:
        summary = run_match(corpus, plan_match(corpus), client)
    assert sum(summary.run.values()) == 137 - 40
    asked_again = {r.params.get("query.bibliographic") for r in crossref_server.log[first_run:]}
    assert not asked_again & {m["query"] for m in saved.values()}        # nothing saved was asked again
    assert len(read_matches(corpus)) == 137


def test_ctrl_c_midway_loses_nothing(crossref_server, tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"

    def interrupt_after_15(summary):
        if sum(summary.run.values()) == 15:
            raise KeyboardInterrupt

    with CrossrefClient(client_settings(crossref_server, cache_dir=cache)) as client:
        with pytest.raises(KeyboardInterrupt):
            run_match(corpus, plan_match(corpus), client, on_item=interrupt_after_15)
    assert len(read_matches(corpus)) == 15
    plan = plan_match(corpus)
    assert len(plan.pending) == 137 - 15 and plan.decided == 15


def test_offline_with_an_empty_cache_answers_nothing_and_writes_nothing(crossref_server, tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    corpus = tmp_path / "corpus"
    with CrossrefClient(client_settings(crossref_server, cache_dir=tmp_path / "cache", offline=True)) as client:
        summary = run_match(corpus, plan_match(corpus, limit=5), client)
    assert len(summary.unanswered) == 5 and sum(summary.run.values()) == 0
    assert crossref_server.log == [] and not (corpus / "crossref" / "matches.yaml").exists()
