"""The OpenCitations client: Crossref's polite pieces (cache, throttle, retry with Retry-After) reused.

Every answer is a JSON list (references, citations) or a one-item list
(citation-count). It is cached as `{"message": {"items": [...]}}` (the
shape litgraph's response cache keeps), so a rerun or an interrupted run
continues without asking twice; `--offline` answers from the cache only.
"""

from __future__ import annotations

import random
import time
from urllib.parse import quote

from ..crossref.cache import CachedResponse, ResponseCache
from ..crossref.plan import RequestPlan
from ..crossref.retry import RETRY_STATUSES, RetryPolicy, parse_retry_after
from ..crossref.throttle import Throttle
from ..errors import UpstreamError
from ..webclient import CachedRetryingClient, ClientStats, Retry, litgraph_version, now_iso
from .config import Settings

OPERATIONS = ("references", "citations", "citation-count")


class OpenCitationsUnavailable(UpstreamError):
    def __init__(self, url: str, attempts: int, cause: str) -> None:
        super().__init__(f"OpenCitations did not answer {url} after {attempts} attempt(s): {cause}")


class OpenCitationsClient(CachedRetryingClient):
    def __init__(self, settings: Settings, *, sleep=time.sleep, rng=random.random) -> None:
        import httpx2

        self.settings = settings
        self.cache = ResponseCache(settings.cache_dir) if settings.cache_dir else None
        self.throttle = Throttle(False, sleep=sleep)
        self.policy = RetryPolicy(settings.max_retries, settings.backoff_base, settings.backoff_cap,
                                  settings.max_retry_after, rng)
        self.stats, self._sleep, self._on_retry = ClientStats(), sleep, (lambda *_: None)
        self.http = httpx2.Client(headers=headers(settings), follow_redirects=True,
                                  timeout=httpx2.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)))

    def __enter__(self) -> OpenCitationsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def ask(self, operation: str, doi: str) -> CachedResponse:
        """GET /{operation}/doi:{doi}: `.message["items"]` is the answer's list ([] for an unknown DOI)."""
        plan = RequestPlan(f"{self.settings.base_url}/{operation}/doi:{quote(doi, safe='/()._-;:')}")
        return self.fetch(plan)

    def _unavailable(self, url: str, attempts: int, cause: str) -> OpenCitationsUnavailable:
        return OpenCitationsUnavailable(url, attempts, cause)

    def _attempt(self, plan: RequestPlan) -> CachedResponse | Retry:
        import httpx2

        with self.throttle.slot(plan.kind):
            self.stats.requests += 1
            try:
                response = self.http.get(plan.url)
            except httpx2.TimeoutException:
                return Retry(f"timed out after {self.settings.timeout:g} s")
            except httpx2.TransportError as exc:
                return Retry(f"connection failed: {type(exc).__name__}")
        self.stats.statuses[response.status_code] += 1
        return interpret(plan, response)


def interpret(plan: RequestPlan, response) -> CachedResponse | Retry:
    status = response.status_code
    if status in RETRY_STATUSES:
        return Retry(f"{status} {response.reason_phrase}".strip(), parse_retry_after(response.headers.get("retry-after")))
    if status == 404:
        return CachedResponse(plan.full_url, 200, {"message": {"items": []}}, now_iso())
    if status >= 400:
        raise UpstreamError(f"OpenCitations refused {plan.full_url}: {status} {response.text.strip()[:200]}")
    try:
        body = response.json()
    except ValueError:
        return Retry("malformed JSON in the response")
    if not isinstance(body, list) or not all(isinstance(row, dict) for row in body):
        return Retry("a response not shaped like OpenCitations' (a JSON list of objects)")
    return CachedResponse(plan.full_url, 200, {"message": {"items": body}}, now_iso())


def headers(settings: Settings) -> dict[str, str]:
    agent = f"litgraph/{litgraph_version()}" + (f" (mailto:{settings.mailto})" if settings.mailto else "")
    return {"User-Agent": agent, "Accept": "application/json"} | (
        {"authorization": settings.token} if settings.token else {})
