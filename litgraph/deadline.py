"""Run a blocking engine call so that a time limit and Ctrl-C still stop the caller at once.

pyoxigraph evaluates a query inside Rust without returning to Python, so a
signal handler cannot run in that thread until the query ends (a cartesian
COUNT ignored Ctrl-C for minutes). It does release the GIL while it works, so
the call runs in a daemon thread and the calling thread only waits: on time-out
or Ctrl-C the caller goes on (raising) and the abandoned thread dies with the
process. Starting the thread costs about 0.1 ms (`python -m bench.overhead`
style measurement in the README). Long-lived processes that must reclaim the
CPU of a stopped query use a worker process instead (litgraph/sparql_front.py).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_S = 0.2  # a wait is woken for a signal only if the signal hit this thread: look again this often


class DeadlinePassed(Exception):
    """The call did not finish within its time limit (it is still running, abandoned)."""


def call_with_deadline(function: Callable[[], T], timeout_s: float | None) -> T:
    """`function()`, run in a daemon thread; raises DeadlinePassed after `timeout_s` (None: wait for ever).

    Exceptions of `function` are re-raised in the caller; KeyboardInterrupt
    reaches the caller while the call is still running.
    """
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            if hasattr(signal, "pthread_sigmask"):  # signals go to the waiting thread, which can act on them
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            outcome["value"] = function()
        except BaseException as exc:  # noqa: BLE001 (handed to the caller as it is)
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=target, name="litgraph-query", daemon=True).start()
    wait_for(done, timeout_s)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def wait_for(done: threading.Event, timeout_s: float | None) -> None:
    """Wait until `done` is set, in short steps so that a pending Ctrl-C is raised at once."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    while not done.wait(POLL_S if deadline is None else max(0.0, min(POLL_S, deadline - time.monotonic()))):
        if deadline is not None and time.monotonic() >= deadline:
            raise DeadlinePassed
