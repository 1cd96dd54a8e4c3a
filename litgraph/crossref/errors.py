"""The errors the Crossref stage raises, below litgraph's one root (litgraph.errors).

Exception tree::

    LitgraphError
    ├── InputError
    │   ├── CrossrefConfigError     a config file that cannot be read, a bad option value
    │   └── BadCacheEntry           --offline, and a cache entry holds no answer (null or empty body);
    │                               online such an entry is evicted and fetched again
    ├── UpstreamError               (exit 3)
    │   ├── CrossrefUnavailable     Crossref kept failing (429, 5xx, timeouts, resets,
    │   │                           malformed JSON) after every retry; carries url, attempts, cause
    │   └── CrossrefRejected        Crossref refused the request (400 or another 4xx); carries status
    ├── NotInCache                  --offline and the response is not cached (exit 1: the run
    │                               finished, but could not answer this record)
    └── RecordsFailed               a run finished, but some records failed or went unanswered
                                    (exit 1); the summary lists them

httpx2 exceptions never leave the client: they become CrossrefUnavailable with
`raise ... from`. A 404 for a DOI is not an error: the client returns "not found".
"""

from __future__ import annotations

from ..errors import EXIT_PARTIAL, InputError, LitgraphError, UpstreamError


class CrossrefConfigError(InputError):
    """A config file or option value the Crossref commands cannot use."""


class BadCacheEntry(InputError):
    """A cache entry that is valid JSON but holds no answer; carries its path and the request URL."""

    def __init__(self, path: str, url: str, cause: str) -> None:
        self.path = path
        self.url = url
        super().__init__(f"{path}: cached answer for {url} is {cause}; delete that file, "
                         "or run without --offline to fetch it again")


class CrossrefUnavailable(UpstreamError):
    """Crossref stayed down or kept failing after every retry."""

    def __init__(self, url: str, attempts: int, cause: str) -> None:
        self.url = url
        self.attempts = attempts
        self.cause = cause
        plural = "s" if attempts != 1 else ""
        super().__init__(f"Crossref failed after {attempts} attempt{plural} ({cause}): {url}")


class CrossrefRejected(UpstreamError):
    """Crossref refused the request; retrying would not help."""

    def __init__(self, url: str, status: int, message: str) -> None:
        self.url = url
        self.status = status
        super().__init__(f"Crossref rejected the request ({status}: {message}): {url}")


class NotInCache(LitgraphError):
    """Offline, and the cache holds no response for this request."""

    exit_code = EXIT_PARTIAL

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(f"not in the cache (--offline): {url}")


class RecordsFailed(LitgraphError):
    """A run finished, but some of its records failed or could not be answered."""

    exit_code = EXIT_PARTIAL
