"""The on-disk response cache: a second run asks Crossref nothing it already asked.

One JSON file per request, named by a hash of its URL and parameters (the
base URL is part of the URL, so two servers never share an entry), holding
the status, the parsed body and when it was retrieved. Answers are cached
(200, and 404 "no such DOI"); failures (429, 5xx, timeouts) never are. Each
file is written atomically, so an interrupted run leaves whole entries only.

Example:
    >>> import tempfile
    >>> from litgraph.crossref.plan import RequestPlan
    >>> cache = ResponseCache(tempfile.mkdtemp())
    >>> plan = RequestPlan("https://api.crossref.org/works/10.1/x")
    >>> cache.get(plan) is None
    True
    >>> cache.put(plan, CachedResponse(plan.full_url, 404, None, "2026-01-01T00:00:00Z"))
    >>> cache.get(plan).status
    404
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from .errors import BadCacheEntry
from .plan import RequestPlan

CACHE_VERSION = 1


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """A response as litgraph keeps it: where it came from, when, its status and body."""

    url: str
    status: int
    body: Any
    retrieved_at: str
    from_cache: bool = False

    @property
    def message(self) -> Any:
        """The `message` of Crossref's envelope (a work, or a work list); None for a 404."""
        return self.body.get("message") if isinstance(self.body, dict) else None


class ResponseCache:
    """Responses on disk under `root`, keyed by the request."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path_for(self, plan: RequestPlan) -> Path:
        key = json.dumps([CACHE_VERSION, plan.url, sorted(plan.params)], ensure_ascii=False)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.root / digest[:2] / f"{digest}.json"

    def get(self, plan: RequestPlan) -> CachedResponse | None:
        """The cached response, or None when there is none (or the entry cannot be read).

        Raises:
            BadCacheEntry: the entry reads, but holds no answer (a 200 with a null or empty body).
        """
        path = self.path_for(plan)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            cached = CachedResponse(data["url"], int(data["status"]), data["body"], data["retrieved_at"],
                                    from_cache=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if cached.status != 404 and not isinstance(cached.message, dict):
            raise BadCacheEntry(str(path), plan.full_url, f"a {cached.status} with no work in its body "
                                                          f"({json.dumps(cached.body)[:40]})")
        return cached

    def evict(self, plan: RequestPlan) -> None:
        """Remove the entry for `plan`, so that the next request asks Crossref again."""
        self.path_for(plan).unlink(missing_ok=True)

    def put(self, plan: RequestPlan, response: CachedResponse) -> None:
        record = {"url": response.url, "status": response.status,
                  "retrieved_at": response.retrieved_at, "body": response.body}
        write_text_atomic(self.path_for(plan), json.dumps(record, ensure_ascii=False))
