"""The Crossref client: habanero's requests, sent with httpx2 so that nothing is hidden.

habanero builds each request (see `plan.py`); this module sends it through one
httpx2 client, the HTTP library habanero itself calls at module level, and adds
what habanero leaves out:

- the cache (`cache.py`): answers already on disk are never asked again;
  `--offline` answers only from it;
- the throttle (`throttle.py`): pace and concurrency follow the rate-limit
  headers of each response;
- retries (`retry.py`): 429, 5xx, timeouts, resets and malformed JSON are
  tried again with exponential backoff and jitter, honouring Retry-After;
- errors: when Crossref stays down the client raises CrossrefUnavailable
  (exit 3); everything already fetched is in the cache.

Example (against a local server, as the tests do):

    client = CrossrefClient(Settings(base_url="http://127.0.0.1:8080", cache_dir=None))
    answer = client.work("10.1186/1472-6963-13-188")
    answer.status, answer.message["title"]
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from .cache import CachedResponse, ResponseCache
from .config import Settings
from .errors import BadCacheEntry, CrossrefRejected, CrossrefUnavailable, NotInCache
from .plan import CANDIDATE_FIELDS, RequestPlan, crossref_for, request_headers, search_plan, work_plan
from .retry import RETRY_STATUSES, RetryPolicy, parse_retry_after
from .throttle import Throttle

EXPECTED_TYPE = {"single": "work", "list": "work-list"}


def litgraph_version() -> str:
    try:
        return version("litgraph")
    except PackageNotFoundError:
        return "0"


def now_iso() -> str:
    """The current UTC time to the second, as provenance records it."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(slots=True)
class ClientStats:
    """What a run cost: requests sent (retries included), retries, cache hits, statuses."""

    requests: int = 0
    retries: int = 0
    cache_hits: int = 0
    started: float = field(default_factory=time.monotonic)
    statuses: Counter = field(default_factory=Counter)

    def rate(self) -> float:
        """Requests sent per second since the client started."""
        elapsed = time.monotonic() - self.started
        return self.requests / elapsed if elapsed > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Retry:
    """One failed attempt that may succeed if tried again."""

    cause: str
    retry_after: float | None = None


class CrossrefClient:
    """Fetch works and search results from a Crossref-compatible REST API.

    Args:
        settings: Base URL, mailto, cache folder, offline mode, timeout and retry tuning.
        transport: An httpx2 transport to send through (tests may pass a mock).
        sleep, clock, rng: Injected for tests; the defaults are the real ones.
        on_retry: Called with (attempt, cause, delay) before each wait.
    """

    def __init__(self, settings: Settings, *, transport=None, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, rng: Callable[[], float] = random.random,
                 on_retry: Callable[[int, str, float], None] | None = None) -> None:
        import httpx2

        self.settings = settings
        self.cr = crossref_for(settings.base_url, settings.mailto, f"litgraph/{litgraph_version()}")
        self.cache = ResponseCache(settings.cache_dir) if settings.cache_dir else None
        self.throttle = Throttle(settings.polite, clock=clock, sleep=sleep)
        self.policy = RetryPolicy(settings.max_retries, settings.backoff_base, settings.backoff_cap,
                                  settings.max_retry_after, rng)
        self.stats = ClientStats()
        self._sleep = sleep
        self._on_retry = on_retry or (lambda *_: None)
        timeout = httpx2.Timeout(settings.timeout, connect=min(settings.timeout, 10.0))
        self.http = httpx2.Client(headers=request_headers(self.cr), timeout=timeout,
                                  transport=transport, follow_redirects=True)

    def __enter__(self) -> CrossrefClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def work(self, doi: str, fresh_since: str | None = None) -> CachedResponse:
        """GET /works/{doi}: status 200 with the work as `.message`, or 404 when Crossref has no such DOI."""
        return self.fetch(work_plan(self.cr, doi), fresh_since)

    def search(self, bibliographic: str, rows: int = 5,
               select: tuple[str, ...] = CANDIDATE_FIELDS) -> CachedResponse:
        """GET /works?query.bibliographic=...: `.message["items"]` are the ranked hits."""
        return self.fetch(search_plan(self.cr, rows, select, query_bibliographic=bibliographic))

    def fetch(self, plan: RequestPlan, fresh_since: str | None = None) -> CachedResponse:
        """The answer to `plan`: from the cache if there is one, else from Crossref (then cached).

        `fresh_since` (an ISO time) ignores cached answers retrieved before it,
        except offline, when the cache is all there is.

        Raises:
            NotInCache: offline, and the cache has no answer.
            BadCacheEntry: offline, and the cache's entry holds no answer (online it is fetched again).
            CrossrefUnavailable: every attempt failed.
            CrossrefRejected: Crossref refused the request (4xx other than 404 and 429).
        """
        cached = self._cached(plan)
        if cached is not None and (self.settings.offline or not fresh_since or cached.retrieved_at >= fresh_since):
            self.stats.cache_hits += 1
            return cached
        if self.settings.offline:
            raise NotInCache(plan.full_url)
        answer = self._fetch_with_retries(plan)
        if self.cache is not None:
            self.cache.put(plan, answer)
        return answer

    def _cached(self, plan: RequestPlan) -> CachedResponse | None:
        """The cache's answer; an entry without one is evicted, so it is fetched again (offline: raised)."""
        if self.cache is None:
            return None
        try:
            return self.cache.get(plan)
        except BadCacheEntry:
            if self.settings.offline:
                raise
            self.cache.evict(plan)
            return None

    def _fetch_with_retries(self, plan: RequestPlan) -> CachedResponse:
        for attempt in range(self.policy.attempts):
            outcome = self._attempt(plan)
            if isinstance(outcome, CachedResponse):
                return outcome
            if attempt == self.policy.max_retries:
                break
            if self.policy.too_long(outcome.retry_after):
                raise CrossrefUnavailable(plan.full_url, attempt + 1,
                                          f"{outcome.cause}; asked to wait {outcome.retry_after:.0f} s")
            delay = self.policy.delay(attempt, outcome.retry_after)
            self.stats.retries += 1
            self._on_retry(attempt + 1, outcome.cause, delay)
            self._sleep(delay)
        raise CrossrefUnavailable(plan.full_url, self.policy.attempts, outcome.cause)

    def _attempt(self, plan: RequestPlan) -> CachedResponse | Retry:
        import httpx2

        with self.throttle.slot(plan.kind):
            self.stats.requests += 1
            try:
                response = self.http.get(plan.url, params=list(plan.params))
            except httpx2.TimeoutException as exc:
                return Retry(f"timed out after {self.settings.timeout:g} s ({type(exc).__name__})")
            except httpx2.TransportError as exc:
                return Retry(f"connection failed: {type(exc).__name__}: {exc}")
        self.throttle.observe(plan.kind, response.headers)
        self.stats.statuses[response.status_code] += 1
        return self._interpret(plan, response)

    def _interpret(self, plan: RequestPlan, response) -> CachedResponse | Retry:
        status = response.status_code
        if status in RETRY_STATUSES:
            return Retry(f"{status} {response.reason_phrase}".strip(),
                         parse_retry_after(response.headers.get("retry-after")))
        if status == 404 and plan.kind == "single":
            return CachedResponse(plan.full_url, 404, None, now_iso())
        if status >= 400:
            raise CrossrefRejected(plan.full_url, status, error_message(response))
        try:
            body = response.json()
        except ValueError:
            return Retry("malformed JSON in the response")
        if not is_envelope(body, EXPECTED_TYPE[plan.kind]):
            return Retry("a response not shaped like Crossref's (status, message-type, message)")
        return CachedResponse(plan.full_url, status, body, now_iso())


def is_envelope(body: object, message_type: str) -> bool:
    return (isinstance(body, dict) and body.get("status") == "ok"
            and body.get("message-type") == message_type and isinstance(body.get("message"), dict))


def error_message(response) -> str:
    """Crossref's own words for a refusal, read as habanero reads them; else the start of the body."""
    from habanero.habanero_utils import parse_json_err

    try:
        return str(parse_json_err(response))
    except (ValueError, KeyError, TypeError, AttributeError):
        return response.text.strip()[:200] or response.reason_phrase
