"""Keep to Crossref's announced limits: a pace per request kind and a concurrency gate.

Crossref announces its limits on every response: `x-rate-limit-limit` requests
per `x-rate-limit-interval` (e.g. "1s"), and `x-concurrency-limit` requests
in flight at once. Until the first response says otherwise, litgraph assumes
the limits announced for December 2025 (`DEFAULT_LIMITS`), lower for
searches than for single works, lower without a mailto than with one.

Pacing rather than bursting: request starts are spaced at least
interval/limit apart (plus a small margin), so any window of one interval
holds at most `limit` starts, however the windows are cut. This is what the
tests measure at the server.

Example:
    >>> limit = RateLimit.from_headers({"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s"})
    >>> limit.requests, limit.interval, limit.spacing > 0.1
    (10, 1.0, True)
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

# A start is never closer than interval/limit * (1 + MARGIN) to the one before: the
# margin absorbs the jitter between our clock and the moment the server counts a request.
MARGIN = 0.05
INTERVAL_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "": 1.0}


@dataclass(frozen=True, slots=True)
class RateLimit:
    """`requests` per `interval` seconds, with at most `concurrency` in flight."""

    requests: int
    interval: float
    concurrency: int

    @property
    def spacing(self) -> float:
        return self.interval / self.requests * (1 + MARGIN)

    @classmethod
    def from_headers(cls, headers: Mapping[str, str], fallback: RateLimit | None = None) -> RateLimit:
        """The limits a response announces; what it leaves out comes from `fallback`."""
        fallback = fallback or DEFAULT_LIMITS[("single", False)]
        lowered = {k.lower(): v for k, v in headers.items()}
        requests = positive_int(lowered.get("x-rate-limit-limit")) or fallback.requests
        interval = parse_interval(lowered.get("x-rate-limit-interval")) or fallback.interval
        concurrency = positive_int(lowered.get("x-concurrency-limit")) or fallback.concurrency
        return cls(requests, interval, concurrency)


# (kind, polite) -> limits assumed before Crossref announces any.
DEFAULT_LIMITS = {
    ("single", False): RateLimit(5, 1.0, 1),
    ("single", True): RateLimit(10, 1.0, 3),
    ("list", False): RateLimit(1, 1.0, 1),
    ("list", True): RateLimit(3, 1.0, 1),
}


def positive_int(value: str | None) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def parse_interval(value: str | None) -> float | None:
    """"1s" -> 1.0, "60s" -> 60.0, "500ms" -> 0.5; None when absent or unreadable."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|)\s*", value or "")
    if not match:
        return None
    seconds = float(match.group(1)) * INTERVAL_UNITS[match.group(2)]
    return seconds if seconds > 0 else None


class Gate:
    """A semaphore whose size can change while it is in use."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._busy = 0
        self._cond = threading.Condition()

    def resize(self, size: int) -> None:
        with self._cond:
            self._size = max(1, size)
            self._cond.notify_all()

    def __enter__(self) -> Gate:
        with self._cond:
            self._cond.wait_for(lambda: self._busy < self._size)
            self._busy += 1
        return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._busy -= 1
            self._cond.notify_all()


class Pace:
    """Spaces request starts at least `spacing` seconds apart; safe across threads."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float], sleep: Callable[[float], None]):
        self.limit = limit
        self._clock, self._sleep = clock, sleep
        self._last: float | None = None
        self._next = 0.0
        self._lock = threading.Lock()

    def wait_turn(self) -> float:
        """Reserve the next start time, sleep until it, and return how long we waited."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._last, self._next = start, start + self.limit.spacing
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return delay

    def update(self, limit: RateLimit) -> None:
        with self._lock:
            self.limit = limit
            if self._last is not None:
                # The next start keeps the new spacing from the last one, stricter or looser.
                self._next = self._last + limit.spacing


class Throttle:
    """One pace and one gate per request kind ("single", "list"), updated from response headers."""

    def __init__(self, polite: bool, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._paces = {kind: Pace(DEFAULT_LIMITS[(kind, polite)], clock, sleep) for kind in ("single", "list")}
        self._gates = {kind: Gate(pace.limit.concurrency) for kind, pace in self._paces.items()}
        self.waited = 0.0

    def limit(self, kind: str) -> RateLimit:
        return self._paces[kind].limit

    @contextmanager
    def slot(self, kind: str) -> Iterator[None]:
        """Hold one of the `concurrency` places, starting no sooner than the pace allows."""
        with self._gates[kind]:
            self.waited += self._paces[kind].wait_turn()
            yield

    def observe(self, kind: str, headers: Mapping[str, str]) -> None:
        """Adopt the limits a response announced."""
        pace = self._paces[kind]
        limit = RateLimit.from_headers(headers, fallback=pace.limit)
        if limit != pace.limit:
            pace.update(limit)
            self._gates[kind].resize(limit.concurrency)
