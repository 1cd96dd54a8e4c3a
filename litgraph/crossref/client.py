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
from collections.abc import Callable

from ..webclient import CachedRetryingClient, ClientStats, Retry, litgraph_version, now_iso
from .cache import CachedResponse, ResponseCache
from .config import Settings
from .errors import CrossrefRejected, CrossrefUnavailable
from .plan import CANDIDATE_FIELDS, RequestPlan, crossref_for, request_headers, search_plan, work_plan
from .retry import RETRY_STATUSES, RetryPolicy, parse_retry_after
from .throttle import Throttle

EXPECTED_TYPE = {"single": "work", "list": "work-list"}
__all__ = ["ClientStats", "CrossrefClient", "Retry", "litgraph_version", "now_iso"]  # the shared pieces, re-exported


class CrossrefClient(CachedRetryingClient):
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

    def _unavailable(self, url: str, attempts: int, cause: str) -> CrossrefUnavailable:
        return CrossrefUnavailable(url, attempts, cause)

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
