"""The throttle keeps to the limits Crossref announces: counted at the server, never timed at the client."""

from __future__ import annotations

import threading

import pytest

from crossref_server import client_settings, crossref_server  # noqa: F401 (fixture)
from litgraph.crossref.client import CrossrefClient
from litgraph.crossref.throttle import DEFAULT_LIMITS, RateLimit, Throttle, parse_interval

SEED = "10.1186/1472-6963-13-188"


@pytest.mark.parametrize("limit, requests", [(5, 16), (10, 25)])
def test_requests_per_second_never_exceed_the_announced_limit(crossref_server, limit, requests):
    crossref_server.announce(limit, "1s", 1)
    with CrossrefClient(client_settings(crossref_server, mailto="librarian@example.org")) as c:
        for _ in range(requests):
            c.work(SEED)
    assert len(crossref_server.log) == requests
    assert crossref_server.max_in_window(1.0) <= limit          # any 1-s window, sliding
    assert max(crossref_server.per_second()) <= limit            # consecutive 1-s windows
    assert max(crossref_server.per_second()[:-1]) >= limit // 2  # ...and the pace is not needlessly slow


def test_searches_keep_their_own_lower_pace(crossref_server):
    crossref_server.announce(3, "1s", 1)
    with CrossrefClient(client_settings(crossref_server, mailto="librarian@example.org")) as c:
        for n in range(7):
            c.search(f"peer support {n}")
        assert c.throttle.limit("list") == RateLimit(3, 1.0, 1)
    assert crossref_server.max_in_window(1.0) <= 3


def test_a_longer_interval_is_honoured(crossref_server):
    crossref_server.announce(4, "2s", 1)
    with CrossrefClient(client_settings(crossref_server)) as c:
        for _ in range(7):
            c.work(SEED)
    assert crossref_server.max_in_window(2.0) <= 4


def test_concurrency_never_exceeds_the_announced_limit(crossref_server):
    crossref_server.announce(100, "1s", 2)
    with CrossrefClient(client_settings(crossref_server, mailto="librarian@example.org")) as c:
        c.work(SEED)                                   # learn the limits
        crossref_server.script(*["slow:0.3"] * 6)
        threads = [threading.Thread(target=c.work, args=(SEED,)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(crossref_server.log) == 7
    assert crossref_server.max_in_flight == 2


def test_limits_are_read_from_headers():
    limit = RateLimit.from_headers({"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s",
                                    "X-Concurrency-Limit": "3"})
    assert limit == RateLimit(50, 1.0, 3)
    assert RateLimit.from_headers({}, fallback=RateLimit(5, 1.0, 1)) == RateLimit(5, 1.0, 1)
    assert RateLimit.from_headers({"x-rate-limit-limit": "zero"}).requests == DEFAULT_LIMITS[("single", False)].requests
    assert [parse_interval(v) for v in ("1s", "60s", "500ms", "2m", "", "soon")] == [1.0, 60.0, 0.5, 120.0, None, None]


def test_pace_spaces_starts_with_a_fake_clock():
    now = [0.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    throttle = Throttle(polite=False, clock=lambda: now[0], sleep=sleep)
    starts = []
    for _ in range(6):
        with throttle.slot("single"):
            starts.append(now[0])
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert all(g >= 1.0 / DEFAULT_LIMITS[("single", False)].requests for g in gaps)
    throttle.observe("single", {"x-rate-limit-limit": "1", "x-rate-limit-interval": "1s"})
    with throttle.slot("single"):
        late = now[0]
    assert late - starts[-1] >= 1.0                   # a stricter limit applies at once


def test_defaults_are_conservative_before_any_answer():
    assert DEFAULT_LIMITS[("single", False)] == RateLimit(5, 1.0, 1)
    assert DEFAULT_LIMITS[("single", True)] == RateLimit(10, 1.0, 3)
    assert DEFAULT_LIMITS[("list", True)].requests < DEFAULT_LIMITS[("single", True)].requests
