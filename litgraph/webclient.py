"""What every polite web client of litgraph shares: the cache, retries with backoff, and run statistics.

The Crossref client (`crossref/client.py`) and the OpenCitations client
(`opencitations/client.py`) differ only in how one attempt is sent and how its
answer is read (`_attempt`) and in the error raised when a service stays down
(`_unavailable`); `CachedRetryingClient` does the rest:

- an answer already in the cache is never asked again; `offline` answers only from it,
  and a cache entry that holds no answer is evicted and fetched again (offline: raised);
- a failed attempt (`Retry`) is tried again with the policy's backoff and jitter,
  honouring Retry-After, until the policy gives up.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from .crossref.cache import CachedResponse
from .crossref.errors import BadCacheEntry, NotInCache
from .crossref.plan import RequestPlan
from .errors import UpstreamError


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


class CachedRetryingClient:
    """The cache-then-retry loop; subclasses set `settings`, `cache`, `policy`, `stats`, `_sleep`, `_on_retry`."""

    def fetch(self, plan: RequestPlan, fresh_since: str | None = None) -> CachedResponse:
        """The answer to `plan`: from the cache if there is one, else from the service (then cached).

        `fresh_since` (an ISO time) ignores cached answers retrieved before it,
        except offline, when the cache is all there is.

        Raises:
            NotInCache: offline, and the cache has no answer.
            BadCacheEntry: offline, and the cache's entry holds no answer (online it is fetched again).
            UpstreamError: every attempt failed (the subclass's `_unavailable`), or the service refused.
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
                raise self._unavailable(plan.full_url, attempt + 1,
                                        f"{outcome.cause}; asked to wait {outcome.retry_after:.0f} s")
            delay = self.policy.delay(attempt, outcome.retry_after)
            self.stats.retries += 1
            self._on_retry(attempt + 1, outcome.cause, delay)
            self._sleep(delay)
        raise self._unavailable(plan.full_url, self.policy.attempts, outcome.cause)

    def _attempt(self, plan: RequestPlan) -> CachedResponse | Retry:
        raise NotImplementedError

    def _unavailable(self, url: str, attempts: int, cause: str) -> UpstreamError:
        raise NotImplementedError
