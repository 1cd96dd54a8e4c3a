"""When to try a failed request again, and how long to wait first.

Retried: 429, 500, 502, 503, 504, timeouts, connection errors and resets,
and a 200 whose body is not Crossref's JSON. Waits grow exponentially with
"equal jitter" (half fixed, half random), so that many clients that failed
together do not return together; a `Retry-After` header, in seconds or as an
HTTP date, is a floor on the wait. When Crossref asks for a longer wait than
`max_retry_after`, litgraph gives up at once rather than hang.

Example:
    >>> policy = RetryPolicy(max_retries=3, base=1.0, cap=8.0, rng=lambda: 0.0)
    >>> [policy.delay(n) for n in range(3)]
    [0.5, 1.0, 2.0]
    >>> policy.delay(0, retry_after=5.0)
    5.0
    >>> parse_retry_after("7")
    7.0
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """`max_retries` further attempts after the first, waiting `delay(n)` before retry n."""

    max_retries: int = 5
    base: float = 1.0
    cap: float = 60.0
    max_retry_after: float = 300.0
    rng: Callable[[], float] = field(default=random.random, compare=False)

    @property
    def attempts(self) -> int:
        return self.max_retries + 1

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `retry` (0-based)."""
        backoff = min(self.cap, self.base * 2 ** retry)
        jittered = backoff / 2 + backoff / 2 * self.rng()
        return max(jittered, retry_after) if retry_after is not None else jittered

    def too_long(self, retry_after: float | None) -> bool:
        return retry_after is not None and retry_after > self.max_retry_after


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header ("120" or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())
