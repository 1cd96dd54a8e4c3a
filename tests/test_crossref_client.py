"""The HTTP client against the local Crossref: habanero's requests, retries, faults, cache, offline."""

from __future__ import annotations

import pytest

from crossref_server import client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.crossref.client import CrossrefClient
from litgraph.crossref.errors import CrossrefRejected, CrossrefUnavailable, NotInCache
from litgraph.crossref.plan import CANDIDATE_FIELDS, search_plan

SEED = "10.1186/1472-6963-13-188"
QUERY = "Corrigan PW: Impact of consumer-operated services on empowerment. Psychiatr Serv. 2006, 57: 1493-1496."


@pytest.fixture
def client(crossref_server):
    with CrossrefClient(client_settings(crossref_server)) as c:
        yield c


def test_work_and_search_answer_like_crossref(client, crossref_server):
    answer = client.work(SEED)
    assert answer.status == 200 and answer.message["DOI"] == SEED
    assert answer.url == f"{crossref_server.url}/works/{SEED}"
    hits = client.search(QUERY).message["items"]
    assert hits[0]["DOI"] == "10.1176/appi.ps.57.10.1493"
    assert set(hits[0]) <= set(CANDIDATE_FIELDS)          # select was honoured
    assert client.work("10.9999/no-such-doi").status == 404


def test_requests_are_exactly_what_habanero_sends(crossref_server, client):
    """The plan reproduces habanero's own request: same path and parameters."""
    from habanero import Crossref

    cr = Crossref(base_url=crossref_server.url)
    cr.works(query_bibliographic=QUERY, limit=5, select=list(CANDIDATE_FIELDS))
    cr.works(ids=SEED)
    habanero_search, habanero_work = crossref_server.log[-2:]
    client.search(QUERY, rows=5)
    client.work(SEED)
    ours_search, ours_work = crossref_server.log[-2:]
    assert (ours_search.path, ours_search.params) == (habanero_search.path, habanero_search.params)
    assert ours_work.path == habanero_work.path
    plan = search_plan(client.cr, 5, query_bibliographic=QUERY)
    assert dict(plan.params) == habanero_search.params


def test_user_agent_names_litgraph_and_the_mailto(crossref_server):
    with CrossrefClient(client_settings(crossref_server, mailto="librarian@example.org")) as c:
        c.work(SEED)
    agent = crossref_server.log[-1].user_agent
    assert "litgraph/" in agent and "habanero/" in agent and "mailto:librarian@example.org" in agent


def test_bad_request_is_rejected_without_retry(client, crossref_server):
    from litgraph.crossref.plan import RequestPlan

    plan = RequestPlan(f"{crossref_server.url}/works", (("filter", "no-such-filter:1"),), "list")
    with pytest.raises(CrossrefRejected) as caught:
        client.fetch(plan)
    assert caught.value.status == 400 and "no such filter" in str(caught.value)
    assert caught.value.exit_code == 3
    assert len(crossref_server.log) == 1


def test_429_waits_at_least_retry_after(client, crossref_server):
    crossref_server.script("429:1")
    assert client.work(SEED).status == 200
    first, second = crossref_server.log
    assert first.status == 429 and second.status == 200
    assert second.at - first.at >= 0.95                  # Retry-After: 1, honoured
    assert client.stats.retries == 1


@pytest.mark.parametrize("faults", [("500",), ("503", "503", "503"), ("500", "503", "502")], ids=" ".join)
def test_5xx_bursts_are_retried(client, crossref_server, faults):
    crossref_server.script(*faults)
    assert client.work(SEED).status == 200
    assert [r.status for r in crossref_server.log] == [int(f) for f in faults] + [200]


def test_slow_response_times_out_and_is_retried(crossref_server):
    crossref_server.script("slow:1.5")
    with CrossrefClient(client_settings(crossref_server, timeout=0.3)) as c:
        assert c.work(SEED).status == 200
        assert c.stats.retries == 1
    assert len(crossref_server.log) == 2


@pytest.mark.parametrize("fault", ["malformed", "bad-envelope", "reset"])
def test_malformed_json_and_resets_are_retried(client, crossref_server, fault):
    crossref_server.script(fault)
    assert client.work(SEED).message["DOI"] == SEED
    assert len(crossref_server.log) == 2 and client.stats.retries == 1


def test_crossref_staying_down_raises_upstream_error(crossref_server):
    crossref_server.fail_after(0, status=503)
    with CrossrefClient(client_settings(crossref_server, max_retries=3)) as c:
        with pytest.raises(CrossrefUnavailable) as caught:
            c.work(SEED)
    assert caught.value.attempts == 4 and "503" in caught.value.cause
    assert caught.value.exit_code == 3
    assert len(crossref_server.log) == 4


def test_retry_after_longer_than_allowed_gives_up_at_once(crossref_server):
    crossref_server.script("429:3600")
    with CrossrefClient(client_settings(crossref_server, max_retry_after=60)) as c:
        with pytest.raises(CrossrefUnavailable, match="asked to wait 3600 s"):
            c.work(SEED)
    assert len(crossref_server.log) == 1


def test_backoff_grows_with_jitter():
    from litgraph.crossref.retry import RetryPolicy

    waits = [RetryPolicy(base=1.0, cap=8.0).delay(n) for n in range(5) for _ in range(20)]
    assert all(0.5 <= w <= 8.0 for w in waits)
    assert len(set(waits)) > 50                                          # jittered
    low = RetryPolicy(base=1.0, cap=8.0, rng=lambda: 0.0)
    assert [low.delay(n) for n in range(5)] == [0.5, 1.0, 2.0, 4.0, 4.0]  # grows, then capped


def test_retry_after_http_date():
    from datetime import datetime, timezone

    from litgraph.crossref.retry import parse_retry_after

    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


# -- cache and offline ------------------------------------------------------------------------------

def test_second_run_is_answered_from_the_cache(crossref_server, tmp_path):
    settings = client_settings(crossref_server, cache_dir=tmp_path / "cache")
    with CrossrefClient(settings) as c:
        c.work(SEED), c.search(QUERY), c.work("10.9999/no-such-doi")
    assert len(crossref_server.log) == 3
    with CrossrefClient(settings) as c:
        assert c.work(SEED).from_cache and c.search(QUERY).from_cache
        assert c.work("10.9999/no-such-doi").status == 404          # "no such DOI" is an answer too
        assert c.stats.cache_hits == 3 and c.stats.requests == 0
    assert len(crossref_server.log) == 3


def test_failures_are_never_cached(crossref_server, tmp_path):
    crossref_server.fail_after(0, status=500)
    settings = client_settings(crossref_server, cache_dir=tmp_path / "cache", max_retries=0)
    with CrossrefClient(settings) as c, pytest.raises(CrossrefUnavailable):
        c.work(SEED)
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_offline_answers_from_the_cache_only(crossref_server, tmp_path):
    cache = tmp_path / "cache"
    with CrossrefClient(client_settings(crossref_server, cache_dir=cache)) as c:
        c.work(SEED)
    with CrossrefClient(client_settings(crossref_server, cache_dir=cache, offline=True)) as c:
        assert c.work(SEED).message["DOI"] == SEED
        with pytest.raises(NotInCache, match="not in the cache"):
            c.work("10.1192/apt.bp.113.011940")
    assert len(crossref_server.log) == 1


def test_no_cache_neither_reads_nor_writes(crossref_server, tmp_path):
    with CrossrefClient(client_settings(crossref_server, cache_dir=None)) as c:
        c.work(SEED), c.work(SEED)
    assert len(crossref_server.log) == 2


def test_fresh_since_ignores_older_cached_answers(crossref_server, tmp_path):
    settings = client_settings(crossref_server, cache_dir=tmp_path / "cache")
    with CrossrefClient(settings) as c:
        c.work(SEED)
        assert c.work(SEED, fresh_since="2000-01-01T00:00:00Z").from_cache
        assert not c.work(SEED, fresh_since="2999-01-01T00:00:00Z").from_cache
    assert len(crossref_server.log) == 2
