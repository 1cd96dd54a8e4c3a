"""The one exception root of litgraph, and the exit codes the CLI maps them to.

Exception tree::

    LitgraphError                  (exit 2 unless a subclass says otherwise)
    ├── InputError                 bad input or usage: a file, entry, option or value
    │   ├── CorpusError            a malformed corpus file; carries path and line
    │   ├── QueryError             unknown query, bad parameter, SPARQL syntax error
    │   └── StoreMissingError      no built store to read: run `litgraph build`
    ├── StoreError                 the store failed while reading or writing (exit 1)
    └── UpstreamError              a remote service (Crossref, a SPARQL endpoint) failed (exit 3)

Per-record problems (a reference string that does not parse cleanly, a work
with too little data) are *not* raised: stages collect them as warnings and
the CLI reports them, exiting 1 when a run finished but some records failed.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_BAD_INPUT = 2
EXIT_UPSTREAM = 3


class LitgraphError(Exception):
    """Root of every error litgraph raises on purpose."""

    exit_code = EXIT_BAD_INPUT


class InputError(LitgraphError):
    """Bad input or usage: the message names the file, entry, option or value."""


class CorpusError(InputError):
    """A corpus file that cannot be read as documented in corpus/README.md."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.detail = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class QueryError(InputError):
    """An unknown query or parameter, or a query the SPARQL engine rejects."""


class StoreMissingError(InputError):
    """A command needs the built store and there is none."""


class StoreError(LitgraphError):
    """The store failed while loading or answering."""

    exit_code = EXIT_PARTIAL


class UpstreamError(LitgraphError):
    """A remote service stayed unreachable or kept failing."""

    exit_code = EXIT_UPSTREAM
